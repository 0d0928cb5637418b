package figures

import (
	"errors"
	"math"
	"strings"
	"sync"

	"github.com/framewatch/framewatch/pipeline"
)

// Quantity is one figure found in a text, with byte offsets into it.
//
// Value is the number; for a range (Bound pipeline.BoundRange) Low and High
// are its ends and Value is Low; otherwise Low and High equal Value. A fall
// ("fell 3 points") has a negative Value and Bound pipeline.BoundChange.
// Unit is normalised ("%", "USD", "km", "year") or "" for a plain count.
// Counted is the noun phrase the number counts, found by a heuristic that
// needs no part-of-speech tags (the stage refines it when tags exist).
type Quantity struct {
	Start, End int
	Text       string
	Value      float64
	Low, High  float64
	Unit       string
	Bound      string
	Counted    string
	// countedStart/End delimit Counted in the text.
	countedStart, countedEnd int
	// carried marks a unit or counted phrase taken from a neighbouring
	// figure ("435 homes ... and 187 by tender").
	carried bool
}

// ErrTooLong is returned by Parse for texts over MaxParseLen bytes.
var ErrTooLong = errors.New("figures: text too long")

// MaxParseLen bounds the text Parse accepts, so that one call's scratch
// memory stays bounded; the stage scans units of any length in pieces.
const MaxParseLen = 1 << 26

// Parse returns the quantities of s in text order. Dates, times, years,
// ordinals, identifiers and the other non-figures described in the package
// documentation are left out. Parse is safe for concurrent use.
func Parse(s string) ([]Quantity, error) {
	if len(s) > MaxParseLen {
		return nil, ErrTooLong
	}
	p := getParser(s, nil, "")
	defer putParser(p)
	p.run()
	out := make([]Quantity, len(p.qs))
	copy(out, p.qs)
	return out, nil
}

// parser holds the scratch state of one scan; parsers are pooled.
type parser struct {
	s      string
	t      []token
	extra  map[string][]phrase
	dollar string
	qs     []Quantity
	ds     []dateCand
}

var parserPool = sync.Pool{New: func() any { return &parser{} }}

func getParser(s string, extra map[string][]phrase, dollar string) *parser {
	p := parserPool.Get().(*parser)
	p.s = s
	p.extra = extra
	if dollar == "" {
		dollar = "USD"
	}
	p.dollar = dollar
	p.t = tokenize(p.t[:0], s)
	p.qs = p.qs[:0]
	p.ds = p.ds[:0]
	return p
}

func putParser(p *parser) {
	p.s = ""
	p.extra = nil
	if cap(p.t) > 1<<16 {
		p.t = nil
	}
	for i := range p.qs {
		p.qs[i] = Quantity{}
	}
	p.qs = p.qs[:0]
	p.ds = p.ds[:0]
	parserPool.Put(p)
}

// run scans every token once, trying traps, dates and quantities in turn.
func (p *parser) run() {
	n := len(p.t)
	for i := 0; i < n; {
		// Words the lexicon does not know start nothing: skip them fast.
		if t := &p.t[i]; t.k == kWord && t.ent == nil {
			i++
			continue
		}
		if j := p.trap(i); j > i {
			i = j
			continue
		}
		if j := p.date(i); j > i {
			i = j
			continue
		}
		if t := &p.t[i]; t.k == kWord && t.ent.flags&wFold != 0 {
			// "grew sixfold": a multiplier.
			p.qs = append(p.qs, Quantity{Start: t.s, End: t.e, Text: p.s[t.s:t.e], Value: t.ent.num,
				Low: t.ent.num, High: t.ent.num, Unit: "times"})
			i++
			continue
		}
		if q, j, ok := p.quantity(i); ok {
			q.Text = p.s[q.Start:q.End]
			p.counted(&q, p.tokenAt(q.Start), j)
			p.qs = append(p.qs, q)
			i = j
			continue
		} else if j > i {
			i = j
			continue
		}
		i++
	}
	p.carry()
}

// carry gives a bare number the unit or counted thing of a figure in the
// same sentence, as readers do with ellipsis: "435 homes by open sale and
// 187 by tender", "84.75 cents, while the lowest is 74.07", "fell 2
// percent, and the Nasdaq by 1", "about 8 or $9", "280 million of the 1.5
// billion shekels". A share is carried only after "by", so that "rose 5%
// to 120" stays a bare 120; durations and ages are not carried, and "of"
// before the number names its own thing ("estimates of 64,900").
func (p *parser) carry() {
	for k := range p.qs {
		q := &p.qs[k]
		if q.Unit != "" || q.Counted != "" || q.Value == 1 && q.Bound == "" || isFraction(*q) {
			continue
		}
		i := p.tokenAt(q.Start)
		e := p.tokenAt(q.End)
		if i < 0 || p.is(i-1, "of") || p.lineOrSentenceStart(i) && p.t[i].k != kNum || e < len(p.t) && p.t[e].k == kNum {
			continue
		}
		// Forward: "8 or $9", "280 million of the 1.5 billion shekels".
		if k+1 < len(p.qs) && p.qs[k+1].Unit != "" && !IsDuration(p.qs[k+1].Unit) {
			n := p.tokenAt(p.qs[k+1].Start)
			if p.is(e, "or") && n == e+1 || p.is(e, "of") && (n == e+1 || n == e+2 && p.is(e+1, "the")) {
				q.Unit, q.carried = p.qs[k+1].Unit, true
				continue
			}
		}
		for a := k - 1; a >= 0; a-- {
			g := &p.qs[a]
			if p.sentenceBetween(p.tokenAt(g.End)-1, i) {
				break
			}
			if IsDuration(g.Unit) || g.Unit == "year of age" || g.carried {
				continue
			}
			if g.Unit == "%" || g.Unit == "percentage point" {
				if !p.is(i-1, "by") {
					continue
				}
			}
			if g.Unit == "" && (g.Counted == "" || g.Value == 1 && g.Bound == "" || strings.HasPrefix(p.s[g.End:], "-")) {
				continue // "4-gil", "four-cylinder": a modifier, not a count
			}
			if g.Unit != "" && p.nextIsWordNoun(p.tokenAt(g.End)) {
				continue // "122 mm rockets": the unit modifies a noun
			}
			if g.Unit != "" {
				q.Unit = g.Unit
			} else {
				q.Counted, q.countedStart, q.countedEnd = g.Counted, g.countedStart, g.countedEnd
			}
			q.carried = true
			break
		}
	}
}

// isFraction reports whether q is a spelled fraction ("a third", "half").
func isFraction(q Quantity) bool {
	return q.Value > 0 && q.Value < 1 && q.Unit == "" && !strings.ContainsAny(q.Text, "0123456789")
}

