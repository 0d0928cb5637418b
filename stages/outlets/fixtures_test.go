package outlets_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/golden"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/framewatch/framewatch/stages/clean"
	"github.com/framewatch/framewatch/stages/outlets"
)

type goldUnit struct {
	Kind    string `json:"kind"`
	Outlet  string `json:"outlet"`
	Country string `json:"country"`
	Date    string `json:"date"`
	Author  string `json:"author"`
	Title   string `json:"title"`
}

type goldDoc struct {
	Source string     `json:"source"`
	Status string     `json:"status"`
	Units  []goldUnit `json:"units"`
}

// sidecarMeta reads a folder's manifest.csv, as ingest does, keyed by file
// name.
func sidecarMeta(t *testing.T, dir string) map[string]pipeline.Meta {
	t.Helper()
	b, err := fs.ReadFile(fixtures.FS, path.Join(dir, "manifest.csv"))
	if err != nil {
		return nil
	}
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("manifest: %v", err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	get := func(r []string, k string) string {
		if i, ok := col[k]; ok && i < len(r) {
			return r[i]
		}
		return ""
	}
	m := map[string]pipeline.Meta{}
	for _, r := range rows[1:] {
		m[get(r, "file")] = pipeline.Meta{Outlet: get(r, "outlet"), Country: get(r, "country"), Date: get(r, "date"), URL: get(r, "url"), Title: get(r, "title"), Author: get(r, "author")}
	}
	return m
}

// TestFixtures runs clean and outlets on every processed .txt/.md file of
// the fixture corpus (no ingest: sidecar metadata is read from
// manifest.csv) and compares the units with gold/units.json.
func TestFixtures(t *testing.T) {
	b, err := fs.ReadFile(fixtures.FS, "gold/units.json")
	if err != nil {
		t.Skipf("no gold units: %v", err)
	}
	var gold []goldDoc
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	c, err := clean.New(pipeline.CleanConfig{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := outlets.New(pipeline.OutletConfig{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var annotated strings.Builder
	for _, g := range gold {
		ext := path.Ext(g.Source)
		if g.Status != "processed" || (ext != ".txt" && ext != ".md") {
			continue
		}
		n++
		t.Run(g.Source, func(t *testing.T) {
			raw, err := fs.ReadFile(fixtures.FS, "corpus/"+g.Source)
			if err != nil {
				t.Fatal(err)
			}
			d := &pipeline.Doc{ID: g.Source, Text: strings.TrimPrefix(string(raw), "\ufeff")}
			d.Meta = sidecarMeta(t, "corpus/"+path.Dir(g.Source))[path.Base(g.Source)]
			for _, st := range []pipeline.Stage{c, x} {
				if err := st.Process(context.Background(), d); err != nil {
					t.Fatal(err)
				}
			}
			for _, u := range d.Units {
				j, _ := json.Marshal(u)
				annotated.WriteString(string(j) + "\n")
			}
			if len(d.Units) != len(g.Units) {
				t.Errorf("%d units, want %d", len(d.Units), len(g.Units))
			}
			for i := range min(len(d.Units), len(g.Units)) {
				u, w := d.Units[i], g.Units[i]
				got := goldUnit{u.Kind, u.Outlet, u.Country, u.Date, u.Author, u.Title}
				if got != w {
					t.Errorf("unit %d:\n got %+v\nwant %+v", i, got, w)
				}
			}
		})
	}
	if n == 0 {
		t.Skip("no .txt/.md documents in gold")
	}
	// The full units, spans and evidence included, as a golden file.
	golden.Assert(t, "testdata/units.golden", []byte(annotated.String()))
}

// TestFixturesIngested reads the whole fixture corpus through ingest (so
// HTML, JSON Lines, CSV and sidecar documents carry their metadata) and
// compares every processed document's units with gold/units.json.
func TestFixturesIngested(t *testing.T) {
	const corpusDir = "../../fixtures/corpus"
	b, err := fs.ReadFile(fixtures.FS, "gold/units.json")
	if err != nil {
		t.Skipf("no gold units: %v", err)
	}
	var gold []struct {
		goldDoc
		Record int `json:"record"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	c, err := clean.New(pipeline.CleanConfig{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := outlets.New(pipeline.OutletConfig{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*pipeline.Doc{}
	src := &ingest.Source{Paths: []string{corpusDir}}
	err = src.Docs(context.Background(), func(d *pipeline.Doc) error {
		key, err := filepath.Rel(corpusDir, d.Source)
		if err != nil {
			return err
		}
		key = filepath.ToSlash(key)
		if i := strings.LastIndexByte(key, ':'); i > 0 {
			key = key[:i] + "#" + key[i+1:]
		}
		got[key] = d
		return nil
	})
	if err != nil {
		t.Skipf("ingest: %v", err)
	}
	for _, g := range gold {
		if g.Status != "processed" {
			continue
		}
		key := g.Source
		if g.Record > 0 {
			key += "#" + strconv.Itoa(g.Record)
		}
		t.Run(key, func(t *testing.T) {
			d := got[key]
			if d == nil {
				t.Skip("ingest gave no document")
			}
			for _, st := range []pipeline.Stage{c, x} {
				if err := st.Process(context.Background(), d); err != nil {
					t.Fatal(err)
				}
			}
			if len(d.Units) != len(g.Units) {
				t.Errorf("%d units, want %d", len(d.Units), len(g.Units))
			}
			for i := range min(len(d.Units), len(g.Units)) {
				u, w := d.Units[i], g.Units[i]
				if got := (goldUnit{u.Kind, u.Outlet, u.Country, u.Date, u.Author, u.Title}); got != w {
					t.Errorf("unit %d:\n got %+v\nwant %+v", i, got, w)
				}
			}
		})
	}
}
