package reports

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
	json "github.com/goccy/go-json"
)

// RunInfo is what the CLI knows about a run that the documents do not
// carry; Close writes it to the manifest and the reports.
type RunInfo struct {
	// Version is the tool version.
	Version string
	// Stats are the runner's totals and per-stage counters.
	Stats pipeline.Stats
	// Inputs are the paths given on the command line.
	Inputs []string
	// Workers is the number of workers per stage.
	Workers int
	// Cached counts documents whose analysis was restored from the
	// workspace rather than redone; the manifest reports the larger of it
	// and the number of consumed documents marked Cached.
	Cached int
	// Earlier counts the documents the report covers that come from
	// earlier runs: stored in the workspace, not in this run's input.
	Earlier int
	// Interrupted is set when the run was cancelled before the input was
	// exhausted; the reports then cover the documents consumed so far.
	Interrupted bool
	// Notes are run-level remarks for the manifest (an output folder
	// found inside the corpus and left out of it, say).
	Notes []string
	// Feeds is the coverage ledger of the fetch runs that filled the input
	// folders, one entry per feed and run: the coverage_feeds table and
	// the reports' sentence on silent outlets. None: no such table.
	Feeds []FeedRun
}

// Writer writes every output file of a run into one folder. It implements
// pipeline.Sink: Consume must be called from one goroutine, once per
// document, in input order; Close is called once after the last document.
// A Writer is not safe for concurrent use.
type Writer struct {
	cfg    pipeline.Config
	dir    *outDir
	closed bool

	streams []*streamFile
	rows    [nStreams]*streamFile // the streamed per-unit files, in Rows order
	docs    *json.Encoder         // manifest rows, one a line, into docsFile

	agg *aggregates
}

// NewWriter creates the output folder dir (which should be new and empty)
// and opens the streamed per-unit files in it.
func NewWriter(dir string, cfg pipeline.Config) (*Writer, error) {
	switch cfg.Report.TrendPeriod {
	case "", "day", "week":
	default:
		return nil, fmt.Errorf("reports: report.trend_period %q: want day, week or empty", cfg.Report.TrendPeriod)
	}
	od, err := newOutDir(dir)
	if err != nil {
		return nil, err
	}
	w := &Writer{cfg: cfg, dir: od, agg: newAggregates()}
	w.agg.countOnce = cfg.Report.Syndicated == pipeline.SyndicatedOnce
	for i, st := range rowStreams {
		f, err := od.create(st.name)
		if err != nil {
			w.closeStreams()
			return nil, err
		}
		w.streams = append(w.streams, f)
		w.rows[i] = f
		if st.header != nil {
			cw := newCSVWriter(f)
			cw.Write(st.header)
			if cw.Flush(); cw.Error() != nil {
				w.closeStreams()
				return nil, fmt.Errorf("reports: %w", cw.Error())
			}
		}
	}
	f, err := od.createTemp(docsFile)
	if err != nil {
		w.closeStreams()
		return nil, err
	}
	w.streams = append(w.streams, f)
	w.docs = json.NewEncoder(f)
	w.docs.SetEscapeHTML(false)
	return w, nil
}

func (w *Writer) closeStreams() error {
	var first error
	for _, s := range w.streams {
		if err := s.Close(); err != nil && first == nil {
			first = err
		}
	}
	w.streams = nil
	return first
}

// docsFile is the scratch file, inside the output folder, that holds the
// manifest's per-document rows as JSON lines until Close copies them into
// manifest.json and removes it. Keeping them on disk rather than in memory
// keeps the live heap from growing with the number of documents.
const docsFile = ".manifest-docs.jsonl"

// Consume writes d's rows and adds d to the aggregates. It keeps no
// reference to d, its text or its tokens.
func (w *Writer) Consume(ctx context.Context, d *pipeline.Doc) error {
	return w.ConsumeRows(ctx, d, nil)
}

// ConsumeRows is Consume with d's rows rendered ahead by RenderRows (nil:
// rendered here), so that the goroutine calling it only copies them.
func (w *Writer) ConsumeRows(ctx context.Context, d *pipeline.Doc, rows *Rows) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if w.closed {
		return fmt.Errorf("reports: consume after close")
	}
	if err := w.docs.Encode(w.agg.addDoc(d)); err != nil {
		return fmt.Errorf("reports: %s: %w", d.Source, err)
	}
	if d.Excluded != "" {
		// Listed in the manifest, left out of every table.
		return nil
	}
	// An outlet name the registry did not know is reported under the
	// first spelling of it met in input order; the lines of a document
	// that spelt it otherwise are rendered again with that name.
	names := w.agg.metaNames.addDoc(d)
	if rows == nil || names != nil {
		var err error
		if rows, err = renderRows(d, names); err != nil {
			return err
		}
	}
	for i, b := range rows.files {
		if _, err := w.rows[i].Write(b); err != nil {
			return fmt.Errorf("reports: %s: %w", d.Source, err)
		}
	}
	for _, u := range d.Units {
		w.agg.addLang(u)
		if u.Analysed() && d.Status == pipeline.StatusOK {
			if w.agg.countOnce {
				w.agg.holdUnit(u)
			} else {
				w.agg.addUnit(u)
			}
		}
	}
	return nil
}

