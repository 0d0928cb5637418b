package reports

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unsafe"
	"weak"

	"github.com/framewatch/framewatch/pipeline"
)

func testConfig() pipeline.Config {
	cfg := pipeline.DefaultConfig()
	cfg.Title = "Korea–Russia arms deal: outlet comparison"
	cfg.ReportDate = "2024-06-25"
	return cfg
}

// runWriter writes the reports for docs into a new folder and returns it.
func runWriter(t testing.TB, docs []*pipeline.Doc, cfg pipeline.Config) string {
	t.Helper()
	return writeReports(t, filepath.Join(t.TempDir(), "out"), docs, cfg)
}

// writeReports writes the reports for docs into dir.
func writeReports(t testing.TB, dir string, docs []*pipeline.Doc, cfg pipeline.Config) string {
	t.Helper()
	w, err := NewWriter(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Consume(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	info := RunInfo{Version: "test", Inputs: []string{"corpus"}, Workers: 2,
		Stats: pipeline.Stats{Docs: len(docs), Counters: []pipeline.Counter{{Stage: "clean", Docs: int64(len(docs)), Busy: 1234}}, Elapsed: 98765}}
	if err := w.Close(info); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestKeep copies the shared run's outputs to $REPORTS_KEEP, for looking at
// the charts and reports by hand.
func TestKeep(t *testing.T) {
	out := os.Getenv("REPORTS_KEEP")
	if out == "" {
		t.Skip("set REPORTS_KEEP=DIR to keep the test reports in DIR")
	}
	dir := sharedRun(t)
	os.RemoveAll(out)
	if err := os.CopyFS(out, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkConsume measures the per-document cost of streaming rows and
// updating the aggregates (Close is not included).
func BenchmarkConsume(b *testing.B) {
	docs := testCorpus(200)
	var size int64
	for _, d := range docs {
		for _, u := range d.Units {
			size += int64(u.End - u.Start)
		}
	}
	w, err := NewWriter(filepath.Join(b.TempDir(), "out"), testConfig())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(size)
	ctx := context.Background()
	for b.Loop() {
		for _, d := range docs {
			if err := w.Consume(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	w.closeStreams()
}

// TestConsumeKeepsNoDocument checks that the Writer drops every reference
// to a consumed document, its units and its texts. Every string of the
// documents is made a substring of Text or Clean, as the stages make
// them, so that keeping any one of them would keep a text alive.
func TestConsumeKeepsNoDocument(t *testing.T) {
	w, err := NewWriter(filepath.Join(t.TempDir(), "out"), testConfig())
	if err != nil {
		t.Fatal(err)
	}
	var docs []weak.Pointer[pipeline.Doc]
	var units []weak.Pointer[pipeline.Unit]
	var texts []weak.Pointer[byte]
	for _, d := range testCorpus(30) {
		sliceStrings(d)
		texts = append(texts, weak.Make(unsafe.StringData(d.Text)), weak.Make(unsafe.StringData(d.Clean)))
		if err := w.Consume(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, weak.Make(d))
		for _, u := range d.Units {
			units = append(units, weak.Make(u))
		}
	}
	runtime.GC()
	runtime.GC()
	for i, p := range docs {
		if p.Value() != nil {
			t.Fatalf("document %d is still reachable after Consume", i)
		}
	}
	for i, p := range units {
		if p.Value() != nil {
			t.Fatalf("unit %d is still reachable after Consume", i)
		}
	}
	for i, p := range texts {
		if p.Value() != nil {
			t.Fatalf("text %d (document %d's %s) is still reachable after Consume", i, i/2, []string{"Text", "Clean"}[i%2])
		}
	}
	if err := w.Close(RunInfo{}); err != nil {
		t.Fatal(err)
	}
}

// sliceStrings rewrites every string of d as a substring of a new
// d.Text (document fields, unit fields and annotations) or d.Clean
// (terms), each 64 KB.
func sliceStrings(d *pipeline.Doc) {
	var inText, inClean []*string
	text := func(ps ...*string) { inText = append(inText, ps...) }
	text(&d.ID, &d.Source, &d.Format, &d.Reason, &d.DuplicateOf, &d.Excluded)
	for i := range d.Errors {
		text(&d.Errors[i].Stage, &d.Errors[i].Err)
	}
	for _, u := range d.Units {
		text(&u.ID, &u.Kind, &u.Outlet, &u.Country, &u.Date, &u.Author, &u.Title, &u.Evidence)
		for i := range u.Entities {
			m := &u.Entities[i]
			text(&m.Text, &m.Type, &m.Entity, &m.Actor)
		}
		for i := range u.Figures {
			f := &u.Figures[i]
			text(&f.Text, &f.Unit, &f.Counted, &f.Bound, &f.ClaimedBy)
		}
		for i := range u.Dates {
			text(&u.Dates[i].Text, &u.Dates[i].Date)
		}
		for i := range u.Stances {
			s := &u.Stances[i]
			text(&s.Text, &s.Target, &s.Voice, &s.Label, &s.Sentence, &s.Role, &s.Speaker)
		}
		for i := range u.Quotes {
			q := &u.Quotes[i]
			text(&q.Text, &q.Kind, &q.Speaker, &q.Entity, &q.Actor, &q.Verb, &q.Source)
		}
		for i := range u.Frames {
			text(&u.Frames[i].Frame)
		}
		for i := range u.Terms {
			inClean = append(inClean, &u.Terms[i].Term)
		}
	}
	build := func(ps []*string) string {
		var b strings.Builder
		offs := make([]int, len(ps))
		for i, p := range ps {
			offs[i] = b.Len()
			b.WriteString(*p)
			b.WriteByte(' ')
		}
		for b.Len() < 1<<16 {
			b.WriteString("filler ")
		}
		s := b.String()
		for i, p := range ps {
			*p = s[offs[i] : offs[i]+len(*p)]
		}
		return s
	}
	d.Text = build(inText)
	d.Clean = build(inClean)
}
