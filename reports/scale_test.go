package reports

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestScale streams 100,000 synthetic documents through a Writer and logs
// the heap and the time Close takes. It is a manual check of the memory
// bound, not a CI test: REPORTS_SCALE=1 go test -run TestScale -v ./reports/
// (measured: heap 32 MB after 100,000 documents, Close 4 s).
func TestScale(t *testing.T) {
	if os.Getenv("REPORTS_SCALE") == "" {
		t.Skip("set REPORTS_SCALE=1 to stream 100,000 documents")
	}
	dir := filepath.Join(t.TempDir(), "out")
	w, err := NewWriter(dir, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	for batch := range 100 {
		for _, d := range testCorpus(1000) {
			d.ID = d.ID + "-" + itoa(batch)
			for _, u := range d.Units {
				u.ID = d.ID + u.ID
			}
			if err := w.Consume(context.Background(), d); err != nil {
				t.Fatal(err)
			}
		}
		if batch%25 == 24 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("batch %d heap %d MB", batch, ms.HeapAlloc>>20)
		}
	}
	t.Logf("consume %v", time.Since(t0))
	t1 := time.Now()
	if err := w.Close(RunInfo{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("close %v", time.Since(t1))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("heap after close %d MB, sys %d MB", ms.HeapAlloc>>20, ms.Sys>>20)
	fi, _ := os.Stat(filepath.Join(dir, "report.html"))
	fp, _ := os.Stat(filepath.Join(dir, "report.pdf"))
	t.Logf("html %d KB, pdf %d KB", fi.Size()>>10, fp.Size()>>10)
}
