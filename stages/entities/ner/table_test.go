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

func TestPack(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	index, w := newTable(0), []float32(nil)
	want := map[uint64][nLabels]float32{}
	for range 3000 {
		k := r.Uint64()
		var row [nLabels]float32
		for y := range row {
			row[y] = r.Float32()
		}
		if _, dup := want[k]; dup {
			continue
		}
		want[k] = row
		index.put(k, int32(len(w)))
		w = append(w, row[:]...)
	}
	rt := pack(index, w)
	if rt.n != len(want) {
		t.Errorf("pack: n = %d, want %d", rt.n, len(want))
	}
	for k, row := range want {
		if got := rt.get(k); got == nil || *got != row {
			t.Errorf("get(%d) = %v, want %v", k, got, row)
		}
	}
	n := 0
	rt.all(func(k uint64, row *[nLabels]float32) {
		n++
		if want[k] != *row {
			t.Errorf("all gave %d -> %v, want %v", k, *row, want[k])
		}
	})
	if n != len(want) {
		t.Errorf("all visited %d keys, want %d", n, len(want))
	}
}
