package voice

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Flatten prepares text for a space-splitting lexicon scorer such as
// govader: curly and typographic apostrophes become straight ones, every
// style of double quotation mark becomes a straight one set off by spaces
// (govader misses a word glued to “ or ”), and runs of whitespace (line
// breaks, tabs, non-breaking spaces) become one space. It lives here, with
// the quotation marks it knows, for the tone and stance stages.
func Flatten(s string) string {
	// Leading and trailing ASCII white space goes, as TrimSpace would.
	i, j := 0, len(s)
	for i < j && asciiSpace[s[i]] {
		i++
	}
	for j > i && asciiSpace[s[j-1]] {
		j--
	}
	if t := s[i:j]; flat(t) {
		return t
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	space := true
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c != '`' && c != '"' && !asciiSpace[c] {
			// The common byte: copied as is.
			b.WriteByte(c)
			space = false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
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

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// flat reports whether Flatten(s) is s itself: ASCII without double quotes,
// backticks or whitespace other than single inner spaces. Most sentences
// of English news are, and then Flatten neither copies nor allocates.
func flat(s string) bool {
	space := true // a leading space is not flat
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '"' || c == '`' {
			return false
		}
		if c == ' ' {
			if space {
				return false
			}
			space = true
			continue
		}
		if asciiSpace[c] {
			return false
		}
		space = false
	}
	return !space || s == ""
}
