package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"runtime"
	"strings"
	"time"

	"github.com/framewatch/framewatch/internal/outdir"
	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/framewatch/framewatch/reports"
	"github.com/framewatch/framewatch/stages/clean"
	"github.com/framewatch/framewatch/stages/entities"
	"github.com/framewatch/framewatch/stages/figures"
	"github.com/framewatch/framewatch/stages/frames"
	"github.com/framewatch/framewatch/stages/outlets"
	"github.com/framewatch/framewatch/stages/stance"
	"github.com/framewatch/framewatch/stages/terms"
	"github.com/framewatch/framewatch/stages/text"
	"github.com/framewatch/framewatch/stages/tone"
	"github.com/framewatch/framewatch/workspace"
)

const runUsage = `framewatch run [flags] PATH...

Analyses the documents under each PATH (a file, a folder read recursively,
or "-" for JSON Lines on standard input) and writes a report folder under
--out: runs/<run id>/ with units.csv, tables, charts, report.html,
report.pdf, manifest.json and summary.md, and a "latest" link to it.

Results are cached in the --state workspace: a re-run analyses only new or
changed documents and reports the whole stored corpus (or the --since /
--until window).

Exit codes: 0 ok, 1 run error or interrupted, 2 usage, 3 finished but some
documents failed, 4 workspace locked by another run.
`

// runOptions are the parsed flags of "framewatch run".
type runOptions struct {
	out, state, config, since, until string
	logFormat, logLevel, progress    string
	reportDate                       string
	workers, keep                    int
	strict, full, noState            bool
	wait                             time.Duration
	paths                            []string
}

func parseRunFlags(args []string, stderr io.Writer) (*runOptions, error) {
	o := &runOptions{}
	fs := newFlagSet("run", stderr, runUsage)
	fs.StringVar(&o.out, "out", "./out", "output root `DIR`: each run writes DIR/runs/<id>/ and repoints DIR/latest")
	fs.StringVar(&o.state, "state", "./.framewatch", "workspace `DIR` holding the results database and the run lock")
	fs.BoolVar(&o.noState, "no-state", false, "analyse everything without reading or writing a workspace")
	fs.StringVar(&o.config, "config", "", "YAML configuration `FILE` (see README)")
	fs.IntVar(&o.workers, "workers", 0, "goroutines per stage (0: one per CPU)")
	fs.BoolVar(&o.strict, "strict", false, "stop at the first document that fails")
	fs.BoolVar(&o.full, "full", false, "re-analyse every document, ignoring cached results")
	fs.StringVar(&o.since, "since", "", "report only documents dated on or after `YYYY-MM-DD`")
	fs.StringVar(&o.until, "until", "", "report only documents dated on or before `YYYY-MM-DD`")
	fs.DurationVar(&o.wait, "wait", 0, "wait up to `DURATION` for another run's lock instead of exiting with code 4")
	fs.IntVar(&o.keep, "keep", 0, "keep only the newest `N` run folders (0 keeps all)")
	fs.StringVar(&o.reportDate, "report-date", "", "date printed in the report, `YYYY-MM-DD` (overrides the config's report_date)")
	fs.StringVar(&o.logFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&o.logLevel, "log-level", "", "log level: debug, info, warn, error (default info on a terminal, warn otherwise)")
	fs.StringVar(&o.progress, "progress", "auto", "progress bar: auto (only on a terminal), always, never")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flagErrHelp) {
			return nil, err
		}
		return nil, flagErr(err)
	}
	o.paths = fs.Args()
	switch {
	case len(o.paths) == 0:
		fs.Usage()
		return nil, fmt.Errorf("%w: run needs at least one PATH", errUsage)
	case o.workers < 0:
		return nil, fmt.Errorf("%w: --workers must not be negative", errUsage)
	case o.keep < 0:
		return nil, fmt.Errorf("%w: --keep must not be negative", errUsage)
	case o.logFormat != "text" && o.logFormat != "json":
		return nil, fmt.Errorf("%w: --log-format must be text or json", errUsage)
	case o.progress != "auto" && o.progress != "always" && o.progress != "never":
		return nil, fmt.Errorf("%w: --progress must be auto, always or never", errUsage)
	}
	for _, d := range []struct{ name, v string }{{"--since", o.since}, {"--until", o.until}, {"--report-date", o.reportDate}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return nil, fmt.Errorf("%w: %s %q is not a YYYY-MM-DD date", errUsage, d.name, d.v)
		}
	}
	if o.since != "" && o.until != "" && o.since > o.until {
		return nil, fmt.Errorf("%w: --since %s is after --until %s", errUsage, o.since, o.until)
	}
	return o, nil
}

