package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"runtime"
	"runtime/pprof"
	"time"

	"github.com/framewatch/framewatch/internal/outdir"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/framewatch/framewatch/reports"
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
	reportDate, cpuProfile           string
	workers, keep                    int
	strict, full, noState, prune     bool
	wait                             time.Duration
	paths                            []string
}

func parseRunFlags(args []string, stderr io.Writer) (*runOptions, error) {
	o := &runOptions{}
	fs := newFlagSet("run", stderr, runUsage)
	fs.StringVar(&o.out, "out", "./out", "output root `DIR`: each run writes DIR/runs/<id>/ and repoints DIR/latest")
	fs.StringVar(&o.state, "state", "", "workspace `DIR` holding the results database and the run lock (default OUT/.framewatch)")
	fs.BoolVar(&o.noState, "no-state", false, "analyse everything without reading or writing a workspace")
	fs.StringVar(&o.config, "config", "", "YAML configuration `FILE` (see README)")
	fs.IntVar(&o.workers, "workers", 0, "goroutines per stage (0: one per CPU)")
	fs.BoolVar(&o.strict, "strict", false, "stop at the first document that fails")
	fs.BoolVar(&o.full, "full", false, "re-analyse every document, ignoring cached results")
	fs.BoolVar(&o.prune, "prune", false, "forget stored documents whose source file is gone before the run")
	fs.StringVar(&o.since, "since", "", "report only documents dated on or after `YYYY-MM-DD`")
	fs.StringVar(&o.until, "until", "", "report only documents dated on or before `YYYY-MM-DD`")
	fs.DurationVar(&o.wait, "wait", 0, "wait up to `DURATION` for another run's lock instead of exiting with code 4")
	fs.IntVar(&o.keep, "keep", 0, "keep only the newest `N` run folders (0 keeps all)")
	fs.StringVar(&o.reportDate, "report-date", "", "date printed in the report, `YYYY-MM-DD` (overrides the config's report_date)")
	fs.StringVar(&o.logFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&o.logLevel, "log-level", "", "log level: debug, info, warn, error (default info on a terminal, warn otherwise)")
	fs.StringVar(&o.progress, "progress", "auto", "progress bar: auto (only on a terminal), always, never")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	// Flags may follow paths (framewatch run corpus --no-state), as with
	// GNU tools; everything after "--" is a path.
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flagErrHelp) {
				return nil, err
			}
			return nil, flagErr(err)
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		if n := len(rest) - len(left); n > 0 && rest[n-1] == "--" {
			o.paths = append(o.paths, left...)
			break
		}
		o.paths = append(o.paths, left[0])
		rest = left[1:]
	}
	if o.state == "" {
		// Beside the output, so that two report folders never share a
		// workspace (and so never report each other's documents).
		o.state = filepath.Join(o.out, ".framewatch")
	}
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
	case !slices.Contains([]string{"", "debug", "info", "warn", "error"}, strings.ToLower(o.logLevel)):
		return nil, fmt.Errorf("%w: --log-level %q must be debug, info, warn or error", errUsage, o.logLevel)
	case o.prune && o.noState:
		return nil, fmt.Errorf("%w: --prune needs a workspace; it cannot go with --no-state", errUsage)
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
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

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
	runCtx, stopRun := context.WithCancel(ctx)
	defer stopRun()
	bg := buildInBackground(cfg, log, stopRun)
	defer bg.wait()
	stages := bg.placeholders()

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
		// Run IDs have one-second resolution: make this one unique.
		if runs, err := ws.Runs(); err == nil {
			used := map[string]bool{}
			for _, r := range runs {
				used[r.ID] = true
			}
			for seq := 2; used[runID]; seq++ {
				runID = outdir.RunID(started, seq)
			}
		}
		if err := ws.RecordRun(workspace.Run{ID: runID, Started: started, Status: workspace.RunRunning}); err != nil {
			return err
		}
		if o.prune {
			n, err := ws.Prune(ctx, nil)
			if err != nil {
				return err
			}
			log.Info("forgot stored documents whose source is gone", "documents", n)
		}
	}

	// Under the workspace lock: two runs never fetch into one folder.
	if err := fetchBeforeRun(ctx, cfg.Feeds, &o.paths, log); err != nil {
		return err
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

	sink := &runSink{ws: ws, tmp: tmp, cfg: cfg, version: version, cfgHash: cfgHash,
		since: o.since, until: o.until, seen: map[string]bool{}, log: log, fp: sha256.New()}
	// An unchanged re-run can republish the previous report: speculate that
	// nothing changed, checking stored results without decoding them, until
	// a document needs analysis.
	var prev workspace.Run
	if ws != nil && !o.full {
		if r, ok, err := ws.LastPublished(); err == nil && ok && isDir(r.Report) {
			prev, sink.speculating = r, true
			sink.lazy.Store(true)
		}
	}
	if !sink.speculating {
		// Models are certainly needed: load them while input is read.
		// Otherwise they are loaded only if a document needs analysis.
		bg.start()
	}
	src := &ingest.Source{Paths: o.paths, Stdin: stdin, Config: cfg.Ingest, Exclude: []string{o.out}}
	if ws != nil {
		src.Exclude = append(src.Exclude, o.state)
	}
	if ws != nil {
		src.HTMLCache = versionedCache{ws, version}
		src.SizeHint = ws.Len()
		sink.seen = make(map[string]bool, ws.Len())
	}
	if ws != nil {
		// Files unchanged since their analysis was stored are not read,
		// except under --full; their records are kept either way.
		src.Known = sink.known
		src.KnownExport, src.ReadExport = sink.knownExport, sink.readExport
		sink.readAll = o.full
		if !o.full {
			stages = append([]pipeline.Stage{&cacheStage{sink: sink, src: src}}, stages...)
		}
		stages = append(stages, &storeStage{sink: sink})
	}

	bar := newProgress(stderr, o.progress, term)
	stats, runErr := pipeline.Run(runCtx, src, stages, sink, pipeline.Options{
		Workers:  o.workers,
		Strict:   o.strict,
		Progress: bar.update,
	})
	bar.finish()
	if err := bg.wait(); err != nil {
		// A configuration the stages reject (an invalid pattern, say).
		recordRun(ws, workspace.Run{ID: runID, Started: started, Status: workspace.RunFailed}, sink, log)
		return err
	}
	interrupted := ctx.Err() != nil
	if runErr != nil && !interrupted {
		recordRun(ws, workspace.Run{ID: runID, Started: started, Status: workspace.RunFailed}, sink, log)
		return runErr
	}
	if interrupted {
		// What was analysed is saved; the previous report stays in place:
		// an interrupted run publishes nothing.
		recordRun(ws, workspace.Run{ID: runID, Started: started, Status: workspace.RunInterrupted}, sink, log)
		return fmt.Errorf("interrupted after %d documents; the previous report is unchanged: %w", sink.consumed, ctx.Err())
	}
	status := workspace.RunOK
	if stats.Failed > 0 {
		status = workspace.RunPartial
	}
	info := reports.RunInfo{
		Version: version,
		Stats:   stats,
		Inputs:  o.paths,
		Workers: o.workers,
		Cached:  sink.cached,
	}
	if info.Feeds, err = feedRuns(o.paths); err != nil {
		return err
	}
	for _, p := range src.Excluded() {
		note := fmt.Sprintf("%s is framewatch's own output or workspace folder inside the corpus: left out of the analysis", p)
		info.Notes = append(info.Notes, note)
		log.Warn("left out of the corpus", "folder", p, "why", "framewatch output or workspace folder")
	}

	fingerprint, reused, restored := "", false, 0
	if ws != nil {
		if err := ws.Flush(); err != nil {
			return err
		}
		fingerprint = withFeeds(sink.fingerprint(ws.Fingerprint(), o.paths), info.Feeds)
	}
	t0 := time.Now()
	if sink.speculating && fingerprint == prev.Fingerprint {
		err = republish(tmp, prev, info)
		reused = err == nil
	} else {
		err = sink.report(ctx, info, func(w *reports.Writer) (int, error) {
			if ws == nil {
				return 0, nil
			}
			// Fold in documents stored by earlier runs that were not part
			// of this run's input, so that the report covers the corpus.
			n := 0
			err := ws.Rest(ctx, sink.seen, o.since, o.until, func(d *pipeline.Doc) error {
				n++
				return w.Consume(ctx, d)
			})
			return n, err
		})
		restored = sink.restoredRest
	}
	log.Debug("reports written", "elapsed", time.Since(t0).Round(time.Millisecond), "reused", reused)
	if err != nil {
		recordRun(ws, workspace.Run{ID: runID, Started: started, Status: workspace.RunFailed}, sink, log)
		return err
	}
	final, err := outdir.Commit(o.out, tmp, runID, o.keep)
	if err != nil {
		recordRun(ws, workspace.Run{ID: runID, Started: started, Status: workspace.RunFailed}, sink, log)
		return err
	}
	published = true
	report, _ := filepath.Abs(final)
	recordRun(ws, workspace.Run{ID: runID, Started: started, Status: status, Fingerprint: fingerprint, Report: report}, sink, log)

	logSummary(log, stats, sink, restored, reused, final)
	if stats.Failed > 0 {
		return fmt.Errorf("%w: %d of %d; see %s", errPartial, stats.Failed, stats.Docs, final+"/manifest.json")
	}
	return nil
}

