package reports

import (
	"fmt"
	"slices"

	"github.com/framewatch/framewatch/pipeline"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// entitiesPerTile and maxEntityTiles bound the small multiples.
const (
	entitiesPerTile = 5
	maxEntityTiles  = 16
	entityTileCols  = 4
)

// entitiesChart draws small multiples of each outlet's most mentioned
// entities, for the outlets with most units; "unknown" is left out.
func entitiesChart(ts []*table, cfg pipeline.Config) (*chart, string) {
	t := findTable(ts, "top_entities")
	if t.Len() == 0 {
		return nil, "Top entities: no entity was found."
	}
	outlets, entities, ranks, men := colStrings(t.df, "outlet"), colStrings(t.df, "entity"), colInts(t.df, "rank"), colInts(t.df, "mentions")
	pick := pickOutlets(ts, cfg, outlets, maxEntityTiles)
	if len(pick.shown) == 0 {
		return nil, "Top entities: no attributed unit names an entity."
	}
	// Tiles in alphabetical order, compared outlets first.
	names := slices.DeleteFunc(pick.groups(), func(o string) bool { return o == "" })
	note := pick.note("Top entities chart", "top_entities")
	rows := (len(names) + entityTileCols - 1) / entityTileCols
	c := &chart{Name: "top_entities", Title: "Top entities by outlet", W: vg.Points(1100), H: vg.Points(40 + 150*float64(rows))}
	c.draw = func(dc draw.Canvas) {
		title := newPlot("", "", "")
		sty := title.Title.TextStyle
		sty.XAlign, sty.YAlign = text.XCenter, text.YTop
		dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y - vg.Points(6)}, fmt.Sprintf("Top %d entities by outlet (mentions)", entitiesPerTile))
		body := draw.Crop(dc, 0, 0, 0, -vg.Points(30))
		plots := make([][]*plot.Plot, rows)
		for r := range plots {
			plots[r] = make([]*plot.Plot, entityTileCols)
		}
		for k, name := range names {
			var vals plotter.Values
			var labels []string
			for i := range outlets {
				if outlets[i] == name && ranks[i] <= entitiesPerTile {
					vals = append(vals, float64(men[i]))
					labels = append(labels, shorten(entities[i], 22))
				}
			}
			slices.Reverse(vals)
			slices.Reverse(labels)
			title := pick.label(name, 34)
			if pick.small(name) {
				title += " · small sample"
			}
			p := newPlot(title, "", "")
			p.Title.TextStyle.Font.Size = 10
			b, err := plotter.NewBarChart(vals, vg.Points(10))
			if err != nil {
				panic(err)
			}
			b.Horizontal = true
			b.Color = okabeIto[0]
			if pick.small(name) {
				b.Color = grey
			}
			b.LineStyle.Width = 0
			p.Add(b)
			p.NominalY(labels...)
			p.X.Min = 0
			p.X.Tick.Marker = intTicks{}
			p.X.Tick.Label.Font.Size = 8
			p.Y.Tick.Label.Font.Size = 8
			plots[k/entityTileCols][k%entityTileCols] = p
		}
		tiles := draw.Tiles{Rows: rows, Cols: entityTileCols, PadX: vg.Points(14), PadY: vg.Points(10),
			PadLeft: vg.Points(4), PadRight: vg.Points(8), PadBottom: vg.Points(4)}
		canvases := plot.Align(plots, tiles, body)
		for r := range plots {
			for k := range plots[r] {
				if plots[r][k] != nil {
					plots[r][k].Draw(canvases[r][k])
				}
			}
		}
	}
	return c, note
}
