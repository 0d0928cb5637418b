package roles

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// MaxActors is how many actors per unit, the most mentioned, get a role.
const MaxActors = 10

// Stage is the "roles" stage. It is safe for concurrent use: the lexicon
// and the model are read-only.
type Stage struct {
	lex   *lexicon
	model *Model
}

// New returns the stage with the embedded model.
func New() (*Stage, error) {
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	return &Stage{lex: compileLexicon(), model: m}, nil
}

// NewWithModel returns the stage with model m (training and evaluation).
func NewWithModel(m *Model) *Stage { return &Stage{lex: compileLexicon(), model: m} }

// Name returns "roles".
func (s *Stage) Name() string { return "roles" }

// Writes lists the fields the roles stage writes (pipeline.Writer).
func (*Stage) Writes() []string { return []string{"Units[].Roles"} }

// Process sets u.Roles for every analysed unit of d: its MaxActors most
// mentioned actors, in that order, each with its role. It reads the
// entities, stance, tone (sentence scores) and text (sentences) stages'
// fields; u.LexWords is split here when no earlier stage did.
func (s *Stage) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	var sc scratch
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.Analysed() {
			continue
		}
		if err := d.CheckSpan(u); err != nil {
			return fmt.Errorf("roles: %w", err)
		}
		if u.LexWords == nil {
			u.LexWords = voice.Words(text[u.Start:u.End])
		}
		actors := s.Actors(u)
		u.Roles = nil
		for _, a := range actors[:min(MaxActors, len(actors))] {
			u.Roles = append(u.Roles, s.model.classify(u, a, &sc))
		}
	}
	return nil
}

// Actor is one actor of a unit: a canonical named entity or a stakeholder
// named by the lexicon.
type Actor struct {
	Name string
	// Kind is the entity type (PERSON, ORG, GPE, ...) or
	// "stakeholder:<group>".
	Kind string
	// Spans are the actor's mentions, byte offsets into Doc.Text, in text
	// order.
	Spans [][2]int
	// Texts are the mentions' texts as written, distinct, in first-seen
	// order.
	Texts []string
}

// actorTypes are the entity types that can be actors; outlets are the
// coverage's sources, not its cast.
var actorTypes = map[string]bool{pipeline.EntPerson: true, pipeline.EntOrg: true, pipeline.EntGPE: true,
	pipeline.EntLoc: true, pipeline.EntNORP: true, pipeline.EntMisc: true}

