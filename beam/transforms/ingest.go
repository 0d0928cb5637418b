package transforms

import (
	"context"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

// Input is one PATH argument and its index among them.
type Input struct {
	Index int
	Path  string
}

// Ingest decodes every PATH with pipeline/ingest's Source, one PATH per
// element (so a corpus split over many PATHs is read by many workers),
// and returns the documents as Items, and the folders the walk left out
// (framewatch's output inside a PATH) as strings. Within a PATH, IDs are
// made unique and duplicates marked exactly as the CLI does; across PATHs
// that is Dedup's work.
func Ingest(s beam.Scope, opt Options, paths []string) (items, excluded beam.PCollection) {
	s = s.Scope("ingest")
	in := make([]Input, len(paths))
	for i, p := range paths {
		in[i] = Input{Index: i, Path: p}
	}
	return beam.ParDo2(s, &ingestFn{Options: opt}, beam.CreateList(s, in))
}

// ingestFn reads one PATH.
type ingestFn struct {
	Options Options
	cfg     pipeline.Config
}

func (fn *ingestFn) Setup() error {
	var err error
	fn.cfg, err = fn.Options.config()
	return err
}

func (fn *ingestFn) ProcessElement(ctx context.Context, in Input, emit func(Item), excluded func(string)) error {
	local := in.Path
	if isURL(in.Path) {
		// A PATH on one of the SDK's file systems is copied to the
		// worker's disk first, then read as a local PATH.
		tmp, err := os.MkdirTemp("", "framewatch-beam-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		if local, err = stage(ctx, in.Path, tmp); err != nil {
			return err
		}
	}
	src := &ingest.Source{Paths: []string{local}, Config: fn.cfg.Ingest, Exclude: fn.Options.Exclude}
	seq := 0
	err := src.Docs(ctx, func(d *pipeline.Doc) error {
		if local != in.Path {
			unstage(d, local, in.Path)
		}
		it, err := newItem(in.Index, seq, d)
		if err != nil {
			return err
		}
		seq++
		emit(it)
		return nil
	})
	if err != nil {
		// A PATH that vanished or cannot be listed is a run error, as in
		// the CLI.
		return err
	}
	for _, p := range src.Excluded() {
		excluded(p)
	}
	return nil
}
