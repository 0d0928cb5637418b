package entities

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/entities/ner"
)

//go:embed model/ner.bin.gz
var modelBytes []byte

var loadModel = sync.OnceValues(func() (*ner.Model, error) {
	m, err := ner.Load(bytes.NewReader(modelBytes))
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return m, nil
})

// Model returns the embedded labeller, loaded once per process.
func Model() (*ner.Model, error) { return loadModel() }

// Recognizer is the entities stage. It is built once by New and shared
// read-only; Process is safe for concurrent use on different documents.
type Recognizer struct {
	model   *ner.Model
	canon   *canon
	outlets map[string]string // space-joined tokens -> outlet name
	maxOut  int
	known   map[string]string // space-joined tokens -> type, for names the model misses
	maxKnow int
	// outFirst and knowFirst index outlets and known by first word: the
	// word counts of the keys starting with it, so that matching tries
	// only lengths that can match (one map lookup for most tokens).
	outFirst, knowFirst lengths
	// firstNames holds the keys of common given names.
	firstNames map[string]bool
	// on says which post-processing rules apply (all, unless the
	// configuration switches some off for an evaluation).
	on ruleSet
}

// New builds the stage. outlets lists outlet names and aliases (from the
// outlet registry) that are tagged OUTLET wherever they appear, over the
// model; the shipped outlet gazetteer is added to them.
func New(cfg pipeline.EntityConfig, outlets []string) (*Recognizer, error) {
	m, err := loadModel()
	if err != nil {
		return nil, err
	}
	on, err := newRuleSet(cfg.RulesOff)
	if err != nil {
		return nil, err
	}
	r := &Recognizer{model: m, canon: newCanon(cfg), outlets: map[string]string{}, outFirst: lengths{}, knowFirst: lengths{}, on: on}
	r.canon.gazTypes = on[ruleGazType]
	add := func(name string) {
		name = strings.Join(strings.Fields(name), " ")
		words := tokenWords(name)
		if len(words) == 0 {
			return
		}
		r.addOutlet(words, name)
		if len(words) > 2 && words[0] == "The" {
			r.addOutlet(words[1:], name)
		}
	}
	for _, e := range ner.List(ner.ListOutlets) {
		add(e.Name)
	}
	for _, o := range outlets {
		add(o)
	}
	r.firstNames = map[string]bool{}
	for _, e := range ner.List(ner.ListFirstNames) {
		r.firstNames[Key(e.Name)] = true
	}
	r.known = map[string]string{}
	know := func(name, typ string) {
		words := tokenWords(name)
		if len(words) == 0 {
			return
		}
		k := strings.Join(words, " ")
		if _, ok := r.known[k]; !ok {
			r.known[k] = typ
		}
		r.knowFirst.add(words)
		r.maxKnow = max(r.maxKnow, len(words))
	}
	leaders := map[string]bool{}
	for _, kv := range readTable("leaders.txt") {
		leaders[kv[0]] = true
		know(kv[0], pipeline.EntPerson)
	}
	for _, kv := range readTable("aliases.txt") {
		if leaders[kv[1]] {
			know(kv[0], pipeline.EntPerson)
		}
	}
	for from, to := range cfg.Aliases {
		if leaders[to] || cfg.Actors[to] != "" && len(strings.Fields(to)) > 1 {
			know(from, pipeline.EntPerson)
		}
	}
	for _, e := range ner.List(ner.ListCountries) {
		if len(e.Name) > 3 {
			know(e.Name, pipeline.EntGPE)
		}
	}
	return r, nil
}

func (r *Recognizer) addOutlet(words []string, name string) {
	k := strings.Join(words, " ")
	if _, ok := r.outlets[k]; !ok {
		r.outlets[k] = name
	}
	r.outFirst.add(words)
	r.maxOut = max(r.maxOut, len(words))
}

// lengths maps a name's first word to the set of its names' word counts:
// bit n for n words (n < 63), bit 63 for 63 words or more.
type lengths map[string]uint64

func (l lengths) add(words []string) {
	l[words[0]] |= 1 << min(len(words), 63)
}

// has reports whether some name starting with first has n words. It is exact
// only when no token holds a space (see spaced).
func (l lengths) has(mask uint64, n int) bool { return mask>>min(n, 63)&1 != 0 }

// spaced reports whether a token of toks holds a space, so that a token
// count may differ from a key's word count.
func spaced(toks []pipeline.Token) bool {
	for _, t := range toks {
		if strings.IndexByte(t.Text, ' ') >= 0 {
			return true
		}
	}
	return false
}

// tokenWords splits a name as the text stage's tokenizer does for names:
// on spaces, with possessive 's and a final period apart.
func tokenWords(name string) []string {
	var out []string
	for _, f := range strings.Fields(name) {
		switch {
		case len(f) > 2 && (strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "’s")):
			i := strings.LastIndexAny(f, "'’")
			out = append(out, f[:i], f[i:])
		default:
			out = append(out, f)
		}
	}
	return out
}