// stanceGroup is the scores of one unit's mentions of one target in one
// voice.
type stanceGroup struct {
	target, voice string
	scores        []float64
}

// groupStances groups a unit's stance mentions by target and voice, sorted
// by target then voice.
func groupStances(ms []pipeline.StanceMention) []stanceGroup {
	var out []stanceGroup
	for _, m := range ms {
		if !finite(m.Score) {
			continue
		}
		v := voiceName(m.Voice)
		i := slices.IndexFunc(out, func(g stanceGroup) bool { return g.target == m.Target && g.voice == v })
		if i < 0 {
			out = append(out, stanceGroup{target: m.Target, voice: v})
			i = len(out) - 1
		}
		out[i].scores = append(out[i].scores, m.Score)
	}
	slices.SortFunc(out, func(a, b stanceGroup) int { return cmpStrings(a.target, b.target, a.voice, b.voice) })
	return out
}

// Close finishes the streamed files and writes the aggregate tables,
// charts, report.html, report.pdf, summary.md and manifest.json.
func (w *Writer) Close(info RunInfo) error {
	if w.closed {
		return fmt.Errorf("reports: closed twice")
	}
	w.closed = true
	err := w.close(info)
	if rerr := w.dir.remove(docsFile); err == nil {
		err = rerr
	}
	return err
}

func (w *Writer) close(info RunInfo) (err error) {
	defer recoverAs("report", &err)
	if err := w.closeStreams(); err != nil {
		return err
	}
	w.agg.settle()
	tables, err := buildTables(w.agg, w.cfg)
	if err != nil {
		return err
	}
	if len(info.Feeds) > 0 {
		df, err := coverageFeedsTable(info.Feeds)
		if err != nil {
			return fmt.Errorf("reports: table coverage_feeds: %w", err)
		}
		tables = append(tables, &table{Name: "coverage_feeds", Title: "Feed coverage by fetch run", df: df})
	}
	for _, t := range tables {
		if err := w.dir.write(t.Name+".csv", t.writeCSV); err != nil {
			return err
		}
		if err := w.dir.write(t.Name+".json", t.writeJSON); err != nil {
			return err
		}
	}
	charts, notes := buildCharts(tables, w.cfg)
	rendered, err := renderCharts(charts, pngDPI(w.cfg))
	if err != nil {
		return err
	}
	for _, c := range charts {
		for _, f := range chartFormats {
			b := rendered[c.Name+"."+f]
			if err := w.dir.write("charts/"+c.Name+"."+f, func(wr io.Writer) error {
				_, err := wr.Write(b)
				return err
			}); err != nil {
				return err
			}
		}
	}
	rep := &report{cfg: w.cfg, info: info, agg: w.agg, tables: tables, charts: charts, notes: notes, cache: rendered}
	if err := w.dir.write("report.html", rep.writeHTML); err != nil {
		return err
	}
	if err := w.dir.write("report.pdf", rep.writePDF); err != nil {
		return err
	}
	if err := w.dir.write("summary.md", rep.writeSummary); err != nil {
		return err
	}
	// The manifest lists every file, itself included.
	w.dir.written = append(w.dir.written, "manifest.json")
	files := w.dir.files()
	w.dir.written = w.dir.written[:len(w.dir.written)-1]
	docs, err := w.dir.open(docsFile)
	if err != nil {
		return err
	}
	defer docs.Close()
	return w.dir.write("manifest.json", func(wr io.Writer) error { return rep.writeManifest(wr, files, docs) })
}

// outletName maps an empty outlet to "unknown".
func outletName(s string) string {
	if strings.TrimSpace(s) == "" {
		return "unknown"
	}
	return s
}

func entityName(m pipeline.Mention) string {
	if m.Entity != "" {
		return m.Entity
	}
	return m.Text
}

func voiceName(v string) string {
	if v == "" {
		return pipeline.VoiceOwn
	}
	return v
}

// f4 formats a float with four decimals; NaN and Inf become "".
func f4(x float64) string {
	if !finite(x) {
		return ""
	}
	s := strconv.FormatFloat(x, 'f', 4, 64)
	if s == "-0.0000" {
		s = "0.0000"
	}
	return s
}

// fnum formats a figure value rounded to six decimals, without trailing
// zeros and never in exponent form ("4800000", "0.333333", "1.5").
func fnum(x float64) string {
	if !finite(x) {
		return ""
	}
	if r := math.Round(x*1e6) / 1e6; finite(r) {
		x = r
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if s == "-0" {
		s = "0"
	}
	return s
}

func cmpStrings(pairs ...string) int {
	for i := 0; i+1 < len(pairs); i += 2 {
		if c := strings.Compare(pairs[i], pairs[i+1]); c != 0 {
			return c
		}
	}
	return 0
}
