package reports

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// maxChartPoints is the tallest a chart may be: an A4 page is 842 pt.
const maxChartPoints = 800

// manyOutletsCorpus builds one document per unit for n outlets named
// "Outlet 001" … with 1 to 6 units each (so some are under the minimum
// sample), plus unknownUnits units without outlet, more than any outlet
// has, so that a chart drawing "unknown" would show it first. Outlet k
// publishes on days spread over two months with a two-week gap in the
// middle, so that trend lines have a gap to break at.
func manyOutletsCorpus(n, unknownUnits int) []*pipeline.Doc {
	var docs []*pipeline.Doc
	add := func(outlet string, k, j int) {
		id := fmt.Sprintf("doc%05d", len(docs))
		day := 1 + (k+j*3)%14
		if j%2 == 1 {
			day += 30 // a gap of two weeks and more between the halves
		}
		date := fmt.Sprintf("2024-05-%02d", day)
		if day > 31 {
			date = fmt.Sprintf("2024-06-%02d", day-31)
		}
		u := &pipeline.Unit{ID: id + "#0", Kind: pipeline.KindArticle, Outlet: outlet, Country: "DE", Date: date,
			Title: "Report", Start: 0, End: 400, Words: 200, SentCount: 10}
		tone := float64((k*7+j*3)%11) - 5
		u.Tone = &pipeline.Tone{Tone: tone, Positive: 3, Negative: 3 - tone, Polarity: 6, Words: 200}
		for m, target := range []string{"Russia", "North Korea", "China"} {
			u.Stances = append(u.Stances, pipeline.StanceMention{Start: 10 * m, End: 10*m + 5, Text: target, Target: target,
				Voice: pipeline.VoiceOwn, Score: float64((k+m+j)%9-4) / 5})
		}
		u.Entities = []pipeline.Mention{{Start: 0, End: 5, Text: "Vladimir Putin", Type: pipeline.EntPerson, Entity: "Vladimir Putin", Actor: "Russia"},
			{Start: 10, End: 15, Text: "Kim Jong Un", Type: pipeline.EntPerson, Entity: "Kim Jong Un", Actor: "North Korea"}}
		u.Frames = []pipeline.FrameScore{{Frame: "security_defense", Score: 0.6}, {Frame: "political", Score: 0.4}}
		u.Terms = []pipeline.TermCount{{Term: "summit", Count: 1 + k%3}, {Term: fmt.Sprintf("word%d", k%7), Count: 2}}
		u.Figures = []pipeline.Figure{{Start: 100, End: 110, Text: "troops", Value: float64(10000 * (1 + k%4)), Counted: "troops", ClaimedBy: "Seoul"},
			{Start: 120, End: 125, Text: "2 countries", Value: 2, Counted: "countries"}}
		docs = append(docs, &pipeline.Doc{ID: id, Source: id + ".txt", Format: "txt", Status: pipeline.StatusOK, Units: []*pipeline.Unit{u}})
	}
	for k := range n {
		for j := range 1 + k%6 {
			add(fmt.Sprintf("Outlet %03d", k+1), k, j)
		}
	}
	for j := range unknownUnits {
		add(unknownOutlet, n, j)
	}
	return docs
}

var (
	svgHeight  = regexp.MustCompile(`<svg[^>]*height="([0-9.]+)pt"`)
	svgOutlets = regexp.MustCompile(`Outlet \d{3}`)
)

// chartSVGs reads every charts/*.svg of a report folder.
func chartSVGs(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "charts", "*.svg"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no charts in %s (%v)", dir, err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".svg")] = string(b)
	}
	return out
}

