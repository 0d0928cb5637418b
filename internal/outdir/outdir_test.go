package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 25, 2, 30, 0, 0, time.UTC)

func TestRunID(t *testing.T) {
	tests := []struct {
		t    time.Time
		seq  int
		want string
	}{
		{t0, 0, "2026-11-25T023000Z"},
		{t0, 1, "2026-11-25T023000Z"},
		{t0, 2, "2026-11-25T023000Z-2"},
		{t0.In(time.FixedZone("KST", 9*3600)), 12, "2026-11-25T023000Z-12"},
	}
	for _, tt := range tests {
		if got := RunID(tt.t, tt.seq); got != tt.want {
			t.Errorf("RunID(%v, %d) = %q, want %q", tt.t, tt.seq, got, tt.want)
		}
		if _, _, ok := parseRunID(tt.want); !ok {
			t.Errorf("parseRunID(%q) not ok", tt.want)
		}
	}
	for _, bad := range []string{"", "latest", "2026-11-25", "2026-11-25T023000Z-1", "2026-11-25T023000Z-x", ".tmp-1-2"} {
		if _, _, ok := parseRunID(bad); ok {
			t.Errorf("parseRunID(%q) ok, want not a run ID", bad)
		}
	}
}

// run writes a report into a new run folder and commits it.
func run(t *testing.T, root, id string, keep int) string {
	t.Helper()
	tmp, err := Begin(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(tmp, "charts"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"report.html", "charts/tone.svg", "done"} {
		if err := WriteFile(filepath.Join(tmp, f), []byte(id)); err != nil {
			t.Fatal(err)
		}
	}
	final, err := Commit(root, tmp, id, keep)
	if err != nil {
		t.Fatal(err)
	}
	return final
}

func readLatest(t *testing.T, root string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, LatestLink, "done"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCommit(t *testing.T) {
	root := t.TempDir()
	id1 := RunID(t0, 1)
	final := run(t, root, id1, 0)
	if want := filepath.Join(root, RunsDir, id1); final != want {
		t.Errorf("Commit = %q, want %q", final, want)
	}
	if got := readLatest(t, root); got != id1 {
		t.Errorf("latest/done = %q, want %q", got, id1)
	}
	target, err := os.Readlink(filepath.Join(root, LatestLink))
	if err != nil || target != filepath.Join(RunsDir, id1) {
		t.Errorf("latest -> %q, %v, want relative runs/%s", target, err, id1)
	}
	// Same second: the name gets a sequence number.
	final = run(t, root, id1, 0)
	if want := filepath.Join(root, RunsDir, id1+"-2"); final != want {
		t.Errorf("second Commit with the same ID = %q, want %q", final, want)
	}
	if got := readLatest(t, root); got != id1 {
		t.Errorf("latest/done = %q, want the content of run %s", got, id1)
	}
	entries, _ := os.ReadDir(root)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{LatestLink, RunsDir}; !slices.Equal(names, want) {
		t.Errorf("root holds %v, want %v (no latest.tmp)", names, want)
	}
}

func TestAbort(t *testing.T) {
	root := t.TempDir()
	id := RunID(t0, 1)
	run(t, root, id, 0)
	tmp, err := Begin(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(tmp, "done"), []byte("half")); err != nil {
		t.Fatal(err)
	}
	if err := Abort(tmp); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("tmp folder after Abort: %v", err)
	}
	if got := readLatest(t, root); got != id {
		t.Errorf("latest/done after Abort = %q, want the previous run %q", got, id)
	}
	if err := Abort(root); err == nil {
		t.Error("Abort(root) = nil, want a refusal")
	}
	if _, err := os.Stat(root); err != nil {
		t.Fatalf("Abort(root) removed the root: %v", err)
	}
}

func TestPrune(t *testing.T) {
	tests := []struct {
		keep int
		want int
	}{{0, 5}, {-1, 5}, {1, 1}, {3, 3}, {10, 5}}
	for _, tt := range tests {
		t.Run(fmt.Sprint("keep=", tt.keep), func(t *testing.T) {
			root := t.TempDir()
			// A folder that is not a run is never pruned.
			if err := os.MkdirAll(filepath.Join(root, RunsDir, "notes"), 0o755); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for i := range 5 {
				id := RunID(t0.Add(time.Duration(i)*time.Hour), 1)
				ids = append(ids, id)
				run(t, root, id, tt.keep)
			}
			got, err := Runs(root)
			if err != nil {
				t.Fatal(err)
			}
			if want := ids[len(ids)-tt.want:]; !slices.Equal(got, want) {
				t.Errorf("runs after keep=%d: %v, want %v", tt.keep, got, want)
			}
			if _, err := os.Stat(filepath.Join(root, RunsDir, "notes")); err != nil {
				t.Errorf("prune removed a folder that is not a run: %v", err)
			}
			if l, _ := Latest(root); l != ids[4] {
				t.Errorf("latest = %q, want %q", l, ids[4])
			}
		})
	}
}

func TestPruneKeepsLatest(t *testing.T) {
	root := t.TempDir()
	old := RunID(t0, 1)
	run(t, root, old, 0)
	// A later run exists but latest still names the old one (the clock
	// went backwards, or a person pointed latest by hand).
	run(t, root, RunID(t0.Add(time.Hour), 1), 0)
	if err := pointLatest(root, old); err != nil {
		t.Fatal(err)
	}
	if err := prune(root, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, RunsDir, old, "done")); err != nil {
		t.Errorf("prune deleted the run latest points to: %v", err)
	}
}

