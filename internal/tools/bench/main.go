package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// options are the parsed flags.
type options struct {
	docs, baselineDocs, workers int
	repeat                      int
	corpus, bin, cpuprofile     string
	memprofile                  string
	scaling, mem                []int
	keep, noBaseline, noRerun   bool
	shortNews                   string
	noShortNews, noWink         bool
	beam                        string
	seed                        uint64
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.docs, "docs", 10000, "documents in the generated corpus")
	fs.StringVar(&o.corpus, "corpus", "", "use this corpus `DIR` instead of generating one")
	fs.IntVar(&o.workers, "workers", 0, "framewatch --workers for the main runs (0: one per CPU)")
	fs.IntVar(&o.baselineDocs, "baseline-docs", 1000, "documents given to the prose v3 baseline (0: all); the first ones in input order")
	fs.IntVar(&o.repeat, "repeat", 3, "fresh framewatch runs, each followed by a baseline run; figures are the median run's, the ratio the median of the pairs'")
	fs.BoolVar(&o.noBaseline, "no-baseline", false, "skip the prose v3 baseline")
	fs.BoolVar(&o.noRerun, "no-rerun", false, "skip the incremental re-run")
	scaling := fs.String("scaling", "", "comma-separated worker counts (e.g. 1,2,4,8,16): one fresh run each with --workers N and GOMAXPROCS=N")
	mem := fs.String("mem", "", "comma-separated corpus sizes (e.g. 10000,100000): peak RSS of a fresh run over each generated corpus")
	fs.StringVar(&o.bin, "bin", "", "use this framewatch `BINARY` instead of building one")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of an in-process run (stages and reports) to `FILE`, then stop")
	fs.StringVar(&o.memprofile, "memprofile", "", "with -cpuprofile: write a heap profile, taken after the last document and before the reports, to `FILE`")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary folder (corpus, outputs) and print its path")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the corpus variations")
	fs.StringVar(&o.shortNews, "short-news", "", "CoNLL-2003 `DIR` for the short-news corpus (default: ../shared/bench/conll2003 beside the module, when it is there)")
	fs.BoolVar(&o.noShortNews, "no-short-news", false, "skip the short-news corpus")
	fs.BoolVar(&o.noWink, "no-wink", false, "skip the wink-nlp baseline on the short-news corpus")
	fs.StringVar(&o.beam, "beam", "", "measure only this framewatch-beam `BINARY` on Prism against the CLI, with 1 and 2 processors (make bench-beam)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	var err error
	if o.scaling, err = intList(*scaling); err != nil {
		return nil, fmt.Errorf("-scaling: %w", err)
	}
	if o.mem, err = intList(*mem); err != nil {
		return nil, fmt.Errorf("-mem: %w", err)
	}
	if o.docs <= 0 {
		return nil, errors.New("-docs must be positive")
	}
	if o.repeat <= 0 {
		return nil, errors.New("-repeat must be positive")
	}
	return o, nil
}

