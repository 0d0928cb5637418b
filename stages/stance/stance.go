package stance

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// Classifier is the "stance" stage: it finds the mentions of stance targets
// in each unit and classifies the sentiment of their sentence toward each.
// It is safe for concurrent use by the runner's workers.
type Classifier struct {
	model   *Model
	targets []target
	// byEntity and byActor map a canonical entity or actor to a target.
	byEntity map[string]int
	byActor  map[string]int
}

type target struct {
	name    string
	aliases []string // lower-cased
}

// New builds the stage from the configured targets. With no targets every
// state actor the entity stage found (Mention.Actor) is a target named by
// its actor.
func New(cfg pipeline.StanceConfig) (*Classifier, error) {
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	return NewWithModel(cfg, m)
}

// NewWithModel is New with a given model.
func NewWithModel(cfg pipeline.StanceConfig, m *Model) (*Classifier, error) {
	if m == nil {
		return nil, fmt.Errorf("stance: nil model")
	}
	c := &Classifier{model: m, byEntity: map[string]int{}, byActor: map[string]int{}}
	for i, t := range cfg.Targets {
		name := strings.TrimSpace(t.Name)
		if name == "" {
			return nil, fmt.Errorf("stance: target %d has no name", i+1)
		}
		tg := target{name: name}
		for _, a := range append([]string{name}, t.Aliases...) {
			if a = strings.ToLower(strings.TrimSpace(a)); a != "" {
				tg.aliases = append(tg.aliases, a)
			}
		}
		// Longest aliases first, so that "the kremlin" wins over "kremlin".
		sort.SliceStable(tg.aliases, func(a, b int) bool { return len(tg.aliases[a]) > len(tg.aliases[b]) })
		c.targets = append(c.targets, tg)
		c.byEntity[name] = i
		c.byActor[name] = i
		for _, e := range t.Entities {
			c.byEntity[e] = i
		}
		for _, a := range t.Actors {
			c.byActor[a] = i
		}
	}
	return c, nil
}

// Name returns "stance".
func (c *Classifier) Name() string { return "stance" }

// found is one target mention in document offsets.
type found struct {
	start, end int
	target     string
}

// Process fills u.Stances for every unit of d, sorted by Start, then End,
// then Target.
func (c *Classifier) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.Analysed() {
			continue
		}
		if err := d.CheckSpan(u); err != nil {
			return fmt.Errorf("stance: %w", err)
		}
		u.Stances = c.unit(text, u)
	}
	return nil
}

func (c *Classifier) unit(text string, u *pipeline.Unit) []pipeline.StanceMention {
	ms := c.mentions(text, u)
	if len(ms) == 0 {
		return nil
	}
	body := text[u.Start:u.End]
	// The unit's reported speech: its sentences' attributions are worked
	// out only for the sentences that hold a mention, once for both the
	// mention's voice and its sentence's features.
	speech := voice.NewSpeech(body)
	review := u.Kind == pipeline.KindReviewQuote
	var reviewSpans []voice.Span
	if review {
		reviewSpans = voice.Unit(body, true)
	}
	sents := sentenceSpans(u, body)
	out := make([]pipeline.StanceMention, 0, len(ms))
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	// Mentions are sorted by start, so the mentions of one sentence are
	// consecutive: its tokens, voice spans and VADER scores are computed
	// once for all of them.
	curA, curB := -1, -1
	hasCue := false
	for _, m := range ms {
		sa, sb, si := sentenceOf(text, u, sents, m)
		if sa != curA || sb != curB {
			if sa >= u.Start && sb <= u.End {
				sc.sent.resetSpans(c.model.lex, text[sa:sb], speech.SpansIn(sa-u.Start, sb-u.Start))
			} else {
				sc.sent.reset(c.model.lex, text[sa:sb])
			}
			if si >= 0 && si < len(u.Sentences) && u.Sentences[si].Scored {
				// The tone stage scored this very text already.
				st := u.Sentences[si]
				sc.sent.setVADER(st.VPositive, st.VNegative, st.VComp)
			}
			curA, curB = sa, sb
			sc.repOK = false
			hasCue = false
			for _, t := range sc.sent.toks {
				if voice.Cue(t.lower) {
					hasCue = true
					break
				}
			}
		}
		others := sc.others[:0]
		for _, o := range ms {
			if o != m && o.start >= sa && o.end <= sb && o.target != m.target {
				others = append(others, Span{o.start - sa, o.end - sa})
			}
		}
		sc.others = others
		v := pipeline.VoiceOwn
		if review && voice.Quoted(reviewSpans, m.start-u.Start, m.end-u.Start) ||
			!review && speech.Quoted(m.start-u.Start, m.end-u.Start) {
			v = pipeline.VoiceQuoted
		}
		tgt := Span{m.start - sa, m.end - sa}
		role, speaker := "", ""
		var p [3]float64
		if _, reported, ok := sc.speakerOf(hasCue && nearCue(sc.sent.toks, tgt), v, text[sa:sb], tgt); ok {
			// The speaker's stance is the outlet's framing of them only:
			// what they say is scored for its own targets, not for them.
			role, speaker = pipeline.RoleSpeaker, text[m.start:m.end]
			// The masked sentence's own reported speech is blank: its
			// spans are not looked for again.
			sc.masked.resetMasked(&sc.sent, maskSpans(text[sa:sb], reported, &sc.buf), reported)
			p = c.model.probs(&sc.masked, tgt, others)
		} else {
			role = clauseRole(sc.sent.toks, tgt)
			p = c.model.probs(&sc.sent, tgt, others)
		}
		label, score := predict(p)
		out = append(out, pipeline.StanceMention{
			Start: m.start, End: m.end, Text: text[m.start:m.end],
			Target: m.target, Voice: v, Score: round(score), Label: label,
			SentStart: sa, SentEnd: sb, Sentence: text[sa:sb],
			Role: role, Speaker: speaker,
		})
	}
	return out
}

