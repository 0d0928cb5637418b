package voice

import "sort"

// Speech is the reported speech of one text, worked out as it is asked
// for: its quotations and rough sentences at once, a sentence's
// attributions the first time a question needs them. A stage that asks
// only about the sentences holding a few mentions then pays for those
// sentences only, and the sentence-level questions reuse the text-level
// work. Answers equal those of Spans and Quoted on the same texts. A
// Speech is not safe for concurrent use.
type Speech struct {
	text   string
	quotes []Span
	sents  [][2]int
	attrs  [][]Span // attrs[i]: the attributions of sents[i], once done[i]
	done   []bool
	ws     []Word
}

// NewSpeech prepares the reported speech of text.
func NewSpeech(text string) *Speech {
	s := &Speech{text: text, quotes: Quotes(text), sents: Sentences(text)}
	s.attrs = make([][]Span, len(s.sents))
	s.done = make([]bool, len(s.sents))
	return s
}

// attributions returns the attributions of sentence i.
func (s *Speech) attributions(i int) []Span {
	if !s.done[i] {
		a, b := s.sents[i][0], s.sents[i][1]
		s.ws = words(s.text, a, b, s.ws[:0])
		s.attrs[i] = attribute(s.text, a, b, s.ws, nil)
		s.done[i] = true
	}
	return s.attrs[i]
}

// Quoted reports Quoted(Spans(text), start, end): whether the midpoint of
// [start, end) lies inside a quotation or in the attributed content of its
// sentence (attributions never cross a sentence).
func (s *Speech) Quoted(start, end int) bool {
	mid := start + (end-start)/2
	if inside(s.quotes, start, mid) {
		return true
	}
	i := sort.Search(len(s.sents), func(i int) bool { return s.sents[i][1] > mid })
	if i == len(s.sents) || s.sents[i][0] > mid {
		return false
	}
	return inside(s.attributions(i), start, mid)
}

// inside reports whether one of spans holds mid and the phrase starting at
// start lies inside it (see Quoted).
func inside(spans []Span, start, mid int) bool {
	for _, sp := range spans {
		if sp.Start <= mid && mid < sp.End && startsInside(sp, start) {
			return true
		}
	}
	return false
}

// SpansIn returns Spans(text[a:b]), in the offsets of text[a:b]. When the
// rough sentences of text[a:b] are sentences of the whole text (the usual
// case for a sentence of the text), their attributions are the whole
// text's, computed at most once; an attribution depends only on the text
// of its sentence, so they are the same spans.
func (s *Speech) SpansIn(a, b int) []Span {
	sub := s.text[a:b]
	spans := Quotes(sub)
	ss := Sentences(sub)
	j := sort.Search(len(s.sents), func(i int) bool { return s.sents[i][0] >= a+firstStart(ss) })
	same := j+len(ss) <= len(s.sents)
	for k := 0; same && k < len(ss); k++ {
		same = s.sents[j+k][0] == ss[k][0]+a && s.sents[j+k][1] == ss[k][1]+a
	}
	if !same {
		spans = append(spans, Attributions(sub)...)
		sortSpans(spans)
		return spans
	}
	for k := range ss {
		for _, sp := range s.attributions(j + k) {
			spans = append(spans, Span{Start: sp.Start - a, End: sp.End - a, Kind: sp.Kind})
		}
	}
	sortSpans(spans)
	return spans
}

// firstStart is the start of the first of ss, or 0.
func firstStart(ss [][2]int) int {
	if len(ss) == 0 {
		return 0
	}
	return ss[0][0]
}
