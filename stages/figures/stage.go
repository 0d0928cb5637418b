package figures

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
)

// Extractor is the "figures" stage: it fills every unit's Figures and
// Dates. It is safe for concurrent use on different documents; its tables
// are built once by New and read-only afterwards.
type Extractor struct {
	extra  map[string][]phrase
	dollar string
}

// New returns the figures stage for cfg.
func New(cfg pipeline.FigureConfig) (*Extractor, error) {
	x := &Extractor{dollar: strings.ToUpper(strings.TrimSpace(cfg.Dollar))}
	if x.dollar != "" && (len(x.dollar) != 3 || !allUpper(x.dollar)) {
		return nil, fmt.Errorf("figures: dollar currency %q is not a three-letter code", cfg.Dollar)
	}
	if len(cfg.Units) > 0 {
		x.extra = map[string][]phrase{}
		keys := make([]string, 0, len(cfg.Units))
		for k := range cfg.Units {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			u := strings.TrimSpace(cfg.Units[k])
			ws := splitPhrase(k)
			if len(ws) == 0 || u == "" {
				return nil, fmt.Errorf("figures: unit %q: empty surface form or unit", k)
			}
			x.extra[ws[0]] = append(x.extra[ws[0]], phrase{rest: ws[1:], unit: u})
		}
	}
	return x, nil
}

// Name returns "figures".
func (x *Extractor) Name() string { return "figures" }

// Process fills u.Figures and u.Dates for every unit of d, scanning
// d.Clean (d.Text when Clean is empty) within the unit. Offsets are into
// d.Text. It uses the unit's tokens and the entity stage's mentions when
// present and falls back to heuristics otherwise.
func (x *Extractor) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.Analysed() {
			continue
		}
		start, end := max(u.Start, 0), min(u.End, len(text))
		if start >= end {
			u.Figures, u.Dates = nil, nil
			continue
		}
		x.unit(d, u, text, start, end)
	}
	return nil
}

// unit analyses one unit.
func (x *Extractor) unit(d *pipeline.Doc, u *pipeline.Unit, text string, start, end int) {
	p := getParser(text[start:end], x.extra, x.dollar)
	defer putParser(p)
	p.run()
	ref := u.Date
	if _, ok := parseRef(ref); !ok {
		ref = d.Meta.Date
	}
	r, hasRef := parseRef(ref)
	u.Figures = u.Figures[:0]
	u.Dates = u.Dates[:0]
	if len(p.qs) > 0 {
		figs := make([]pipeline.Figure, 0, len(p.qs))
		cl := claimants{p: p, u: u, d: d, base: start, text: text}
		for _, q := range p.qs {
			f := pipeline.Figure{
				Start: q.Start + start, End: q.End + start,
				Value: q.Value, Low: q.Low, High: q.High,
				Unit: q.Unit, Bound: q.Bound, Counted: q.Counted,
			}
			f.Text = d.Text[f.Start:f.End]
			if len(u.Tokens) > 0 && !q.carried {
				f.Counted = countedPOS(d.Text, u.Tokens, q, f.Start, f.End)
			}
			f.ClaimedBy = cl.of(q.Start)
			figs = append(figs, f)
		}
		u.Figures = figs
	} else {
		u.Figures = nil
	}
	if len(p.ds) > 0 {
		ds := make([]pipeline.DateMention, 0, len(p.ds))
		for _, c := range p.ds {
			s, e := c.s+start, c.e+start
			ds = append(ds, pipeline.DateMention{Start: s, End: e, Text: d.Text[s:e], Date: c.resolve(r, hasRef)})
		}
		sort.SliceStable(ds, func(i, j int) bool { return ds[i].Start < ds[j].Start })
		u.Dates = ds
	} else {
		u.Dates = nil
	}
}

