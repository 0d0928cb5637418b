package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Names inside the output root.
const (
	RunsDir    = "runs"
	LatestLink = "latest"
	tmpPrefix  = ".tmp-"
	delPrefix  = ".del-"
)

// RunID names the run started at t: its UTC time to the second, as
// "2026-11-25T023000Z", and "-2", "-3"... for the seq-th run in the same
// second (seq <= 1 adds nothing). IDs of one day sort in time order.
func RunID(t time.Time, seq int) string {
	return withSeq(t.UTC().Format(idLayout), seq)
}

const idLayout = "2006-01-02T150405Z"

func withSeq(base string, seq int) string {
	if seq > 1 {
		return base + "-" + strconv.Itoa(seq)
	}
	return base
}

// parseRunID splits a RunID into its time part and sequence number; ok is
// false for names that are not RunIDs (left alone by pruning).
func parseRunID(name string) (base string, seq int, ok bool) {
	base, suffix, hasSeq := strings.Cut(name, "Z-")
	if hasSeq {
		base += "Z"
		n, err := strconv.Atoi(suffix)
		if err != nil || n < 2 {
			return "", 0, false
		}
		seq = n
	} else {
		seq = 1
	}
	if _, err := time.Parse(idLayout, base); err != nil {
		return "", 0, false
	}
	return base, seq, true
}

// Begin creates root/runs if needed, removes temporary folders left by
// killed runs, and returns a new empty temporary folder for this run's
// report. It checks that the folder is writable, so that an unwritable or
// full output root fails the run before any analysis is done.
func Begin(root string) (tmp string, err error) {
	runs := filepath.Join(root, RunsDir)
	if err := os.MkdirAll(runs, 0o755); err != nil {
		return "", Explain("create", runs, err)
	}
	// What Commit needs of root is checked now, before any analysis: a
	// latest that is not a link, a root where the link cannot be made.
	link := filepath.Join(root, LatestLink)
	if fi, err := os.Lstat(link); err == nil && fi.Mode()&fs.ModeSymlink == 0 {
		return "", fmt.Errorf("outdir: %s exists and is not a link; move it away", link)
	}
	probe := filepath.Join(root, fmt.Sprintf(".probe-%d", os.Getpid()))
	if err := WriteFile(probe, []byte("framewatch\n")); err != nil {
		os.Remove(probe)
		return "", err
	}
	if err := os.Remove(probe); err != nil {
		return "", Explain("remove", probe, err)
	}
	cleanLeftovers(runs)
	tmp, err = mkdirTemp(runs, fmt.Sprintf("%s%d-", tmpPrefix, os.Getpid()))
	if err != nil {
		return "", Explain("create a folder in", runs, err)
	}
	if err := WriteFile(filepath.Join(tmp, ".probe"), []byte("framewatch\n")); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	if err := os.Remove(filepath.Join(tmp, ".probe")); err != nil {
		os.RemoveAll(tmp)
		return "", Explain("remove", filepath.Join(tmp, ".probe"), err)
	}
	return tmp, nil
}

// mkdirTemp is os.MkdirTemp with the umask's usual permissions (0777 less
// the umask, typically 0755) rather than MkdirTemp's 0700: the run folder
// is renamed into place as the published report, which a web server or a
// colleague must be able to read.
func mkdirTemp(dir, prefix string) (string, error) {
	for range 10000 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		err := os.Mkdir(name, 0o777)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("outdir: no free temporary name %s* in %s", prefix, dir)
}

// cleanLeftovers removes runs/.tmp-<pid>-* folders whose process is gone
// and runs/.del-* folders of interrupted prunes. A folder of a live process
// (another framewatch writing to the same root) is left alone. Failures are
// ignored: leftovers cost space, not correctness.
func cleanLeftovers(runs string) {
	entries, err := os.ReadDir(runs)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, delPrefix):
			os.RemoveAll(filepath.Join(runs, name))
		case strings.HasPrefix(name, tmpPrefix):
			pidStr, _, _ := strings.Cut(strings.TrimPrefix(name, tmpPrefix), "-")
			pid, err := strconv.Atoi(pidStr)
			if err != nil || (pid != os.Getpid() && !alive(pid)) {
				os.RemoveAll(filepath.Join(runs, name))
			}
		}
	}
}

