package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// goldUnit is the part of fixtures/gold/units.json that ingest decides.
type goldUnit struct {
	Source         string `json:"source"`
	Record         int    `json:"record"`
	ID             string `json:"id"`
	Status         string `json:"status"`
	ReasonContains string `json:"reason_contains"`
}

// TestFixturesCorpus reads the whole fixtures corpus from the file system
// and checks every document's status against the gold units: one document
// per gold entry, none extra, reasons as annotated.
func TestFixturesCorpus(t *testing.T) {
	b, err := os.ReadFile("../../fixtures/gold/units.json")
	if err != nil {
		t.Skipf("gold units: %v", err)
	}
	var gold []goldUnit
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	docs := collect(t, &Source{Paths: []string{corpusDir}})
	checkDocs(t, docs)

	got := map[string]*pipeline.Doc{}
	for _, d := range docs {
		rel, err := filepath.Rel(corpusDir, d.Source)
		if err != nil {
			t.Fatal(err)
		}
		key := filepath.ToSlash(rel)
		if d.Format == FormatJSONL || d.Format == FormatCSV {
			if i := strings.LastIndexByte(key, ':'); i > 0 {
				if _, err := strconv.Atoi(key[i+1:]); err == nil {
					key = key[:i] + "#" + key[i+1:]
				}
			}
		}
		if got[key] != nil {
			t.Errorf("two documents from %s", key)
		}
		got[key] = d
	}

	// Every file of the corpus yields at least one document.
	err = filepath.WalkDir(corpusDir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, p)
		rel = filepath.ToSlash(rel)
		for k := range got {
			if k == rel || strings.HasPrefix(k, rel+"#") {
				return nil
			}
		}
		t.Errorf("%s yields no document", rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	duplicates := 0
	for _, g := range gold {
		key := g.Source
		if g.Record > 0 {
			key += "#" + strconv.Itoa(g.Record)
		}
		d := got[key]
		if d == nil {
			t.Errorf("%s: no document", key)
			continue
		}
		delete(got, key)
		if g.ID != "" && d.ID != g.ID {
			t.Errorf("%s: ID = %q, want %q", key, d.ID, g.ID)
		}
		status := string(d.Status)
		if status == "duplicate" {
			// The better original of the pair (Better: the shorter path,
			// wire/...) is kept, as the gold says.
			duplicates++
		}
		if status != g.Status {
			t.Errorf("%s: status %s (%q), want %s", key, status, d.Reason, g.Status)
		}
		if g.ReasonContains != "" && !strings.Contains(d.Reason, g.ReasonContains) {
			t.Errorf("%s: reason %q, want it to contain %q", key, d.Reason, g.ReasonContains)
		}
	}
	if duplicates != 1 {
		t.Errorf("%d duplicates, want exactly 1", duplicates)
	}
	for key, d := range got {
		t.Errorf("%s: document %s not in gold", key, d.ID)
	}
}
