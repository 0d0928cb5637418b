package voice

import (
	"reflect"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
)

// checkSpeech compares a Speech of text with Spans and Quoted: for the
// span of every word and for every sentence, pair of sentences and cut at
// a space.
func checkSpeech(t *testing.T, text string) {
	t.Helper()
	s := NewSpeech(text)
	all := Spans(text)
	for _, w := range Words(text) {
		if got, want := s.Quoted(w.Start, w.End), Quoted(all, w.Start, w.End); got != want {
			t.Fatalf("Quoted(%q) = %v, want %v", text[w.Start:w.End], got, want)
		}
	}
	var cuts [][2]int
	ss := Sentences(text)
	for i, sn := range ss {
		cuts = append(cuts, sn)
		if i+1 < len(ss) {
			cuts = append(cuts, [2]int{sn[0], ss[i+1][1]})
		}
	}
	for i := 0; i < len(text); i += 97 {
		if j := strings.IndexByte(text[i:], ' '); j >= 0 {
			cuts = append(cuts, [2]int{i + j, min(len(text), i+j+150)})
		}
	}
	for _, c := range cuts {
		got, want := s.SpansIn(c[0], c[1]), Spans(text[c[0]:c[1]])
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("SpansIn(%d, %d) of %q\n got  %v\n want %v", c[0], c[1], text[c[0]:c[1]], got, want)
		}
	}
}

func TestSpeechMatchesSpans(t *testing.T) {
	texts, _ := fixtures.Articles()
	if len(texts) == 0 {
		t.Skip("no fixture articles")
	}
	texts = append(texts,
		`"It is over," he said. Moscow, he added, "will answer." According to Kyiv, 12 drones fell.`,
		"Peskov said that the talks failed.\n\nThe minister, who said nothing, left.",
	)
	for _, text := range texts {
		checkSpeech(t, text)
	}
}

func FuzzSpeech(f *testing.F) {
	f.Add(`"It is over," he said. Moscow, he added, "will answer."`)
	f.Add("According to Kyiv, 12 drones fell. Mr. Smith said so.\nPeskov told reporters it failed.")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		checkSpeech(t, text)
	})
}
