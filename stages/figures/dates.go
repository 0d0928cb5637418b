package figures

import (
	"fmt"
	"strings"
	"time"
)

// Date is a date or time found in a text, with byte offsets into it. Date
// is ISO 8601 where it can be: "2024-06-18", "2024-06", "2024", "199" (the
// 1990s), "2019/2020" (a span), "2024-W25" (a week), "T10:37" (a time
// alone; a date with a time keeps only the day), or "" when a relative or
// year-less date ("on Tuesday", "June 18") has no reference date.
type Date struct {
	Start, End int
	Text       string
	Date       string
}

// dateCand is a date before resolution against the reference date.
type dateCand struct {
	s, e        int // byte offsets
	year, month int // 0 when absent
	day         int
	year2       int  // end year of a span
	decade      bool // year is a decade ("1990s")
	wday        int  // weekday+1, 0 when absent
	rel         int  // -1 last, +1 next, 0 none for weekdays and months
	relSet      bool
	dayOff      int  // offset in days for yesterday/tomorrow
	dayRel      bool // yesterday/today/tomorrow
	relYear     bool // "last year": year offset in rel
	relMonth    bool // "last month"
	relWeek     bool // "last week"
	hour, min   int
	hasTime     bool
}

// ParseDates returns the dates and times of s in text order, resolving
// relative dates ("June 18", "last September", "on Tuesday") against ref,
// an ISO date ("2024-06-19"); ref may be "".
func ParseDates(s, ref string) ([]Date, error) {
	if len(s) > MaxParseLen {
		return nil, ErrTooLong
	}
	p := getParser(s, nil, "")
	defer putParser(p)
	p.run()
	r, hasRef := parseRef(ref)
	out := make([]Date, 0, len(p.ds))
	for _, c := range p.ds {
		out = append(out, Date{Start: c.s, End: c.e, Text: s[c.s:c.e], Date: c.resolve(r, hasRef)})
	}
	return out, nil
}

