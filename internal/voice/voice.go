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
// by a reviewer's verb (reviewerVerbs: "the paper writes") are dropped,
// since the review attributes the whole unit to the outlet, while others
// ("Putin once promised to ...") stay reported speech; so is dropped a
// quotation that opens the unit or covers at least half of its
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
	var ws []Word
	for _, sn := range Sentences(text) {
		ws = words(text, sn[0], sn[1], ws[:0])
		n := len(out)
		var cue string
		out, cue = attributeCue(text, sn[0], sn[1], ws, out)
		if reviewerVerbs[cue] {
			out = out[:n]
		}
	}
	sortSpans(out)
	return out
}

// reviewerVerbs are the cues by which a press review attributes text to
// the outlet it quotes ("the paper writes", "..., the daily argues"): in a
// review-quote unit they mark the outlet's own voice, while other cues
// ("Putin once promised to ...", "according to Kyiv") still report
// someone else's speech.
var reviewerVerbs = map[string]bool{
	"writes": true, "wrote": true, "write": true, "argues": true, "argued": true,
	"says": true, "said": true, "say": true, "notes": true, "noted": true,
	"comments": true, "commented": true, "adds": true, "added": true,
	"concludes": true, "observes": true, "believes": true, "believed": true,
	"warns": true, "warned": true, "stresses": true, "stressed": true,
	"explains": true, "explained": true, "suggests": true, "suggested": true,
	"predicts": true, "predicted": true, "urges": true, "urged": true,
	"asserts": true, "asserted": true, "insists": true, "insisted": true,
	"maintains": true, "contends": true, "states": true, "stated": true,
	"claims": true, "claimed": true, "declares": true, "reports": true, "reported": true,
	"posted": true, "tweeted": true, "replies": true, "responds": true, "counters": true,
}

// Quoted reports whether [start, end) lies mostly inside one of spans: its
// midpoint is inside a span and it starts inside it, or at most maxLead
// bytes before it (a "that " or an opening mark outside the span). A phrase
// that holds the attribution itself ("Ms. Harf said that Mrs. Clinton ...")
// is the outlet reporting, not reported speech, even when most of it is the
// content. A name inside reported speech always starts inside it.
func Quoted(spans []Span, start, end int) bool {
	mid := start + (end-start)/2
	for _, s := range spans {
		if s.Start <= mid && mid < s.End && startsInside(s, start) {
			return true
		}
		if s.Start > mid {
			// Sorted by Start: no later span can contain mid.
			break
		}
	}
	return false
}

// maxLead is how far before a span a phrase may start and still lie inside
// it (see Quoted).
const maxLead = 6