// Actors returns every actor of u, most mentioned first (ties: the first
// mentioned first): its canonical entities, then the stakeholder phrases
// of u.LexWords (which must be set) that no entity mention overlaps.
func (s *Stage) Actors(u *pipeline.Unit) []Actor {
	byName := map[string]int{}
	var out []Actor
	add := func(name, kind, text string, start, end int) {
		i, ok := byName[name]
		if !ok {
			i = len(out)
			byName[name] = i
			out = append(out, Actor{Name: name, Kind: kind})
		}
		a := &out[i]
		a.Spans = append(a.Spans, [2]int{start, end})
		if !slices.Contains(a.Texts, text) {
			a.Texts = append(a.Texts, text)
		}
	}
	var ents [][2]int
	for _, m := range u.Entities {
		if !actorTypes[m.Type] {
			continue
		}
		ents = append(ents, [2]int{m.Start, m.End})
		name := m.Entity
		if name == "" {
			name = m.Text
		}
		add(name, m.Type, m.Text, m.Start, m.End)
	}
	slices.SortFunc(ents, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	ws := u.LexWords
	for i := 0; i < len(ws); {
		var best *phrase
		for k, p := range s.lex.first[ws[i].Lower] {
			if (best == nil || len(p.words) > len(best.words)) && matchAt(p.words, ws, i) {
				best = &s.lex.first[ws[i].Lower][k]
			}
		}
		if best == nil {
			i++
			continue
		}
		start, end := u.Start+ws[i].Start, u.Start+ws[i+len(best.words)-1].End
		if !overlaps(ents, start, end) {
			add(best.name, "stakeholder:"+best.group, u.LexWords[i].Lower, start, end)
		}
		i += len(best.words)
	}
	for i := range out {
		slices.SortFunc(out[i].Spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	}
	slices.SortStableFunc(out, func(a, b Actor) int {
		if c := cmp.Compare(len(b.Spans), len(a.Spans)); c != 0 {
			return c
		}
		return cmp.Compare(a.Spans[0][0], b.Spans[0][0])
	})
	return out
}

func matchAt(words []string, ws []voice.Word, i int) bool {
	if i+len(words) > len(ws) {
		return false
	}
	for k, w := range words {
		if ws[i+k].Lower != w || k > 0 && ws[i+k].Break {
			return false
		}
	}
	return true
}

// overlaps reports whether [start, end) overlaps a span of sorted.
func overlaps(sorted [][2]int, start, end int) bool {
	i := sort.Search(len(sorted), func(i int) bool { return sorted[i][1] > start })
	return i < len(sorted) && sorted[i][0] < end
}

// Feature families of the role model.
const (
	famSentence = iota // a word of a sentence mentioning the actor
	famBefore          // one of the windowWords words before a mention
	famAfter           // one of the windowWords words after a mention
	famKind            // the actor's kind
	famCount           // how often it is mentioned: "1", "2", "3+"
	famLead            // "lead" when it is mentioned in the unit's first two sentences
	nFamilies
)

// famPrefix names the families in the model file.
var famPrefix = [nFamilies]string{"s:", "b:", "a:", "t:", "n:", "p:"}

// windowWords is the width of the before and after windows.
const windowWords = 3

// Dense features.
const (
	denseStance    = iota // mean stance score of the stance mentions overlapping the actor
	denseHasStance        // 1 when there is one
	denseTone             // mean VADER compound of the mentioning sentences
	nDense
)

// sentenceOf returns the index of the sentence holding offset off, or -1.
func sentenceOf(sents []pipeline.Sentence, off int) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if i < len(sents) && sents[i].Start <= off {
		return i
	}
	return -1
}

// wordsIn returns the range of ws (relative offsets, base added) inside
// [start, end).
func wordsIn(ws []voice.Word, base, start, end int) (int, int) {
	i := sort.Search(len(ws), func(i int) bool { return base+ws[i].Start >= start })
	j := sort.Search(len(ws), func(j int) bool { return base+ws[j].Start >= end })
	return i, j
}

// features calls emit for every feature of actor a in u, sentence by
// sentence (sent is the sentence's index in the evidence list, -1 for
// features of no one sentence), and returns the dense features and the
// evidence sentences' spans. Training and classification both go
// through it, so they see the same features.
func features(u *pipeline.Unit, a Actor, emit func(fam int, w string, sent int), ev [][2]int) ([nDense]float64, [][2]int) {
	var dense [nDense]float64
	ws := u.LexWords
	own := func(wi int) bool {
		off := u.Start + ws[wi].Start
		i := sort.Search(len(a.Spans), func(i int) bool { return a.Spans[i][1] > off })
		return i < len(a.Spans) && a.Spans[i][0] <= off
	}
	var sents []int
	lead := false
	for _, sp := range a.Spans {
		k := sentenceOf(u.Sentences, sp[0])
		if k >= 0 && k < 2 {
			lead = true
		}
		if k < 0 || !slices.Contains(sents, k) {
			if k >= 0 {
				sents = append(sents, k)
			}
		}
		// Windows around the mention, inside its sentence when known.
		lo, hi := u.Start, u.End
		if k >= 0 {
			lo, hi = u.Sentences[k].Start, u.Sentences[k].End
		}
		i, j := wordsIn(ws, u.Start, sp[0], sp[1])
		for b := i - 1; b >= 0 && b >= i-windowWords && u.Start+ws[b].Start >= lo; b-- {
			emit(famBefore, ws[b].Lower, -1)
		}
		for f := j; f < len(ws) && f < j+windowWords && u.Start+ws[f].End <= hi; f++ {
			emit(famAfter, ws[f].Lower, -1)
		}
	}
	if len(u.Sentences) == 0 && len(a.Spans) > 0 {
		// No sentences (no text stage): the unit is the one sentence.
		ev = append(ev, [2]int{u.Start, u.End})
		for wi := range ws {
			if !own(wi) {
				emit(famSentence, ws[wi].Lower, 0)
			}
		}
		lead = true
	}
	var tone float64
	var toned int
	for _, k := range sents {
		st := u.Sentences[k]
		e := len(ev)
		ev = append(ev, [2]int{st.Start, st.End})
		i, j := wordsIn(ws, u.Start, st.Start, st.End)
		for wi := i; wi < j; wi++ {
			if !own(wi) {
				emit(famSentence, ws[wi].Lower, e)
			}
		}
		if st.Scored {
			tone += st.VComp
			toned++
		}
	}
	if toned > 0 {
		dense[denseTone] = tone / float64(toned)
	}
	var stance float64
	var nst int
	for _, m := range u.Stances {
		if overlaps(a.Spans, m.Start, m.End) && !math.IsNaN(m.Score) {
			stance += m.Score
			nst++
		}
	}
	if nst > 0 {
		dense[denseStance] = stance / float64(nst)
		dense[denseHasStance] = 1
	}
	emit(famKind, a.Kind, -1)
	switch n := len(a.Spans); {
	case n == 1:
		emit(famCount, "1", -1)
	case n == 2:
		emit(famCount, "2", -1)
	default:
		emit(famCount, "3+", -1)
	}
	if lead {
		emit(famLead, "lead", -1)
	}
	return dense, ev
}

// fillWords splits the words of d's units that have none (tests).
func (s *Stage) fillWords(d *pipeline.Doc) {
	for _, u := range d.Units {
		if u.LexWords == nil {
			u.LexWords = voice.Words(d.Body()[u.Start:u.End])
		}
	}
}
