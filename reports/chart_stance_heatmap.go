package reports

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/framewatch/framewatch/pipeline"
)

// stanceCells draws an outlet × target heat map: one coloured cell per
// pair with its score and number of mentions written in it; pairs
// without mentions are grey. A row without outlet (rule) is left blank.
type stanceCells struct {
	rows, cols int
	score      [][]float64 // [row][col], NaN when missing
	n          [][]int     // mentions
	rule       int         // row left blank between the groups, or -1
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
		if i == s.rule {
			y := trY(float64(i))
			c.StrokeLine2(draw.LineStyle{Color: grey, Width: vg.Points(0.8)}, trX(-0.5), y, trX(float64(s.cols)-0.5), y)
			continue
		}
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
				label = fmt.Sprintf("%+.2f n=%d", v, s.n[i][j])
			}
			rect := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			c.FillPolygon(fill, rect)
			c.StrokeLines(draw.LineStyle{Color: color.White, Width: vg.Points(1.5)}, append(rect, rect[0]))
			sty.Color = color.Black
			c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, label)
		}
	}
}

// stanceChart draws the outlet × target heat map of mean stance (all
// voices), the most mentioned targets only; compared outlets on top,
// those under the minimum sample below a rule, "unknown" left out.
func stanceChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "stance")
	idx := rowsWhere(t, func(df dataframe.DataFrame, i int) bool { return df.Col("voice").Elem(i).String() == "all" })
	outlets, targets, scores, men := colStrings(t.df, "outlet"), colStrings(t.df, "target"), colFloats(t.df, "score"), colInts(t.df, "mentions")
	idx = slices.DeleteFunc(idx, func(i int) bool { return outlets[i] == unknownOutlet })
	if len(idx) == 0 {
		return nil, "Stance heat map: no attributed unit mentions a stance target."
	}
	var have, colNames []string
	for _, i := range idx {
		have = append(have, outlets[i])
		if !slices.Contains(colNames, targets[i]) {
			colNames = append(colNames, targets[i])
		}
	}
	pick := pickOutlets(ts, cfg, have, maxChartOutlets)
	var notes []string
	if len(colNames) > maxHeatTargets {
		total := map[string]int{}
		for _, i := range idx {
			total[targets[i]] += men[i]
		}
		slices.SortStableFunc(colNames, func(a, b string) int { return total[b] - total[a] })
		notes = append(notes, fmt.Sprintf("Stance heat map: shows the %d most mentioned of %d targets; stance.csv has all.", maxHeatTargets, len(colNames)))
		colNames = colNames[:maxHeatTargets]
	}
	if n := pick.note("Stance heat map", "stance"); n != "" {
		notes = append(notes, n)
	}
	slices.Sort(colNames)
	var ok, small []string
	for _, o := range pick.shown {
		if pick.small(o) {
			small = append(small, o)
		} else {
			ok = append(ok, o)
		}
	}
	slices.Sort(ok)
	slices.Sort(small)
	// Top to bottom: compared outlets, the rule, the small ones; nominal
	// Y puts index 0 at the bottom.
	rowNames := slices.Clone(ok)
	rule := -1
	if len(ok) > 0 && len(small) > 0 {
		rowNames = append(rowNames, "")
	}
	rowNames = append(rowNames, small...)
	slices.Reverse(rowNames)
	if len(ok) > 0 && len(small) > 0 {
		rule = len(small)
	}
	grid := make([][]float64, len(rowNames))
	count := make([][]int, len(rowNames))
	for r := range grid {
		grid[r] = make([]float64, len(colNames))
		count[r] = make([]int, len(colNames))
		for k := range grid[r] {
			grid[r][k] = math.NaN()
		}
	}
	for _, i := range idx {
		r, k := slices.Index(rowNames, outlets[i]), slices.Index(colNames, targets[i])
		if r >= 0 && k >= 0 && r != rule {
			grid[r][k], count[r][k] = scores[i], men[i]
		}
	}
	w := 300 + 70*float64(len(colNames))
	c := &chart{Name: "stance_heatmap", Title: "Stance by outlet and target", W: vg.Points(max(520, w)), H: vg.Points(150 + 20*float64(len(rowNames)))}
	c.draw = func(dc draw.Canvas) {
		cmap := moreland.SmoothPurpleOrange()
		cmap.SetMin(-1)
		cmap.SetMax(1)
		p := newPlot("Stance by outlet and target (all voices)", "target", "")
		cells := &stanceCells{rows: len(rowNames), cols: len(colNames), score: grid, n: count, rule: rule, cmap: cmap,
			font: p.Y.Tick.Label.Handler.Cache().Lookup(p.Y.Tick.Label.Font, 8)}
		p.Add(cells)
		labels := make([]string, len(rowNames))
		for i, n := range rowNames {
			if i == rule {
				labels[i] = "— " + pick.smallNote() + " —"
				continue
			}
			labels[i] = pick.label(n, 40)
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
	return c, joinNotes(notes)
}

// joinNotes joins a chart's notes into one.
func joinNotes(ns []string) string {
	out := ""
	for _, n := range ns {
		if out != "" {
			out += " "
		}
		out += n
	}
	return out
}
