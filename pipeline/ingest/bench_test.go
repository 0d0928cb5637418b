package ingest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/pipeline"
)

// corpusDir is the fixtures corpus, read through the OS file system as
// framewatch reads real input.
const corpusDir = "../../fixtures/corpus"

func corpusBytes(b *testing.B) int64 {
	var n int64
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			n += fi.Size()
		}
		return nil
	})
	if err != nil {
		b.Skipf("fixtures corpus: %v", err)
	}
	return n
}

// BenchmarkCorpus reads the whole fixtures corpus: every format, HTML
// extraction, hashing and duplicate detection.
func BenchmarkCorpus(b *testing.B) {
	b.SetBytes(corpusBytes(b))
	b.ReportAllocs()
	s := &Source{Paths: []string{corpusDir}}
	ctx := context.Background()
	for b.Loop() {
		if err := s.Docs(ctx, func(*pipeline.Doc) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTML isolates the HTML extraction, the costliest format.
func BenchmarkHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join(corpusDir, "html", "dw-ev-tariffs.html"))
	if err != nil {
		b.Skipf("fixtures corpus: %v", err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extractHTML(page); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHash hashes every fixture article for duplicate detection.
func BenchmarkHash(b *testing.B) {
	texts, n := fixtures.Articles()
	if len(texts) == 0 {
		b.Skip("no fixtures")
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Hash(t)
		}
	}
}
