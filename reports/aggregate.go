package reports

import (
	"slices"
	"strings"
	"time"

	"github.com/framewatch/framewatch/internal/syndication"
	"github.com/framewatch/framewatch/pipeline"
)

// aggregates are the compact per-run counters Consume keeps. Nothing in
// them refers to a document's text or tokens.
type aggregates struct {
	// The per-document rows of manifest.json are streamed to a scratch
	// file (see Writer.Consume); only their counts and the rows of
	// documents that failed (few) stay here.
	docCounts docCounts
	failed    []docRow
	outlets   map[string]*outletAgg
	// stance holds every mention score per outlet × target × voice, as
	// float32 to halve the memory the bootstrap needs.
	stance map[stanceKey]*scoreList
	// days holds per outlet × article date the units and tone sums;
	// stanceDays per outlet × target × date the stance sums. Trends
	// re-bucket them into weeks when the span is long.
	days       map[dayKey]*sumN
	stanceDays map[stanceDayKey]*sumN
	// evidence holds per outlet × target the sentences the reports quote.
	evidence map[outletTarget]*evidence
	figures  figureArena
	// Terms are numbered in first-seen order: vocab[id] is the term,
	// termIDs its number and terms[id] its corpus count. Outlets count
	// terms by number, which keeps their maps small.
	vocab   []string
	termIDs map[string]int32
	terms   []int
	frames  map[string]bool
	// langs counts units per outlet and language, analysed or not.
	langs    map[langKey]*langCount
	units    int
	mentions int
	dates    int
	// sketches are the units' MinHash sketches, for the syndication
	// tables (256 bytes a unit).
	sketches []syndication.Item
	// countOnce is report.syndicated: once; held are the units waiting for
	// settle, and leftOut counts the copies it left out of the aggregates.
	countOnce  bool
	held       []*pipeline.Unit
	leftOut    int
	syndicated []syndication.Cluster // computed from sketches by clusters
	// names interns the short, repeated strings the aggregates keep
	// (outlets, countries, entities, targets, units, counted things,
	// claimants, frames, dates), so that each is one private copy;
	// nameList[names[s]] is that copy.
	names    map[string]int32
	nameList []string
	// metaNames holds what the metadata called the outlets (see
	// outletnames.go).
	metaNames outletNames
}

// intern returns a copy of s owned by the aggregates, shared by every
// equal string. The stages' strings are often substrings of a
// document's Text or Clean; keeping one of them would keep the whole
// text alive for the rest of the run.
func (a *aggregates) intern(s string) string { return a.nameList[a.nameID(s)] }

// nameID returns the number of s's interned copy; 0 is "".
func (a *aggregates) nameID(s string) int32 {
	if s == "" {
		return 0
	}
	if id, ok := a.names[s]; ok {
		return id
	}
	id := int32(len(a.nameList))
	c := strings.Clone(s)
	a.nameList = append(a.nameList, c)
	a.names[c] = id
	return id
}

type docRow struct {
	ID          string                `json:"doc_id"`
	Source      string                `json:"source"`
	Format      string                `json:"format"`
	Status      pipeline.Status       `json:"status"`
	Reason      string                `json:"reason,omitempty"`
	DuplicateOf string                `json:"duplicate_of,omitempty"`
	Notes       []string              `json:"notes,omitempty"`
	Cached      bool                  `json:"cached,omitempty"`
	Excluded    string                `json:"excluded,omitempty"`
	Errors      []pipeline.StageError `json:"errors,omitempty"`
	Units       int                   `json:"units"`
	Removed     int                   `json:"removed"`
	// SkippedUnits lists the units of a processed document that were not
	// analysed (a press review quoting a German paper in German).
	SkippedUnits []unitSkip `json:"skipped_units,omitempty"`
}

