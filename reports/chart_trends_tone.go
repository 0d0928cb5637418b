package reports

import (
	"slices"

	"github.com/framewatch/framewatch/pipeline"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxTrendLines is how many outlets the trend chart draws (most units
// first), one Okabe-Ito colour each.
const maxTrendLines = 8

// trendsChart draws the mean tone per bucket of the outlets with most
// units, one line each, broken where no unit was published for more than
// maxGapBuckets buckets; "unknown" is left out.
func trendsChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "trends_tone")
	cov := findTable(ts, "coverage")
	if cov.Len() < 2 {
		return nil, "Trends: the articles do not span several dates."
	}
	period := cov.df.Col("period").Elem(0).String()
	buckets := allBuckets(colStrings(cov.df, "bucket"), period)
	outlets, bks, tone := colStrings(t.df, "outlet"), colStrings(t.df, "bucket"), colFloats(t.df, "tone")
	var have []string
	for i, o := range outlets {
		if finite(tone[i]) {
			have = append(have, o)
		}
	}
	pick := pickOutlets(ts, cfg, have, maxTrendLines)
	names := pick.shown
	if len(names) == 0 {
		return nil, "Trends: no dated attributed unit has a tone score."
	}
	note := pick.note("Tone trends chart", "trends_tone")
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
			col := okabeIto[k%len(okabeIto)]
			line, pts, err := trendLines(p, xys, col, glyphs[k%len(glyphs)])
			if err != nil {
				panic(err)
			}
			legend.Add(pick.label(name, 28), line, pts)
		}
		p.X.Tick.Marker = plot.ConstantTicks(dateTicks(buckets, 12))
		p.X.Min, p.X.Max = -0.5, float64(len(buckets))-0.5
		padRange(&p.Y.Min, &p.Y.Max, 0.05)
		rotateX(p)
		drawBeside(dc, p, drawLegend(legend), vg.Points(200))
	}
	return c, note
}
