package transforms

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

// Each transform is tested on Prism (ptest's default runner, in the test
// process) against what the CLI's own code gives for the same input: the
// expected values are computed here with pipeline/ingest and
// internal/analysis, never written out by hand.

func TestMain(m *testing.M) { ptest.Main(m) }

func init() {
	register.Function1x1(itemLine)
	register.Function1x1(analysedLine)
	register.Function1x1(partialLine)
	register.Function1x1(sourceLine)
}

// itemLine is what the ingest and dedup tests compare of an item: its
// place in input order, ID, status, duplicate_of and reason.
func itemLine(it Item) string {
	d, err := it.doc()
	if err != nil {
		return "undecodable " + it.ID + ": " + err.Error()
	}
	return fmt.Sprintf("%d/%d %s %s dup=%s reason=%q text=%d", it.Path, it.Seq, d.ID, d.Status, d.DuplicateOf, d.Reason, len(it.Text))
}

// analysedLine is an analysed item's document as JSON.
func analysedLine(it Item) string { return string(it.Doc) }

// partialLine lists a combined partial's items in the order it holds them.
func partialLine(p Partial) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "outlets=%d", p.Outlets)
	for _, it := range p.Items {
		fmt.Fprintf(&b, " %d/%d:%s", it.Path, it.Seq, it.Outlet)
	}
	return b.String()
}

// fixtureDir copies the fixtures' corpus folder sub into a temporary folder.
func fixtureDir(t *testing.T, sub string) string {
	t.Helper()
	src, err := fs.Sub(fixtures.FS, "corpus/"+sub)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), sub)
	if err := os.CopyFS(dir, src); err != nil {
		t.Fatal(err)
	}
	return dir
}

