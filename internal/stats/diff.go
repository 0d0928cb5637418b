package stats

import (
	"math"
	"math/rand/v2"
	"slices"
)

// BootstrapDiff returns mean(xs) − mean(ys) and a 95% percentile bootstrap
// interval of that difference: each of iters resamples draws xs and ys
// independently, with a PCG generator seeded with seed. A sample larger
// than BootstrapMaxN is not resampled: its mean is drawn from the normal
// distribution Bootstrap's approximation uses (its mean, σ/√n), so a
// corpus of 100,000 scores costs iters draws, not iters × n. Empty xs or
// ys give zeros; a difference of two single values (or iters < 1) gives a
// degenerate interval.
//
// Reports compare an outlet with the corpus it belongs to: the two
// samples then share the outlet's scores, which the independent
// resampling ignores. The corpus is usually many outlets, so the interval
// is a little wider than it would be with that covariance counted, never
// narrower.
func BootstrapDiff[F float32 | float64](xs, ys []F, iters int, seed uint64) (diff, low, high float64) {
	if len(xs) == 0 || len(ys) == 0 {
		return 0, 0, 0
	}
	mx, sx := meanSE(xs)
	my, sy := meanSE(ys)
	diff = mx - my
	if iters <= 0 || len(xs) == 1 && len(ys) == 1 {
		return diff, diff, diff
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	draw := func(zs []F, m, se float64) float64 {
		n := len(zs)
		if n > BootstrapMaxN {
			return m + se*rng.NormFloat64()
		}
		var s float64
		for range n {
			s += float64(zs[rng.IntN(n)])
		}
		return s / float64(n)
	}
	diffs := make([]float64, iters)
	for i := range diffs {
		diffs[i] = draw(xs, mx, sx) - draw(ys, my, sy)
	}
	slices.Sort(diffs)
	return diff, Percentile(diffs, 0.025), Percentile(diffs, 0.975)
}

// meanSE returns the mean of xs and the plug-in standard error of the
// mean (σ/√n, σ dividing by n), which resampling reproduces.
func meanSE[F float32 | float64](xs []F) (mean, se float64) {
	n := float64(len(xs))
	for _, x := range xs {
		mean += float64(x)
	}
	mean /= n
	var ss float64
	for _, x := range xs {
		d := float64(x) - mean
		ss += d * d
	}
	return mean, math.Sqrt(ss/n) / math.Sqrt(n)
}