// joinWords returns strings.Join(tokenWords(s), " "), without allocating
// when s is already that: ASCII-spaced words with no possessive to split.
func joinWords(s string) string {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") || strings.Contains(s, "'s") {
		return strings.Join(tokenWords(s), " ")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c != ' ' && c <= ' ' {
			return strings.Join(tokenWords(s), " ") // other white space, or "’s"
		}
	}
	return s
}

// Name returns "entities".
func (r *Recognizer) Name() string { return "entities" }

// unitSents is one unit's sentences as token ranges.
type unitSents struct {
	u      *pipeline.Unit
	ranges [][2]int
}

// nerInput is the NER model's input for one document: its sentences, and
// the words and tags they slice. Process keeps none of it, so the slices
// are recycled through nerInputs.
type nerInput struct {
	sents       []ner.Sentence
	words, tags []string
}

var nerInputs = sync.Pool{New: func() any { return new(nerInput) }}

// release clears the references to the document's text and returns b to
// nerInputs.
func (b *nerInput) release() {
	clear(b.sents)
	clear(b.words)
	clear(b.tags)
	nerInputs.Put(b)
}

// Process fills Entities and Token.Label for every unit of d. Units
// without tokens get no entities.
func (r *Recognizer) Process(ctx context.Context, d *pipeline.Doc) error {
	var units []unitSents
	// One backing array each for the words and tags of every sentence,
	// reused from document to document.
	b := nerInputs.Get().(*nerInput)
	defer b.release()
	nTok := 0
	for _, u := range d.Units {
		nTok += len(u.Tokens)
	}
	sents := b.sents[:0]
	words, tags := slices.Grow(b.words[:0], nTok), slices.Grow(b.tags[:0], nTok)
	for _, u := range d.Units {
		u.Entities = nil
		if !u.Analysed() {
			continue
		}
		us := unitSents{u: u}
		n := len(u.Tokens)
		for _, s := range u.Sentences {
			if s.FirstToken >= 0 && s.FirstToken < s.EndTok && s.EndTok <= n {
				us.ranges = append(us.ranges, [2]int{s.FirstToken, s.EndTok})
			}
		}
		if len(us.ranges) == 0 && n > 0 {
			us.ranges = [][2]int{{0, n}}
		}
		for _, rg := range us.ranges {
			toks := u.Tokens[rg[0]:rg[1]]
			w0 := len(words)
			for _, t := range toks {
				words, tags = append(words, t.Text), append(tags, t.Tag)
			}
			sents = append(sents, ner.Sentence{Words: words[w0:len(words):len(words)], Tags: tags[w0:len(tags):len(tags)]})
		}
		units = append(units, us)
	}
	b.sents, b.words, b.tags = sents, words, tags
	if err := ctx.Err(); err != nil {
		return err
	}
	labels := r.model.LabelDoc(sents, nil)
	links := &docLinks{actors: map[string]string{}}
	k := 0
	var spans []ner.Span
	for _, us := range units {
		u := us.u
		var cands []span
		for _, rg := range us.ranges {
			spans = ner.Spans(labels[k], spans[:0])
			if r.on[ruleExtendOrgs] {
				spans = r.extendOrgs(u.Tokens[rg[0]:rg[1]], spans)
			}
			if r.on[ruleParticles] {
				spans = r.joinParticles(u.Tokens[rg[0]:rg[1]], spans)
			}
			if r.on[ruleFixPersons] {
				spans = r.fixPersons(u.Tokens[rg[0]:rg[1]], spans)
			}
			if r.on[ruleHeadline] && r.titleCase(u.Tokens[rg[0]:rg[1]], spans) {
				spans = r.headlinePersons(u.Tokens[rg[0]:rg[1]], spans)
			}
			k++
			for _, sp := range spans {
				cands = r.candidates(d.Text, u.Tokens, rg[0]+sp.Start, rg[0]+sp.End, sp.Type, cands)
			}
			if r.on[ruleOutlets] {
				cands = r.matchOutlets(u.Tokens, rg[0], rg[1], cands)
			}
			if r.on[ruleKnown] {
				cands = r.matchKnown(u.Tokens, rg[0], rg[1], cands)
			}
		}
		ms := merge(d.Text, cands)
		u.Entities = r.mentions(d.Text, u, ms, links)
	}
	if r.on[rulePropagate] {
		r.linkForward(d, links)
	}
	for _, u := range d.Units {
		labelTokens(u)
	}
	return nil
}