// cliDocs reads paths one at a time with the CLI's ingest, as Ingest's
// workers do, and returns each document with its PATH index and position.
func cliDocs(t *testing.T, paths ...string) (lines []string, docs []*pipeline.Doc) {
	t.Helper()
	cfg := pipeline.DefaultConfig()
	for i, p := range paths {
		src := &ingest.Source{Paths: []string{p}, Config: cfg.Ingest}
		seq := 0
		err := src.Docs(context.Background(), func(d *pipeline.Doc) error {
			it, err := newItem(i, seq, d)
			if err != nil {
				return err
			}
			seq++
			lines = append(lines, itemLine(it))
			docs = append(docs, d)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return lines, docs
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// TestIngest reads the deliberately bad fixtures and a folder of wire
// stories: every document reaches the pipeline with the status and reason
// the CLI's ingest gives it, the failures and skips included.
func TestIngest(t *testing.T) {
	bad, wire := fixtureDir(t, "bad"), fixtureDir(t, "wire")
	want, docs := cliDocs(t, bad, wire)
	notOK := 0
	for _, d := range docs {
		if d.Status != pipeline.StatusOK {
			notOK++
			if d.Reason == "" {
				t.Errorf("%s: status %s without a reason", d.ID, d.Status)
			}
		}
	}
	if notOK == 0 || notOK == len(docs) {
		t.Fatalf("the bad fixtures gave %d documents not ok of %d: the test needs both kinds", notOK, len(docs))
	}

	p, s := beam.NewPipelineWithRoot()
	items, _ := Ingest(s, Options{}, []string{bad, wire})
	passert.Equals(s, beam.ParDo(s, itemLine, items), anys(want)...)
	ptest.RunAndValidate(t, p)
}

// TestDedup gives the same story under two PATHs: the copy under the later
// PATH becomes a duplicate of the first, with the CLI's reason, and the
// other documents are left as they were.
func TestDedup(t *testing.T) {
	wire := fixtureDir(t, "wire")
	story, err := os.ReadFile(filepath.Join(wire, "reuters-putin-pyongyang.txt"))
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "other")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	// Same length of path as the original, so no rule but input order
	// can tell the two apart.
	if err := os.WriteFile(filepath.Join(other, "copy-of-putin-pyongyang.txt"), story, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "own-story.txt"), []byte("Seoul, June 19 (Wire) - A story no other PATH has.\n\nIt stays as it is."), 0o644); err != nil {
		t.Fatal(err)
	}
	lines, docs := cliDocs(t, wire, other)
	const first = "reuters-putin-pyongyang"
	var hash string
	for _, d := range docs {
		if d.ID == first {
			hash = d.Hash
		}
	}
	if hash == "" {
		t.Fatal("the wire fixture " + first + " was not read")
	}
	want := slices.Clone(lines)
	dups := 0
	for i, d := range docs {
		if d.ID == first || d.Hash != hash || d.Status != pipeline.StatusOK {
			continue
		}
		dup := *d
		dup.Status, dup.DuplicateOf, dup.Reason = pipeline.StatusDuplicate, first, "duplicate of "+first
		it, err := newItem(1, seqOf(t, lines[i]), &dup)
		if err != nil {
			t.Fatal(err)
		}
		it.Text = ""
		want[i] = itemLine(it)
		dups++
	}
	if dups != 1 {
		t.Fatalf("%d copies of the story found under the second PATH, want 1", dups)
	}

	p, s := beam.NewPipelineWithRoot()
	items, _ := Ingest(s, Options{}, []string{wire, other})
	passert.Equals(s, beam.ParDo(s, itemLine, Dedup(s, items)), anys(want)...)
	ptest.RunAndValidate(t, p)
}

// seqOf reads the position back from an itemLine.
func seqOf(t *testing.T, line string) int {
	t.Helper()
	var path, seq int
	if _, err := fmt.Sscanf(line, "%d/%d", &path, &seq); err != nil {
		t.Fatal(err)
	}
	return seq
}

// TestAnalyse runs the stage chain on the wire stories and the bad
// fixtures: each analysed document equals what pipeline.Run with the CLI's
// constructor table makes of it, failures passing through unchanged.
func TestAnalyse(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the analysis stages")
	}
	bad, wire := fixtureDir(t, "bad"), fixtureDir(t, "wire")
	_, docs := cliDocs(t, bad, wire)
	stages, err := analysis.Stages(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, d := range docs {
		one := pipeline.SourceFunc(func(_ context.Context, emit func(*pipeline.Doc) error) error { return emit(d) })
		keep := pipeline.SinkFunc(func(context.Context, *pipeline.Doc) error { return nil })
		if _, err := pipeline.Run(context.Background(), one, stages, keep, pipeline.Options{Workers: 1}); err != nil {
			t.Fatal(err)
		}
		it, err := newItem(0, i, d)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, analysedLine(it))
	}
	units := 0
	for _, d := range docs {
		units += len(d.Units)
	}
	if units == 0 {
		t.Fatal("no document was analysed into units: the test compares nothing")
	}

	p, s := beam.NewPipelineWithRoot()
	items, _ := Ingest(s, Options{}, []string{bad, wire})
	passert.Equals(s, beam.ParDo(s, analysedLine, Analyse(s, Options{}, items)), anys(want)...)
	ptest.RunAndValidate(t, p)
}

// TestCombine gathers items given in scrambled order under several
// outlets into one partial holding them all in input order.
func TestCombine(t *testing.T) {
	outlets := []string{"Reuters", "TASS", "", "Reuters", "Yonhap", "TASS", "Reuters"}
	var in []Item
	for _, k := range []int{5, 2, 6, 0, 3, 1, 4} {
		in = append(in, Item{Path: k % 2, Seq: k, Outlet: outlets[k], ID: fmt.Sprint("doc", k)})
	}
	keys := map[string]bool{}
	for _, o := range outlets {
		keys[o] = true
	}
	// Input order is PATH first, then the position within the PATH.
	sorted := append([]Item(nil), in...)
	slices.SortFunc(sorted, func(a, b Item) int { return cmp.Or(a.Path-b.Path, a.Seq-b.Seq) })
	want := fmt.Sprintf("outlets=%d", len(keys))
	for _, it := range sorted {
		want += fmt.Sprintf(" %d/%d:%s", it.Path, it.Seq, it.Outlet)
	}

	p, s := beam.NewPipelineWithRoot()
	passert.Equals(s, beam.ParDo(s, partialLine, Combine(s, beam.CreateList(s, in))), want)
	ptest.RunAndValidate(t, p)
}

// TestIngestURL reads the same files from a PATH URL (the SDK's in-memory
// file system standing in for gs:// and s3://): the documents are those
// of the local folder, their sources named by the URL.
func TestIngestURL(t *testing.T) {
	wire := fixtureDir(t, "wire")
	entries, err := os.ReadDir(wire)
	if err != nil {
		t.Fatal(err)
	}
	const u = "memfs://corpus/wire"
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(wire, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		memfs.Write(u+"/"+e.Name(), b)
	}
	lines, docs := cliDocs(t, wire)
	want := make([]string, len(lines))
	for i, d := range docs {
		if !strings.HasPrefix(d.Source, wire) {
			t.Fatalf("%s: source %q is not under %s", d.ID, d.Source, wire)
		}
		d.Source = u + strings.TrimPrefix(d.Source, wire)
		want[i] = lines[i] + " source=" + d.Source
	}

	p, s := beam.NewPipelineWithRoot()
	items, _ := Ingest(s, Options{}, []string{u})
	passert.Equals(s, beam.ParDo(s, sourceLine, items), anys(want)...)
	ptest.RunAndValidate(t, p)
}

// sourceLine is itemLine with the document's source.
func sourceLine(it Item) string {
	d, err := it.doc()
	if err != nil {
		return err.Error()
	}
	return itemLine(it) + " source=" + d.Source
}
