package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// acquire takes the exclusive lock on dir/lock, polling with backoff for up
// to wait, and records the holder in dir/lock.info.
//
// The lock is flock(2): the kernel drops it when the holding process exits
// or is killed, so there is no stale lock to break. lock.info is only
// information for the error message; a leftover one from a dead process is
// overwritten.
func acquire(ctx context.Context, dir string, wait time.Duration) (*flock.Flock, error) {
	path := filepath.Join(dir, LockFile)
	l := flock.New(path)
	deadline := time.Now().Add(wait)
	delay := 10 * time.Millisecond
	for {
		ok, err := l.TryLock()
		if err != nil {
			return nil, fmt.Errorf("workspace: lock %s: %w", path, err)
		}
		if ok {
			break
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil, fmt.Errorf("%w: %s%s", ErrLocked, dir, holder(dir))
		}
		t := time.NewTimer(min(delay, left))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("workspace: waiting for lock on %s%s: %w", dir, holder(dir), ctx.Err())
		case <-t.C:
		}
		delay = min(2*delay, 500*time.Millisecond)
	}
	if err := writeInfo(dir); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// writeInfo records this process as the holder, atomically so that a
// concurrent reader sees the old or the new content, never a mix.
func writeInfo(dir string) error {
	host, _ := os.Hostname()
	info := fmt.Sprintf("pid=%d\nhost=%s\nstarted=%s\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339))
	tmp := filepath.Join(dir, InfoFile+".tmp")
	if err := os.WriteFile(tmp, []byte(info), 0o644); err != nil {
		return fmt.Errorf("workspace: write lock info: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, InfoFile)); err != nil {
		return fmt.Errorf("workspace: write lock info: %w", err)
	}
	return nil
}

// holder describes the lock holder from lock.info, as " (held by pid 12 on
// host since 2026-11-25T02:30:00Z)", or "" when unknown.
func holder(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, InfoFile))
	if err != nil {
		return ""
	}
	f := map[string]string{}
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), "="); ok {
			f[k] = v
		}
	}
	if f["pid"] == "" {
		return ""
	}
	return fmt.Sprintf(" (held by pid %s on %s since %s)", f["pid"], f["host"], f["started"])
}

// unlock removes lock.info and releases the lock. The lock file itself
// stays: deleting a flock file races with a process about to lock it.
func (w *Workspace) unlock() error {
	if w.lock == nil {
		return nil
	}
	err := os.Remove(filepath.Join(w.dir, InfoFile))
	if errors.Is(err, os.ErrNotExist) {
		err = nil
	}
	if uerr := w.lock.Close(); uerr != nil && err == nil {
		err = uerr
	}
	w.lock = nil
	if err != nil {
		return fmt.Errorf("workspace: unlock: %w", err)
	}
	return nil
}
