package quotes

import (
	"context"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// unitOf makes a one-unit document of text with entity mentions for the
// given names (every occurrence).
func unitOf(text string, ents ...pipeline.Mention) *pipeline.Doc {
	u := &pipeline.Unit{ID: "d#0", Kind: pipeline.KindArticle, Start: 0, End: len(text)}
	for _, e := range ents {
		if e.Text == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], e.Text)
			if i < 0 {
				break
			}
			m := e
			m.Start, m.End = from+i, from+i+len(e.Text)
			u.Entities = append(u.Entities, m)
			from += i + len(e.Text)
		}
	}
	return &pipeline.Doc{ID: "d", Text: text, Status: pipeline.StatusOK, Units: []*pipeline.Unit{u}}
}

func TestFind(t *testing.T) {
	peskov := pipeline.Mention{Text: "Dmitry Peskov", Type: pipeline.EntPerson, Entity: "Dmitry Peskov", Actor: "Russia"}
	kremlin := pipeline.Mention{Text: "Kremlin", Type: pipeline.EntOrg, Entity: "Kremlin", Actor: "Russia"}
	tass := pipeline.Mention{Text: "TASS", Type: pipeline.EntOutlet, Entity: "TASS"}
	tests := []struct {
		name string
		doc  *pipeline.Doc
		want []string // kind|speaker|entity|actor|verb|source|text
	}{
		{"direct with its attribution", unitOf("“We will respond,” Kremlin spokesman Dmitry Peskov said.", peskov, kremlin),
			[]string{"direct|Kremlin spokesman Dmitry Peskov|Dmitry Peskov|Russia|said|official|“We will respond,”"}},
		{"indirect, unnamed", unitOf("Officials said the talks had failed.", peskov),
			[]string{"indirect|Officials|||said|unnamed|the talks had failed"}},
		{"pronoun", unitOf("Dmitry Peskov spoke. He said the talks had failed.", peskov),
			[]string{"indirect|He|Dmitry Peskov|Russia|said|official|the talks had failed"}},
		{"outlet", unitOf("The army retreated, TASS reported.", tass),
			[]string{"indirect|TASS|TASS||reported|outlet|The army retreated"}},
		// The phrase stops at an adjunct ("at", "on", "in").
		{"expert", unitOf("The sanctions will bite, said an analyst at Chatham House.", pipeline.Mention{}),
			[]string{"indirect|an analyst|||said|expert|The sanctions will bite"}},
		{"scare quotes dropped", unitOf("The “peacekeepers” arrived.", pipeline.Mention{}), nil},
		{"unattributed quotation kept", unitOf("“We will never give up our land,” read the banner.", pipeline.Mention{}),
			[]string{"direct||||||“We will never give up our land,”"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := New()
			if err := f.Process(context.Background(), tc.doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range tc.doc.Units[0].Quotes {
				got = append(got, strings.Join([]string{q.Kind, q.Speaker, q.Entity, q.Actor, q.Verb, q.Source, q.Text}, "|"))
				if tc.doc.Text[q.Start:q.End] != q.Text || q.Speaker != "" && tc.doc.Text[q.SpeakerStart:q.SpeakerEnd] != q.Speaker {
					t.Errorf("quote %+v: offsets do not give its text", q)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Find(%q) =\n%s\nwant\n%s", tc.doc.Text, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
