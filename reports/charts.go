package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"runtime"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"git.sr.ht/~sbinet/gg"
	"github.com/go-gota/gota/dataframe"
	"golang.org/x/sync/errgroup"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/framewatch/framewatch/pipeline"
)

// chartFormats are the files written per chart, under charts/.
var chartFormats = []string{"png", "svg", "pdf"}

// defaultDPI is the resolution of the PNG charts unless the configuration
// sets one: a chart of the report's usual 8-14 inches is 1,200-2,100
// pixels wide, sharp on any screen. Rendering time grows with the square
// of the resolution (192 dpi took 1.6 times as long), and the SVG and PDF
// files are there for print.
const defaultDPI = 150

// pngDPI is the configured PNG resolution, within [72, 600].
func pngDPI(cfg pipeline.Config) int {
	if cfg.Report.PNGDPI <= 0 {
		return defaultDPI
	}
	return min(max(cfg.Report.PNGDPI, 72), 600)
}

// chart is one figure: a size and a function drawing it on any canvas.
type chart struct {
	Name  string
	Title string
	W, H  vg.Length
	draw  func(dc draw.Canvas)
}

// safeDraw draws c on dc, turning a panic in gonum/plot into an error.
func (c *chart) safeDraw(dc draw.Canvas) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("reports: chart %s: %v", c.Name, r)
		}
	}()
	c.draw(dc)
	return nil
}