type outletAgg struct {
	name, country string
	units, words  int
	first, last   string
	tones         []float32
	entities      map[entityKey]*entityCount
	frameSum      map[string]float64
	frameUnits    int
	// newsUnits counts the units the news-frame model scored and
	// newsWith, per news frame (newsFrameOrder), those that have it.
	newsUnits int
	newsWith  [len(newsFrameOrder)]int
	// roles counts, per main actor, the units casting it in each role
	// (roleOrder).
	roles     map[string]*[len(roleOrder)]int
	terms     map[int32]int // count by term number, see pruneTerms
	termTotal int
	figures   int
	sources   *sourceAgg // nil until the outlet quotes someone
}

type entityKey struct{ entity, typ string }

type langKey struct{ outlet, lang string }

type langCount struct {
	units    int
	analysed bool
}

// unitSkip is a unit the lang stage left out of the analyses, in its
// document's manifest row.
type unitSkip struct {
	UnitID string `json:"unit_id"`
	Lang   string `json:"lang"`
	Reason string `json:"reason"`
}

type entityCount struct{ mentions, units int }

type stanceKey struct{ outlet, target, voice string }

type dayKey struct{ outlet, date string }

type stanceDayKey struct{ outlet, target, date string }

type sumN struct {
	units int
	n     int
	sum   float64
}

// docCounts counts the documents by what the manifest's totals report.
type docCounts struct {
	docs, processed, skipped, failed, duplicate, withErrors, cached int
}

// figureKey is what claims need from one figure.
type figureKey struct {
	outlet           string
	value, low, high float64
	unit, counted    string
	bound            string
	claimedBy        string
	// when is the figure's time reference, a month (YYYY-MM): that of the
	// nearest date mentioned within timeRefBytes of it, else that of the
	// unit's article date, else "".
	when string
}

// figureKeys yields a.figures as figureKeys, in input order.
func (a *aggregates) figureKeys(yield func(figureKey) bool) {
	n := a.nameList
	for f := range a.figures.all {
		if !yield(figureKey{n[f.outlet], f.value, f.low, f.high, n[f.unit], n[f.counted], n[f.bound], n[f.claimed], n[f.when]}) {
			return
		}
	}
}

func newAggregates() *aggregates {
	return &aggregates{
		outlets:    map[string]*outletAgg{},
		stance:     map[stanceKey]*scoreList{},
		days:       map[dayKey]*sumN{},
		stanceDays: map[stanceDayKey]*sumN{},
		evidence:   map[outletTarget]*evidence{},
		termIDs:    map[string]int32{},
		frames:     map[string]bool{},
		langs:      map[langKey]*langCount{},
		names:      map[string]int32{},
		nameList:   []string{""},
		metaNames:  outletNames{groups: map[string]string{}, given: map[string]*givenName{}},
	}
}

// addDoc counts d and returns its manifest row. The row's strings may
// be d's own: the caller writes the row out before d changes. Rows of
// documents that failed are also kept, as copies, for the failures table.
func (a *aggregates) addDoc(d *pipeline.Doc) docRow {
	st := d.Status
	if st == "" {
		st = pipeline.StatusOK
	}
	row := docRow{
		ID: d.ID, Source: d.Source, Format: d.Format, Status: st, Reason: d.Reason, DuplicateOf: d.DuplicateOf,
		Notes: d.Notes, Cached: d.Cached, Excluded: d.Excluded, Errors: d.Errors, Units: len(d.Units), Removed: len(d.Removed),
	}
	if st == pipeline.StatusOK {
		for _, u := range d.Units {
			if !u.Analysed() {
				row.SkippedUnits = append(row.SkippedUnits, unitSkip{UnitID: u.ID, Lang: u.Lang, Reason: u.Skip})
			}
		}
	}
	c := &a.docCounts
	c.docs++
	switch st {
	case pipeline.StatusOK:
		c.processed++
	case pipeline.StatusSkipped:
		c.skipped++
	case pipeline.StatusFailed:
		c.failed++
	case pipeline.StatusDuplicate:
		c.duplicate++
	}
	if len(d.Errors) > 0 {
		c.withErrors++
	}
	if d.Cached {
		c.cached++
	}
	if isFailure(row) {
		kept := docRow{ID: strings.Clone(row.ID), Source: strings.Clone(row.Source), Status: pipeline.Status(a.intern(string(st))),
			Reason: strings.Clone(row.Reason)}
		for _, u := range row.SkippedUnits {
			kept.SkippedUnits = append(kept.SkippedUnits, unitSkip{UnitID: strings.Clone(u.UnitID), Lang: a.intern(u.Lang), Reason: strings.Clone(u.Reason)})
		}
		for _, e := range row.Errors {
			kept.Errors = append(kept.Errors, pipeline.StageError{Stage: a.intern(e.Stage), Err: strings.Clone(e.Err)})
		}
		a.failed = append(a.failed, kept)
	}
	return row
}

