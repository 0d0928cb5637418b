package workspace_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/workspace"
)

// A run restores what an earlier run analysed and saves the rest.
func Example() {
	dir, err := os.MkdirTemp("", "framewatch-state")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	const version, cfg = "2026.11", "c0ffee"

	// First run: analyse and save.
	w, err := workspace.Open(ctx, dir, workspace.Options{RunID: "run-1"})
	if err != nil {
		log.Fatal(err)
	}
	d := &pipeline.Doc{ID: "a1", Source: "wire/a1.txt", Format: "txt", Text: "Seoul, June 19.", Status: pipeline.StatusOK}
	d.Units = []*pipeline.Unit{{ID: "a1#0", Kind: pipeline.KindArticle, Outlet: "Yonhap", Date: "2024-06-19", End: len(d.Text)}}
	if err := w.Save(d, workspace.DocKey(d, version, cfg)); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}

	// Second run: the same document is restored, not analysed.
	w, err = workspace.Open(ctx, dir, workspace.Options{RunID: "run-2"})
	if err != nil {
		log.Fatal(err)
	}
	defer w.Close()
	again := &pipeline.Doc{ID: "a1", Source: "wire/a1.txt", Format: "txt", Text: "Seoul, June 19.", Status: pipeline.StatusOK}
	ok, err := w.Restore(again, workspace.DocKey(again, version, cfg))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ok, again.Cached, again.Units[0].Outlet)

	// A second process (or run) on the same folder is refused.
	_, err = workspace.Open(ctx, dir, workspace.Options{})
	fmt.Println(errors.Is(err, workspace.ErrLocked))
	// Output:
	// true true Yonhap
	// true
}