// renderCharts renders every chart in every format, one chart and format
// per CPU at a time (rendering is most of the time reports take), and
// returns the bytes by "name.format". Each rendering is independent of the
// others, so the bytes do not depend on the order they are made in.
func renderCharts(charts []*chart, dpi int) (map[string][]byte, error) {
	type job struct {
		c      *chart
		format string
	}
	var jobs []job
	for _, c := range charts {
		for _, f := range chartFormats {
			jobs = append(jobs, job{c, f})
		}
	}
	out := make([][]byte, len(jobs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		g.Go(func() error {
			var buf bytes.Buffer
			if err := j.c.render(&buf, j.format, dpi); err != nil {
				return err
			}
			out[i] = buf.Bytes()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	m := make(map[string][]byte, len(jobs))
	for i, j := range jobs {
		m[j.c.Name+"."+j.format] = out[i]
	}
	return m, nil
}

// pngCanvas is vgimg.NewWith(UseWH(w, h), UseDPI(dpi)) without its copy
// of the whole image (NewWith hands its new image to gg, which copies it
// into another): for the largest charts the two allocations and the copy
// were a quarter of the time a PNG took. The context is set up as NewWith
// sets up its own.
func pngCanvas(w, h vg.Length, dpi int) *vgimg.Canvas {
	px := func(l vg.Length) int { return int(l/vg.Inch*vg.Length(dpi) + 0.5) }
	img := image.NewRGBA(image.Rect(0, 0, px(w), px(h)))
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	return vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
}

// render writes c in format (png, svg or pdf).
func (c *chart) render(w io.Writer, format string, dpi int) (err error) {
	defer recoverAs("chart "+c.Name+"."+format, &err)
	switch format {
	case "png":
		cv := pngCanvas(c.W, c.H, dpi)
		if err := c.safeDraw(draw.New(cv)); err != nil {
			return err
		}
		// Flat-coloured charts compress well even at the fastest level,
		// which is several times faster than the default.
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		return enc.Encode(w, cv.Image())
	case "svg":
		cv := vgsvg.New(c.W, c.H)
		if err := c.safeDraw(draw.New(cv)); err != nil {
			return err
		}
		_, err := cv.WriteTo(w)
		return err
	case "pdf":
		doc := newPDFDoc("", fpdf.SizeType{Wd: c.W.Points(), Ht: c.H.Points()})
		doc.AddPage()
		pc := newPDFCanvas(doc, 0, 0, c.W, c.H, map[string]bool{}, new(int))
		err := c.safeDraw(draw.New(pc))
		pc.end()
		if err != nil {
			return err
		}
		return doc.Output(w)
	}
	return fmt.Errorf("reports: unknown chart format %q", format)
}

// Okabe & Ito (2008) colour-blind-safe palette, black last.
var okabeIto = []color.Color{
	color.RGBA{0x00, 0x72, 0xB2, 0xff}, // blue
	color.RGBA{0xE6, 0x9F, 0x00, 0xff}, // orange
	color.RGBA{0x00, 0x9E, 0x73, 0xff}, // bluish green
	color.RGBA{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
	color.RGBA{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	color.RGBA{0xD5, 0x5E, 0x00, 0xff}, // vermillion
	color.RGBA{0xF0, 0xE4, 0x42, 0xff}, // yellow
	color.RGBA{0x00, 0x00, 0x00, 0xff}, // black
}

var (
	grey      = color.RGBA{0x99, 0x99, 0x99, 0xff}
	lightGrey = color.RGBA{0xe8, 0xe8, 0xe8, 0xff}
)

// sans is the chart font: Liberation Sans, metric-compatible with Arial,
// with Latin, Greek and Cyrillic coverage.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// newPlot returns a plot with a title, axis labels and sans-serif text.
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	for _, st := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle,
		&p.X.Tick.Label, &p.Y.Tick.Label, &p.Legend.TextStyle} {
		st.Font.Typeface, st.Font.Variant = sans.Typeface, sans.Variant
	}
	p.Title.TextStyle.Font.Size = 13
	p.Title.Padding = vg.Points(6)
	p.X.Tick.Label.Font.Size = 9
	p.Y.Tick.Label.Font.Size = 9
	p.X.Label.TextStyle.Font.Size = 10
	p.Y.Label.TextStyle.Font.Size = 10
	p.Legend.TextStyle.Font.Size = 9
	return p
}

// rotateX turns x tick labels by 40°, anchored at their end, so long
// names do not overlap.
func rotateX(p *plot.Plot) {
	p.X.Tick.Label.Rotation = 40 * math.Pi / 180
	p.X.Tick.Label.XAlign = text.XRight
	p.X.Tick.Label.YAlign = text.YCenter
}

// shorten truncates s to n runes with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// drawBeside draws p on the left of dc and legend in a column of width lw
// on its right, outside the data area.
func drawBeside(dc draw.Canvas, p *plot.Plot, legend func(draw.Canvas), lw vg.Length) {
	main := draw.Crop(dc, 0, -lw, 0, 0)
	side := draw.Crop(dc, dc.Max.X-dc.Min.X-lw, 0, 0, 0)
	p.Draw(main)
	legend(side)
}

// drawLegend draws l at the top left of c, below a margin for the title.
func drawLegend(l plot.Legend) func(draw.Canvas) {
	return func(c draw.Canvas) {
		l.Top, l.Left = true, true
		l.XOffs = vg.Points(6)
		l.YOffs = -vg.Points(30)
		l.Draw(c)
	}
}

func newLegend() plot.Legend {
	l := plot.NewLegend()
	l.TextStyle.Font.Typeface, l.TextStyle.Font.Variant = sans.Typeface, sans.Variant
	l.TextStyle.Font.Size = 9
	l.Padding = vg.Points(5)
	return l
}

// buildCharts draws the charts the tables support and says why any other
// is missing.
func buildCharts(ts []*table, cfg pipeline.Config) (charts []*chart, notes []string) {
	builders := []func([]*table, pipeline.Config) (*chart, string){
		toneChart, stanceChart, framesChart, newsFramesChart, sourcesChart, rolesChart, entitiesChart, claimsChart, coverageChart, trendsChart, stanceTrendsChart,
	}
	if s := countSamples(ts, cfg); s.unknownUnits > 0 {
		notes = append(notes, fmt.Sprintf("\"unknown\" (%d units without outlet evidence) is in the tables but not in the comparison charts or rankings.", s.unknownUnits))
	}
	for _, b := range builders {
		c, note := b(ts, cfg)
		if c != nil {
			charts = append(charts, c)
		}
		if note != "" {
			notes = append(notes, note)
		}
	}
	return charts, notes
}

func rowsWhere(t *table, keep func(dataframe.DataFrame, int) bool) []int {
	var out []int
	for i := range t.Len() {
		if keep(t.df, i) {
			out = append(out, i)
		}
	}
	return out
}

// errPoints are points with horizontal error bars.
type errPoints struct {
	plotter.XYs
	plotter.XErrors
}

// zeroLine draws a vertical reference line at x = 0.
type zeroLine struct{}

func (zeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	if p.X.Min > 0 || p.X.Max < 0 {
		return
	}
	trX, _ := p.Transforms(&c)
	x := trX(0)
	c.StrokeLine2(draw.LineStyle{Color: grey, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(3)}},
		x, c.Min.Y, x, c.Max.Y)
}

// drawColorBar draws a vertical colour scale for cmap (-1 … +1) as 100
// vector bands with labelled ticks, at the left of c below the title.
func drawColorBar(c draw.Canvas, cmap palette.ColorMap, sty text.Style) {
	const bands = 100
	x0 := c.Min.X + vg.Points(14)
	x1 := x0 + vg.Points(16)
	y0 := c.Min.Y + vg.Points(80)
	y1 := c.Max.Y - vg.Points(40)
	if y1 <= y0 {
		return
	}
	step := (y1 - y0) / bands
	for i := range bands {
		v := -1 + 2*(float64(i)+0.5)/bands
		col, err := cmap.At(v)
		if err != nil {
			continue
		}
		y := y0 + step*vg.Length(i)
		c.FillPolygon(col, []vg.Point{{X: x0, Y: y}, {X: x1, Y: y}, {X: x1, Y: y + step + vg.Points(0.3)}, {X: x0, Y: y + step + vg.Points(0.3)}})
	}
	line := draw.LineStyle{Color: color.Black, Width: vg.Points(0.5)}
	c.StrokeLines(line, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
	sty.XAlign, sty.YAlign = text.XLeft, text.YCenter
	for _, t := range []struct {
		v float64
		s string
	}{{-1, "−1 against"}, {-0.5, "−0.5"}, {0, "0 neutral"}, {0.5, "+0.5"}, {1, "+1 favourable"}} {
		y := y0 + (y1-y0)*vg.Length((t.v+1)/2)
		c.StrokeLine2(line, x1, y, x1+vg.Points(4), y)
		c.FillText(sty, vg.Point{X: x1 + vg.Points(6), Y: y}, t.s)
	}
	sty.XAlign, sty.YAlign = text.XLeft, text.YBottom
	c.FillText(sty, vg.Point{X: x0, Y: y1 + vg.Points(8)}, "stance score")
}

// padRange widens [*lo, *hi] by frac of its width on each side, so that
// markers and error bars at the extremes do not touch the frame.
func padRange(lo, hi *float64, frac float64) {
	d := (*hi - *lo) * frac
	if d == 0 {
		d = 1
	}
	*lo -= d
	*hi += d
}

// maxHeatTargets is how many targets (columns) the heat map shows.
const maxHeatTargets = 15

func nominalTicks(names []string) []plot.Tick {
	ts := make([]plot.Tick, len(names))
	for i, n := range names {
		ts[i] = plot.Tick{Value: float64(i), Label: shorten(n, 24)}
	}
	return ts
}

// intTicks labels whole numbers only, for counts.
type intTicks struct{}

func (intTicks) Ticks(lo, hi float64) []plot.Tick {
	span := hi - lo
	step := 1.0
	for _, st := range []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000} {
		step = st
		if span/st <= 6 {
			break
		}
	}
	for span/step > 6 {
		step *= 10
	}
	var ts []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%.0f", v)})
	}
	return ts
}

// allBuckets returns every bucket from the first to the last of have
// (sorted ISO dates), so that time axes keep gaps to scale.
func allBuckets(have []string, period string) []string {
	if len(have) == 0 {
		return nil
	}
	first, err1 := time.Parse(time.DateOnly, have[0])
	last, err2 := time.Parse(time.DateOnly, have[len(have)-1])
	if err1 != nil || err2 != nil {
		return have
	}
	step := 1
	if period == "week" {
		step = 7
	}
	var out []string
	for d := first; !d.After(last); d = d.AddDate(0, 0, step) {
		out = append(out, d.Format(time.DateOnly))
	}
	// A bucket that is not on the step grid (it cannot happen with
	// buckets from bucket()) would be lost; fall back to what we have.
	for _, h := range have {
		if !slices.Contains(out, h) {
			return have
		}
	}
	return out
}

// dateTicks labels at most n evenly spaced buckets.
func dateTicks(buckets []string, n int) []plot.Tick {
	step := max(1, (len(buckets)+n-1)/n)
	var ts []plot.Tick
	for i, b := range buckets {
		t := plot.Tick{Value: float64(i)}
		if i%step == 0 {
			t.Label = b
		}
		ts = append(ts, t)
	}
	return ts
}

func coverageChart(ts []*table, _ pipeline.Config) (*chart, string) {
	t := findTable(ts, "coverage")
	if t.Len() < 2 {
		return nil, "Coverage over time: the articles do not span several dates."
	}
	period := t.df.Col("period").Elem(0).String()
	buckets := allBuckets(colStrings(t.df, "bucket"), period)
	vals := make(plotter.Values, len(buckets))
	for i, b := range colStrings(t.df, "bucket") {
		vals[slices.Index(buckets, b)] = float64(colInts(t.df, "units")[i])
	}
	c := &chart{Name: "coverage", Title: "Coverage over time", W: vg.Points(min(1400, max(520, 160+18*float64(len(buckets))))), H: vg.Points(340)}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Coverage over time", "article date ("+period+" starting)", "units")
		b, err := plotter.NewBarChart(vals, vg.Points(max(1, min(24, 0.6*(c.W.Points()-160)/float64(len(vals))))))
		if err != nil {
			panic(err)
		}
		b.Color = okabeIto[0]
		b.LineStyle.Width = 0
		p.Add(plotter.NewGrid(), b)
		p.X.Tick.Marker = plot.ConstantTicks(dateTicks(buckets, 12))
		p.Y.Min = 0
		p.Y.Max *= 1.08
		p.Y.Tick.Marker = intTicks{}
		rotateX(p)
		p.Draw(dc)
	}
	return c, ""
}

// glyphs vary the marker as well as the colour, so lines stay apart in
// greyscale.
var glyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.RingGlyph{},
	draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}}
