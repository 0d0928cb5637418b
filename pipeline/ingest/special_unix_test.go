//go:build unix

package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
)

// TestSpecialFiles checks that named pipes are never opened (that would
// block) and that folder links are not followed (they could loop).
func TestSpecialFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{"sub/a.txt": "Text a.", "b.txt": "Text b."})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Skipf("symlink: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")); err != nil {
		t.Skipf("symlink: %v", err)
	}
	got := statuses(collect(t, &Source{Paths: []string{dir}}))
	want := []string{
		"b processed ",
		"c duplicate duplicate of b", // file links are followed
		"loop skipped symbolic link to a folder",
		"pipe skipped not a regular file",
		"sub/a processed ",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