// linkForward resolves what in-order linking could not: a bare surname
// before any full name (a headline "Kim" before "Kim Jong Un" in the body)
// links to the first full name in the document with that surname, and "the
// North"/"the South" stand for North/South Korea in a document that names
// them.
func (r *Recognizer) linkForward(d *pipeline.Doc, links *docLinks) {
	seen := map[string]bool{}
	for _, u := range d.Units {
		for _, m := range u.Entities {
			seen[m.Entity] = true
		}
	}
	for _, u := range d.Units {
		for i := range u.Entities {
			m := &u.Entities[i]
			if m.Type != pipeline.EntPerson && m.Type != pipeline.EntOutlet && !strings.Contains(m.Text, " ") && !keyed(r.canon.place, m.Text) && !keyed(r.canon.orgs, m.Text) {
				k := Key(m.Text)
				for _, p := range links.persons {
					if p.surname == k {
						m.Type, m.Entity = pipeline.EntPerson, m.Text // linked below
						break
					}
				}
			}
			switch {
			case m.Type == pipeline.EntPerson && !strings.Contains(m.Entity, " "):
				k := Key(m.Text)
				for _, p := range links.persons {
					if p.surname == k {
						m.Entity = p.name
						m.Actor = r.canon.actorOf(m.Entity, m.Text, m.Type)
						if m.Actor == "" {
							m.Actor = links.actors[m.Entity]
						}
						break
					}
				}
			case m.Text == "North" && seen["North Korea"], m.Text == "South" && seen["South Korea"]:
				m.Type, m.Entity = pipeline.EntGPE, m.Text+" Korea"
				m.Actor = r.canon.actorOf(m.Entity, m.Entity, m.Type)
			}
		}
	}
}

// titleCase reports whether a sentence is a headline in title case
// ("Kim's Armored Train Rolls Into a Deal Nobody Will Name"), where every
// word is capitalised and capitals say nothing about names.
//
// Lists and tables are capitalised too but are no headlines: a squad list
// ("Squad: Javier Pertile, Paolo Vaccari, ..."), a result line ("Surrey
// 429-7 (C. Lewis 80, ...)"). A line with a number or more than one comma
// or semicolon is not taken for a headline.
//
// A sentence that is mostly names ("Foreign Minister Karim bin Saleh and
// Hassan al-Rashidi met Jean-Luc de la Fontaine in Paris") is capitalised
// too: a headline has a capitalised word outside the model's spans that
// is no title, or few lower-case words (at most one in four).
func (r *Recognizer) titleCase(toks []pipeline.Token, spans []ner.Span) bool {
	words, upper, commas, outside, letters, lower := 0, 0, 0, 0, 0, 0
	j := 0
	for i, t := range toks {
		r0, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsLetter(r0) {
			letters++
			if unicode.IsLower(r0) {
				lower++
			}
		}
		switch {
		case unicode.IsDigit(r0):
			return false
		case t.Text == "," || t.Text == ";":
			if commas++; commas > 1 {
				return false
			}
		}
		if !unicode.IsLetter(r0) || len(t.Text) <= 3 && unicode.IsLower(r0) {
			continue // punctuation and short function words
		}
		words++
		if unicode.IsUpper(r0) {
			upper++
			for j < len(spans) && spans[j].End <= i {
				j++
			}
			if (j == len(spans) || i < spans[j].Start) && !keyed(r.canon.title, t.Text) && !lowerIn(roleWords, t.Text) {
				outside++
			}
		}
	}
	return words >= 4 && upper*10 >= words*8 && (outside >= 1 || lower*4 <= letters)
}