// countedPOS finds the counted noun phrase from part-of-speech tags: the
// adjectives and nouns after the figure up to the last noun, extended by
// "of" and a noun ("units of ammunition").
func countedPOS(text string, toks []pipeline.Token, q Quantity, start, end int) string {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= end })
	if q.Unit != "" && (q.Unit == "%" || IsCurrency(q.Unit) || strings.Contains(q.Unit, " per ") ||
		strings.HasSuffix(q.Unit, "point")) {
		return measuredPOS(text, toks, i, start)
	}
	if i >= len(toks) || toks[i].Start-end > 2 {
		return q.Counted
	}
	ofFirst := false
	if strings.EqualFold(toks[i].Text, "of") {
		if q.Unit == "" && q.Bound != pipeline.BoundRange {
			return ""
		}
		ofFirst = true
		i++
		for i < len(toks) && (toks[i].Tag == "DT" || toks[i].Tag == "PRP$") {
			i++
		}
	} else if q.Unit != "" {
		return ""
	}
	s, e := npTags(toks, i, 5)
	if e == s {
		return ""
	}
	if !ofFirst && e < len(toks) && strings.EqualFold(toks[e].Text, "of") && strings.HasPrefix(toks[e-1].Tag, "NNS") {
		if s2, e2 := npTags(toks, e+1, 3); e2 > s2 {
			e = e2
		}
	}
	if e+1 < len(toks) && (toks[e].Tag == "DT" || strings.EqualFold(toks[e].Text, "per")) && rateWords[strings.ToLower(toks[e+1].Text)] {
		e += 2
	}
	return text[toks[s].Start:toks[e-1].End]
}

// measuredPOS finds what a share or an amount measures, from tags: "90%
// of North Korea's Soviet-era debt", "a 20% duty", "duties of up to 38%".
// i is the first token after the figure, start the figure's offset.
func measuredPOS(text string, toks []pipeline.Token, i, start int) string {
	if i < len(toks) && strings.EqualFold(toks[i].Text, "of") {
		i++
		for i < len(toks) && (toks[i].Tag == "DT" || toks[i].Tag == "PRP$") {
			i++
		}
		if s, e := npTags(toks, i, 6); e > s {
			return text[toks[s].Start:toks[e-1].End]
		}
		return ""
	}
	b := sort.Search(len(toks), func(k int) bool { return toks[k].End > start }) - 1
	if b >= 0 && toks[b].Tag == "DT" {
		if s, e := npTags(toks, i, 3); e > s {
			return text[toks[s].Start:toks[e-1].End]
		}
		return ""
	}
	// "duties of (up to) 38%": skip bound words back to "of".
	for k := b; k >= 0 && k > b-4; k-- {
		if strings.EqualFold(toks[k].Text, "of") {
			e := k
			s := e
			for s > 0 && e-s < 4 && (strings.HasPrefix(toks[s-1].Tag, "NN") || strings.HasPrefix(toks[s-1].Tag, "JJ")) {
				s--
			}
			for s < e && !strings.HasPrefix(toks[s].Tag, "NN") && !strings.HasPrefix(toks[s].Tag, "JJ") {
				s++
			}
			if e > s && strings.HasPrefix(toks[e-1].Tag, "NN") {
				return text[toks[s].Start:toks[e-1].End]
			}
			return ""
		}
		if toks[k].Tag != "RB" && toks[k].Tag != "IN" && toks[k].Tag != "TO" && toks[k].Tag != "JJR" && toks[k].Tag != "RBR" {
			break
		}
	}
	return ""
}

// npTags returns the tokens [s, e) of a noun phrase starting at i: tagged
// adjectives, participles and nouns ending at the last noun.
func npTags(toks []pipeline.Token, i, max int) (int, int) {
	last := -1
	for j := i; j < len(toks) && j-i < max; j++ {
		if j > i && toks[j].Start-toks[j-1].End > 1 {
			break
		}
		tag := toks[j].Tag
		switch {
		case strings.HasPrefix(tag, "NN"):
			last = j
			continue
		case strings.HasPrefix(tag, "JJ"), tag == "VBN", tag == "VBG", tag == "HYPH", tag == "POS",
			tag == ":" && toks[j].Text == "-":
			continue
		}
		break
	}
	if last < 0 {
		return i, i
	}
	return i, last + 1
}

