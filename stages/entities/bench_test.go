package entities_test

import (
	"context"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/pipeline"
)

// BenchmarkProcessArticles runs the stage over every fixture article, each
// its own document, as a run sees varied news (BenchmarkProcess repeats
// one text).
func BenchmarkProcessArticles(b *testing.B) {
	tg, r := newStages(b, pipeline.EntityConfig{})
	texts, size := fixtures.Articles()
	var docs []*pipeline.Doc
	n := 0
	for _, s := range texts {
		d := &pipeline.Doc{Text: s, Clean: s, Units: []*pipeline.Unit{{Start: 0, End: len(s)}}}
		if err := tg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		n += len(d.Units[0].Tokens)
		docs = append(docs, d)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			if err := r.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
