package reports

import (
	"fmt"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/framewatch/framewatch/pipeline"
)

// toneChart draws each outlet's mean tone with its interval and n: the
// compared outlets on top, sorted by tone, then, below a rule, the
// outlets under the minimum sample in grey with hollow markers. "unknown"
// is left out; at most maxChartOutlets outlets are drawn.
func toneChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "overview")
	names, tone, lo, hi := colStrings(t.df, "outlet"), colFloats(t.df, "tone"), colFloats(t.df, "tone_low"), colFloats(t.df, "tone_high")
	units := colInts(t.df, "tone_units")
	row := map[string]int{}
	var have []string
	for i, n := range names {
		if finite(tone[i]) && finite(lo[i]) && finite(hi[i]) {
			have = append(have, n)
			row[n] = i
		}
	}
	pick := pickOutlets(ts, cfg, have, maxChartOutlets)
	if len(pick.shown) == 0 {
		return nil, "Tone by outlet: no attributed unit has a tone score."
	}
	// Bottom to top: nominal Y puts index 0 at the bottom.
	byTone := func(a, b string) int {
		x, y := tone[row[a]], tone[row[b]]
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return strings.Compare(b, a)
	}
	var ok, small []string
	for _, o := range pick.shown {
		if pick.small(o) {
			small = append(small, o)
		} else {
			ok = append(ok, o)
		}
	}
	slices.SortStableFunc(ok, byTone)
	slices.SortStableFunc(small, byTone)
	sep := -1 // the rule's row, when both groups are drawn
	order := slices.Clone(small)
	if len(small) > 0 && len(ok) > 0 {
		sep = len(order)
		order = append(order, "")
	}
	order = append(order, ok...)
	n := len(order)
	c := &chart{Name: "tone_by_outlet", Title: "Tone by outlet", W: vg.Points(700), H: vg.Points(90 + 18*float64(n))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Tone by outlet (mean and 95% bootstrap interval over n units)", "tone (positive − negative, % of words)", "")
		labels := make([]string, n)
		p.Add(plotter.NewGrid(), zeroLine{})
		for g, group := range [][]string{ok, small} {
			if len(group) == 0 {
				continue
			}
			ep := errPoints{}
			for k, name := range order {
				if name == "" || !slices.Contains(group, name) {
					continue
				}
				i := row[name]
				ep.XYs = append(ep.XYs, plotter.XY{X: tone[i], Y: float64(k)})
				ep.XErrors = append(ep.XErrors, struct{ Low, High float64 }{tone[i] - lo[i], hi[i] - tone[i]})
			}
			bars, err := plotter.NewXErrorBars(ep)
			if err != nil {
				panic(err)
			}
			pts, err := plotter.NewScatter(ep)
			if err != nil {
				panic(err)
			}
			col, shape := okabeIto[0], draw.GlyphDrawer(draw.CircleGlyph{})
			if g == 1 {
				col, shape = grey, draw.RingGlyph{}
			}
			bars.LineStyle.Width, bars.LineStyle.Color = vg.Points(1.5), col
			pts.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(3.5), Shape: shape}
			p.Add(bars, pts)
		}
		for k, name := range order {
			if name == "" {
				labels[k] = "— " + pick.smallNote() + " —"
				continue
			}
			labels[k] = fmt.Sprintf("%s (n=%d)", shorten(name, 40), units[row[name]])
		}
		if sep >= 0 {
			p.Add(groupRule{y: float64(sep)})
		}
		p.NominalY(labels...)
		p.Y.Padding = vg.Points(8)
		padRange(&p.X.Min, &p.X.Max, 0.05)
		p.Draw(dc)
	}
	return c, pick.note("Tone by outlet chart", "overview")
}

// groupRule draws a horizontal grey rule across the data area at y, to
// set a group of rows apart.
type groupRule struct{ y float64 }

func (g groupRule) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	y := trY(g.y)
	c.StrokeLine2(draw.LineStyle{Color: grey, Width: vg.Points(0.8)}, c.Min.X, y, c.Max.X, y)
}