// sentenceBetween reports whether a sentence ends between tokens a and b.
func (p *parser) sentenceBetween(a, b int) bool {
	for j := a + 1; j < b && j < len(p.t); j++ {
		if p.t[j].k == kSym && (p.t[j].r == '.' || p.t[j].r == '!' || p.t[j].r == '?' || p.t[j].r == ';' || p.t[j].r == '\n') {
			return true
		}
	}
	return false
}

// text returns the text of token i.
func (p *parser) text(i int) string { return p.s[p.t[i].s:p.t[i].e] }

// is reports whether token i is the word or symbol w, ignoring case.
func (p *parser) is(i int, w string) bool {
	if i < 0 || i >= len(p.t) {
		return false
	}
	t := p.t[i]
	return t.e-t.s == len(w) && strings.EqualFold(p.s[t.s:t.e], w)
}

// has reports whether token i has lexicon flag f.
func (p *parser) has(i int, f uint32) bool {
	return i >= 0 && i < len(p.t) && p.t[i].ent != nil && p.t[i].ent.flags&f != 0
}

// glued reports whether token i touches the token before it.
func (p *parser) glued(i int) bool { return i > 0 && i < len(p.t) && !p.t[i].sp }

func (p *parser) isSym(i int, r rune) bool {
	return i >= 0 && i < len(p.t) && p.t[i].k == kSym && p.t[i].r == r
}

func (p *parser) isDash(i int) bool {
	return i >= 0 && i < len(p.t) && p.t[i].k == kSym && (p.t[i].r == '-' || p.t[i].r == '–' || p.t[i].r == '—')
}

// sentenceStart reports whether token i begins a sentence or a line.
func (p *parser) sentenceStart(i int) bool {
	if i == 0 || p.t[i].nl {
		return true
	}
	for j := i - 1; j >= 0; j-- {
		t := p.t[j]
		if t.k == kSym {
			switch t.r {
			case '.', '!', '?', ':', ';':
				return true
			case '"', '“', '”', '\'', '‘', '’', '(', '[', '—', '–', '-', '•', '*':
				if p.t[j].nl || j == 0 {
					return true
				}
				continue
			}
		}
		return false
	}
	return true
}

// matchWords reports whether the tokens from i spell words (pieces as made
// by splitPhrase); pieces after a symbol, and symbols, must be glued.
// It returns the index after the match.
func (p *parser) matchWords(i int, words []string) (int, bool) {
	j := i
	prevSym := false
	for _, w := range words {
		if j >= len(p.t) {
			return 0, false
		}
		t := p.t[j]
		if t.e-t.s != len(w) || !strings.EqualFold(p.s[t.s:t.e], w) {
			return 0, false
		}
		if (t.k == kSym && t.r != '%' || prevSym) && !p.glued(j) {
			return 0, false
		}
		prevSym = t.k == kSym
		j++
	}
	return j, true
}

// unitAt finds the longest unit phrase starting at token i. glued says the
// unit touches the number, which single-letter units require.
func (p *parser) unitAt(i int, glued bool) (ph phrase, end int, ok bool) {
	if i >= len(p.t) {
		return ph, 0, false
	}
	t := p.t[i]
	best := -1
	try := func(list []phrase) {
		for _, c := range list {
			j, m := p.matchWords(i+1, c.rest)
			if !m || j <= best {
				continue
			}
			if len(c.rest) == 0 && t.e-t.s == 1 && t.k == kWord {
				// Single letters are units only in their own case, and
				// spaced only when upper case: "5 W", "12 C", "40km".
				l := p.s[t.s]
				// A spaced "p" is pence before a preposition or a stop:
				// "down 68 p at 1112 p".
				pence := l == 'p' && (i+1 >= len(p.t) || p.t[i+1].k == kSym && p.t[i+1].r != '-' || p.has(i+1, wStop))
				if !singleUnits[l] || !glued && !pence && !(l >= 'A' && l <= 'Z' && !p.has(i+1, wNum) && !(i+1 < len(p.t) && p.t[i+1].k == kNum)) {
					continue
				}
			}
			best, ph = j, c
		}
	}
	if t.ent != nil {
		try(t.ent.unit)
	}
	if p.extra != nil && t.k == kWord && t.e-t.s <= 32 {
		var buf [32]byte
		b := buf[:t.e-t.s]
		for k := range b {
			c := p.s[t.s+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[k] = c
		}
		try(p.extra[string(b)])
	}
	if best < 0 {
		return ph, 0, false
	}
	// "450 Nm" is torque; "7 nm" a length.
	if ph.unit == "nm" && best == i+1 && p.text(i) == "Nm" {
		ph.unit = "Nm"
	}
	// "won" and "yen" must not be verbs or names: require lower case for
	// currency words spelt like English words.
	if ph.cur && len(ph.rest) == 0 && t.k == kWord && t.up && t.e-t.s > 3 && !allUpper(p.text(i)) && !p.sentenceStart(i) {
		switch strings.ToLower(p.text(i)) {
		case "dollars", "euros", "dollar", "euro":
		default:
			return ph, 0, false
		}
	}
	return ph, best, true
}

// singleUnits are the letters that may stand for a unit, in their case.
var singleUnits = map[byte]bool{'g': true, 'm': true, 'l': true, 'L': true, 'h': true, 's': true,
	'W': true, 'V': true, 'C': true, 'F': true, 'x': true, 'p': true, 'K': true}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return false
		}
	}
	return true
}

// currencyAt reads a currency prefix ("$", "US$", "€", "USD", "Rs.") at i,
// returning the currency and the index after it. It only succeeds when a
// number follows.
func (p *parser) currencyAt(i int) (string, int) {
	if i >= len(p.t) {
		return "", i
	}
	t := p.t[i]
	var cur string
	j := i + 1
	switch {
	case t.k == kSym && t.r == '$':
		cur = p.dollar
		// "$US160 million", "$A5m"
		if j < len(p.t) && p.t[j].k == kWord && p.glued(j) && j+1 < len(p.t) && p.t[j+1].k == kNum && p.glued(j+1) {
			if c, ok := dollarPrefix[strings.ToLower(p.text(j))]; ok && allUpper(p.text(j)) {
				cur, j = c, j+1
			}
		}
	case t.k == kSym && signCurrency[t.r] != "":
		cur = signCurrency[t.r]
	case t.k == kWord && p.isSym(i+1, '$') && t.e-t.s <= 4:
		// "US$", "HK$", "C$"; also "US $84 billion".
		w := p.text(i)
		if c, ok := dollarPrefix[strings.ToLower(w)]; ok && (p.glued(i+1) || c == "USD" || allUpper(w) && (len(w) >= 2 || w == "C")) {
			cur, j = c, i+2
		}
	case t.k == kWord && t.e-t.s <= 2 && p.asciiPound(i):
		// Text passed through an ASCII transliteration (unidecode) writes
		// "£" as "PS" and "¥" as "Y=": "PS2.7m", "Y=28,030".
		if p.text(i) == "PS" {
			cur = "GBP"
		} else {
			cur, j = "JPY", i+2
		}
	case t.k == kWord && t.ent != nil && t.ent.prefix != "" && (t.up || t.e-t.s == 2):
		// Codes must be upper case ("USD 5m", "Rs 500"), so that "try" and
		// "us" stay words.
		if allUpper(p.text(i)) || strings.EqualFold(p.text(i), "rs") {
			cur = t.ent.prefix
			if p.isSym(j, '.') && p.glued(j) {
				j++
			}
			if cur == "USD" && strings.EqualFold(p.text(i), "us") {
				return "", i
			}
		}
	}
	if cur == "" {
		return "", i
	}
	// A currency sign may be followed by a space and a sign of its own.
	if j < len(p.t) && (p.t[j].k == kNum || p.isSym(j, '-') && j+1 < len(p.t) && p.t[j+1].k == kNum ||
		p.t[j].k == kWord && p.t[j].ent != nil && p.t[j].ent.flags&(wNum|wScale|wVague) != 0 ||
		p.is(j, "a") || p.is(j, "an")) {
		return cur, j
	}
	return "", i
}

