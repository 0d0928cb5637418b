package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/framewatch/framewatch/internal/golden"
	"github.com/framewatch/framewatch/pipeline"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// goldenFiles are compared with testdata/golden/<name>.golden.
var goldenFiles = []string{
	"units.csv", "entities.csv", "entity_mentions.jsonl", "figures.csv", "dates.csv", "tone.csv", "unit_stance.csv", "stance_mentions.csv", "quotes.csv", "unit_frames.csv", "roles.csv",
	"overview.csv", "overview.json", "stance.csv", "stance.json", "frames.csv", "frames.json", "sources.csv", "sources.json", "news_frames.csv", "news_frames.json", "actor_roles.csv", "actor_roles.json",
	"top_entities.csv", "top_entities.json", "distinctive_terms.csv", "distinctive_terms.json",
	"claims.csv", "claims.json", "failures.csv", "failures.json", "outlets_unmatched.csv", "outlets_unmatched.json", "languages.csv", "languages.json",
	"trends_tone.csv", "trends_tone.json",
	"trends_stance.csv", "trends_stance.json", "coverage.csv", "coverage.json", "syndication.csv", "syndication_outlets.csv", "summary.md",
}

var (
	sharedOnce sync.Once
	sharedDir  string
)

// sharedRun writes the reports for the 60-document test corpus once per
// test binary; tests that only read the outputs share it.
func sharedRun(t *testing.T) string {
	t.Helper()
	sharedOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "reports-test-")
		if err != nil {
			t.Fatal(err)
		}
		sharedDir = writeReports(t, filepath.Join(tmp, "out"), testCorpus(60), testConfig())
	})
	if sharedDir == "" {
		t.Fatal("shared run failed")
	}
	return sharedDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(filepath.Dir(sharedDir))
	}
	os.Exit(code)
}

func TestGolden(t *testing.T) {
	dir := sharedRun(t)
	// Every chart the run draws has an SVG golden, whatever its number:
	// a new chart without one fails here.
	svgs, err := filepath.Glob(filepath.Join(dir, "charts", "*.svg"))
	if err != nil || len(svgs) == 0 {
		t.Fatalf("no SVG charts written (%v)", err)
	}
	names := slices.Clone(goldenFiles)
	for _, f := range svgs {
		names = append(names, "charts/"+filepath.Base(f))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, "testdata/golden/"+strings.ReplaceAll(name, "/", "_")+".golden", got)
		})
	}
	t.Run("manifest", func(t *testing.T) {
		golden.Assert(t, "testdata/golden/manifest.json.golden", manifestWithoutTimings(t, dir))
	})
}

// manifestWithoutTimings returns manifest.json with its timings blanked.
func manifestWithoutTimings(t *testing.T, dir string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if _, ok := m["timings"]; !ok {
		t.Fatal("manifest.json has no timings")
	}
	delete(m, "timings")
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// TestDeterministic writes the same corpus twice and compares every file
// byte for byte, except the manifest's timings.
func TestDeterministic(t *testing.T) {
	a := sharedRun(t)
	b := runWriter(t, testCorpus(60), testConfig())
	n := 0
	err := filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		n++
		if rel == "manifest.json" {
			if !bytes.Equal(manifestWithoutTimings(t, a), manifestWithoutTimings(t, b)) {
				t.Errorf("manifest.json differs outside timings")
			}
			return nil
		}
		x, _ := os.ReadFile(path)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			return err
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between identical runs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("only %d files written", n)
	}
}

func TestPNGCharts(t *testing.T) {
	dir := sharedRun(t)
	pngs, _ := filepath.Glob(filepath.Join(dir, "charts", "*.png"))
	if len(pngs) < 7 {
		t.Fatalf("%d PNG charts, want 7: %v", len(pngs), pngs)
	}
	for _, p := range pngs {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		// Every chart is at least 4 inches wide at the default resolution.
		if cfg.Width < 4*defaultDPI || cfg.Height < 200 {
			t.Errorf("%s is %d×%d px", filepath.Base(p), cfg.Width, cfg.Height)
		}
		for _, ext := range []string{".svg", ".pdf"} {
			if _, err := os.Stat(strings.TrimSuffix(p, ".png") + ext); err != nil {
				t.Errorf("missing %s", ext)
			}
		}
	}
}

// TestEmpty checks that a run with no usable document still writes every
// file, with empty tables and notes instead of charts.
func TestEmpty(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs []*pipeline.Doc
	}{
		{"no documents", nil},
		{"only failures", []*pipeline.Doc{
			{ID: "a", Source: "a.txt", Status: pipeline.StatusFailed, Reason: "binary file"},
			{ID: "b", Source: "b.txt", Status: pipeline.StatusSkipped, Reason: "empty file"},
		}},
		{"units without analyses", []*pipeline.Doc{{ID: "c", Source: "c.txt", Status: pipeline.StatusOK,
			Units: []*pipeline.Unit{{ID: "c#0", Kind: pipeline.KindArticle}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := runWriter(t, tc.docs, testConfig())
			for _, f := range []string{"report.html", "report.pdf", "summary.md", "manifest.json", "overview.csv", "claims.json"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Error(err)
				}
			}
			b, _ := os.ReadFile(filepath.Join(dir, "claims.json"))
			if string(b) != "[]\n" {
				t.Errorf("claims.json = %q, want []", b)
			}
		})
	}
}

