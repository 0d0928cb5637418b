package reports

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Statistics used by the aggregate tables. They are implemented here rather
// than imported from the stance and terms stages because reports never
// imports a stage; the definitions follow the same papers.

const (
	// bootstrapIters is the number of bootstrap resamples per interval.
	bootstrapIters = 1000
	// bootstrapMaxN is the largest sample resampled. Above it the
	// bootstrap distribution of the mean is replaced by its normal
	// approximation (see bootstrap): resampling costs iters × n draws,
	// which for an outlet with 100,000 scores is 10⁸ draws per interval,
	// while at this size the two intervals agree to a few thousandths.
	bootstrapMaxN = 200
	// bootstrapSeed fixes the resampling so that intervals are reproducible.
	bootstrapSeed = 20080101
	// minLabelMentions is the fewest scores an interval needs before it may
	// carry a label other than "unclear".
	minLabelMentions = 3
	// favourAbove and againstBelow bound the interval for a directional
	// label; neutralBand bounds it for "neutral".
	favourAbove  = 0.05
	againstBelow = -0.05
	neutralBand  = 0.15
	// fightinAlpha0 is the total weight of the informative Dirichlet prior
	// in Fightin' Words.
	fightinAlpha0 = 1000.0
)

// Stance labels.
const (
	LabelFavourable = "favourable"
	LabelAgainst    = "against"
	LabelNeutral    = "neutral"
	LabelUnclear    = "unclear"
)

// bootstrap returns the mean of xs and a 95% percentile bootstrap interval
// from iters resamples drawn with a PCG generator seeded with seed. An empty
// sample gives zeros; a sample of one gives a degenerate interval.
//
// A sample larger than bootstrapMaxN is not resampled: by the central
// limit theorem the bootstrap distribution of the mean is then close to a
// normal distribution with the sample's mean and standard deviation σ/√n,
// σ the plug-in (divide by n) standard deviation that resampling
// reproduces, so the interval is mean ± 1.959964·σ/√n.
func bootstrap(xs []float32, iters int, seed uint64) (mean, low, high float64) {
	n := len(xs)
	if n == 0 {
		return 0, 0, 0
	}
	var sum float64
	for _, x := range xs {
		sum += float64(x)
	}
	mean = sum / float64(n)
	if n == 1 || iters <= 0 {
		return mean, mean, mean
	}
	if n > bootstrapMaxN {
		var ss float64
		for _, x := range xs {
			d := float64(x) - mean
			ss += d * d
		}
		half := 1.959964 * math.Sqrt(ss/float64(n)) / math.Sqrt(float64(n))
		return mean, mean - half, mean + half
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	means := make([]float64, iters)
	for i := range means {
		var s float64
		for range n {
			s += float64(xs[rng.IntN(n)])
		}
		means[i] = s / float64(n)
	}
	slices.Sort(means)
	return mean, percentile(means, 0.025), percentile(means, 0.975)
}

// percentile interpolates linearly between the closest ranks of sorted xs.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	pos := p * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	frac := pos - float64(lo)
	return sorted[lo]*(1-frac) + sorted[hi]*frac
}

// normalInterval returns the mean of xs and mean ± 1.96 standard errors,
// clipped to [-1, 1]. Unit-level stance rows use it: a unit has few
// mentions and a bootstrap per row would dominate the run time.
func normalInterval(xs []float64) (mean, low, high float64) {
	n := len(xs)
	if n == 0 {
		return 0, 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(n)
	if n == 1 {
		return mean, mean, mean
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	se := math.Sqrt(ss/float64(n-1)) / math.Sqrt(float64(n))
	return mean, max(-1, mean-1.96*se), min(1, mean+1.96*se)
}

// label names what an interval supports. With fewer than minLabelMentions
// scores nothing is supported. An interval entirely above +0.05 is
// favourable, entirely below -0.05 against; one inside [-0.15, 0.15] that
// is neither is neutral; anything else is unclear.
func label(low, high float64, n int) string {
	switch {
	case n < minLabelMentions:
		return LabelUnclear
	case low > favourAbove:
		return LabelFavourable
	case high < againstBelow:
		return LabelAgainst
	case low >= -neutralBand && high <= neutralBand:
		return LabelNeutral
	default:
		return LabelUnclear
	}
}

// termScore is one term's Fightin' Words statistic for one group.
type termScore struct {
	Term  string
	Z     float64
	Count int
}

// fightinWords compares the term counts of one group with the rest of the
// corpus using the log-odds ratio with an informative Dirichlet prior
// (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 22). The prior is
// the corpus distribution scaled to a total weight alpha0:
//
//	α_w = alpha0 · y_w / n
//	δ_w = log((y_iw+α_w)/(n_i+alpha0-y_iw-α_w)) - log((y_jw+α_w)/(n_j+alpha0-y_jw-α_w))
//	σ²_w ≈ 1/(y_iw+α_w) + 1/(y_jw+α_w),   z_w = δ_w/σ_w
//
// where i is the group and j the rest of the corpus. It returns every term of
// the group with a positive z, highest first, ties by term.
func fightinWords(group, corpus map[string]int, alpha0 float64) []termScore {
	var vocab []string
	ids := map[string]int32{}
	var counts []int
	for _, term := range sortedKeys(corpus) {
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
	return fightinScores(g, ni, counts, vocab, alpha0)
}

// fightinScores is fightinWords over numbered terms: group counts the
// group's terms by number, ni is the group's total (which may exceed the
// sum of group when rare terms were pruned from it), corpus[id] is the
// corpus count of vocab[id].
func fightinScores(group map[int32]int, ni int, corpus []int, vocab []string, alpha0 float64) []termScore {
	var n float64
	for _, c := range corpus {
		n += float64(c)
	}
	if n == 0 || ni == 0 {
		return nil
	}
	nif := float64(ni)
	nj := n - nif
	var out []termScore
	for id, yi := range group {
		yw := float64(corpus[id])
		yiw := float64(yi)
		yjw := yw - yiw
		aw := alpha0 * yw / n
		d := math.Log((yiw+aw)/(nif+alpha0-yiw-aw)) - math.Log((yjw+aw)/(nj+alpha0-yjw-aw))
		v := 1/(yiw+aw) + 1/(yjw+aw)
		z := d / math.Sqrt(v)
		if z > 0 && !math.IsInf(z, 0) && !math.IsNaN(z) {
			out = append(out, termScore{Term: vocab[id], Z: z, Count: yi})
		}
	}
	slices.SortFunc(out, func(a, b termScore) int {
		if a.Z != b.Z {
			if a.Z > b.Z {
				return -1
			}
			return 1
		}
		if a.Term < b.Term {
			return -1
		}
		if a.Term > b.Term {
			return 1
		}
		return 0
	})
	return out
}

// UnitStance is the own-unit aggregate of unit_stance.csv: the mean of a
// unit's mention scores for one target and voice, its normal interval and
// its label. Evaluation tools call it so that they score what a run
// writes.
func UnitStance(scores []float64) (mean, low, high float64, lbl string) {
	mean, low, high = normalInterval(scores)
	return mean, low, high, label(low, high, len(scores))
}
