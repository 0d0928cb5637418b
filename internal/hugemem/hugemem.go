package hugemem

import (
	"runtime"
	"unsafe"
)

// hugePage is the size of a transparent huge page on x86-64 and arm64.
const hugePage = 2 << 20

// minBytes is the smallest table mapped on huge pages: below it, the
// table's TLB entries are few anyway.
const minBytes = hugePage

// Slice returns a zeroed slice of n elements of T, on huge pages when it
// is at least minBytes long and the system allows it. T must contain no
// pointers. The memory lives until owner (a pointer to the value that
// holds the slice) is garbage collected.
func Slice[T any, O any](n int, owner *O) []T {
	var zero T
	size := uintptr(n) * unsafe.Sizeof(zero)
	if size < minBytes {
		return make([]T, n)
	}
	m, a, ok := mapHuge(size)
	if !ok {
		return make([]T, n)
	}
	runtime.AddCleanup(owner, unmap, m)
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(a))), n)
}
