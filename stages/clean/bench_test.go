package clean

import (
	"io/fs"
	"path"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/pipeline"
)

// BenchmarkClean cleans every .txt and .md fixture article: hard-wrapped
// lines, furniture, press reviews.
func BenchmarkClean(b *testing.B) {
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
	c, err := New(pipeline.CleanConfig{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			c.Clean(t)
		}
	}
}