// asciiPound reports whether token i is a transliterated pound or yen
// sign glued to an amount. "PS" needs an amount that cannot be a model
// number ("PS5"): separators, a decimal, a scale or three digits.
func (p *parser) asciiPound(i int) bool {
	switch p.text(i) {
	case "Y":
		return p.isSym(i+1, '=') && p.glued(i+1) && i+2 < len(p.t) && p.t[i+2].k == kNum && p.glued(i+2)
	case "PS":
		j := i + 1
		if j >= len(p.t) || p.t[j].k != kNum || !p.glued(j) {
			return false
		}
		n := p.text(j)
		return len(n) >= 3 || strings.ContainsAny(n, ",.") || p.glued(j+1) && p.has(j+1, wAbbr) || p.has(j+1, wScale)
	}
	return false
}

// core is a parsed number without unit or bound.
type core struct {
	v         float64
	lo, hi    float64 // set for vague counts ("dozens": 12..120)
	vague     bool
	digits    bool // written with digits
	scaled    bool
	scaleAbbr string // a glued "m" that may be million or metres
	year      bool   // four bare digits that may be a year
	words     int    // number words used
	one       bool   // the single word "one"
	frac      bool   // a fraction: "two-thirds", "1/16"
	start     int
	end       int // token index after the number
	bad       bool
}

// number reads a number at token i: digits with an optional scale, number
// words, "a dozen", "half a million", or a vague count such as "tens of
// thousands".
func (p *parser) number(i int) (c core, ok bool) {
	c.start = i
	if i >= len(p.t) {
		return c, false
	}
	t := p.t[i]
	switch {
	case t.k == kNum:
		c.v, c.digits = t.v, true
		c.end = i + 1
		// "1/16 of a pint"
		if (p.isSym(i+1, '/') || p.isSym(i+1, '⁄')) && p.glued(i+1) && i+2 < len(p.t) && p.t[i+2].k == kNum &&
			p.glued(i+2) && p.t[i+2].v > t.v && !t.dot && !p.t[i+2].dot && (p.is(i+3, "of") || p.followsUnit(i+3)) {
			c.v = t.v / p.t[i+2].v
			c.end = i + 3
			c.frac = true
			return c, true
		}
		c.year = t.nd == 4 && !t.comma && !t.dot && t.v >= 1000 && t.v <= 2100
		j := i + 1
		if j < len(p.t) && p.glued(j) && p.t[j].k == kWord {
			w := strings.ToLower(p.text(j))
			switch {
			case w == "st" || w == "nd" || w == "rd" || w == "th":
				c.bad = true // ordinal
				c.end = j + 1
				return c, false
			case w == "s" || w == "'s":
				c.bad = true // decade or possessive
				c.end = j + 1
				return c, false
			case p.has(j, wAbbr):
				sc := p.t[j].ent.scale
				if w == "m" || w == "b" {
					c.scaleAbbr = w
				}
				c.v *= sc
				c.scaled = true
				c.year = false
				c.end = j + 1
			}
		}
		if !c.scaled {
			// spaced scale: "4.8 million", "5 bn"
			if p.has(j, wScale) && !p.is(j, "dozen") || (p.has(j, wAbbr) && p.t[j].e-p.t[j].s > 1) {
				c.v *= p.t[j].ent.scale
				c.scaled = true
				c.year = false
				c.end = j + 1
				// "1.2 million billion" is rare; "3 hundred thousand" is not.
				if p.has(j+1, wScale) && p.t[j].ent.scale < p.t[j+1].ent.scale && !p.is(j+1, "dozen") {
					c.v *= p.t[j+1].ent.scale
					c.end = j + 2
				}
			} else if p.is(j, "dozen") {
				c.v *= 12
				c.scaled = true
				c.year = false
				c.end = j + 1
			}
		}
		return c, !math.IsInf(c.v, 0) && !math.IsNaN(c.v)
	case t.k == kWord && t.ent != nil:
		return p.numberWords(i)
	}
	return c, false
}

