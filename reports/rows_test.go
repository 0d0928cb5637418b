package reports

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// TestConsumeRows checks that rows rendered ahead, concurrently, give the
// same streamed files as rows rendered by Consume itself.
func TestConsumeRows(t *testing.T) {
	docs := testCorpus(60)
	rows := make([]*Rows, len(docs))
	var wg sync.WaitGroup
	for i, d := range docs {
		wg.Go(func() {
			r, err := RenderRows(d)
			if err != nil {
				t.Error(err)
			}
			rows[i] = r
		})
	}
	wg.Wait()
	dir := filepath.Join(t.TempDir(), "ahead")
	w, err := NewWriter(dir, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		if err := w.ConsumeRows(context.Background(), d, rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(RunInfo{Version: "test", Inputs: []string{"corpus"}, Workers: 2,
		Stats: pipeline.Stats{Docs: len(docs)}}); err != nil {
		t.Fatal(err)
	}
	ref := sharedRun(t)
	for _, st := range rowStreams {
		a, err := os.ReadFile(filepath.Join(ref, st.name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, st.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs when the rows are rendered ahead", st.name)
		}
		if bytes.Count(a, []byte("\n")) < 2 {
			t.Errorf("%s has no rows", st.name)
		}
	}
}
