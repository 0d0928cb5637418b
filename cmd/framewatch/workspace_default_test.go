package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDefaultStateBesideOutput is issue 13's fifth finding: the default
// workspace was ./.framewatch in the current folder, so a second,
// unrelated corpus run from the same folder with another --out reported
// the first corpus's documents too. The default is now OUT/.framewatch.
func TestDefaultStateBesideOutput(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp)
	writeCorpus(t, "a", 0, 3)
	writeCorpus(t, "b", 100, 2)
	if err := runCLI(t, "run", "--out", "out-a", "--report-date", "2024-06-20", "a"); err != nil {
		t.Fatalf("run a: %v", err)
	}
	if err := runCLI(t, "run", "--out", "out-b", "--report-date", "2024-06-20", "b"); err != nil {
		t.Fatalf("run b: %v", err)
	}
	if _, err := os.Stat(".framewatch"); !os.IsNotExist(err) {
		t.Errorf("a workspace was made in the current folder (%v)", err)
	}
	for _, dir := range []string{"out-a/.framewatch", "out-b/.framewatch"} {
		if _, err := os.Stat(filepath.Join(dir, "framewatch.db")); err != nil {
			t.Errorf("no workspace beside the output: %v", err)
		}
	}
	if got := len(readCSV(t, "out-b/latest/units.csv")); got != 2 {
		t.Errorf("out-b reports %d units, want b's 2 only", got)
	}

	// A run over new files into out-a reports a's documents too, and says
	// how many come from earlier runs.
	writeCorpus(t, "c", 200, 1)
	if err := runCLI(t, "run", "--out", "out-a", "--report-date", "2024-06-20", "c"); err != nil {
		t.Fatalf("run c: %v", err)
	}
	if got := len(readCSV(t, "out-a/latest/units.csv")); got != 4 {
		t.Errorf("out-a reports %d units, want 4 (a's 3 and c's 1)", got)
	}
	summary, err := os.ReadFile("out-a/latest/summary.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(summary), "3 of the documents come from earlier runs") {
		t.Errorf("summary.md does not say how many documents come from earlier runs:\n%s", summary)
	}
	if m := readManifestTotals(t, "out-a/latest"); m["from_earlier_runs"] != 3 {
		t.Errorf("manifest totals from_earlier_runs = %v, want 3", m["from_earlier_runs"])
	}

	// --prune forgets a's documents once their files are gone.
	if err := os.RemoveAll("a"); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, "run", "--out", "out-a", "--prune", "--report-date", "2024-06-20", "c"); err != nil {
		t.Fatalf("run c --prune: %v", err)
	}
	if got := len(readCSV(t, "out-a/latest/units.csv")); got != 1 {
		t.Errorf("after --prune out-a reports %d units, want c's 1", got)
	}
	if m := readManifestTotals(t, "out-a/latest"); m["from_earlier_runs"] != 0 {
		t.Errorf("after --prune from_earlier_runs = %v, want 0", m["from_earlier_runs"])
	}
	// --state still names any folder.
	if err := runCLI(t, "run", "--out", "out-d", "--state", "elsewhere", "c"); err != nil {
		t.Fatalf("run --state elsewhere: %v", err)
	}
	if _, err := os.Stat("elsewhere/framewatch.db"); err != nil {
		t.Errorf("--state elsewhere: %v", err)
	}
	if err := runCLI(t, "run", "--no-state", "--prune", "c"); exitCode(err) != exitUsage {
		t.Errorf("--prune with --no-state: exit %d (%v), want %d", exitCode(err), err, exitUsage)
	}
}

func readManifestTotals(t *testing.T, dir string) map[string]float64 {
	t.Helper()
	var m struct {
		Totals map[string]float64 `json:"totals"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Totals
}
