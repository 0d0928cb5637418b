package ner

// table maps feature hashes to row offsets in Model.w. It is an open-addressed
// hash table (power-of-two size, linear probing, load at most 1/2) in one flat
// slice: predict looks up about 60 features per token, and a Go map's lookup
// was most of its time. Built once; read-only and safe for concurrent reads
// afterwards.
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
