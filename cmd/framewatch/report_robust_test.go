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

// TestFlagsAfterPaths: "framewatch run corpus --no-state" took --no-state
// for a path. Flags may now follow paths; after "--" everything is a path.
func TestFlagsAfterPaths(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	writeCorpus(t, in, 0, 1)
	out := filepath.Join(tmp, "out")
	if err := runCLI(t, "run", in, "--no-state", "--out", out); err != nil {
		t.Fatalf("run PATH --no-state --out DIR: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "latest", "units.csv")); err != nil {
		t.Errorf("no report in --out given after the path: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, ".framewatch")); !os.IsNotExist(err) {
		t.Errorf("--no-state after the path ignored: a workspace was made (%v)", err)
	}
	err := runCLI(t, "run", "--no-state", "--out", out, "--", "--no-such-file")
	if code := exitCode(err); code != exitError || !strings.Contains(err.Error(), "--no-such-file") {
		t.Errorf("a path after --: exit %d (%v), want %d naming the missing input", code, err, exitError)
	}
	if err := runCLI(t, "run", in, "--bogus"); exitCode(err) != exitUsage {
		t.Errorf("unknown flag after the path: exit %d (%v), want %d", exitCode(err), err, exitUsage)
	}
}

// TestBadSettingsNamed: --log-level bogus was accepted and an
// out-of-range png_dpi clamped without a word.
func TestBadSettingsNamed(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	writeCorpus(t, in, 0, 1)
	err := runCLI(t, "run", "--no-state", "--out", filepath.Join(tmp, "out"), "--log-level", "bogus", in)
	if code := exitCode(err); code != exitUsage || !strings.Contains(err.Error(), "--log-level") || !strings.Contains(err.Error(), "debug, info, warn or error") {
		t.Errorf("--log-level bogus: exit %d (%v), want %d naming the flag and its values", code, err, exitUsage)
	}
	for _, dpi := range []string{"1000", "10", "-5"} {
		cfg := filepath.Join(tmp, "dpi.yaml")
		if err := os.WriteFile(cfg, []byte("report:\n  png_dpi: "+dpi+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := runCLI(t, "run", "--no-state", "--out", filepath.Join(tmp, "out"), "--config", cfg, in)
		if code := exitCode(err); code != exitError || !strings.Contains(err.Error(), "report.png_dpi") || !strings.Contains(err.Error(), "72 to 600") {
			t.Errorf("png_dpi %s: exit %d (%v), want %d naming the key and the range", dpi, code, err, exitError)
		}
	}
}

// TestLatestNotALinkBeforeAnalysis: a latest that is not a link was found
// only when the report was published, after the whole analysis; now the
// run stops first, with nothing analysed and nothing left behind.
func TestLatestNotALinkBeforeAnalysis(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	writeCorpus(t, in, 0, 1)
	out := filepath.Join(tmp, "out")
	if err := os.MkdirAll(filepath.Join(out, "latest"), 0o755); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(tmp, "state")
	err := runCLI(t, "run", "--out", out, "--state", state, in)
	if code := exitCode(err); code != exitError || !strings.Contains(err.Error(), "not a link") {
		t.Fatalf("latest a folder: exit %d (%v), want %d saying it is not a link", code, err, exitError)
	}
	if n := storedDocs(filepath.Join(state, "framewatch.db")); n > 0 {
		t.Errorf("%d documents analysed and stored before the error", n)
	}
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("left %v behind", l)
	}
}
