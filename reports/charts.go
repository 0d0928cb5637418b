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
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"git.sr.ht/~sbinet/gg"
	"github.com/go-gota/gota/dataframe"
	"golang.org/x/sync/errgroup"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
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
func (c *chart) render(w io.Writer, format string, dpi int) error {
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
		toneChart, stanceChart, framesChart, entitiesChart, claimsChart, coverageChart, trendsChart, stanceTrendsChart,
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

func toneChart(ts []*table, _ pipeline.Config) (*chart, string) {
	t := findTable(ts, "overview")
	names, tone, lo, hi := colStrings(t.df, "outlet"), colFloats(t.df, "tone"), colFloats(t.df, "tone_low"), colFloats(t.df, "tone_high")
	units := colInts(t.df, "tone_units")
	idx := rowsWhere(t, func(_ dataframe.DataFrame, i int) bool { return finite(tone[i]) && finite(lo[i]) && finite(hi[i]) })
	if len(idx) == 0 {
		return nil, "Tone by outlet: no unit has a tone score."
	}
	// Most positive at the top: nominal Y puts index 0 at the bottom.
	slices.SortStableFunc(idx, func(a, b int) int {
		if tone[a] != tone[b] {
			if tone[a] < tone[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(names[b], names[a])
	})
	n := len(idx)
	c := &chart{Name: "tone_by_outlet", Title: "Tone by outlet", W: vg.Points(620), H: vg.Points(90 + 22*float64(n))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Tone by outlet (mean and 95% bootstrap interval over n units)", "tone (positive − negative, % of words)", "")
		ep := errPoints{XYs: make(plotter.XYs, n), XErrors: make(plotter.XErrors, n)}
		labels := make([]string, n)
		for k, i := range idx {
			ep.XYs[k] = plotter.XY{X: tone[i], Y: float64(k)}
			ep.XErrors[k] = struct{ Low, High float64 }{tone[i] - lo[i], hi[i] - tone[i]}
			labels[k] = fmt.Sprintf("%s (n=%d)", shorten(names[i], 40), units[i])
		}
		bars, err := plotter.NewXErrorBars(ep)
		if err != nil {
			panic(err)
		}
		bars.LineStyle.Width = vg.Points(1.5)
		bars.LineStyle.Color = okabeIto[0]
		pts, err := plotter.NewScatter(ep)
		if err != nil {
			panic(err)
		}
		pts.GlyphStyle.Color = okabeIto[0]
		pts.GlyphStyle.Radius = vg.Points(3.5)
		pts.GlyphStyle.Shape = draw.CircleGlyph{}
		zero := plotter.NewFunction(func(float64) float64 { return 0 })
		_ = zero
		p.Add(plotter.NewGrid(), zeroLine{}, bars, pts)
		p.NominalY(labels...)
		p.Y.Padding = vg.Points(8)
		padRange(&p.X.Min, &p.X.Max, 0.05)
		p.Draw(dc)
	}
	return c, ""
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

// stanceCells draws an outlet × target heat map: one coloured cell per
// pair with its score written in it; pairs without mentions are grey.
type stanceCells struct {
	rows, cols int
	score      [][]float64 // [row][col], NaN when missing
	cmap       palette.ColorMap
	font       font.Face
}

func (s *stanceCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -0.5, float64(s.cols) - 0.5, -0.5, float64(s.rows) - 0.5
}

func (s *stanceCells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := text.Style{Font: s.font.Font, Handler: p.Title.TextStyle.Handler, XAlign: text.XCenter, YAlign: text.YCenter}
	for i := range s.rows {
		for j := range s.cols {
			x0, x1 := trX(float64(j)-0.5), trX(float64(j)+0.5)
			y0, y1 := trY(float64(i)-0.5), trY(float64(i)+0.5)
			v := s.score[i][j]
			fill := color.Color(lightGrey)
			label := "–"
			if finite(v) {
				col, err := s.cmap.At(max(-1, min(1, v)))
				if err == nil {
					fill = col
				}
				label = fmt.Sprintf("%+.2f", v)
			}
			rect := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			c.FillPolygon(fill, rect)
			c.StrokeLines(draw.LineStyle{Color: color.White, Width: vg.Points(1.5)}, append(rect, rect[0]))
			sty.Color = color.Black
			c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, label)
		}
	}
}

func stanceChart(ts []*table, _ pipeline.Config) (*chart, string) {
	t := findTable(ts, "stance")
	idx := rowsWhere(t, func(df dataframe.DataFrame, i int) bool { return df.Col("voice").Elem(i).String() == "all" })
	if len(idx) == 0 {
		return nil, "Stance heat map: no stance target was mentioned."
	}
	outlets, targets, scores := colStrings(t.df, "outlet"), colStrings(t.df, "target"), colFloats(t.df, "score")
	var rowNames, colNames []string
	for _, i := range idx {
		if !slices.Contains(rowNames, outlets[i]) {
			rowNames = append(rowNames, outlets[i])
		}
		if !slices.Contains(colNames, targets[i]) {
			colNames = append(colNames, targets[i])
		}
	}
	note := ""
	if len(colNames) > maxHeatTargets {
		men := colInts(t.df, "mentions")
		total := map[string]int{}
		for _, i := range idx {
			total[targets[i]] += men[i]
		}
		slices.SortStableFunc(colNames, func(a, b string) int { return total[b] - total[a] })
		note = fmt.Sprintf("Stance heat map: shows the %d most mentioned of %d targets; stance.csv has all.", maxHeatTargets, len(colNames))
		colNames = colNames[:maxHeatTargets]
		idx = slices.DeleteFunc(idx, func(i int) bool { return !slices.Contains(colNames, targets[i]) })
	}
	slices.Sort(colNames)
	slices.Sort(rowNames)
	slices.Reverse(rowNames) // first outlet at the top
	grid := make([][]float64, len(rowNames))
	for r := range grid {
		grid[r] = make([]float64, len(colNames))
		for k := range grid[r] {
			grid[r][k] = math.NaN()
		}
	}
	for _, i := range idx {
		grid[slices.Index(rowNames, outlets[i])][slices.Index(colNames, targets[i])] = scores[i]
	}
	w := 300 + 70*float64(len(colNames))
	c := &chart{Name: "stance_heatmap", Title: "Stance by outlet and target", W: vg.Points(max(520, w)), H: vg.Points(150 + 26*float64(len(rowNames)))}
	c.draw = func(dc draw.Canvas) {
		cmap := moreland.SmoothPurpleOrange()
		cmap.SetMin(-1)
		cmap.SetMax(1)
		p := newPlot("Stance by outlet and target (mean score, all voices)", "target", "")
		cells := &stanceCells{rows: len(rowNames), cols: len(colNames), score: grid, cmap: cmap,
			font: p.Y.Tick.Label.Handler.Cache().Lookup(p.Y.Tick.Label.Font, 9)}
		p.Add(cells)
		labels := make([]string, len(rowNames))
		for i, n := range rowNames {
			labels[i] = shorten(n, 40)
		}
		p.NominalY(labels...)
		p.NominalX(colNames...)
		rotateX(p)
		p.HideX()
		p.X.Tick.Label.Font.Size = 9
		p.X.Tick.Length = 0
		p.X.Label.Text = "target"
		// HideX hides the labels too; show them again.
		p.X.Tick.Label.Color = color.Black
		p.X.Tick.Marker = plot.ConstantTicks(nominalTicks(colNames))
		p.X.Label.TextStyle.Color = color.Black
		drawBeside(dc, p, func(side draw.Canvas) {
			drawColorBar(side, cmap, p.Y.Tick.Label)
		}, vg.Points(150))
	}
	return c, note
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

// maxFrameSeries is how many frames the stacked bars show separately; the
// rest are pooled, so that every series has a distinct colour-blind-safe
// colour.
const maxFrameSeries = 7

func framesChart(ts []*table, _ pipeline.Config) (*chart, string) {
	t := findTable(ts, "frames")
	units := colInts(t.df, "units")
	idx := rowsWhere(t, func(_ dataframe.DataFrame, i int) bool { return units[i] > 0 })
	if len(idx) == 0 {
		return nil, "Frame shares: no unit has frame scores."
	}
	outlets := colStrings(t.df, "outlet")
	frames := t.Columns()[2:]
	mean := make([]float64, len(frames))
	shares := make([][]float64, len(frames))
	for j, f := range frames {
		shares[j] = colFloats(t.df, f)
		for _, i := range idx {
			mean[j] += shares[j][i]
		}
	}
	order := make([]int, len(frames))
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case mean[a] > mean[b]:
			return -1
		case mean[a] < mean[b]:
			return 1
		}
		return 0
	})
	var shown []int
	for _, j := range order {
		if mean[j] > 0 && len(shown) < maxFrameSeries {
			shown = append(shown, j)
		}
	}
	n := len(idx)
	c := &chart{Name: "frames", Title: "Frame shares by outlet", W: vg.Points(760), H: vg.Points(max(260, 90+22*float64(n)))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Frame shares by outlet", "share of frame cues", "")
		legend := newLegend()
		labels := make([]string, n)
		rev := slices.Clone(idx)
		slices.Reverse(rev) // first outlet at the top
		for k, i := range rev {
			labels[k] = shorten(outlets[i], 40)
		}
		var prev *plotter.BarChart
		series := append(slices.Clone(shown), -1)
		for s, j := range series {
			vals := make(plotter.Values, n)
			for k, i := range rev {
				if j >= 0 {
					vals[k] = shares[j][i]
					continue
				}
				rest := 1.0
				for _, sj := range shown {
					rest -= shares[sj][i]
				}
				vals[k] = max(0, rest)
			}
			b, err := plotter.NewBarChart(vals, vg.Points(14))
			if err != nil {
				panic(err)
			}
			b.Horizontal = true
			b.LineStyle.Width = 0
			if j >= 0 {
				b.Color = okabeIto[s%len(okabeIto)]
			} else {
				b.Color = grey
			}
			if prev != nil {
				b.StackOn(prev)
			}
			prev = b
			p.Add(b)
			name := "other frames"
			if j >= 0 {
				name = frameLabel(frames[j])
			}
			legend.Add(name, b)
		}
		p.NominalY(labels...)
		p.X.Min, p.X.Max = 0, 1
		drawBeside(dc, p, drawLegend(legend), vg.Points(170))
	}
	return c, ""
}

// entitiesPerTile and maxEntityTiles bound the small multiples.
const (
	entitiesPerTile = 5
	maxEntityTiles  = 24
	entityTileCols  = 3
)

func entitiesChart(ts []*table, _ pipeline.Config) (*chart, string) {
	t := findTable(ts, "top_entities")
	if t.Len() == 0 {
		return nil, "Top entities: no entity was found."
	}
	outlets, entities, ranks, men := colStrings(t.df, "outlet"), colStrings(t.df, "entity"), colInts(t.df, "rank"), colInts(t.df, "mentions")
	var names []string
	for _, o := range outlets {
		if !slices.Contains(names, o) {
			names = append(names, o)
		}
	}
	note := ""
	if len(names) > maxEntityTiles {
		// Keep the outlets with most units, in alphabetical order.
		ov := findTable(ts, "overview")
		units := map[string]int{}
		for i, o := range colStrings(ov.df, "outlet") {
			units[o] = colInts(ov.df, "units")[i]
		}
		byUnits := slices.Clone(names)
		slices.SortStableFunc(byUnits, func(a, b string) int { return units[b] - units[a] })
		keep := byUnits[:maxEntityTiles]
		names = slices.DeleteFunc(names, func(n string) bool { return !slices.Contains(keep, n) })
		note = fmt.Sprintf("Top entities chart: shows the %d outlets with most units of %d; top_entities.csv lists all.", maxEntityTiles, len(byUnits))
	}
	rows := (len(names) + entityTileCols - 1) / entityTileCols
	c := &chart{Name: "top_entities", Title: "Top entities by outlet", W: vg.Points(900), H: vg.Points(40 + 150*float64(rows))}
	c.draw = func(dc draw.Canvas) {
		title := newPlot("", "", "")
		sty := title.Title.TextStyle
		sty.XAlign, sty.YAlign = text.XCenter, text.YTop
		dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y - vg.Points(6)}, fmt.Sprintf("Top %d entities by outlet (mentions)", entitiesPerTile))
		body := draw.Crop(dc, 0, 0, 0, -vg.Points(30))
		plots := make([][]*plot.Plot, rows)
		for r := range plots {
			plots[r] = make([]*plot.Plot, entityTileCols)
		}
		for k, name := range names {
			var vals plotter.Values
			var labels []string
			for i := range outlets {
				if outlets[i] == name && ranks[i] <= entitiesPerTile {
					vals = append(vals, float64(men[i]))
					labels = append(labels, shorten(entities[i], 22))
				}
			}
			slices.Reverse(vals)
			slices.Reverse(labels)
			p := newPlot(shorten(name, 40), "", "")
			p.Title.TextStyle.Font.Size = 10
			b, err := plotter.NewBarChart(vals, vg.Points(10))
			if err != nil {
				panic(err)
			}
			b.Horizontal = true
			b.Color = okabeIto[0]
			b.LineStyle.Width = 0
			p.Add(b)
			p.NominalY(labels...)
			p.X.Min = 0
			p.X.Tick.Marker = intTicks{}
			p.X.Tick.Label.Font.Size = 8
			p.Y.Tick.Label.Font.Size = 8
			plots[k/entityTileCols][k%entityTileCols] = p
		}
		tiles := draw.Tiles{Rows: rows, Cols: entityTileCols, PadX: vg.Points(14), PadY: vg.Points(10),
			PadLeft: vg.Points(4), PadRight: vg.Points(8), PadBottom: vg.Points(4)}
		canvases := plot.Align(plots, tiles, body)
		for r := range plots {
			for k := range plots[r] {
				if plots[r][k] != nil {
					plots[r][k].Draw(canvases[r][k])
				}
			}
		}
	}
	return c, note
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

