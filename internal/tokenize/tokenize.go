package tokenize

import (
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// Tokenizer splits text into prose tokens. The zero value is ready to use.
type Tokenizer struct{}

// New returns a Tokenizer.
func New() *Tokenizer { return &Tokenizer{} }

// Tokenize splits text into tokens whose Text is a substring of text at byte
// offset Start, as prose v3's tokenize.New().Tokenize(text) does. Tags are
// left empty.
func (t *Tokenizer) Tokenize(text string) []token.Token {
	return t.Append(make([]token.Token, 0, len(text)/4+2), text)
}

// Append appends the tokens of text to tokens and returns the extended
// slice; offsets are relative to text.
func (*Tokenizer) Append(tokens []token.Token, text string) []token.Token {
	// prose's loop: spans are maximal runs of space or non-space runes,
	// except that a run of spaces starting with ' ' loses that byte. Space
	// runs are never tokens (prose drops them as blank), so only non-space
	// runs are split.
	var (
		start, index int
		white        bool
	)
	for index < len(text) {
		c := text[index]
		var sp bool
		size := 1
		if c < utf8.RuneSelf {
			sp = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[index:])
			sp = unicode.IsSpace(r)
		}
		if index == 0 {
			white = sp
		}
		if sp != white {
			if start < index && !white {
				tokens = split(text[start:index], start, tokens)
			}
			if c == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index && !white {
		tokens = split(text[start:index], start, tokens)
	}
	return tokens
}

// asciiSpace holds the ASCII runes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// split breaks one non-space span into tokens, as prose's split does.
func split(span string, base int, tokens []token.Token) []token.Token {
	var sufArr [8]token.Token
	suffixes := sufArr[:0]
	for span != "" {
		if special(span) {
			tokens = append(tokens, token.Token{Text: span, Start: base})
			span = ""
			break
		}
		if p := matchPrefix(span); p > 0 {
			tokens = append(tokens, token.Token{Text: span[:p], Start: base})
			span, base = span[p:], base+p
			continue
		}
		if idx := indexContraction(span); idx > 0 {
			tokens = append(tokens, token.Token{Text: span[:idx], Start: base})
			span, base = span[idx:], base+idx
			continue
		}
		if s := matchSuffix(span); s > 0 {
			cut := len(span) - s
			suffixes = append(suffixes, token.Token{Text: span[cut:], Start: base + cut})
			span = span[:cut]
			continue
		}
		tokens = append(tokens, token.Token{Text: span, Start: base})
		span = ""
	}
	for i := len(suffixes) - 1; i >= 0; i-- {
		tokens = append(tokens, suffixes[i])
	}
	return tokens
}

// special reports whether span is kept whole: an emoticon, or a match of
// prose's `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`.
func special(span string) bool {
	if len(span) <= emoticonMaxLen && emoticonFirst[span[0]] && emoticons[span] {
		return true
	}
	return dottedLetters(span) || shortAbbrev(span)
}

// dottedLetters matches `^(?:[A-Za-z]\.){2,}$`.
func dottedLetters(s string) bool {
	if len(s) < 4 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if !isASCIILetter(s[i]) || s[i+1] != '.' {
			return false
		}
	}
	return true
}

// shortAbbrev matches `^[A-Z][a-z]{1,2}\.$`.
func shortAbbrev(s string) bool {
	n := len(s)
	if n < 3 || n > 4 || s[n-1] != '.' || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < n-1; i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// emoticonMaxLen and emoticonFirst let most spans skip the map lookup.
var (
	emoticonMaxLen int
	emoticonFirst  [256]bool
)

func init() {
	for e := range emoticons {
		emoticonMaxLen = max(emoticonMaxLen, len(e))
		emoticonFirst[e[0]] = true
	}
}

// matchPrefix returns the byte length of the prefix prose splits off the
// front of s ("$", "(", `"`, "[", "“", "‘"), or 0; s must be longer than it.
func matchPrefix(s string) int {
	switch s[0] {
	case '$', '(', '"', '[':
		if len(s) > 1 {
			return 1
		}
	case 0xE2:
		// “ is E2 80 9C, ‘ is E2 80 98.
		if len(s) > 3 && s[1] == 0x80 && (s[2] == 0x9C || s[2] == 0x98) {
			return 3
		}
	}
	return 0
}

// matchSuffix returns the byte length of the suffix prose splits off the
// end of s (one of ,)"]!;.?:' ” ’), or 0; s must be longer than it.
func matchSuffix(s string) int {
	n := len(s)
	switch s[n-1] {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		if n > 1 {
			return 1
		}
	case 0x9D, 0x99:
		// ” is E2 80 9D, ’ is E2 80 99.
		if n > 3 && s[n-3] == 0xE2 && s[n-2] == 0x80 {
			return 3
		}
	}
	return 0
}

// contractions are prose's split cases, in its order. prose lowercases
// only ASCII when comparing.
var contractions = [...]string{
	"'ll", "'s", "'re", "'m", "n't",
	"’ll", "’s", "’re", "’m", "n’t",
}

// indexContraction returns what prose's indexAnyCase returns for the
// contractions: the smallest first-occurrence offset, among the
// contractions whose first (ASCII case-insensitive) occurrence in s is not
// at offset 0, or -1.
func indexContraction(s string) int {
	// A contraction whose first occurrence is at 0 is ignored by prose
	// even if it occurs again later.
	var atZero uint16
	for k, c := range contractions {
		if hasPrefixFold(s, c) {
			atZero |= 1 << k
		}
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\'', 'n', 'N', 0xE2:
		default:
			continue
		}
		rest := s[i:]
		for k, c := range contractions {
			if atZero&(1<<k) == 0 && hasPrefixFold(rest, c) {
				return i
			}
		}
	}
	return -1
}

// hasPrefixFold reports whether s starts with prefix, folding ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(prefix) > len(s) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		a, b := s[i], prefix[i]
		if a >= 'A' && a <= 'Z' {
			a += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}
