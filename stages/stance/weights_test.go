package stance

import (
	"math/rand/v2"
	"testing"
)

func TestWeightsGet(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 3, 100, 5000} {
		m := map[uint64][3]float64{}
		for len(m) < n {
			m[r.Uint64()>>uint(r.IntN(64))] = [3]float64{r.Float64(), r.Float64(), r.Float64()}
		}
		if n > 0 {
			m[0] = [3]float64{1, 2, 3}
		}
		tab := newWeights(m)
		for h, want := range m {
			if got, ok := tab.get(h); !ok || got != want {
				t.Fatalf("n=%d: get(%d) = %v, %v, want %v, true", n, h, got, ok, want)
			}
		}
		for range 1000 {
			h := r.Uint64()
			want, wantOK := m[h]
			if got, ok := tab.get(h); ok != wantOK || got != want {
				t.Fatalf("n=%d: get(%d) = %v, %v, want %v, %v", n, h, got, ok, want, wantOK)
			}
		}
	}
}
