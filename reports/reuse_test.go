package reports

import (
	"bytes"
	stdjson "encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

// TestReuseManifestEncoding checks that a reused manifest is what
// encoding/json writes for the same content (ReuseManifest uses a faster
// encoder) and that it marks the processed documents cached.
func TestReuseManifestEncoding(t *testing.T) {
	prev, err := os.ReadFile(filepath.Join(sharedRun(t), "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	info := RunInfo{Workers: 3, Stats: pipeline.Stats{Elapsed: 2 * time.Second,
		Counters: []pipeline.Counter{{Stage: "clean", Docs: 4, Busy: time.Millisecond}}}}
	got, err := ReuseManifest(prev, info, "2024-06-20T000000Z")
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := stdjson.Unmarshal(got, &m); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := stdjson.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("reused manifest differs from encoding/json's encoding of it:\n%s", got)
	}
	if m.ReusedFrom != "2024-06-20T000000Z" || m.Workers != 3 || m.Totals.Cached == 0 || m.Totals.Cached != m.Totals.Processed {
		t.Errorf("reused manifest: from %q, workers %d, cached %d of %d processed", m.ReusedFrom, m.Workers, m.Totals.Cached, m.Totals.Processed)
	}
}
