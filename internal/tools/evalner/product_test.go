package main

import (
	"testing"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/entities/ner"
)

func TestBuildDoc(t *testing.T) {
	// B-PER=1 I-PER=2 B-ORG=3 B-LOC=5 I-LOC=6.
	doc := []ner.Sentence{
		{Words: []string{"LONDON", "1996-08-30"}, Gold: []uint8{5, 0}},
		{Words: []string{`"`, "We", "won", "(", "again", ")", ",", `"`, "said", "Ruud", "Gullit", "of", "Chelsea", "'s", "board", "."},
			Gold: []uint8{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 3, 0, 0, 0}},
		{Words: []string{"New", "York", "won", "$", "5", "."}, Gold: []uint8{5, 6, 0, 0, 0, 0}},
	}
	got := buildDoc(doc)
	want := "LONDON 1996-08-30\n\n\"We won (again),\" said Ruud Gullit of Chelsea's board.\n\nNew York won $5.\n"
	if got.Text != want {
		t.Fatalf("buildDoc text = %q, want %q", got.Text, want)
	}
	wantSpans := []struct {
		text string
		typ  int
	}{{"LONDON", 2}, {"Ruud Gullit", 0}, {"Chelsea", 1}, {"New York", 2}}
	if len(got.Gold) != len(wantSpans) {
		t.Fatalf("buildDoc gold = %v, want %d spans", got.Gold, len(wantSpans))
	}
	for i, w := range wantSpans {
		g := got.Gold[i]
		if s := got.Text[g.Start:g.End]; s != w.text || g.Type != w.typ {
			t.Errorf("gold %d = %q type %d, want %q type %d", i, s, g.Type, w.text, w.typ)
		}
	}
}

func TestScore(t *testing.T) {
	bd := built{Text: "Ruud Gullit of Chelsea", Gold: []gold{{0, 11, 0}, {15, 22, 1}}}
	var c ner.Counts
	score(&c, "d", bd, nil, nil)
	if c.FN[0] != 1 || c.FN[1] != 1 {
		t.Errorf("score(no mentions) FN = %v, want one PER and one ORG", c.FN)
	}
	// An OUTLET counts as ORG; a span one byte short is wrong.
	c = ner.Counts{}
	score(&c, "d", bd, []pipeline.Mention{
		{Start: 0, End: 10, Type: pipeline.EntPerson},
		{Start: 15, End: 22, Type: pipeline.EntOutlet},
	}, nil)
	if c.TP[1] != 1 || c.FP[0] != 1 || c.FN[0] != 1 {
		t.Errorf("score = TP %v FP %v FN %v, want ORG right and PER off by one", c.TP, c.FP, c.FN)
	}
}