// headlinePersons drops multi-word person spans in a title-case headline
// unless they start with a known given name or are known people.
func (r *Recognizer) headlinePersons(toks []pipeline.Token, spans []ner.Span) []ner.Span {
	out := spans[:0]
	for _, sp := range spans {
		if sp.Type == perType && sp.End-sp.Start > 1 && !keyed(r.firstNames, toks[sp.Start].Text) {
			var b strings.Builder
			for i := sp.Start; i < sp.End; i++ {
				if i > sp.Start {
					b.WriteByte(' ')
				}
				b.WriteString(toks[i].Text)
			}
			if r.known[b.String()] == "" && r.canon.alias[Key(b.String())] == "" {
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

// perType is the index of PER in ner.Types.
const perType = 0

// fixPersons repairs person spans: a person name holds no lower-case word
// other than a particle ("Kim in Seoul" is "Kim" and "Seoul"), and an
// unknown capitalised word just before a person belongs to the name
// ("Hyung-jin" + "Kim").
func (r *Recognizer) fixPersons(toks []pipeline.Token, spans []ner.Span) []ner.Span {
	var out []ner.Span
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		if sp.End-sp.Start == 1 && i+1 < len(spans) && spans[i+1].Type == perType && spans[i+1].Start == sp.End {
			w := toks[sp.Start].Text
			r0, _ := utf8.DecodeRuneInString(w)
			k := Key(w)
			if unicode.IsUpper(r0) && !isAllCaps(w) && !r.canon.place[k] && !r.canon.orgs[k] && r.canon.demonym[k] == "" && !keyed(r.canon.title, w) {
				sp = ner.Span{Start: sp.Start, End: spans[i+1].End, Type: perType}
				i++
			}
		}
		if sp.Type == perType && sp.End-sp.Start > 1 && lowerIn(orgHeads, toks[sp.End-1].Text) {
			sp.Type = orgType // "Daniel K. Inouye Asia-Pacific Center"
		}
		if sp.Type == perType && sp.End-sp.Start > 1 && lowerIn(geoHeads, toks[sp.End-1].Text) {
			sp.Type = 2 // LOC: "Vostochny Cosmodrome", "Ngong Hills"
		}
		if sp.Type != perType && sp.End-sp.Start > 1 && isAllCaps(toks[sp.Start].Text) && keyed(r.firstNames, toks[sp.Start].Text) {
			sp.Type = perType // "By ELLEN KNOWLES"
		}
		if sp.Type != perType {
			out = append(out, sp)
			continue
		}
		start := sp.Start
		for j := sp.Start; j <= sp.End; j++ {
			if j < sp.End {
				w := toks[j].Text
				r0, _ := utf8.DecodeRuneInString(w)
				if !unicode.IsLower(r0) || particleWord(w) {
					continue
				}
			}
			if j > start {
				piece := ner.Span{Start: start, End: j, Type: perType}
				if j-start == 1 && r.canon.place[Key(toks[start].Text)] {
					piece.Type = 2 // LOC
				}
				out = append(out, piece)
			}
			start = j + 1
		}
	}
	return out
}

// orgType is the index of ORG in ner.Types.
const orgType = 1

// extendOrgs joins an organisation name that the model cut at a
// preposition: "Center" + "for a New American Security", "University" +
// "of North Korean Studies". A span ending in an organisation word, or
// typed ORG, followed by "for"/"of"/"on" and capitalised words runs on to
// the last capitalised word, swallowing the spans inside.
//
// It does not run on over what names something else: a place after a
// name that is no institution ("Rosenborg of Norway", "Karlsruhe of
// Germany"; "Bank of Japan" joins), an organisation or person the model
// found there ("Mines and Energy Ministry" for "Bre-X" and "Barrick"), a
// run opening with "the" ("PT Panutan Duta of the Panutan Group"), nor
// from a bare title ("Emperor of Brazil").
func (r *Recognizer) extendOrgs(toks []pipeline.Token, spans []ner.Span) []ner.Span {
	spans = orgsWithoutModel(toks, spans)
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		head := lowerIn(orgHeads, toks[sp.End-1].Text)
		if (sp.Type == orgType || head) && sp.End < len(toks) {
			switch toks[sp.End].Text {
			case "for", "of", "on":
				end := orgRun(toks, sp.End)
				if end > sp.End+1 && r.joins(toks, spans, i, end, head) {
					sp.End, sp.Type = end, orgType
					for i+1 < len(spans) && spans[i+1].Start < end {
						i++
					}
					// "Daniel K. Inouye" + "Asia-Pacific Center for
					// Security Studies": an institution named after a person.
					if n := len(out); n > 0 && out[n-1].Type == perType && out[n-1].End == sp.Start {
						sp.Start = out[n-1].Start
						out = out[:n-1]
					}
				}
			}
		}
		out = append(out, sp)
	}
	return out
}

// joins reports whether spans[i] may run on over the preposition after it
// to token end (see extendOrgs); head says it ends in an organisation word.
func (r *Recognizer) joins(toks []pipeline.Token, spans []ner.Span, i, end int, head bool) bool {
	sp := spans[i]
	if sp.End-sp.Start == 1 && keyed(r.canon.title, toks[sp.Start].Text) {
		return false
	}
	orgs := 0
	for _, o := range spans[i+1:] {
		if o.Start >= end {
			break
		}
		switch o.Type {
		case perType:
			return false
		case orgType:
			orgs++
		}
	}
	// One organisation inside may be the name's own end ("Center for" +
	// "Security Studies"); two are a list ("Ministry for" + "Bre-X" and
	// "Barrick").
	if orgs > 1 || orgs == 1 && !head {
		return false
	}
	from := sp.End + 1
	if head {
		return true
	}
	if strings.EqualFold(toks[from].Text, "the") {
		return false
	}
	var b strings.Builder
	for _, t := range toks[from:end] {
		b.WriteString(t.Text)
	}
	return !keyed(r.canon.place, b.String())
}

// orgsWithoutModel adds organisations the model missed entirely: a
// capitalised organisation word after "the", followed by "for"/"of" and
// capitalised words ("the Center for Strategic Studies").
func orgsWithoutModel(toks []pipeline.Token, spans []ner.Span) []ner.Span {
	var added []ner.Span
	for j := 1; j+2 < len(toks); j++ {
		if !strings.EqualFold(toks[j-1].Text, "the") || !lowerIn(orgHeads, toks[j].Text) || !isCapitalised(toks[j].Text) {
			continue
		}
		if t := toks[j+1].Text; t != "for" && t != "of" {
			continue
		}
		if end := orgRun(toks, j+1); end > j+2 {
			added = append(added, ner.Span{Start: j, End: end, Type: orgType})
			j = end - 1
		}
	}
	if len(added) == 0 {
		return spans
	}
	var out []ner.Span
	for _, sp := range spans {
		clash := false
		for _, a := range added {
			if sp.Start < a.End && a.Start < sp.End {
				clash = true
			}
		}
		if !clash {
			out = append(out, sp)
		}
	}
	out = append(out, added...)
	slices.SortFunc(out, func(a, b ner.Span) int { return a.Start - b.Start })
	return out
}

// orgRun returns the end of the capitalised run after the preposition at
// toks[from], or from when there is none.
func orgRun(toks []pipeline.Token, from int) int {
	end := from
	for j := from + 1; j < len(toks); j++ {
		w := toks[j].Text
		if isCapitalised(w) && !skipEdge(w) && !lowerIn(dateWords, w) {
			end = j + 1
			continue
		}
		if !orgConnectors[w] {
			break
		}
	}
	return end
}

func isCapitalised(w string) bool {
	r0, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r0)
}

var dateWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

var orgConnectors = map[string]bool{"for": true, "of": true, "a": true, "an": true, "the": true, "and": true, "on": true, "&": true}

// candidates turns the model's token span [a, b) of type t into cleaned
// candidate spans.
func (r *Recognizer) candidates(text string, toks []pipeline.Token, a, b, t int, out []span) []span {
	for a < b && skipEdge(toks[a].Text) {
		a++
	}
	for b > a && (skipEdge(toks[b-1].Text) || orgConnectors[toks[b-1].Text]) {
		b--
	}
	if a >= b {
		return out
	}
	// Split where a line break or a dateline in capitals interrupts, and
	// at a slash between names ("REUTERS/Juan Ortega/Illustration").
	start := a
	for i := a + 1; i <= b; i++ {
		slash := i < b && r.on[ruleBreaks] && toks[i].Text == "/"
		if i < b && !slash && (!r.on[ruleBreaks] || !breakBetween(text, toks[i-1], toks[i], r.canon)) {
			continue
		}
		out = r.candidate(text, toks, start, i, t, out)
		start = i
		if slash {
			start, i = i+1, i+1
		}
	}
	return out
}

func (r *Recognizer) candidate(text string, toks []pipeline.Token, a, b, t int, out []span) []span {
	if r.on[ruleHolidays] && holiday(text[toks[a].Start:toks[b-1].End]) {
		return out
	}
	typ := r.canon.typeOf(t, text[toks[a].Start:toks[b-1].End])
	if r.on[ruleInnerTitles] {
		// "Senate Majority" + "Leader Tom Hadley": the model cut the
		// title off a name; its modifier is no part of the organisation.
		for b-a > 1 && typ != pipeline.EntPerson && titleModifiers[Key(toks[b-1].Text)] && b < len(toks) && keyed(r.canon.title, toks[b].Text) {
			b--
		}
		if p, n, ok := r.innerTitle(toks, a, b); ok {
			// "European Commission" + "President" + "Marieke van der
			// Berg": the words before the title keep the model's type
			// (an organisation, if it said person).
			pt := t
			if pt == perType {
				pt = orgType
			}
			if p > a {
				out = r.candidate(text, toks, a, p, pt, out)
			}
			a, typ = n, pipeline.EntPerson
		}
	}
	if r.on[ruleEdges] {
		b = trimEnd(toks, a, b, typ)
	}
	if s, strong := r.stripTitles(toks, a, b); r.on[ruleTitles] && s > a && (typ == pipeline.EntPerson || strong) {
		// "Defense Minister Shin Won-sik" is a person whatever the model
		// said; a title alone ("Historian") is no name at all.
		if typ == pipeline.EntPerson || r.looksLikeName(toks[s:b]) {
			typ, a = pipeline.EntPerson, s
		}
	}
	if a >= b || (r.on[ruleTitles] && b-a == 1 && keyed(r.canon.title, toks[a].Text)) {
		return out
	}
	// "Additional reporting by", "Editing by": a credit word alone.
	if r.on[ruleCredits] && b-a == 1 && lowerIn(creditWords, toks[a].Text) {
		return out // "Editing by", "Additional reporting by"
	}
	s := span{Start: toks[a].Start, End: toks[b-1].End, Type: typ, Prio: 1}
	// A sentence-final period is not part of a name ("Kim Jong Un."), but
	// an initialism keeps its own ("U.S.").
	last := toks[b-1].Text
	if r.on[rulePeriod] && strings.HasSuffix(last, ".") && !strings.Contains(last[:len(last)-1], ".") && utf8.RuneCountInString(last) > 2 {
		s.End--
	}
	if typ != pipeline.EntPerson {
		s.Type = r.canon.typeOf(t, text[s.Start:s.End])
	}
	return append(out, s)
}

// stripTitles drops leading titles and roles ("Russian President",
// "Defense Minister", "Dr.") from a person span.
func (r *Recognizer) stripTitles(toks []pipeline.Token, a, b int) (int, bool) {
	i, lastTitle, strong := a, -1, false
	var kbuf [64]byte
	for i < b-1 {
		kb := appendKey(kbuf[:0], toks[i].Text)
		switch {
		case r.canon.title[string(kb)] || roleWords[string(kb)]:
			lastTitle = i
			strong = strong || strongTitles[string(kb)]
		case r.canon.demonym[string(kb)] != "" || r.canon.country[string(kb)]:
		default:
			i = b
			continue
		}
		i++
	}
	if lastTitle >= 0 {
		return lastTitle + 1, strong
	}
	return a, false
}

// strongTitles are titles that always precede a person's name.
var strongTitles = map[string]bool{
	"president": true, "minister": true, "chancellor": true, "premier": true, "secretary": true,
	"senator": true, "governor": true, "mayor": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "ambassador": true, "envoy": true, "historian": true, "analyst": true,
	"professor": true, "dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "king": true,
	"queen": true, "leader": true, "chairman": true, "ceo": true, "judge": true, "lawmaker": true,
	"pope": true, "sheikh": true, "prince": true, "princess": true, "researcher": true, "expert": true,
}

var creditWords = map[string]bool{
	"reporting": true, "editing": true, "writing": true, "additional": true, "compiled": true, "photo": true,
	"photos": true, "graphics": true, "produced": true, "translated": true, "edited": true, "written": true,
	"video": true, "source": true, "sources": true, "related": true, "read": true, "more": true, "advertisement": true,
	"illustration": true, "file": true, "pool": true, "handout": true,
}

// looksLikeName reports whether toks could be a person's name: one to four
// capitalised words that are not known places or organisations.
func (r *Recognizer) looksLikeName(toks []pipeline.Token) bool {
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	var b strings.Builder
	for _, t := range toks {
		r0, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsUpper(r0) || isAllCaps(t.Text) {
			return false
		}
		b.WriteString(t.Text)
	}
	k := Key(b.String())
	return !r.canon.place[k] && !r.canon.orgs[k]
}

var roleWords = map[string]bool{
	"former": true, "deputy": true, "acting": true, "vice": true, "first": true, "foreign": true,
	"defense": true, "defence": true, "prime": true, "state": true, "north": true, "south": true,
	"interim": true, "late": true, "then": true, "-": true,
	// Sports roles and seedings ("Defender Hassan Abbas", "Top-seeded
	// Eyles"): stripped like titles when a name follows.
	"defender": true, "midfielder": true, "striker": true, "goalkeeper": true, "winger": true,
	"seeded": true, "top-seeded": true, "unseeded": true, "veteran": true, "rookie": true,
}

// skipEdge reports tokens never at the edge of a name: punctuation and
// possessive endings.
func skipEdge(w string) bool {
	switch w {
	case "'s", "’s", "'", "’":
		return true
	}
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// breakBetween reports whether a name cannot run on from token a to token
// b: a blank line or a heading lies between them, or one is a capitalised
// dateline place next to an ordinary word ("Josh Smith SEOUL").
func breakBetween(text string, a, b pipeline.Token, c *canon) bool {
	if a.End > b.Start || b.Start > len(text) {
		return true
	}
	gap := text[a.End:b.Start]
	nl := strings.ContainsAny(gap, "\n\r")
	capsA, capsB := isAllCaps(a.Text) && len(a.Text) > 2, isAllCaps(b.Text) && len(b.Text) > 2
	if nl && (capsA != capsB || strings.Count(gap, "\n") > 1) {
		return true
	}
	if capsA != capsB {
		caps := a.Text
		if capsB {
			caps = b.Text
		}
		// "U.S. Senate", "U.K. Treasury": an abbreviation is no dateline.
		if keyed(c.place, caps) && !strings.Contains(caps, ".") {
			return true
		}
	}
	return false
}

// matchOutlets adds a candidate for every registry outlet name in tokens
// [a, b), longest first.
func (r *Recognizer) matchOutlets(toks []pipeline.Token, a, b int, out []span) []span {
	var bufArr [128]byte
	buf := bufArr[:0]
	exact := !spaced(toks[a:b])
	for i := a; i < b; i++ {
		r0, _ := utf8.DecodeRuneInString(toks[i].Text)
		if !unicode.IsUpper(r0) && !unicode.IsDigit(r0) && toks[i].Text != "taz" && toks[i].Text != "dpa" && toks[i].Text != "eurotopics" {
			continue
		}
		mask := r.outFirst[toks[i].Text]
		if exact && mask == 0 {
			continue
		}
		for n := min(r.maxOut, b-i); n >= 1; n-- {
			if exact && !r.outFirst.has(mask, n) {
				continue
			}
			buf = appendJoined(buf[:0], toks[i:i+n])
			if _, ok := r.outlets[string(buf)]; !ok {
				continue
			}
			s := span{Start: toks[i].Start, End: toks[i+n-1].End, Type: pipeline.EntOutlet, Prio: 2}
			// "Michael Bloomberg" stays a person.
			inPerson := false
			for _, c := range out {
				if c.Type == pipeline.EntPerson && c.Start <= s.Start && s.End <= c.End && (c.End-c.Start) > (s.End-s.Start) {
					inPerson = true
				}
			}
			if n == 1 && !inPerson && r.ambiguousOutlet(toks, a, i) {
				// "Time", "Atlantic", "Guardian": only when the model also
				// saw an organisation there.
				inPerson = true
				for _, c := range out {
					if c.Start == s.Start && c.End == s.End && (c.Type == pipeline.EntOrg || c.Type == pipeline.EntMisc) {
						inPerson = false
					}
				}
			}
			if !inPerson {
				out = append(out, s)
			}
			i += n - 1
			break
		}
	}
	return out
}

// appendJoined appends the texts of toks, separated by single spaces, to
// buf: the key of a multi-word name in the outlet and known-name tables.
func appendJoined(buf []byte, toks []pipeline.Token) []byte {
	for j, t := range toks {
		if j > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, t.Text...)
	}
	return buf
}

// ambiguousOutlet reports whether the one-word outlet name at toks[i]
// might be an ordinary word or a place: it is not tagged as a proper noun,
// opens its sentence (sentence start is at a), or names a place.
func (r *Recognizer) ambiguousOutlet(toks []pipeline.Token, a, i int) bool {
	t := toks[i]
	if isAllCaps(t.Text) && !keyed(r.canon.place, t.Text) {
		return false
	}
	return i == a || (t.Tag != "NNP" && t.Tag != "NNPS") || keyed(r.canon.place, t.Text) || r.canon.demonym[Key(t.Text)] != ""
}

// matchKnown adds low-priority candidates for shipped leaders and
// countries, which fill gaps the model leaves (an unfamiliar name at the
// start of a sentence) but never override it.
func (r *Recognizer) matchKnown(toks []pipeline.Token, a, b int, out []span) []span {
	var bufArr [128]byte
	buf := bufArr[:0]
	exact := !spaced(toks[a:b])
	for i := a; i < b; i++ {
		r0, _ := utf8.DecodeRuneInString(toks[i].Text)
		if !unicode.IsUpper(r0) {
			continue
		}
		mask := r.knowFirst[toks[i].Text]
		if exact && mask == 0 {
			continue
		}
		for n := min(r.maxKnow, b-i); n >= 1; n-- {
			if exact && !r.knowFirst.has(mask, n) {
				continue
			}
			buf = appendJoined(buf[:0], toks[i:i+n])
			typ, ok := r.known[string(buf)]
			if !ok {
				continue
			}
			out = append(out, span{Start: toks[i].Start, End: toks[i+n-1].End, Type: typ, Prio: 0})
			i += n - 1
			break
		}
	}
	return out
}

// mentions names, links and maps the merged spans of one unit.
func (r *Recognizer) mentions(text string, u *pipeline.Unit, ms []span, links *docLinks) []pipeline.Mention {
	if len(ms) == 0 {
		return nil
	}
	out := make([]pipeline.Mention, 0, len(ms))
	for _, s := range ms {
		m := pipeline.Mention{Start: s.Start, End: s.End, Text: collapseSpace(text[s.Start:s.End]), Type: s.Type}
		switch {
		case s.Type == pipeline.EntOutlet:
			m.Entity = r.outletName(m.Text)
		case !r.on[rulePropagate]:
			m.Entity = r.canon.name(m.Text, m.Type, links)
		default:
			// A known person, or a bare surname, that the model typed as
			// something else.
			k := Key(m.Text)
			if m.Type != pipeline.EntPerson && r.known[joinWords(m.Text)] == pipeline.EntPerson {
				m.Type = pipeline.EntPerson
			}
			if m.Type != pipeline.EntPerson && strings.Contains(m.Text, " ") {
				for _, p := range links.persons {
					if p.key == k {
						m.Type = pipeline.EntPerson
						break
					}
				}
			}
			if m.Type != pipeline.EntPerson && !strings.Contains(m.Text, " ") && !r.canon.place[k] && !r.canon.orgs[k] {
				if _, ok := r.canon.leaderSur[k]; ok {
					m.Type = pipeline.EntPerson
				}
				for i := len(links.persons) - 1; i >= 0; i-- {
					if links.persons[i].surname == k {
						m.Type = pipeline.EntPerson
						break
					}
				}
			}
			m.Entity = r.canon.name(m.Text, m.Type, links)
		}
		m.Actor = r.canon.actorOf(m.Entity, m.Text, m.Type)
		if m.Type == pipeline.EntPerson && m.Actor == "" {
			m.Actor = links.actors[m.Entity]
		}
		out = append(out, m)
	}
	// Officials speaking in office ("French foreign ministry spokeswoman
	// Anne-Claire Legendre", "Leonid Slutsky, chairman of the State Duma
	// committee") stand for their state; later mentions inherit it.
	for i := range out {
		m := &out[i]
		if m.Type != pipeline.EntPerson || m.Actor != "" {
			continue
		}
		if a := r.officialActor(text, u, out, i); a != "" {
			m.Actor = a
			links.actors[m.Entity] = a
		} else if a := links.actors[m.Entity]; a != "" {
			m.Actor = a
		}
	}
	return out
}

// officialActor looks around person mention ms[i], within its sentence,
// for an official role word together with a mention that stands for a
// state: before the name ("French foreign ministry spokeswoman X", "In
// Kyiv, foreign ministry spokesman X") or in an apposition after it ("X,
// chairman of the State Duma committee").
func (r *Recognizer) officialActor(text string, u *pipeline.Unit, ms []pipeline.Mention, i int) string {
	m := ms[i]
	lo, hi := u.Start, u.End
	for _, s := range u.Sentences {
		if s.Start <= m.Start && m.End <= s.End {
			lo, hi = s.Start, s.End
			break
		}
	}
	hi = min(hi, len(text))
	before := max(lo, m.Start-90)
	// The window before the name stops at the previous person.
	for j := i - 1; j >= 0 && ms[j].End > before; j-- {
		if ms[j].Type == pipeline.EntPerson {
			before = ms[j].End
			break
		}
	}
	// Nor does it reach into a quotation.
	if q := strings.LastIndexAny(text[before:m.Start], "\"“”«»"); q >= 0 {
		before += q + 1
	}
	check := func(from, to int) string {
		if from >= to {
			return ""
		}
		words := strings.FieldsFunc(strings.ToLower(text[from:to]), func(r rune) bool { return !unicode.IsLetter(r) })
		role := false
		for _, w := range words {
			if academicWords[w] {
				return ""
			}
			role = role || officialWords[w]
		}
		if !role {
			return ""
		}
		actor := ""
		for j, o := range ms {
			if j != i && o.Start >= from && o.End <= to && o.Actor != "" && o.Type != pipeline.EntPerson {
				actor = o.Actor
			}
		}
		return actor
	}
	if a := check(before, m.Start); a != "" {
		return a
	}
	after := m.End
	if after < hi && text[after] == ',' {
		end := hi
		if k := strings.IndexAny(text[after+1:hi], ",.;"); k >= 0 {
			end = after + 1 + k
		}
		for j := i + 1; j < len(ms); j++ {
			if ms[j].Type == pipeline.EntPerson {
				end = min(end, ms[j].Start)
				break
			}
		}
		if f := strings.Fields(text[after+1 : max(after+1, end)]); len(f) > 0 && !lowerIn(appositionStart, f[0]) && !strings.HasSuffix(f[0], "'s") && !strings.HasSuffix(f[0], "’s") {
			return ""
		}
		return check(after, end)
	}
	return ""
}

// appositionStart are the words that open an apposition describing the
// person before it ("X, the Kremlin spokesman", "X, chairman of ...").
var appositionStart = map[string]bool{
	"the": true, "a": true, "an": true, "chairman": true, "chairwoman": true, "head": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "minister": true, "deputy": true, "president": true,
	"ambassador": true, "envoy": true, "secretary": true, "speaker": true, "leader": true, "chief": true,
	"director": true, "commander": true, "general": true, "senior": true,
}

var officialWords = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "minister": true, "ministry": true,
	"president": true, "chairman": true, "chairwoman": true, "ambassador": true, "envoy": true,
	"official": true, "officials": true, "lawmaker": true, "senator": true, "secretary": true,
	"premier": true, "chancellor": true, "general": true, "commander": true, "deputy": true,
	"diplomat": true, "negotiator": true, "adviser": true, "advisor": true, "aide": true,
}

