package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/framewatch/framewatch/workspace"
)

// TestMain lets a test re-execute this test binary as the framewatch
// command, so that a real process can be killed mid-run.
func TestMain(m *testing.M) {
	if args := os.Getenv("FRAMEWATCH_TEST_MAIN"); args != "" {
		ctx := context.Background()
		err := run(ctx, strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "framewatch:", err)
		}
		os.Exit(exitCode(err))
	}
	os.Exit(m.Run())
}

// writeCorpus writes n distinct small articles into dir, numbered from
// first, built from a few templates so that every stage has work to do.
func writeCorpus(t *testing.T, dir string, first, n int) {
	t.Helper()
	outlets := []string{"Reuters", "AP", "AFP", "TASS", "Yonhap"}
	cities := []string{"SEOUL", "WASHINGTON", "PARIS", "MOSCOW", "SEOUL"}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := first; i < first+n; i++ {
		o := i % len(outlets)
		day := 10 + i%15
		body := fmt.Sprintf(`Story %d about the arms deal

By Jane Roe
June %[4]d, 2024

%[2]s (%[3]s) - Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on June %d, 2024, the %d-th meeting reported this year.
South Korea's defence minister said North Korea had shipped about %[6]d million artillery shells to Russia, a claim the Kremlin denied.
Putin praised the "invincible friendship" while Washington condemned the deal as a dangerous violation of U.N. sanctions.
Analysts said the partnership could last more than %d years and cost Moscow nearly $%d billion.
`, i, cities[o], outlets[o], day, i, 1+i%5, 2+i%7, 3+i%9)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type manifestTotals struct {
	Totals struct {
		Docs, Processed, Cached, Failed int
	} `json:"totals"`
}

func readTotals(t *testing.T, runDir string) manifestTotals {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(runDir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m manifestTotals
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func runCLI(t *testing.T, args ...string) error {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, nil, &stdout, &stderr)
	if err != nil && exitCode(err) != exitPartial {
		t.Logf("stderr:\n%s", stderr.String())
	}
	return err
}

func TestIncrementalRunAnalysesOnlyNewDocuments(t *testing.T) {
	tmp := t.TempDir()
	in, out, state := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	writeCorpus(t, in, 0, 6)
	if err := runCLI(t, "run", "--out", out, "--state", state, in); err != nil {
		t.Fatalf("first run: %v", err)
	}
	first := readTotals(t, filepath.Join(out, "latest"))
	if first.Totals.Processed != 6 || first.Totals.Cached != 0 {
		t.Errorf("first run totals = %+v, want 6 analysed, 0 cached", first.Totals)
	}

	writeCorpus(t, in, 6, 3)
	if err := runCLI(t, "run", "--out", out, "--state", state, in); err != nil {
		t.Fatalf("second run: %v", err)
	}
	second := readTotals(t, filepath.Join(out, "latest"))
	if second.Totals.Docs != 9 || second.Totals.Cached != 6 || second.Totals.Processed != 9 {
		t.Errorf("second run totals = %+v, want 9 documents of which 6 restored from the workspace", second.Totals)
	}
	units := readCSV(t, filepath.Join(out, "latest", "units.csv"))
	if len(units) != 9 {
		t.Errorf("second report has %d units, want 9", len(units))
	}

	// --full re-analyses everything.
	if err := runCLI(t, "run", "--full", "--out", out, "--state", state, in); err != nil {
		t.Fatalf("full run: %v", err)
	}
	if full := readTotals(t, filepath.Join(out, "latest")); full.Totals.Cached != 0 {
		t.Errorf("--full run restored %d documents, want 0", full.Totals.Cached)
	}
	runs, err := os.ReadDir(filepath.Join(out, "runs"))
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 3 {
		t.Errorf("%d run folders, want 3", len(runs))
	}
	// A nightly run over only the new files still reports the whole corpus.
	only := filepath.Join(tmp, "tonight")
	writeCorpus(t, only, 9, 1)
	if err := runCLI(t, "run", "--keep", "2", "--out", out, "--state", state, only); err != nil {
		t.Fatalf("nightly run: %v", err)
	}
	if units := readCSV(t, filepath.Join(out, "latest", "units.csv")); len(units) != 10 {
		t.Errorf("nightly report has %d units, want the whole stored corpus of 10", len(units))
	}
	if runs, _ := os.ReadDir(filepath.Join(out, "runs")); len(runs) != 2 {
		t.Errorf("--keep 2 left %d run folders", len(runs))
	}
}

func TestSecondRunReportsLock(t *testing.T) {
	tmp := t.TempDir()
	in, state := filepath.Join(tmp, "in"), filepath.Join(tmp, "state")
	writeCorpus(t, in, 0, 1)
	ws, err := workspace.Open(context.Background(), state, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	err = runCLI(t, "run", "--out", filepath.Join(tmp, "out"), "--state", state, in)
	if code := exitCode(err); code != exitLocked {
		t.Fatalf("run while locked: exit %d (%v), want %d", code, err, exitLocked)
	}
	if !strings.Contains(err.Error(), "locked") {
		t.Errorf("lock error %q does not say locked", err)
	}
	if _, err := os.Stat(filepath.Join(tmp, "out", "latest")); err == nil {
		t.Errorf("a locked run published a report")
	}
	start := time.Now()
	err = runCLI(t, "run", "--wait", "300ms", "--out", filepath.Join(tmp, "out"), "--state", state, in)
	if code := exitCode(err); code != exitLocked || time.Since(start) < 300*time.Millisecond {
		t.Errorf("run --wait 300ms while locked: exit %d after %v, want %d after waiting", code, time.Since(start), exitLocked)
	}
}

func TestKilledRunResumesToSameTables(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess and analyses a few hundred documents")
	}
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	writeCorpus(t, in, 0, 400)

	// The reference: one uninterrupted run.
	ref := filepath.Join(tmp, "ref")
	if err := runCLI(t, "run", "--out", ref, "--state", filepath.Join(tmp, "ref-state"), "--report-date", "2024-07-01", in); err != nil {
		t.Fatalf("reference run: %v", err)
	}

	out, state := filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	args := []string{"run", "--out", out, "--state", state, "--report-date", "2024-07-01", in}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "FRAMEWATCH_TEST_MAIN="+strings.Join(args, "\x1f"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some results are committed to the workspace.
	db := filepath.Join(state, "framewatch.db")
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) && storedDocs(db) < 50 {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	err := cmd.Wait()
	if err == nil {
		t.Log("the run finished before it could be killed; the resume below is then trivial")
	}
	if ws, err := workspace.Open(context.Background(), state, workspace.Options{}); err != nil {
		t.Fatalf("workspace after kill: %v", err)
	} else {
		t.Logf("workspace holds %d documents after the kill; stderr: %s", ws.Len(), stderr.String())
		ws.Close()
	}
	if _, err := os.Stat(filepath.Join(out, "latest")); err == nil && cmd.ProcessState.ExitCode() != 0 {
		t.Errorf("a killed run published a report")
	}

	if err := runCLI(t, args...); err != nil {
		t.Fatalf("run after kill: %v", err)
	}
	resumed := readTotals(t, filepath.Join(out, "latest"))
	if resumed.Totals.Docs != 400 {
		t.Errorf("resumed run saw %d documents, want 400", resumed.Totals.Docs)
	}
	t.Logf("resumed run restored %d documents analysed before the kill", resumed.Totals.Cached)
	refDir, _ := filepath.EvalSymlinks(filepath.Join(ref, "latest"))
	gotDir, _ := filepath.EvalSymlinks(filepath.Join(out, "latest"))
	for _, f := range listFiles(t, refDir) {
		if !strings.HasSuffix(f, ".csv") && !strings.HasSuffix(f, ".jsonl") {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(refDir, f))
		b, err := os.ReadFile(filepath.Join(gotDir, f))
		if err != nil {
			t.Errorf("%s missing after resume: %v", f, err)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between an uninterrupted run and a killed-then-resumed one", f)
		}
	}
}

// storedDocs counts the documents committed to a workspace database, read
// without taking the workspace lock.
func storedDocs(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM docs").Scan(&n); err != nil {
		return 0
	}
	return n
}

func TestInterruptedRunKeepsPreviousReport(t *testing.T) {
	tmp := t.TempDir()
	in, out, state := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	writeCorpus(t, in, 0, 3)
	if err := runCLI(t, "run", "--out", out, "--state", state, in); err != nil {
		t.Fatal(err)
	}
	before, err := filepath.EvalSymlinks(filepath.Join(out, "latest"))
	if err != nil {
		t.Fatal(err)
	}
	// Feed documents on stdin and cancel, as a SIGINT would, while the run
	// is waiting for more input: it cannot have finished.
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		fmt.Fprintln(pw, `{"id":"late-1","outlet":"Reuters","text":"Putin met Kim Jong Un in Pyongyang."}`)
		time.Sleep(200 * time.Millisecond)
		cancel()
		time.Sleep(50 * time.Millisecond)
		pw.Close()
	}()
	var stdout, stderr bytes.Buffer
	err = run(ctx, []string{"run", "--out", out, "--state", state, "-"}, pr, &stdout, &stderr)
	cancel()
	if code := exitCode(err); code != exitError || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("cancelled run: exit %d (%v), want %d and an interrupted message", code, err, exitError)
	}
	after, err := filepath.EvalSymlinks(filepath.Join(out, "latest"))
	if err != nil || after != before {
		t.Errorf("latest = %q (%v) after an interrupted run, want the previous report %q", after, err, before)
	}
	runs, _ := os.ReadDir(filepath.Join(out, "runs"))
	for _, r := range runs {
		if strings.HasPrefix(r.Name(), ".tmp") {
			t.Errorf("interrupted run left %s behind", r.Name())
		}
	}
}

func TestUnwritableOutputIsRunError(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	writeCorpus(t, in, 0, 1)
	blocker := filepath.Join(tmp, "file")
	if err := os.WriteFile(blocker, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := runCLI(t, "run", "--no-state", "--out", filepath.Join(blocker, "out"), in)
	if code := exitCode(err); code != exitError || !strings.Contains(err.Error(), "out") {
		t.Errorf("run into an unwritable output folder: exit %d (%v), want %d naming the path", code, err, exitError)
	}
}

func TestSinceUntilWindow(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	writeCorpus(t, in, 0, 6) // article dates June 10..15, 2024
	out := filepath.Join(tmp, "out")
	if err := runCLI(t, "run", "--out", out, "--state", filepath.Join(tmp, "state"), "--since", "2024-06-12", "--until", "2024-06-13", in); err != nil {
		t.Fatal(err)
	}
	units := readCSV(t, filepath.Join(out, "latest", "units.csv"))
	if len(units) != 2 {
		t.Fatalf("window 2024-06-12..13 kept %d units, want 2: %v", len(units), units)
	}
	for _, u := range units {
		if u["date"] < "2024-06-12" || u["date"] > "2024-06-13" {
			t.Errorf("unit %s dated %s is outside the window", u["unit_id"], u["date"])
		}
	}
	if m := readTotals(t, filepath.Join(out, "latest")); m.Totals.Docs != 6 {
		t.Errorf("manifest lists %d documents, want all 6 inputs", m.Totals.Docs)
	}
}

func TestUnchangedRerunRepublishesReport(t *testing.T) {
	tmp := t.TempDir()
	in, out, state := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	writeCorpus(t, in, 0, 5)
	args := []string{"run", "--out", out, "--state", state, "--report-date", "2024-07-01", in}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	first, _ := filepath.EvalSymlinks(filepath.Join(out, "latest"))
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), append([]string{"run", "--log-level", "debug"}, args[1:]...), nil, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr.String(), "stages built") {
		t.Errorf("an unchanged re-run loaded the analysis models:\n%s", stderr.String())
	}
	second, _ := filepath.EvalSymlinks(filepath.Join(out, "latest"))
	if first == second {
		t.Fatal("the re-run published no new run folder")
	}
	var m struct {
		ReusedFrom string `json:"reused_report_from"`
		Totals     struct{ Cached int }
	}
	b, _ := os.ReadFile(filepath.Join(second, "manifest.json"))
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.ReusedFrom != filepath.Base(first) || m.Totals.Cached != 5 {
		t.Errorf("unchanged re-run: reused_report_from = %q, cached = %d; want %q, 5", m.ReusedFrom, m.Totals.Cached, filepath.Base(first))
	}
	for _, f := range listFiles(t, first) {
		if f == "manifest.json" {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(first, f))
		c, err := os.ReadFile(filepath.Join(second, f))
		if err != nil || !bytes.Equal(a, c) {
			t.Errorf("%s differs in the republished report (%v)", f, err)
		}
	}

	// Changing one document, last in input order, rebuilds the report, and
	// the result equals a from-scratch analysis.
	if err := os.WriteFile(filepath.Join(in, "story-0004.txt"), []byte("Story changed\n\nBy Jane Roe\nJune 20, 2024\n\nMOSCOW (TASS) - Putin praised Kim Jong Un.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	third, _ := filepath.EvalSymlinks(filepath.Join(out, "latest"))
	ref := filepath.Join(tmp, "ref")
	if err := runCLI(t, "run", "--no-state", "--out", ref, "--report-date", "2024-07-01", in); err != nil {
		t.Fatal(err)
	}
	refDir, _ := filepath.EvalSymlinks(filepath.Join(ref, "latest"))
	for _, f := range listFiles(t, refDir) {
		if f == "manifest.json" {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(refDir, f))
		c, err := os.ReadFile(filepath.Join(third, f))
		if err != nil || !bytes.Equal(a, c) {
			t.Errorf("%s after a change differs from a fresh analysis (%v)", f, err)
		}
	}
}

// TestUnchangedFilesAreNotRead checks the re-run shortcut: a file whose
// size, modification time and sidecar metadata equal its stored record is
// not read. The test proves it by changing a file's bytes but not its size
// or time (the shortcut's documented blind spot, which --full covers),
// then checks that a real edit, a touch and a configuration change are
// each handled as a read would.
func TestUnchangedFilesAreNotRead(t *testing.T) {
	tmp := t.TempDir()
	in, out, state := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	writeCorpus(t, in, 0, 4)
	args := []string{"run", "--out", out, "--state", state, "--report-date", "2024-07-01", in}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	unitsOf := func() string {
		b, err := os.ReadFile(filepath.Join(out, "latest", "units.csv"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	before := unitsOf()

	// Same size, same time, different bytes: not read, so not noticed.
	path := filepath.Join(in, "story-0001.txt")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	swapped := bytes.Replace(b, []byte("Story 1 about"), []byte("Tale! 1 about"), 1)
	if len(swapped) != len(b) || bytes.Equal(swapped, b) {
		t.Fatal("test setup: the swap must keep the size")
	}
	if err := os.WriteFile(path, swapped, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	if got := unitsOf(); got != before {
		t.Errorf("a file with its stored size and time was read:\n%s", got)
	}

	// --full reads it.
	if err := runCLI(t, append([]string{"run", "--full"}, args[1:]...)...); err != nil {
		t.Fatal(err)
	}
	if got := unitsOf(); !strings.Contains(got, "Tale! 1 about") {
		t.Errorf("--full did not read the changed file:\n%s", got)
	}

	// A new modification time: read again; unchanged text stays cached.
	later := fi.ModTime().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(in, "story-0002.txt"), later, later); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	if tot := readTotals(t, filepath.Join(out, "latest")); tot.Totals.Cached != 4 {
		t.Errorf("after a touch: %+v, want all 4 documents cached", tot.Totals)
	}

	// A real edit (new size and time) is analysed.
	if err := os.WriteFile(filepath.Join(in, "story-0003.txt"), []byte("Story changed\n\nBy Jane Roe\nJune 20, 2024\n\nMOSCOW (TASS) - Putin praised Kim Jong Un.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	if got := unitsOf(); !strings.Contains(got, "Story changed") {
		t.Errorf("an edited file was not analysed again:\n%s", got)
	}

	// A new configuration needs every text: unread files are read after
	// all, and the tables equal a fresh analysis with that configuration.
	cfg := filepath.Join(tmp, "cfg.yaml")
	if err := os.WriteFile(cfg, []byte("report:\n  top_entities: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, append([]string{"run", "--config", cfg}, args[1:]...)...); err != nil {
		t.Fatal(err)
	}
	if tot := readTotals(t, filepath.Join(out, "latest")); tot.Totals.Cached != 0 || tot.Totals.Processed != 4 {
		t.Errorf("after a configuration change: %+v, want 4 analysed, none cached", tot.Totals)
	}
	ref := filepath.Join(tmp, "ref")
	if err := runCLI(t, "run", "--no-state", "--config", cfg, "--out", ref, "--report-date", "2024-07-01", in); err != nil {
		t.Fatal(err)
	}
	refDir, _ := filepath.EvalSymlinks(filepath.Join(ref, "latest"))
	got, _ := filepath.EvalSymlinks(filepath.Join(out, "latest"))
	for _, f := range listFiles(t, refDir) {
		if f == "manifest.json" {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(refDir, f))
		c, err := os.ReadFile(filepath.Join(got, f))
		if err != nil || !bytes.Equal(a, c) {
			t.Errorf("%s after a configuration change differs from a fresh analysis (%v)", f, err)
		}
	}
}

// TestUnreadFilesStillCountForDuplicates checks that a file left unread
// (unchanged since its analysis was stored) still takes part in duplicate
// detection, as it does in a full run: a changed file whose text equals an
// unread file's is a duplicate of it, and the report equals a fresh run's.
func TestUnreadFilesStillCountForDuplicates(t *testing.T) {
	tmp := t.TempDir()
	in, out, state := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	writeCorpus(t, in, 0, 3)
	args := []string{"run", "--out", out, "--state", state, "--report-date", "2024-07-01", in}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	// story-0002 becomes a copy of story-0000, which stays untouched (and
	// so unread by the next run).
	b, err := os.ReadFile(filepath.Join(in, "story-0000.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "story-0002.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(tmp, "ref")
	if err := runCLI(t, "run", "--no-state", "--out", ref, "--report-date", "2024-07-01", in); err != nil {
		t.Fatal(err)
	}
	status := func(dir string) map[string]string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "latest", "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var raw struct {
			Documents []map[string]any `json:"documents"`
		}
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, d := range raw.Documents {
			out[filepath.Base(fmt.Sprint(d["source"]))] = fmt.Sprint(d["status"], " ", d["duplicate_of"])
		}
		return out
	}
	got, want := status(out), status(ref)
	if got["story-0002.txt"] != want["story-0002.txt"] || !strings.HasPrefix(want["story-0002.txt"], "duplicate") {
		t.Errorf("story-0002.txt after the re-run: %q; a fresh run says %q", got["story-0002.txt"], want["story-0002.txt"])
	}
	same := func() {
		t.Helper()
		for _, f := range []string{"units.csv", "entities.csv", "tone.csv"} {
			a, _ := os.ReadFile(filepath.Join(out, "latest", f))
			c, _ := os.ReadFile(filepath.Join(ref, "latest", f))
			if !bytes.Equal(a, c) {
				t.Errorf("%s differs from a fresh run's", f)
			}
		}
	}
	same()

	// The other way round: story-0000 (read first) becomes a copy of
	// story-0001, which is unread; story-0001 is then the duplicate.
	b, err = os.ReadFile(filepath.Join(in, "story-0001.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "story-0000.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, args...); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, "run", "--no-state", "--out", ref, "--report-date", "2024-07-01", in); err != nil {
		t.Fatal(err)
	}
	got, want = status(out), status(ref)
	if got["story-0001.txt"] != want["story-0001.txt"] || !strings.HasPrefix(want["story-0001.txt"], "duplicate") {
		t.Errorf("story-0001.txt after the second re-run: %q; a fresh run says %q", got["story-0001.txt"], want["story-0001.txt"])
	}
	same()
}

// TestUnchangedExportsAreNotRead checks the export-file shortcut: a JSON
// Lines or CSV file unchanged since it was read (size, time, sidecar
// metadata) is not read again, its documents, failed and skipped ones
// included, are emitted as before, and every change (an edit, --full, a new
// configuration) gives what a fresh analysis gives.
func TestUnchangedExportsAreNotRead(t *testing.T) {
	tmp := t.TempDir()
	in, out, state := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	writeCorpus(t, in, 0, 2)
	jsonl := filepath.Join(in, "feed.jsonl")
	lines := `{"id": "a1", "outlet": "TASS", "date": "2024-06-19", "text": "MOSCOW (TASS) - Putin praised Kim Jong Un in Pyongyang, calling the pact a model of friendship."}
{"id": "a2", "outlet": "Yonhap", "text": "SEOUL (Yonhap) - South Korea condemned the pact between Russia and North Korea as a threat."}
{"id": "a3", "text": "broken
{"id": "a4", "outlet": "AFP", "text": "   "}
{"id": "a5", "outlet": "AFP", "text": "MOSCOW (TASS) - Putin praised Kim Jong Un in Pyongyang, calling the pact a model of friendship."}
`
	if err := os.WriteFile(jsonl, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	csvText := "id,outlet,text\nc1,Reuters,\"Washington said the deal between Moscow and Pyongyang violates U.N. sanctions.\"\nc2,BBC,\"Kim Jong Un promised full support for Russia's war in Ukraine, officials said.\"\n"
	if err := os.WriteFile(filepath.Join(in, "wire.csv"), []byte(csvText), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"run", "--out", out, "--state", state, "--report-date", "2024-07-01", in}
	if err := runCLI(t, args...); err != nil && exitCode(err) != exitPartial {
		t.Fatal(err)
	}
	latest := func(dir string) string {
		d, _ := filepath.EvalSymlinks(filepath.Join(dir, "latest"))
		return d
	}
	docs := func(dir string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(latest(dir), "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Documents []map[string]any `json:"documents"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		for _, d := range m.Documents {
			fmt.Fprintln(&sb, d["doc_id"], d["source"], d["status"], d["reason"], d["duplicate_of"])
		}
		return sb.String()
	}
	// sameAsFresh compares the run's tables and documents with a fresh
	// analysis of the same input.
	sameAsFresh := func(when string, extra ...string) {
		t.Helper()
		ref := filepath.Join(tmp, "ref")
		os.RemoveAll(ref)
		refArgs := append(append([]string{"run", "--no-state"}, extra...), "--out", ref, "--report-date", "2024-07-01", in)
		if err := runCLI(t, refArgs...); err != nil && exitCode(err) != exitPartial {
			t.Fatal(err)
		}
		if a, b := docs(out), docs(ref); a != b {
			t.Errorf("%s: documents\n%s\nwant (fresh analysis)\n%s", when, a, b)
		}
		for _, f := range []string{"units.csv", "entities.csv", "tone.csv", "unit_stance.csv", "figures.csv"} {
			a, _ := os.ReadFile(filepath.Join(latest(out), f))
			c, _ := os.ReadFile(filepath.Join(latest(ref), f))
			if !bytes.Equal(a, c) {
				t.Errorf("%s: %s differs from a fresh analysis", when, f)
			}
		}
	}
	first := docs(out)
	for _, want := range []string{"failed invalid json on line 3", "skipped empty text", "duplicate duplicate of a1"} {
		if !strings.Contains(first, want) {
			t.Fatalf("test setup: the first run's documents lack %q:\n%s", want, first)
		}
	}

	// Same size and time, different bytes: not read, so not noticed, and
	// the documents (failed, skipped and duplicate ones too) are as before.
	fi, err := os.Stat(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	swapped := strings.Replace(lines, "between Russia and", "between Serbia and", 1)
	if len(swapped) != len(lines) || swapped == lines {
		t.Fatal("test setup: the swap must keep the size")
	}
	if err := os.WriteFile(jsonl, []byte(swapped), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(jsonl, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, args...); err != nil && exitCode(err) != exitPartial {
		t.Fatal(err)
	}
	if got := docs(out); got != first {
		t.Errorf("an unchanged export's documents changed:\n%s\nwant\n%s", got, first)
	}
	entities := func() []byte {
		b, _ := os.ReadFile(filepath.Join(latest(out), "entities.csv"))
		return b
	}
	if bytes.Contains(entities(), []byte("Serbia")) {
		t.Error("an export with its stored size and time was read")
	}

	// --full reads it.
	if err := runCLI(t, append([]string{"run", "--full"}, args[1:]...)...); err != nil && exitCode(err) != exitPartial {
		t.Fatal(err)
	}
	if !bytes.Contains(entities(), []byte("Serbia")) {
		t.Error("--full did not read the export")
	}
	sameAsFresh("--full")

	// A real edit: a record changes, one is appended.
	edited := strings.Replace(swapped, "full support", "his full support", 1)
	if err := os.WriteFile(filepath.Join(in, "wire.csv"), []byte(strings.Replace(csvText, "full support", "his full support", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	edited += `{"id": "a6", "outlet": "DPA", "text": "BERLIN (dpa) - Germany summoned the Russian ambassador over the pact with North Korea."}` + "\n"
	if err := os.WriteFile(jsonl, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, args...); err != nil && exitCode(err) != exitPartial {
		t.Fatal(err)
	}
	sameAsFresh("after an edit")
	if tot := readTotals(t, latest(out)); tot.Totals.Cached == 0 {
		t.Errorf("after an edit: %+v, want the unchanged documents cached", tot.Totals)
	}

	// Unchanged again: replayed, and still what a fresh analysis gives.
	if err := runCLI(t, args...); err != nil && exitCode(err) != exitPartial {
		t.Fatal(err)
	}
	sameAsFresh("unchanged re-run")

	// A new configuration: the stored analyses do not count, the exports
	// are read, and the tables equal a fresh analysis.
	cfg := filepath.Join(tmp, "cfg.yaml")
	if err := os.WriteFile(cfg, []byte("report:\n  top_entities: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, append([]string{"run", "--config", cfg}, args[1:]...)...); err != nil && exitCode(err) != exitPartial {
		t.Fatal(err)
	}
	sameAsFresh("after a configuration change", "--config", cfg)
}