// Abort removes the temporary folder of a run that failed or was
// interrupted. The published report is untouched.
func Abort(tmp string) error {
	if !strings.HasPrefix(filepath.Base(tmp), tmpPrefix) {
		return fmt.Errorf("outdir: abort %s: not a folder made by Begin", tmp)
	}
	if err := os.RemoveAll(tmp); err != nil {
		return Explain("remove", tmp, err)
	}
	return nil
}

// Commit publishes the report written in tmp as run runID: it syncs every
// file to disk, renames tmp to root/runs/<runID> (or runID-2, -3... when
// that name is taken), atomically repoints root/latest to it, and prunes
// to the newest keep runs (keep <= 0 keeps all). It returns the run's
// folder.
//
// Until the rename nothing is visible; after it latest switches in one
// step. A crash in between leaves a complete run folder that latest does
// not name yet. Pruning failures are returned, but the run is committed.
func Commit(root, tmp, runID string, keep int) (final string, err error) {
	if !strings.HasPrefix(filepath.Base(tmp), tmpPrefix) {
		return "", fmt.Errorf("outdir: commit %s: not a folder made by Begin", tmp)
	}
	base, seq, ok := parseRunID(runID)
	if !ok {
		return "", fmt.Errorf("outdir: commit: run ID %q is not a RunID", runID)
	}
	if err := syncTree(tmp); err != nil {
		return "", err
	}
	runs := filepath.Join(root, RunsDir)
	for ; ; seq++ {
		final = filepath.Join(runs, withSeq(base, seq))
		_, err := os.Lstat(final)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			return "", Explain("check", final, err)
		}
	}
	if err := os.Rename(tmp, final); err != nil {
		return "", Explain("rename "+tmp+" to", final, err)
	}
	if err := syncDir(runs); err != nil {
		return final, err
	}
	if err := pointLatest(root, filepath.Base(final)); err != nil {
		return final, err
	}
	if err := prune(root, keep); err != nil {
		return final, err
	}
	return final, nil
}

// pointLatest makes root/latest a relative symlink to runs/name by creating
// latest.tmp and renaming it over latest, which replaces it atomically.
func pointLatest(root, name string) error {
	link := filepath.Join(root, LatestLink)
	tmp := link + ".tmp"
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Explain("remove", tmp, err)
	}
	if err := os.Symlink(filepath.Join(RunsDir, name), tmp); err != nil {
		return Explain("create link", tmp, err)
	}
	if fi, err := os.Lstat(link); err == nil && fi.Mode()&fs.ModeSymlink == 0 {
		os.Remove(tmp)
		return fmt.Errorf("outdir: %s exists and is not a link; move it away", link)
	}
	if err := os.Rename(tmp, link); err != nil {
		os.Remove(tmp)
		return Explain("replace", link, err)
	}
	return syncDir(root)
}

// Latest returns the name of the run root/latest points to, or "" when
// there is none.
func Latest(root string) (string, error) {
	target, err := os.Readlink(filepath.Join(root, LatestLink))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", Explain("read link", filepath.Join(root, LatestLink), err)
	}
	return filepath.Base(target), nil
}

// Runs returns the names of the committed runs under root, oldest first.
// Folders whose names are not RunIDs are left out.
func Runs(root string) ([]string, error) {
	runs := filepath.Join(root, RunsDir)
	entries, err := os.ReadDir(runs)
	if err != nil {
		return nil, Explain("list", runs, err)
	}
	type run struct {
		name, base string
		seq        int
	}
	var rs []run
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if base, seq, ok := parseRunID(e.Name()); ok {
			rs = append(rs, run{e.Name(), base, seq})
		}
	}
	slices.SortFunc(rs, func(a, b run) int {
		if c := strings.Compare(a.base, b.base); c != 0 {
			return c
		}
		return a.seq - b.seq
	})
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.name
	}
	return names, nil
}

