package reports

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// newPDFDoc returns an fpdf document measured in points with everything
// that would vary between runs fixed: catalog order, producer and dates
// (creation and modification dates are set again by writePDF from the
// report date).
func newPDFDoc(orientation string, size fpdf.SizeType) *fpdf.Fpdf {
	doc := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "pt", Size: size})
	doc.SetCatalogSort(true)
	doc.SetProducer("framewatch", true)
	doc.SetCreator("framewatch", true)
	epoch := (&report{}).reportTime()
	doc.SetCreationDate(epoch)
	doc.SetModificationDate(epoch)
	doc.SetCompression(true)
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	return doc
}

// PDF page geometry: A4 landscape, in points.
const (
	pageW, pageH = 841.89, 595.28
	margin       = 40.0
)

// pdfWriter lays out report.pdf.
type pdfWriter struct {
	doc    *fpdf.Fpdf
	y      float64
	fonts  map[string]bool
	images int
}

const bodyFont = "body"

func (p *pdfWriter) font(style string, size float64) { p.doc.SetFont(bodyFont, style, size) }

func (p *pdfWriter) newPage() {
	p.doc.AddPage()
	p.y = margin
}

func (p *pdfWriter) ensure(h float64) {
	if p.y+h > pageH-margin {
		p.newPage()
	}
}

func (p *pdfWriter) heading(s string) {
	p.ensure(60)
	p.font("B", 15)
	p.doc.Bookmark(s, 0, p.y)
	p.doc.SetTextColor(0, 0x48, 0x7a)
	p.doc.SetXY(margin, p.y)
	p.doc.CellFormat(pageW-2*margin, 20, s, "", 0, "L", false, 0, "")
	p.doc.SetTextColor(0, 0, 0)
	p.y += 26
}

func (p *pdfWriter) subheading(s string) {
	p.ensure(40)
	p.font("B", 11)
	p.doc.Bookmark(s, 1, p.y)
	p.doc.SetXY(margin, p.y)
	p.doc.CellFormat(pageW-2*margin, 14, s, "", 0, "L", false, 0, "")
	p.y += 17
}

func (p *pdfWriter) para(s string, size float64) {
	p.font("", size)
	p.doc.SetXY(margin, p.y)
	p.doc.MultiCell(pageW-2*margin, size*1.35, s, "", "L", false)
	p.y = p.doc.GetY() + 4
}

// fit truncates s with an ellipsis to width w in the current font.
func (p *pdfWriter) fit(s string, w float64) string {
	if p.doc.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && p.doc.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// headerLines splits a column name into lines no wider than w, breaking
// after underscores and at spaces.
func (p *pdfWriter) headerLines(name string, w float64) []string {
	var pieces []string
	start := 0
	for i, r := range name {
		if r == '_' || r == ' ' {
			pieces = append(pieces, name[start:i+1])
			start = i + 1
		}
	}
	pieces = append(pieces, name[start:])
	var lines []string
	cur := ""
	for _, pc := range pieces {
		if cur != "" && p.doc.GetStringWidth(strings.TrimSpace(cur+pc)) > w {
			lines = append(lines, strings.TrimSpace(cur))
			cur = ""
		}
		cur += pc
	}
	if cur = strings.TrimSpace(cur); cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// headerWidth is the width of the longest unbreakable piece of a column
// name.
func (p *pdfWriter) headerWidth(name string) float64 {
	w := 0.0
	for _, pc := range strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == ' ' }) {
		w = max(w, p.doc.GetStringWidth(pc+"_"))
	}
	return w
}

// table draws a table that fits the page width, shrinking the font down to
// 5.5 pt and truncating cells beyond that; column names wrap after
// underscores, and the header repeats on every page.
func (p *pdfWriter) table(cols []string, numeric []bool, rows [][]string) {
	avail := pageW - 2*margin
	size := 8.0
	var widths []float64
	const pad = 6.0
	for ; ; size -= 0.5 {
		widths = make([]float64, len(cols))
		total := 0.0
		for j, c := range cols {
			p.font("B", size)
			w := p.headerWidth(c)
			p.font("", size)
			for _, r := range rows {
				w = max(w, p.doc.GetStringWidth(r[j]))
			}
			widths[j] = min(w, 220) + pad
			total += widths[j]
		}
		if total <= avail || size <= 5.5 {
			if total > avail {
				for j := range widths {
					widths[j] *= avail / total
				}
			}
			break
		}
	}
	rowH := size * 1.6
	lineH := size * 1.25
	header := func() {
		p.font("B", size)
		p.doc.SetFillColor(0xee, 0xf4, 0xfa)
		lines := make([][]string, len(cols))
		n := 1
		for j, c := range cols {
			lines[j] = p.headerLines(c, widths[j]-pad)
			n = max(n, len(lines[j]))
		}
		h := float64(n)*lineH + (rowH - lineH)
		x := margin
		for j := range cols {
			p.doc.Rect(x, p.y, widths[j], h, "FD")
			for k, l := range lines[j] {
				p.doc.SetXY(x, p.y+(rowH-lineH)/2+float64(k)*lineH)
				p.doc.CellFormat(widths[j], lineH, p.fit(l, widths[j]-pad), "", 0, "L", false, 0, "")
			}
			x += widths[j]
		}
		p.y += h
		p.font("", size)
	}
	p.ensure(4 * rowH)
	header()
	for _, r := range rows {
		if p.y+rowH > pageH-margin {
			p.newPage()
			header()
		}
		x := margin
		for j, c := range r {
			align := "L"
			if numeric[j] {
				align = "R"
			}
			p.doc.SetXY(x, p.y)
			p.doc.CellFormat(widths[j], rowH, p.fit(c, widths[j]-pad), "1", 0, align, false, 0, "")
			x += widths[j]
		}
		p.y += rowH
	}
	p.y += 10
}

