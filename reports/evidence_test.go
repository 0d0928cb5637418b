package reports

import (
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func TestEvidenceKeepsTwoPerSide(t *testing.T) {
	m := func(score float64, sentence string) pipeline.StanceMention {
		return pipeline.StanceMention{Target: "Russia", Score: score, Sentence: sentence, Voice: pipeline.VoiceQuoted}
	}
	tests := []struct {
		name        string
		in          []pipeline.StanceMention
		best, worst []string
	}{
		{"sides by sign", []pipeline.StanceMention{m(0.5, "a"), m(-0.5, "b"), m(0, "zero")}, []string{"a"}, []string{"b"}},
		{"strongest two", []pipeline.StanceMention{m(0.1, "a"), m(0.7, "b"), m(0.4, "c"), m(-0.2, "d"), m(-0.9, "e"), m(-0.3, "f")},
			[]string{"b", "c"}, []string{"e", "f"}},
		{"first on a tie", []pipeline.StanceMention{m(0.5, "a"), m(0.5, "b"), m(0.5, "c")}, []string{"a", "b"}, nil},
		{"a sentence once", []pipeline.StanceMention{m(0.3, "a"), m(0.6, "a"), m(0.2, "b")}, []string{"a", "b"}, nil},
		{"folded white space", []pipeline.StanceMention{m(0.3, " a\n\n b\t"), m(0.2, "a b")}, []string{"a b"}, nil},
		{"no sentence", []pipeline.StanceMention{m(0.3, "")}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAggregates()
			for _, x := range tc.in {
				a.addEvidence("Outlet", x)
			}
			var best, worst []string
			for _, te := range a.evidenceFor("Outlet", []string{"Russia"}) {
				for _, l := range te.Lines {
					if l.Voice != pipeline.VoiceQuoted {
						t.Errorf("voice = %q, want quoted", l.Voice)
					}
					if l.Side == "favourable" {
						best = append(best, l.Text)
					} else {
						worst = append(worst, l.Text)
					}
				}
			}
			if strings.Join(best, "|") != strings.Join(tc.best, "|") || strings.Join(worst, "|") != strings.Join(tc.worst, "|") {
				t.Errorf("evidence = %q / %q, want %q / %q", best, worst, tc.best, tc.worst)
			}
		})
	}
}

func TestFoldSentenceCutsLongText(t *testing.T) {
	long := strings.Repeat("word ", 200)
	got := foldSentence(long)
	if n := len([]rune(got)); n > evidenceRunes+2 || !strings.HasSuffix(got, " …") {
		t.Errorf("foldSentence(1000 bytes) = %d runes ending %q, want at most %d ending \" …\"", n, got[len(got)-8:], evidenceRunes+2)
	}
	if got := foldSentence("  Putin   said\nno. "); got != "Putin said no." {
		t.Errorf("foldSentence = %q, want %q", got, "Putin said no.")
	}
}
