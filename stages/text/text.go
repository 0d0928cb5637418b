package text

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/internal/postag"
	"github.com/framewatch/framewatch/internal/tokenize"
	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/token"
)

// Tagger is the text stage. Its models are loaded once by New and shared
// read-only; Process is safe for concurrent use on different documents.
type Tagger struct {
	tok *tokenize.Tokenizer
	seg *segment.Segmenter
	pos *postag.Tagger
}

// New loads the tokenizer (internal/tokenize: prose's tokens, faster),
// prose's segmenter model and the tagger (prose's perceptron model behind
// postag's faster index).
func New() (*Tagger, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("text: segmenter: %w", err)
	}
	pos, err := postag.New()
	if err != nil {
		return nil, fmt.Errorf("text: tagger: %w", err)
	}
	return &Tagger{tok: tokenize.New(), seg: seg, pos: pos}, nil
}

// Name returns "text".
func (t *Tagger) Name() string { return "text" }

// Process fills Tokens, Sentences, Words, SentCount and LexWords of every
// unit of d from d.Clean[u.Start:u.End]. Units whose span does not fit the
// text are left empty.
func (t *Tagger) Process(ctx context.Context, d *pipeline.Doc) error {
	src := d.Clean
	if len(src) != len(d.Text) {
		src = d.Text
	}
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		u.Tokens, u.Sentences, u.Words, u.SentCount, u.LexWords = nil, nil, 0, 0, nil
		if !u.Analysed() {
			continue
		}
		if u.Start < 0 || u.End > len(src) || u.Start >= u.End {
			continue
		}
		// News prose averages a little over 5 bytes a token and 100 a
		// sentence; sizing up front saves most regrowing.
		n := u.End - u.Start
		u.Tokens, u.Sentences = t.Analyse(d.Text, src, u.Start, u.End,
			make([]pipeline.Token, 0, n/5+8), make([]pipeline.Sentence, 0, n/100+2))
		for _, tk := range u.Tokens {
			if isWord(tk.Text) {
				u.Words++
			}
		}
		u.SentCount = len(u.Sentences)
		// The lexicon stages' (frames, terms) split of the body, made
		// once here for all of them.
		u.LexWords = voice.Words(d.Body()[u.Start:u.End])
	}
	return nil
}

// Writes lists the fields the text stage writes (pipeline.Writer).
func (*Tagger) Writes() []string {
	return []string{"Units[].Tokens", "Units[].Sentences", "Units[].Words", "Units[].SentCount", "Units[].LexWords"}
}

// Analyse tokenizes, segments and tags src[start:end], appending to toks and
// sents. Offsets are into src, and Token.Text is taken from orig (which has
// the same length as src) so that it matches the original document.
func (t *Tagger) Analyse(orig, src string, start, end int, toks []pipeline.Token, sents []pipeline.Sentence) ([]pipeline.Token, []pipeline.Sentence) {
	// The line's prose tokens, in a slice reused line after line and
	// call after call.
	buf := lineTokens.Get().(*[]token.Token)
	scratch := (*buf)[:0]
	defer func() {
		clear(scratch[:cap(scratch)]) // drop the references to this text
		*buf = scratch[:0]
		lineTokens.Put(buf)
	}()
	pos := start
	for pos < end {
		nl := strings.IndexAny(src[pos:end], "\n\r\v\f\u2028\u2029")
		lineEnd, next := end, end
		if nl >= 0 {
			lineEnd = pos + nl
			_, size := utf8.DecodeRuneInString(src[lineEnd:])
			next = lineEnd + size
		}
		toks, sents, scratch = t.line(orig, src, pos, lineEnd, toks, sents, scratch)
		pos = next
	}
	return toks, sents
}

// lineTokens recycles Analyse's line token slices.
var lineTokens = sync.Pool{New: func() any { return new([]token.Token) }}

