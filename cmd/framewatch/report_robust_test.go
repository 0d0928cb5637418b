package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leftovers lists the hidden temporary run folders under out/runs.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(out, "runs"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var tmp []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".tmp-") {
			tmp = append(tmp, e.Name())
		}
	}
	return tmp
}

// TestEmojiDoesNotPoisonWorkspace is issue 13's first finding: a character
// above U+FFFF in an outlet name made fpdf panic while writing the chart
// PDFs, the process exited 2 with a .tmp-* folder left, and since the
// document was stored every later run on the workspace panicked too.
func TestEmojiDoesNotPoisonWorkspace(t *testing.T) {
	tmp := t.TempDir()
	export := filepath.Join(tmp, "emoji.jsonl")
	rec := `{"id":"e1","outlet":"News 📰 Daily","title":"Pact 🤝 signed","text":"Russian President Vladimir Putin met Kim Jong Un 🚀 in Pyongyang on June 19, 2024. Analysts in Seoul said the deal would last."}` + "\n"
	if err := os.WriteFile(export, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	out, state := filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	for i, in := range []string{export, filepath.Join(corpus, "wire")} {
		err := runCLI(t, "run", "--out", out, "--state", state, "--report-date", "2024-06-20", in)
		if code := exitCode(err); code != exitOK && code != exitPartial {
			t.Fatalf("run %d on %s: exit %d (%v), want a published report", i+1, in, code, err)
		}
		if l := leftovers(t, out); len(l) > 0 {
			t.Errorf("run %d left %v behind", i+1, l)
		}
		pdf, err := os.ReadFile(filepath.Join(out, "latest", "report.pdf"))
		if err != nil || len(pdf) == 0 {
			t.Fatalf("run %d: no report.pdf: %v", i+1, err)
		}
		// The tables keep the emoji; only the PDF replaces it.
		ov, err := os.ReadFile(filepath.Join(out, "latest", "overview.csv"))
		if err != nil || !strings.Contains(string(ov), "News 📰 Daily") {
			t.Errorf("run %d: overview.csv lost the outlet name %q: %v", i+1, "News 📰 Daily", err)
		}
	}
}
