package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestBootstrap(t *testing.T) {
	tests := []struct {
		name           string
		xs             []float32
		mean, low, hig float64
		tol            float64
	}{
		{"empty", nil, 0, 0, 0, 0},
		{"one", []float32{0.5}, 0.5, 0.5, 0.5, 1e-9},
		{"constant", []float32{0.25, 0.25, 0.25, 0.25}, 0.25, 0.25, 0.25, 1e-6},
		// Normal approximation: 0.5 ± 1.96·0.5/√100 ≈ [0.40, 0.60].
		{"two values", alternate(100, 0, 1), 0.5, 0.40, 0.60, 0.02},
		// Above BootstrapMaxN: exactly 0.5 ± 1.959964·0.5/√10000.
		{"large", alternate(10000, 0, 1), 0.5, 0.5 - 0.00979982, 0.5 + 0.00979982, 1e-7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, l, h := Bootstrap(tc.xs, BootstrapIters, BootstrapSeed)
			if math.Abs(m-tc.mean) > 1e-6 || math.Abs(l-tc.low) > tc.tol || math.Abs(h-tc.hig) > tc.tol {
				t.Errorf("Bootstrap(%v) = %v, %v, %v, want %v, %v, %v", tc.name, m, l, h, tc.mean, tc.low, tc.hig)
			}
		})
	}
	t.Run("normal approximation at the threshold", func(t *testing.T) {
		// Resampled at BootstrapMaxN, approximated just above it: the
		// intervals must agree, so that nothing jumps at the switch.
		rng := rand.New(rand.NewPCG(1, 2))
		xs := make([]float32, BootstrapMaxN+1)
		for i := range xs {
			xs[i] = float32(rng.Float64()*2 - 1)
		}
		_, l1, h1 := Bootstrap(xs[:BootstrapMaxN], BootstrapIters, BootstrapSeed)
		_, l2, h2 := Bootstrap(xs, BootstrapIters, BootstrapSeed)
		if math.Abs(l1-l2) > 0.015 || math.Abs(h1-h2) > 0.015 {
			t.Errorf("Bootstrap at n=%d [%.4f, %.4f], normal approximation at n=%d [%.4f, %.4f]",
				BootstrapMaxN, l1, h1, BootstrapMaxN+1, l2, h2)
		}
	})
	t.Run("reproducible", func(t *testing.T) {
		xs := alternate(50, -0.3, 0.9)
		_, l1, h1 := Bootstrap(xs, BootstrapIters, BootstrapSeed)
		_, l2, h2 := Bootstrap(xs, BootstrapIters, BootstrapSeed)
		if l1 != l2 || h1 != h2 {
			t.Errorf("Bootstrap not reproducible: [%v, %v] then [%v, %v]", l1, h1, l2, h2)
		}
	})
	t.Run("float64 and float32 agree", func(t *testing.T) {
		xs := []float64{-0.8, -0.5, -0.6, 0.125, -0.75, -0.375, -0.875, -0.25}
		f32 := make([]float32, len(xs))
		for i, x := range xs {
			f32[i] = float32(x)
		}
		m1, l1, h1 := Bootstrap(xs, 2000, 42)
		m2, l2, h2 := Bootstrap(f32, 2000, 42)
		if math.Abs(m1-m2) > 1e-6 || math.Abs(l1-l2) > 1e-6 || math.Abs(h1-h2) > 1e-6 {
			t.Errorf("float64 %v [%v, %v], float32 %v [%v, %v]", m1, l1, h1, m2, l2, h2)
		}
		if !(l1 < m1 && m1 < h1) || l1 < -0.875 || h1 > 0.125 {
			t.Errorf("interval [%v, %v] around %v implausible", l1, h1, m1)
		}
	})
}

