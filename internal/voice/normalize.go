package voice

import (
	"strings"
	"unicode"
)

// Flatten prepares text for a space-splitting lexicon scorer such as
// govader: curly and typographic apostrophes become straight ones, every
// style of double quotation mark becomes a straight one set off by spaces
// (govader misses a word glued to “ or ”), and runs of whitespace (line
// breaks, tabs, non-breaking spaces) become one space. It lives here, with
// the quotation marks it knows, for the tone and stance stages.
func Flatten(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	space := true
	for _, r := range s {
		switch r {
		case '’', '‘', '`', '´':
			r = '\''
		case '“', '”', '„', '«', '»', '"':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("\" ")
			space = true
			continue
		}
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSpace(b.String())
}
