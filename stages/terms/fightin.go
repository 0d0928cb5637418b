package terms

import (
	"fmt"
	"math"
	"sort"
)

// Scored is one term's distinctiveness for a group.
type Scored struct {
	Term  string
	Count int     // the term's count in the group
	Delta float64 // log-odds ratio, group vs rest, with the prior
	Z     float64 // Delta divided by its estimated standard deviation
}

// GroupTerms is the top distinctive terms of one group.
type GroupTerms struct {
	Group string
	Terms []Scored
}

// FWOptions configures FightinWords.
type FWOptions struct {
	// Prior is α0, the total weight of the informative Dirichlet prior,
	// spread over terms in proportion to their corpus frequency
	// (default 500 words' worth).
	Prior float64
	// Top is how many terms to return per group (default 20).
	Top int
	// MinCount drops terms used fewer times in the whole corpus
	// (default 1: keep all).
	MinCount int
}

// FightinWords compares each group's term counts with the rest of the
// corpus by the log-odds ratio with an informative Dirichlet prior
// (Monroe, Colaresi & Quinn 2008, "Fightin' Words", section 3.5).
//
// For term w, group i (counts y_i, total n_i) and the rest j, with prior
// α_w = α0·y_w/n from the whole corpus:
//
//	δ_w = log((y_iw+α_w)/(n_i+α0-y_iw-α_w)) - log((y_jw+α_w)/(n_j+α0-y_jw-α_w))
//	σ²_w ≈ 1/(y_iw+α_w) + 1/(y_jw+α_w)
//	z_w = δ_w/σ_w
//
// It returns, for every group sorted by name, the Top terms used by the
// group with the highest z (most over-represented first), ties broken by
// term. A group needs a rest to compare with: with fewer than two groups,
// or no counts, it returns an error.
func FightinWords(groups map[string]map[string]int, opt FWOptions) ([]GroupTerms, error) {
	if len(groups) < 2 {
		return nil, fmt.Errorf("terms: fightin words: need at least two groups, got %d", len(groups))
	}
	if opt.Prior <= 0 {
		opt.Prior = 500
	}
	if opt.Top <= 0 {
		opt.Top = 20
	}
	if opt.MinCount < 1 {
		opt.MinCount = 1
	}
	total := map[string]int{}
	var n float64
	names := make([]string, 0, len(groups))
	for g, cs := range groups {
		names = append(names, g)
		for t, c := range cs {
			if c < 0 {
				return nil, fmt.Errorf("terms: fightin words: negative count %d for %q in %q", c, t, g)
			}
			total[t] += c
			n += float64(c)
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("terms: fightin words: no term counts")
	}
	sort.Strings(names)
	// n counts only the terms kept, so that the prior sums to α0.
	var nAll float64
	for _, c := range total {
		if c >= opt.MinCount {
			nAll += float64(c)
		}
	}
	n = nAll
	a0 := opt.Prior
	out := make([]GroupTerms, 0, len(names))
	for _, g := range names {
		var ni float64
		for t, c := range groups[g] {
			if total[t] >= opt.MinCount {
				ni += float64(c)
			}
		}
		nj := nAll - ni
		var scored []Scored
		for t, c := range groups[g] {
			if c == 0 || total[t] < opt.MinCount {
				continue
			}
			aw := a0 * float64(total[t]) / n
			yi := float64(c)
			yj := float64(total[t] - c)
			delta := math.Log((yi+aw)/(ni+a0-yi-aw)) - math.Log((yj+aw)/(nj+a0-yj-aw))
			z := delta / math.Sqrt(1/(yi+aw)+1/(yj+aw))
			scored = append(scored, Scored{Term: t, Count: c, Delta: delta, Z: z})
		}
		sort.Slice(scored, func(a, b int) bool {
			if scored[a].Z != scored[b].Z {
				return scored[a].Z > scored[b].Z
			}
			return scored[a].Term < scored[b].Term
		})
		if len(scored) > opt.Top {
			scored = scored[:opt.Top]
		}
		out = append(out, GroupTerms{Group: g, Terms: scored})
	}
	return out, nil
}
