package reports

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxGapBuckets is the longest run of empty buckets a trend line bridges:
// a line joining points further apart would suggest values nobody
// published, so it breaks there and the points stand alone.
const maxGapBuckets = 2

// trendSegments splits points sorted by x (bucket numbers) into the runs
// a line may join: a new run starts where more than maxGapBuckets empty
// buckets lie between two points.
func trendSegments(xys plotter.XYs) []plotter.XYs {
	var out []plotter.XYs
	start := 0
	for i := 1; i <= len(xys); i++ {
		if i == len(xys) || xys[i].X-xys[i-1].X > maxGapBuckets+1 {
			out = append(out, xys[start:i])
			start = i
		}
	}
	return out
}

// trendLines adds xys to p as markers joined by lines that break at gaps
// (trendSegments), in one colour and glyph, and returns a line and the
// markers for the legend.
func trendLines(p *plot.Plot, xys plotter.XYs, col color.Color, glyph draw.GlyphDrawer) (*plotter.Line, *plotter.Scatter, error) {
	var first *plotter.Line
	for _, seg := range trendSegments(xys) {
		if len(seg) < 2 {
			continue
		}
		l, err := plotter.NewLine(seg)
		if err != nil {
			return nil, nil, err
		}
		l.Color, l.Width = col, vg.Points(1.5)
		p.Add(l)
		if first == nil {
			first = l
		}
	}
	if first == nil {
		first = &plotter.Line{LineStyle: draw.LineStyle{Color: col, Width: vg.Points(1.5)}}
	}
	pts, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, nil, err
	}
	pts.Color, pts.Shape = col, glyph
	p.Add(pts)
	return first, pts, nil
}
