package outdir_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/framewatch/framewatch/internal/outdir"
)

// A run writes its report into a temporary folder and publishes it; a
// failed run would call Abort instead, leaving the previous report.
func Example() {
	root, err := os.MkdirTemp("", "framewatch-out")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(root)

	started := time.Date(2026, 11, 25, 2, 30, 0, 0, time.UTC)
	tmp, err := outdir.Begin(root)
	if err != nil {
		log.Fatal(err) // for example: outdir: create a folder in out/runs: not writable: permission denied
	}
	if err := outdir.WriteFile(filepath.Join(tmp, "report.html"), []byte("<h1>report</h1>")); err != nil {
		outdir.Abort(tmp)
		log.Fatal(err)
	}
	final, err := outdir.Commit(root, tmp, outdir.RunID(started, 1), 30)
	if err != nil {
		log.Fatal(err)
	}
	latest, _ := outdir.Latest(root)
	fmt.Println(filepath.Base(final), latest)
	// Output: 2026-11-25T023000Z 2026-11-25T023000Z
}
