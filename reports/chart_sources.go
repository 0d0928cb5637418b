package reports

import (
	"fmt"
	"slices"

	"github.com/framewatch/framewatch/pipeline"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sourceKindLabels name the kinds of source in the chart's legend.
var sourceKindLabels = map[string]string{
	pipeline.SourceOfficial: "official",
	pipeline.SourceExpert:   "expert",
	pipeline.SourceOutlet:   "other outlet",
	pipeline.SourceUnnamed:  `unnamed ("officials said")`,
	pipeline.SourceOther:    "other named",
	sourceNone:              "attributed to no one",
}

// sourcesChart draws each outlet's quotes by kind of source as stacked
// shares, the compared outlets first, those under the minimum sample below
// a gap; "unknown" is left out.
func sourcesChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "sources")
	outlets, groups, names := colStrings(t.df, "outlet"), colStrings(t.df, "group"), colStrings(t.df, "name")
	quotes, shares := colInts(t.df, "quotes"), colFloats(t.df, "share")
	share := map[string][]float64{} // outlet -> share per sourceKinds
	total := map[string]int{}
	var have []string
	for i, o := range outlets {
		if groups[i] != "kind" || o == unknownOutlet {
			continue
		}
		if share[o] == nil {
			share[o] = make([]float64, len(sourceKinds))
			have = append(have, o)
		}
		if k := slices.Index(sourceKinds, names[i]); k >= 0 {
			share[o][k] = shares[i]
			total[o] += quotes[i]
		}
	}
	if len(have) == 0 {
		return nil, "Sources chart: no attributed unit quotes anyone."
	}
	pick := pickOutlets(ts, cfg, have, maxChartOutlets)
	rows := pick.groups() // top to bottom, "" for the gap
	n := len(rows)
	c := &chart{Name: "sources", Title: "Who gets a voice: quotes by kind of source", W: vg.Points(760), H: vg.Points(max(260, 90+18*float64(n)))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Who gets a voice: quotes by kind of source", "share of the outlet's quotes", "")
		legend := newLegend()
		rev := slices.Clone(rows)
		slices.Reverse(rev) // first outlet at the top
		labels := make([]string, n)
		for k, o := range rev {
			if o == "" {
				labels[k] = pick.rowLabel("")
				continue
			}
			labels[k] = fmt.Sprintf("%s (n=%d quotes)", shorten(o, 40), total[o])
		}
		var prev *plotter.BarChart
		for s, kind := range sourceKinds {
			vals := make(plotter.Values, n)
			for k, o := range rev {
				if o != "" {
					vals[k] = share[o][s]
				}
			}
			b, err := plotter.NewBarChart(vals, vg.Points(12))
			if err != nil {
				continue // shares are finite and non-negative: not reached
			}
			b.Horizontal = true
			b.LineStyle.Width = 0
			b.Color = okabeIto[s%len(okabeIto)]
			if kind == sourceNone {
				b.Color = grey
			}
			if prev != nil {
				b.StackOn(prev)
			}
			prev = b
			p.Add(b)
			legend.Add(sourceKindLabels[kind], b)
		}
		p.NominalY(labels...)
		p.X.Min, p.X.Max = 0, 1
		drawBeside(dc, p, drawLegend(legend), vg.Points(170))
	}
	return c, pick.note("Sources chart", "sources")
}
