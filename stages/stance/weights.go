package stance

import (
	"math/bits"

	"github.com/framewatch/framewatch/internal/hugemem"
)

// weights is the model's weights keyed by feature-name hash, as an
// open-addressing table with linear probing: one slot (hash and weights,
// 32 bytes) is usually one cache line, where a Go map reads a control
// word and a slot. Prediction does tens of lookups per mention, most of
// them misses in a table of megabytes, so this is the stage's hot path.
// It is read-only after newWeights.
type weights struct {
	slots []weightSlot
	shift uint
	// Hash 0 marks an empty slot; a feature whose hash is 0 lives here.
	zero   [3]float64
	zeroOK bool
}

type weightSlot struct {
	h uint64
	w [3]float64
}

func newWeights(m map[uint64][3]float64) *weights {
	n := 1 << bits.Len(uint(2*len(m)+1)) // load at most 1/2
	t := &weights{shift: uint(64 - bits.Len(uint(n-1)))}
	t.slots = hugemem.Slice[weightSlot](n, t)
	for h, w := range m {
		if h == 0 {
			t.zero, t.zeroOK = w, true
			continue
		}
		mask := uint64(n - 1)
		for i := t.index(h); ; i = (i + 1) & mask {
			if t.slots[i].h == 0 {
				t.slots[i] = weightSlot{h, w}
				break
			}
		}
	}
	return t
}

// index is the home slot of h (Fibonacci hashing of the FNV hash).
func (t *weights) index(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> t.shift }

// get returns the weights of the feature with hash h.
func (t *weights) get(h uint64) ([3]float64, bool) {
	if h == 0 {
		return t.zero, t.zeroOK
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.index(h); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.h == h {
			return s.w, true
		}
		if s.h == 0 {
			return [3]float64{}, false
		}
	}
}

// dot returns the sum over i of vs[i] times the weights of hs[i], in that
// order. The home slots of all the features are read first, in a loop
// whose loads do not depend on each other, so that their cache misses
// overlap instead of being waited for one at a time; the lookups then
// mostly hit the cache. The caller keeps touch, so that the first loop is
// not optimised away.
func (t *weights) dot(hs []uint64, vs []float64) (z [3]float64, touch uint64) {
	for _, h := range hs {
		touch += t.slots[t.index(h)].h
	}
	for i, h := range hs {
		if w, ok := t.get(h); ok {
			v := vs[i]
			z[0] += w[0] * v
			z[1] += w[1] * v
			z[2] += w[2] * v
		}
	}
	return z, touch
}
