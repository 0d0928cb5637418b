package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/entities/ner"
)

// This file holds the corrections for forms of modern wire copy that
// 1996 Reuters rarely shows: names with particles, titles run into names,
// holidays.

// particleWord reports whether w is a name particle written in lower case:
// "van", "der", "bin", or a particle joined by a hyphen to a capitalised
// name ("al-Rashidi", "el-Sayed", "bin-Talal").
func particleWord(w string) bool {
	if particles[w] {
		return true
	}
	p, rest, ok := strings.Cut(w, "-")
	if !ok || !particles[p] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// joinParticles joins the pieces of a name the model cut at its lower-case
// particles: "Marieke" + "van der" + "Berg", "Karim" + "bin" + "Saleh",
// "Hassan" + "al-Rashidi". The joined span is a person; the words before
// the name ("European Commission President") are split off later by
// candidate (see innerTitle).
func (r *Recognizer) joinParticles(toks []pipeline.Token, spans []ner.Span) []ner.Span {
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		for sp.End < len(toks) && isCapitalised(toks[sp.End-1].Text) && !isAllCaps(toks[sp.End-1].Text) {
			k := sp.End
			for k < len(toks) && particles[toks[k].Text] {
				k++
			}
			switch {
			case k > sp.End && k < len(toks) && isCapitalised(toks[k].Text) && !isAllCaps(toks[k].Text):
				k++ // "van der" + "Berg"
			case k == sp.End && particleWord(toks[k].Text) && !particles[toks[k].Text]:
				k++ // "al-Rashidi"
			default:
				k = sp.End
			}
			if k == sp.End {
				break
			}
			sp.End, sp.Type = k, perType
			// The model's span for the rest of the name, and any
			// capitalised word after it, are part of it.
			for i+1 < len(spans) && spans[i+1].Start < sp.End {
				sp.End = max(sp.End, spans[i+1].End)
				i++
			}
		}
		out = append(out, sp)
	}
	return out
}

// innerTitle finds a title inside the span toks[a:b] that a name follows:
// "European Commission President Marieke van der Berg", "Senate Majority
// Leader Tom Hadley". It returns where the title phrase starts (its
// modifiers included: "Majority Leader", "Health Secretary") and where the
// name starts, or ok false.
func (r *Recognizer) innerTitle(toks []pipeline.Token, a, b int) (phrase, name int, ok bool) {
	var kbuf [64]byte
	for k := b - 2; k > a; k-- {
		kb := appendKey(kbuf[:0], toks[k].Text)
		if !strongTitles[string(kb)] && !innerTitles[string(kb)] || !isCapitalised(toks[k].Text) {
			continue
		}
		if !r.nameAfterTitle(toks[k+1 : b]) {
			return 0, 0, false
		}
		p := k
		for p > a {
			kb := appendKey(kbuf[:0], toks[p-1].Text)
			if !r.canon.title[string(kb)] && !roleWords[string(kb)] && !titleModifiers[string(kb)] {
				break
			}
			p--
		}
		return p, k + 1, true
	}
	return 0, 0, false
}

// nameAfterTitle reports whether toks could be the name after a title: one
// to four capitalised words, lower-case particles between them, none a
// known place or organisation.
func (r *Recognizer) nameAfterTitle(toks []pipeline.Token) bool {
	words := 0
	for i, t := range toks {
		if particleWord(t.Text) && i > 0 && i < len(toks)-1 {
			continue
		}
		if !isCapitalised(t.Text) || isAllCaps(t.Text) || keyed(r.canon.place, t.Text) || keyed(r.canon.orgs, t.Text) || keyed(r.canon.title, t.Text) {
			return false
		}
		words++
	}
	return words >= 1 && words <= 4
}

// innerTitles are title words, besides strongTitles, that a name follows
// inside a longer name ("House Speaker X", "EU Commissioner X").
var innerTitles = map[string]bool{
	"speaker": true, "commissioner": true, "director": true, "executive": true, "officer": true,
	"coach": true, "manager": true, "captain": true, "founder": true, "chair": true, "head": true,
}

