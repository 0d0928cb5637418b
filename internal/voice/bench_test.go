package voice

import (
	"io/fs"
	"path"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
)

// fixtureTexts returns the raw .txt and .md fixture articles: real-looking
// news text with typographic quotes, accents and non-Latin scripts.
func fixtureTexts(b *testing.B) ([]string, int) {
	var texts []string
	n := 0
	_ = fs.WalkDir(fixtures.FS, "corpus", func(p string, e fs.DirEntry, err error) error {
		if err != nil || (path.Ext(p) != ".txt" && path.Ext(p) != ".md") {
			return nil
		}
		bs, _ := fs.ReadFile(fixtures.FS, p)
		texts = append(texts, string(bs))
		n += len(bs)
		return nil
	})
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
