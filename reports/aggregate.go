package reports

import (
	"slices"
	"strings"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

// aggregates are the compact per-run counters Consume keeps. Nothing in
// them refers to a document's text or tokens.
type aggregates struct {
	docs    []docRow
	outlets map[string]*outletAgg
	// stance holds every mention score per outlet × target × voice, as
	// float32 to halve the memory the bootstrap needs.
	stance map[stanceKey][]float32
	// days holds per outlet × article date the units and tone sums;
	// stanceDays per outlet × target × date the stance sums. Trends
	// re-bucket them into weeks when the span is long.
	days       map[dayKey]*sumN
	stanceDays map[stanceDayKey]*sumN
	figures    []figureKey
	terms      map[string]int // corpus term counts
	frames     map[string]bool
	units      int
	mentions   int
	dates      int
}

type docRow struct {
	ID          string                `json:"doc_id"`
	Source      string                `json:"source"`
	Format      string                `json:"format"`
	Status      pipeline.Status       `json:"status"`
	Reason      string                `json:"reason,omitempty"`
	DuplicateOf string                `json:"duplicate_of,omitempty"`
	Cached      bool                  `json:"cached,omitempty"`
	Excluded    string                `json:"excluded,omitempty"`
	Errors      []pipeline.StageError `json:"errors,omitempty"`
	Units       int                   `json:"units"`
	Removed     int                   `json:"removed"`
}

type outletAgg struct {
	name, country string
	units, words  int
	first, last   string
	tones         []float32
	entities      map[entityKey]*entityCount
	frameSum      map[string]float64
	frameUnits    int
	terms         map[string]int
	termTotal     int
	figures       int
}

type entityKey struct{ entity, typ string }

type entityCount struct{ mentions, units int }

type stanceKey struct{ outlet, target, voice string }

type dayKey struct{ outlet, date string }

type stanceDayKey struct{ outlet, target, date string }

type sumN struct {
	units int
	n     int
	sum   float64
}

// figureKey is what claims need from one figure.
type figureKey struct {
	outlet           string
	value, low, high float64
	unit, counted    string
	bound            string
	claimedBy        string
}

func newAggregates() *aggregates {
	return &aggregates{
		outlets:    map[string]*outletAgg{},
		stance:     map[stanceKey][]float32{},
		days:       map[dayKey]*sumN{},
		stanceDays: map[stanceDayKey]*sumN{},
		terms:      map[string]int{},
		frames:     map[string]bool{},
	}
}

func (a *aggregates) addDoc(d *pipeline.Doc) {
	st := d.Status
	if st == "" {
		st = pipeline.StatusOK
	}
	a.docs = append(a.docs, docRow{
		ID: d.ID, Source: d.Source, Format: d.Format, Status: st, Reason: d.Reason,
		DuplicateOf: d.DuplicateOf, Cached: d.Cached, Excluded: d.Excluded, Errors: slices.Clone(d.Errors),
		Units: len(d.Units), Removed: len(d.Removed),
	})
}

func (a *aggregates) outlet(u *pipeline.Unit) *outletAgg {
	name := outletName(u.Outlet)
	o := a.outlets[name]
	if o == nil {
		o = &outletAgg{name: name, entities: map[entityKey]*entityCount{}, frameSum: map[string]float64{}, terms: map[string]int{}}
		a.outlets[name] = o
	}
	if o.country == "" {
		o.country = u.Country
	}
	return o
}

func (a *aggregates) addUnit(u *pipeline.Unit) {
	a.units++
	o := a.outlet(u)
	o.units++
	o.words += u.Words
	date := isoDate(u.Date)
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
	seen := map[entityKey]bool{}
	for _, m := range u.Entities {
		k := entityKey{entityName(m), m.Type}
		c := o.entities[k]
		if c == nil {
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
		k := stanceKey{o.name, s.Target, voiceName(s.Voice)}
		a.stance[k] = append(a.stance[k], float32(s.Score))
		if date != "" {
			dk := stanceDayKey{o.name, s.Target, date}
			sd := a.stanceDays[dk]
			if sd == nil {
				sd = &sumN{}
				a.stanceDays[dk] = sd
			}
			sd.n++
			sd.sum += s.Score
		}
	}
	// A unit without any frame cue (all scores 0) does not count.
	cued := false
	for _, f := range u.Frames {
		if finite(f.Score) && f.Score > 0 {
			o.frameSum[f.Frame] += f.Score
			a.frames[f.Frame] = true
			cued = true
		}
	}
	if cued {
		o.frameUnits++
	}
	for _, t := range u.Terms {
		if t.Count <= 0 || t.Term == "" {
			continue
		}
		o.terms[t.Term] += t.Count
		o.termTotal += t.Count
		a.terms[t.Term] += t.Count
	}
	for _, f := range u.Figures {
		if !finite(f.Value) || !finite(f.Low) || !finite(f.High) {
			continue
		}
		o.figures++
		a.figures = append(a.figures, figureKey{o.name, f.Value, f.Low, f.High, f.Unit, f.Counted, f.Bound, f.ClaimedBy})
	}
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

var _ = strings.Compare
