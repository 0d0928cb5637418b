package reports

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxClaimRows is how many claims the dot matrix shows.
const maxClaimRows = 20

// claimsChart draws which outlets cite which of the most newsworthy
// claims (see minNews), conflicts as filled triangles; generic counts are
// in claims.csv only, and "unknown" is left out.
func claimsChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "claims")
	if t.Len() == 0 {
		return nil, "Claims: no figure was found."
	}
	ids, lists, conflict := colStrings(t.df, "claim_id"), colStrings(t.df, "outlet_list"), t.df.Col("conflict").Records()
	vals, units, counted, news := colFloats(t.df, "value"), colStrings(t.df, "unit"), colStrings(t.df, "counted"), colInts(t.df, "news")
	known := func(i int) []string {
		return slices.DeleteFunc(strings.Split(lists[i], "; "), func(o string) bool { return o == unknownOutlet })
	}
	var rows []int
	var have []string
	for i := range t.Len() {
		if news[i] >= minNews && len(known(i)) > 0 && len(rows) < maxClaimRows {
			rows = append(rows, i)
			have = append(have, known(i)...)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Sprintf("Claims chart: none of the %d claims is newsworthy (money, casualties, weapons or troops, percentages, attributed or widely cited figures); claims.csv has all.", t.Len())
	}
	pick := pickOutlets(ts, cfg, have, maxChartOutlets)
	outlets := slices.Clone(pick.shown)
	slices.Sort(outlets)
	n := len(rows)
	note := fmt.Sprintf("Claims chart: shows the %d most newsworthy of %d claims (money, casualties, weapons or troops, percentages, attributed or widely cited figures); generic counts and the rest are in claims.csv.", n, t.Len())
	if pn := pick.note("Claims chart", "claims"); pn != "" {
		note += " " + pn
	}
	c := &chart{Name: "claims", Title: "Which outlets cite which figures", W: vg.Points(max(560, 380+34*float64(len(outlets)))), H: vg.Points(190 + 20*float64(n))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Which outlets cite which figures", "", "")
		var ok, bad plotter.XYs
		labels := make([]string, n)
		for k, i := range rows {
			y := float64(n - 1 - k) // first claim at the top
			cited := known(i)
			labels[n-1-k] = fmt.Sprintf("%s  %s (%s)", ids[i], shorten(claimLabel(claim{Value: vals[i], Unit: units[i], Counted: counted[i]}), 34), plural(len(cited), "outlet"))
			for _, o := range cited {
				x := slices.Index(outlets, o)
				if x < 0 {
					continue
				}
				pt := plotter.XY{X: float64(x), Y: y}
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
		xl := make([]string, len(outlets))
		for k, o := range outlets {
			xl[k] = pick.label(o, 28)
		}
		p.NominalX(xl...)
		rotateX(p)
		drawBeside(dc, p, drawLegend(legend), vg.Points(140))
	}
	return c, note
}
