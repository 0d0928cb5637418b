package outlets

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// months maps month names and abbreviations (English, German, French,
// Spanish, Italian; lower case, without a final dot) to their number.
var months = func() map[string]int {
	months := map[string]int{}
	names := [][]string{
		{"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen"},
		{"february", "feb", "februar", "février", "fevrier", "févr", "febrero", "febbraio"},
		{"march", "mar", "märz", "maerz", "mars", "marzo"},
		{"april", "apr", "avril", "abril", "aprile", "abr"},
		{"may", "mai", "mayo", "maggio", "mag"},
		{"june", "jun", "juni", "juin", "junio", "giugno", "giu"},
		{"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug"},
		{"august", "aug", "août", "aout", "agosto", "ago"},
		{"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set"},
		{"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"},
		{"november", "nov", "novembre", "noviembre"},
		{"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre"},
	}
	for i, ns := range names {
		for _, n := range ns {
			months[n] = i + 1
		}
	}
	return months
}()

// dateMatch is one date found in a string. Year is 0 when the text gives
// none ("June 18").
type dateMatch struct {
	start, end       int
	year, month, day int
}

// iso formats m, or "" when it has no year.
func (m dateMatch) iso() string {
	if m.year == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", m.year, m.month, m.day)
}

// token is a run of digits, a run of letters, or one other character.
type token struct {
	start, end int
	kind       byte // 'd' digits, 'w' word, else the byte itself (or 'u' for other runes)
	text       string
}

// tokenize appends the tokens of s to ts.
func tokenize(s string, ts []token) []token {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			ts = append(ts, token{i, j, 'd', s[i:j]})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
			}
			ts = append(ts, token{i, j, 'w', s[i:j]})
			i = j
		default:
			k := byte('u')
			if r < utf8.RuneSelf {
				k = byte(r)
			}
			ts = append(ts, token{i, i + n, k, s[i : i+n]})
			i += n
		}
	}
	return ts
}

// dateScanner matches date patterns on a token list.
type dateScanner struct {
	ts []token
}

func (sc dateScanner) at(i int, kind byte) bool { return i < len(sc.ts) && sc.ts[i].kind == kind }

// adjacent reports whether token i starts where token i-1 ends.
func (sc dateScanner) adjacent(i int) bool {
	return i > 0 && i < len(sc.ts) && sc.ts[i].start == sc.ts[i-1].end
}

// skipSpace returns the index of the first non-space token at or after i.
func (sc dateScanner) skipSpace(i int) int {
	for i < len(sc.ts) && (sc.ts[i].kind == ' ' || sc.ts[i].kind == '\t' || sc.ts[i].text == "\u00a0") {
		i++
	}
	return i
}

func (sc dateScanner) num(i, minLen, maxLen int) (int, bool) {
	if !sc.at(i, 'd') || len(sc.ts[i].text) < minLen || len(sc.ts[i].text) > maxLen {
		return 0, false
	}
	v, _ := strconv.Atoi(sc.ts[i].text)
	return v, true
}

func (sc dateScanner) month(i int) (int, bool) {
	if !sc.at(i, 'w') {
		return 0, false
	}
	m, ok := months[strings.ToLower(sc.ts[i].text)]
	return m, ok
}

// ordinal skips an "st", "nd", "rd" or "th" glued to the number before i.
func (sc dateScanner) ordinal(i int) int {
	if sc.at(i, 'w') && sc.adjacent(i) {
		switch strings.ToLower(sc.ts[i].text) {
		case "st", "nd", "rd", "th":
			return i + 1
		}
	}
	return i
}

// year matches ",? YYYY" after i; it returns the year and the index after it.
func (sc dateScanner) year(i int) (int, int) {
	j := i
	if sc.at(j, ',') {
		j++
	}
	j = sc.skipSpace(j)
	if j == i || (j > 0 && !sc.at(j-1, ' ') && !sc.at(j-1, '\t')) {
		return 0, i // a year needs a space before it
	}
	if y, ok := sc.num(j, 4, 4); ok && !sc.at(j+1, 'd') && !(sc.at(j+1, ':') || sc.at(j+1, '.') && sc.at(j+2, 'd')) {
		return y, j + 1
	}
	return 0, i
}

