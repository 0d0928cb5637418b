package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ReadCoNLL reads CoNLL-2003 data (token, POS, chunk, IOB1 entity label per
// line; blank lines between sentences; -DOCSTART- lines between documents)
// into documents of sentences with Gold labels converted to BIO ids.
func ReadCoNLL(r io.Reader) ([][]Sentence, error) {
	var docs [][]Sentence
	var doc []Sentence
	var cur Sentence
	flushSent := func() {
		if len(cur.Words) > 0 {
			doc = append(doc, cur)
		}
		cur = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
		}
		doc = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flushSent()
			continue
		case f[0] == "-DOCSTART-":
			flushDoc()
			continue
		case len(f) < 2:
			return nil, fmt.Errorf("ner: conll line %d: want token and label", line)
		}
		y, err := parseLabel(f[len(f)-1])
		if err != nil {
			return nil, fmt.Errorf("ner: conll line %d: %w", line, err)
		}
		// IOB1 -> BIO: an I- that does not continue its type begins.
		if y != 0 && !isBegin(y) {
			if n := len(cur.Gold); n == 0 || cur.Gold[n-1] == 0 || labelType(cur.Gold[n-1]) != labelType(y) {
				y--
			}
		}
		cur.Words = append(cur.Words, f[0])
		cur.Gold = append(cur.Gold, y)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: conll: %w", err)
	}
	flushDoc()
	return docs, nil
}

func parseLabel(s string) (uint8, error) {
	if s == "O" {
		return 0, nil
	}
	bi, typ, ok := strings.Cut(s, "-")
	if !ok || (bi != "B" && bi != "I") {
		return 0, fmt.Errorf("bad label %q", s)
	}
	for t, name := range Types {
		if name == typ {
			y := uint8(1 + 2*t)
			if bi == "I" {
				y++
			}
			return y, nil
		}
	}
	return 0, fmt.Errorf("bad label %q", s)
}