// claimants finds who a figure is attributed to, caching per sentence.
type claimants struct {
	p     *parser
	u     *pipeline.Unit
	d     *pipeline.Doc
	base  int
	text  string
	sents [][2]int // token ranges
}

// of returns the claimant of the figure starting at byte pos (relative to
// the unit): the attribution of its sentence, or of the one before.
func (c *claimants) of(pos int) string {
	if c.sents == nil {
		c.split()
	}
	k := sort.Search(len(c.sents), func(i int) bool { return c.p.t[c.sents[i][1]-1].e > pos })
	if k >= len(c.sents) {
		return ""
	}
	v := c.attribution(c.sents[k], pos)
	if v == "" && k > 0 && c.continues(c.sents[k-1], c.sents[k]) {
		v = c.attribution(c.sents[k-1], -1)
	}
	if v == "" && c.u.Kind == pipeline.KindReviewQuote {
		// A review quote speaks for the quoted outlet.
		v = c.u.Outlet
	}
	return v
}

// split divides the unit's tokens into sentences, from the text stage's
// sentences when present, else at sentence punctuation.
func (c *claimants) split() {
	p := c.p
	n := len(p.t)
	c.sents = make([][2]int, 0, 8)
	if len(c.u.Sentences) > 0 {
		j := 0
		for _, s := range c.u.Sentences {
			ss, se := s.Start-c.base, s.End-c.base
			for j < n && p.t[j].e <= ss {
				j++
			}
			k := j
			for k < n && p.t[k].s < se {
				k++
			}
			if k > j {
				c.sents = append(c.sents, [2]int{j, k})
			}
			j = k
		}
		if len(c.sents) > 0 && c.sents[len(c.sents)-1][1] < n {
			c.sents = append(c.sents, [2]int{c.sents[len(c.sents)-1][1], n})
		}
		if len(c.sents) > 0 {
			return
		}
	}
	s := 0
	for i := 0; i < n; i++ {
		t := p.t[i]
		end := false
		if t.k == kSym && (t.r == '.' || t.r == '!' || t.r == '?') && !(t.r == '.' && i > 0 && p.glued(i) && p.abbreviation(i-1)) {
			j := i + 1
			for j < n && p.t[j].k == kSym && !p.t[j].sp && (p.t[j].r == '"' || p.t[j].r == '”' || p.t[j].r == '’' || p.t[j].r == ')') {
				j++
			}
			if j >= n || p.t[j].sp && (p.t[j].up || p.t[j].k == kSym || p.t[j].nl) {
				end = true
				i = j - 1
			}
		} else if i+1 < n && p.t[i+1].nl && p.blankLineBefore(i+1) {
			end = true
		}
		if end {
			c.sents = append(c.sents, [2]int{s, i + 1})
			s = i + 1
		}
	}
	if s < n {
		c.sents = append(c.sents, [2]int{s, n})
	}
}

// blankLineBefore reports whether an empty line precedes token i.
func (p *parser) blankLineBefore(i int) bool {
	nls := 0
	for k := p.t[i].s - 1; k >= 0 && k >= p.t[i-1].e; k-- {
		if p.s[k] == '\n' {
			nls++
		}
	}
	return nls >= 2
}

// sayVerbs are the attribution verbs that name a claimant next to them.
var sayVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "stated": true, "states": true,
	"estimated": true, "estimates": true, "reported": true, "reports": true, "claimed": true, "claims": true,
	"announced": true, "announces": true, "noted": true, "notes": true, "wrote": true, "writes": true,
	"believes": true, "argued": true, "argues": true, "insisted": true, "confirmed": true, "confirms": true,
	"revealed": true, "disclosed": true, "predicted": true, "predicts": true, "warned": true, "warns": true,
	"added": true, "adds": true, "alleged": true, "alleges": true, "calculated": true, "projected": true,
	"forecast": true, "forecasts": true, "acknowledged": true, "admitted": true, "explained": true,
}