// isFailure reports whether d has a row in the failures table: a
// document that was not fully analysed. Duplicates are analysed once and
// are not failures.
func isFailure(d docRow) bool {
	return (d.Status != pipeline.StatusOK && d.Status != pipeline.StatusDuplicate) || len(d.Errors) > 0 || len(d.SkippedUnits) > 0
}

// addLang counts u in its outlet's languages, analysed or not. A unit
// without a language (stored before languages were identified) counts as
// undetermined.
func (a *aggregates) addLang(u *pipeline.Unit) {
	l := u.Lang
	if l == "" {
		l = "und"
	}
	k := langKey{outletName(u.Outlet), l}
	c := a.langs[k]
	if c == nil {
		k = langKey{a.intern(k.outlet), a.intern(k.lang)}
		c = &langCount{analysed: u.Analysed()}
		a.langs[k] = c
	}
	c.units++
}

func (a *aggregates) outlet(u *pipeline.Unit) *outletAgg {
	name := a.metaNames.group(u)
	o := a.outlets[name]
	if o == nil {
		name = a.intern(name)
		o = &outletAgg{name: name, entities: map[entityKey]*entityCount{}, frameSum: map[string]float64{}, terms: map[int32]int{},
			roles: map[string]*[len(roleOrder)]int{}}
		a.outlets[name] = o
	}
	if o.country == "" {
		o.country = a.intern(u.Country)
	}
	return o
}

// addSketch keeps u's MinHash sketch for the syndication tables.
func (a *aggregates) addSketch(u *pipeline.Unit, outlet, date string) {
	if len(u.Sketch) == syndication.Size {
		a.sketches = append(a.sketches, syndication.Item{ID: u.ID, Outlet: outlet, Date: date, Sketch: u.Sketch})
	}
}

// holdUnit is addUnit when a syndicated story counts once
// (report.syndicated: once): which copy of a story is the earliest is
// known only when every unit is in, so u's sketch is kept now and u itself
// (without its transient tokens and sentences) until settle.
func (a *aggregates) holdUnit(u *pipeline.Unit) {
	a.addSketch(u, a.intern(a.metaNames.group(u)), a.intern(isoDate(u.Date)))
	c := *u
	c.Tokens, c.Sentences, c.LexWords = nil, nil, nil
	a.held = append(a.held, &c)
}

// settle adds the held units to the aggregates once the stories are
// known, leaving out each copy of a story that another outlet carried
// first (the units syndicatedUnits counts). It is a no-op unless units are
// held.
func (a *aggregates) settle() {
	if a.held == nil {
		return
	}
	copies := map[string]bool{}
	for _, c := range a.clusters() {
		first := a.sketches[c.Members[0]].Outlet
		for _, m := range c.Members[1:] {
			if a.sketches[m].Outlet != first {
				copies[a.sketches[m].ID] = true
			}
		}
	}
	for _, u := range a.held {
		if !copies[u.ID] {
			a.addUnit(u)
		} else {
			a.leftOut++
		}
	}
	a.held = nil
}

