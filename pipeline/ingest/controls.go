package ingest

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
)

// Control characters that are not white space (BEL, BS, ESC, DEL, the C1
// controls U+0080–U+009F) and ANSI escape sequences ("\x1b[31m") would be
// copied into titles, outlet and entity names, tables and the report, where
// a terminal or spreadsheet runs them or a reader sees garbage. A file that
// is mostly control characters is binary (isBinary); in any other text they
// are written over with spaces, byte for byte, so that the text keeps its
// length and every offset into it still holds, and metadata loses them.

// maxOSC is how far an operating-system command ("\x1b]0;title\a") is
// looked for its terminator; an unterminated one blanks only its "\x1b]".
const maxOSC = 256

// isControl reports whether byte c is an ASCII control character that is
// not white space.
func isControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' || c == 0x7f
}

// controlAt returns the length of the control character or escape
// sequence that starts at s[i], or 0 when none does.
func controlAt(s string, i int) int {
	c := s[i]
	switch {
	case c == 0x1b:
		return escapeLen(s[i:])
	case isControl(c):
		return 1
	case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
		return 2 // a C1 control, U+0080–U+009F
	}
	return 0
}

// escapeLen returns the length of the escape sequence at the start of s,
// which starts with ESC: a CSI sequence (ESC [ parameters intermediates
// final), an OSC command (ESC ] … BEL or ESC \), or ESC and one printable
// byte; at least the ESC itself.
func escapeLen(s string) int {
	if len(s) < 2 {
		return 1
	}
	switch s[1] {
	case '[':
		j := 2
		for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f { // parameters
			j++
		}
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f { // intermediates
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e { // final byte
			return j + 1
		}
		return 2
	case ']':
		for j := 2; j < len(s) && j < maxOSC; j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return 2
	}
	if s[1] >= 0x20 && s[1] <= 0x7e {
		return 2
	}
	return 1
}

// blankControls returns s with every control character that is not white
// space and every ANSI escape sequence written over with spaces (as many
// as the bytes they held), and how many there were. s is returned as it is
// when it holds none.
func blankControls(s string) (string, int) {
	first := -1
	for i := 0; i < len(s); i++ {
		if controlAt(s, i) > 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return s, 0
	}
	b := []byte(s)
	n := 0
	for i := first; i < len(b); {
		k := controlAt(s, i)
		if k == 0 {
			i++
			continue
		}
		for j := i; j < i+k; j++ {
			b[j] = ' '
		}
		n++
		i += k
	}
	return string(b), n
}

// stripControls returns a metadata value without its control characters
// and escape sequences (runs of white space left by them fold to one
// space), and whether it had any.
func stripControls(s string) (string, bool) {
	b, n := blankControls(s)
	if n == 0 {
		return s, false
	}
	return strings.Join(strings.Fields(b), " "), true
}

// blankText writes over the control characters of d's text (see
// blankControls) and notes how many there were. Call it after the binary
// tests, which count them, and before hashing.
func blankText(d *pipeline.Doc) {
	t, n := blankControls(d.Text)
	if n == 0 {
		return
	}
	d.Text = t
	d.Notes = append(d.Notes, fmt.Sprintf("%d control characters or escape sequences (BEL, ESC, ANSI colours) in the text written over with spaces", n))
}

// stripMeta removes control characters from d's metadata, with a note
// naming the fields that had some.
func stripMeta(d *pipeline.Doc) {
	var fields []string
	for _, f := range []struct {
		name string
		v    *string
	}{
		{"title", &d.Meta.Title}, {"outlet", &d.Meta.Outlet}, {"country", &d.Meta.Country},
		{"date", &d.Meta.Date}, {"url", &d.Meta.URL}, {"author", &d.Meta.Author},
	} {
		if v, had := stripControls(*f.v); had {
			*f.v = v
			fields = append(fields, f.name)
		}
	}
	cloned := false
	for k, v := range d.Meta.Extra {
		if s, had := stripControls(v); had {
			if !cloned {
				// A sidecar's map is shared by the prefetch workers.
				d.Meta.Extra, cloned = maps.Clone(d.Meta.Extra), true
			}
			d.Meta.Extra[k] = s
			fields = append(fields, k)
		}
	}
	if len(fields) > 0 {
		// Extra is a map: sort the names its loop added.
		slices.Sort(fields)
		d.Notes = append(d.Notes, "control characters removed from metadata: "+strings.Join(fields, ", "))
	}
}
