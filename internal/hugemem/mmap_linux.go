package hugemem

import (
	"syscall"
	"unsafe"
)

// madvHugepage is MADV_HUGEPAGE (the same on every Linux architecture).
const madvHugepage = 14

// mapHuge maps anonymous memory for size bytes starting on a huge-page
// boundary (the kernel backs only aligned 2 MB ranges with huge pages) and
// advises the kernel to use huge pages for it. It returns the whole
// mapping, for unmap, and the aligned part.
func mapHuge(size uintptr) (mapping, aligned []byte, ok bool) {
	n := int((size+hugePage-1)/hugePage*hugePage) + hugePage
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, false
	}
	off := 0
	if r := uintptr(unsafe.Pointer(unsafe.SliceData(b))) % hugePage; r != 0 {
		off = int(hugePage - r)
	}
	a := b[off : off+int(size)]
	// Advice only: without huge pages the mapping still works.
	_ = syscall.Madvise(b[off:], madvHugepage)
	return b, a, true
}

func unmap(b []byte) { _ = syscall.Munmap(b) }