// speakerOf reports whether an own-voice mention at tgt of a sentence with
// a speech or reporting cue is its speaker (see voice.Reporter), and what
// the sentence reports.
func (sc *scratch) speakerOf(hasCue bool, v, sentence string, tgt Span) (string, []voice.Span, bool) {
	if !hasCue || v != pipeline.VoiceOwn {
		return "", nil, false
	}
	if !sc.repOK {
		sc.rep.Reset(sentence)
		sc.repOK = true
	}
	return sc.rep.Of(tgt.Start, tgt.End)
}

// nearCue reports whether a speech or reporting cue is among the tokens
// just after the mention at tgt or just before it, where voice.Reporter
// looks for one (five words after, four before; punctuation tokens count
// here, so the windows are a little wider): a cheap test that spares the
// other mentions its work.
func nearCue(toks []tok, tgt Span) bool {
	first, last := -1, -1
	for i, t := range toks {
		if t.end > tgt.Start && t.start < tgt.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return false
	}
	for _, t := range toks[max(0, first-6):first] {
		if voice.Cue(t.lower) {
			return true
		}
	}
	for _, t := range toks[last+1 : min(len(toks), last+9)] {
		if voice.Cue(t.lower) {
			return true
		}
	}
	return false
}

// maskSpans returns sentence with the bytes of spans blanked to spaces (so
// that offsets hold), in buf's memory.
func maskSpans(sentence string, spans []voice.Span, buf *[]byte) string {
	b := append((*buf)[:0], sentence...)
	for _, sp := range spans {
		for i := max(0, sp.Start); i < min(len(b), sp.End); i++ {
			b[i] = ' '
		}
	}
	*buf = b
	return string(b)
}

// clauseRole is the role of the mention at tgt among the sentence's
// tokens: the subject when it opens its clause (after punctuation, the
// sentence start, or a determiner or conjunction there) and a word
// follows, the object when a word of its clause comes before it, else
// other.
func clauseRole(toks []tok, tgt Span) string {
	first, last := -1, -1
	for i, t := range toks {
		if t.end > tgt.Start && t.start < tgt.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return pipeline.RoleOther
	}
	before := 0
	for j := first - 1; j >= 0 && !toks[j].clauseBreak && !(toks[j].punct && toks[j].lower != "'"); j-- {
		if !openers[toks[j].lower] {
			before++
		}
	}
	after := last+1 < len(toks) && !toks[last+1].punct
	switch {
	case before == 0 && after:
		return pipeline.RoleSubject
	case before > 0:
		return pipeline.RoleObject
	}
	return pipeline.RoleOther
}

