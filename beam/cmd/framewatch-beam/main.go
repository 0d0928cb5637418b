package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/framewatch/framewatch/beam/transforms"
	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
)

// version is the tool version. It is kept equal to cmd/framewatch's: the
// byte-identity test compares the manifests.
var version = "0.1.0"

// analysisVersion is the version the manifest names, as cmd/framewatch
// forms it: the tool version and the build's revision.
func analysisVersion() string { return analysis.Version(version) }

const usage = `framewatch-beam run [flags] PATH...

Analyses the documents under each PATH (a file or a folder read
recursively) on an Apache Beam runner and writes the report folder
framewatch run --no-state writes: OUT/runs/<run id>/ and OUT/latest.

Exit codes: 0 ok, 1 run error, 2 usage, 3 finished but some documents
failed.

Flags (the SDK's pipeline options, --runner first among them, come with them):
`

var (
	errUsage   = errors.New("usage")
	errPartial = errors.New("some documents failed")
)

var (
	out        = flag.String("out", "./out", "output root `DIR`: the run writes DIR/runs/<id>/ and repoints DIR/latest")
	configFile = flag.String("config", "", "YAML configuration `FILE` (see README)")
	reportDate = flag.String("report-date", "", "date printed in the report, `YYYY-MM-DD` (overrides the config's report_date)")
	keep       = flag.Int("keep", 0, "keep only the newest `N` run folders (0 keeps all)")
)

func main() {
	args := os.Args[1:]
	cmd := ""
	if len(args) > 0 && args[0] == "run" {
		cmd, args = "run", args[1:]
	}
	flag.CommandLine.Usage = func() {
		fmt.Fprint(flag.CommandLine.Output(), usage)
		flag.PrintDefaults()
	}
	if err := flag.CommandLine.Parse(args); err != nil {
		os.Exit(2)
	}
	// On a worker, Init runs the SDK harness and never returns.
	beam.Init()
	if cmd != "run" {
		flag.CommandLine.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, flag.Args(), os.Stdout)
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, "framewatch-beam:", err)
		os.Exit(2)
	case errors.Is(err, errPartial):
		fmt.Fprintln(os.Stderr, "framewatch-beam:", err)
		os.Exit(3)
	default:
		fmt.Fprintln(os.Stderr, "framewatch-beam:", err)
		os.Exit(1)
	}
}

// run builds the pipeline for paths, runs it on the --runner and prints
// where the report is.
func run(ctx context.Context, paths []string, stdout io.Writer) error {
	opt, ro, err := options(paths)
	if err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	transforms.Build(s, opt, ro, paths)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return err
	}
	var docs, failed int64
	if res != nil {
		for _, c := range res.Metrics().AllMetrics().Counters() {
			switch c.Key.Name {
			case "docs":
				docs = c.Result()
			case "failed":
				failed = c.Result()
			}
		}
	}
	fmt.Fprintf(stdout, "framewatch-beam: %d documents, %d failed; report in %s/latest\n", docs, failed, ro.Out)
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d; see %s/latest/manifest.json", errPartial, failed, docs, ro.Out)
	}
	return nil
}

// options checks the flags and paths as the CLI does and returns the
// pipeline's options.
func options(paths []string) (transforms.Options, transforms.ReportOptions, error) {
	var opt transforms.Options
	var ro transforms.ReportOptions
	if len(paths) == 0 {
		return opt, ro, fmt.Errorf("%w: run needs at least one PATH", errUsage)
	}
	if *keep < 0 {
		return opt, ro, fmt.Errorf("%w: --keep must not be negative", errUsage)
	}
	if *reportDate != "" {
		if _, err := time.Parse(time.DateOnly, *reportDate); err != nil {
			return opt, ro, fmt.Errorf("%w: --report-date %q is not a YYYY-MM-DD date", errUsage, *reportDate)
		}
	}
	for _, p := range paths {
		if p == "-" {
			return opt, ro, fmt.Errorf("%w: framewatch-beam reads files, not standard input", errUsage)
		}
		if strings.Contains(p, "://") {
			continue // a file system URL: listed by the ingest workers
		}
		if _, err := os.Stat(p); err != nil {
			return opt, ro, fmt.Errorf("input: %w", err)
		}
	}
	if *configFile != "" {
		// Checked here, so that a bad file fails before the pipeline
		// starts; the workers parse the same bytes.
		if _, err := pipeline.LoadConfig(*configFile); err != nil {
			return opt, ro, err
		}
		b, err := os.ReadFile(*configFile)
		if err != nil {
			return opt, ro, err
		}
		opt.Config = b
	}
	opt.ReportDate = *reportDate
	opt.Exclude = []string{*out}
	ro = transforms.ReportOptions{Out: *out, Keep: *keep, Inputs: paths, Version: analysisVersion(),
		Workers: runtime.GOMAXPROCS(0), Started: time.Now().UTC().UnixNano()}
	return opt, ro, nil
}
