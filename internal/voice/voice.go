package voice

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of Span.
const (
	KindQuote      = "quote"
	KindAttributed = "attributed"
)

// Span is a byte range [Start, End) of reported speech.
type Span struct {
	Start, End int
	Kind       string
}

// Spans returns the quotations and attributed clauses of text, sorted by
// Start, then End, then Kind. Spans of different kinds may overlap.
func Spans(text string) []Span {
	spans := Quotes(text)
	spans = append(spans, Attributions(text)...)
	sortSpans(spans)
	return spans
}

// Unit returns the reported-speech spans of a unit's text. With review set
// (a press-review quote unit: the quoted outlet's own voice) attributions
// are dropped, since the review attributes the whole unit to the outlet,
// and so is a quotation that opens the unit or covers at least half of its
// text, since that is the outlet's text in the reviewer's quotation marks;
// other quotations inside the unit still count as quoted speech.
func Unit(text string, review bool) []Span {
	if !review {
		return Spans(text)
	}
	body := strings.TrimSpace(text)
	first := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	var out []Span
	for _, s := range Quotes(text) {
		if s.Start == first || 2*(s.End-s.Start) >= len(body) {
			continue
		}
		out = append(out, s)
	}
	sortSpans(out)
	return out
}

// Quoted reports whether [start, end) lies mostly inside one of spans: its
// midpoint is inside a span.
func Quoted(spans []Span, start, end int) bool {
	mid := start + (end-start)/2
	for _, s := range spans {
		if s.Start <= mid && mid < s.End {
			return true
		}
		if s.Start > mid {
			// Sorted by Start: no later span can contain mid.
			break
		}
	}
	return false
}

func sortSpans(s []Span) {
	slices.SortFunc(s, func(a, b Span) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.End, b.End); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	})
}

// closers maps each opening quotation mark to the marks that may close it.
var closers = map[rune]string{
	'"': `"`,
	'“': "”“", // English “...”; some texts close with a second “
	'„': "“”",
	'«': "»",
	'»': "«", // Danish/German »...«
	'‹': "›",
	'「': "」",
}

// Quotes returns the quotations of text: spans from an opening mark to its
// closing mark inclusive. A quotation not closed before a paragraph break
// (a blank line) ends there.
func Quotes(text string) []Span {
	var out []Span
	open := rune(0)
	start := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\n' {
			// The common byte: no ASCII character but the straight quote
			// opens or closes a quotation, and only a line break ends one.
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if open != 0 {
			if strings.ContainsRune(closers[open], r) {
				out = append(out, Span{Start: start, End: i + size, Kind: KindQuote})
				open = 0
			} else if r == '\n' && paragraphBreak(text, i) {
				out = append(out, Span{Start: start, End: i, Kind: KindQuote})
				open = 0
			}
			i += size
			continue
		}
		if _, ok := closers[r]; ok && opens(text, i, r, size) {
			open, start = r, i
		}
		i += size
	}
	if open != 0 {
		out = append(out, Span{Start: start, End: len(text), Kind: KindQuote})
	}
	return out
}

// opens reports whether the mark r at i opens a quotation. A straight quote
// opens only before a non-space character; « and » may also be closing
// marks in the other convention, so they open only when followed by a
// non-space character.
func opens(text string, i int, r rune, size int) bool {
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if i+size >= len(text) || unicode.IsSpace(next) {
		return false
	}
	if r == '"' || r == '»' {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
				return false // 12" or word"word: not an opening mark
			}
		}
	}
	return true
}

func paragraphBreak(text string, i int) bool {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
			continue
		}
		return false
	}
	return true
}
