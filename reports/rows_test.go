package reports

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
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

// TestUnitFramesRow checks unit_frames.csv's shares and primary frame:
// the largest share, the first in codebook order on a tie, none without
// cues.
func TestUnitFramesRow(t *testing.T) {
	tests := []struct {
		name    string
		frames  []pipeline.FrameScore
		primary string
	}{
		{"largest", []pipeline.FrameScore{{Frame: "economic", Score: 0.25}, {Frame: "political", Score: 0.75}}, "political"},
		{"tie", []pipeline.FrameScore{{Frame: "political", Score: 0.5}, {Frame: "morality", Score: 0.5}}, "morality"},
		{"no cues", []pipeline.FrameScore{{Frame: "economic"}, {Frame: "political"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := unitFramesRow("Outlet", &pipeline.Unit{ID: "d#0", Frames: tt.frames})
			if len(row) != len(unitFramesHeader()) {
				t.Fatalf("row has %d fields, header %d", len(row), len(unitFramesHeader()))
			}
			if got := row[len(frameOrder)+2]; got != tt.primary {
				t.Errorf("primary = %q, want %q", got, tt.primary)
			}
			for _, f := range tt.frames {
				i := slices.Index(unitFramesHeader(), f.Frame)
				if got, want := row[i], f4(f.Score); got != want {
					t.Errorf("%s = %s, want %s", f.Frame, got, want)
				}
			}
		})
	}
}