// line analyses one line src[start:end]; scratch is spare room for the
// line's prose tokens, returned for reuse.
func (t *Tagger) line(orig, src string, start, end int, toks []pipeline.Token, sents []pipeline.Sentence, scratch []token.Token) ([]pipeline.Token, []pipeline.Sentence, []token.Token) {
	line := src[start:end]
	if strings.TrimSpace(line) == "" {
		return toks, sents, scratch
	}
	ptoks := t.tok.Append(scratch[:0], line)
	scratch = ptoks
	if len(ptoks) == 0 {
		return toks, sents, scratch
	}
	var psents []segment.Sentence
	if mayHaveSentences(line) {
		psents = t.seg.Segment(line)
	}
	// Cut the line's tokens at each sentence start after the first.
	first := 0
	for si := 0; first < len(ptoks); si++ {
		cut := len(ptoks)
		if si+1 < len(psents) {
			next := psents[si+1].Start
			cut = first + 1
			for cut < len(ptoks) && ptoks[cut].Start < next {
				cut++
			}
			// A break Punkt puts after an initial, a list number or a
			// title is no sentence end: the sentence runs on to the next.
			for falseBreak(ptoks, first, cut) && si+1 < len(psents) {
				si++
				cut = len(ptoks)
				if si+1 < len(psents) {
					next = psents[si+1].Start
					for cut = first + 1; cut < len(ptoks) && ptoks[cut].Start < next; cut++ {
					}
				}
			}
		}
		group := splitFinalPeriod(joinInitials(splitMarkup(splitSlashes(ptoks[first:cut]))))
		t.pos.TagTokens(group)
		s := pipeline.Sentence{
			Start:      start + group[0].Start,
			End:        start + group[len(group)-1].End(),
			FirstToken: len(toks),
		}
		for _, pt := range group {
			toks = append(toks, convert(orig, start, pt))
		}
		s.EndTok = len(toks)
		sents = append(sents, s)
		first = cut
	}
	return toks, sents, scratch
}

// mayHaveSentences reports whether prose's segmenter could find more than
// one sentence in line. Every sentence break Punkt (with prose's
// annotations) places is at the end of a whitespace-delimited word holding
// '.', '?' or '!', so a line whose only such characters are in its last
// word is one sentence; skipping the segmenter there saves its cost on
// headings, datelines and one-sentence paragraphs. TestMayHaveSentences
// checks this against prose.
func mayHaveSentences(line string) bool {
	k := strings.IndexAny(line, ".?!")
	if k < 0 {
		return false
	}
	return strings.ContainsFunc(strings.TrimRightFunc(line[k:], unicode.IsSpace), unicode.IsSpace)
}

// splitFinalPeriod splits a sentence-final period off the last token when
// prose's tokenizer left it attached to a word that is not an abbreviation
// ("Kim Jong Un." -> "Un", "."), so that names never end in a period.
func splitFinalPeriod(group []token.Token) []token.Token {
	last := group[len(group)-1]
	w := last.Text
	if len(w) < 3 || w[len(w)-1] != '.' || strings.Contains(w[:len(w)-1], ".") {
		return group
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) || abbreviations[strings.ToLower(w[:len(w)-1])] || utf8.RuneCountInString(w) < 3 {
		return group
	}
	out := make([]token.Token, 0, len(group)+1)
	out = append(out, group[:len(group)-1]...)
	return append(out,
		token.Token{Text: w[:len(w)-1], Start: last.Start},
		token.Token{Text: ".", Start: last.Start + len(w) - 1})
}

// splitSlashes splits a token at slashes between capitalised words, so
// that each name stands alone: datelines naming several cities
// ("LONDON/BRUSSELS") and photo credits ("REUTERS/Yves Herman/File").
// Slashes in other tokens stay ("and/or", "1/8", "km/h").
func splitSlashes(group []token.Token) []token.Token {
	var out []token.Token
	for i, t := range group {
		if !capitalSlashes(t.Text) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token.Token, 0, len(group)+4), group[:i]...)
		}
		w, at := t.Text, t.Start
		for {
			j := strings.IndexByte(w, '/')
			if j < 0 {
				out = append(out, token.Token{Text: w, Start: at})
				break
			}
			out = append(out, token.Token{Text: w[:j], Start: at}, token.Token{Text: "/", Start: at + j})
			w, at = w[j+1:], at+j+1
		}
	}
	if out == nil {
		return group
	}
	return out
}

