package reports

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func testConfig() pipeline.Config {
	cfg := pipeline.DefaultConfig()
	cfg.Title = "Korea–Russia arms deal: outlet comparison"
	cfg.ReportDate = "2024-06-25"
	return cfg
}

// runWriter writes the reports for docs into a new folder and returns it.
func runWriter(t testing.TB, docs []*pipeline.Doc, cfg pipeline.Config) string {
	t.Helper()
	return writeReports(t, filepath.Join(t.TempDir(), "out"), docs, cfg)
}

// writeReports writes the reports for docs into dir.
func writeReports(t testing.TB, dir string, docs []*pipeline.Doc, cfg pipeline.Config) string {
	t.Helper()
	w, err := NewWriter(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Consume(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	info := RunInfo{Version: "test", Inputs: []string{"corpus"}, Workers: 2,
		Stats: pipeline.Stats{Docs: len(docs), Counters: []pipeline.Counter{{Stage: "clean", Docs: int64(len(docs)), Busy: 1234}}, Elapsed: 98765}}
	if err := w.Close(info); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestWriterSmoke(t *testing.T) {
	dir := runWriter(t, testCorpus(120), testConfig())
	if out := os.Getenv("REPORTS_KEEP"); out != "" {
		os.RemoveAll(out)
		if err := os.CopyFS(out, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
	}
}
