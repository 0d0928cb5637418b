package outdir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBeginPermissions: a run folder gets the permissions a plain mkdir
// gets under the umask (typically 0755), not os.MkdirTemp's 0700, so the
// published report is readable by others.
func TestBeginPermissions(t *testing.T) {
	root := t.TempDir()
	ref := filepath.Join(root, "ref")
	if err := os.Mkdir(ref, 0o777); err != nil {
		t.Fatal(err)
	}
	want, err := os.Stat(ref)
	if err != nil {
		t.Fatal(err)
	}
	tmp, err := Begin(filepath.Join(root, "out"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.Stat(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if got.Mode().Perm() != want.Mode().Perm() {
		t.Errorf("run folder mode %v, want %v (0777 less the umask)", got.Mode().Perm(), want.Mode().Perm())
	}
	final, err := Commit(filepath.Join(root, "out"), tmp, RunID(t0, 1), 0)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(final); err != nil || fi.Mode().Perm() != want.Mode().Perm() {
		t.Errorf("published run folder: %v, %v; want mode %v", fi.Mode().Perm(), err, want.Mode().Perm())
	}
}

// TestBeginLatestNotALink: a latest that is a plain file or folder used to
// be found by Commit, after the whole analysis; Begin finds it first.
func TestBeginLatestNotALink(t *testing.T) {
	for _, kind := range []string{"file", "folder"} {
		t.Run(kind, func(t *testing.T) {
			root := t.TempDir()
			latest := filepath.Join(root, LatestLink)
			var err error
			if kind == "file" {
				err = os.WriteFile(latest, []byte("x"), 0o644)
			} else {
				err = os.Mkdir(latest, 0o755)
			}
			if err != nil {
				t.Fatal(err)
			}
			tmp, err := Begin(root)
			if err == nil || !strings.Contains(err.Error(), "not a link") {
				t.Errorf("Begin with latest a %s: %q, %v; want an error saying it is not a link", kind, tmp, err)
			}
			if ents, _ := os.ReadDir(filepath.Join(root, RunsDir)); len(ents) > 0 {
				t.Errorf("Begin left %v", ents)
			}
		})
	}
}