// numberWords reads spelled-out numbers: "twenty-four", "one and a half",
// "two hundred thousand", "a dozen", "half a million", "tens of
// thousands".
func (p *parser) numberWords(i int) (c core, ok bool) {
	c.start = i
	j := i
	// Vague counts.
	if p.has(j, wVague) {
		sc := p.t[j].ent.scale
		k := j + 1
		if p.is(k, "of") && p.has(k+1, wVague) && p.t[k+1].ent.scale > sc && p.t[k+1].ent.scale >= 1000 {
			sc *= p.t[k+1].ent.scale
			if p.is(j, "tens") || p.is(j, "dozens") || p.is(j, "scores") {
				sc = p.t[k+1].ent.scale * 10
				if p.is(j, "dozens") || p.is(j, "scores") {
					sc = p.t[k+1].ent.scale * 12
				}
			}
			k += 2
		} else if p.is(j, "tens") {
			return c, false
		}
		// The counted thing must follow: "dozens of", "thousands more".
		if !(p.is(k, "of") || p.is(k, "more") || p.is(k, "upon")) {
			return c, false
		}
		c.vague = true
		c.lo, c.hi, c.v = sc, sc*10, sc
		c.end = k
		return c, true
	}
	if v, e, ok := p.fraction(j); ok {
		c.v, c.end, c.words, c.frac = v, e, 2, true
		return c, true
	}
	var total, cur float64
	seen := false
	if (p.is(j, "a") || p.is(j, "an")) && p.has(j+1, wScale) {
		cur, seen = 1, true
		j++
	} else if p.is(j, "half") && (p.is(j+1, "a") || p.is(j+1, "an")) && p.has(j+2, wScale) && !p.is(j+2, "hundred") {
		c.v = 0.5 * p.t[j+2].ent.scale
		c.end = j + 3
		c.words = 2
		c.scaled = true
		return c, true
	} else if p.is(j, "a") && p.is(j+1, "couple") && p.is(j+2, "of") {
		c.v, c.end, c.words = 2, j+2, 1
		return c, true
	}
	lastSmall := -1.0
	for j < len(p.t) {
		t := p.t[j]
		if t.k == kWord && t.ent != nil && t.ent.flags&wNum != 0 {
			v := t.ent.num
			if lastSmall >= 0 {
				// "twenty-four", "twenty four"; not "two three".
				if !(lastSmall >= 20 && int(lastSmall)%10 == 0 && v > 0 && v < 10) {
					break
				}
			}
			cur += v
			lastSmall = v
			seen = true
			c.words++
			j++
			if p.isDash(j) && p.glued(j) && p.has(j+1, wNum) && p.glued(j+1) && lastSmall >= 20 && p.t[j+1].ent.num < 10 {
				j++
			}
			continue
		}
		if seen && t.k == kWord && t.ent != nil && t.ent.flags&wScale != 0 {
			sc := t.ent.scale
			if sc == 100 || sc == 12 {
				cur *= sc
			} else {
				total += cur * sc
				cur = 0
			}
			c.scaled = true
			lastSmall = -1
			c.words++
			j++
			continue
		}
		if seen && p.is(j, "and") {
			if p.has(j+1, wNum) && lastSmall < 0 {
				j++
				continue
			}
			if p.is(j+1, "a") && p.is(j+2, "half") {
				cur += 0.5
				j += 3
				c.words += 2
				// "one and a half million"
				if p.has(j, wScale) {
					continue
				}
				break
			}
			if p.is(j+1, "one") && p.is(j+2, "half") {
				cur += 0.5
				j += 3
				break
			}
		}
		break
	}
	if !seen {
		return c, false
	}
	c.v = total + cur
	c.end = j
	c.one = c.words == 1 && p.is(i, "one")
	return c, true
}

