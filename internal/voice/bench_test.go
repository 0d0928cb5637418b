package voice

import (
	"testing"

	"github.com/framewatch/framewatch/fixtures"
)

// fixtureTexts returns the fixture articles: real-looking news text with
// typographic quotes, accents and non-Latin scripts.
func fixtureTexts(b *testing.B) ([]string, int) {
	texts, n := fixtures.Articles()
	if len(texts) == 0 {
		b.Skip("no fixtures")
	}
	return texts, n
}

func BenchmarkWords(b *testing.B) {
	texts, n := fixtureTexts(b)
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Words(t)
		}
	}
}

func BenchmarkSpans(b *testing.B) {
	texts, n := fixtureTexts(b)
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			for _, s := range Sentences(t) {
				Spans(t[s[0]:s[1]])
			}
		}
	}
}