// checkChartSizes fails when a chart is taller than a page, as SVG or as
// PNG at the configured resolution.
func checkChartSizes(t *testing.T, dir string, svgs map[string]string) {
	t.Helper()
	for name, svg := range svgs {
		m := svgHeight.FindStringSubmatch(svg)
		if m == nil {
			t.Errorf("%s.svg: no height", name)
			continue
		}
		h, _ := strconv.ParseFloat(m[1], 64)
		if h > maxChartPoints {
			t.Errorf("%s.svg is %.0f pt tall, want at most %d (a page)", name, h, maxChartPoints)
		}
		f, err := os.Open(filepath.Join(dir, "charts", name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s.png: %v", name, err)
		}
		if maxPx := maxChartPoints * defaultDPI / 72; cfg.Height > maxPx {
			t.Errorf("%s.png is %d px tall, want at most %d", name, cfg.Height, maxPx)
		}
	}
}

// TestChartsReadable60 runs a 60-outlet corpus and checks that every
// chart stays readable: at most maxChartOutlets outlets, never "unknown",
// no taller than a page, and the outlets a chart leaves out named in a
// note.
func TestChartsReadable60(t *testing.T) {
	dir := runWriter(t, manyOutletsCorpus(60, 40), testConfig())
	svgs := chartSVGs(t, dir)
	checkChartSizes(t, dir, svgs)
	summary, err := os.ReadFile(filepath.Join(dir, "summary.md"))
	if err != nil {
		t.Fatal(err)
	}
	notes := string(summary[strings.Index(string(summary), "## Notes"):])
	all := map[string]bool{}
	for k := range 60 {
		all[fmt.Sprintf("Outlet %03d", k+1)] = true
	}
	noteOf := map[string]string{"tone_by_outlet": "Tone by outlet chart", "stance_heatmap": "Stance heat map: shows the 30",
		"frames": "Frame shares chart", "top_entities": "Top entities chart", "trends_tone": "Tone trends chart",
		"trends_stance": "Stance trends chart", "claims": "Claims chart"}
	for name, svg := range svgs {
		if strings.Contains(svg, unknownOutlet) {
			t.Errorf("%s.svg draws %q", name, unknownOutlet)
		}
		shown := map[string]bool{}
		for _, o := range svgOutlets.FindAllString(svg, -1) {
			shown[o] = true
		}
		if len(shown) > maxChartOutlets {
			t.Errorf("%s.svg draws %d outlets, want at most %d", name, len(shown), maxChartOutlets)
		}
		prefix, ok := noteOf[name]
		if !ok || len(shown) == 0 {
			continue
		}
		var note string
		for _, l := range strings.Split(notes, "\n") {
			if strings.Contains(l, prefix) {
				note = l
			}
		}
		for o := range all {
			if !shown[o] && !strings.Contains(note, o) {
				t.Errorf("%s.svg leaves out %s and no note names it (note: %.200q)", name, o, note)
			}
		}
	}
	if !strings.Contains(string(summary), "units have no outlet evidence") {
		t.Error("summary.md does not say how many units are unknown")
	}
	if !regexp.MustCompile(`\d+ of 60 outlets have at least 3 units and are compared; \d+ have fewer`).Match(summary) {
		t.Error("summary.md does not say how many outlets have too little coverage")
	}
}

// TestPressReview500 is one press review quoting 500 outlets: the charts
// stay under a page and say how many outlets they leave out, and the
// overview holds them all.
func TestPressReview500(t *testing.T) {
	d := &pipeline.Doc{ID: "review", Source: "review.txt", Format: "txt", Status: pipeline.StatusOK}
	for k := range 501 {
		u := &pipeline.Unit{ID: fmt.Sprintf("review#%d", k), Index: k, Kind: pipeline.KindReviewQuote, Outlet: fmt.Sprintf("Outlet %03d", k),
			Country: "DE", Date: "2024-06-19", Start: 10 * k, End: 10*k + 9, Words: 40}
		if k == 0 {
			u.Kind, u.Outlet = pipeline.KindReviewIntro, "eurotopics"
		}
		u.Tone = &pipeline.Tone{Tone: float64(k%9) - 4, Words: 40}
		u.Stances = []pipeline.StanceMention{{Target: "Russia", Text: "Russia", Voice: pipeline.VoiceOwn, Score: float64(k%5-2) / 3}}
		u.Frames = []pipeline.FrameScore{{Frame: "political", Score: 1}}
		u.Entities = []pipeline.Mention{{Text: "Moscow", Type: pipeline.EntGPE, Entity: "Moscow", Actor: "Russia"}}
		d.Units = append(d.Units, u)
	}
	dir := runWriter(t, []*pipeline.Doc{d}, testConfig())
	svgs := chartSVGs(t, dir)
	checkChartSizes(t, dir, svgs)
	summary, err := os.ReadFile(filepath.Join(dir, "summary.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(summary), "Tone by outlet chart: shows the 30 outlets with most units; 471 left out") {
		t.Errorf("summary.md does not say how many outlets the tone chart leaves out:\n%s", summary)
	}
	ov, err := os.ReadFile(filepath.Join(dir, "overview.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(ov), "\n") - 1; n != 501 {
		t.Errorf("overview.csv has %d outlets, want 501", n)
	}
}

func TestTrendSegments(t *testing.T) {
	xy := func(xs ...float64) plotter.XYs {
		var out plotter.XYs
		for _, x := range xs {
			out = append(out, plotter.XY{X: x, Y: x})
		}
		return out
	}
	for _, tt := range []struct {
		name string
		in   plotter.XYs
		want []int // lengths of the segments
	}{
		{"none", nil, nil},
		{"one", xy(4), []int{1}},
		{"adjacent", xy(0, 1, 2), []int{3}},
		{"two empty buckets are bridged", xy(0, 3), []int{2}},
		{"three empty buckets break", xy(0, 4), []int{1, 1}},
		{"break in the middle", xy(0, 1, 9, 10, 11), []int{2, 3}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			for _, s := range trendSegments(tt.in) {
				got = append(got, len(s))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("trendSegments(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// BenchmarkReports times the reports phase (Consume and Close: tables,
// charts, report.html, report.pdf) on 3,000 synthetic documents.
func BenchmarkReports(b *testing.B) {
	docs := testCorpus(3000)
	cfg := testConfig()
	for b.Loop() {
		runWriter(b, docs, cfg)
	}
}

// TestMethodLanguages reads the languages table, when a run has one, into
// the method section.
func TestMethodLanguages(t *testing.T) {
	r := &report{}
	if got := r.languagesText(); !strings.Contains(got, "does not detect") {
		t.Errorf("without a languages table: %q", got)
	}
	df, err := frame([]series.Series{strs("outlet", []string{"A", "A", "B"}), strs("language", []string{"en", "de", "ru"}),
		ints("units", []int{5, 2, 1}), bools("analysed", []bool{true, false, false})}, nil, []string{"outlet", "language", "units", "analysed"})
	if err != nil {
		t.Fatal(err)
	}
	r.tables = []*table{{Name: "languages", df: df}}
	want := "Analysed: en (5 units). Left out (counted in languages.csv, not analysed): de (2 units), ru (1 unit)."
	if got := r.languagesText(); !strings.Contains(got, want) {
		t.Errorf("languagesText() = %q, want it to contain %q", got, want)
	}
}

func TestMethodEarlierRuns(t *testing.T) {
	r := &report{agg: newAggregates(), tables: []*table{{Name: "claims", df: dataframe.New(strs("claim_id", nil))}}}
	if got := r.earlierRunsText(); !strings.Contains(got, "This run: none") {
		t.Errorf("no earlier documents: %q", got)
	}
	r.info.Earlier = 3
	if got := r.earlierRunsText(); !strings.Contains(got, "This run: 3 documents of the") {
		t.Errorf("3 earlier documents: %q", got)
	}
}
