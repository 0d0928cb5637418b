package ner

import (
	"github.com/jdkato/prose/v3/tag"
)

// Counts accumulates entity-level matches, CoNLL conlleval style: a
// predicted entity is correct only when its span and type equal a gold
// entity's.
type Counts struct {
	TP, FP, FN [len(Types)]int
}

// Add scores one sentence.
func (c *Counts) Add(gold, pred []uint8) {
	g := Spans(gold, nil)
	p := Spans(pred, nil)
	gs := make(map[Span]bool, len(g))
	for _, s := range g {
		gs[s] = true
	}
	for _, s := range p {
		if gs[s] {
			c.TP[s.Type]++
			delete(gs, s)
		} else {
			c.FP[s.Type]++
		}
	}
	for s := range gs {
		c.FN[s.Type]++
	}
}

// PRF returns precision, recall and F1 for type t, or micro-averaged over
// all types when t < 0.
func (c *Counts) PRF(t int) (p, r, f float64) {
	var tp, fp, fn int
	for i := range Types {
		if t < 0 || t == i {
			tp += c.TP[i]
			fp += c.FP[i]
			fn += c.FN[i]
		}
	}
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// TagPOS replaces the Tags of every sentence with prose's part-of-speech
// tags, so that training and evaluation see the tags the text stage
// produces at run time.
func TagPOS(docs [][]Sentence, tg *tag.Tagger) {
	var toks []tag.Token
	for _, doc := range docs {
		for k := range doc {
			s := &doc[k]
			toks = toks[:0]
			for _, w := range s.Words {
				toks = append(toks, tag.Token{Text: w})
			}
			tg.TagTokens(toks)
			s.Tags = make([]string, len(toks))
			for i, t := range toks {
				s.Tags[i] = t.Tag
			}
		}
	}
}

// Evaluate labels docs with m and scores against their Gold labels.
func (m *Model) Evaluate(docs [][]Sentence) Counts {
	var c Counts
	var out [][]uint8
	for _, doc := range docs {
		out = m.LabelDoc(doc, out)
		for k, s := range doc {
			c.Add(s.Gold, out[k])
		}
	}
	return c
}
