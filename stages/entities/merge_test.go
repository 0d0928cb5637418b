package entities

import (
	"testing"
	"unicode/utf8"
)

func TestMerge(t *testing.T) {
	text := "Le Monde and Süddeutsche Zeitung"
	got := merge(text, []span{
		{Start: 3, End: 8, Type: "PERSON", Prio: 1},
		{Start: 0, End: 8, Type: "OUTLET", Prio: 2},
		{Start: 13, End: 25, Type: "PERSON", Prio: 1},
		{Start: 14, End: 40, Type: "ORG", Prio: 1},
		{Start: -4, End: 2, Type: "ORG", Prio: 0},
	})
	want := []span{{Start: 0, End: 8, Type: "OUTLET", Prio: 2}, {Start: 14, End: 33, Type: "ORG", Prio: 1}}
	if len(got) != len(want) {
		t.Fatalf("merge = %+v, want %+v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("merge[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func FuzzMerge(f *testing.F) {
	f.Add("Kim Jong Un met Süddeutsche Zeitung.", 0, 11, 4, 20, 15, 40)
	f.Add("ü", 1, 2, 0, 1, -3, 9)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		got := merge(text, []span{{Start: a, End: b, Prio: 1}, {Start: c, End: d, Prio: 2}, {Start: e, End: g, Prio: 1}, {Start: a, End: g}})
		for i, s := range got {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("span %+v outside %d bytes", s, len(text))
			}
			if !utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Fatalf("span %+v not on rune boundaries of %q", s, text)
			}
			if i > 0 {
				p := got[i-1]
				if p.Start > s.Start || (p.Start == s.Start && p.End > s.End) || p.End > s.Start {
					t.Fatalf("spans %+v, %+v unsorted or overlapping", p, s)
				}
			}
		}
	})
}
