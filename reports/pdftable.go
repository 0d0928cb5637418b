package reports

import (
	"fmt"
	"strings"
)

// PDF table layout. No cell is ever cut: a table wider than the page is
// split into column groups that each repeat the first (key) column, and a
// cell wider than maxCellW wraps onto several lines. A table narrow
// enough for half the page flows in two panels side by side, which halves
// the pages long narrow tables take.
const (
	tableFont  = 7.5   // points
	cellPad    = 6.0   // horizontal padding per cell
	maxCellW   = 200.0 // widest column before its cells wrap
	panelGap   = 14.0  // between the two panels of a narrow table
	tableAfter = 10.0  // space after a table
)

// pdfTable is a table as report.pdf draws it.
type pdfTable struct {
	cols    []string
	numeric []bool
	rows    [][]string
	small   []bool // rows drawn in grey (outlets under the minimum sample)
}

// wrap splits s into lines no wider than w in the current font, at spaces
// where it can and inside a word where it must.
func (p *pdfWriter) wrap(s string, w float64) []string {
	if p.doc.GetStringWidth(s) <= w {
		return []string{s}
	}
	var lines []string
	cur := ""
	flush := func() {
		if cur != "" {
			lines = append(lines, cur)
			cur = ""
		}
	}
	for _, word := range strings.Fields(s) {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if p.doc.GetStringWidth(try) <= w {
			cur = try
			continue
		}
		flush()
		// A word wider than the column breaks between runes.
		for p.doc.GetStringWidth(word) > w {
			r := []rune(word)
			k := len(r) - 1
			for k > 1 && p.doc.GetStringWidth(string(r[:k])) > w {
				k--
			}
			lines = append(lines, string(r[:k]))
			word = string(r[k:])
		}
		cur = word
	}
	flush()
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// columnWidths returns each column's width: its widest cell or header
// piece plus padding, at most maxCellW plus padding.
func (p *pdfWriter) columnWidths(t pdfTable) []float64 {
	widths := make([]float64, len(t.cols))
	for j, c := range t.cols {
		p.font("B", tableFont)
		w := p.headerWidth(c)
		p.font("", tableFont)
		for _, r := range t.rows {
			w = max(w, p.doc.GetStringWidth(r[j]))
		}
		widths[j] = min(w, maxCellW) + cellPad
	}
	return widths
}

// columnGroups splits the columns into groups that fit width avail, each
// starting with column 0.
func columnGroups(widths []float64, avail float64) [][]int {
	var groups [][]int
	cur := []int{0}
	used := widths[0]
	for j := 1; j < len(widths); j++ {
		if used+widths[j] > avail && len(cur) > 1 {
			groups = append(groups, cur)
			cur, used = []int{0}, widths[0]
		}
		cur = append(cur, j)
		used += widths[j]
	}
	return append(groups, cur)
}

// table draws t: in column groups when it is wider than the page (each
// repeating the first column, with a line saying which part it is), the
// header repeated on every page and panel.
func (p *pdfWriter) table(t pdfTable) {
	if len(t.cols) == 0 {
		return
	}
	t.cols = pdfTexts(t.cols)
	rows := make([][]string, len(t.rows))
	for i, r := range t.rows {
		rows[i] = pdfTexts(r)
	}
	t.rows = rows
	avail := pageW - 2*margin
	widths := p.columnWidths(t)
	groups := columnGroups(widths, avail)
	for g, cols := range groups {
		caption := ""
		if len(groups) > 1 {
			last := t.cols[cols[len(cols)-1]]
			first := t.cols[cols[min(1, len(cols)-1)]]
			caption = fmt.Sprintf("Part %d of %d: columns %s to %s (the %s column repeats in every part).", g+1, len(groups), first, last, t.cols[0])
		}
		p.tablePart(t, cols, widths, caption)
	}
}

// tablePart draws the columns cols of t, under caption unless it is "".
func (p *pdfWriter) tablePart(t pdfTable, cols []int, widths []float64, caption string) {
	avail := pageW - 2*margin
	total := 0.0
	for _, j := range cols {
		total += widths[j]
	}
	panels := 1
	if total <= (avail-panelGap)/2 && len(t.rows) > 12 {
		panels = 2
	}
	const lineH = tableFont * 1.25
	const vpad = tableFont * 0.35
	header := make([][]string, len(cols))
	headerN := 1
	p.font("B", tableFont)
	for k, j := range cols {
		header[k] = p.headerLines(t.cols[j], widths[j]-cellPad)
		headerN = max(headerN, len(header[k]))
	}
	headerH := float64(headerN)*lineH + 2*vpad
	// Lay every row out first: its lines per cell and its height.
	p.font("", tableFont)
	cells := make([][][]string, len(t.rows))
	heights := make([]float64, len(t.rows))
	for i, r := range t.rows {
		cells[i] = make([][]string, len(cols))
		n := 1
		for k, j := range cols {
			cells[i][k] = p.wrap(r[j], widths[j]-cellPad)
			n = max(n, len(cells[i][k]))
		}
		heights[i] = float64(n)*lineH + 2*vpad
	}
	firstRows := headerH
	for i := range min(3, len(heights)) {
		firstRows += heights[i]
	}
	if caption != "" {
		firstRows += 14
	}
	p.ensure(firstRows)
	if caption != "" {
		p.doc.SetTextColor(0x55, 0x55, 0x55)
		p.para(caption, 7.5)
		p.doc.SetTextColor(0, 0, 0)
	}
	panel, top := 0, p.y
	x0 := func() float64 { return margin + float64(panel)*(total+panelGap) }
	drawHeader := func() {
		p.font("B", tableFont)
		p.doc.SetFillColor(0xee, 0xf4, 0xfa)
		x := x0()
		for k, j := range cols {
			p.doc.Rect(x, p.y, widths[j], headerH, "FD")
			for l, line := range header[k] {
				p.doc.SetXY(x, p.y+vpad+float64(l)*lineH)
				p.doc.CellFormat(widths[j], lineH, line, "", 0, "L", false, 0, "")
			}
			x += widths[j]
		}
		p.y += headerH
		p.font("", tableFont)
	}
	drawHeader()
	for i := range t.rows {
		if p.y+heights[i] > pageH-margin {
			if panel+1 < panels {
				panel++
				p.y = top
			} else {
				p.newPage()
				panel, top = 0, p.y
			}
			drawHeader()
		}
		if i < len(t.small) && t.small[i] {
			p.doc.SetTextColor(0x66, 0x66, 0x66)
		}
		x := x0()
		for k, j := range cols {
			align := "L"
			if t.numeric[j] {
				align = "R"
			}
			p.doc.Rect(x, p.y, widths[j], heights[i], "D")
			for l, line := range cells[i][k] {
				p.doc.SetXY(x, p.y+vpad+float64(l)*lineH)
				p.doc.CellFormat(widths[j], lineH, line, "", 0, align, false, 0, "")
			}
			x += widths[j]
		}
		p.doc.SetTextColor(0, 0, 0)
		p.y += heights[i]
	}
	if panel > 0 {
		// The second panel ends higher or lower than the first; go on
		// below both.
		p.y = pageH - margin
	}
	p.y += tableAfter
}
