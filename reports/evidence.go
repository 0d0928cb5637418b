package reports

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/framewatch/framewatch/pipeline"
)

// evidencePerSide is how many sentences the reports quote per outlet ×
// target on each side: the most favourable and the most unfavourable.
const evidencePerSide = 2

// evidenceRunes bounds a quoted sentence; a longer one is cut at a space
// and ends with "…".
const evidenceRunes = 300

// evidenceLine is one quoted sentence: the score of the mention it holds,
// its voice and its text (whitespace folded, cut to evidenceRunes).
type evidenceLine struct {
	score float64
	voice string
	text  string
}

// evidence keeps an outlet's most favourable (best, highest score first)
// and most unfavourable (worst, lowest first) sentences about one target.
// Only positive scores are favourable and negative ones unfavourable, so a
// sentence is never on both sides; on equal scores the sentence met first
// in input order stays, which makes the choice independent of the worker
// count. A sentence holding several mentions of the target is quoted
// once.
type evidence struct {
	best, worst []evidenceLine
}

type outletTarget struct{ outlet, target string }

// addEvidence considers m's sentence as evidence of outlet's stance toward
// its target. The sentence is copied only when it is kept.
func (a *aggregates) addEvidence(outlet string, m pipeline.StanceMention) {
	if m.Sentence == "" || m.Score == 0 {
		return
	}
	k := outletTarget{outlet, m.Target}
	e := a.evidence[k]
	if e == nil {
		k.target = a.intern(k.target)
		e = &evidence{}
		a.evidence[k] = e
	}
	if m.Score > 0 {
		e.best = keepEvidence(e.best, m, func(x, y float64) bool { return x > y })
	} else {
		e.worst = keepEvidence(e.worst, m, func(x, y float64) bool { return x < y })
	}
}

// keepEvidence inserts m's sentence into list (ordered by better, at most
// evidencePerSide long) when it ranks there.
func keepEvidence(list []evidenceLine, m pipeline.StanceMention, better func(x, y float64) bool) []evidenceLine {
	if len(list) == evidencePerSide && !better(m.Score, list[len(list)-1].score) {
		return list
	}
	text := foldSentence(m.Sentence)
	for i, l := range list {
		if l.text == text {
			if better(m.Score, l.score) {
				list = append(list[:i], list[i+1:]...)
				break
			}
			return list
		}
	}
	at := len(list)
	for i, l := range list {
		if better(m.Score, l.score) {
			at = i
			break
		}
	}
	// The stage's strings may be substrings of the text: keep constants
	// or copies only.
	line := evidenceLine{score: m.Score, voice: pipeline.VoiceOwn, text: text}
	switch v := voiceName(m.Voice); v {
	case pipeline.VoiceOwn:
	case pipeline.VoiceQuoted:
		line.voice = pipeline.VoiceQuoted
	default:
		line.voice = strings.Clone(v)
	}
	list = append(list, evidenceLine{})
	copy(list[at+1:], list[at:])
	list[at] = line
	if len(list) > evidencePerSide {
		list = list[:evidencePerSide]
	}
	return list
}

// foldSentence returns a copy of s with runs of white space folded into
// one space, trimmed, and cut at a space before evidenceRunes runes.
func foldSentence(s string) string {
	var b strings.Builder
	b.Grow(min(len(s), 4*evidenceRunes))
	space, n := false, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			if n+1 >= evidenceRunes {
				b.WriteString(" …")
				return b.String()
			}
			b.WriteByte(' ')
			n++
			space = false
		}
		if n >= evidenceRunes {
			b.WriteString("…")
			return b.String()
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// targetEvidence is what the outlet sections quote for one target.
type targetEvidence struct {
	Target string
	Lines  []evidenceShown
}

// evidenceShown is one quoted sentence as the reports show it.
type evidenceShown struct {
	Side  string // "favourable" or "unfavourable"
	Score string
	Voice string
	Text  string
}

// evidenceFor returns the quoted sentences of outlet for each of targets
// that has any, in targets' order: the favourable ones first.
func (a *aggregates) evidenceFor(outlet string, targets []string) []targetEvidence {
	var out []targetEvidence
	for _, t := range targets {
		e := a.evidence[outletTarget{outlet, t}]
		if e == nil || len(e.best)+len(e.worst) == 0 {
			continue
		}
		te := targetEvidence{Target: t}
		for _, l := range e.best {
			te.Lines = append(te.Lines, evidenceShown{"favourable", fmt.Sprintf("%+.2f", l.score), l.voice, l.text})
		}
		for _, l := range e.worst {
			te.Lines = append(te.Lines, evidenceShown{"unfavourable", fmt.Sprintf("%+.2f", l.score), l.voice, l.text})
		}
		out = append(out, te)
	}
	return out
}

// quoted puts s in typographic quotation marks.
func quoted(s string) string { return "“" + s + "”" }
