package figures

import "strings"

// determiners skipped before the counted noun phrase after "of".
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "your": true, "my": true, "these": true, "those": true, "this": true, "that": true,
}

// counted finds, without part-of-speech tags, the noun phrase counted by
// the quantity q whose tokens are [si, j): "4.8 million artillery shells",
// "1 million units of ammunition", "dozens of missiles". For shares and
// amounts it is what they measure: "90% of North Korea's debt", "a 20%
// duty", "provisional duties of up to 38.1%".
func (p *parser) counted(q *Quantity, si, j int) {
	if q.Unit != "" && (q.Unit == "%" || IsCurrency(q.Unit) || strings.Contains(q.Unit, " per ") ||
		q.Unit == "percentage point" || q.Unit == "basis point" || q.Unit == "point") {
		p.measured(q, si, j)
		return
	}
	k := j
	ofFirst := false
	// "four-cylinder engine": the hyphenated word is what is counted.
	if q.Unit == "" && p.isDash(k) && p.glued(k) && k+1 < len(p.t) && p.glued(k+1) && p.t[k+1].k == kWord {
		q.countedStart, q.countedEnd = p.t[k+1].s, p.t[k+1].e
		q.Counted = p.s[q.countedStart:q.countedEnd]
		return
	}
	if isFraction(*q) {
		// "a third of the population", "half the condos": the whole.
		if p.is(k, "of") {
			k++
		}
		for k < len(p.t) && p.inSet(k, determiners) {
			k++
		}
		if s, e := p.nounPhrase(k, 3); e > s {
			if e-s > 1 && p.inSet(e-1, subjectVerbs) {
				e-- // "a third of the population lives"
			}
			q.countedStart, q.countedEnd = p.t[s].s, p.t[e-1].e
			q.Counted = p.s[q.countedStart:q.countedEnd]
		}
		return
	}
	// "4.8 million 152 mm artillery shells": a calibre or size between the
	// number and the thing.
	if q.Unit == "" && k < len(p.t) && p.t[k].k == kNum {
		if ph, e, ok := p.unitAt(k+1, p.glued(k+1)); ok && !ph.cur && !ph.dur {
			if s, e2 := p.nounPhrase(e, 3); e2 > s && p.pluralWord(e2-1) {
				q.countedStart, q.countedEnd = p.t[k].s, p.t[e2-1].e
				q.Counted = p.s[q.countedStart:q.countedEnd]
				return
			}
		}
	}
	if p.is(k, "of") {
		if q.Unit == "" && q.Bound != "range" {
			return // "one of", "3 of 5": not a counted phrase
		}
		ofFirst = true
		k++
		for k < len(p.t) && p.inSet(k, determiners) {
			k++
		}
	} else if q.Unit != "" {
		return // "24 years": the unit is what is counted
	}
	// "eight more picks", "two other employees": the quantifier is not part
	// of what is counted.
	if p.is(k, "more") || p.is(k, "other") || p.is(k, "additional") || p.is(k, "extra") || p.is(k, "further") {
		if p.nextIsWordNoun(k + 1) {
			k++
		}
	}
	s, e := p.nounPhrase(k, 4)
	if e == s {
		return
	}
	// One thing is a singular noun: "One proposal asks" counts proposals.
	if q.Value == 1 && q.Bound != "range" && !p.pluralWord(e-1) {
		e = s + 1
		for e < len(p.t) && p.isDash(e) && p.glued(e) && e+1 < len(p.t) && p.glued(e+1) && p.t[e+1].k == kWord {
			e += 2
		}
	}
	// "units of ammunition": a partitive head followed by "of" and a noun.
	if !ofFirst && p.is(e, "of") && p.inSet(e-1, partitives) {
		if s2, e2 := p.nounPhrase(e+1, 3); e2 > s2 && s2 == e+1 {
			e = e2
		}
	}
	// "10,000 artillery shells a day": the rate belongs to the thing.
	if (p.is(e, "a") || p.is(e, "per") || p.is(e, "each")) && p.inSet(e+1, rateWords) {
		e += 2
	}
	q.countedStart, q.countedEnd = p.t[s].s, p.t[e-1].e
	q.Counted = p.s[q.countedStart:q.countedEnd]
}

// subjectVerbs are verbs in -s that may follow a whole taken as subject.
var subjectVerbs = map[string]bool{"lives": true, "works": true, "says": true, "votes": true,
	"wants": true, "owns": true, "uses": true, "needs": true, "supports": true, "opposes": true}

// rateWords are the time words of a rate after a counted phrase.
var rateWords = map[string]bool{"day": true, "week": true, "month": true, "year": true, "hour": true,
	"minute": true, "night": true, "quarter": true}