func TestRunsOrder(t *testing.T) {
	root := t.TempDir()
	for _, n := range []string{"2026-11-25T023000Z-10", "2026-11-25T023000Z-2", "2026-11-25T023000Z", "2026-11-24T235959Z"} {
		if err := os.MkdirAll(filepath.Join(root, RunsDir, n), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Runs(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-11-24T235959Z", "2026-11-25T023000Z", "2026-11-25T023000Z-2", "2026-11-25T023000Z-10"}
	if !slices.Equal(got, want) {
		t.Errorf("Runs = %v, want %v", got, want)
	}
}

func TestBeginCleansLeftovers(t *testing.T) {
	root := t.TempDir()
	runs := filepath.Join(root, RunsDir)
	dead := filepath.Join(runs, tmpPrefix+"999999999-123")                        // a killed run
	live := filepath.Join(runs, fmt.Sprintf("%s%d-456", tmpPrefix, os.Getppid())) // another live process
	del := filepath.Join(runs, delPrefix+RunID(t0, 1))                            // an interrupted prune
	for _, d := range []string{dead, live, del} {
		if err := os.MkdirAll(filepath.Join(d, "charts"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tmp, err := Begin(root)
	if err != nil {
		t.Fatal(err)
	}
	defer Abort(tmp)
	for _, tt := range []struct {
		path string
		kept bool
	}{{dead, false}, {del, false}, {live, true}} {
		_, err := os.Stat(tt.path)
		if kept := err == nil; kept != tt.kept {
			t.Errorf("%s kept = %v, want %v", filepath.Base(tt.path), kept, tt.kept)
		}
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("Begin's folder is not empty: %v", entries)
	}
}

// TestLatestAlwaysComplete commits runs while readers follow latest: every
// read finds a complete run.
func TestLatestAlwaysComplete(t *testing.T) {
	root := t.TempDir()
	run(t, root, RunID(t0, 1), 0)
	var stop atomic.Bool
	var wg sync.WaitGroup
	var reads atomic.Int64
	errs := make(chan error, 4)
	for range 2 {
		wg.Go(func() {
			for !stop.Load() {
				b, err := os.ReadFile(filepath.Join(root, LatestLink, "done"))
				if err != nil {
					errs <- err
					return
				}
				if !strings.HasPrefix(string(b), "2026-") {
					errs <- fmt.Errorf("latest/done = %q", b)
					return
				}
				reads.Add(1)
			}
		})
	}
	for i := 1; i <= 30; i++ {
		run(t, root, RunID(t0.Add(time.Duration(i)*time.Second), 1), 3)
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d reads of latest while committing", reads.Load())
}

// TestLatestNotALink: a latest folder made while the run was writing
// (Begin refuses one that is there before, see TestBeginLatestNotALink)
// still stops Commit.
func TestLatestNotALink(t *testing.T) {
	root := t.TempDir()
	tmp, err := Begin(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, LatestLink), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Commit(root, tmp, RunID(t0, 1), 0); err == nil || !strings.Contains(err.Error(), "not a link") {
		t.Errorf("Commit with a latest folder = %v, want a not-a-link error", err)
	}
}

func TestUnwritableRoot(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permission bits are not enforced, cannot test an unwritable folder")
	}
	root := t.TempDir()
	id := RunID(t0, 1)
	run(t, root, id, 0)
	runs := filepath.Join(root, RunsDir)
	if err := os.Chmod(runs, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(runs, 0o755)
	_, err := Begin(root)
	if err == nil {
		t.Fatal("Begin on an unwritable root = nil error")
	}
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), runs) || !strings.Contains(err.Error(), "not writable") {
		t.Errorf("Begin error %q: want a permission error naming %s", err, runs)
	}
	if got := readLatest(t, root); got != id {
		t.Errorf("latest/done = %q, want the previous run", got)
	}

	// A root that cannot even be created.
	ro := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(filepath.Join(ro, "out")); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Begin under a read-only folder = %v, want a permission error", err)
	}
}

func TestDiskFull(t *testing.T) {
	// /dev/full fails every write with ENOSPC.
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full on this system")
	}
	err := WriteFile("/dev/full", []byte("report"))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("WriteFile(/dev/full) = %v, want ENOSPC", err)
	}
	if want := "outdir: write /dev/full: disk full: "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("WriteFile(/dev/full) = %q, want prefix %q", err, want)
	}
}

func TestExplain(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/x/a", Err: syscall.ENOSPC}, "outdir: write /x/a: disk full: no space left on device"},
		{syscall.EDQUOT, "outdir: write /x/a: disk quota exceeded: disk quota exceeded"},
		{&fs.PathError{Op: "mkdir", Path: "/x/a", Err: syscall.EROFS}, "outdir: write /x/a: read-only file system: read-only file system"},
		{&fs.PathError{Op: "open", Path: "/x/a", Err: syscall.EACCES}, "outdir: write /x/a: not writable: permission denied"},
		{errors.New("other"), "outdir: write /x/a: other"},
	}
	for _, tt := range tests {
		err := Explain("write", "/x/a", tt.err)
		if err.Error() != tt.want {
			t.Errorf("Explain(%v) = %q, want %q", tt.err, err, tt.want)
		}
		if !errors.Is(err, errors.Unwrap(err)) {
			t.Errorf("Explain(%v) does not wrap", tt.err)
		}
	}
	if Explain("write", "x", nil) != nil {
		t.Error("Explain(nil) != nil")
	}
}