// attribution returns the claimant named in sentence sr, choosing the
// attribution verb nearest to byte pos (pos < 0: any).
func (c *claimants) attribution(sr [2]int, pos int) string {
	p := c.p
	best, bestDist := "", -1
	for i := sr[0]; i < sr[1]; i++ {
		t := p.t[i]
		if t.k != kWord {
			continue
		}
		w := p.text(i)
		var who string
		if strings.EqualFold(w, "according") && p.is(i+1, "to") {
			who = c.phraseAfter(i+2, sr[1])
		} else if len(w) >= 3 && len(w) <= 12 && p.inSet(i, sayVerbs) && !p.is(i+1, "off") {
			if strings.EqualFold(w, "added") || strings.EqualFold(w, "reported") || strings.EqualFold(w, "estimated") {
				// "added 5%", "reported 3 deaths", "an estimated 500": not
				// attributions when a number follows.
				if p.startsNumber(i+1) || p.has(i+1, wBound) || p.is(i-1, "an") {
					continue
				}
			}
			who = c.subjectBefore(i, sr[0])
			if who == "" && p.isSym(i-1, ',') {
				// "Kim Dong-yop, a professor at ..., said"
				who = c.personIn(sr[0], i)
			}
			if who == "" && (p.isSym(i-1, ',') || p.isSym(i-1, '"') || p.isSym(i-1, '”') || i == sr[0]) {
				who = c.phraseAfter(i+1, sr[1])
			}
		}
		if who == "" || pos > t.s && c.clauseBreak(i, pos) {
			continue
		}
		dist := 0
		if pos >= 0 {
			dist = t.s - pos
			if dist < 0 {
				dist = -dist
			}
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = who, dist
		}
	}
	return best
}

// subjectBefore returns the claimant phrase ending right before token v
// ("the South Korean defense minister said", "Seoul stated"), as a
// canonical entity when a mention covers it.
func (c *claimants) subjectBefore(v, lo int) string {
	p := c.p
	j := v - 1
	// Skip a time word between subject and verb: "Shin said Wednesday" is
	// fine, "Shin on Wednesday said" too.
	if j >= lo && (p.has(j, wWeekday|wDayRel)) {
		j--
		if p.is(j, "on") {
			j--
		}
	}
	e := j + 1
	s := e
	words := 0
	for j >= lo && words < 8 {
		t := p.t[j]
		if t.k == kSym {
			if (t.r == '-' || t.r == '.' || t.r == '’' || t.r == '\'') && p.glued(j) && j > lo && p.t[j-1].k == kWord {
				j--
				continue
			}
			break
		}
		if t.k != kWord {
			break
		}
		if t.ent != nil && t.ent.flags&wPron != 0 && j == v-1 {
			return c.pronoun(j)
		}
		if t.ent != nil && t.ent.flags&wStop != 0 && !p.is(j, "the") && !p.is(j, "of") {
			break
		}
		s = j
		words++
		j--
		if p.is(j+1, "the") {
			break
		}
	}
	if s >= e {
		return ""
	}
	for s < e && (p.is(s, "the") || p.is(s, "of")) {
		s++
	}
	if s >= e {
		return ""
	}
	return c.canonical(s, e)
}

// phraseAfter returns the claimant phrase starting at token i ("according
// to Bloomberg", "said Ben Kaiser, the developer").
func (c *claimants) phraseAfter(i, hi int) string {
	p := c.p
	for i < hi && (p.is(i, "the") || p.is(i, "a")) {
		i++
	}
	s, e := i, i
	for e < hi && e-s < 8 {
		t := p.t[e]
		if t.k == kSym {
			if (t.r == '-' || t.r == '.' || t.r == '’' || t.r == '\'' || t.r == '&') && p.glued(e) && e+1 < hi && p.glued(e+1) {
				e++
				continue
			}
			break
		}
		if t.k != kWord {
			break
		}
		if t.ent != nil && t.ent.flags&(wStop|wSay|wWeekday|wDayRel) != 0 && !p.is(e, "of") {
			break
		}
		if !t.up && e > s && !p.t[s].up {
			// lower-case descriptions: "the ministry", "analysts"
		}
		e++
	}
	for e > s && p.is(e-1, "of") {
		e--
	}
	if e <= s {
		return ""
	}
	if p.has(s, wPron) && e == s+1 {
		return c.pronoun(s)
	}
	return c.canonical(s, e)
}