// maxClaimRows is how many claims the dot matrix shows.
const maxClaimRows = 20

func claimsChart(ts []*table, _ pipeline.Config) (*chart, string) {
	t := findTable(ts, "claims")
	if t.Len() == 0 {
		return nil, "Claims: no figure was found."
	}
	n := min(t.Len(), maxClaimRows)
	ids, lists, conflict := colStrings(t.df, "claim_id"), colStrings(t.df, "outlet_list"), t.df.Col("conflict").Records()
	vals, units, counted := colFloats(t.df, "value"), colStrings(t.df, "unit"), colStrings(t.df, "counted")
	var outlets []string
	for i := range n {
		for _, o := range strings.Split(lists[i], "; ") {
			if !slices.Contains(outlets, o) {
				outlets = append(outlets, o)
			}
		}
	}
	slices.Sort(outlets)
	c := &chart{Name: "claims", Title: "Which outlets cite which figures", W: vg.Points(max(560, 380+34*float64(len(outlets)))), H: vg.Points(190 + 20*float64(n))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Which outlets cite which figures", "", "")
		var ok, bad plotter.XYs
		labels := make([]string, n)
		for i := range n {
			y := float64(n - 1 - i) // first claim at the top
			labels[n-1-i] = ids[i] + "  " + shorten(claimLabel(claim{Value: vals[i], Unit: units[i], Counted: counted[i]}), 38)
			for _, o := range strings.Split(lists[i], "; ") {
				pt := plotter.XY{X: float64(slices.Index(outlets, o)), Y: y}
				if conflict[i] == "true" {
					bad = append(bad, pt)
				} else {
					ok = append(ok, pt)
				}
			}
		}
		legend := newLegend()
		p.Add(plotter.NewGrid())
		for _, s := range []struct {
			xys   plotter.XYs
			col   color.Color
			shape draw.GlyphDrawer
			name  string
		}{{ok, okabeIto[0], draw.CircleGlyph{}, "cited (no conflict)"}, {bad, okabeIto[5], draw.PyramidGlyph{}, "conflicting values"}} {
			if len(s.xys) == 0 {
				continue
			}
			sc, err := plotter.NewScatter(s.xys)
			if err != nil {
				panic(err)
			}
			sc.GlyphStyle = draw.GlyphStyle{Color: s.col, Radius: vg.Points(4.5), Shape: s.shape}
			p.Add(sc)
			legend.Add(s.name, sc)
		}
		p.NominalY(labels...)
		p.NominalX(shortenAll(outlets, 30)...)
		rotateX(p)
		drawBeside(dc, p, drawLegend(legend), vg.Points(140))
	}
	return c, ""
}