// openers may come before a clause's subject without making it an object.
var openers = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "but": true, "so": true, "then": true,
	"president": true, "mr": true, "mrs": true, "ms": true, "sen": true, "rep": true, "gov": true,
	"dr": true, "former": true, "prime": true, "minister": true, "leader": true,
}

// round keeps four decimals, so that outputs do not carry float noise.
func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// maxContext bounds the text read around a mention that no sentence
// contains (a mention across a sentence boundary, or a unit without
// punctuation), so that one mention never costs a whole unit's features.
const maxContext = 300

// sentenceOf returns the span of the sentence holding m: the text stage's
// sentence, else a rough sentence, else (or when the sentence is longer
// than 2*maxContext bytes) up to maxContext bytes either side, cut at a
// space. The third result is the index in sents of the sentence returned,
// or -1.
func sentenceOf(text string, u *pipeline.Unit, sents [][2]int, m found) (int, int, int) {
	ok := func(s [2]int) bool {
		return s[0] <= m.start && m.end <= s[1] && s[1]-s[0] <= 2*maxContext
	}
	for i, s := range sents {
		if ok(s) {
			return s[0], s[1], i
		}
	}
	if len(u.Sentences) > 0 {
		for _, s := range voice.Sentences(text[u.Start:u.End]) {
			s[0] += u.Start
			s[1] += u.Start
			if ok(s) {
				return s[0], s[1], -1
			}
		}
	}
	a, b := max(u.Start, m.start-maxContext), min(u.End, m.end+maxContext)
	if a > u.Start {
		if k := strings.IndexByte(text[a:m.start], ' '); k >= 0 {
			a += k + 1
		} else {
			a = m.start
		}
	}
	if b < u.End {
		if k := strings.LastIndexByte(text[m.end:b], ' '); k >= 0 {
			b = m.end + k
		} else {
			b = m.end
		}
	}
	return a, b, -1
}

// sentenceSpans returns the unit's sentences in document offsets: the text
// stage's, or a rough split when it did not run.
func sentenceSpans(u *pipeline.Unit, body string) [][2]int {
	if len(u.Sentences) > 0 {
		out := make([][2]int, len(u.Sentences))
		for i, s := range u.Sentences {
			out[i] = [2]int{s.Start, s.End}
		}
		return out
	}
	ss := voice.Sentences(body)
	for i := range ss {
		ss[i][0] += u.Start
		ss[i][1] += u.Start
	}
	return ss
}

// mentions finds the target mentions of a unit: entity mentions whose
// entity or actor maps to a target (every actor when no targets are
// configured), then configured alias strings not already covered.
func (c *Classifier) mentions(text string, u *pipeline.Unit) []found {
	var out []found
	for _, e := range u.Entities {
		if e.Start < u.Start || e.End > u.End || e.Start >= e.End {
			continue
		}
		name := ""
		if len(c.targets) == 0 {
			name = e.Actor
		} else if i, ok := c.byEntity[e.Entity]; ok {
			name = c.targets[i].name
		} else if i, ok := c.byActor[e.Actor]; ok && e.Actor != "" {
			name = c.targets[i].name
		}
		if name != "" {
			out = append(out, found{e.Start, e.End, name})
		}
	}
	if len(c.targets) > 0 {
		lower := strings.ToLower(text[u.Start:u.End])
		for _, t := range c.targets {
			for _, a := range t.aliases {
				for from := 0; ; {
					k := strings.Index(lower[from:], a)
					if k < 0 {
						break
					}
					s := u.Start + from + k
					e := s + len(a)
					from += k + len(a)
					if e > len(text) || !strings.EqualFold(text[s:e], a) || !boundary(text, s, e) || overlaps(out, s, e) {
						continue
					}
					out = append(out, found{s, e, t.name})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		if out[i].end != out[j].end {
			return out[i].end < out[j].end
		}
		return out[i].target < out[j].target
	})
	return out
}

// boundary reports whether text[s:e] is a whole word sequence. ToLower can
// change byte lengths for a few scripts; such misaligned hits are dropped.
func boundary(text string, s, e int) bool {
	if e > len(text) {
		return false
	}
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func overlaps(fs []found, s, e int) bool {
	for _, f := range fs {
		if s < f.end && e > f.start {
			return true
		}
	}
	return false
}

// Writes lists the fields the stance stage writes (pipeline.Writer).
func (*Classifier) Writes() []string { return []string{"Units[].Stances"} }