// continues reports whether sentence cur carries on the attribution of
// sentence prev: prev ends with a colon, or cur is a quotation.
func (c *claimants) continues(prev, cur [2]int) bool {
	p := c.p
	if p.isSym(prev[1]-1, ':') {
		return true
	}
	if t := p.t[cur[0]]; t.k == kSym && (t.r == '"' || t.r == '“' || t.r == '«' || t.r == '„') {
		return true
	}
	return false
}

// canonical returns who tokens [s, e) name: a person mentioned there by
// canonical name; else the state actor of a government mention ("Seoul",
// "the White House"), or the mention's entity; else the phrase without
// titles ("Kremlin spokesman Dmitry Peskov" is "Dmitry Peskov"), when it
// names an agent at all.
func (c *claimants) canonical(s, e int) string {
	bs, be := c.p.t[s].s+c.base, c.p.t[e-1].e+c.base
	person, other := -1, -1
	for k, m := range c.u.Entities {
		if m.Start >= bs && m.End <= be || m.Start <= bs && m.End >= be {
			if m.Type == pipeline.EntPerson {
				person = k
			} else if other < 0 {
				other = k
			}
		}
	}
	switch {
	case person >= 0:
		m := c.u.Entities[person]
		if m.Entity != "" {
			return m.Entity
		}
		return m.Text
	case other >= 0:
		m := c.u.Entities[other]
		if m.Actor != "" {
			return m.Actor
		}
		if m.Entity != "" {
			return m.Entity
		}
		return m.Text
	}
	return c.resolve(c.phrase(s, e))
}

// govBodies end a claimant phrase that speaks for a state: "South Korea's
// defence ministry", "Ukrainian military intelligence".
var govBodies = map[string]bool{"ministry": true, "government": true, "intelligence": true,
	"military": true, "agency": true, "office": true, "administration": true, "army": true,
	"cabinet": true, "embassy": true, "authorities": true, "officials": true}

// demonyms map state adjectives and names to the country.
var demonyms = map[string]string{"ukrainian": "Ukraine", "ukraine": "Ukraine", "russian": "Russia",
	"russia": "Russia", "south korean": "South Korea", "south korea": "South Korea",
	"north korean": "North Korea", "north korea": "North Korea", "chinese": "China", "china": "China",
	"american": "United States", "u.s.": "United States", "us": "United States", "japanese": "Japan",
	"japan": "Japan", "german": "Germany", "germany": "Germany", "french": "France", "france": "France",
	"british": "United Kingdom", "israeli": "Israel", "iranian": "Iran", "indian": "India"}

