package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// pdfCanvas is a vg.Canvas that draws into a box on a page of an fpdf
// document. It exists because gonum/plot's own PDF backend (vgpdf) encodes
// text as cp1252 under a WinAnsi font, which turns "Hospodářské noviny"
// and "Новая газета" into mojibake, and draws raster images upside down.
// pdfCanvas embeds each font face plot uses as a UTF-8 TrueType font
// (fpdf.AddUTF8FontFromBytes, subset on output) and draws images the right
// way up. The same canvas draws the charts into report.pdf, so the report's
// charts are vector graphics with real text.
//
// Geometry follows vgpdf: the box origin is its bottom-left corner, y grows
// upwards, and lengths are PDF points (the document's unit must be "pt").
type pdfCanvas struct {
	doc    *fpdf.Fpdf
	w, h   vg.Length
	stack  []pdfContext
	fonts  map[string]bool
	images *int // shared by every canvas of one document
}

type pdfContext struct {
	width vg.Length
}

var _ vg.Canvas = (*pdfCanvas)(nil)

// newPDFCanvas starts drawing into the box of size w×h whose top-left
// corner is (x, y) on the current page of doc; end must be called when
// drawing is done.
func newPDFCanvas(doc *fpdf.Fpdf, x, y float64, w, h vg.Length, fonts map[string]bool, images *int) *pdfCanvas {
	c := &pdfCanvas{doc: doc, w: w, h: h, stack: []pdfContext{{width: 1}}, fonts: fonts, images: images}
	doc.TransformBegin()
	doc.TransformTranslate(x, y+h.Points())
	doc.TransformScale(100, -100, 0, 0)
	vg.Initialize(c)
	return c
}

// end closes the canvas's outermost transformation.
func (c *pdfCanvas) end() { c.doc.TransformEnd() }

func (c *pdfCanvas) Size() (w, h vg.Length) { return c.w, c.h }

func (c *pdfCanvas) top() *pdfContext { return &c.stack[len(c.stack)-1] }

func (c *pdfCanvas) SetLineWidth(w vg.Length) {
	c.top().width = w
	c.doc.SetLineWidth(w.Points())
}

func (c *pdfCanvas) SetLineDash(dashes []vg.Length, offs vg.Length) {
	ds := make([]float64, len(dashes))
	for i, d := range dashes {
		ds[i] = d.Points()
	}
	c.doc.SetDashPattern(ds, offs.Points())
}

func (c *pdfCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	r, g, b, a := rgba(clr)
	c.doc.SetFillColor(r, g, b)
	c.doc.SetDrawColor(r, g, b)
	c.doc.SetTextColor(r, g, b)
	c.doc.SetAlpha(a, "Normal")
}

// rgba converts a colour to 8-bit, non-premultiplied components.
func rgba(clr color.Color) (r, g, b int, a float64) {
	cr, cg, cb, ca := clr.RGBA()
	if ca == 0 {
		return 0, 0, 0, 0
	}
	un := func(v uint32) int { return int(math.Round(float64(v) * 255 / float64(ca))) }
	return un(cr), un(cg), un(cb), float64(ca) / 0xffff
}

func (c *pdfCanvas) Rotate(r float64) { c.doc.TransformRotate(-r*180/math.Pi, 0, 0) }

func (c *pdfCanvas) Translate(pt vg.Point) {
	c.doc.TransformTranslate(pt.X.Points(), pt.Y.Points())
}

func (c *pdfCanvas) Scale(x, y float64) { c.doc.TransformScale(x*100, y*100, 0, 0) }

func (c *pdfCanvas) Push() {
	c.stack = append(c.stack, *c.top())
	c.doc.TransformBegin()
}

func (c *pdfCanvas) Pop() {
	c.doc.TransformEnd()
	if len(c.stack) > 1 {
		c.stack = c.stack[:len(c.stack)-1]
	}
}

func (c *pdfCanvas) Stroke(p vg.Path) {
	if c.top().width > 0 {
		c.path(p, "D")
	}
}

func (c *pdfCanvas) Fill(p vg.Path) { c.path(p, "F") }

