package figures

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/pipeline"
)

// benchText is the fixture corpus's plain-text articles, joined.
func benchText(b *testing.B) string {
	var sb strings.Builder
	err := fs.WalkDir(fixtures.FS, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".md")) ||
			strings.Contains(path, "/bad/") {
			return err
		}
		t, err := fixtures.FS.ReadFile(path)
		sb.Write(t)
		sb.WriteString("\n\n")
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return sb.String()
}

func BenchmarkProcess(b *testing.B) {
	text := benchText(b)
	x, err := New(pipeline.FigureConfig{})
	if err != nil {
		b.Fatal(err)
	}
	tokens := len(tokenize(nil, text))
	d := &pipeline.Doc{Text: text, Clean: joinLines(text), Units: []*pipeline.Unit{{Start: 0, End: len(text), Date: "2024-06-19"}}}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := x.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkParse(b *testing.B) {
	text := benchText(b)
	tokens := len(tokenize(nil, text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
