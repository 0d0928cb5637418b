package reports

import (
	"fmt"
	"image/color"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/framewatch/framewatch/pipeline"
)

// maxRoleChartActors is how many actors (columns) the roles chart shows:
// those cast in a role in most units over the shown outlets.
const maxRoleChartActors = 12

// roleColors are the roles chart's Okabe-Ito colours, in roleOrder.
var roleColors = [len(roleOrder)]color.Color{
	color.RGBA{0x00, 0x9E, 0x73, 0xff}, // hero: bluish green
	color.RGBA{0xD5, 0x5E, 0x00, 0xff}, // villain: vermillion
	color.RGBA{0x56, 0xB4, 0xE9, 0xff}, // victim: sky blue
	lightGrey,                          // none
}

// roleCells draws the outlet × actor grid: each cell coloured by the
// actor's dominant role in the outlet, with the role and n (units casting
// it so, of the units it is a main actor in) written in it; empty cells
// are white. A row without outlet (rule) is left blank.
type roleCells struct {
	rows, cols int
	role       [][]int // [row][col] index into roleOrder, -1 when missing
	label      [][]string
	rule       int
	font       font.Face
}

func (s *roleCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -0.5, float64(s.cols) - 0.5, -0.5, float64(s.rows) - 0.5
}

func (s *roleCells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := text.Style{Font: s.font.Font, Handler: p.Title.TextStyle.Handler, XAlign: text.XCenter, YAlign: text.YCenter, Color: color.Black}
	for i := range s.rows {
		if i == s.rule {
			y := trY(float64(i))
			c.StrokeLine2(draw.LineStyle{Color: grey, Width: vg.Points(0.8)}, trX(-0.5), y, trX(float64(s.cols)-0.5), y)
			continue
		}
		for j := range s.cols {
			x0, x1 := trX(float64(j)-0.5), trX(float64(j)+0.5)
			y0, y1 := trY(float64(i)-0.5), trY(float64(i)+0.5)
			rect := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			fill := color.Color(color.White)
			if k := s.role[i][j]; k >= 0 {
				fill = roleColors[k]
			}
			c.FillPolygon(fill, rect)
			c.StrokeLines(draw.LineStyle{Color: lightGrey, Width: vg.Points(1)}, append(rect, rect[0]))
			if s.label[i][j] != "" {
				c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, s.label[i][j])
			}
		}
	}
}

// rolesChart draws the outlet × actor grid of dominant roles (the roles
// table), the actors most often cast in a role; compared outlets on top,
// those under the minimum sample below a rule, "unknown" left out.
func rolesChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "actor_roles")
	if t == nil || t.Len() == 0 {
		return nil, "Actor roles: no unit casts an actor as hero, villain or victim."
	}
	outlets, actors, dom := colStrings(t.df, "outlet"), colStrings(t.df, "actor"), colStrings(t.df, "dominant")
	units, cast := colInts(t.df, "units"), colInts(t.df, "cast")
	n := map[string][]int{}
	for _, r := range roleOrder {
		n[r] = colInts(t.df, r)
	}
	var have []string
	for _, o := range outlets {
		if o != unknownOutlet && !slices.Contains(have, o) {
			have = append(have, o)
		}
	}
	pick := pickOutlets(ts, cfg, have, maxChartOutlets)
	if len(pick.shown) == 0 {
		return nil, "Actor roles: no attributed unit casts an actor in a role."
	}
	total := map[string]int{}
	var colNames []string
	for i, o := range outlets {
		if slices.Contains(pick.shown, o) {
			if total[actors[i]] == 0 {
				colNames = append(colNames, actors[i])
			}
			total[actors[i]] += cast[i]
		}
	}
	slices.SortStableFunc(colNames, func(a, b string) int {
		if total[a] != total[b] {
			return total[b] - total[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	var notes []string
	if len(colNames) > maxRoleChartActors {
		notes = append(notes, fmt.Sprintf("Actor roles chart: shows the %d actors most often cast in a role of %d; actor_roles.csv has all.",
			maxRoleChartActors, len(colNames)))
		colNames = colNames[:maxRoleChartActors]
	}
	if nt := pick.note("Actor roles chart", "actor_roles"); nt != "" {
		notes = append(notes, nt)
	}
	rowNames := pick.groups() // top to bottom
	slices.Reverse(rowNames)
	rule := slices.Index(rowNames, "")
	role := make([][]int, len(rowNames))
	label := make([][]string, len(rowNames))
	for r := range role {
		role[r] = make([]int, len(colNames))
		label[r] = make([]string, len(colNames))
		for k := range role[r] {
			role[r][k] = -1
		}
	}
	for i := range outlets {
		r, k := slices.Index(rowNames, outlets[i]), slices.Index(colNames, actors[i])
		if r < 0 || k < 0 || r == rule {
			continue
		}
		d := slices.Index(roleOrder[:], dom[i])
		role[r][k] = d
		label[r][k] = fmt.Sprintf("%s %d/%d", dom[i], n[dom[i]][i], units[i])
	}
	w := 300 + 80*float64(len(colNames))
	c := &chart{Name: "roles", Title: "Actor roles by outlet", W: vg.Points(max(520, w)), H: vg.Points(170 + 20*float64(len(rowNames)))}
	c.draw = func(dc draw.Canvas) {
		p := newPlot("Actor roles by outlet (dominant role; units cast so / units with the actor)", "actor", "")
		cells := &roleCells{rows: len(rowNames), cols: len(colNames), role: role, label: label, rule: rule,
			font: p.Y.Tick.Label.Handler.Cache().Lookup(p.Y.Tick.Label.Font, 7)}
		p.Add(cells)
		labels := make([]string, len(rowNames))
		for i, o := range rowNames {
			labels[i] = pick.rowLabel(o)
		}
		shortNames := make([]string, len(colNames))
		for k, a := range colNames {
			shortNames[k] = shorten(a, 24)
		}
		p.NominalY(labels...)
		p.NominalX(shortNames...)
		rotateX(p)
		p.HideX()
		p.X.Tick.Label.Font.Size = 9
		p.X.Tick.Length = 0
		p.X.Label.Text = "actor"
		p.X.Tick.Label.Color = color.Black
		p.X.Tick.Marker = plot.ConstantTicks(nominalTicks(shortNames))
		p.X.Label.TextStyle.Color = color.Black
		legend := newLegend()
		for k, r := range roleOrder {
			legend.Add(r, swatch{roleColors[k]})
		}
		drawBeside(dc, p, drawLegend(legend), vg.Points(110))
	}
	return c, joinNotes(notes)
}

// swatch is a legend entry drawn as a filled square.
type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y}}
	c.FillPolygon(s.c, c.ClipPolygonY(pts))
}