// parseRef reads a reference date: an ISO date, optionally with a time.
func parseRef(ref string) (time.Time, bool) {
	if len(ref) >= 10 {
		if t, err := time.Parse("2006-01-02", ref[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// resolve turns the candidate into an ISO 8601 string.
func (c dateCand) resolve(ref time.Time, hasRef bool) string {
	switch {
	case c.hasTime && c.year == 0 && c.month == 0 && c.wday == 0 && !c.dayRel:
		return fmt.Sprintf("T%02d:%02d", c.hour, c.min)
	case c.decade:
		return fmt.Sprintf("%d", c.year/10)
	case c.year2 != 0:
		return fmt.Sprintf("%04d/%04d", c.year, c.year2)
	case c.relYear:
		if !hasRef {
			return ""
		}
		return fmt.Sprintf("%04d", ref.Year()+c.rel)
	case c.relMonth:
		if !hasRef {
			return ""
		}
		return ref.AddDate(0, c.rel, 0).Format("2006-01")
	case c.relWeek:
		if !hasRef {
			return ""
		}
		y, w := ref.AddDate(0, 0, 7*c.rel).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case c.dayRel:
		if !hasRef {
			return ""
		}
		return withTime(ref.AddDate(0, 0, c.dayOff).Format("2006-01-02"), c)
	case c.month != 0 && c.day != 0:
		y := c.year
		if y == 0 {
			if !hasRef {
				return "" // no year evidence
			}
			y = nearestYear(ref, c.month, c.day, c.rel)
		}
		if c.day > daysIn(y, c.month) {
			return fmt.Sprintf("%04d-%02d", y, c.month)
		}
		return withTime(fmt.Sprintf("%04d-%02d-%02d", y, c.month, c.day), c)
	case c.month != 0:
		y := c.year
		if y == 0 {
			if !hasRef {
				return ""
			}
			y = ref.Year()
			switch {
			case c.rel < 0 || !c.relSet && c.month > int(ref.Month())+2:
				// "last September"; a bare month well after the reference
				// month is last year's.
				if c.month >= int(ref.Month()) {
					y--
				}
			case c.rel > 0:
				if c.month <= int(ref.Month()) {
					y++
				}
			}
		}
		return fmt.Sprintf("%04d-%02d", y, c.month)
	case c.year != 0:
		return fmt.Sprintf("%04d", c.year)
	case c.wday != 0:
		if !hasRef {
			return ""
		}
		d := int(ref.Weekday()) - (c.wday - 1)
		switch {
		case c.rel > 0:
			d = (c.wday - 1) - int(ref.Weekday())
			if d <= 0 {
				d += 7
			}
			return withTime(ref.AddDate(0, 0, d).Format("2006-01-02"), c)
		case c.rel < 0:
			if d <= 0 {
				d += 7
			}
		default:
			if d < 0 {
				d += 7
			}
		}
		return withTime(ref.AddDate(0, 0, -d).Format("2006-01-02"), c)
	}
	return ""
}

// withTime returns the date of a date with a time: the time stays in the
// mention's text, the date is the day ("June 19, 2024, 3:41 a.m." is
// 2024-06-19), as the fixtures' gold decides.
func withTime(d string, _ dateCand) string { return d }

// nearestYear picks the year that puts month/day closest to ref.
func nearestYear(ref time.Time, month, day, rel int) int {
	y := ref.Year()
	best, bestD := y, -1.0
	for _, cy := range []int{y - 1, y, y + 1} {
		t := time.Date(cy, time.Month(month), min(day, daysIn(cy, month)), 0, 0, 0, 0, time.UTC)
		d := t.Sub(ref).Hours()
		if rel < 0 && d >= 0 || rel > 0 && d <= 0 {
			continue
		}
		if d < 0 {
			d = -d
		}
		if bestD < 0 || d < bestD {
			best, bestD = cy, d
		}
	}
	return best
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dayNumber reads a day of the month at token i ("18", "18th").
func (p *parser) dayNumber(i int) (int, int) {
	if i >= len(p.t) || p.t[i].k != kNum || p.t[i].dot || p.t[i].comma || p.t[i].nd > 2 {
		return 0, i
	}
	d := int(p.t[i].v)
	if d < 1 || d > 31 {
		return 0, i
	}
	j := i + 1
	if j < len(p.t) && p.glued(j) && p.t[j].k == kWord {
		switch strings.ToLower(p.text(j)) {
		case "st", "nd", "rd", "th":
			j++
		default:
			return 0, i
		}
	}
	return d, j
}

// yearNumber reads a four-digit year at token i.
func (p *parser) yearNumber(i int) (int, int) {
	if i >= len(p.t) || p.t[i].k != kNum || p.t[i].dot || p.t[i].comma || p.t[i].nd != 4 {
		return 0, i
	}
	y := int(p.t[i].v)
	if y < 1000 || y > 2100 && !(y < 2200 && p.has(i-1, wPrep)) {
		return 0, i
	}
	if p.glued(i+1) && p.t[i+1].k == kWord {
		return 0, i
	}
	return y, i + 1
}

// monthAt reads a month name at i; "May" and "March" must be capitalised
// and abbreviations may take a dot.
func (p *parser) monthAt(i int) (int, int) {
	if !p.has(i, wMonth) || !p.t[i].up {
		return 0, i
	}
	m := int(p.t[i].ent.month)
	j := i + 1
	if p.t[i].e-p.t[i].s <= 4 && p.isSym(j, '.') && p.glued(j) {
		j++
	}
	return m, j
}

// addDate records a date candidate over tokens [i, j).
func (p *parser) addDate(c dateCand, i, j int) int {
	c.s, c.e = p.t[i].s, p.t[j-1].e
	p.ds = append(p.ds, c)
	return j
}

// date reads a date or time at token i and records it; it returns the
// index after it, or i.
func (p *parser) date(i int) int {
	t := p.t[i]
	switch {
	case t.k == kWord && t.ent != nil && t.ent.flags&(wMonth|wWeekday|wRel|wDayRel) != 0 || p.is(i, "mid") || p.is(i, "between") || p.is(i, "from"):
		return p.wordDate(i)
	case t.k == kNum:
		return p.numDate(i)
	}
	return i
}

func (p *parser) wordDate(i int) int {
	var c dateCand
	j := i
	// "between 2014 and 2017", "from 2014 to 2017"
	if p.is(j, "between") || p.is(j, "from") {
		y1, k := p.yearNumber(j + 1)
		if y1 == 0 || !(p.is(k, "and") || p.is(k, "to")) {
			return i
		}
		y2, k2 := p.yearNumber(k + 1)
		if y2 == 0 || y2 <= y1 || p.followsUnit(k2) || p.pluralNoun(k2) {
			return i
		}
		c.year, c.year2 = y1, y2
		return p.addDate(c, j+1, k2)
	}
	if p.is(j, "mid") && p.isDash(j+1) && p.glued(j+1) {
		if y, k := p.yearNumber(j + 2); y != 0 && p.glued(j+2) {
			c.year = y
			return p.addDate(c, j, k)
		}
		return i
	}
	if p.has(j, wDayRel) {
		c.dayRel, c.dayOff = true, int(p.t[j].ent.rel)
		return p.addDate(c, j, j+1)
	}
	if p.has(j, wRel) && !p.has(j, wMonth|wWeekday) {
		k := j + 1
		switch {
		case p.is(k, "year"):
			c.relYear, c.rel = true, int(p.t[j].ent.rel)
			return p.addDate(c, j, k+1)
		case p.is(k, "month"):
			c.relMonth, c.rel = true, int(p.t[j].ent.rel)
			return p.addDate(c, j, k+1)
		case p.is(k, "week"):
			c.relWeek, c.rel = true, int(p.t[j].ent.rel)
			return p.addDate(c, j, k+1)
		case p.has(k, wMonth|wWeekday) && p.t[k].up:
			c.rel, c.relSet = int(p.t[j].ent.rel), true
			j = k
		default:
			return i
		}
	}
	start := j
	if p.has(j, wWeekday) && p.t[j].up {
		c.wday = int(p.t[j].ent.wday) + 1
		j++
		// "Wednesday, June 19"
		k := j
		if p.isSym(k, ',') {
			k++
		}
		if m, k2 := p.monthAt(k); m != 0 {
			if d, k3 := p.dayNumber(k2); d != 0 {
				c.month, c.day, c.wday = m, d, 0
				j = k3
				j = p.dateYear(&c, j)
			}
		}
		j = p.dateTime(&c, j)
		return p.addDate(c, i, j)
	}
	m, k := p.monthAt(j)
	if m == 0 {
		return i
	}
	c.month = m
	if d, k2 := p.dayNumber(k); d != 0 && !(p.glued(k) && p.t[k].k == kNum) {
		c.day = d
		// "Sept. 20-24": a span of days; the date is its first day.
		if p.isDash(k2) && p.glued(k2) {
			if d2, k3 := p.dayNumber(k2 + 1); d2 > d && p.glued(k2+1) {
				k2 = k3
			}
		}
		k = p.dateYear(&c, k2)
		k = p.dateTime(&c, k)
		return p.addDate(c, i, k)
	}
	if y, k2 := p.yearNumber(k); y != 0 {
		c.year = y
		return p.addDate(c, i, k2)
	}
	if p.is(k, "of") {
		if y, k2 := p.yearNumber(k + 1); y != 0 {
			c.year = y
			return p.addDate(c, i, k2)
		}
	}
	// A month alone needs a preposition or "last"/"next" before it; "May"
	// and "March" are also common words.
	if c.relSet || p.has(start-1, wPrep) && !p.is(start-1, ",") {
		if (p.is(start, "may") || p.is(start, "march")) && !c.relSet && !p.is(start-1, "in") && !p.is(start-1, "since") && !p.is(start-1, "until") && !p.is(start-1, "early") && !p.is(start-1, "late") {
			return i
		}
		return p.addDate(c, i, k)
	}
	return i
}

// dateYear reads an optional ", 2024" after a day.
func (p *parser) dateYear(c *dateCand, j int) int {
	k := j
	if p.isSym(k, ',') {
		k++
	}
	if y, k2 := p.yearNumber(k); y != 0 {
		c.year = y
		return k2
	}
	return j
}

// dateTime reads an optional time after a date: "at 10:37 a.m.".
func (p *parser) dateTime(c *dateCand, j int) int {
	k := j
	if p.isSym(k, ',') {
		k++
	}
	if p.is(k, "at") {
		k++
	}
	if h, m, k2 := p.clock(k); k2 > k {
		c.hour, c.min, c.hasTime = h, m, true
		return k2
	}
	return j
}

// clock reads a time at i: "10:37", "10:37 a.m.", "5pm", "10.45pm",
// "0401 GMT".
func (p *parser) clock(i int) (h, m, end int) {
	if i >= len(p.t) || p.t[i].k != kNum || p.t[i].comma {
		return 0, 0, i
	}
	t := p.t[i]
	j := i + 1
	switch {
	case !t.dot && t.nd <= 2 && p.isSym(j, ':') && p.glued(j) && j+1 < len(p.t) && p.t[j+1].k == kNum && p.glued(j+1) && p.t[j+1].nd == 2 && !p.t[j+1].comma:
		h, m = int(t.v), int(p.t[j+1].v)
		j += 2
		if p.isSym(j, ':') && p.glued(j) && j+1 < len(p.t) && p.t[j+1].k == kNum && p.t[j+1].nd == 2 {
			j += 2
		}
		if p.t[j-1].dot {
			// "10:37.5" is not a clock
			return 0, 0, i
		}
	case t.dot && t.nd <= 2 && p.has(j, wAmPm):
		txt := p.text(i)
		k := strings.IndexByte(txt, '.')
		if len(txt)-k-1 != 2 {
			return 0, 0, i
		}
		h = int(t.v)
		m = int(txt[k+1]-'0')*10 + int(txt[k+2]-'0')
	case !t.dot && t.nd <= 2 && p.has(j, wAmPm):
		h = int(t.v)
	case !t.dot && t.nd == 4 && p.has(j, wZone) && p.t[j].sp:
		h, m = int(t.v)/100, int(t.v)%100
		if h > 23 || m > 59 {
			return 0, 0, i
		}
		return h, m, j + 1
	default:
		return 0, 0, i
	}
	if h > 24 || m > 59 {
		return 0, 0, i
	}
	if p.has(j, wAmPm) {
		w := strings.ToLower(p.text(j))
		if w[0] == 'p' && h < 12 {
			h += 12
		}
		if w[0] == 'a' && h == 12 {
			h = 0
		}
		j++
		// "a.m" without its last dot
		if p.isSym(j, '.') && p.glued(j) && !strings.HasSuffix(w, ".") && strings.Contains(w, ".") {
			j++
		}
	}
	if p.has(j, wZone) && p.t[j].up {
		j++
	}
	return h, m, j
}

// followsUnit reports whether a unit, scale or currency word is at j, so
// that a four-digit number before it is a quantity, not a year.
func (p *parser) followsUnit(j int) bool {
	if j >= len(p.t) {
		return false
	}
	if p.has(j, wScale|wAbbr) {
		return true
	}
	if _, _, ok := p.unitAt(j, p.glued(j)); ok {
		return true
	}
	return false
}

func (p *parser) numDate(i int) int {
	var c dateCand
	t := p.t[i]
	if p.glued(i) && i > 0 && (p.t[i-1].k == kWord || p.t[i-1].k == kSym && p.t[i-1].r == '$') {
		return i
	}
	// Times.
	if h, m, j := p.clock(i); j > i {
		c.hour, c.min, c.hasTime = h, m, true
		return p.addDate(c, i, j)
	}
	// "1:36.6", "3:1": lap times and ratios, not figures.
	if p.isSym(i+1, ':') && p.glued(i+1) && i+2 < len(p.t) && p.t[i+2].k == kNum && p.glued(i+2) {
		j := i + 3
		for j < len(p.t) && p.glued(j) && (p.t[j].k == kNum || p.isSym(j, ':')) {
			j++
		}
		return j
	}
	// Dotted day-first dates: 18.06.2024 (scanned as 18 . 06.2024).
	if t.nd <= 2 && !t.dot && p.isSym(i+1, '.') && p.glued(i+1) && i+2 < len(p.t) && p.t[i+2].k == kNum && p.glued(i+2) && p.t[i+2].dot {
		if txt := p.text(i + 2); len(txt) == 7 && txt[2] == '.' {
			c.day, c.month = int(t.v), int(txt[0]-'0')*10+int(txt[1]-'0')
			c.year = int(p.t[i+2].v*10000+0.5) % 10000
			if c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= 31 && c.year >= 1000 {
				j := p.dateTime(&c, i+3)
				return p.addDate(c, i, j)
			}
		}
	}
	// ISO dates: 2024-06-18, 2024/06/18.
	if t.nd == 4 && !t.dot && !t.comma && (p.isDash(i+1) || p.isSym(i+1, '/')) && p.glued(i+1) && i+4 < len(p.t) &&
		p.t[i+2].k == kNum && p.t[i+2].nd == 2 && p.t[i+3].k == kSym && p.t[i+3].r == p.t[i+1].r && p.t[i+4].k == kNum && p.t[i+4].nd == 2 && !p.t[i+4].dot {
		c.year, c.month, c.day = int(t.v), int(p.t[i+2].v), int(p.t[i+4].v)
		if c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= 31 {
			j := i + 5
			if p.is(j, "T") && p.glued(j) {
				if h, m, k := p.clock(j + 1); k > j+1 && p.glued(j+1) {
					c.hour, c.min, c.hasTime = h, m, true
				}
			}
			for j < len(p.t) && p.glued(j) && !(p.t[j].k == kSym && (p.t[j].r == ',' || p.t[j].r == ';' || p.t[j].r == ')')) {
				j++
			}
			if j < len(p.t) && p.isSym(j-1, '.') {
				j--
			}
			j = p.dateTime(&c, j)
			return p.addDate(c, i, j)
		}
	}
	// Slashed dates: 18/06/2024, 6/18/2024, 6/18/24.
	if t.nd <= 2 && !t.dot && p.isSym(i+1, '/') && p.glued(i+1) && i+4 < len(p.t) && p.t[i+2].k == kNum &&
		p.t[i+2].nd <= 2 && p.isSym(i+3, '/') && p.glued(i+3) && p.t[i+4].k == kNum && p.glued(i+4) &&
		(p.t[i+4].nd == 4 || p.t[i+4].nd == 2) && !p.t[i+2].dot && !p.t[i+4].dot {
		a, b, y := int(t.v), int(p.t[i+2].v), int(p.t[i+4].v)
		if y < 100 {
			y += 2000
		}
		if a > 12 {
			a, b = b, a
		}
		if a >= 1 && a <= 12 && b >= 1 && b <= 31 {
			c.year, c.month, c.day = y, a, b
			return p.addDate(c, i, i+5)
		}
	}
	// Day-first dates: "18 June", "18 June 2024", "18th of June".
	if d, j := p.dayNumber(i); d != 0 {
		k := j
		if p.is(k, "of") {
			k++
		}
		if m, k2 := p.monthAt(k); m != 0 {
			c.day, c.month = d, m
			k2 = p.dateYear(&c, k2)
			return p.addDate(c, i, k2)
		}
	}
	// Decades: "1990s".
	if t.nd == 4 && !t.dot && !t.comma && int(t.v)%10 == 0 && i+1 < len(p.t) && p.glued(i+1) && p.is(i+1, "s") {
		c.year, c.decade = int(t.v), true
		return p.addDate(c, i, i+2)
	}
	// Years and year spans: "in 2023", "2019-20", "2014-2017".
	y, j := p.yearNumber(i)
	if y == 0 {
		return i
	}
	if y < 1800 && !p.has(i-1, wPrep) {
		return i
	}
	if p.isDash(j) && p.glued(j) && j+1 < len(p.t) && p.t[j+1].k == kNum && p.glued(j+1) && !p.t[j+1].dot && !p.t[j+1].comma {
		y2 := int(p.t[j+1].v)
		switch p.t[j+1].nd {
		case 2:
			y2 += y / 100 * 100
		case 4:
		default:
			y2 = 0
		}
		if y2 > y && y2-y < 100 && !p.followsUnit(j+2) {
			c.year, c.year2 = y, y2
			return p.addDate(c, i, j+2)
		}
	}
	if p.followsUnit(j) || p.isSym(j, '%') {
		return i
	}
	// A four-digit number counting something is not a year: "2000 people".
	if !p.has(i-1, wPrep) && p.pluralNoun(j) {
		return i
	}
	if p.boundEndsAt(i) || p.has(i-1, wChange) || p.isSym(i-1, '$') {
		return i
	}
	c.year = y
	return p.addDate(c, i, j)
}

// pluralNoun reports whether token j looks like a plural noun ("votes",
// "people").
func (p *parser) pluralNoun(j int) bool {
	if j >= len(p.t) || p.t[j].k != kWord || p.t[j].up {
		return false
	}
	return p.pluralWord(j)
}

// pluralWord is pluralNoun for a word of any case.
func (p *parser) pluralWord(j int) bool {
	if j >= len(p.t) || p.t[j].k != kWord {
		return false
	}
	if p.has(j, wPersonNoun) {
		return true
	}
	if p.has(j, wStop) {
		return false
	}
	w := p.text(j)
	if strings.HasSuffix(w, "men") && len(w) > 4 || strings.HasSuffix(w, "children") {
		return true
	}
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w[len(w)-2] != 'u'
}

// boundEndsAt reports whether a bound phrase ends right before token i.
func (p *parser) boundEndsAt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if p.has(k, wBound) {
			if _, e := p.boundAt(k); e == i {
				return true
			}
		}
	}
	return false
}