func shortenAll(ss []string, n int) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = shorten(s, n)
	}
	return out
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

// maxTrendLines is how many outlets the trend chart draws (most units
// first), one Okabe-Ito colour each.
const maxTrendLines = 8

func trendsChart(ts []*table, _ pipeline.Config) (*chart, string) {
	t := findTable(ts, "trends_tone")
	cov := findTable(ts, "coverage")
	if cov.Len() < 2 {
		return nil, "Trends: the articles do not span several dates."
	}
	period := cov.df.Col("period").Elem(0).String()
	buckets := allBuckets(colStrings(cov.df, "bucket"), period)
	outlets, bks, units, tone := colStrings(t.df, "outlet"), colStrings(t.df, "bucket"), colInts(t.df, "units"), colFloats(t.df, "tone")
	total := map[string]int{}
	for i, o := range outlets {
		if finite(tone[i]) {
			total[o] += units[i]
		}
	}
	names := sortedKeys(total)
	slices.SortStableFunc(names, func(a, b string) int { return total[b] - total[a] })
	note := ""
	if len(names) > maxTrendLines {
		note = fmt.Sprintf("Tone trends chart: shows the %d outlets with most units; trends_tone.csv has all.", maxTrendLines)
		names = names[:maxTrendLines]
	}
	if len(names) == 0 {
		return nil, "Trends: no dated unit has a tone score."
	}
	c := &chart{Name: "trends_tone", Title: "Tone over time", W: vg.Points(min(1400, max(680, 320+14*float64(len(buckets))))), H: vg.Points(400)}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Tone by outlet over time", "article date ("+period+" starting)", "mean tone")
		p.Add(plotter.NewGrid())
		legend := newLegend()
		for k, name := range names {
			var xys plotter.XYs
			for i := range outlets {
				if outlets[i] == name && finite(tone[i]) {
					xys = append(xys, plotter.XY{X: float64(slices.Index(buckets, bks[i])), Y: tone[i]})
				}
			}
			line, pts, err := plotter.NewLinePoints(xys)
			if err != nil {
				panic(err)
			}
			col := okabeIto[k%len(okabeIto)]
			line.Color = col
			line.Width = vg.Points(1.5)
			pts.Color = col
			pts.Shape = glyphs[k%len(glyphs)]
			p.Add(line, pts)
			legend.Add(shorten(name, 30), line, pts)
		}
		p.X.Tick.Marker = plot.ConstantTicks(dateTicks(buckets, 12))
		p.X.Min, p.X.Max = -0.5, float64(len(buckets))-0.5
		padRange(&p.Y.Min, &p.Y.Max, 0.05)
		rotateX(p)
		drawBeside(dc, p, drawLegend(legend), vg.Points(200))
	}
	return c, note
}

