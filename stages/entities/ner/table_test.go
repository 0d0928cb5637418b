package ner

import (
	"math"
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
	for i := range 3000 {
		k := r.Uint64()
		if i == 0 {
			k = 0 // the empty-slot key is a valid feature hash too
		}
		var row [nLabels]float32
		for y := range row {
			row[y] = 4*r.Float32() - 2
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
	// Rows come back quantised to 16 bits: within half a step of the
	// weights.
	close := func(got *[nLabels]int16, row [nLabels]float32) bool {
		for y := range row {
			if math.Abs(float64(got[y])*float64(rt.scale)-float64(row[y])) > 0.501*float64(rt.scale) { // float32 rounding of the division
				return false
			}
		}
		return true
	}
	for k, row := range want {
		if got := rt.get(k); got == nil || !close(got, row) {
			t.Errorf("get(%d) = %v (scale %v), want %v", k, got, rt.scale, row)
		}
	}
	if rt.get(12345) != nil && want[12345] == ([nLabels]float32{}) {
		t.Error("get of an absent key returned a row")
	}
	n := 0
	rt.all(func(k uint64, row *[nLabels]int16) {
		n++
		if !close(row, want[k]) {
			t.Errorf("all gave %d -> %v, want %v", k, *row, want[k])
		}
	})
	if n != len(want) {
		t.Errorf("all visited %d keys, want %d", n, len(want))
	}
	// Packing what a quantised table holds again changes nothing (a model
	// loaded from its file is packed from dequantised weights).
	index2, w2 := newTable(0), []float32(nil)
	rt.all(func(k uint64, row *[nLabels]int16) {
		index2.put(k, int32(len(w2)))
		for _, q := range row {
			w2 = append(w2, float32(q)*rt.scale)
		}
	})
	rt2 := pack(index2, w2)
	rt.all(func(k uint64, row *[nLabels]int16) {
		if got := rt2.get(k); got == nil || *got != *row {
			t.Errorf("repacked get(%d) = %v, want %v", k, got, *row)
		}
	})
}
