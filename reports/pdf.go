package reports

import (
	"fmt"
	"io"
	"slices"
	"strconv"
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

// heading starts a top-level section; need is the height of what must
// follow it on the same page, so that no heading is left alone at the
// bottom of a page.
func (p *pdfWriter) heading(s string, need float64) {
	s = pdfText(s)
	p.ensure(26 + need)
	p.font("B", 15)
	p.doc.Bookmark(s, 0, p.y)
	p.doc.SetTextColor(0, 0x48, 0x7a)
	p.doc.SetXY(margin, p.y)
	p.doc.CellFormat(pageW-2*margin, 20, s, "", 0, "L", false, 0, "")
	p.doc.SetTextColor(0, 0, 0)
	p.y += 26
}

// subheading starts a subsection, kept with need points of what follows.
func (p *pdfWriter) subheading(s string, need float64) {
	s = pdfText(s)
	p.ensure(17 + need)
	p.font("B", 11)
	p.doc.Bookmark(s, 1, p.y)
	p.doc.SetXY(margin, p.y)
	p.doc.CellFormat(pageW-2*margin, 14, s, "", 0, "L", false, 0, "")
	p.y += 17
}

func (p *pdfWriter) para(s string, size float64) {
	s = pdfText(s)
	p.font("", size)
	p.doc.SetXY(margin, p.y)
	p.doc.MultiCell(pageW-2*margin, size*1.35, s, "", "L", false)
	p.y = p.doc.GetY() + 4
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

// pdfElsewhere are the tables report.pdf does not repeat, and where their
// content is.
var pdfElsewhere = map[string]string{
	"top_entities":      "listed in each outlet's section below; all rows in report.html and the CSV",
	"sources":           "the sources chart, and each outlet's kinds of source and most quoted speakers in its section below; all rows in report.html and the CSV",
	"actor_roles":       "each outlet's actors most often cast in a role are listed in its section below and drawn in the actor roles chart; all rows in report.html and the CSV",
	"news_frames":       "the shares and intervals are listed in each outlet's section below and drawn in the generic news frames chart; all rows in report.html and the CSV",
	"distinctive_terms": "listed in each outlet's section below; all rows in report.html and the CSV",
	"trends_tone":       "the data of the tone-over-time chart; in report.html and the CSV",
	"trends_stance":     "the data of the stance-over-time chart; in report.html and the CSV",
	"coverage":          "the data of the coverage chart; in report.html and the CSV",
}

// dropColumn removes the column name from ht.
func dropColumn(ht htmlTable, name string) htmlTable {
	j := slices.Index(ht.Columns, name)
	if j < 0 {
		return ht
	}
	cut := func(xs []string) []string { return slices.Delete(slices.Clone(xs), j, j+1) }
	out := ht
	out.Columns = cut(ht.Columns)
	out.Numeric = slices.Delete(slices.Clone(ht.Numeric), j, j+1)
	out.NoWrap = slices.Delete(slices.Clone(ht.NoWrap), j, j+1)
	out.Rows = make([][]string, len(ht.Rows))
	for i, r := range ht.Rows {
		out.Rows[i] = cut(r)
	}
	return out
}

// chart draws c scaled to fit the rest of the page (or a new page) as
// vector graphics with embedded UTF-8 fonts.
func (p *pdfWriter) chart(c *chart) error {
	const title, after = 17.0, 14.0
	availW := pageW - 2*margin
	scale := func(availH float64) float64 { return min(1, availW/c.W.Points(), availH/c.H.Points()) }
	full := scale(pageH - 2*margin - title - after)
	// Drawn on the rest of this page when that shrinks it by a fifth at
	// most, else on the next page at full size.
	s := scale(pageH - margin - p.y - title - after)
	if s < 0.8*full {
		p.newPage()
		s = full
	}
	h := c.H.Points() * s
	p.subheading(c.Title, h)
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

// writePDF writes report.pdf: the title and summary, the charts, the
// tables, one section per outlet and the method, with Liberation Sans embedded as a
// UTF-8 TrueType font. The same inputs give the same bytes: the catalog is
// sorted and the dates come from the report date.
func (r *report) writePDF(w io.Writer) (err error) {
	defer recoverAs("report.pdf", &err)
	doc := newPDFDoc("P", fpdf.SizeType{Wd: pageW, Ht: pageH})
	doc.SetCreationDate(r.reportTime())
	doc.SetModificationDate(r.reportTime())
	doc.SetTitle(pdfText(r.title()), true)
	doc.AddUTF8FontFromBytes(bodyFont, "", liberationsansregular.TTF)
	doc.AddUTF8FontFromBytes(bodyFont, "B", liberationsansbold.TTF)
	p := &pdfWriter{doc: doc, fonts: map[string]bool{}}
	t := r.totals()
	tables := r.reportTables()

	// Title and summary share the first page.
	p.newPage()
	p.font("B", 22)
	doc.SetXY(margin, p.y)
	doc.MultiCell(pageW-2*margin, 26, pdfText(r.title()), "", "L", false)
	p.y = doc.GetY() + 4
	sub := "framewatch " + r.info.Version
	if r.cfg.ReportDate != "" {
		sub = "Report date " + r.cfg.ReportDate + " · " + sub
	}
	p.para(sub, 10)
	p.y += 6
	p.heading("Summary", 40)
	p.para(t.headline(), 10)
	p.para(countSamples(r.tables, r.cfg).sentence(minUnits(r.cfg)), 10)
	if l := r.agg.metaNames.counts().line(); l != "" {
		p.para(l, 10)
	}
	if hs := r.stanceHighlights(10); len(hs) > 0 {
		p.subheading("Stance highlights", 12)
		for _, h := range hs {
			p.para("• "+h, 9)
		}
	}
	notes := r.notes
	if s := feedsSentence(r.info.Feeds); s != "" {
		notes = append([]string{s}, notes...)
	}
	if len(notes) > 0 {
		p.subheading("Notes", 12)
		for _, n := range notes {
			p.para("• "+n, 9)
		}
	}
	ov := tables[0]
	p.subheading(ov.Title+" (overview.csv)", 60)
	p.table(pdfTable{cols: ov.Columns, numeric: ov.Numeric, rows: ov.Rows, small: ov.Small})

	// Charts.
	if len(r.charts) > 0 {
		// The first chart's page: a heading never stands alone.
		p.newPage()
		p.heading("Charts", 0)
		for _, c := range r.charts {
			if err := p.chart(c); err != nil {
				return err
			}
		}
	}

	// Tables. The PDF leaves out what it shows elsewhere: the stance
	// table keeps the "all" voice (own and quoted voices are in
	// report.html and stance.csv), top entities and distinctive terms are
	// in each outlet's section, and the trend tables are the charts' data.
	p.heading("Tables", 80)
	var elsewhere []string
	for _, ht := range tables[1:] {
		if why, ok := pdfElsewhere[ht.Name]; ok {
			elsewhere = append(elsewhere, fmt.Sprintf("%s (%s.csv): %s.", ht.Title, ht.Name, why))
			continue
		}
		if ht.Name == "stance" {
			v := slices.Index(ht.Columns, "voice")
			ht = r.showTable(findTable(r.tables, "stance"), func(row []string) bool { return row[v] == "all" })
			ht.Note = strings.TrimSpace(ht.Note + " Voice \"all\" only: own and quoted voices are in report.html and stance.csv.")
			ht = dropColumn(ht, "voice")
		}
		if ht.Name == "claims" {
			news := slices.Index(ht.Columns, "news")
			all := findTable(r.tables, "claims")
			ht = r.showTable(all, func(row []string) bool { n, _ := strconv.Atoi(row[news]); return n >= minNews })
			ht.Note = strings.TrimSpace(fmt.Sprintf("The %d newsworthy claims of %d (news %d or more; see Method); report.html and claims.csv have all. %s",
				len(ht.Rows), all.Len(), minNews, ht.Note))
			ht = dropColumn(ht, "value_low")
			ht = dropColumn(ht, "value_high")
		}
		p.subheading(fmt.Sprintf("%s (%s.csv)", ht.Title, ht.Name), 60)
		if ht.Note != "" {
			p.para(ht.Note, 8)
		}
		if len(ht.Rows) > 0 {
			p.table(pdfTable{cols: ht.Columns, numeric: ht.Numeric, rows: ht.Rows, small: ht.Small})
		}
	}

	if len(elsewhere) > 0 {
		p.subheading("Tables not repeated here", 20)
		for _, e := range elsewhere {
			p.para("• "+e, 9)
		}
	}

	// Outlets.
	p.heading("Outlets one by one", 80)
	for _, s := range r.outletSections() {
		p.subheading(s.Name, 40)
		p.para(strings.Join(s.Facts, " · "), 9)
		if len(s.Entities) > 0 {
			p.para("Top entities: "+strings.Join(s.Entities, ", "), 9)
		}
		if len(s.Frames) > 0 {
			p.para("Main frames: "+strings.Join(s.Frames, ", "), 9)
		}
		if len(s.NewsFrames) > 0 {
			p.para("News frames (share of units, 95% interval): "+strings.Join(s.NewsFrames, ", "), 9)
		}
		if len(s.Roles) > 0 {
			p.para("Actor roles (units cast so / units with the actor): "+strings.Join(s.Roles, ", "), 9)
		}
		if len(s.Terms) > 0 {
			p.para("Distinctive terms: "+strings.Join(s.Terms, ", "), 9)
		}
		if s.Sources != "" {
			p.para("Sources: "+s.Sources, 9)
		}
		var stance [][]string
		for _, st := range s.Stance {
			if st[1] == "all" {
				stance = append(stance, []string{st[0], st[2], st[3], st[4], st[5], st[6]})
			}
		}
		switch {
		case len(stance) > 0 && s.Small:
			// Too few units to compare: one line, not a table.
			var parts []string
			for _, st := range stance {
				parts = append(parts, fmt.Sprintf("%s %s (n=%s, %s)", st[0], st[1], st[3], st[4]))
			}
			p.para("Stance (all voices; too few units to compare): "+strings.Join(parts, "; "), 8)
		case len(stance) > 0:
			p.table(pdfTable{cols: []string{"target", "score (all voices)", "95% interval", "mentions", "label", "relative to the corpus [95%]"},
				numeric: []bool{false, true, false, true, false, false}, rows: stance})
		}
		// Evidence for the outlets compared; the PDF runs each target's
		// sentences on in one paragraph to stay short.
		if len(s.Evidence) > 0 && !s.Small {
			p.para("Evidence: the most favourable and unfavourable sentences", 9)
			for _, te := range s.Evidence {
				var parts []string
				for _, l := range te.Lines {
					parts = append(parts, fmt.Sprintf("%s (%s, %s voice) %s", l.Side, l.Score, l.Voice, quoted(l.Text)))
				}
				p.para(te.Target+": "+strings.Join(parts, " · "), 7)
			}
		}
	}

	// Method.
	p.heading("Method: what the numbers mean", 60)
	for _, m := range r.method() {
		p.subheading(m.Term, 20)
		p.para(m.Text, 9)
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
