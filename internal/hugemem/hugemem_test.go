package hugemem

import (
	"math/rand/v2"
	"runtime"
	"testing"
	"unsafe"
)

type table struct{ slots []uint64 }

func TestSlice(t *testing.T) {
	for _, n := range []int{0, 10, minBytes/8 - 1, 3 * minBytes / 8} {
		tb := &table{}
		tb.slots = Slice[uint64](n, tb)
		if len(tb.slots) != n {
			t.Fatalf("Slice(%d): len %d", n, len(tb.slots))
		}
		for i := range tb.slots {
			if tb.slots[i] != 0 {
				t.Fatalf("Slice(%d)[%d] = %d, want 0", n, i, tb.slots[i])
			}
			tb.slots[i] = uint64(i)
		}
		for i, v := range tb.slots {
			if v != uint64(i) {
				t.Fatalf("Slice(%d)[%d] = %d after writing %d", n, i, v, i)
			}
		}
		if runtime.GOOS == "linux" && n*8 >= minBytes {
			if p := uintptr(unsafe.Pointer(unsafe.SliceData(tb.slots))); p%hugePage != 0 {
				t.Errorf("Slice(%d) at %#x: not on a huge-page boundary", n, p)
			}
		}
		runtime.KeepAlive(tb)
	}
	// The mappings of dropped owners are unmapped by their cleanups; a
	// collection must not crash.
	runtime.GC()
}

// BenchmarkRandomReads follows a random cycle through an 8 MB table, each
// read's address depending on the last, as the models' lookups do: it
// measures the latency of a read (cache and TLB misses), with the table on
// huge pages or not.
func BenchmarkRandomReads(b *testing.B) {
	for _, huge := range []bool{false, true} {
		name := "make"
		if huge {
			name = "hugemem"
		}
		b.Run(name, func(b *testing.B) {
			const n = 1 << 20 // 8 MB
			tb := &table{}
			if huge {
				tb.slots = Slice[uint64](n, tb)
			} else {
				tb.slots = make([]uint64, n)
			}
			perm := rand.New(rand.NewPCG(1, 2)).Perm(n)
			for i := range n {
				tb.slots[perm[i]] = uint64(perm[(i+1)%n])
			}
			i := uint64(perm[0])
			for b.Loop() {
				i = tb.slots[i]
			}
			runtime.KeepAlive(i)
		})
	}
}