// buildStages constructs every analysis stage once; their models and
// lexicons are shared read-only by all workers.
func buildStages(cfg pipeline.Config) ([]pipeline.Stage, error) {
	reg := registry.New(cfg.Outlets.Registry)
	var outletNames []string
	for _, o := range reg.Outlets() {
		outletNames = append(outletNames, o.Name)
		outletNames = append(outletNames, o.Aliases...)
	}
	var stages []pipeline.Stage
	add := func(s pipeline.Stage, err error) error {
		if err != nil {
			return err
		}
		stages = append(stages, s)
		return nil
	}
	for _, mk := range []func() error{
		func() error { s, err := clean.New(cfg.Clean); return add(s, err) },
		func() error { s, err := outlets.New(cfg.Outlets); return add(s, err) },
		func() error { s, err := text.New(); return add(s, err) },
		func() error { s, err := entities.New(cfg.Entities, outletNames); return add(s, err) },
		func() error { s, err := figures.New(cfg.Figures); return add(s, err) },
		func() error { s, err := tone.New(); return add(s, err) },
		func() error { s, err := stance.New(cfg.Stance); return add(s, err) },
		func() error { s, err := frames.New(cfg.Frames); return add(s, err) },
		func() error { s, err := terms.New(); return add(s, err) },
	} {
		if err := mk(); err != nil {
			return nil, err
		}
	}
	return stages, nil
}

func runCommand(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	o, err := parseRunFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flagErrHelp) {
			return nil
		}
		return err
	}
	if o.workers == 0 {
		o.workers = runtime.GOMAXPROCS(0)
	}
	term := isTerminal(stderr)
	log := newLogger(stderr, o, term)

	for _, p := range o.paths {
		if p == "-" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("input: %w", err)
		}
	}
	cfg, err := pipeline.LoadConfig(o.config)
	if err != nil {
		return err
	}
	if o.reportDate != "" {
		cfg.ReportDate = o.reportDate
	}
	t0 := time.Now()
	stages, err := buildStages(cfg)
	if err != nil {
		return err
	}
	log.Debug("stages built", "elapsed", time.Since(t0).Round(time.Millisecond))

	started := time.Now().UTC()
	runID := outdir.RunID(started, 1)
	version := analysisVersion()
	cfgHash := cfg.Hash()

	var ws *workspace.Workspace
	if !o.noState {
		ws, err = workspace.Open(ctx, o.state, workspace.Options{Wait: o.wait, RunID: runID})
		if errors.Is(err, workspace.ErrLocked) {
			return fmt.Errorf("%w: %v", errLocked, err)
		}
		if err != nil {
			return err
		}
		defer ws.Close()
		if err := ws.RecordRun(workspace.Run{ID: runID, Started: started, Status: "running"}); err != nil {
			return err
		}
	}

	tmp, err := outdir.Begin(o.out)
	if err != nil {
		return err
	}
	published := false
	defer func() {
		if !published {
			outdir.Abort(tmp)
		}
	}()
	writer, err := reports.NewWriter(tmp, cfg)
	if err != nil {
		return err
	}

	src := &ingest.Source{Paths: o.paths, Stdin: stdin, Config: cfg.Ingest}
	if ws != nil && !o.full {
		stages = append([]pipeline.Stage{&cacheStage{ws: ws, version: version, cfgHash: cfgHash}}, stages...)
	}
	sink := &runSink{ws: ws, writer: writer, version: version, cfgHash: cfgHash,
		since: o.since, until: o.until, seen: map[string]bool{}, log: log}

	bar := newProgress(stderr, o.progress, term)
	stats, runErr := pipeline.Run(ctx, src, stages, sink, pipeline.Options{
		Workers:  o.workers,
		Strict:   o.strict,
		Progress: bar.update,
	})
	bar.finish()
	interrupted := ctx.Err() != nil
	if runErr != nil && !interrupted {
		recordRun(ws, runID, started, sink, "failed", log)
		return runErr
	}
	if interrupted {
		// Keep what was analysed (already saved) and leave the previous
		// report in place: an interrupted run publishes nothing.
		recordRun(ws, runID, started, sink, "interrupted", log)
		return fmt.Errorf("interrupted after %d documents; the previous report is unchanged: %w", sink.consumed, ctx.Err())
	}
	// Fold in documents stored by earlier runs that were not part of this
	// run's input, so that the report covers the whole corpus.
	restored := 0
	if ws != nil {
		if err := ws.Flush(); err != nil {
			return err
		}
		err := ws.Rest(ctx, sink.seen, o.since, o.until, func(d *pipeline.Doc) error {
			restored++
			return writer.Consume(ctx, d)
		})
		if err != nil {
			recordRun(ws, runID, started, sink, "failed", log)
			return err
		}
	}
	info := reports.RunInfo{
		Version: version,
		Stats:   stats,
		Inputs:  o.paths,
		Workers: o.workers,
		Cached:  sink.cached,
	}
	t0 = time.Now()
	err = writer.Close(info)
	log.Debug("reports written", "elapsed", time.Since(t0).Round(time.Millisecond))
	if err != nil {
		recordRun(ws, runID, started, sink, "failed", log)
		return err
	}
	final, err := outdir.Commit(o.out, tmp, runID, o.keep)
	if err != nil {
		recordRun(ws, runID, started, sink, "failed", log)
		return err
	}
	published = true
	status := "ok"
	if stats.Failed > 0 {
		status = "partial"
	}
	recordRun(ws, runID, started, sink, status, log)

	logSummary(log, stats, sink, restored, final)
	if stats.Failed > 0 {
		return fmt.Errorf("%w: %d of %d; see %s", errPartial, stats.Failed, stats.Docs, final+"/manifest.json")
	}
	return nil
}

