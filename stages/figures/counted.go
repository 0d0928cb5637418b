package figures

import "strings"

// determiners skipped before the counted noun phrase after "of".
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "your": true, "my": true, "these": true, "those": true, "this": true, "that": true,
}

// counted finds, without part-of-speech tags, the noun phrase counted by
// the quantity q whose tokens end before j: "4.8 million artillery
// shells", "1 million units of ammunition", "dozens of missiles". It
// leaves percentages and money alone ("20% of the vote" counts nothing).
func (p *parser) counted(q *Quantity, j int) {
	if q.Unit != "" && (q.Unit == "%" || IsCurrency(q.Unit) || strings.Contains(q.Unit, " per ") ||
		q.Unit == "percentage point" || q.Unit == "basis point" || q.Unit == "point") {
		return
	}
	k := j
	ofFirst := false
	if p.is(k, "of") {
		if q.Unit == "" && q.Bound != "range" {
			return // "one of", "3 of 5": not a counted phrase
		}
		ofFirst = true
		k++
		for k < len(p.t) && determiners[strings.ToLower(p.text(k))] {
			k++
		}
	} else if q.Unit != "" {
		return // "24 years": the unit is what is counted
	}
	s, e := p.nounPhrase(k, 4)
	if e == s {
		return
	}
	// "units of ammunition": a plural head followed by "of" and a noun.
	if !ofFirst && p.is(e, "of") {
		if s2, e2 := p.nounPhrase(e+1, 3); e2 > s2 && s2 == e+1 {
			e = e2
		}
	}
	q.countedStart, q.countedEnd = p.t[s].s, p.t[e-1].e
	q.Counted = p.s[q.countedStart:q.countedEnd]
}

// nounPhrase returns the token range of a short noun phrase starting at k:
// words that are not function words, verbs in -ed or adverbs in -ly, with
// inner hyphens, at most max words.
func (p *parser) nounPhrase(k, max int) (int, int) {
	s, e := k, k
	words := 0
	for e < len(p.t) && words < max {
		t := p.t[e]
		if t.k == kSym && (t.r == '-' || t.r == '–') && p.glued(e) && e+1 < len(p.t) && p.glued(e+1) && p.t[e+1].k == kWord && words > 0 {
			e += 2
			continue
		}
		if t.k != kWord {
			break
		}
		if t.ent != nil && t.ent.flags&(wStop|wSay|wMonth|wWeekday|wDayRel|wChange|wNum|wScale) != 0 {
			break
		}
		w := p.text(e)
		if strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") && words == 0 && !p.nextIsWordNoun(e+1) {
			break
		}
		if t.up && words > 0 && !p.t[e-1].up {
			break // "5 soldiers Monday"
		}
		words++
		e++
	}
	// Drop trailing words that look like verbs ("1,000 troops were").
	for e > s && p.has(e-1, wStop) {
		e--
	}
	return s, e
}

// nextIsWordNoun reports whether token j is a content word (for "armed
// soldiers", "guided missiles").
func (p *parser) nextIsWordNoun(j int) bool {
	return j < len(p.t) && p.t[j].k == kWord && !p.has(j, wStop|wSay) && !p.glued(j)
}
