package figures

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	kWord kind = iota + 1
	kNum
	kSym
)

// token is one word, number or symbol of the scanned text. The scanner
// keeps its own light tokens, not the text stage's, so that Parse works on
// any string and numbers such as "1,250,000" and "4.8" stay whole.
type token struct {
	s, e  int
	v     float64 // value of a number
	ent   *entry  // lexicon entry of a word or symbol, or nil
	r     rune    // the rune of a symbol
	k     kind
	sp    bool // whitespace (or the start of the text) before the token
	nl    bool // a line break (or the start of the text) before the token
	up    bool // a word starting with an upper-case letter
	comma bool // a number with thousands separators
	dot   bool // a number with a decimal part
	nd    uint8
}

// tokenize appends the tokens of s to dst and returns it.
func tokenize(dst []token, s string) []token {
	sp, nl := true, true
	var lower [32]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r':
				sp = true
				i++
				continue
			case c == '\n' || c == '\f' || c == '\v':
				sp, nl = true, true
				i++
				continue
			case c == '.' && sp && i+1 < len(s) && isDigit(s[i+1]) && (i+2 >= len(s) || s[i+2] != '.'):
				// ".534", ".001 per cent": a decimal without its zero.
				t := token{s: i, k: kNum, sp: sp, nl: nl, dot: true}
				j := i + 1
				for j < len(s) && isDigit(s[j]) {
					j++
				}
				t.e = j
				t.v = parseNumber(s[i:j], false)
				dst = append(dst, t)
				i = j
				sp, nl = false, false
				continue
			case c >= '0' && c <= '9':
				t := token{s: i, k: kNum, sp: sp, nl: nl}
				j := scanNumber(s, i, &t)
				t.e = j
				dst = append(dst, t)
				i = j
				sp, nl = false, false
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				j := scanWord(s, i)
				t := token{s: i, e: j, k: kWord, sp: sp, nl: nl, up: c >= 'A' && c <= 'Z'}
				t.ent = lookup(s[i:j], &lower)
				dst = append(dst, t)
				i = j
				sp, nl = false, false
				continue
			default:
				t := token{s: i, e: i + 1, k: kSym, sp: sp, nl: nl, r: rune(c)}
				t.ent = lookup(s[i:i+1], &lower)
				dst = append(dst, t)
				i++
				sp, nl = false, false
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\u2002' || r == '\u2003' || r == '\u200b' || r == '\u3000':
			sp = true
			i += n
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			sp, nl = true, true
			i += n
		case unicode.IsLetter(r):
			j := scanWord(s, i)
			t := token{s: i, e: j, k: kWord, sp: sp, nl: nl, up: unicode.IsUpper(r)}
			t.ent = lookup(s[i:j], &lower)
			dst = append(dst, t)
			i = j
			sp, nl = false, false
		case unicode.IsSpace(r):
			sp = true
			i += n
		default:
			dst = append(dst, token{s: i, e: i + n, k: kSym, sp: sp, nl: nl, r: r})
			i += n
			sp, nl = false, false
		}
	}
	return dst
}

// scanNumber reads digits with thousands separators and a decimal part
// starting at s[i] and fills t's value fields.
func scanNumber(s string, i int, t *token) int {
	j := i
	nd := 0
	for j < len(s) && isDigit(s[j]) {
		j++
		nd++
	}
	// Thousands separators: a comma followed by exactly three digits, and
	// only when the first group has at most three digits.
	if nd <= 3 {
		for j+3 < len(s)+0 && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) {
			j += 4
			t.comma = true
		}
		if j+3 == len(s) && s[j] == ',' {
			// "1,000" is handled above; a trailing ",12" is not a separator.
		}
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		// "1.2.3" is a version or a date, not a decimal: keep the first
		// part only and let the parser see the rest.
		if !(k+1 < len(s) && s[k] == '.' && isDigit(s[k+1])) {
			j = k
			t.dot = true
		}
	}
	if nd > 255 {
		nd = 255
	}
	t.nd = uint8(nd)
	t.v = parseNumber(s[i:j], t.comma)
	return j
}

// parseNumber converts digits with optional separators to a float.
func parseNumber(s string, comma bool) float64 {
	if !comma {
		if len(s) <= 15 && !containsByte(s, '.') {
			var v int64
			for i := 0; i < len(s); i++ {
				v = v*10 + int64(s[i]-'0')
			}
			return float64(v)
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0
		}
		return v
	}
	var buf [64]byte
	b := buf[:0]
	if len(s) > len(buf) {
		b = make([]byte, 0, len(s))
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			b = append(b, s[i])
		}
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return 0
	}
	return v
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// scanWord reads a word: letters, inner apostrophes, and initialisms with
// inner dots ("U.S.", "a.m.").
func scanWord(s string, i int) int {
	j := i
	seg := 0
	dotted := false
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				j++
				seg++
				continue
			}
			if (c == '\'') && j+1 < len(s) && isASCIILetter(s[j+1]) && j > i {
				j++
				continue
			}
			if c == '.' && seg <= 2 && j+1 < len(s) && isASCIILetter(s[j+1]) &&
				(j+2 == len(s) || s[j+2] == '.') {
				j++
				seg = 0
				dotted = true
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			j += n
			seg++
			continue
		}
		if r == '’' && j > i && j+n < len(s) && isASCIILetter(s[j+n]) {
			j += n
			continue
		}
		break
	}
	if dotted && j < len(s) && s[j] == '.' {
		j++
	}
	return j
}

// lookup finds the lexicon entry of a word, case-insensitively, without
// allocating.
func lookup(w string, buf *[32]byte) *entry {
	if len(w) > len(buf) {
		return nil
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	if b[len(b)-1] == '\'' || len(b) > 2 && b[len(b)-2] == '\'' && b[len(b)-1] == 's' {
		return nil // possessives are not lexicon words
	}
	return lexicon[string(b)]
}

// inSet reports whether token i, in lower case, is a key of m, without
// allocating.
func (p *parser) inSet(i int, m map[string]bool) bool {
	if i < 0 || i >= len(p.t) {
		return false
	}
	w := p.s[p.t[i].s:p.t[i].e]
	if len(w) > 32 {
		return false
	}
	var buf [32]byte
	b := buf[:len(w)]
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return m[string(b)]
}
