package transforms

import (
	"context"
	"fmt"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/internal/outdir"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/reports"
)

// ReportOptions are what the report step needs beyond Options: the
// run-level facts the CLI writes into the manifest.
type ReportOptions struct {
	// Out is the output root: the report goes to Out/runs/<run id>/ and
	// Out/latest points to it, as with the CLI's --out. It must be a
	// folder the report step's worker can write (on a cluster, a shared
	// mount).
	Out string
	// Keep keeps only the newest Keep run folders (0 keeps all).
	Keep int
	// Inputs are the PATH arguments as given.
	Inputs []string
	// Version is the tool version written in the manifest.
	Version string
	// Workers is the worker count written in the manifest.
	Workers int
	// Started is when the run started (Unix nanoseconds): it names the
	// run folder and, with the report step's clock, gives the elapsed
	// time.
	Started int64
}

// Report writes the run's report from the combined partial (none: an
// empty corpus) on one worker: the documents go to reports.Writer in
// input order, so the CSV, JSON, SVG, HTML and PDF files are those the
// CLI writes. The manifest's stage counters are the sum of the items'.
// It returns a PCollection holding the run folder's path.
func Report(s beam.Scope, opt Options, ro ReportOptions, combined, excluded beam.PCollection) beam.PCollection {
	s = s.Scope("report")
	return beam.ParDo(s, &reportFn{Options: opt, Report: ro}, beam.Impulse(s),
		beam.SideInput{Input: combined}, beam.SideInput{Input: excluded})
}

type reportFn struct {
	Options Options
	Report  ReportOptions
}

var (
	docsCounter   = beam.NewCounter("framewatch", "docs")
	failedCounter = beam.NewCounter("framewatch", "failed")
)

func (fn *reportFn) ProcessElement(ctx context.Context, _ []byte, partials func(*Partial) bool, excluded func(*string) bool) (string, error) {
	cfg, err := fn.Options.config()
	if err != nil {
		return "", err
	}
	var items []Item
	var p Partial
	for partials(&p) {
		items = append(items, p.Items...)
	}
	sortItems(items)
	var notes []string
	var ex string
	for excluded(&ex) {
		// The CLI's wording (cmd/framewatch/run.go).
		notes = append(notes, fmt.Sprintf("%s is framewatch's own output or workspace folder inside the corpus: left out of the analysis", ex))
	}

	ro := fn.Report
	tmp, err := outdir.Begin(ro.Out)
	if err != nil {
		return "", err
	}
	final, err := write(ctx, tmp, cfg, ro, items, notes)
	if err != nil {
		outdir.Abort(tmp)
		return "", err
	}
	return final, nil
}

// write fills tmp with the report of items and commits it.
func write(ctx context.Context, tmp string, cfg pipeline.Config, ro ReportOptions, items []Item, notes []string) (final string, err error) {
	// A panic while reports are written is a run error, as in the CLI.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("report: panic: %v", r)
		}
	}()
	w, err := reports.NewWriter(tmp, cfg)
	if err != nil {
		return "", err
	}
	names := analysis.Names()
	stats := pipeline.Stats{Counters: make([]pipeline.Counter, len(names))}
	for i, n := range names {
		stats.Counters[i].Stage = n
	}
	for _, it := range items {
		d, err := it.doc()
		if err != nil {
			return "", err
		}
		stats.Docs++
		if d.Failed() {
			stats.Failed++
		}
		for i, c := range it.Stages {
			if i < len(stats.Counters) {
				stats.Counters[i].Docs += c.Docs
				stats.Counters[i].Failures += c.Failures
				stats.Counters[i].Busy += time.Duration(c.BusyNS)
			}
		}
		if err := w.Consume(ctx, d); err != nil {
			return "", err
		}
	}
	started := time.Unix(0, ro.Started).UTC()
	stats.Elapsed = time.Since(started)
	docsCounter.Inc(ctx, int64(stats.Docs))
	failedCounter.Inc(ctx, int64(stats.Failed))
	info := reports.RunInfo{Version: ro.Version, Stats: stats, Inputs: ro.Inputs, Workers: ro.Workers, Notes: notes}
	if err := w.Close(info); err != nil {
		return "", err
	}
	return outdir.Commit(ro.Out, tmp, outdir.RunID(started, 1), ro.Keep)
}

// Build adds the whole run to s: Ingest, Dedup, Analyse, Combine and
// Report, and returns Report's output (the run folder's path).
func Build(s beam.Scope, opt Options, ro ReportOptions, paths []string) beam.PCollection {
	items, excluded := Ingest(s, opt, paths)
	items = Analyse(s, opt, Dedup(s, items))
	return Report(s, opt, ro, Combine(s, items), excluded)
}