// startsInside reports whether a phrase starting at start lies inside sp
// for Quoted.
func startsInside(sp Span, start int) bool {
	return start >= sp.Start-maxLead
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
// closing mark inclusive.
//
// A quotation still open at a paragraph break (a blank line) goes on into
// the next paragraph when that paragraph opens with a quotation mark (news
// style repeats the opening mark on every paragraph of a long quotation and
// closes only the last), or when the first quotation mark within the next
// few paragraphs closes rather than opens (a quoted letter or statement
// whose middle paragraphs carry no marks); otherwise it ends at the break.
// A paragraph after one that ends with a colon and a statement cue ("X
// tweeted:", "..., saying:") is a quotation too when it has no marks of its
// own (a tweet or statement reproduced verbatim).
// Inside “...”, a “ before a word opens a nested quotation that the next ”
// closes, and a straight quote that cannot open closes the quotation
// (“...," said X), as sloppy typography mixes the two styles.
func Quotes(text string) []Span {
	var out []Span
	open := rune(0)
	start, depth := 0, 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\n' {
			// The common byte: no ASCII character but the straight quote
			// opens or closes a quotation, and only a line break ends one.
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if open != 0 {
			switch {
			case r == '\n':
				if paragraphBreak(text, i) {
					if next, ok := continues(text, i, open); ok {
						i = next
						continue
					}
					out = append(out, Span{Start: start, End: i, Kind: KindQuote})
					open, depth = 0, 0
				}
			case open == '“' && (r == '“' || r == '"') && nestedOpen(text, i, size):
				depth++
			case strings.ContainsRune(closers[open], r) || open == '“' && r == '"':
				if depth > 0 {
					depth--
					break
				}
				out = append(out, Span{Start: start, End: i + size, Kind: KindQuote})
				open = 0
			}
			i += size
			continue
		}
		if r == '\n' && paragraphBreak(text, i) {
			if a, b, ok := statement(text, i); ok {
				out = append(out, Span{Start: a, End: b, Kind: KindQuote})
				i = b
				continue
			}
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

// statementCues are the words that, in a paragraph ending with a colon,
// announce a verbatim statement in the next paragraph ("Trump tweeted:",
// "..., saying:", "The statement reads:").
var statementCues = map[string]bool{
	"statement": true, "tweet": true, "tweeted": true, "tweeting": true, "saying": true, "said": true,
	"says": true, "wrote": true, "writes": true, "writing": true, "reads": true, "read": true,
	"posted": true, "added": true, "declared": true, "stated": true, "told": true, "following": true,
}

// statement reports whether the paragraph break at i follows a paragraph
// that ends with a colon after a statement cue (statementCues, in its last
// 200 bytes), and the next paragraph does not open with a quotation mark:
// that paragraph is then a verbatim statement without marks, [a, b).
func statement(text string, i int) (a, b int, ok bool) {
	k := i
	for k > 0 && (text[k-1] == ' ' || text[k-1] == '\t' || text[k-1] == '\r') {
		k--
	}
	if k == 0 || text[k-1] != ':' {
		return 0, 0, false
	}
	lo := max(0, k-200)
	if nl := strings.LastIndexByte(text[lo:k], '\n'); nl >= 0 {
		lo += nl + 1
	}
	cue := false
	for _, w := range strings.FieldsFunc(strings.ToLower(text[lo:k]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if statementCues[w] {
			cue = true
			break
		}
	}
	if !cue {
		return 0, 0, false
	}
	a = i
	for a < len(text) && (text[a] == '\n' || text[a] == ' ' || text[a] == '\t' || text[a] == '\r') {
		a++
	}
	if a >= len(text) {
		return 0, 0, false
	}
	if r, size := utf8.DecodeRuneInString(text[a:]); closers[r] != "" && opens(text, a, r, size) {
		return 0, 0, false // a quotation with marks: the loop reads it
	}
	b = a
	for b < len(text) && !(text[b] == '\n' && paragraphBreak(text, b)) {
		b++
	}
	return a, b, true
}

// nestedOpen reports whether the mark at i (inside a “...” quotation) opens
// a nested quotation: it follows a space or an opening bracket and comes
// right before a letter or digit.
func nestedOpen(text string, i, size int) bool {
	if i == 0 || i+size >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	return (unicode.IsSpace(prev) || prev == '(' || prev == '[') && (unicode.IsLetter(next) || unicode.IsDigit(next))
}

// maxQuoteParagraphs bounds how many paragraphs without a quotation mark a
// quotation left open may cross (see Quotes), and maxQuoteLook the bytes
// read ahead for it, so that a stray opening mark never swallows an
// article.
const (
	maxQuoteParagraphs = 3
	maxQuoteLook       = 4000
)

// continues reports whether the quotation opened by open and still open at
// the paragraph break at i goes on into the next paragraph, and where to
// resume scanning: after the next paragraph's opening mark when it has one,
// else at the next paragraph's start.
func continues(text string, i int, open rune) (int, bool) {
	j := i
	for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(text[j:])
	if _, ok := closers[r]; ok && sameFamily(open, r) && opens(text, j, r, size) {
		return j + size, true // the paragraph repeats the opening mark
	}
	paras := 1
	for k := j; k < len(text) && k-j < maxQuoteLook; {
		r, size := utf8.DecodeRuneInString(text[k:])
		switch {
		case r == '\n' && paragraphBreak(text, k):
			paras++
			if paras > maxQuoteParagraphs {
				return 0, false
			}
		case strings.ContainsRune(closers[open], r) || open == '“' && r == '"':
			if _, isOpener := closers[r]; isOpener && opens(text, k, r, size) && !(r == '“' && !nestedOpen(text, k, size)) {
				return 0, false // the next mark opens a new quotation
			}
			return j, true
		default:
			if _, ok := closers[r]; ok && opens(text, k, r, size) {
				return 0, false
			}
		}
		k += size
	}
	return 0, false
}

// sameFamily reports whether the mark r may open a paragraph that continues
// a quotation opened by open: the same mark, or either English double mark.
func sameFamily(open, r rune) bool {
	if open == r {
		return true
	}
	return (open == '“' || open == '"') && (r == '“' || r == '"')
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