// nounPhrase returns the token range of a short noun phrase starting at k:
// words that are not function words, verbs in -ed or adverbs in -ly, with
// inner hyphens, at most max words. The phrase ends at its first plural
// noun ("european countries conducted" is "european countries"); without
// one it is the first word alone ("3 cylinder engine" counts cylinders).
func (p *parser) nounPhrase(k, max int) (int, int) {
	s, e := k, k
	words := 0
	plural := -1
	for e < len(p.t) && words < max {
		t := p.t[e]
		if t.k == kSym && (t.r == '-' || t.r == '–') && p.glued(e) && e+1 < len(p.t) && p.glued(e+1) && p.t[e+1].k == kWord && words > 0 {
			e += 2
			if p.pluralWord(e - 1) {
				plural = e
				break
			}
			continue
		}
		if t.k != kWord {
			break
		}
		// "Kia and Hyundai vehicles", "digital and physical sales": a
		// coordination before the first plural noun.
		if (p.is(e, "and") || p.is(e, "or")) && words > 0 && plural < 0 && e+1 < len(p.t) && p.t[e+1].k == kWord &&
			!p.has(e+1, wStop|wSay|wNum) && e+2 < len(p.t) && p.t[e+2].k == kWord && !p.has(e+2, wStop|wSay) {
			e++
			continue
		}
		if t.ent != nil && t.ent.flags&(wStop|wSay|wMonth|wWeekday|wDayRel|wChange|wNum|wScale) != 0 {
			break
		}
		w := p.text(e)
		if strings.HasSuffix(w, "ly") && !p.nextIsWordNoun(e+1) || strings.HasSuffix(w, "ed") && (words > 0 || !p.nextIsWordNoun(e+1)) {
			break
		}
		if t.up && words > 0 && !p.t[e-1].up && !(p.is(e-1, "and") || p.is(e-1, "or")) {
			break // "5 soldiers Monday"
		}
		words++
		e++
		if p.pluralWord(e - 1) {
			plural = e
			break
		}
	}
	switch {
	case plural > 0:
		e = plural
	case words > 2:
		// No plural noun: keep a modifier and its noun ("course meal").
		e = s
		for n := 0; n < 2; n++ {
			e++
			for e < len(p.t) && p.isDash(e) && p.glued(e) && e+1 < len(p.t) && p.glued(e+1) && p.t[e+1].k == kWord {
				e += 2
			}
		}
	}
	return s, e
}

// partitives are nouns that take "of" and the real counted thing: "units
// of ammunition", "rounds of artillery", "tons of rice".
var partitives = map[string]bool{}

func init() {
	for _, w := range strings.Fields("units rounds pieces items batches sets kinds types sorts forms boxes bags " +
		"crates containers cases shipments bottles cans cups packs packages loads truckloads carloads " +
		"shiploads tranches bundles pairs lots categories members rolls sheets doses vials barrels " +
		"tons tonnes gallons litres liters acres hectares head heads grains bales sacks cartons " +
		"trucks trainloads wagons vessels barrels cubic metres meters feet square kilometres miles " +
		"hundreds thousands millions billions dozens tens scores numbers percent") {
		partitives[w] = true
	}
}

// nextIsWordNoun reports whether token j is a content word (for "armed
// soldiers", "guided missiles").
func (p *parser) nextIsWordNoun(j int) bool {
	return j < len(p.t) && p.t[j].k == kWord && !p.has(j, wStop|wSay) && !p.glued(j)
}

// measured sets Counted for a share or an amount.
func (p *parser) measured(q *Quantity, si, j int) {
	set := func(s, e int) {
		q.countedStart, q.countedEnd = p.t[s].s, p.t[e-1].e
		q.Counted = p.s[q.countedStart:q.countedEnd]
	}
	if p.is(j, "of") {
		k := j + 1
		for k < len(p.t) && p.inSet(k, determiners) {
			k++
		}
		if s, e := p.namePhrase(k, 5); e > s {
			set(s, e)
		}
		return
	}
	if p.is(si-1, "a") || p.is(si-1, "an") || p.is(si-1, "the") {
		if s, e := p.nounPhrase(j, 3); e > s {
			set(s, e)
		}
		return
	}
	if p.is(si-1, "of") {
		e := si - 1
		s := e
		for s > 0 && e-s < 3 && p.t[s-1].k == kWord && !p.has(s-1, wStop|wSay|wNum|wChange) && !p.inSet(s-1, verbs) {
			s--
		}
		if e > s {
			set(s, e)
		}
	}
}

// namePhrase is a noun phrase that may hold names and possessives
// ("North Korea's Soviet-era debt"), at most max words.
func (p *parser) namePhrase(k, max int) (int, int) {
	s, e := k, k
	for e < len(p.t) && e-s < max*2 {
		t := p.t[e]
		if t.k == kSym && (t.r == '-' || t.r == '’' || t.r == '\'') && p.glued(e) && e+1 < len(p.t) && p.glued(e+1) && p.t[e+1].k == kWord && e > s {
			e += 2
			continue
		}
		if t.k != kWord || t.ent != nil && t.ent.flags&(wStop|wSay|wMonth|wWeekday|wDayRel|wChange|wNum|wScale) != 0 {
			break
		}
		e++
	}
	return s, e
}

// verbs are common verbs that take an amount as object ("impose duties of
// 38%"); they end a counted phrase read backwards.
var verbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields("impose imposed imposes imposing apply applied applies set sets levy levied " +
		"block blocked slap slapped charge charged raise raised pay paid paying propose proposed announce " +
		"announced face faced faces approve approved offer offered offers get got receive received seek " +
		"sought demand demanded introduce introduced keep kept make made give gave take took hold held " +
		"add added cut have has had want wants wanted reach reached see saw expect expected") {
		verbs[w] = true
	}
}
