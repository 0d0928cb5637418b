package quotes

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// Finder is the "quotes" stage. It is safe for concurrent use.
type Finder struct{}

// New returns the stage.
func New() (*Finder, error) { return &Finder{}, nil }

// Name returns "quotes".
func (f *Finder) Name() string { return "quotes" }

// minUnattributedWords is the fewest words a quotation attributed to no
// one needs to count as speech.
const minUnattributedWords = 4

// Process sets u.Quotes for every analysed unit of d, sorted by Start,
// then End.
func (f *Finder) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.Analysed() {
			continue
		}
		if err := d.CheckSpan(u); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		u.Quotes = Find(text, u)
	}
	return nil
}

// Find returns the quotes of unit u of text (offsets into text), as the
// stage sets them.
func Find(text string, u *pipeline.Unit) []pipeline.Quote {
	body := text[u.Start:u.End]
	review := u.Kind == pipeline.KindReviewQuote
	spans := voice.Unit(body, review)
	if len(spans) == 0 {
		return nil
	}
	sents := voice.Sentences(body)
	var direct, indirect []voice.Span
	for _, s := range spans {
		if s.Kind == voice.KindQuote {
			direct = append(direct, s)
		} else {
			indirect = append(indirect, s)
		}
	}
	out := make([]pipeline.Quote, 0, len(spans))
	used := make([]bool, len(direct))
	for _, s := range direct {
		a, b := around(sents, s)
		sp := voice.SpeakerOf(body, a, b, s)
		out = append(out, pipeline.Quote{Start: s.Start, End: s.End, Kind: pipeline.QuoteDirect,
			SpeakerStart: sp.Start, SpeakerEnd: sp.End, Verb: sp.Verb})
	}
	for _, s := range indirect {
		a, b := around(sents, s)
		sp := voice.SpeakerOf(body, a, b, s)
		if i := mostlyQuoted(direct, s); i >= 0 {
			// "“…,” he said": the clause is the quotation's attribution.
			used[i] = true
			if q := &out[i]; q.SpeakerEnd == q.SpeakerStart && sp.End > sp.Start {
				q.SpeakerStart, q.SpeakerEnd, q.Verb = sp.Start, sp.End, sp.Verb
			}
			continue
		}
		out = append(out, pipeline.Quote{Start: s.Start, End: s.End, Kind: pipeline.QuoteIndirect,
			SpeakerStart: sp.Start, SpeakerEnd: sp.End, Verb: sp.Verb})
	}
	kept := out[:0]
	for _, q := range out {
		if q.Kind == pipeline.QuoteDirect && q.SpeakerEnd == q.SpeakerStart && wordCount(body[q.Start:q.End]) < minUnattributedWords {
			continue
		}
		kept = append(kept, q)
	}
	out = kept
	for i := range out {
		q := &out[i]
		q.Text = body[q.Start:q.End]
		if q.SpeakerEnd > q.SpeakerStart {
			q.Speaker = body[q.SpeakerStart:q.SpeakerEnd]
			q.SpeakerStart += u.Start
			q.SpeakerEnd += u.Start
		} else {
			q.SpeakerStart, q.SpeakerEnd = 0, 0
		}
		q.Start += u.Start
		q.End += u.Start
		if q.Speaker != "" {
			q.Entity, q.Actor = speakerEntity(u, q)
			q.Source = sourceKind(u, q)
		}
	}
	slices.SortFunc(out, func(a, b pipeline.Quote) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.End, b.End); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	return out
}

// around returns the text of the sentences s touches: from the start of
// the sentence holding its start to the end of the one holding its last
// byte (a quotation may run over several rough sentences).
func around(sents [][2]int, s voice.Span) (int, int) {
	a, b := s.Start, s.End
	for _, x := range sents {
		if x[0] <= s.Start && s.Start < x[1] {
			a = min(a, x[0])
		}
		if x[0] < s.End && s.End <= x[1] {
			b = max(b, x[1])
		}
	}
	return a, b
}

// mostlyQuoted returns the index of the quotation covering at least half
// of s, or -1.
func mostlyQuoted(direct []voice.Span, s voice.Span) int {
	for i, q := range direct {
		if ov := min(q.End, s.End) - max(q.Start, s.Start); ov > 0 && 2*ov >= s.End-s.Start {
			return i
		}
	}
	return -1
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// Writes lists the fields the quotes stage writes (pipeline.Writer).
func (*Finder) Writes() []string { return []string{"Units[].Quotes"} }
