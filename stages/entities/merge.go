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
	// Sorting indices rather than the 48-byte spans, with the input index as
	// the last tie-breaker, gives the order a stable sort would without its
	// cost (it was most of merge's time).
	order := make([]int32, len(ok))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &ok[i], &ok[j]
		if c := cmp.Compare(b.Prio, a.Prio); c != 0 {
			return c
		}
		if c := cmp.Compare(b.End-b.Start, a.End-a.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	// A bitmap of the bytes taken so far finds a clash in time
	// proportional to the candidate's length, however many spans were
	// accepted before it (inserting into a sorted list was quadratic on
	// long units); the accepted spans never overlap, so sorting them by
	// Start at the end orders them fully.
	lo, hi := len(text), 0
	for _, c := range ok {
		lo, hi = min(lo, c.Start), max(hi, c.End)
	}
	var taken []uint64
	if hi > lo {
		taken = make([]uint64, (hi-lo+63)/64)
	}
	var out []span
	for _, i := range order {
		c := ok[i]
		a, b := c.Start-lo, c.End-lo
		clash := false
		for k := a; k < b; k++ {
			if taken[k>>6]&(1<<(k&63)) != 0 {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		for k := a; k < b; k++ {
			taken[k>>6] |= 1 << (k & 63)
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b span) int { return cmp.Compare(a.Start, b.Start) })
	return out
}
