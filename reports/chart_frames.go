package reports

import (
	"fmt"
	"slices"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxFrameSeries is how many frames the stacked bars show separately; the
// rest are pooled, so that every series has a distinct colour-blind-safe
// colour.
const maxFrameSeries = 7

// framesChart draws each outlet's frame shares as stacked bars, the
// compared outlets first, those under the minimum sample below a gap;
// "unknown" is left out.
func framesChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "frames")
	units := colInts(t.df, "units")
	outlets := colStrings(t.df, "outlet")
	all := rowsWhere(t, func(_ dataframe.DataFrame, i int) bool { return units[i] > 0 && outlets[i] != unknownOutlet })
	if len(all) == 0 {
		return nil, "Frame shares: no attributed unit has frame scores."
	}
	var have []string
	for _, i := range all {
		have = append(have, outlets[i])
	}
	pick := pickOutlets(ts, cfg, have, maxChartOutlets)
	// rows top to bottom, -1 for the gap between the groups.
	var rows []int
	for _, o := range pick.groups() {
		rows = append(rows, slices.IndexFunc(all, func(i int) bool { return o != "" && outlets[i] == o }))
	}
	for k, i := range rows {
		if i >= 0 {
			rows[k] = all[i]
		}
	}
	idx := slices.DeleteFunc(slices.Clone(rows), func(i int) bool { return i < 0 })
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
	n := len(rows)
	c := &chart{Name: "frames", Title: "Frame shares by outlet", W: vg.Points(760), H: vg.Points(max(260, 90+18*float64(n)))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Frame shares by outlet", "share of frame cues", "")
		legend := newLegend()
		labels := make([]string, n)
		rev := slices.Clone(rows)
		slices.Reverse(rev) // first outlet at the top
		for k, i := range rev {
			if i < 0 {
				labels[k] = pick.rowLabel("")
				continue
			}
			labels[k] = fmt.Sprintf("%s (n=%d)", shorten(outlets[i], 40), units[i])
		}
		var prev *plotter.BarChart
		series := append(slices.Clone(shown), -1)
		for s, j := range series {
			vals := make(plotter.Values, n)
			for k, i := range rev {
				if i < 0 {
					continue
				}
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
			b, err := plotter.NewBarChart(vals, vg.Points(12))
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
	return c, pick.note("Frame shares chart", "frames")
}
