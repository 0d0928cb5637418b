package ner

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
type rowTable struct {
	slots []rowSlot
	shift uint
	n     int
}

// rowSlot is 48 bytes: a key, an occupied flag and the row.
type rowSlot struct {
	key  uint64
	used uint32
	w    [nLabels]float32
}

// pack builds the rowTable of index and w.
func pack(index *table, w []float32) *rowTable {
	t := &rowTable{slots: make([]rowSlot, len(index.slots)), shift: index.shift, n: index.len()}
	mask := uint64(len(t.slots) - 1)
	index.all(func(k uint64, off int32) {
		for i := index.home(k); ; i = (i + 1) & mask {
			s := &t.slots[i]
			if s.used == 0 {
				s.key, s.used = k, 1
				copy(s.w[:], w[off:off+int32(nLabels)])
				return
			}
		}
	})
	return t
}

// get returns the row of k, or nil.
func (t *rowTable) get(k uint64) *[nLabels]float32 {
	mask := uint64(len(t.slots) - 1)
	for i := (k * 0x9e3779b97f4a7c15) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.used == 0 {
			return nil
		}
		if s.key == k {
			return &s.w
		}
	}
}

// all calls f for every key and row in slot order (not sorted).
func (t *rowTable) all(f func(k uint64, row *[nLabels]float32)) {
	for i := range t.slots {
		if s := &t.slots[i]; s.used != 0 {
			f(s.key, &s.w)
		}
	}
}