// titleModifiers qualify a title word before it ("Majority Leader",
// "Health Secretary", "Chief Executive").
var titleModifiers = map[string]bool{
	"majority": true, "minority": true, "chief": true, "senior": true, "assistant": true, "associate": true,
	"executive": true, "managing": true, "general": true, "health": true, "finance": true, "foreign": true,
	"interior": true, "justice": true, "trade": true, "energy": true, "economy": true, "economic": true,
	"education": true, "home": true, "treasury": true, "transport": true, "labour": true, "labor": true,
	"environment": true, "agriculture": true, "commerce": true, "culture": true, "housing": true,
	"security": true, "development": true, "budget": true, "brexit": true,
}

// holiday reports whether s names a holiday or a festival ("Christmas",
// "Eid al-Fitr", "Thanksgiving Day", "Christmas Eve", "Labor Day"), which
// CoNLL's guidelines do not annotate and which is no place.
func holiday(s string) bool {
	k := Key(s)
	if holidays[k] {
		return true
	}
	for _, suf := range []string{"day", "eve", "weekend", "holiday", "holidays", "season"} {
		if h, ok := strings.CutSuffix(k, suf); ok && (holidays[h] || dayHolidays[h]) {
			return true
		}
	}
	return false
}

// holidays are the keys of common holidays and festivals; dayHolidays
// those that are holidays only with "Day" ("Labor Day", but "Labor" is a
// party).
var holidays, dayHolidays = map[string]bool{}, map[string]bool{}

func init() {
	for _, h := range []string{
		"Christmas", "Xmas", "Easter", "Good Friday", "Lent", "Advent", "Pentecost", "Whitsun", "Epiphany",
		"Ramadan", "Eid", "Eid al-Fitr", "Eid al-Adha", "Eid ul-Fitr", "Eid ul-Adha", "Muharram", "Ashura",
		"Diwali", "Holi", "Navratri", "Hanukkah", "Chanukah", "Passover", "Yom Kippur", "Rosh Hashanah",
		"Purim", "Sukkot", "Shavuot", "Thanksgiving", "Halloween", "New Year", "New Year's", "Lunar New Year",
		"Chinese New Year", "Nowruz", "Songkran", "Black Friday", "Cyber Monday", "Mardi Gras", "Hogmanay",
	} {
		holidays[Key(h)] = true
	}
	for _, h := range []string{
		"Boxing", "Labor", "Labour", "May", "Memorial", "Veterans", "Presidents", "Columbus", "Independence",
		"Bastille", "Australia", "Canada", "Victory", "Armistice", "Remembrance", "Valentine's", "Valentines",
		"Mother's", "Father's", "St Patrick's", "St. Patrick's", "Martin Luther King", "Election", "Inauguration",
	} {
		dayHolidays[Key(h)] = true
	}
}

// trimEnd drops the tokens at the end of the span toks[a:b] of type typ
// that are no part of a name, and returns the new end: for a person or a
// place, a token without letters ("Waugh 5-1-36-1", "Ahmad 55" in results
// lines) or a weekday or month ("Insulza Monday"); for every type, a plain
// lower-case word ("Dallas-Fort Worth route", "SPC group"), which the
// model sometimes runs a name on into. Particles and hyphenated or
// apostrophised words ("al-Akhdar", "d'Estaing") are kept.
func trimEnd(toks []pipeline.Token, a, b int, typ string) int {
	for b-a > 1 {
		w := toks[b-1].Text
		place := typ == pipeline.EntPerson || typ == pipeline.EntGPE || typ == pipeline.EntLoc
		switch {
		case place && !hasLetter(w):
		case place && calendarWords[Key(w)]:
		case plainLower(w) && !nameParticles[w]:
		default:
			return b
		}
		b--
	}
	return b
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// plainLower reports whether w is a lower-case word of letters only.
func plainLower(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// nameParticles are the lower-case words a name may end with.
var nameParticles = map[string]bool{}

func init() {
	for _, w := range strings.Fields("jr sr de la le van von der den ter ten da di du del della dos das al el bin ibn bint ben") {
		nameParticles[w] = true
	}
}

// calendarWords are weekdays and months, full and abbreviated.
var calendarWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday mon tue tues thu thur thurs fri " +
		"january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec") {
		calendarWords[w] = true
	}
}