func TestHostileText(t *testing.T) {
	docs := testCorpus(20)
	evil := `<script>alert("pwned")</script><img src=x onerror=alert(1)>`
	docs[0].Units[0].Outlet = evil
	docs[0].Units[0].Title = evil
	docs[0].Units[0].Entities[0].Entity = evil
	for i := range docs[0].Units[0].Stances {
		// Quoted as evidence under the outlet.
		docs[0].Units[0].Stances[i].Sentence = evil + " sentence"
		docs[0].Units[0].Stances[i].Score = 0.9
	}
	dir := runWriter(t, docs, testConfig())
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(html, []byte("<script>")) || bytes.Contains(html, []byte("<img src=x")) {
		t.Error("report.html contains unescaped input markup")
	}
	if !bytes.Contains(html, []byte("&lt;script&gt;")) {
		t.Error("report.html does not show the escaped outlet name")
	}
	if !bytes.Contains(html, []byte("<q>&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; sentence</q>")) {
		t.Error("report.html does not quote the hostile evidence sentence, escaped")
	}
	// gonum/plot escapes text in SVG; a broken SVG would not display.
	svgs, _ := filepath.Glob(filepath.Join(dir, "charts", "*.svg"))
	for _, f := range svgs {
		b, _ := os.ReadFile(f)
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err != nil {
				if err != io.EOF {
					t.Errorf("%s is not well-formed XML: %v", filepath.Base(f), err)
				}
				break
			}
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "summary.md"))
	if bytes.Contains(md, []byte("<script>")) {
		t.Error("summary.md contains raw markup")
	}
}

func TestConsumeCancelled(t *testing.T) {
	w, err := NewWriter(filepath.Join(t.TempDir(), "out"), testConfig())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.Consume(ctx, testCorpus(1)[0]); err == nil {
		t.Error("Consume with a cancelled context returned nil")
	}
	if err := w.Close(RunInfo{Interrupted: true}); err != nil {
		t.Error(err)
	}
	if err := w.Close(RunInfo{}); err == nil {
		t.Error("second Close returned nil")
	}
}

// nonASCIIOutlets must come out of every format spelt right.
var nonASCIIOutlets = []string{"Süddeutsche Zeitung", "Hospodářské noviny", "Новая газета", "Frankfurter Allgemeine Zeitung"}

func TestPDFText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils); skipping the PDF text check")
	}
	dir := sharedRun(t)
	files := []string{"report.pdf", "charts/tone_by_outlet.pdf", "charts/stance_heatmap.pdf", "charts/frames.pdf"}
	for _, f := range files {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(dir, f), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f, err)
		}
		// Layout may break lines between words.
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, name := range nonASCIIOutlets {
			if !strings.Contains(text, name) {
				t.Errorf("%s: pdftotext does not find %q", f, name)
			}
		}
		fonts, err := exec.Command("pdffonts", filepath.Join(dir, f)).Output()
		if err != nil {
			t.Fatalf("pdffonts %s: %v", f, err)
		}
		lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")
		if len(lines) < 3 {
			t.Errorf("%s: pdffonts lists no font:\n%s", f, fonts)
		}
		for _, l := range lines[2:] {
			// Columns: name type encoding emb sub uni object ID.
			fs := strings.Fields(l)
			if len(fs) < 6 || fs[len(fs)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", f, l)
			}
		}
	}
}

// TestPNGResolution checks that report.png_dpi sets the PNG charts'
// pixel size, within its bounds.
func TestPNGResolution(t *testing.T) {
	c := &chart{Name: "blank", W: 4 * vg.Inch, H: 2 * vg.Inch, draw: func(draw.Canvas) {}}
	for _, tt := range []struct{ set, wantDPI int }{{0, defaultDPI}, {100, 100}, {300, 300}, {5, 72}, {10000, 600}} {
		var cfg pipeline.Config
		cfg.Report.PNGDPI = tt.set
		out, err := renderCharts([]*chart{c}, pngDPI(cfg))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.DecodeConfig(bytes.NewReader(out["blank.png"]))
		if err != nil {
			t.Fatal(err)
		}
		if img.Width != 4*tt.wantDPI || img.Height != 2*tt.wantDPI {
			t.Errorf("png_dpi %d: %d×%d px, want %d×%d", tt.set, img.Width, img.Height, 4*tt.wantDPI, 2*tt.wantDPI)
		}
		if len(out["blank.svg"]) == 0 || len(out["blank.pdf"]) == 0 {
			t.Errorf("png_dpi %d: SVG or PDF missing", tt.set)
		}
	}
}
