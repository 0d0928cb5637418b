package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/framewatch/framewatch/fixtures"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// corpus copies the fixtures' corpus into a temporary folder, so that the
// CLI and the pipeline read the same paths.
func corpus(t *testing.T) string {
	t.Helper()
	sub, err := fs.Sub(fixtures.FS, "corpus")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := os.CopyFS(dir, sub); err != nil {
		t.Fatal(err)
	}
	return dir
}

// cli builds cmd/framewatch from the root module into a temporary folder.
func cli(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "framewatch")
	cmd := exec.Command("go", "build", "-buildvcs=false", "-o", bin, "./cmd/framewatch")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/framewatch: %v\n%s", err, out)
	}
	return bin
}

// TestSameReportAsCLI runs framewatch-beam on Prism and framewatch run
// --no-state on the fixtures and compares every file they write byte for
// byte, the manifest up to its timings.
func TestSameReportAsCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the CLI")
	}
	in := corpus(t)
	bin := cli(t)
	const date = "2024-06-20"
	cliOut := filepath.Join(t.TempDir(), "cli")
	cmd := exec.Command(bin, "run", "--no-state", "--out", cliOut, "--report-date", date,
		"--workers", strconv.Itoa(runtime.GOMAXPROCS(0)), "--progress", "never", in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 3 {
			t.Fatalf("framewatch run: %v\n%s", err, stderr.Bytes())
		}
	}

	beamOut := filepath.Join(t.TempDir(), "beam")
	for name, v := range map[string]string{"out": beamOut, "report-date": date} {
		if err := flag.Set(name, v); err != nil {
			t.Fatal(err)
		}
	}
	var stdout bytes.Buffer
	err := run(context.Background(), []string{in}, &stdout)
	if !errors.Is(err, errPartial) {
		t.Fatalf("run = %v, want %v (the fixtures hold bad files)", err, errPartial)
	}

	want := files(t, filepath.Join(cliOut, "latest"))
	got := files(t, filepath.Join(beamOut, "latest"))
	if len(want) < 30 {
		t.Fatalf("the CLI wrote %d files; want a full report", len(want))
	}
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: missing from framewatch-beam's report", name)
		case name == "manifest.json":
			w, g = untimed(t, w), untimed(t, g)
			if !bytes.Equal(g, w) {
				t.Errorf("manifest.json differs before its timings:\n got %s\nwant %s", g, w)
			}
		case !bytes.Equal(g, w):
			t.Errorf("%s differs (%d bytes, want %d)", name, len(g), len(w))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: written by framewatch-beam only", name)
		}
	}
}

// files reads every file under dir, by slash-separated relative path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	dir, err := filepath.EvalSymlinks(dir) // latest is a link
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// untimed is manifest.json up to its "timings" object, the one part that
// changes between identical runs (it comes last).
func untimed(t *testing.T, b []byte) []byte {
	t.Helper()
	i := bytes.Index(b, []byte("\n  \"timings\": {"))
	if i < 0 {
		t.Fatalf("manifest.json has no timings:\n%s", b)
	}
	return b[:i]
}
