package voice

import (
	"testing"

	"github.com/framewatch/framewatch/fixtures"
)

// benchFixtures runs f on every fixture article (real-looking news text
// with typographic quotes, accents and non-Latin scripts) per iteration.
func benchFixtures(b *testing.B, f func(text string)) {
	texts, n := fixtures.Articles()
	if len(texts) == 0 {
		b.Skip("no fixtures")
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			f(t)
		}
	}
}

func BenchmarkWords(b *testing.B) {
	benchFixtures(b, func(t string) { Words(t) })
}

func BenchmarkSpans(b *testing.B) {
	benchFixtures(b, func(t string) {
		for _, s := range Sentences(t) {
			Spans(t[s[0]:s[1]])
		}
	})
}
