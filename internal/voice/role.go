package voice

import "strings"

// reportingVerbs are verbs whose subject reports or judges something
// without being what is reported: "Trump calls the treatment unfair",
// "Pelosi slammed the plan". With the speech verbs they make a mention the
// speaker of what follows (see Reporter).
var reportingVerbs = map[string]bool{
	"call": true, "calls": true, "called": true, "calling": true,
	"slammed": true, "slams": true, "blasted": true, "blasts": true,
	"criticized": true, "criticizes": true, "criticised": true, "criticises": true,
	"praised": true, "praises": true, "attacked": true, "attacks": true,
	"denounced": true, "denounces": true, "condemned": true, "condemns": true,
	"defended": true, "defends": true, "dismissed": true, "dismisses": true,
	"blamed": true, "blames": true, "demanded": true, "demands": true,
	"questioned": true, "questions": true, "asked": true, "asks": true,
	"described": true, "describes": true, "labeled": true, "labelled": true,
	"mocked": true, "mocks": true, "lashed": true, "hailed": true, "hails": true,
	"thanked": true, "thanks": true, "decried": true, "decries": true,
	"rejected": true, "rejects": true, "welcomed": true, "welcomes": true,
	"recalled": true, "recalls": true, "complained": true, "complains": true,
	"lamented": true, "laments": true, "touted": true, "touts": true,
	"deemed": true, "branded": true, "brands": true, "expressed": true,
}

// Reporter reports whether the phrase [start, end) of sentence is the
// speaker of reported speech in it, or the subject of a reporting verb:
// "Putin said ...", "..., Putin said", "..., said Putin", "according to
// Putin", "Putin, the president, said ...", "Trump calls ... unfair". It
// returns the reporting verb, lower-cased ("according to" for that cue),
// and the spans of sentence that are reported rather than said of the
// speaker: the sentence's quotations and attributed clauses, and what
// follows a reporting verb up to a contrast clause. Offsets are bytes
// into sentence. It is pure and safe for concurrent use; for several
// phrases of one sentence, a SentenceReporter does the sentence's share of
// the work once.
func Reporter(sentence string, start, end int) (verb string, reported []Span, ok bool) {
	var r SentenceReporter
	r.Reset(sentence)
	return r.Of(start, end)
}

// A SentenceReporter answers Reporter for the phrases of one sentence: it
// splits the sentence's words and finds its quotations and attributions
// once, not once per phrase. The zero value is ready for Reset; a
// SentenceReporter is not safe for concurrent use.
type SentenceReporter struct {
	sentence     string
	ws           []Word
	quotes       []Span
	inner        []Span
	base         []Span // quotes, then attributed clauses; set by spans
	baseDone     bool
	quoteMarkish bool
}

// Reset makes r answer for sentence.
func (r *SentenceReporter) Reset(sentence string) {
	clear(r.ws)
	r.sentence = sentence
	r.ws = words(sentence, 0, len(sentence), r.ws[:0])
	r.quotes, r.inner, r.base, r.baseDone = nil, nil, r.base[:0], false
	r.quoteMarkish = hasQuoteMark(sentence)
	if r.quoteMarkish {
		r.quotes = Quotes(sentence)
		r.inner = innerQuotes(sentence)
	}
}

// spans returns the sentence's quotations and attributed clauses, found
// on first use.
func (r *SentenceReporter) spans() []Span {
	if !r.baseDone {
		r.base = attribute(r.sentence, 0, len(r.sentence), r.ws, append(r.base[:0], r.quotes...))
		r.baseDone = true
	}
	return r.base
}

// Of is Reporter(sentence, start, end) for r's sentence. The spans it
// returns are its own: the caller may keep them.
func (r *SentenceReporter) Of(start, end int) (verb string, reported []Span, ok bool) {
	sentence, ws := r.sentence, r.ws
	if start < 0 || end > len(sentence) || start >= end {
		return "", nil, false
	}
	first, last := -1, -1 // the words of the phrase
	for i, w := range ws {
		if w.End > start && w.Start < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return "", nil, false
	}
	if r.quoteMarkish && within(r.inner, ws[first].Start) {
		return "", nil, false // a name inside a quotation is not its speaker
	}
	cue := func(w Word) bool { return speechVerbs[w.Lower] || reportingVerbs[w.Lower] }
	vi := -1
	// "X said", "X has said", "X, the president, said": the verb within
	// four words after the phrase, past at most one appositive.
	commas := 0
	for j := last + 1; j < len(ws) && j <= last+5; j++ {
		gap := sentence[ws[j-1].End:ws[j].Start]
		if strings.ContainsAny(gap, ";:.!?") || hasQuoteMark(gap) {
			break
		}
		if strings.Contains(gap, ",") {
			commas++
			if commas > 2 {
				break
			}
		}
		if cue(ws[j]) {
			vi = j
			break
		}
	}
	// ", said X" and "according to X": the cue at most three words before.
	if vi < 0 {
		for j := first - 1; j >= 0 && j >= first-4; j-- {
			w := ws[j]
			if w.Lower == "to" && j > 0 && ws[j-1].Lower == "according" {
				vi = j - 1
				break
			}
			if inverted[w.Lower] {
				// ", said X" or ",” said X": a comma or closing mark
				// right before the verb.
				if j > 0 && strings.ContainsAny(sentence[ws[j-1].End:w.Start], ",”\"") {
					vi = j
				}
				break
			}
			if strings.ContainsAny(sentence[w.End:ws[j+1].Start], ",;:") {
				break
			}
		}
		if vi < 0 {
			return "", nil, false
		}
	}
	verb = ws[vi].Lower
	if verb == "according" {
		verb = "according to"
	}
	base := r.spans()
	reported = make([]Span, len(base), len(base)+1)
	copy(reported, base)
	if vi > last && reportingVerbs[ws[vi].Lower] && !speechVerbs[ws[vi].Lower] {
		a := ws[vi].End
		if b := contrastCut(sentence, ws, vi+1, a, len(sentence)); b > a {
			reported = append(reported, Span{Start: a, End: b, Kind: KindAttributed})
		}
	}
	// The speaker phrase itself is never reported.
	out := reported[:0:0]
	for _, sp := range reported {
		if sp.Start < end && sp.End > start {
			if sp.Start < start {
				out = append(out, Span{Start: sp.Start, End: start, Kind: sp.Kind})
			}
			if sp.End > end {
				out = append(out, Span{Start: end, End: sp.End, Kind: sp.Kind})
			}
			continue
		}
		out = append(out, sp)
	}
	sortSpans(out)
	return verb, out, true
}

// Cue reports whether a lower-cased word is a speech or reporting verb or
// "according", the words Reporter looks for: a sentence without one has no
// speaker to find.
func Cue(word string) bool {
	return speechVerbs[word] || reportingVerbs[word] || word == "according"
}
