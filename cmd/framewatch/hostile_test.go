package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

// formulaCell reports whether a CSV cell would run as a spreadsheet
// formula: it starts with =, +, -, @ (or a tab or carriage return) and is
// not a number.
func formulaCell(c string) bool {
	if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return false
	}
	return !isNumeric(c)
}

// isNumeric reports whether c is a decimal number (not "Inf", "0x1p3").
func isNumeric(c string) bool {
	_, err := strconv.ParseFloat(c, 64)
	return err == nil && strings.Trim(c, "+-0123456789.eE") == ""
}

// csvFormulaCells lists every cell of every CSV under dir that a
// spreadsheet would take for a formula.
func csvFormulaCells(t *testing.T, dir string) []string {
	t.Helper()
	var bad []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		for _, row := range rows {
			for _, c := range row {
				if formulaCell(c) {
					bad = append(bad, filepath.Base(p)+": "+c)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return bad
}

// TestHostileCells: metadata and article text that a spreadsheet would
// run as formulas (=HYPERLINK, +cmd, @SUM, -2+3) reach no CSV output
// unneutralised, numbers (negative tones, -0.25) stay numbers, a press
// review line "=HYPERLINK(...) (FR) /" does not become an outlet, and a
// country that is not a two-letter code is left empty with a note.
func TestHostileCells(t *testing.T) {
	in := t.TempDir()
	recs := []map[string]any{
		{"id": "h1", "outlet": `=HYPERLINK("http://x","y")`, "title": `+cmd|' /C calc'!A0`, "author": "@SUM(1+1)", "country": "Germany",
			"text": "Prime Minister Keir Starmer said the talks in Paris failed badly, a terrible outcome for Britain and a disaster for France."},
		{"id": "h2", "outlet": "Daily Planet", "title": "-2+3", "country": "de",
			"text": "=HYPERLINK(\"http://x\",\"y\") (FR) /\n@SUM(1+1) said President Emmanuel Macron would visit Berlin. Macron praised Chancellor Friedrich Merz."},
	}
	var b bytes.Buffer
	for _, r := range recs {
		line, _ := json.Marshal(r)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(in, "hostile.jsonl"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"run", "--no-state", "--out", out, "--report-date", "2024-06-20", in}, nil, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	dir := filepath.Join(out, "latest")
	if bad := csvFormulaCells(t, dir); len(bad) > 0 {
		t.Errorf("%d CSV cells would run as formulas: %q", len(bad), bad)
	}
	units := readCSV(t, filepath.Join(dir, "units.csv"))
	for _, u := range units {
		if strings.Contains(u["outlet"], "HYPERLINK") && u["doc_id"] == "h2" {
			t.Errorf("press-review line became outlet %q", u["outlet"])
		}
	}
	if len(units) == 0 || units[0]["outlet"] != `'=HYPERLINK("http://x","y")` {
		t.Errorf("units.csv first outlet = %q, want it kept as text with a leading apostrophe", units[0]["outlet"])
	}
	m, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(m, []byte(`country \"Germany\" is not a two-letter code`)) {
		t.Errorf("manifest has no note on the invalid country")
	}
	for _, u := range units {
		if u["doc_id"] == "h2" && u["country"] != "DE" && u["country"] != "" {
			t.Errorf("h2 country = %q, want DE", u["country"])
		}
		if u["doc_id"] == "h1" && u["country"] == "GERMANY" {
			t.Errorf("h1 country = %q, want empty", u["country"])
		}
	}
}

// TestOutInsideCorpus: with --out (and the workspace) inside the corpus,
// the next run does not analyse the last run's own tables as input; the
// manifest says which folder was left out.
func TestOutInsideCorpus(t *testing.T) {
	in := t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "a.txt"), []byte("LONDON (Reuters) - Prime Minister Keir Starmer met President Emmanuel Macron in Paris on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, state := filepath.Join(in, "out"), filepath.Join(in, "state")
	for i := range 2 {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"run", "--out", out, "--state", state, "--report-date", "2024-06-20", in}, nil, &stdout, &stderr)
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i+1, err, stderr.String())
		}
	}
	var m struct {
		Notes     []string `json:"notes"`
		Documents []struct {
			Source string `json:"source"`
		} `json:"documents"`
	}
	b, err := os.ReadFile(filepath.Join(out, "latest", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Documents) != 1 || !strings.HasSuffix(m.Documents[0].Source, "a.txt") {
		t.Errorf("documents = %+v, want only a.txt", m.Documents)
	}
	if len(m.Notes) != 2 || !strings.Contains(strings.Join(m.Notes, "|"), out) {
		t.Errorf("notes = %q, want the output and workspace folders named", m.Notes)
	}
}

// TestSidecarIsNoSkippedExport: a manifest.csv sidecar is listed as
// skipped, but it drops no document, so it is no "export skipped" warning
// (fetch writes one per outlet folder: every nightly run warned).
func TestSidecarIsNoSkippedExport(t *testing.T) {
	for _, tc := range []struct {
		d    pipeline.Doc
		want bool
	}{
		{pipeline.Doc{Source: "corpus/reuters/manifest.csv", Format: ingest.FormatCSV, Status: pipeline.StatusSkipped, Reason: ingest.SidecarReason}, false},
		{pipeline.Doc{Source: "corpus/export.csv", Format: ingest.FormatCSV, Status: pipeline.StatusSkipped, Reason: "binary file"}, true},
		{pipeline.Doc{Source: "corpus/export.jsonl:12", Format: ingest.FormatJSONL, Status: pipeline.StatusSkipped, Reason: "empty text"}, false},
		{pipeline.Doc{Source: "corpus/story.txt", Format: "txt", Status: pipeline.StatusSkipped, Reason: "empty file"}, false},
	} {
		if got := wholeExport(&tc.d); got != tc.want {
			t.Errorf("wholeExport(%s, %q) = %v, want %v", tc.d.Source, tc.d.Reason, got, tc.want)
		}
	}
}
