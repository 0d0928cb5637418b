package voice

import "strings"

// Word is one word of a text: its byte span, its lower-cased form, and
// whether punctuation (or the start of the text) separates it from the
// previous word.
type Word struct {
	Start, End int
	Lower      string
	Break      bool
}

// Words splits text into words: runs of letters and digits, with inner
// apostrophes and hyphens kept ("don't", "well-being"). It is the shared
// word splitter of the lexicon stages (frames, terms), so that they count
// the same words with or without the text stage's tokens.
func Words(text string) []Word {
	ws := words(text, 0, len(text), make([]word, 0, len(text)/6+1))
	out := make([]Word, len(ws))
	prev := 0
	for i, w := range ws {
		br := i == 0
		for j := prev; j < w.start && !br; j++ {
			c := text[j]
			if c != ' ' && c != '\t' && c != '\r' {
				br = true
			}
		}
		low := w.lower
		if strings.Contains(low, "’") {
			low = strings.ReplaceAll(low, "’", "'")
		}
		out[i] = Word{Start: w.start, End: w.end, Lower: low, Break: br}
		prev = w.end
	}
	return out
}
