package stats

import (
	"math"
	"slices"
	"strings"
)

// FightinAlpha0 is the total weight of the informative Dirichlet prior in
// Fightin' Words.
const FightinAlpha0 = 1000.0

// TermScore is one term's Fightin' Words statistic for one group.
type TermScore struct {
	Term  string
	Z     float64
	Count int
}

// FightinWords compares the term counts of one group with the rest of the
// corpus using the log-odds ratio with an informative Dirichlet prior
// (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 22). The prior is
// the corpus distribution scaled to a total weight alpha0:
//
//	α_w = alpha0 · y_w / n
//	δ_w = log((y_iw+α_w)/(n_i+alpha0-y_iw-α_w)) - log((y_jw+α_w)/(n_j+alpha0-y_jw-α_w))
//	σ²_w ≈ 1/(y_iw+α_w) + 1/(y_jw+α_w),   z_w = δ_w/σ_w
//
// where i is the group and j the rest of the corpus (corpus holds the
// group's counts too). It returns every term of the group with a positive
// z, highest first, ties by term.
func FightinWords(group, corpus map[string]int, alpha0 float64) []TermScore {
	var vocab []string
	ids := map[string]int32{}
	var counts []int
	terms := make([]string, 0, len(corpus))
	for t := range corpus {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	for _, term := range terms {
		ids[term] = int32(len(vocab))
		vocab = append(vocab, term)
		counts = append(counts, corpus[term])
	}
	g := map[int32]int{}
	ni := 0
	for term, c := range group {
		id, ok := ids[term]
		if !ok {
			id = int32(len(vocab))
			ids[term] = id
			vocab = append(vocab, term)
			counts = append(counts, 0)
		}
		g[id] = c
		ni += c
	}
	return FightinScores(g, ni, counts, vocab, alpha0)
}

// FightinScores is FightinWords over numbered terms: group counts the
// group's terms by number, ni is the group's total (which may exceed the
// sum of group when rare terms were pruned from it), corpus[id] is the
// corpus count of vocab[id].
func FightinScores(group map[int32]int, ni int, corpus []int, vocab []string, alpha0 float64) []TermScore {
	var n float64
	for _, c := range corpus {
		n += float64(c)
	}
	if n == 0 || ni == 0 {
		return nil
	}
	nif := float64(ni)
	nj := n - nif
	var out []TermScore
	for id, yi := range group {
		yw := float64(corpus[id])
		yiw := float64(yi)
		yjw := yw - yiw
		aw := alpha0 * yw / n
		d := math.Log((yiw+aw)/(nif+alpha0-yiw-aw)) - math.Log((yjw+aw)/(nj+alpha0-yjw-aw))
		v := 1/(yiw+aw) + 1/(yjw+aw)
		z := d / math.Sqrt(v)
		if z > 0 && !math.IsInf(z, 0) && !math.IsNaN(z) {
			out = append(out, TermScore{Term: vocab[id], Z: z, Count: yi})
		}
	}
	slices.SortFunc(out, func(a, b TermScore) int {
		if a.Z != b.Z {
			if a.Z > b.Z {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Term, b.Term)
	})
	return out
}
