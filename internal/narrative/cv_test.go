package narrative

import (
	"math"
	"testing"
)

func TestMetrics(t *testing.T) {
	if got := Spearman([]float64{1, 2, 3, 4}, []float64{10, 20, 30, 40}); math.Abs(got-1) > 1e-12 {
		t.Errorf("Spearman(increasing) = %v, want 1", got)
	}
	if got := Spearman([]float64{1, 2, 3}, []float64{3, 2, 1}); math.Abs(got+1) > 1e-12 {
		t.Errorf("Spearman(decreasing) = %v, want -1", got)
	}
	if got := Spearman([]float64{1, 1, 1}, []float64{1, 2, 3}); !math.IsNaN(got) {
		t.Errorf("Spearman(constant) = %v, want NaN", got)
	}
	gold := []bool{true, false, true, false}
	if got := AUC(gold, []float64{0.9, 0.1, 0.8, 0.2}); got != 1 {
		t.Errorf("AUC(perfect) = %v, want 1", got)
	}
	if got := AUC(gold, []float64{0.5, 0.5, 0.5, 0.5}); got != 0.5 {
		t.Errorf("AUC(ties) = %v, want 0.5", got)
	}
	if got := F1(gold, []bool{true, true, false, false}); got != 0.5 {
		t.Errorf("F1 = %v, want 0.5", got)
	}
}

func TestOutletKey(t *testing.T) {
	for _, s := range []string{"The Huffington Post", "thehuffingtonpost"} {
		if got := (Article{Source: s}).OutletKey(); got != "thehuffingtonpost" {
			t.Errorf("OutletKey(%q) = %q", s, got)
		}
	}
}
