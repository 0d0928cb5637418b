package ner

import (
	"math"

	"github.com/framewatch/framewatch/internal/hugemem"
)

// table maps feature hashes to row offsets in a weight slice while a model
// is loaded or trained; pack then turns it into the rowTable that predict
// reads. It is an open-addressed hash table (power-of-two size, linear
// probing, load at most 1/2) in one flat slice: predict looks up about 60
// features per token, and a Go map's lookup was most of its time.
type table struct {
	slots []slot
	shift uint // 64 - log2(len(slots))
	n     int
}

// slot holds a key and its row offset; off < 0 marks an empty slot, so every
// uint64 (zero included) is a valid key.
type slot struct {
	key uint64
	off int32
}

func newTable(n int) *table {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	t := &table{slots: make([]slot, size), shift: 64}
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	for i := range t.slots {
		t.slots[i].off = -1
	}
	return t
}

// home is the first slot probed for k. Keys are already hashes, but the
// Fibonacci multiply spreads them over the top bits used as the index.
func (t *table) home(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> t.shift }

// get returns the row offset of k.
func (t *table) get(k uint64) (int32, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := t.home(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.off < 0 {
			return 0, false
		}
		if s.key == k {
			return s.off, true
		}
	}
}

// put sets the row offset of k (off >= 0), growing the table as needed.
func (t *table) put(k uint64, off int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		*t = *newTable(2 * (t.n + 1))
		for _, s := range old {
			if s.off >= 0 {
				t.put(s.key, s.off)
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.home(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.off < 0 {
			s.key, s.off = k, off
			t.n++
			return
		}
		if s.key == k {
			s.off = off
			return
		}
	}
}

// len reports the number of keys.
func (t *table) len() int { return t.n }

// all calls f for every key in slot order (not sorted).
func (t *table) all(f func(k uint64, off int32)) {
	for _, s := range t.slots {
		if s.off >= 0 {
			f(s.key, s.off)
		}
	}
}

// rowTable is the lookup form of a model's weights: an open-addressed table
// like table, with each feature's row held in its slot, so that predict's
// lookup touches one place in memory instead of a slot and then a row.
// Rows are 16-bit integers times scale (the model file's own quantisation),
// so that a slot is 32 bytes, half a cache line, and the table a third
// smaller than with float32 rows: predict's lookups are mostly cache misses.
// Key 0 marks an empty slot; a feature whose hash is 0 is held apart.
type rowTable struct {
	slots  []rowSlot
	shift  uint
	n      int
	scale  float32
	zero   [nLabels]int16
	zeroOK bool
}

// rowSlot is 32 bytes: a key and the row.
type rowSlot struct {
	key uint64
	w   [nLabels]int16
}

// quantum returns the scale that maps the largest weight magnitude in w to
// 32767, as Model.Write does (1 when every weight is 0).
func quantum(w []float32) float32 {
	var maxAbs float64
	for _, v := range w {
		maxAbs = max(maxAbs, math.Abs(float64(v)))
	}
	if scale := float32(maxAbs / 32767); scale != 0 {
		return scale
	}
	return 1
}

// pack builds the rowTable of index and w, quantising w to 16 bits. A model
// loaded from a file was quantised the same way, so packing it loses
// nothing.
func pack(index *table, w []float32) *rowTable {
	t := &rowTable{shift: index.shift, n: index.len(), scale: quantum(w)}
	t.slots = hugemem.Slice[rowSlot](len(index.slots), t)
	mask := uint64(len(t.slots) - 1)
	index.all(func(k uint64, off int32) {
		var row [nLabels]int16
		for y := range row {
			row[y] = int16(math.Round(float64(w[off+int32(y)] / t.scale)))
		}
		if k == 0 {
			t.zero, t.zeroOK = row, true
			return
		}
		for i := index.home(k); ; i = (i + 1) & mask {
			s := &t.slots[i]
			if s.key == 0 {
				s.key, s.w = k, row
				return
			}
		}
	})
	return t
}

// get returns the row of k, or nil.
func (t *rowTable) get(k uint64) *[nLabels]int16 {
	if k == 0 {
		if t.zeroOK {
			return &t.zero
		}
		return nil
	}
	mask := uint64(len(t.slots) - 1)
	for i := (k * 0x9e3779b97f4a7c15) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k {
			return &s.w
		}
		if s.key == 0 {
			return nil
		}
	}
}

// all calls f for every key and row (not sorted).
func (t *rowTable) all(f func(k uint64, row *[nLabels]int16)) {
	if t.zeroOK {
		f(0, &t.zero)
	}
	for i := range t.slots {
		if s := &t.slots[i]; s.key != 0 {
			f(s.key, &s.w)
		}
	}
}