func recordRun(ws *workspace.Workspace, id string, started time.Time, s *runSink, status string, log *slog.Logger) {
	if ws == nil {
		return
	}
	err := ws.RecordRun(workspace.Run{
		ID: id, Started: started, Finished: time.Now().UTC(),
		Processed: s.processed, Cached: s.cached, Failed: s.failed, Status: status,
	})
	if err != nil {
		log.Warn("could not record the run in the workspace", "err", err)
	}
}

func logSummary(log *slog.Logger, stats pipeline.Stats, s *runSink, restored int, final string) {
	log.Info("run finished",
		"documents", stats.Docs, "analysed", s.processed, "cached", s.cached,
		"from_workspace", restored, "skipped", s.skipped, "duplicates", s.duplicates,
		"failed", stats.Failed, "elapsed", stats.Elapsed.Round(time.Millisecond), "report", final)
	for _, c := range stats.Counters {
		log.Info("stage", "name", c.Stage, "docs", c.Docs, "failures", c.Failures, "busy", c.Busy.Round(time.Millisecond))
	}
	if stats.Failed > 0 {
		log.Warn("some documents failed", "failed", stats.Failed, "of", stats.Docs, "manifest", final+"/manifest.json")
	}
}

// cacheStage restores a document's stored analysis from the workspace; the
// runner then skips every later stage for it. It runs as a stage so that
// decoding stored results is spread over the workers.
type cacheStage struct {
	ws               *workspace.Workspace
	version, cfgHash string
}

func (c *cacheStage) Name() string { return "cache" }

func (c *cacheStage) Process(ctx context.Context, d *pipeline.Doc) error {
	ok, err := c.ws.Restore(d, workspace.DocKey(d, c.version, c.cfgHash))
	if err != nil || !ok {
		// A result that cannot be restored is simply analysed again.
		d.Cached = false
		return nil
	}
	return nil
}

// runSink saves fresh results to the workspace and hands every document to
// the report writer, in input order.
type runSink struct {
	ws               *workspace.Workspace
	writer           *reports.Writer
	version, cfgHash string
	since, until     string
	seen             map[string]bool
	log              *slog.Logger

	consumed, processed, cached, skipped, duplicates, failed int
}

func (s *runSink) Consume(ctx context.Context, d *pipeline.Doc) error {
	s.consumed++
	s.seen[d.ID] = true
	switch {
	case d.Failed():
		s.failed++
		s.log.Warn("document failed", "source", d.Source, "reason", failure(d))
	case d.Status == pipeline.StatusSkipped:
		s.skipped++
		s.log.Info("document skipped", "source", d.Source, "reason", d.Reason)
	case d.Status == pipeline.StatusDuplicate:
		s.duplicates++
	case d.Cached:
		s.cached++
	default:
		s.processed++
	}
	if s.ws != nil && !d.Cached && !d.Failed() && d.Status == pipeline.StatusOK {
		if err := s.ws.Save(d, workspace.DocKey(d, s.version, s.cfgHash)); err != nil {
			return err
		}
	}
	if (s.since != "" || s.until != "") && d.Status == pipeline.StatusOK && !workspace.InWindow(d, s.since, s.until) {
		d.Excluded = "outside the --since/--until window"
	}
	return s.writer.Consume(ctx, d)
}

func failure(d *pipeline.Doc) string {
	if len(d.Errors) > 0 {
		var parts []string
		for _, e := range d.Errors {
			parts = append(parts, e.Stage+": "+e.Err)
		}
		return strings.Join(parts, "; ")
	}
	return d.Reason
}
