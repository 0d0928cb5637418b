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
	ws := words(text, 0, len(text), make([]Word, 0, len(text)/6+1))
	prev := 0
	for i := range ws {
		w := &ws[i]
		br := i == 0
		for j := prev; j < w.Start && !br; j++ {
			c := text[j]
			if c != ' ' && c != '\t' && c != '\r' {
				br = true
			}
		}
		w.Break = br
		if strings.Contains(w.Lower, "’") {
			w.Lower = strings.ReplaceAll(w.Lower, "’", "'")
		}
		prev = w.End
	}
	return ws
}
