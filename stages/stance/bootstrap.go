package stance

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Bootstrap returns the mean of scores and a 95% percentile bootstrap
// interval (2.5th and 97.5th percentiles of iters resampled means, iters
// defaulting to 1000 when < 1). The resampling uses a PCG generator seeded
// with seed, so the same inputs give the same interval on every platform.
// With fewer than two scores the interval is [-1, 1]: one mention says
// nothing about the spread, and Label then answers "unclear". An empty
// input returns mean 0.
func Bootstrap(scores []float64, iters int, seed uint64) (mean, low, high float64) {
	n := len(scores)
	if n == 0 {
		return 0, -1, 1
	}
	for _, s := range scores {
		mean += s
	}
	mean /= float64(n)
	if n < 2 {
		return mean, -1, 1
	}
	if iters < 1 {
		iters = 1000
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	means := make([]float64, iters)
	for i := range means {
		var sum float64
		for range n {
			sum += scores[rng.IntN(n)]
		}
		means[i] = sum / float64(n)
	}
	sort.Float64s(means)
	low = percentile(means, 0.025)
	high = percentile(means, 0.975)
	// Rounding can put the mean a hair outside a degenerate interval.
	low = math.Min(low, mean)
	high = math.Max(high, mean)
	return mean, low, high
}

// percentile interpolates linearly between order statistics of sorted.
func percentile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	i := int(pos)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	frac := pos - float64(i)
	return sorted[i]*(1-frac) + sorted[i+1]*frac
}

// Aggregate labels.
const (
	LabelFavourable = "favourable"
	LabelNeutral    = "neutral"
	LabelAgainst    = "against"
	LabelUnclear    = "unclear"
)

// Label thresholds, shared with the reports package's labels.
const (
	// FavourableAbove: an interval whose low end is above it is favourable.
	FavourableAbove = 0.05
	// AgainstBelow: an interval whose high end is below it is against.
	AgainstBelow = -0.05
	// NeutralBand: an interval inside [-NeutralBand, NeutralBand] (and
	// neither of the above) is neutral.
	NeutralBand = 0.15
	// MinMentions is the fewest mentions a caller should label; with fewer
	// the label is "unclear" whatever the interval (Label does not know the
	// count; Bootstrap already widens the interval of one score to [-1, 1]).
	MinMentions = 3
)

// Label turns a mean stance score and its interval into a label, only when
// the interval supports it:
//
//   - "favourable": the whole interval is above FavourableAbove (+0.05);
//   - "against": the whole interval is below AgainstBelow (-0.05);
//   - "neutral": otherwise, when the whole interval lies inside
//     [-NeutralBand, NeutralBand] (±0.15);
//   - "unclear" in every other case: an interval straddling a band edge,
//     NaN inputs, low > high, or a mean outside its interval.
func Label(mean, low, high float64) string {
	if math.IsNaN(mean) || math.IsNaN(low) || math.IsNaN(high) || low > high || mean < low || mean > high {
		return LabelUnclear
	}
	switch {
	case low > FavourableAbove:
		return LabelFavourable
	case high < AgainstBelow:
		return LabelAgainst
	case low >= -NeutralBand && high <= NeutralBand:
		return LabelNeutral
	}
	return LabelUnclear
}
