package reports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxTrendTargets is how many targets the stance trend chart shows, one
// tile each.
const maxTrendTargets = 6

// stanceTrendsChart draws stance over time: one tile per target (most
// mentioned first), one line per outlet with the most mentions overall, in
// the same colour and marker on every tile (n: its mentions), broken at
// gaps; "unknown" is left out.
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
		if outlets[i] == unknownOutlet {
			continue
		}
		byOutlet[outlets[i]] += men[i]
		byTarget[targets[i]] += men[i]
	}
	top := func(m map[string]int, n int) []string {
		keys := sortedKeys(m)
		slices.SortStableFunc(keys, func(a, b string) int { return m[b] - m[a] })
		return keys[:min(n, len(keys))]
	}
	names, tgs := top(byOutlet, maxTrendLines), top(byTarget, maxTrendTargets)
	if len(names) == 0 {
		return nil, "Stance trends: no dated attributed unit mentions a target."
	}
	note := ""
	if len(byOutlet) > len(names) || len(byTarget) > len(tgs) {
		var left []string
		for _, o := range sortedKeys(byOutlet) {
			if !slices.Contains(names, o) {
				left = append(left, o)
			}
		}
		note = fmt.Sprintf("Stance trends chart: shows %d of %d outlets and %d of %d targets (most mentions); trends_stance.csv has all.",
			len(names), len(byOutlet), len(tgs), len(byTarget))
		if len(left) > 0 {
			note += " Outlets left out: " + strings.Join(left[:min(len(left), maxNamedLeftOut)], ", ")
			if len(left) > maxNamedLeftOut {
				note += fmt.Sprintf(" and %d more", len(left)-maxNamedLeftOut)
			}
			note += "."
		}
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
				if _, _, err := trendLines(p, xys, okabeIto[j%len(okabeIto)], glyphs[j%len(glyphs)]); err != nil {
					panic(err)
				}
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
			legend.Add(fmt.Sprintf("%s (n=%d)", shorten(name, 26), byOutlet[name]), l, g)
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