func (a *aggregates) addUnit(u *pipeline.Unit) {
	a.units++
	o := a.outlet(u)
	o.units++
	o.words += u.Words
	date := a.intern(isoDate(u.Date))
	if date != "" {
		if o.first == "" || date < o.first {
			o.first = date
		}
		if date > o.last {
			o.last = date
		}
		dk := dayKey{o.name, date}
		s := a.days[dk]
		if s == nil {
			s = &sumN{}
			a.days[dk] = s
		}
		s.units++
		if u.Tone != nil && finite(u.Tone.Tone) {
			s.n++
			s.sum += u.Tone.Tone
		}
	}
	if u.Tone != nil && finite(u.Tone.Tone) {
		o.tones = append(o.tones, float32(u.Tone.Tone))
	}
	if !a.countOnce {
		a.addSketch(u, o.name, date)
	}
	seen := map[entityKey]bool{}
	for _, m := range u.Entities {
		k := entityKey{entityName(m), m.Type}
		c := o.entities[k]
		if c == nil {
			k = entityKey{a.intern(k.entity), a.intern(k.typ)}
			c = &entityCount{}
			o.entities[k] = c
		}
		c.mentions++
		if !seen[k] {
			seen[k] = true
			c.units++
		}
	}
	a.mentions += len(u.Entities)
	a.dates += len(u.Dates)
	for _, s := range u.Stances {
		if !finite(s.Score) || s.Target == "" {
			continue
		}
		// Interned before any assignment: assigning to an existing
		// string key replaces the stored key with the new one.
		target := a.intern(s.Target)
		k := stanceKey{o.name, target, a.intern(voiceName(s.Voice))}
		sl := a.stance[k]
		if sl == nil {
			sl = &scoreList{}
			a.stance[k] = sl
		}
		sl.add(float32(s.Score))
		a.addEvidence(o.name, s)
		if date != "" {
			dk := stanceDayKey{o.name, target, date}
			sd := a.stanceDays[dk]
			if sd == nil {
				sd = &sumN{}
				a.stanceDays[dk] = sd
			}
			sd.n++
			sd.sum += s.Score
		}
	}
	a.addQuotes(o, u)
	// A unit without any frame cue (all scores 0) does not count.
	cued := false
	for _, f := range u.Frames {
		if finite(f.Score) && f.Score > 0 {
			fr := a.intern(f.Frame)
			o.frameSum[fr] += f.Score
			a.frames[fr] = true
			cued = true
		}
	}
	if cued {
		o.frameUnits++
	}
	if len(u.NewsFrames) > 0 {
		o.newsUnits++
		for _, f := range u.NewsFrames {
			if j := slices.Index(newsFrameOrder[:], f.Frame); j >= 0 && f.Has {
				o.newsWith[j]++
			}
		}
	}
	for _, r := range u.Roles {
		k := slices.Index(roleOrder[:], r.Role)
		if k < 0 || r.Actor == "" {
			continue
		}
		c := o.roles[r.Actor]
		if c == nil {
			c = new([len(roleOrder)]int)
			o.roles[a.intern(r.Actor)] = c
		}
		c[k]++
	}
	for _, t := range u.Terms {
		if t.Count <= 0 || t.Term == "" {
			continue
		}
		id, ok := a.termIDs[t.Term]
		if !ok {
			// Stored once, as a copy; assigning an existing string key
			// would replace it with t.Term and keep the text alive.
			id = int32(len(a.vocab))
			term := strings.Clone(t.Term)
			a.vocab = append(a.vocab, term)
			a.termIDs[term] = id
			a.terms = append(a.terms, 0)
		}
		a.terms[id] += t.Count
		o.terms[id] += t.Count
		o.termTotal += t.Count
	}
	o.pruneTerms()
	for _, f := range u.Figures {
		if !finite(f.Value) || !finite(f.Low) || !finite(f.High) {
			continue
		}
		o.figures++
		a.figures.add(figureRow{f.Value, f.Low, f.High, a.nameID(o.name), a.nameID(f.Unit), a.nameID(f.Counted),
			a.nameID(f.Bound), a.nameID(f.ClaimedBy), a.nameID(timeRef(f, u.Dates, date))})
	}
}

