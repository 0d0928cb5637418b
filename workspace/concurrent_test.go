package workspace

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

// TestConcurrent saves from one goroutine (the sink) while others restore
// (the source, or a pool of workers), with the flush timer firing too.
func TestConcurrent(t *testing.T) {
	w := open(t, t.TempDir(), Options{BatchSize: 16, FlushInterval: time.Millisecond})
	defer w.Close()
	const n = 300
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range n {
			d := testDoc(i, 0)
			if err := w.Save(d, key(d)); err != nil {
				t.Error(err)
				return
			}
		}
	})
	for range 4 {
		wg.Go(func() {
			for i := range n {
				d := bare(i, 0)
				ok, err := w.Restore(d, key(d))
				if err != nil {
					t.Error(err)
					return
				}
				if ok && len(d.Units) != 2 {
					t.Errorf("Restore(%s) gave %d units", d.ID, len(d.Units))
				}
			}
		})
	}
	wg.Wait()
	if w.Len() != n {
		t.Errorf("Len = %d, want %d", w.Len(), n)
	}
}

// TestRestCallback checks that Rest's callback may use the workspace.
func TestRestCallback(t *testing.T) {
	defer smallPages()()
	w := open(t, t.TempDir(), Options{BatchSize: 5})
	defer w.Close()
	for i := range 2*restPage + 3 {
		d := testDoc(i, 0)
		if err := w.Save(d, key(d)); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	err := w.Rest(context.Background(), nil, "", "", func(d *pipeline.Doc) error {
		n++
		// Re-save under a new version while iterating: must not deadlock
		// or disturb the iteration.
		d.Cached = false
		if err := w.Save(d, Key{Hash: "h", Version: "v2", ConfigHash: "c"}); err != nil {
			return err
		}
		_, err := w.Restore(bare(0, 0), key(bare(0, 0)))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2*restPage+3 {
		t.Errorf("Rest visited %d docs, want %d", n, 2*restPage+3)
	}
	if got := w.Stale(testVersion, testConfig); got != n {
		t.Errorf("Stale = %d, want %d", got, n)
	}
}