// resolve maps a claimant phrase to its canonical form: a government body
// to its state ("South Korea's defence ministry" is "South Korea", "the
// White House" the United States), and a short name to the full name an
// entity mention of the unit gives ("Peskov" is "Dmitry Peskov",
// "Commission" is "European Commission").
func (c *claimants) resolve(who string) string {
	if who == "" {
		return ""
	}
	w := strings.TrimPrefix(strings.TrimPrefix(who, "the "), "The ")
	if w == "White House" {
		return "United States"
	}
	ws := strings.Fields(w)
	if len(ws) >= 2 && govBodies[strings.ToLower(ws[len(ws)-1])] {
		head := strings.Join(ws[:len(ws)-1], " ")
		if i := strings.Index(head, "'s"); i >= 0 {
			head = head[:i]
		} else if i := strings.Index(head, "’s"); i >= 0 {
			head = head[:i]
		}
		for n := min(2, len(strings.Fields(head))); n >= 1; n-- {
			if country, ok := demonyms[strings.ToLower(strings.Join(strings.Fields(head)[:n], " "))]; ok {
				return country
			}
		}
	}
	if len(ws) <= 2 {
		for _, m := range c.u.Entities {
			full := m.Entity
			if full == "" {
				full = m.Text
			}
			if len(full) > len(w) && strings.HasSuffix(full, " "+w) {
				return full
			}
		}
		// Else the unit's own fuller name: "the European Commission ...
		// the Commission said".
		if len(ws) == 1 && hasUpper(w[:1]) {
			u := c.p.s
			for i := strings.Index(u, " "+w); i > 0; {
				j := strings.LastIndexByte(u[:i], ' ') + 1
				prev := u[j:i]
				if prev != "" && hasUpper(prev[:1]) && !titleWords[strings.ToLower(prev)] && prev != "The" &&
					strings.Trim(prev, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") == "" {
					return prev + " " + w
				}
				k := strings.Index(u[i+1:], " "+w)
				if k < 0 {
					break
				}
				i += 1 + k
			}
		}
	}
	return who
}

// titleWords are job titles and offices that precede a name.
var titleWords = map[string]bool{}

// agentWords are common nouns that can make a claim.
var agentWords = map[string]bool{}

// sourceWords are documents that are not claimants by themselves.
var sourceWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("minister ministers spokesman spokeswoman spokesperson president vice " +
		"secretary chief director ambassador general commissioner premier chancellor prime deputy senior " +
		"official analyst professor adviser advisor envoy head leader chairman chairwoman chair ceo governor " +
		"mayor senator representative lawmaker defense defence foreign trade national security state " +
		"interior finance economy economic military intelligence commander colonel lieutenant captain " +
		"admiral spy agency lt. gen. col. dr. mr. mrs. ms. the a an former acting top") {
		titleWords[w] = true
	}
	for _, w := range strings.Fields("official officials analyst analysts expert experts economist economists " +
		"diplomat diplomats source sources researcher researchers scientist scientists authorities ministry " +
		"government spokesman spokeswoman spokesperson minister president police military army agency " +
		"investigators prosecutors officers commander commanders intelligence lawmakers observers estimates " +
		"report ministry's office service administration commission council committee company firm bank " +
		"group agency union officers generals command staff") {
		agentWords[w] = true
	}
	for _, w := range strings.Fields("data figures statistics numbers media") {
		sourceWords[w] = true
	}
}

// phrase returns the claimant phrase of tokens [s, e) without titles, or
// "" when it names no agent.
func (c *claimants) phrase(s, e int) string {
	p := c.p
	bs, be := p.t[s].s+c.base, p.t[e-1].e+c.base
	// A trailing name after a title: "National security spokesman John
	// Kirby", "Defense Minister Shin Won-sik".
	k := e
	for k > s {
		j := k - 1
		// a hyphenated name piece: "Won-sik"
		for j-2 >= s && p.t[j].k == kWord && p.glued(j) && p.isDash(j-1) && p.glued(j-1) && p.t[j-2].k == kWord {
			j -= 2
		}
		if p.t[j].k != kWord || !p.t[j].up || p.inSet(j, titleWords) {
			break
		}
		k = j
	}
	if k < e && k > s && e-k >= 2 && p.inSet(k-1, titleWords) {
		return strings.Join(strings.Fields(c.d.Text[p.t[k].s+c.base:be]), " ")
	}
	hasUp, agent := false, false
	for j := s; j < e; j++ {
		if p.t[j].k != kWord {
			continue
		}
		if p.t[j].up {
			hasUp = true
		}
		if p.inSet(j, agentWords) || p.inSet(j, titleWords) && !p.is(j, "the") && !p.is(j, "a") && !p.is(j, "an") {
			agent = true
		}
	}
	if p.inSet(e-1, sourceWords) {
		return ""
	}
	if !hasUp && !agent {
		return ""
	}
	return strings.Join(strings.Fields(c.d.Text[bs:be]), " ")
}