// maxOutletTerms bounds the vocabulary kept per outlet. When an outlet's
// map grows past twice this many terms, only the maxOutletTerms most
// frequent (ties: the earlier seen) are kept. Pruned terms are rare in
// the outlet, so they never rank among its distinctive terms; the corpus
// counts and the outlet's term total keep every occurrence.
const maxOutletTerms = 20_000

// pruneTerms applies maxOutletTerms.
func (o *outletAgg) pruneTerms() {
	if len(o.terms) <= 2*maxOutletTerms {
		return
	}
	type tc struct {
		id int32
		n  int
	}
	all := make([]tc, 0, len(o.terms))
	for id, n := range o.terms {
		all = append(all, tc{id, n})
	}
	slices.SortFunc(all, func(x, y tc) int {
		if x.n != y.n {
			return y.n - x.n
		}
		return int(x.id - y.id)
	})
	kept := make(map[int32]int, 2*maxOutletTerms)
	for _, t := range all[:maxOutletTerms] {
		kept[t.id] = t.n
	}
	o.terms = kept
}

// timeRefBytes is how far from a figure, in bytes of text, a date
// mention may lie to be its time reference (about a sentence).
const timeRefBytes = 200

// timeRef returns a figure's time reference as a month (YYYY-MM): the
// month of the nearest date mention within timeRefBytes that names one,
// else the month of the unit's date, else "".
func timeRef(f pipeline.Figure, dates []pipeline.DateMention, unitDate string) string {
	best, dist := "", timeRefBytes+1
	for _, d := range dates {
		if len(d.Date) < 7 || d.Date[4] != '-' || d.Date[5] == 'W' {
			continue
		}
		x := max(d.Start-f.End, f.Start-d.End, 0)
		if x < dist {
			best, dist = d.Date[:7], x
		}
	}
	if best == "" && len(unitDate) >= 7 {
		best = unitDate[:7]
	}
	return best
}

// isoDate returns the YYYY-MM-DD prefix of s when it is a valid date.
func isoDate(s string) string {
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

// frameOrder is the Media Frames Corpus codebook order (Boydstun et al.
// 2014); frames.csv has one column per frame in this order, then any other
// frame name a stage reports, sorted.
var frameOrder = []string{
	"economic", "capacity_resources", "morality", "fairness_equality", "legality",
	"policy", "crime_punishment", "security_defense", "health_safety", "quality_of_life",
	"cultural_identity", "public_opinion", "political", "external_regulation", "other",
}

// frameLabels are readable names for the codebook frames.
var frameLabels = map[string]string{
	"economic":            "Economic",
	"capacity_resources":  "Capacity and resources",
	"morality":            "Morality",
	"fairness_equality":   "Fairness and equality",
	"legality":            "Legality",
	"policy":              "Policy prescription",
	"crime_punishment":    "Crime and punishment",
	"security_defense":    "Security and defense",
	"health_safety":       "Health and safety",
	"quality_of_life":     "Quality of life",
	"cultural_identity":   "Cultural identity",
	"public_opinion":      "Public opinion",
	"political":           "Political",
	"external_regulation": "External regulation",
	"other":               "Other",
}

func frameLabel(f string) string {
	if l, ok := frameLabels[f]; ok {
		return l
	}
	return f
}

// frameColumns returns the codebook frames and then every other frame
// seen, sorted.
func frameColumns(seen map[string]bool) []string {
	cols := slices.Clone(frameOrder)
	var extra []string
	for f := range seen {
		if !slices.Contains(frameOrder, f) {
			extra = append(extra, f)
		}
	}
	slices.Sort(extra)
	return append(cols, extra...)
}

func finite(x float64) bool { return x == x && x-x == 0 }

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