// capitalSlashes reports whether w holds slashes and every piece between
// them starts with an upper-case letter.
func capitalSlashes(w string) bool {
	if strings.IndexByte(w, '/') < 0 {
		return false
	}
	for p := range strings.SplitSeq(w, "/") {
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// splitMarkup splits Markdown emphasis markers ("**RIA", "duties?**",
// "_Kyiv_") off the words they are glued to.
func splitMarkup(group []token.Token) []token.Token {
	var out []token.Token
	for i, t := range group {
		w := t.Text
		lead := len(w) - len(strings.TrimLeft(w, "*_"))
		trail := len(w) - len(strings.TrimRight(w, "*_"))
		if lead+trail == 0 || lead+trail >= len(w) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token.Token, 0, len(group)+2), group[:i]...)
		}
		if lead > 0 {
			out = append(out, token.Token{Text: w[:lead], Start: t.Start})
		}
		out = append(out, token.Token{Text: w[lead : len(w)-trail], Start: t.Start + lead})
		if trail > 0 {
			out = append(out, token.Token{Text: w[len(w)-trail:], Start: t.Start + len(w) - trail})
		}
	}
	if out == nil {
		return group
	}
	return out
}

// falseBreak reports whether a sentence break before ptoks[cut] is wrong:
// the sentence ptoks[first:cut] ends in an initial ("S. Law c Hooper"), a
// title abbreviation ("ST. LOUIS") or, alone at the start of the line, a
// list number ("3. Paul Tracy (Canada)"), and a capitalised word follows.
func falseBreak(ptoks []token.Token, first, cut int) bool {
	if cut-first < 2 || cut >= len(ptoks) || ptoks[cut-1].Text != "." {
		return false
	}
	w := ptoks[cut-2]
	if w.End() != ptoks[cut-1].Start {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(ptoks[cut].Text); !unicode.IsUpper(r) {
		return false
	}
	switch {
	case isInitial(w.Text), titleAbbreviations[strings.ToLower(w.Text)]:
		return true
	case cut-2 == first && first == 0 && len(w.Text) <= 3:
		for _, r := range w.Text {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	return false
}

// titleAbbreviations come before names and are never a sentence's last
// word ("St. Louis", "Dr. Kim", "Gen. Milley").
var titleAbbreviations = map[string]bool{
	"st": true, "mt": true, "ft": true, "dr": true, "mr": true, "mrs": true, "ms": true, "gen": true,
	"gov": true, "sen": true, "rep": true, "prof": true, "capt": true, "lt": true, "col": true, "sgt": true,
	"adm": true, "maj": true, "rev": true, "hon": true, "pres": true, "supt": true, "insp": true,
}

// joinInitials rejoins initials that prose's tokenizer splits ("V", ".")
// into one token ("V.") inside a sentence, as in "Vladimir V. Putin", and
// title abbreviations likewise ("ST", "." -> "ST.").
func joinInitials(group []token.Token) []token.Token {
	var out []token.Token
	for i := 0; i < len(group); i++ {
		t := group[i]
		if i+2 < len(group) && group[i+1].Text == "." && group[i+1].Start == t.End() && (isInitial(t.Text) || titleAbbreviations[strings.ToLower(t.Text)]) {
			if out == nil {
				out = append(make([]token.Token, 0, len(group)), group[:i]...)
			}
			out = append(out, token.Token{Text: t.Text + ".", Start: t.Start})
			i++
			continue
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out == nil {
		return group
	}
	return out
}

func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// abbreviations keep their period at the end of a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "gen": true,
	"lt": true, "col": true, "sgt": true, "gov": true, "sen": true, "rep": true, "prof": true, "inc": true,
	"corp": true, "ltd": true, "co": true, "no": true, "vs": true, "etc": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "mt": true, "ft": true, "capt": true, "cmdr": true, "adm": true, "maj": true,
	"rev": true, "hon": true, "dept": true, "est": true, "approx": true, "fig": true, "bros": true, "univ": true,
}

func convert(orig string, base int, pt token.Token) pipeline.Token {
	s, e := base+pt.Start, base+pt.End()
	return pipeline.Token{Start: s, End: e, Text: orig[s:e], Tag: pt.Tag}
}

// isWord reports whether s holds a letter or a digit.
func isWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