// denominators are the fraction words: "two-thirds", "a quarter of".
var denominators = map[string]float64{"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
	"quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
	"seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10,
	"tenths": 10, "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000}

// fraction reads a spelled fraction at i: "two-thirds", "a quarter of",
// "one out of three", "half of".
func (p *parser) fraction(i int) (float64, int, bool) {
	var n float64
	j := i
	switch {
	case p.is(j, "a") || p.is(j, "an"):
		n = 1
	case p.is(j, "half") && (p.is(j+1, "of") || p.is(j+1, "the") || p.is(j+1, "their") || p.is(j+1, "its") || p.is(j+1, "his") || p.is(j+1, "her")):
		if p.has(j-1, wOrdinal) || p.is(j-1, "the") || p.is(j-1, "a") || p.is(j-1, "and") || p.isDash(j-1) {
			return 0, i, false
		}
		return 0.5, j + 1, true
	case p.has(j, wNum) && !p.t[j].up || p.has(j, wNum) && p.sentenceStart(j):
		n = p.t[j].ent.num
	default:
		return 0, i, false
	}
	j++
	if n >= 1 && p.is(j, "out") && p.is(j+1, "of") && p.has(j+2, wNum) && p.t[j+2].ent.num > n {
		return n / p.t[j+2].ent.num, j + 3, true
	}
	hyph := false
	if p.isDash(j) && p.glued(j) && p.glued(j+1) {
		j++
		hyph = true
	}
	if j >= len(p.t) || p.t[j].k != kWord {
		return 0, i, false
	}
	d, ok := denominators[strings.ToLower(p.text(j))]
	if !ok || n == 0 || n >= d {
		return 0, i, false
	}
	// "a third of", "two-thirds", "one fourth of"; not "a quarter" of a
	// year or "the fourth" ordinal.
	if !hyph && !p.is(j+1, "of") {
		return 0, i, false
	}
	return n / d, j + 1, true
}

// startsNumber reports whether a number (possibly after a currency sign or
// minus) starts at i.
func (p *parser) startsNumber(i int) bool {
	if i >= len(p.t) {
		return false
	}
	if _, j := p.currencyAt(i); j > i {
		return true
	}
	t := p.t[i]
	if t.k == kNum {
		return true
	}
	if (p.isSym(i, '-') || p.isSym(i, '+') || p.isSym(i, '−')) && i+1 < len(p.t) && p.t[i+1].k == kNum && p.glued(i+1) && p.t[i].sp {
		return true
	}
	if p.is(i, "minus") && (i+1 < len(p.t) && p.t[i+1].k == kNum || p.isDash(i+1) && i+2 < len(p.t) && p.t[i+2].k == kNum) {
		return true
	}
	if t.k == kWord && t.ent != nil && t.ent.flags&(wNum|wVague) != 0 {
		return true
	}
	if (p.is(i, "a") || p.is(i, "an")) && (p.has(i+1, wScale) || p.is(i+1, "couple")) {
		return true
	}
	if _, _, ok := p.fraction(i); ok {
		return true
	}
	return p.is(i, "half") && p.is(i+1, "a")
}

// boundAt reads a bound phrase at i followed by a number.
func (p *parser) boundAt(i int) (string, int) {
	if !p.has(i, wBound) {
		return "", i
	}
	best, bound := i, ""
	for _, b := range p.t[i].ent.bounds {
		j, ok := p.matchWords(i+1, b.rest)
		if ok && j > best && p.startsNumber(j) {
			best, bound = j, b.bound
		}
	}
	if best == i {
		return "", i
	}
	return bound, best
}

// side is one end of a figure: currency, number, unit.
type side struct {
	cur   string
	neg   bool
	plus  bool // written with a leading "+": a change
	c     core
	unit  string
	ud    bool // unit is a duration
	start int
	end   int
}

// eff is the side's unit with its currency.
func (s side) eff() string {
	switch {
	case s.unit == "":
		return s.cur
	case s.cur != "" && !strings.Contains(s.unit, " per "):
		return s.cur
	}
	return s.unit
}

// side reads [currency] [-] number [unit] at i.
func (p *parser) side(i int, allowUnit bool) (s side, ok bool) {
	s.start = i
	j := i
	cur, k := p.currencyAt(j)
	if k > j {
		s.cur = cur
		j = k
	}
	if (p.isSym(j, '-') || p.isSym(j, '−')) && j+1 < len(p.t) && p.t[j+1].k == kNum && p.glued(j+1) &&
		(p.t[j].sp || s.cur != "" && p.glued(j)) &&
		!(s.cur == "" && j > 0 && p.t[j-1].k == kWord && allUpper(p.text(j-1)) && !p.isSym(j+2, '%')) {
		s.neg = true
		j++
	} else if p.isSym(j, '+') && j+1 < len(p.t) && p.t[j+1].k == kNum && p.glued(j+1) && p.t[j].sp {
		s.plus = true
		j++
	} else if p.is(j, "minus") && j+1 < len(p.t) && (p.t[j+1].k == kNum || p.isDash(j+1) && p.glued(j+1) && j+2 < len(p.t) && p.t[j+2].k == kNum && p.glued(j+2)) {
		s.neg = true
		j++
		if p.isDash(j) {
			j++
		}
	}
	c, ok := p.number(j)
	if !ok {
		s.c = c
		return s, false
	}
	s.c = c
	j = c.end
	if c.scaleAbbr != "" {
		// A glued "m" or "b" is a scale with money; "b" alone is not a
		// unit; "m" without money is million before "of" or a plural noun,
		// metres otherwise.
		if s.cur == "" && !(c.scaleAbbr == "m" && p.millionContext(j)) {
			if c.scaleAbbr == "b" {
				return s, false
			}
			s.c.v /= 1e6
			s.c.scaled = false
			s.c.scaleAbbr = ""
			j--
			s.c.end = j
			if ph, e, ok := p.unitAt(j, true); ok && !ph.cur {
				s.unit, s.ud = ph.unit, ph.dur
				s.end = p.perUnit(&s, e)
				return s, true
			}
			return s, false
		}
	}
	if allowUnit && c.vague {
		// "billions of euros", "thousands of barrels": the unit follows "of".
		if p.is(j, "of") {
			if ph, e, ok := p.unitAt(j+1, false); ok && !ph.dur {
				if ph.cur {
					s.cur = ph.unit
				} else {
					s.unit = ph.unit
				}
				j = e
			}
		}
	} else if allowUnit && c.frac && (p.is(j, "of") || p.is(j-1, "of")) {
		// "1/16 of a US pint", "a third of a mile": the unit follows "of".
		k := j
		if p.is(k, "of") {
			k++
		}
		for p.is(k, "a") || p.is(k, "an") || p.is(k, "the") || p.is(k, "US") || p.is(k, "U.S.") {
			k++
		}
		if ph, e, ok := p.unitAt(k, false); ok && !ph.cur {
			s.unit, s.ud = ph.unit, ph.dur
			j = e
		}
	} else if allowUnit {
		j = p.suffixUnit(&s, j)
	}
	// Letters glued to a number that are neither scale nor unit make an
	// identifier or a time: "5G", "3D", "1.05am".
	if j < len(p.t) && p.glued(j) && p.t[j].k == kWord {
		s.c.bad = true
		s.c.end = j + 1
		return s, false
	}
	s.end = j
	return s, true
}

// millionContext reports whether a glued "m" before token j means million.
func (p *parser) millionContext(j int) bool {
	if j >= len(p.t) {
		return false
	}
	if p.text(j-1) == "M" {
		return true // metres are never a capital M
	}
	if p.is(j, "of") || p.is(j, "more") {
		return true
	}
	// A plural noun within the next three words: "2.7m combined digital
	// sales", "5m people".
	for k := j; k < len(p.t) && k < j+5; k++ {
		if (p.is(k, "and") || p.is(k, "or")) && k > j {
			continue // "2.7m combined digital and physical sales"
		}
		if p.t[k].k != kWord || p.has(k, wStop) {
			return false
		}
		if p.pluralNoun(k) {
			return true
		}
	}
	return false
}

// suffixUnit reads a unit after a number at j: "%", "per cent", "km",
// "dollars", "-year-old", "a barrel".
func (p *parser) suffixUnit(s *side, j int) int {
	glued := p.glued(j)
	k := j
	if p.isDash(k) && glued && k+1 < len(p.t) && p.t[k+1].k == kWord && p.glued(k+1) {
		// Hyphenated adjective: "two-day", "24-hour", "15-year-old".
		if ph, e, ok := p.unitAt(k+1, true); ok && !ph.cur {
			s.unit, s.ud = ph.unit, ph.dur
			return p.perUnit(s, e)
		}
		return j
	}
	// A currency sign after the number: "1,200€", "500 €".
	if k < len(p.t) && p.t[k].k == kSym && s.cur == "" && signCurrency[p.t[k].r] != "" && !p.startsNumber(k) {
		s.cur = signCurrency[p.t[k].r]
		return p.perUnit(s, k+1)
	}
	// A suspended hyphen: "7- or 8-inch", "four-, five- and six-cylinder".
	if p.isDash(k) && glued && (p.is(k+1, "or") || p.is(k+1, "and") || p.is(k+1, "to") || p.isSym(k+1, ',')) {
		for n := k + 1; n < len(p.t) && n < k+12; n++ {
			if p.isDash(n) && p.glued(n) && n+1 < len(p.t) && p.glued(n+1) && p.t[n+1].k == kWord && !p.isSym(n+1, ',') {
				if ph, _, ok := p.unitAt(n+1, true); ok && !ph.cur && n > 0 && (p.t[n-1].k == kNum || p.has(n-1, wNum)) {
					s.unit, s.ud = ph.unit, ph.dur
					return k + 1
				}
				break
			}
		}
	}
	if ph, e, ok := p.unitAt(k, glued); ok {
		if ph.cur {
			if s.cur == "" {
				s.cur = ph.unit
			}
		} else {
			s.unit, s.ud = ph.unit, ph.dur
		}
		// "5 billion won" after digits; "US dollars" etc.
		k = e
		if s.unit == "" && s.cur != "" {
			return p.perUnit(s, k)
		}
		return p.perUnit(s, k)
	}
	return p.perUnit(s, j)
}

// perUnit reads a rate after a unit: "per day", "a barrel", "/h".
func (p *parser) perUnit(s *side, j int) int {
	if j >= len(p.t) {
		return j
	}
	viaA := p.is(j, "a") || p.is(j, "an")
	if !(p.is(j, "per") || viaA || p.isSym(j, '/') && p.glued(j)) {
		return j
	}
	k := j + 1
	if k >= len(p.t) || p.t[k].k == kNum || p.isSym(j, '/') && !p.glued(k) {
		return j
	}
	w := strings.ToLower(p.text(k))
	d, ok := perDenom[w]
	e := k + 1
	if !viaA {
		if ph, e2, ok2 := p.unitAt(k, false); ok2 && !ph.cur {
			d.norm, ok, e = ph.unit, true, e2
		}
	}
	if !ok || viaA && !d.afterA {
		return j
	}
	// "$10 billion a year" is an amount over a year, not a price; "$15 a
	// month" is a price.
	if viaA && s.cur != "" && s.unit == "" && (d.norm == "year" || d.norm == "quarter") {
		return j
	}
	if viaA && (s.unit == "" && s.cur == "" || p.is(k+1, "earlier") || p.is(k+1, "ago") || p.is(k+1, "later") || p.is(k+1, "before") || p.is(k+1, "after")) {
		return j
	}
	base := s.unit
	if base == "" {
		base = s.cur
		s.cur = ""
	}
	if base == "" {
		return j
	}
	s.unit = base + " per " + d.norm
	s.ud = false
	return e
}

// quantity reads a figure at token i: [bound|between|from] side [- side]
// [post bound]. When it returns !ok with next > i, the tokens up to next
// are not figures and are skipped.
func (p *parser) quantity(i int) (q Quantity, next int, ok bool) {
	j := i
	bound := ""
	sign := 1.0
	change := false
	rangeWord := ""
	start := i
	// Change verbs stay outside the span: "rose by 5%" is "5%".
	if p.has(j, wChange) && !p.has(j, wBound) {
		k := j + 1
		if p.is(k, "by") {
			k++
		}
		if p.startsNumber(k) || p.has(k, wBound) {
			change, sign = true, p.t[j].ent.sign
			j, start = k, k
		}
	} else if p.has(j, wChange) && p.has(j, wBound) {
		// "up to" is a bound; "up 5%" a change.
		if b, k := p.boundAt(j); k > j {
			bound, j = b, k
		} else if p.startsNumber(j + 1) {
			change, sign = true, p.t[j].ent.sign
			j, start = j+1, j+1
		}
	}
	if b, k := p.boundAt(j); k > j {
		bound, start, j = b, j, k
	} else if p.is(j, "sub") && p.isDash(j+1) && p.glued(j+1) && p.glued(j+2) && j+2 < len(p.t) && p.t[j+2].k == kNum {
		bound, start, j = pipeline.BoundMax, j, j+2
	}
	if p.is(j, "between") || p.is(j, "from") {
		rangeWord = strings.ToLower(p.text(j))
		if p.startsNumber(j + 1) {
			start, j = j, j+1
		} else {
			rangeWord = ""
		}
	}
	if !p.startsNumber(j) {
		return q, i, false
	}
	if j > i {
		if k := p.trap(j); k > j {
			return q, k, false // "roughly one in three"
		}
	}
	lo, ok := p.side(j, true)
	if !ok {
		if lo.c.bad && j == i {
			return q, lo.c.end, false
		}
		return q, i, false
	}
	end := lo.end
	var hi side
	isRange := false
	// Ranges: "3-5", "3 to 5 million", "between 3 and 5", "from $1m to $2m".
	k := lo.end
	if !lo.c.vague {
		sep := ""
		switch {
		case p.isDash(k):
			sep = "-"
		case p.is(k, "to"):
			sep = "to"
		case p.is(k, "and") && rangeWord == "between":
			sep = "and"
		case p.is(k, "or") && lo.c.words > 0 && lo.unit == "" && lo.cur == "":
			sep = "or"
		}
		if sep != "" && p.startsNumber(k+1) && !(sep == "-" && p.isSym(k+1, '-')) {
			h, ok := p.side(k+1, true)
			if ok && !h.c.vague {
				accept := true
				switch {
				case sep == "to" && change && rangeWord == "" && lo.eff() != "":
					accept = false // "fell 3% to 5%": a level, not a range
				case (sep == "to" || sep == "and" || sep == "or") && lo.eff() != "" &&
					h.eff() != lo.eff() && !strings.HasPrefix(h.eff(), lo.eff()+" per ") &&
					!(rangeWord != "" && h.eff() == "" && !p.startsNumber(h.end)):
					accept = false // "0.68 per cent to 3,005.47"
				case sep == "-" && (!p.glued(k) || !p.glued(k+1)) && (h.c.digits != lo.c.digits):
					accept = false
				case sep == "or" && h.c.words == 0:
					accept = false
				}
				if accept && sep == "-" && lo.unit == "" && lo.cur == "" && h.unit == "" && h.cur == "" &&
					lo.c.digits && h.c.digits && !lo.c.scaled && !h.c.scaled && lo.c.v >= h.c.v {
					// "2-2", "3-1": a score.
					return q, h.end, false
				}
				if accept && sep == "or" {
					// "eight or nine euros": two figures; the first takes
					// the unit of the second.
					if lo.unit == "" && lo.cur == "" {
						lo.unit, lo.cur, lo.ud = h.unit, h.cur, h.ud
					}
					accept = false
				}
				if accept {
					hiv := h.c.v
					lov := lo.c.v
					if !lo.c.scaled && h.c.scaled && h.c.digits == lo.c.digits {
						if s := hiScale(p, h); s > 1 && lov*s <= hiv*1.0000001 {
							lov *= s
						}
					}
					if lov <= hiv || rangeWord == "from" {
						lo.c.v = lov
						hi = h
						isRange = true
						end = h.end
						if lo.unit == "" {
							lo.unit, lo.ud = h.unit, h.ud
						}
						if lo.cur == "" {
							lo.cur = h.cur
						}
					}
				}
			}
		}
	}
	if rangeWord != "" && !isRange {
		// "from $6.78 billion a year earlier": not a range; drop the word.
		start = lo.start
		if bound != "" && start > i {
			start = i
		}
	}
	// Years standing alone, between years, and a lone four-digit number
	// without a unit are dates, handled elsewhere.
	if lo.c.year && lo.unit == "" && lo.cur == "" && !lo.neg && (bound == "" || isRange) && !p.pluralNoun(end) {
		if !isRange || hi.c.year {
			return q, i, false
		}
	}
	// Post bounds: "or more", "or so", "-plus", "+".
	switch {
	case p.is(end, "or") && (p.is(end+1, "more") || p.is(end+1, "above") || p.is(end+1, "over")):
		bound, end = pipeline.BoundMin, end+2
	case p.is(end, "or") && (p.is(end+1, "less") || p.is(end+1, "fewer") || p.is(end+1, "under") || p.is(end+1, "below")):
		bound, end = pipeline.BoundMax, end+2
	case p.is(end, "or") && p.is(end+1, "so"):
		bound, end = pipeline.BoundApprox, end+2
	case p.isSym(end, '+') && p.glued(end):
		bound, end = pipeline.BoundMin, end+1
	case p.isDash(end) && p.glued(end) && p.is(end+1, "plus"):
		bound, end = pipeline.BoundMin, end+2
	case p.is(end, "plus") && !p.startsNumber(end+1):
		bound, end = pipeline.BoundMin, end+1
	}
	if lo.plus && !change {
		change = true
	}
	if !change {
		// "a 5% increase", "3% higher".
		if p.has(end, wChangeNoun) && p.is(start-1, "a") || p.has(end, wPostChange) && (lo.unit == "%" || lo.unit == "point" || lo.unit == "percentage point") && !p.is(end+1, "to") {
			if e := p.t[end].ent; e.flags&wChange != 0 {
				change, sign = true, e.sign
			}
		}
	}
	// Traps on bare numbers: identifiers, list numbers, "one" the pronoun.
	bare := lo.unit == "" && lo.cur == "" && !lo.c.scaled && !lo.c.vague && bound == "" && !isRange && !change
	if bare && p.identifier(lo.c.start, end) {
		return q, end, false
	}
	if bare && (p.is(lo.c.start-1, "top") || p.is(lo.c.start-1, "bottom")) && !p.nextIsWordNoun(end) {
		return q, end, false
	}
	if lo.unit == "" && lo.cur == "" && lo.c.digits && p.streetAfter(end) {
		return q, end, false // "16-18 Industrial Avenue"
	}
	if lo.c.one && lo.unit == "" && lo.cur == "" && !p.oneIsCount(lo.c.start, end) {
		return q, end, false
	}
	if lo.c.words > 0 && !lo.c.digits && p.t[lo.c.start].up && !p.sentenceStart(lo.c.start) && lo.c.start == start &&
		!isRange && lo.unit == "" && lo.cur == "" && !lo.c.vague {
		return q, end, false
	}
	// "a" + scale alone ("a hundred years") is fine; "a" + nothing is not.
	q.Start = p.t[start].s
	q.End = p.t[end-1].e
	v := lo.c.v
	if lo.neg {
		v = -v
	}
	q.Value, q.Low, q.High = v, v, v
	unit := lo.unit
	if lo.cur != "" {
		if unit == "" {
			unit = lo.cur
		} else if strings.HasPrefix(unit, "cent") || unit == "pence" {
			// "US$ 5 cents" is cents.
		} else if !strings.Contains(unit, " per ") {
			// "$5 million tons" is odd; keep the currency.
			unit = lo.cur
		} else {
			unit = lo.cur + unit[strings.Index(unit, " per "):]
		}
	}
	q.Unit = unit
	switch {
	case isRange:
		h := hi.c.v
		if hi.neg {
			h = -h
		}
		q.Low, q.High = q.Value, h
		q.Bound = pipeline.BoundRange
	case lo.c.vague:
		q.Low, q.High, q.Value = lo.c.lo, lo.c.hi, lo.c.lo
		q.Bound = pipeline.BoundRange
	case change:
		q.Value *= sign
		q.Low, q.High = q.Value, q.Value
		q.Bound = pipeline.BoundChange
	default:
		q.Bound = bound
	}
	if q.Unit == "" && (p.is(lo.c.start-1, "aged") || bare && p.apposedAge(lo.c.start, end)) {
		q.Unit = "year of age"
	}
	// "under the age of 5 years", "over the age of 21".
	if (q.Unit == "" || q.Unit == "year") && p.is(lo.c.start-1, "of") && p.is(lo.c.start-2, "age") && !lo.c.vague {
		q.Unit = "year of age"
	}
	return q, end, true
}

// hiScale is the scale of the high end of a range, to carry it to the low
// end: "3 to 5 million".
func hiScale(p *parser, h side) float64 {
	for k := h.c.start; k < h.c.end; k++ {
		if t := p.t[k]; t.ent != nil && t.ent.flags&(wScale|wAbbr) != 0 {
			return t.ent.scale
		}
	}
	return 1
}

// identifier reports whether the bare number at tokens [i,end) names
// something rather than counting it: "Page 2", "Section 427", "iPhone 12",
// "S&P 500", "No. 3", "#3", a list number at a line start.
func (p *parser) identifier(i, end int) bool {
	if p.t[i].k != kNum {
		return false
	}
	// A list number: "1." or "2)" at a line start.
	if p.t[i].nl && (p.isSym(i+1, '.') || p.isSym(i+1, ')')) && p.glued(i+1) {
		return true
	}
	if p.isSym(i-1, '#') || p.isSym(i-1, '№') {
		return true
	}
	// "(4)" after a name: a shirt number or a reference.
	if p.isSym(i-1, '(') && p.isSym(i+1, ')') {
		return true
	}
	if !p.t[i].dot && !p.t[i].comma && p.streetAfter(i+1) {
		return true
	}
	if i == 0 || p.t[i].nl {
		return false
	}
	prev := p.t[i-1]
	if prev.k == kSym && prev.r == '.' && p.is(i-2, "no") {
		return true
	}
	if prev.k != kWord {
		return false
	}
	if p.has(i-1, wLabel) {
		return true
	}
	if (prev.up || hasUpper(p.text(i-1))) && !p.lineOrSentenceStart(i-1) && !p.has(i-1, wMonth|wSay|wWeekday|wChange) && !p.boundEndsAt(i) {
		// A capitalised word right before a bare number names a product,
		// an index or a place: "Galaxy Note 20", "S&P 500", "Fortune 100".
		return true
	}
	return false
}

// oneIsCount reports whether the word "one" at i counts something, rather
// than being a pronoun ("one of the largest", "no one", "one way or
// another").
func (p *parser) oneIsCount(i, end int) bool {
	if i > 0 {
		switch strings.ToLower(p.text(i - 1)) {
		case "the", "this", "that", "no", "any", "every", "each", "which", "someone", "everyone",
			"anyone", "no-one", "only", "little", "big", "new", "last", "another", "such", "what", "right",
			"wrong", "at", "as":
			if !p.is(i-1, "only") {
				return false
			}
		}
	}
	if end >= len(p.t) {
		return false
	}
	t := p.t[end]
	if t.k != kWord {
		return false
	}
	if t.ent != nil && t.ent.flags&(wNoOne|wStop|wSay) != 0 {
		return false
	}
	return !t.up || p.has(end, wMonth)
}

// trap skips tokens that look like numbers but are not figures: phone
// numbers, copyright years, page furniture, identifiers glued to words,
// times, ratios. It returns the index after them, or i.
func (p *parser) trap(i int) int {
	t := p.t[i]
	// Copyright lines: skip the rest of the line's numbers.
	if t.k == kSym && t.r == '©' || p.is(i, "copyright") ||
		p.isSym(i, '(') && (p.is(i+1, "c")) && p.isSym(i+2, ')') {
		j := i + 1
		for j < len(p.t) && !p.t[j].nl && j < i+12 {
			j++
		}
		return j
	}
	// Page furniture: "Page 2 of 3".
	if p.is(i, "page") && i+1 < len(p.t) && p.t[i+1].k == kNum {
		j := i + 2
		if p.is(j, "of") && j+1 < len(p.t) && p.t[j+1].k == kNum {
			j += 2
		}
		return j
	}
	if t.k == kSym && t.r == '+' && i+2 < len(p.t) && p.t[i+1].k == kNum && p.glued(i+1) && !p.glued(i) &&
		!p.t[i+1].dot && !p.t[i+1].comma && p.t[i+2].k == kNum && p.t[i+2].sp {
		return p.skipDigitGroups(i + 1)
	}
	if t.k == kSym && t.r == '(' && i+3 < len(p.t) && p.t[i+1].k == kNum && p.t[i+1].nd == 3 &&
		p.isSym(i+2, ')') && p.t[i+3].k == kNum && p.t[i+3].nd == 3 {
		return p.skipDigitGroups(i + 3)
	}
	// "one in three": a ratio, not a count.
	if p.smallInt(i) > 0 && p.is(i+1, "in") && p.smallInt(i+2) > p.smallInt(i) && !p.followsUnit(i+3) && !p.isSym(i+3, '%') {
		return i + 3
	}
	if t.k != kNum {
		return i
	}
	// Model names: "ID.3", "No.5".
	if p.glued(i) && i > 1 && p.isSym(i-1, '.') && p.glued(i-1) && p.t[i-2].k == kWord {
		return p.skipGlued(i)
	}
	// Offsets glued to a zone or code: "GMT+1", "UTC-5".
	if p.glued(i) && i > 1 && (p.isSym(i-1, '+') || p.isDash(i-1)) && p.glued(i-1) && p.t[i-2].k == kWord && allUpper(p.text(i-2)) {
		return p.skipGlued(i)
	}
	// A number glued to a word before it is part of a name: "G7", "A380",
	// "COVID-19", "last-32", "F-35" (but not "mid-2024": a date).
	if p.glued(i) && i > 0 {
		prev := p.t[i-1]
		if prev.k == kWord && !p.has(i-1, wAbbr) {
			return p.skipGlued(i)
		}
		if p.isDash(i-1) && p.glued(i-1) && i > 1 && p.t[i-2].k == kWord && !p.is(i-2, "mid") &&
			!p.has(i-2, wNum) && !p.has(i-2, wMonth) && !p.is(i-2, "sub") && !p.is(i-2, "minus") && !p.is(i-2, "aged") {
			return p.skipGlued(i)
		}
	}
	// Phone numbers: 555-0100, 202-555-0100, 202 555 0100.
	if t.nd >= 3 && !t.comma && !t.dot && p.isDash(i+1) && p.glued(i+1) && i+2 < len(p.t) &&
		p.t[i+2].k == kNum && p.glued(i+2) && !p.t[i+2].dot && !p.t[i+2].comma {
		n2 := p.t[i+2].nd
		if p.isDash(i+3) && p.glued(i+3) && i+4 < len(p.t) && p.t[i+4].k == kNum && p.glued(i+4) {
			if !(t.nd == 4 && n2 == 2) { // 2024-06-18 is a date
				return p.skipDigitGroups(i)
			}
		} else if n2 == 4 && t.nd == 3 {
			return p.skipDigitGroups(i)
		}
	}
	// Ratios and fractions written with a slash: "24/7", "50/50".
	if (p.isSym(i+1, '/') || p.isSym(i+1, '⁄')) && p.glued(i+1) && i+2 < len(p.t) && p.t[i+2].k == kNum && p.glued(i+2) {
		if p.isSym(i+3, '/') || p.is(i+3, "of") || p.t[i+2].v > t.v && p.followsUnit(i+3) {
			return i // a date or a fraction
		}
		return i + 3
	}
	return i
}

// skipDigitGroups skips a run of digit groups joined by dashes, dots,
// spaces or parentheses (a phone number).
func (p *parser) skipDigitGroups(i int) int {
	j := i
	for j < len(p.t) {
		t := p.t[j]
		if t.k == kNum || t.k == kSym && (t.r == '-' || t.r == '.' || t.r == '(' || t.r == ')') && j+1 < len(p.t) && p.t[j+1].k == kNum {
			j++
			continue
		}
		if t.k == kNum && t.sp {
			j++
			continue
		}
		break
	}
	return j
}

// skipGlued skips tokens glued to token i and after it.
func (p *parser) skipGlued(i int) int {
	j := i + 1
	for j < len(p.t) && p.glued(j) && (p.t[j].k != kSym || p.t[j].r == '-' || p.t[j].r == '/') {
		j++
	}
	return j
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// apposedAge reports whether the bare number at [i, end) is an age set
// off by commas after a name: "Jamie Armstrong, 25, said".
func (p *parser) apposedAge(i, end int) bool {
	t := p.t[i]
	if t.k != kNum || t.dot || t.comma || end != i+1 || t.v < 1 || t.v > 119 {
		return false
	}
	return p.isSym(i-1, ',') && i >= 2 && p.t[i-2].k == kWord && p.t[i-2].up && !p.has(i-2, wMonth|wWeekday) &&
		(p.isSym(end, ',') || p.isSym(end, '.') || p.isSym(end, ')'))
}

// lineOrSentenceStart is sentenceStart without colons and dashes: "Worlds:
// Planet 9" still names a planet.
func (p *parser) lineOrSentenceStart(i int) bool {
	if i == 0 || p.t[i].nl {
		return true
	}
	t := p.t[i-1]
	return t.k == kSym && (t.r == '.' || t.r == '!' || t.r == '?' || t.r == '"' || t.r == '“')
}

// streetWords end street addresses.
var streetWords = map[string]bool{"St": true, "Street": true, "Road": true, "Rd": true, "Ave": true,
	"Avenue": true, "Way": true, "Lane": true, "Ln": true, "Blvd": true, "Boulevard": true, "Drive": true,
	"Dr": true, "Place": true, "Pl": true, "Square": true, "Court": true, "Ct": true, "Terrace": true,
	"Highway": true, "Hwy": true, "Parkway": true, "Pkwy": true, "Close": true, "Crescent": true}

// smallInt returns the value of a small whole number (1..100) at token i,
// in digits or words, or 0.
func (p *parser) smallInt(i int) float64 {
	if i >= len(p.t) {
		return 0
	}
	t := p.t[i]
	switch {
	case t.k == kNum && !t.dot && !t.comma && t.v >= 1 && t.v <= 100:
		return t.v
	case p.has(i, wNum) && t.ent.num >= 1:
		return t.ent.num
	}
	return 0
}

// tokenAt returns the index of the token starting at byte pos.
func (p *parser) tokenAt(pos int) int {
	lo, hi := 0, len(p.t)
	for lo < hi {
		m := (lo + hi) / 2
		if p.t[m].s < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// streetAfter reports whether a street name starts at token n: "9 E 71st
// St", "575 Wilbraham Road", "16-18 Industrial Avenue".
func (p *parser) streetAfter(n int) bool {
	if n >= len(p.t) || p.t[n].k != kWord || !p.t[n].up {
		return false
	}
	for k := n; k < len(p.t) && k < n+4 && (p.t[k].k != kSym || p.isSym(k, '.')); k++ {
		if streetWords[p.text(k)] {
			return true
		}
	}
	return false
}
