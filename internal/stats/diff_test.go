package stats

import (
	"math"
	"testing"
)

func TestBootstrapDiff(t *testing.T) {
	tests := []struct {
		name            string
		xs, ys          []float32
		diff, low, high float64
		tol             float64
	}{
		{"empty", nil, []float32{1}, 0, 0, 0, 0},
		{"two points", []float32{0.5}, []float32{0.25}, 0.25, 0.25, 0.25, 1e-9},
		{"constant samples", []float32{0.5, 0.5, 0.5}, []float32{0.1, 0.1}, 0.4, 0.4, 0.4, 1e-6},
		// 0.5 − 0.5 ± 1.96·√(0.25/100 + 0.25/100) ≈ ±0.139.
		{"equal means", alternate(100, 0, 1), alternate(100, 0, 1), 0, -0.139, 0.139, 0.02},
		// A large corpus is drawn from its normal approximation: the
		// interval is the outlet's (±0.098) widened a little by the corpus'.
		{"large corpus", alternate(100, 0, 1), alternate(10000, -0.5, 0.5), 0.5, 0.5 - 0.0985, 0.5 + 0.0985, 0.02},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, l, h := BootstrapDiff(tc.xs, tc.ys, BootstrapIters, BootstrapSeed)
			if math.Abs(d-tc.diff) > 1e-6 || math.Abs(l-tc.low) > tc.tol || math.Abs(h-tc.high) > tc.tol {
				t.Errorf("BootstrapDiff(%s) = %v, %v, %v, want %v, %v, %v", tc.name, d, l, h, tc.diff, tc.low, tc.high)
			}
			if l > d || d > h {
				t.Errorf("BootstrapDiff(%s): interval [%v, %v] does not hold %v", tc.name, l, h, d)
			}
		})
	}
	t.Run("reproducible", func(t *testing.T) {
		xs, ys := alternate(50, -1, 0.5), alternate(70, 0, 1)
		_, l1, h1 := BootstrapDiff(xs, ys, BootstrapIters, BootstrapSeed)
		_, l2, h2 := BootstrapDiff(xs, ys, BootstrapIters, BootstrapSeed)
		if l1 != l2 || h1 != h2 {
			t.Errorf("BootstrapDiff twice = [%v, %v] and [%v, %v]", l1, h1, l2, h2)
		}
	})
}
