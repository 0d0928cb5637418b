package reports

import (
	"encoding/csv"
	"io"
)

// safeCell returns cell as a spreadsheet will show it as text: a cell that
// starts with "=", "+", "-", "@", a tab or a carriage return would be read
// by Excel, LibreOffice or Google Sheets as a formula (CSV injection:
// "=HYPERLINK(…)", "+cmd|' /C calc'!A0", "@SUM(1+1)" from a title or from
// article text), so it gets a leading apostrophe, as OWASP's CSV-injection
// guidance recommends. Numbers ("-3.25", "+5", "-1e3") stay numbers.
func safeCell(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if isNumber(cell) {
			return cell
		}
		return "'" + cell
	}
	return cell
}

// isNumber reports whether s is a plain decimal number: an optional sign,
// digits with at most one point, an optional exponent.
func isNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, point := 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			goto exp
		}
	}
exp:
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		n := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			n++
		}
		if n == 0 {
			return false
		}
	}
	return i == len(s)
}

// csvWriter is a csv.Writer whose every cell goes through safeCell: every
// CSV framewatch writes (tables and per-unit streams) is made with it.
type csvWriter struct {
	*csv.Writer
	row []string
}

func newCSVWriter(w io.Writer) *csvWriter { return &csvWriter{Writer: csv.NewWriter(w)} }

// Write writes one record with its cells neutralised; record itself is
// not changed.
func (w *csvWriter) Write(record []string) error {
	w.row = w.row[:0]
	for _, c := range record {
		w.row = append(w.row, safeCell(c))
	}
	return w.Writer.Write(w.row)
}

// WriteAll writes records with Write and flushes.
func (w *csvWriter) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}
