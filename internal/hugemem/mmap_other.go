//go:build !linux

package hugemem

func mapHuge(size uintptr) (mapping, aligned []byte, ok bool) { return nil, nil, false }

func unmap(b []byte) {}