// match tries the date patterns at token i; it returns the date and the
// index of the token after it.
func (sc dateScanner) match(i int) (dateMatch, int, bool) {
	ts := sc.ts
	start := ts[i].start
	mk := func(end, y, m, d int) (dateMatch, int, bool) {
		if !valid(y, m, d) {
			return dateMatch{}, 0, false
		}
		return dateMatch{start, ts[end-1].end, y, m, d}, end, true
	}
	if a, ok := sc.num(i, 1, 4); ok {
		la := len(ts[i].text)
		// Numeric: YYYY-MM-DD, YYYY/MM/DD, DD.MM.YYYY, DD/MM/YYYY.
		if i+4 < len(ts) && (sc.at(i+1, '-') || sc.at(i+1, '/') || sc.at(i+1, '.')) {
			sep := ts[i+1].kind
			j := i + 2
			if sep == '.' && sc.at(j, ' ') {
				j++
			}
			if b, ok := sc.num(j, 1, 2); ok && sc.at(j+1, sep) {
				k := j + 2
				if sep == '.' && sc.at(k, ' ') {
					k++
				}
				if c, ok := sc.num(k, 1, 4); ok && !sc.at(k+1, 'd') {
					lc := len(ts[k].text)
					switch {
					case la == 4 && sep != '.' && lc <= 2 && !(k+1 < len(ts) && ts[k+1].kind == 'w' && ts[k+1].text != "T" && sc.adjacent(k+1)):
						return mk(k+1, a, b, c)
					case la <= 2 && lc == 4:
						if sep != '.' && b > 12 {
							return mk(k+1, c, a, b) // 06/20/2024: month first
						}
						return mk(k+1, c, b, a)
					}
				}
			}
		}
		// Day before month: 18 June 2024, 18. Juni 2024, 18th of June, 2024.
		if la <= 2 {
			j := sc.ordinal(i + 1)
			dot := sc.at(j, '.')
			if dot {
				j++
			}
			k := sc.skipSpace(j)
			if k > j && sc.at(k, 'w') && strings.EqualFold(ts[k].text, "of") {
				k = sc.skipSpace(k + 1)
			}
			if j = k; j > i+1 && (dot || !sc.adjacent(j) || sc.at(j-1, ' ') || sc.at(j-1, '\t')) {
				if m, ok := sc.month(j); ok {
					end := j + 1
					if sc.at(end, '.') {
						end++
					}
					y, e := sc.year(end)
					if y == 0 {
						return mk(j+1, 0, m, a)
					}
					return mk(e, y, m, a)
				}
			}
		}
		return dateMatch{}, 0, false
	}
	// Month before day: June 18, 2024; Jun. 18 2024; June 18th, 2024.
	if m, ok := sc.month(i); ok && (i == 0 || ts[i-1].kind != 'w' || !sc.adjacent(i)) {
		j := i + 1
		if sc.at(j, '.') {
			j++
		}
		k := sc.skipSpace(j)
		if k == j {
			return dateMatch{}, 0, false
		}
		if d, ok := sc.num(k, 1, 2); ok && !sc.at(k+1, ':') {
			end := sc.ordinal(k + 1)
			if sc.at(end, 'd') || sc.at(end, 'w') && sc.adjacent(end) {
				return dateMatch{}, 0, false
			}
			y, e := sc.year(end)
			if y == 0 {
				return mk(end, 0, m, d)
			}
			return mk(e, y, m, d)
		}
	}
	return dateMatch{}, 0, false
}

// tokenBufs recycles findDates' token lists: it runs on every line of
// every document, and the matches it returns do not refer to them.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// findDates returns the valid dates in s, in order and without overlaps.
func findDates(s string) []dateMatch {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	buf := tokenBufs.Get().(*[]token)
	sc := dateScanner{ts: tokenize(s, (*buf)[:0])}
	defer func() {
		clear(sc.ts) // drop the references to s
		*buf = sc.ts[:0]
		tokenBufs.Put(buf)
	}()
	var ms []dateMatch
	for i := 0; i < len(sc.ts); {
		// A date starts at a number or word that does not continue
		// another one ("A1 2024" or "x18.06.2024" are not dates).
		if k := sc.ts[i].kind; (k == 'd' || k == 'w') && !(i > 0 && sc.adjacent(i) && (sc.ts[i-1].kind == 'd' || sc.ts[i-1].kind == 'w')) {
			if m, next, ok := sc.match(i); ok {
				ms = append(ms, m)
				i = next
				continue
			}
		}
		i++
	}
	return ms
}

func valid(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y == 0 {
		return d <= [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	}
	if y < 1800 || y > 2200 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParseDate returns the first complete date in s as an ISO 8601 date
// (YYYY-MM-DD), or "" when s has none. It understands ISO dates and
// timestamps ("2024-06-19", "2024-06-19T10:00:00Z", "2024/06/19"), day-first
// numeric dates ("18.06.2024 10:37 a.m.", "20/06/2024"), and dates with
// month names in English, German, French, Spanish or Italian ("June 18,
// 2024", "[September 14, 2023]", "18 June 2024", "18. Juni 2024", "Tue, 18
// Jun 2024 10:00:00 GMT"). A date without a year ("June 18") is not
// complete; the stage completes it from the document's context.
func ParseDate(s string) string {
	for _, m := range findDates(s) {
		if m.year != 0 {
			return m.iso()
		}
	}
	return ""
}