// prune deletes all but the newest keep runs, never the one latest points
// to. A run is first renamed to .del-<name>, atomically, so that a prune
// interrupted half-way never leaves a half-deleted folder that looks like
// a run; the next Begin finishes the deletion.
func prune(root string, keep int) error {
	if keep <= 0 {
		return nil
	}
	names, err := Runs(root)
	if err != nil {
		return err
	}
	latest, err := Latest(root)
	if err != nil {
		return err
	}
	runs := filepath.Join(root, RunsDir)
	var errs []error
	for _, name := range names[:max(0, len(names)-keep)] {
		if name == latest {
			continue
		}
		del := filepath.Join(runs, delPrefix+name)
		if err := os.Rename(filepath.Join(runs, name), del); err != nil {
			errs = append(errs, Explain("prune", filepath.Join(runs, name), err))
			continue
		}
		if err := os.RemoveAll(del); err != nil {
			errs = append(errs, Explain("prune", del, err))
		}
	}
	return errors.Join(errs...)
}

// WriteFile writes data to a new file at path and syncs it to disk, so
// that a disk that fills up is reported now rather than lost at close.
// Errors name the path and the cause in words (see Explain).
func WriteFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return Explain("create", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return Explain("write", path, err)
	}
	if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		f.Close()
		return Explain("write", path, err)
	}
	if err := f.Close(); err != nil {
		return Explain("write", path, err)
	}
	return nil
}

// Explain wraps err from operation op on path as "outdir: op path: cause:
// err", where cause says in words what a person must fix: disk full, quota
// exceeded, read-only file system, permission denied. The original error
// stays reachable with errors.Is (syscall.ENOSPC, fs.ErrPermission...).
// nil stays nil.
func Explain(op, path string, err error) error {
	if err == nil {
		return nil
	}
	cause := ""
	switch {
	case errors.Is(err, syscall.ENOSPC):
		cause = "disk full: "
	case errors.Is(err, syscall.EDQUOT):
		cause = "disk quota exceeded: "
	case errors.Is(err, syscall.EROFS):
		cause = "read-only file system: "
	case errors.Is(err, fs.ErrPermission):
		cause = "not writable: "
	}
	return fmt.Errorf("outdir: %s %s: %s%w", op, path, cause, unwrapPath(err))
}

// unwrapPath drops the *PathError / *LinkError layer, whose message would
// repeat the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe == err {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) && le == err {
		return le.Err
	}
	return err
}

// syncTree fsyncs every file and folder under dir, so that the rename that
// publishes it cannot reach the disk before its contents.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return Explain("read", path, err)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return Explain("open", path, err)
		}
		defer f.Close()
		if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
			return Explain("sync", path, err)
		}
		return nil
	})
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return Explain("open", dir, err)
	}
	defer f.Close()
	// Some file systems cannot sync a folder (EINVAL); the rename is then
	// as durable as they allow.
	if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return Explain("sync", dir, err)
	}
	return nil
}

// Fill fills the empty folder dst with the files of the published run
// folder src, hard-linking them (run folders are never modified after
// Commit, so sharing their files is safe) and copying where links are not
// possible, for example across file systems. Files named in skip are left
// out. It is how an unchanged re-run republishes a report without
// rebuilding it.
func Fill(dst, src string, skip ...string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return Explain("read", p, err)
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if slices.Contains(skip, filepath.ToSlash(rel)) {
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return Explain("create a folder in", dst, err)
			}
			return nil
		}
		if err := os.Link(p, target); err == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return Explain("read", p, err)
		}
		return WriteFile(target, data)
	})
}
