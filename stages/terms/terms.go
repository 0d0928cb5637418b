package terms

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// Counter is the "terms" stage. It is safe for concurrent use.
type Counter struct{}

// New returns the stage.
func New() (*Counter, error) { return &Counter{}, nil }

// Name returns "terms".
func (c *Counter) Name() string { return "terms" }

// Process sets u.Terms for every unit of d.
func (c *Counter) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.Analysed() {
			continue
		}
		if err := d.CheckSpan(u); err != nil {
			return fmt.Errorf("terms: %w", err)
		}
		words := u.LexWords // the text stage's; split here when it did not run
		if words == nil {
			words = voice.Words(text[u.Start:u.End])
		}
		u.Terms = countWords(words)
	}
	return nil
}

// Writes lists the fields the terms stage writes (pipeline.Writer).
func (*Counter) Writes() []string { return []string{"Units[].Terms"} }

// Count returns the content terms of text with their counts, sorted by
// term: lower-cased words without a possessive "'s", skipping stopwords,
// numbers and one-letter words; plus bigrams "a b" of two adjacent content
// words not separated by punctuation or a stopword.
func Count(text string) []pipeline.TermCount {
	return countWords(voice.Words(text))
}

// countWords is Count over a text's words.
func countWords(ws []voice.Word) []pipeline.TermCount {
	counts := make(map[string]int, len(ws)/2)
	prev := ""
	for _, w := range ws {
		t := normalize(w.Lower)
		if w.Break {
			prev = ""
		}
		if !content(t) {
			prev = ""
			continue
		}
		counts[t]++
		if prev != "" {
			counts[prev+" "+t]++
		}
		prev = t
	}
	out := make([]pipeline.TermCount, 0, len(counts))
	for t, n := range counts {
		out = append(out, pipeline.TermCount{Term: t, Count: n})
	}
	slices.SortFunc(out, func(a, b pipeline.TermCount) int { return strings.Compare(a.Term, b.Term) })
	return out
}

func normalize(w string) string {
	w = strings.TrimSuffix(w, "'s")
	return strings.Trim(w, "'-")
}

func content(t string) bool {
	if len([]rune(t)) < 2 || stopwords[t] {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
