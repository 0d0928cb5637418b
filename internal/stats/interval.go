package stats

import (
	"math"
	"math/rand/v2"
	"slices"
)

const (
	// BootstrapIters is the number of bootstrap resamples per interval.
	BootstrapIters = 1000
	// BootstrapMaxN is the largest sample resampled. Above it the
	// bootstrap distribution of the mean is replaced by its normal
	// approximation (see Bootstrap): resampling costs iters × n draws,
	// which for an outlet with 100,000 scores is 10⁸ draws per interval,
	// while at this size the two intervals agree to a few thousandths.
	BootstrapMaxN = 200
	// BootstrapSeed fixes the resampling so that intervals are
	// reproducible.
	BootstrapSeed = 20080101
)

// Bootstrap returns the mean of xs and a 95% percentile bootstrap interval
// from iters resamples drawn with a PCG generator seeded with seed. An empty
// sample gives zeros; a sample of one (or iters < 1) gives a degenerate
// interval.
//
// A sample larger than BootstrapMaxN is not resampled: by the central
// limit theorem the bootstrap distribution of the mean is then close to a
// normal distribution with the sample's mean and standard deviation σ/√n,
// σ the plug-in (divide by n) standard deviation that resampling
// reproduces, so the interval is mean ± 1.959964·σ/√n.
func Bootstrap[F float32 | float64](xs []F, iters int, seed uint64) (mean, low, high float64) {
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
	if n > BootstrapMaxN {
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
	return mean, Percentile(means, 0.025), Percentile(means, 0.975)
}

// Percentile interpolates linearly between the closest ranks of sorted xs
// (0 for an empty slice).
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	pos := p * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	frac := pos - float64(lo)
	return sorted[lo]*(1-frac) + sorted[hi]*frac
}

// NormalInterval returns the mean of xs and mean ± 1.96 standard errors
// (sample standard deviation), clipped to [-1, 1]. Unit-level stance rows
// use it: a unit has few mentions and a bootstrap per row would dominate
// the run time.
func NormalInterval(xs []float64) (mean, low, high float64) {
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
