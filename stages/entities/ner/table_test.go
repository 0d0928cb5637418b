package ner

import (
	"math/rand/v2"
	"testing"
)

func TestTable(t *testing.T) {
	tests := []struct {
		name string
		keys []uint64
	}{
		{"empty", nil},
		{"zero key", []uint64{0}},
		{"colliding homes", []uint64{1, 1 << 60, 2 << 60, 3 << 60, ^uint64(0)}},
		{"growth", func() []uint64 {
			r := rand.New(rand.NewPCG(3, 4))
			k := make([]uint64, 5000)
			for i := range k {
				k[i] = r.Uint64()
			}
			return k
		}()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTable(0)
			want := map[uint64]int32{}
			for i, k := range tc.keys {
				tb.put(k, int32(i))
				want[k] = int32(i)
			}
			tb.put(42, 7) // overwrite or insert
			want[42] = 7
			if tb.len() != len(want) {
				t.Errorf("len() = %d, want %d", tb.len(), len(want))
			}
			for k, v := range want {
				if got, ok := tb.get(k); !ok || got != v {
					t.Errorf("get(%d) = %d, %v, want %d, true", k, got, ok, v)
				}
			}
			if _, ok := tb.get(43); ok && want[43] == 0 {
				t.Errorf("get(43) found a key never put")
			}
			n := 0
			tb.all(func(k uint64, off int32) {
				n++
				if want[k] != off {
					t.Errorf("all gave %d -> %d, want %d", k, off, want[k])
				}
			})
			if n != len(want) {
				t.Errorf("all visited %d keys, want %d", n, len(want))
			}
		})
	}
}