// republish fills tmp with the unchanged report of run prev and a manifest
// for this run.
func republish(tmp string, prev workspace.Run, info reports.RunInfo) error {
	if err := outdir.Fill(tmp, prev.Report, "manifest.json"); err != nil {
		return err
	}
	old, err := os.ReadFile(filepath.Join(prev.Report, "manifest.json"))
	if err != nil {
		return err
	}
	m, err := reports.ReuseManifest(old, info, filepath.Base(prev.Report))
	if err != nil {
		return err
	}
	return outdir.WriteFile(filepath.Join(tmp, "manifest.json"), m)
}

// versionedCache keeps HTML extractions per analysis version, since a new
// build may extract differently.
type versionedCache struct {
	ws      *workspace.Workspace
	version string
}

func (c versionedCache) LoadHTML(key string) (string, pipeline.Meta, bool) {
	return c.ws.LoadHTML(c.version + " " + key)
}

func (c versionedCache) StoreHTML(key, text string, meta pipeline.Meta) {
	c.ws.StoreHTML(c.version+" "+key, text, meta)
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func recordRun(ws *workspace.Workspace, r workspace.Run, s *runSink, log *slog.Logger) {
	if ws == nil {
		return
	}
	r.Finished = time.Now().UTC()
	r.Processed, r.Cached, r.Failed = s.processed, s.cached, s.failed
	if err := ws.RecordRun(r); err != nil {
		log.Warn("could not record the run in the workspace", "err", err)
	}
}

func logSummary(log *slog.Logger, stats pipeline.Stats, s *runSink, restored int, reused bool, final string) {
	log.Info("run finished",
		"documents", stats.Docs, "analysed", s.processed, "cached", s.cached,
		"from_workspace", restored, "report_reused", reused, "skipped", s.skipped, "duplicates", s.duplicates,
		"failed", stats.Failed, "elapsed", stats.Elapsed.Round(time.Millisecond),
		"sink_busy", stats.SinkBusy.Round(time.Millisecond), "report", final)
	for _, c := range stats.Counters {
		log.Info("stage", "name", c.Stage, "docs", c.Docs, "failures", c.Failures, "busy", c.Busy.Round(time.Millisecond))
	}
	if stats.Failed > 0 {
		log.Warn("some documents failed", "failed", stats.Failed, "of", stats.Docs, "manifest", final+"/manifest.json")
	}
}