func (c *pdfCanvas) path(p vg.Path, style string) {
	var x0, y0 float64
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			x0, y0 = comp.Pos.X.Points(), comp.Pos.Y.Points()
			c.doc.MoveTo(x0, y0)
		case vg.LineComp:
			c.doc.LineTo(comp.Pos.X.Points(), comp.Pos.Y.Points())
		case vg.ArcComp:
			c.arc(comp, style)
		case vg.CurveComp:
			px, py := comp.Pos.X.Points(), comp.Pos.Y.Points()
			switch len(comp.Control) {
			case 1:
				c.doc.CurveTo(comp.Control[0].X.Points(), comp.Control[0].Y.Points(), px, py)
			case 2:
				c.doc.CurveBezierCubicTo(comp.Control[0].X.Points(), comp.Control[0].Y.Points(),
					comp.Control[1].X.Points(), comp.Control[1].Y.Points(), px, py)
			}
		case vg.CloseComp:
			c.doc.LineTo(x0, y0)
			c.doc.ClosePath()
		}
	}
	c.doc.DrawPath(style)
}

func (c *pdfCanvas) arc(comp vg.PathComp, style string) {
	x0 := comp.Pos.X + comp.Radius*vg.Length(math.Cos(comp.Start))
	y0 := comp.Pos.Y + comp.Radius*vg.Length(math.Sin(comp.Start))
	c.doc.LineTo(x0.Points(), y0.Points())
	r := comp.Radius.Points()
	const deg = 180 / math.Pi
	beg := comp.Start * deg
	c.doc.Arc(comp.Pos.X.Points(), comp.Pos.Y.Points(), r, r, comp.Angle*deg, beg, beg+comp.Angle*deg, style)
	x1 := comp.Pos.X + comp.Radius*vg.Length(math.Cos(comp.Start+comp.Angle))
	y1 := comp.Pos.Y + comp.Radius*vg.Length(math.Sin(comp.Start+comp.Angle))
	c.doc.MoveTo(x1.Points(), y1.Points())
}

// useFont registers fnt's TrueType data with the document once, as a UTF-8
// font named after the face, and selects it.
func (c *pdfCanvas) useFont(fnt font.Face) error {
	name := fnt.Name()
	if !c.fonts[name] {
		var raw bytes.Buffer
		if _, err := fnt.Face.WriteSourceTo(nil, &raw); err != nil {
			return fmt.Errorf("reports: font %s: %w", name, err)
		}
		c.doc.AddUTF8FontFromBytes(name, "", raw.Bytes())
		if err := c.doc.Error(); err != nil {
			return fmt.Errorf("reports: font %s: %w", name, err)
		}
		c.fonts[name] = true
	}
	c.doc.SetFont(name, "", fnt.Font.Size.Points())
	return nil
}

func (c *pdfCanvas) FillString(fnt font.Face, pt vg.Point, str string) {
	if fnt.Font.Size == 0 || c.useFont(fnt) != nil {
		return
	}
	str = pdfText(str)
	c.Push()
	defer c.Pop()
	c.Translate(pt)
	// fpdf's text origin is the top-left corner: flip back locally.
	c.Scale(1, -1)
	_, h := c.doc.GetFontSize()
	d := c.doc.GetFontDesc(fnt.Name(), "")
	top := 0.81 * h
	if d.Ascent != 0 && d.Ascent != d.Descent {
		top = -float64(d.Ascent) * h / float64(d.Ascent-d.Descent)
	}
	w := c.doc.GetStringWidth(str)
	margin := c.doc.GetCellMargin()
	c.doc.MoveTo(-margin, top)
	c.doc.CellFormat(w+2*margin, h, str, "", 0, "BL", false, 0, "")
}

// DrawImage draws img into rect the right way up: the canvas's y axis
// points up while fpdf places an image's first row at its y, so the image
// is drawn in a locally flipped frame whose origin is rect's top-left.
func (c *pdfCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return
	}
	*c.images++
	name := fmt.Sprintf("image%04d", *c.images)
	opts := fpdf.ImageOptions{ImageType: "png"}
	c.doc.RegisterImageOptionsReader(name, opts, &buf)
	c.Push()
	defer c.Pop()
	c.Translate(vg.Point{X: rect.Min.X, Y: rect.Max.Y})
	c.Scale(1, -1)
	sz := rect.Size()
	c.doc.ImageOptions(name, 0, 0, sz.X.Points(), sz.Y.Points(), false, opts, 0, "")
}
