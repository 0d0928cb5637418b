package figures

import (
	"context"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/jdkato/prose/v3"
)

// tagged returns a one-unit document whose tokens carry prose's Penn tags,
// as the text stage would give them.
func tagged(t *testing.T, text string) *pipeline.Doc {
	t.Helper()
	doc, err := prose.NewDocument(text, prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(text, "2024-06-19")
	from := 0
	for _, tok := range doc.Tokens() {
		k := strings.Index(text[from:], tok.Text)
		if k < 0 {
			continue
		}
		s := from + k
		d.Units[0].Tokens = append(d.Units[0].Tokens, pipeline.Token{Start: s, End: s + len(tok.Text), Text: tok.Text, Tag: tok.Tag})
		from = s + len(tok.Text)
	}
	return d
}

func TestCountedPOS(t *testing.T) {
	x, err := New(pipeline.FigureConfig{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, fig, counted string }{
		{"North Korea has sent about 1 million units of ammunition to Russia.", "about 1 million", "units of ammunition"},
		{"The volume could equal more than 4.8 million artillery shells.", "more than 4.8 million", "artillery shells"},
		{"It sent dozens of short-range ballistic missiles.", "dozens", "short-range ballistic missiles"},
		{"Russia wrote off 90% of North Korea's Soviet-era debt.", "90%", "North Korea's Soviet-era debt"},
		{"Brussels set a 20% duty for Geely.", "20%", "duty"},
		{"The talks lasted 24 years.", "24 years", ""},
	}
	for _, tt := range tests {
		t.Run(tt.fig, func(t *testing.T) {
			d := tagged(t, tt.text)
			if err := x.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for _, f := range d.Units[0].Figures {
				if f.Text == tt.fig {
					if f.Counted != tt.counted {
						t.Errorf("counted of %q in %q = %q, want %q (tokens %v)", tt.fig, tt.text, f.Counted, tt.counted, d.Units[0].Tokens)
					}
					return
				}
			}
			t.Errorf("figure %q not found in %+v", tt.fig, d.Units[0].Figures)
		})
	}
}
