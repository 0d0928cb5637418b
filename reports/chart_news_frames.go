package reports

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/framewatch/framewatch/pipeline"
)

// newsFrameGlyphs give each news frame a marker besides its colour.
var newsFrameGlyphs = [len(newsFrameOrder)]draw.GlyphDrawer{
	draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{},
}

// newsFramesChart draws, per outlet, the share of its units with each
// generic news frame and its bootstrap interval (news_frames): one row
// per outlet, the five frames side by side in it, the compared outlets
// first and those under the minimum sample below a rule; "unknown" is
// left out.
func newsFramesChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "news_frames")
	if t == nil || t.Len() == 0 {
		return nil, "Generic news frames: no unit was scored."
	}
	outlets, frameIDs := colStrings(t.df, "outlet"), colStrings(t.df, "frame")
	share, lo, hi := colFloats(t.df, "share"), colFloats(t.df, "low"), colFloats(t.df, "high")
	var have []string
	for _, o := range outlets {
		if len(have) == 0 || have[len(have)-1] != o {
			have = append(have, o)
		}
	}
	pick := pickOutlets(ts, cfg, have, maxChartOutlets)
	if len(pick.shown) == 0 {
		return nil, "Generic news frames: no attributed unit was scored."
	}
	rows := pick.groups() // top to bottom
	slices.Reverse(rows)  // nominal Y: index 0 at the bottom
	n := len(rows)
	row := map[string]int{}
	for k, o := range rows {
		if o != "" {
			row[o] = k
		}
	}
	// One series per frame, built before drawing so that bad input is an
	// error here rather than in the draw code.
	type frameSeries struct {
		label string
		bars  *plotter.XErrorBars
		pts   *plotter.Scatter
	}
	var series []frameSeries
	for j, id := range newsFrameOrder {
		ep := errPoints{}
		for i := range outlets {
			k, ok := row[outlets[i]]
			if !ok || frameIDs[i] != id {
				continue
			}
			// The five frames spread over ±0.3 of the outlet's row, first
			// on top.
			y := float64(k) + 0.3 - 0.15*float64(j)
			ep.XYs = append(ep.XYs, plotter.XY{X: share[i], Y: y})
			ep.XErrors = append(ep.XErrors, struct{ Low, High float64 }{share[i] - lo[i], hi[i] - share[i]})
		}
		if len(ep.XYs) == 0 {
			continue
		}
		bars, err := plotter.NewXErrorBars(ep)
		if err != nil {
			return nil, fmt.Sprintf("Generic news frames: %v.", err)
		}
		pts, err := plotter.NewScatter(ep)
		if err != nil {
			return nil, fmt.Sprintf("Generic news frames: %v.", err)
		}
		col := okabeIto[j%len(okabeIto)]
		bars.LineStyle.Width, bars.LineStyle.Color = vg.Points(1), col
		bars.CapWidth = vg.Points(3)
		pts.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(2.8), Shape: newsFrameGlyphs[j]}
		series = append(series, frameSeries{newsFrameLabels[j], bars, pts})
	}
	labels := make([]string, n)
	for k, o := range rows {
		labels[k] = pick.rowLabel(o)
	}
	c := &chart{Name: "news_frames", Title: "Generic news frames by outlet", W: vg.Points(760), H: vg.Points(max(260, 90+22*float64(n)))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Generic news frames by outlet (share of units, 95% bootstrap interval)", "share of the outlet's units with the frame", "")
		p.Add(plotter.NewGrid())
		legend := newLegend()
		for _, s := range series {
			p.Add(s.bars, s.pts)
			legend.Add(s.label, s.pts)
		}
		for k, o := range rows {
			if o == "" {
				p.Add(groupRule{y: float64(k)})
			}
		}
		p.NominalY(labels...)
		p.Y.Padding = vg.Points(8)
		p.X.Min, p.X.Max = 0, 1
		padRange(&p.X.Min, &p.X.Max, 0.02)
		drawBeside(dc, p, drawLegend(legend), vg.Points(130))
	}
	return c, pick.note("Generic news frames chart", "news_frames")
}
