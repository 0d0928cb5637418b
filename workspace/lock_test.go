package workspace

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The helper process: re-executing the test binary with helperEnv set runs
// TestHelperProcess only, which acts as a second framewatch process.
const (
	helperEnv = "FRAMEWATCH_WORKSPACE_HELPER"
	helperDir = "FRAMEWATCH_WORKSPACE_DIR"
)

// TestHelperProcess is not a test: see startHelper.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("helper process for other tests")
	}
	dir := os.Getenv(helperDir)
	switch mode {
	case "hold": // take the lock and sleep until killed
		w, err := Open(context.Background(), dir, Options{})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("ready")
		time.Sleep(time.Hour)
		w.Close()
	case "save": // save documents forever, small batches, until killed
		w, err := Open(context.Background(), dir, Options{BatchSize: 7, FlushInterval: 5 * time.Millisecond, RunID: "crash"})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		for i := 0; ; i++ {
			d := testDoc(i%crashDocs, i/crashDocs)
			if err := w.Save(d, key(d)); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			fmt.Println("saved", i)
		}
	}
	os.Exit(0)
}

// startHelper starts the test binary as another process in mode, waits
// until it prints a line starting with ready, and returns it.
func startHelper(t *testing.T, dir, mode, ready string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperDir+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default: // nobody listening any more: drain
			}
		}
		close(lines)
	}()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("helper %s exited before %q", mode, ready)
			}
			if strings.HasPrefix(l, "error") {
				t.Fatalf("helper %s: %s", mode, l)
			}
			if strings.HasPrefix(l, ready) {
				return cmd
			}
		case <-timeout:
			t.Fatalf("helper %s: no %q after 60s", mode, ready)
		}
	}
}

func TestLockSameProcess(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{})
	_, err := Open(context.Background(), dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open = %v, want ErrLocked", err)
	}
	if want := fmt.Sprintf("pid %d", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Errorf("lock error %q does not name the holder (%s)", err, want)
	}

	start := time.Now()
	_, err = Open(context.Background(), dir, Options{Wait: 150 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Open with Wait = %v, want ErrLocked", err)
	}
	if el := time.Since(start); el < 150*time.Millisecond {
		t.Errorf("Open with Wait 150ms gave up after %v", el)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = Open(ctx, dir, Options{Wait: time.Hour})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Open with a cancelled ctx = %v, want context.DeadlineExceeded", err)
	}

	time.AfterFunc(100*time.Millisecond, func() { w.Close() })
	w2, err := Open(context.Background(), dir, Options{Wait: 30 * time.Second})
	if err != nil {
		t.Fatalf("Open waiting for a released lock = %v", err)
	}
	w2.Close()
}

func TestStaleLockInfo(t *testing.T) {
	dir := t.TempDir()
	// A lock.info left by a dead process, with no flock held.
	if err := os.WriteFile(filepath.Join(dir, InfoFile), []byte("pid=999999999\nhost=gone\nstarted=2020-01-01T00:00:00Z\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, LockFile), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	w := open(t, dir, Options{})
	b, err := os.ReadFile(filepath.Join(dir, InfoFile))
	if err != nil || !strings.Contains(string(b), "pid="+strconv.Itoa(os.Getpid())) {
		t.Errorf("lock.info = %q, %v, want this process", b, err)
	}
	w.Close()
	if _, err := os.Stat(filepath.Join(dir, InfoFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock.info after Close: %v, want removed", err)
	}
}

func TestLockOtherProcessKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	cmd := startHelper(t, dir, "hold", "ready")
	_, err := Open(context.Background(), dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Open while another process holds the lock = %v, want ErrLocked", err)
	}
	if want := fmt.Sprintf("pid %d", cmd.Process.Pid); !strings.Contains(err.Error(), want) {
		t.Errorf("lock error %q does not name the holder (%s)", err, want)
	}
	// SIGKILL: no cleanup runs, lock.info stays, the kernel drops the lock.
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	w, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatalf("Open after the holder was killed = %v", err)
	}
	w.Close()
}

const crashDocs = 150

func TestCrashConsistency(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	// Let the helper save a few batches, overwriting earlier documents
	// with new variants, then kill it mid-flight.
	cmd := startHelper(t, dir, "save", fmt.Sprintf("saved %d", 2*crashDocs+crashDocs/3))
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	w := open(t, dir, Options{})
	defer w.Close()
	var check string
	if err := w.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	stored := w.Len()
	if stored == 0 {
		t.Fatal("nothing was committed before the kill")
	}
	t.Logf("%d documents committed before SIGKILL", stored)
	// Every stored row is one complete variant of its document.
	for n := range crashDocs {
		id := testDoc(n, 0).ID
		if _, ok := w.index[id]; !ok {
			continue
		}
		// testDoc's Hash field says which variant was stored.
		var h string
		if err := w.db.QueryRow(`SELECT json_extract(data, '$.hash') FROM docs WHERE doc_id = ?`, id).Scan(&h); err != nil {
			t.Fatal(err)
		}
		hv, err := strconv.ParseInt(h[len(h)-15:], 16, 64)
		if err != nil {
			t.Fatalf("%s: hash %q: %v", id, h, err)
		}
		v := int(hv) - n*hashStride
		got := bare(n, v)
		if ok, err := w.Restore(got, key(got)); !ok || err != nil {
			t.Fatalf("Restore(%s) = %v, %v", id, ok, err)
		}
		if mustJSON(t, got) != mustJSON(t, testDoc(n, v)) {
			t.Fatalf("%s: restored document differs from what was saved", id)
		}
	}
	// The next run completes the work without duplicates.
	for n := range crashDocs {
		d := testDoc(n, 0)
		if err := w.Save(d, key(d)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var rows, ids int
	if err := w.db.QueryRow(`SELECT count(*), count(DISTINCT doc_id) FROM docs`).Scan(&rows, &ids); err != nil {
		t.Fatal(err)
	}
	if rows != crashDocs || ids != crashDocs {
		t.Errorf("after re-saving: %d rows, %d ids, want %d", rows, ids, crashDocs)
	}
}