// pronoun resolves "he"/"she"/"they" to the last person (or organisation,
// for "they" and "it") mentioned before token i in the unit.
//
// A "he" or "she" is first taken to be the last person named as the
// subject of an attribution ("Kim Dong-yop ... said"), so that a person
// named inside a quotation is not taken for the speaker.
func (c *claimants) pronoun(i int) string {
	pos := c.p.t[i].s + c.base
	w := strings.ToLower(c.p.text(i))
	if w == "he" || w == "she" {
		p := c.p
		for k := i - 1; k >= 0 && k > i-600; k-- {
			if p.t[k].k != kWord || !p.inSet(k, sayVerbs) {
				continue
			}
			// the words before the verb, back to the sentence start or a
			// quotation mark, and a few after it
			lo := k
			for lo > 0 && !(p.t[lo-1].k == kSym && strings.ContainsRune(".!?\"“”«»", p.t[lo-1].r)) {
				lo--
			}
			hi := k + 1
			for hi < len(p.t) && (p.t[hi].k == kWord || p.isDash(hi) && p.glued(hi)) && hi < k+6 {
				hi++
			}
			if name := c.personIn(lo, hi); name != "" {
				return name
			}
		}
	}
	for k := len(c.u.Entities) - 1; k >= 0; k-- {
		m := c.u.Entities[k]
		if m.End > pos {
			continue
		}
		switch {
		case (w == "he" || w == "she") && m.Type == pipeline.EntPerson,
			(w == "it" || w == "they" || w == "we") && (m.Type == pipeline.EntOrg || m.Type == pipeline.EntGPE || m.Type == pipeline.EntOutlet):
			if m.Entity != "" {
				return m.Entity
			}
			return m.Text
		}
	}
	return ""
}

// clauseConj are conjunctions that start a new clause after a comma.
var clauseConj = map[string]bool{"as": true, "while": true, "when": true, "but": true, "after": true,
	"before": true, "although": true, "though": true, "since": true, "which": true, "where": true,
	"whereas": true, "and": false}

// clauseBreak reports whether a new clause starts between the attribution
// verb at token v and the figure at byte pos: "X said Wednesday, as Putin
// began a two-day visit" does not attribute the visit's length to X.
func (c *claimants) clauseBreak(v, pos int) bool {
	p := c.p
	for j := v + 1; j < len(p.t) && p.t[j].s < pos; j++ {
		if p.isSym(j, ';') || p.isSym(j, ',') && j+1 < len(p.t) && p.inSet(j+1, clauseConj) {
			return true
		}
	}
	return false
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true,
	"lt": true, "col": true, "sen": true, "rep": true, "gov": true, "prof": true, "jr": true, "sr": true,
	"no": true, "vs": true, "inc": true, "corp": true, "co": true, "ltd": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "capt": true, "sgt": true, "adm": true, "maj": true, "mt": true, "ft": true}

// abbreviation reports whether word token i is an initial ("N.") or a
// common abbreviation ("Mr.", "Gen.").
func (p *parser) abbreviation(i int) bool {
	t := p.t[i]
	if t.k != kWord {
		return false
	}
	w := p.text(i)
	if len(w) == 1 && t.up {
		return true
	}
	return len(w) <= 4 && p.inSet(i, abbreviations)
}

// personIn returns the canonical name of the last person mentioned within
// tokens [s, e), or "".
func (c *claimants) personIn(s, e int) string {
	if s >= e {
		return ""
	}
	bs, be := c.p.t[s].s+c.base, c.p.t[e-1].e+c.base
	name := ""
	for _, m := range c.u.Entities {
		if m.Type == pipeline.EntPerson && m.Start >= bs && m.End <= be {
			name = m.Entity
			if name == "" {
				name = m.Text
			}
		}
	}
	return name
}

// Writes lists the fields the figures stage writes (pipeline.Writer).
func (*Extractor) Writes() []string { return []string{"Units[].Figures", "Units[].Dates"} }