func intList(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("%q is not a positive integer", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// printer writes "bench <what> <metric> <value>" lines, each what
// preceded by prefix.
type printer struct {
	w      io.Writer
	prefix string
}

// with returns a printer that puts prefix before every what.
func (p printer) with(prefix string) printer { return printer{p.w, prefix} }

func (p printer) int(what, metric string, v int64) {
	fmt.Fprintf(p.w, "bench %s%s %s %d\n", p.prefix, what, metric, v)
}

func (p printer) float(what, metric string, v float64, prec int) {
	fmt.Fprintf(p.w, "bench %s%s %s %.*f\n", p.prefix, what, metric, prec, v)
}

func (p printer) str(what, metric, v string) {
	fmt.Fprintf(p.w, "bench %s%s %s %s\n", p.prefix, what, metric, v)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	p := printer{w: stdout}
	tmp, err := os.MkdirTemp("", "framewatch-bench-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(stderr, "bench: keeping", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	corpus := o.corpus
	if corpus == "" {
		corpus = filepath.Join(tmp, "corpus")
		st, err := Generate(corpus, o.docs, o.seed)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "bench: generated %d documents (%d bytes) in %s\n", st.Docs, st.Bytes, corpus)
	}
	p.str("machine", "cpu", strconv.Quote(cpuModel()))
	p.int("machine", "cores", int64(runtime.NumCPU()))
	p.str("machine", "go", runtime.Version())
	p.str("machine", "loadavg_at_start", loadavg())
	defer func() { p.str("machine", "loadavg_at_end", loadavg()) }()
	if o.corpus == "" {
		p.int("corpus", "docs", int64(o.docs))
	}

	if o.cpuprofile != "" {
		return profile(ctx, corpus, o.cpuprofile, o.memprofile, o.workers, p)
	}

	bin := o.bin
	if bin == "" {
		bin = filepath.Join(tmp, "framewatch")
		if err := buildBinary(ctx, bin); err != nil {
			return err
		}
	}

	if o.beam != "" {
		return measureBeam(ctx, p, tmp, bin, o.beam, corpus)
	}

	_, tokens, err := measure(ctx, o, p, tmp, bin, corpusRun{corpus: corpus, baselineDocs: o.baselineDocs, rerun: !o.noRerun})
	if err != nil {
		return err
	}
	if err := measureShortNews(ctx, o, p, tmp, bin); err != nil {
		return err
	}

	if len(o.scaling) > 0 {
		var base float64
		for i, n := range o.scaling {
			dir := filepath.Join(tmp, "scaling-"+strconv.Itoa(n))
			r, err := runFramewatch(ctx, bin, corpus, filepath.Join(dir, "out"), filepath.Join(dir, "state"), n, n)
			os.RemoveAll(dir)
			if err != nil {
				return err
			}
			what := "scaling_" + strconv.Itoa(n)
			rate := float64(tokens) / r.Wall.Seconds()
			p.float(what, "wall_s", r.Wall.Seconds(), 3)
			p.float(what, "tokens_per_s", rate, 0)
			p.float(what, "pipeline_tokens_per_s", float64(tokens)/r.Elapsed.Seconds(), 0)
			p.float(what, "cpu_s", r.CPU.Seconds(), 3)
			p.float(what, "peak_rss_mb", r.RSSMB(), 1)
			p.float(what, "sink_busy_s", r.SinkBusy.Seconds(), 3)
			if i == 0 {
				base = rate / float64(n)
			}
			p.float(what, "efficiency", rate/(base*float64(n)), 3)
		}
	}

	if len(o.mem) > 0 {
		var rss []float64
		for _, n := range o.mem {
			dir := filepath.Join(tmp, "mem-"+strconv.Itoa(n))
			if _, err := Generate(filepath.Join(dir, "corpus"), n, o.seed); err != nil {
				return err
			}
			r, err := runFramewatch(ctx, bin, filepath.Join(dir, "corpus"), filepath.Join(dir, "out"), filepath.Join(dir, "state"), o.workers, 0)
			os.RemoveAll(dir)
			if err != nil {
				return err
			}
			what := "mem_" + strconv.Itoa(n)
			p.float(what, "wall_s", r.Wall.Seconds(), 3)
			p.float(what, "peak_rss_mb", r.RSSMB(), 1)
			rss = append(rss, r.RSSMB())
		}
		if len(rss) > 1 {
			p.float("mem", "flatness_last_over_first", rss[len(rss)-1]/rss[0], 3)
		}
	}
	return nil
}

// corpusRun is one corpus measured by measure: its figures are printed
// with prefix before each "what" ("" for the main corpus, "short_" for the
// short-news one).
type corpusRun struct {
	prefix       string
	corpus       string
	baselineDocs int
	rerun        bool
}

// measure runs framewatch over c.corpus -repeat times, each run followed by
// a prose v3 baseline run, then (with c.rerun) an unchanged re-run, and
// prints the figures. It returns the median run and the corpus's tokens.
func measure(ctx context.Context, o *options, p printer, tmp, bin string, c corpusRun) (*fwRun, int64, error) {
	p = p.with(c.prefix)
	// The main runs: -repeat fresh runs, each with a new workspace, each
	// followed by the baseline, so that each framewatch run has a baseline
	// run taken right after it; then an unchanged re-run with the first
	// run's workspace.
	state := filepath.Join(tmp, c.prefix+"state")
	first, err := runFramewatch(ctx, bin, c.corpus, filepath.Join(tmp, c.prefix+"out"), state, o.workers, 0)
	if err != nil {
		return nil, 0, err
	}
	words, err := unitWords(first.unitsCSV)
	if err != nil {
		return nil, 0, err
	}
	tokens := sumWords(words)
	var in *baselineInput
	if !o.noBaseline {
		if in, err = readBaseline(ctx, c.corpus, c.baselineDocs, words); err != nil {
			return nil, 0, err
		}
	}
	runs := []*fwRun{first}
	var bases []*baselineResult
	var ratios, cpuRatios []float64
	for i := range o.repeat {
		r := first
		if i > 0 {
			dir := filepath.Join(tmp, c.prefix+"repeat-"+strconv.Itoa(i))
			r, err = runFramewatch(ctx, bin, c.corpus, filepath.Join(dir, "out"), filepath.Join(dir, "state"), o.workers, 0)
			os.RemoveAll(dir)
			if err != nil {
				return nil, 0, err
			}
			runs = append(runs, r)
		}
		if in == nil {
			continue
		}
		b, err := baseline(ctx, in)
		if err != nil {
			return nil, 0, err
		}
		bases = append(bases, b)
		ratios = append(ratios, (float64(tokens)/r.Wall.Seconds())/(float64(b.Tokens)/b.Wall.Seconds()))
		cpuRatios = append(cpuRatios, (float64(tokens)/r.CPU.Seconds())/(float64(b.Tokens)/b.CPU.Seconds()))
	}
	p.int("corpus", "ingested_docs", int64(first.Documents))
	p.int("corpus", "analysed_docs", int64(first.Analysed))
	p.int("corpus", "tokens", tokens)
	p.int("pipeline", "runs", int64(len(runs)))
	med := medianBy(runs, func(r *fwRun) float64 { return r.Wall.Seconds() })
	report(p, "pipeline", med, tokens)
	if len(runs) > 1 {
		rates := make([]float64, len(runs))
		for i, r := range runs {
			rates[i] = float64(tokens) / r.Wall.Seconds()
		}
		p.float("pipeline", "tokens_per_s_min", slices.Min(rates), 0)
		p.float("pipeline", "tokens_per_s_max", slices.Max(rates), 0)
	}

	if c.rerun {
		second, err := runFramewatch(ctx, bin, c.corpus, filepath.Join(tmp, c.prefix+"out"), state, o.workers, 0)
		if err != nil {
			return nil, 0, err
		}
		p.float("rerun", "wall_s", second.Wall.Seconds(), 3)
		p.int("rerun", "cached_docs", int64(second.Cached))
		p.int("rerun", "analysed_docs", int64(second.Analysed))
		p.float("rerun", "pipeline_s", second.Elapsed.Seconds(), 3)
		p.float("rerun", "reports_s", second.Reports.Seconds(), 3)
		p.float("rerun", "cpu_s", second.CPU.Seconds(), 3)
		p.float("rerun", "peak_rss_mb", second.RSSMB(), 1)
		for _, s := range second.Stages {
			p.float("rerun_stage_"+s.Name, "busy_s", s.Busy.Seconds(), 3)
		}
		p.float("rerun", "share_of_first_run", second.Wall.Seconds()/first.Wall.Seconds(), 3)
		p.float("rerun", "cpu_share_of_first_run", second.CPU.Seconds()/first.CPU.Seconds(), 3)
	}

	if len(bases) > 0 {
		b := medianBy(bases, func(b *baselineResult) float64 { return b.Wall.Seconds() })
		p.int("baseline", "runs", int64(len(bases)))
		p.int("baseline", "docs", int64(b.Docs))
		p.int("baseline", "tokens", b.Tokens)
		p.int("baseline", "prose_tokens", b.ProseTokens)
		p.int("baseline", "workers", int64(b.Workers))
		p.float("baseline", "wall_s", b.Wall.Seconds(), 3)
		p.float("baseline", "docs_per_s", float64(b.Docs)/b.Wall.Seconds(), 1)
		p.float("baseline", "tokens_per_s", float64(b.Tokens)/b.Wall.Seconds(), 0)
		p.float("baseline", "cpu_s", b.CPU.Seconds(), 3)
		p.float("baseline", "tokens_per_cpu_s", float64(b.Tokens)/b.CPU.Seconds(), 0)
		// Each ratio divides a framewatch run by the baseline run taken
		// right after it, so that the machine's drift between runs cancels
		// out; the median of the pairs is the figure, min and max its
		// spread.
		p.float("ratio", "framewatch_over_prose", median(ratios), 2)
		p.float("ratio", "framewatch_over_prose_min", slices.Min(ratios), 2)
		p.float("ratio", "framewatch_over_prose_max", slices.Max(ratios), 2)
		// Per CPU-second: robust to other load on a shared machine.
		p.float("ratio", "framewatch_over_prose_cpu", median(cpuRatios), 2)
	}

	return med, tokens, nil
}

// median returns the median of xs (the mean of the middle two for an even
// count).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// medianBy returns the element of xs with the median key (the lower of the
// middle two for an even count).
func medianBy[T any](xs []T, key func(T) float64) T {
	s := slices.Clone(xs)
	slices.SortStableFunc(s, func(a, b T) int { return cmp.Compare(key(a), key(b)) })
	return s[(len(s)-1)/2]
}

// report prints the figures of one full run.
func report(p printer, what string, r *fwRun, tokens int64) {
	p.int(what, "workers", int64(r.Workers))
	p.float(what, "wall_s", r.Wall.Seconds(), 3)
	p.float(what, "startup_s", r.Startup.Seconds(), 3)
	p.float(what, "pipeline_s", r.Elapsed.Seconds(), 3)
	p.float(what, "reports_s", r.Reports.Seconds(), 3)
	// The sink consumes documents one at a time in input order: the
	// pipeline cannot finish faster than its busy time however many
	// workers run, so its share of pipeline_s bounds the scaling.
	p.float(what, "sink_busy_s", r.SinkBusy.Seconds(), 3)
	if r.Elapsed > 0 {
		p.float(what, "sink_share_of_pipeline", r.SinkBusy.Seconds()/r.Elapsed.Seconds(), 3)
	}
	p.float(what, "docs_per_s", float64(r.Documents)/r.Wall.Seconds(), 1)
	p.float(what, "tokens_per_s", float64(tokens)/r.Wall.Seconds(), 0)
	p.float(what, "pipeline_tokens_per_s", float64(tokens)/r.Elapsed.Seconds(), 0)
	p.float(what, "cpu_s", r.CPU.Seconds(), 3)
	p.float(what, "tokens_per_cpu_s", float64(tokens)/r.CPU.Seconds(), 0)
	p.float(what, "peak_rss_mb", r.RSSMB(), 1)
	var total int64
	for _, s := range r.Stages {
		total += s.Busy.Nanoseconds()
	}
	for _, s := range r.Stages {
		if total > 0 {
			p.float("stage_"+s.Name, "busy_share", float64(s.Busy.Nanoseconds())/float64(total), 3)
		}
		p.float("stage_"+s.Name, "busy_s", s.Busy.Seconds(), 3)
	}
}

// loadavg is the 1-minute load average: figures taken while other work
// runs on the machine are low, which the CPU-time figures are not.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "unknown"
	}
	return f[0]
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}