// glyphs vary the marker as well as the colour, so lines stay apart in
// greyscale.
var glyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.RingGlyph{},
	draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}}

// maxTrendTargets is how many targets the stance trend chart shows, one
// tile each.
const maxTrendTargets = 6

// stanceTrendsChart draws stance over time: one tile per target (most
// mentioned first), one line per outlet with the most mentions overall, in
// the same colour and marker on every tile.
func stanceTrendsChart(ts []*table, _ pipeline.Config) (*chart, string) {
	t := findTable(ts, "trends_stance")
	cov := findTable(ts, "coverage")
	if cov.Len() < 2 || t.Len() == 0 {
		return nil, "Stance trends: the articles do not span several dates or mention no target."
	}
	period := cov.df.Col("period").Elem(0).String()
	buckets := allBuckets(colStrings(cov.df, "bucket"), period)
	outlets, targets, bks := colStrings(t.df, "outlet"), colStrings(t.df, "target"), colStrings(t.df, "bucket")
	men, score := colInts(t.df, "mentions"), colFloats(t.df, "score")
	byOutlet, byTarget := map[string]int{}, map[string]int{}
	for i := range outlets {
		byOutlet[outlets[i]] += men[i]
		byTarget[targets[i]] += men[i]
	}
	top := func(m map[string]int, n int) []string {
		keys := sortedKeys(m)
		slices.SortStableFunc(keys, func(a, b string) int { return m[b] - m[a] })
		return keys[:min(n, len(keys))]
	}
	names, tgs := top(byOutlet, maxTrendLines), top(byTarget, maxTrendTargets)
	note := ""
	if len(byOutlet) > len(names) || len(byTarget) > len(tgs) {
		note = fmt.Sprintf("Stance trends chart: shows %d of %d outlets and %d of %d targets (most mentions); trends_stance.csv has all.",
			len(names), len(byOutlet), len(tgs), len(byTarget))
	}
	const cols = 2
	rows := (len(tgs) + cols - 1) / cols
	c := &chart{Name: "trends_stance", Title: "Stance over time", W: vg.Points(min(1400, max(760, 380+2*10*float64(len(buckets))))), H: vg.Points(50 + 230*float64(rows))}
	c.draw = func(dc draw.Canvas) {
		legend := newLegend()
		plots := make([][]*plot.Plot, rows)
		for r := range plots {
			plots[r] = make([]*plot.Plot, cols)
		}
		for k, target := range tgs {
			p := newPlot(shorten(target, 40), "", "stance")
			p.Title.TextStyle.Font.Size = 11
			p.Add(plotter.NewGrid())
			for j, name := range names {
				var xys plotter.XYs
				for i := range outlets {
					if outlets[i] == name && targets[i] == target && finite(score[i]) {
						xys = append(xys, plotter.XY{X: float64(slices.Index(buckets, bks[i])), Y: score[i]})
					}
				}
				if len(xys) == 0 {
					continue
				}
				line, pts, err := plotter.NewLinePoints(xys)
				if err != nil {
					panic(err)
				}
				col := okabeIto[j%len(okabeIto)]
				line.Color, line.Width = col, vg.Points(1.5)
				pts.Color, pts.Shape = col, glyphs[j%len(glyphs)]
				p.Add(line, pts)
			}
			p.Y.Min, p.Y.Max = -1, 1
			p.X.Min, p.X.Max = -0.5, float64(len(buckets))-0.5
			p.X.Tick.Marker = plot.ConstantTicks(dateTicks(buckets, 6))
			p.X.Tick.Label.Font.Size = 8
			rotateX(p)
			plots[k/cols][k%cols] = p
		}
		for j, name := range names {
			col := okabeIto[j%len(okabeIto)]
			l := plotter.NewFunction(func(float64) float64 { return 0 })
			l.Color, l.Width = col, vg.Points(1.5)
			g := &plotter.Scatter{GlyphStyle: draw.GlyphStyle{Color: col, Radius: vg.Points(3), Shape: glyphs[j%len(glyphs)]}}
			legend.Add(shorten(name, 30), l, g)
		}
		title := newPlot("", "", "")
		sty := title.Title.TextStyle
		sty.XAlign, sty.YAlign = text.XCenter, text.YTop
		main := draw.Crop(dc, 0, -vg.Points(210), 0, 0)
		main.FillText(sty, vg.Point{X: (main.Min.X + main.Max.X) / 2, Y: main.Max.Y - vg.Points(4)},
			"Stance by outlet over time (mean score per "+period+", −1 against … +1 favourable)")
		body := draw.Crop(main, 0, 0, 0, -vg.Points(28))
		tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(18), PadY: vg.Points(12), PadRight: vg.Points(6), PadBottom: vg.Points(4)}
		canvases := plot.Align(plots, tiles, body)
		for r := range plots {
			for k := range plots[r] {
				if plots[r][k] != nil {
					plots[r][k].Draw(canvases[r][k])
				}
			}
		}
		drawLegend(legend)(draw.Crop(dc, dc.Max.X-dc.Min.X-vg.Points(210), 0, 0, 0))
	}
	return c, note
}
