package entities

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// span is a candidate mention: byte offsets into the document text, a
// framewatch type and a priority (outlets from the registry beat the
// model).
type span struct {
	Start, End int
	Type       string
	Prio       int
}

// merge makes candidate spans safe to emit: offsets are clamped into text
// and moved onto UTF-8 boundaries, empty spans are dropped, overlaps are
// resolved in favour of higher priority, then longer, then earlier spans,
// and the result is sorted by Start, then End.
func merge(text string, cands []span) []span {
	ok := cands[:0:0]
	for _, c := range cands {
		c.Start = max(0, min(c.Start, len(text)))
		c.End = max(0, min(c.End, len(text)))
		for c.Start < len(text) && !utf8.RuneStart(text[c.Start]) {
			c.Start++
		}
		for c.End < len(text) && c.End > 0 && !utf8.RuneStart(text[c.End]) {
			c.End--
		}
		if c.Start >= c.End {
			continue
		}
		ok = append(ok, c)
	}
	slices.SortStableFunc(ok, func(a, b span) int {
		if c := cmp.Compare(b.Prio, a.Prio); c != 0 {
			return c
		}
		if c := cmp.Compare(b.End-b.Start, a.End-a.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Start, b.Start)
	})
	var out []span
	for _, c := range ok {
		clash := false
		for _, o := range out {
			if c.Start < o.End && o.Start < c.End {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b span) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.End, b.End)
	})
	return out
}