var academicWords = map[string]bool{
	"analyst": true, "professor": true, "expert": true, "researcher": true, "fellow": true,
	"historian": true, "scholar": true, "columnist": true, "journalist": true, "correspondent": true,
	"reporter": true, "former": true, "opposition": true, "critic": true,
}

// collapseSpace turns runs of white space (a joined hard line break) into
// single spaces.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func (r *Recognizer) outletName(text string) string {
	if o, ok := registry.Default().Lookup(text); ok {
		return o.Name
	}
	if n, ok := r.outlets[joinWords(text)]; ok {
		if a, ok := r.canon.alias[Key(n)]; ok {
			return a
		}
		return n
	}
	return text
}

// labelTokens writes IOB labels with framewatch types onto the unit's
// tokens.
func labelTokens(u *pipeline.Unit) {
	j := 0
	for i := range u.Tokens {
		t := &u.Tokens[i]
		t.Label = "O"
		for j < len(u.Entities) && u.Entities[j].End <= t.Start {
			j++
		}
		if j < len(u.Entities) && t.Start < u.Entities[j].End && t.End > u.Entities[j].Start {
			l := iobLabels[u.Entities[j].Type]
			if t.Start <= u.Entities[j].Start {
				t.Label = l[0]
			} else {
				t.Label = l[1]
			}
		}
	}
}

// iobLabels holds the B- and I- labels of every type, so that labelling
// tokens does not build strings.
var iobLabels = map[string][2]string{}

func init() {
	for _, t := range []string{pipeline.EntPerson, pipeline.EntOrg, pipeline.EntGPE, pipeline.EntLoc, pipeline.EntNORP, pipeline.EntMisc, pipeline.EntOutlet} {
		iobLabels[t] = [2]string{"B-" + t, "I-" + t}
	}
}

// Writes lists the fields the entities stage writes (pipeline.Writer).
func (*Recognizer) Writes() []string { return []string{"Units[].Entities", "Units[].Tokens[].Label"} }