// TestConventions settles what the three former copies (reports, the
// stance stage, the terms stage) disagreed on, and says which is right.
func TestConventions(t *testing.T) {
	t.Run("one score: a point, labelled unclear by its count", func(t *testing.T) {
		// The stance stage's copy widened it to [-1, 1] so that a
		// count-free Label said "unclear"; Label takes the count, and
		// a chart shows the point with n=1, which is what was measured.
		m, l, h := Bootstrap([]float64{0.5}, BootstrapIters, BootstrapSeed)
		if m != 0.5 || l != 0.5 || h != 0.5 {
			t.Errorf("Bootstrap of one = %v [%v, %v], want 0.5 [0.5, 0.5]", m, l, h)
		}
		if got := Label(l, h, 1); got != LabelUnclear {
			t.Errorf("Label of one score = %q, want unclear", got)
		}
	})
	t.Run("the seed picks the stream", func(t *testing.T) {
		// The stance stage's copy drew from PCG(seed, constant), so every
		// seed shared its second word; the tables drew from
		// PCG(seed, seed^constant), and their published intervals are
		// kept.
		xs := alternate(40, -0.4, 0.6)
		ref := func(second uint64) (float64, float64) {
			rng := rand.New(rand.NewPCG(7, second))
			means := make([]float64, 200)
			for i := range means {
				var s float64
				for range xs {
					s += float64(xs[rng.IntN(len(xs))])
				}
				means[i] = s / float64(len(xs))
			}
			slices.Sort(means)
			return Percentile(means, 0.025), Percentile(means, 0.975)
		}
		_, l, h := Bootstrap(xs, 200, 7)
		if wl, wh := ref(7 ^ 0x9e3779b97f4a7c15); l != wl || h != wh {
			t.Errorf("Bootstrap(seed 7) = [%v, %v], want PCG(7, 7^c)'s [%v, %v]", l, h, wl, wh)
		}
		if _, l2, h2 := Bootstrap(xs, 200, 8); l2 == l && h2 == h {
			t.Errorf("seeds 7 and 8 gave the same interval [%v, %v]", l, h)
		}
	})
	t.Run("prior of 1000 words", func(t *testing.T) {
		// The terms stage's copy defaulted to 500 words; the tables used
		// 1000. With a rare term the smaller prior gives it more weight:
		// 1000 words of prior keep a term said 3 times by one outlet
		// below a term said 30 times.
		group := map[string]int{"regime": 30, "junta": 3, "talks": 20}
		corpus := map[string]int{"regime": 40, "junta": 3, "talks": 400, "summit": 300}
		got := FightinWords(group, corpus, FightinAlpha0)
		if len(got) < 2 || got[0].Term != "regime" {
			t.Errorf("FightinWords with α0 = %v: %+v, want regime first", FightinAlpha0, got)
		}
	})
}

func alternate(n int, a, b float32) []float32 {
	xs := make([]float32, n)
	for i := range xs {
		if i%2 == 0 {
			xs[i] = a
		} else {
			xs[i] = b
		}
	}
	return xs
}

func TestLabel(t *testing.T) {
	tests := []struct {
		low, high float64
		n         int
		want      string
	}{
		{0.2, 0.6, 10, LabelFavourable},
		{0.06, 0.1, 10, LabelFavourable},
		{-0.6, -0.2, 10, LabelAgainst},
		{-0.1, 0.1, 10, LabelNeutral},
		{-0.15, 0.15, 10, LabelNeutral},
		{-0.3, 0.4, 10, LabelUnclear},
		{0.04, 0.3, 10, LabelUnclear},
		{0.2, 0.6, 2, LabelUnclear},
		{0.01, 0.09, 10, LabelNeutral},
		{-0.05, 0.05, 3, LabelNeutral},
		{-0.14, -0.06, 3, LabelAgainst},
		{-0.2, 0.05, 10, LabelUnclear},
		{-0.7, 0.05, 10, LabelUnclear},
		{math.NaN(), 0.6, 10, LabelUnclear},
		{0.6, 0.2, 10, LabelUnclear},
	}
	for _, tc := range tests {
		if got := Label(tc.low, tc.high, tc.n); got != tc.want {
			t.Errorf("Label(%v, %v, %d) = %q, want %q", tc.low, tc.high, tc.n, got, tc.want)
		}
	}
}

