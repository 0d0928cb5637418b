package outlets

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
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

var monthAlt = func() string {
	var ns []string
	for n := range months {
		ns = append(ns, regexp.QuoteMeta(n))
	}
	// Longest first, so that "june" wins over "jun"; ties sorted for a
	// deterministic pattern.
	sort.Slice(ns, func(i, j int) bool {
		if len(ns[i]) != len(ns[j]) {
			return len(ns[i]) > len(ns[j])
		}
		return ns[i] < ns[j]
	})
	return strings.Join(ns, "|")
}()

var (
	// 2024-06-19, 2024-06-19T10:00:00Z, 2024/06/19
	isoRe = regexp.MustCompile(`\b(\d{4})([-/])(\d{1,2})([-/])(\d{1,2})\b`)
	// 18.06.2024, 18. 6. 2024, 20/06/2024
	dmyRe = regexp.MustCompile(`\b(\d{1,2})(?:\.\s?|/)(\d{1,2})(?:\.\s?|/)(\d{4})\b`)
	// June 18, 2024; Jun. 18 2024; June 18th, 2024; June 18
	mdyRe = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	// 18 June 2024; 18. Juni 2024; 18th of June, 2024; 18 June
	dmy2Re = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(` + monthAlt + `)\b\.?(?:,?\s+(\d{4})\b)?`)
)

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

// findDates returns the valid dates in s, in order, without overlaps (a
// longer match wins over a shorter one starting at the same place).
func findDates(s string) []dateMatch {
	var ms []dateMatch
	add := func(start, end int, y, mo, d string) {
		yi, _ := strconv.Atoi(y)
		mi, ok := months[strings.ToLower(mo)]
		if !ok {
			mi, _ = strconv.Atoi(mo)
		}
		di, _ := strconv.Atoi(d)
		if y == "" {
			yi = 0
		}
		if !valid(yi, mi, di) {
			return
		}
		ms = append(ms, dateMatch{start, end, yi, mi, di})
	}
	for _, m := range isoRe.FindAllStringSubmatchIndex(s, -1) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] {
			continue // mixed separators: 2024-06/19
		}
		add(m[0], m[1], s[m[2]:m[3]], s[m[6]:m[7]], s[m[10]:m[11]])
	}
	for _, m := range dmyRe.FindAllStringSubmatchIndex(s, -1) {
		d, mo := s[m[2]:m[3]], s[m[4]:m[5]]
		if strings.Contains(s[m[0]:m[1]], "/") {
			// 20/06/2024 is day first; 06/20/2024 can only be month first.
			if di, _ := strconv.Atoi(mo); di > 12 {
				d, mo = mo, d
			}
		}
		add(m[0], m[1], s[m[6]:m[7]], mo, d)
	}
	for _, m := range mdyRe.FindAllStringSubmatchIndex(s, -1) {
		y := ""
		if m[6] >= 0 {
			y = s[m[6]:m[7]]
		}
		add(m[0], m[1], y, s[m[2]:m[3]], s[m[4]:m[5]])
	}
	for _, m := range dmy2Re.FindAllStringSubmatchIndex(s, -1) {
		y := ""
		if m[6] >= 0 {
			y = s[m[6]:m[7]]
		}
		add(m[0], m[1], y, s[m[4]:m[5]], s[m[2]:m[3]])
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.start < end {
			continue
		}
		out = append(out, m)
		end = m.end
	}
	return out
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
