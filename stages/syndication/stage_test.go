package syndication

import (
	"context"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func TestProcess(t *testing.T) {
	long := strings.Repeat("Officials in the capital said the talks would resume next week after a pause. ", 5)
	d := &pipeline.Doc{Text: long + "Short.", Units: []*pipeline.Unit{
		{ID: "d#0", Start: 0, End: len(long)},
		{ID: "d#1", Index: 1, Start: len(long), End: len(long) + 6},
		{ID: "d#2", Index: 2, Start: 0, End: len(long), Skip: "language de (not analysed)"},
	}}
	d.Clean = d.Text
	s, _ := New()
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Units[0].Sketch) != 64 || d.Units[1].Sketch != nil || d.Units[2].Sketch != nil {
		t.Errorf("sketches: %d, %v, %v; want one for the long unit only", len(d.Units[0].Sketch), d.Units[1].Sketch, d.Units[2].Sketch)
	}
}

func BenchmarkProcess(b *testing.B) {
	text := strings.Repeat("Officials in the capital said the talks would resume next week after a pause. ", 40)
	s, _ := New()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d := &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{ID: "d#0", End: len(text)}}}
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