func TestNormalInterval(t *testing.T) {
	m, l, h := NormalInterval([]float64{0.2, 0.4, 0.6})
	if math.Abs(m-0.4) > 1e-9 || math.Abs(l-(0.4-1.96*0.2/math.Sqrt(3))) > 1e-9 || h <= m {
		t.Errorf("NormalInterval = %v, %v, %v", m, l, h)
	}
	if m, l, h := NormalInterval([]float64{-1, -1, -1}); m != -1 || l != -1 || h != -1 {
		t.Errorf("NormalInterval(constant -1) = %v, %v, %v", m, l, h)
	}
	if m, l, h := NormalInterval([]float64{-1, 1}); m != 0 || l != -1 || h != 1 {
		t.Errorf("NormalInterval(-1, 1) = %v, %v, %v, want clipped to [-1, 1]", m, l, h)
	}
}

func TestFightinWords(t *testing.T) {
	group := map[string]int{"sanctions": 30, "summit": 5, "talks": 5}
	rest := map[string]int{"sanctions": 2, "summit": 40, "talks": 40, "partnership": 30}
	corpus := map[string]int{}
	for _, m := range []map[string]int{group, rest} {
		for k, v := range m {
			corpus[k] += v
		}
	}
	got := FightinWords(group, corpus, FightinAlpha0)
	if len(got) == 0 || got[0].Term != "sanctions" || got[0].Count != 30 {
		t.Fatalf("FightinWords top = %+v, want sanctions first", got)
	}
	for _, s := range got {
		if s.Term == "summit" || s.Term == "partnership" {
			t.Errorf("FightinWords lists %q with z %.2f; it is typical of the rest", s.Term, s.Z)
		}
	}
	if got[0].Z < 2 {
		t.Errorf("z(sanctions) = %.2f, want > 2", got[0].Z)
	}
	if FightinWords(nil, corpus, FightinAlpha0) != nil {
		t.Error("FightinWords(empty group) != nil")
	}
	// Ties are broken by term, whatever the map order.
	tieCorpus := map[string]int{"a": 5, "b": 5, "c": 10}
	tie := map[string]int{"b": 5, "a": 5}
	r1 := FightinWords(tie, tieCorpus, FightinAlpha0)
	for range 20 {
		if r2 := FightinWords(tie, tieCorpus, FightinAlpha0); fmt.Sprint(r1) != fmt.Sprint(r2) {
			t.Fatalf("FightinWords not deterministic: %v then %v", r1, r2)
		}
	}
	if len(r1) != 2 || r1[0].Term != "a" || r1[1].Term != "b" {
		t.Errorf("tie-break = %+v, want a before b", r1)
	}
}

func ExampleLabel() {
	scores := []float64{-0.6, -0.4, -0.7, -0.5, -0.3, -0.8}
	mean, low, high := Bootstrap(scores, BootstrapIters, BootstrapSeed)
	fmt.Printf("%.2f [%.2f, %.2f] %s\n", mean, low, high, Label(low, high, len(scores)))
	fmt.Println(Label(-0.2, 0.7, 10))
	// Output:
	// -0.55 [-0.68, -0.42] against
	// unclear
}

func TestUnitLabel(t *testing.T) {
	tests := []struct {
		name   string
		scores []float64
		want   string
	}{
		{"none", nil, LabelUnclear},
		{"one strong mention is not enough", []float64{-0.9}, LabelNeutral},
		{"few mentions can carry a label", []float64{-0.9, -0.8, -0.6}, LabelAgainst},
		{"many mild negatives add up", []float64{-0.3, -0.3, -0.3, -0.3, -0.3, -0.3, -0.3}, LabelAgainst},
		{"favourable", []float64{0.9, 0.8, 0.9}, LabelFavourable},
		{"mixed is neutral", []float64{0.9, -0.9, 0.5, -0.4}, LabelNeutral},
		{"not a number", []float64{math.NaN()}, LabelUnclear},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := UnitLabel(tt.scores); got != tt.want {
				t.Errorf("UnitLabel(%v) = %q, want %q", tt.scores, got, tt.want)
			}
		})
	}
}