// chart draws c scaled to fit the rest of the page (or a new page) as
// vector graphics with embedded UTF-8 fonts.
func (p *pdfWriter) chart(c *chart) error {
	availW, availH := pageW-2*margin, pageH-2*margin-20
	s := min(1, availW/c.W.Points(), availH/c.H.Points())
	h := c.H.Points() * s
	if p.y+h+20 > pageH-margin {
		p.newPage()
	}
	p.subheading(c.Title)
	x := margin + (availW-c.W.Points()*s)/2
	p.doc.TransformBegin()
	p.doc.TransformScale(s*100, s*100, x, p.y)
	pc := newPDFCanvas(p.doc, x, p.y, c.W, c.H, p.fonts, &p.images)
	err := c.safeDraw(draw.New(pc))
	pc.end()
	p.doc.TransformEnd()
	p.y += h + 14
	return err
}

// writePDF writes report.pdf: a title page, the summary, the charts, the
// tables and one section per outlet, with Liberation Sans embedded as a
// UTF-8 TrueType font. The same inputs give the same bytes: the catalog is
// sorted and the dates come from the report date.
func (r *report) writePDF(w io.Writer) error {
	doc := newPDFDoc("P", fpdf.SizeType{Wd: pageW, Ht: pageH})
	doc.SetCreationDate(r.reportTime())
	doc.SetModificationDate(r.reportTime())
	doc.SetTitle(r.title(), true)
	doc.AddUTF8FontFromBytes(bodyFont, "", liberationsansregular.TTF)
	doc.AddUTF8FontFromBytes(bodyFont, "B", liberationsansbold.TTF)
	p := &pdfWriter{doc: doc, fonts: map[string]bool{}}
	t := r.totals()

	// Title page.
	p.newPage()
	p.y = 200
	p.font("B", 28)
	doc.SetXY(margin, p.y)
	doc.MultiCell(pageW-2*margin, 34, r.title(), "", "C", false)
	p.y = doc.GetY() + 16
	p.font("", 13)
	sub := "framewatch " + r.info.Version
	if r.cfg.ReportDate != "" {
		sub = r.cfg.ReportDate + " · " + sub
	}
	doc.SetXY(margin, p.y)
	doc.CellFormat(pageW-2*margin, 18, sub, "", 0, "C", false, 0, "")
	p.y += 30
	doc.SetXY(margin, p.y)
	doc.MultiCell(pageW-2*margin, 16, t.headline(), "", "C", false)

	// Summary.
	p.newPage()
	p.heading("Summary")
	p.para(t.headline(), 10)
	if hs := r.stanceHighlights(10); len(hs) > 0 {
		p.subheading("Stance highlights")
		for _, h := range hs {
			p.para("• "+h, 9)
		}
	}
	if len(r.notes) > 0 {
		p.subheading("Notes")
		for _, n := range r.notes {
			p.para("• "+n, 9)
		}
	}
	ov := r.reportTables()[0]
	p.subheading(ov.Title)
	p.table(ov.Columns, ov.Numeric, ov.Rows)

	// Charts.
	p.newPage()
	p.heading("Charts")
	for _, c := range r.charts {
		if err := p.chart(c); err != nil {
			return err
		}
	}

	// Tables.
	p.newPage()
	p.heading("Tables")
	for _, ht := range r.reportTables()[1:] {
		p.subheading(fmt.Sprintf("%s (%s.csv)", ht.Title, ht.Name))
		if ht.Note != "" {
			p.para(ht.Note, 8)
		}
		if len(ht.Rows) > 0 {
			p.table(ht.Columns, ht.Numeric, ht.Rows)
		}
	}

	// Outlets.
	p.newPage()
	p.heading("Outlets one by one")
	for _, s := range r.outletSections() {
		p.subheading(s.Name)
		p.para(strings.Join(s.Facts, " · "), 9)
		if len(s.Entities) > 0 {
			p.para("Top entities: "+strings.Join(s.Entities, ", "), 9)
		}
		if len(s.Frames) > 0 {
			p.para("Main frames: "+strings.Join(s.Frames, ", "), 9)
		}
		if len(s.Terms) > 0 {
			p.para("Distinctive terms: "+strings.Join(s.Terms, ", "), 9)
		}
		if len(s.Stance) > 0 {
			p.table([]string{"target", "voice", "score", "95% interval", "mentions", "label"},
				[]bool{false, false, true, false, true, false}, s.Stance)
		}
	}
	if err := doc.Error(); err != nil {
		return fmt.Errorf("reports: pdf: %w", err)
	}
	if err := doc.Output(w); err != nil {
		return fmt.Errorf("reports: pdf: %w", err)
	}
	return nil
}

var _ = vg.Points
