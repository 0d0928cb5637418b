package voice

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// speechVerbs are the reporting verbs that attribute a clause to a speaker.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "saying": true,
	"told": true, "tells": true, "tell": true,
	"stated": true, "states": true,
	"warned": true, "warns": true,
	"claimed": true, "claims": true, "claim": true,
	"added": true, "adds": true,
	"insisted": true, "insists": true,
	"argued": true, "argues": true,
	"alleged": true, "alleges": true,
	"declared": true, "declares": true,
	"announced": true, "announces": true,
	"noted": true, "notes": true,
	"wrote": true, "writes": true,
	"stressed": true, "stresses": true,
	"asserted": true, "asserts": true,
	"maintained": true, "maintains": true,
	"contended": true, "contends": true,
	"vowed": true, "vows": true,
	"promised": true, "promises": true,
	"explained": true, "explains": true,
	"acknowledged": true, "acknowledges": true,
	"admitted": true, "admits": true,
	"urged": true, "urges": true,
	"suggested": true, "suggests": true,
	"replied": true, "replies": true,
	"responded": true, "responds": true,
	"countered": true, "counters": true,
	"predicted": true, "predicts": true,
	"reported": true, "reports": true,
	"boasted": true, "boasts": true,
	"charged": true, "accused": true,
	"tweeted": true, "posted": true,
	"denied": true, "denies": true,
	"confirmed": true, "confirms": true,
	"believes": true, "believed": true,
}

// Attributions returns the attributed content of sentences with an
// attribution cue (see the package comment). Sentences are found with a
// simple splitter: ., ! or ? followed by space, and line breaks.
func Attributions(text string) []Span {
	var out []Span
	buf := wordBufs.Get().(*[]Word)
	ws := (*buf)[:0] // reused across sentences and calls
	for _, s := range Sentences(text) {
		ws = words(text, s[0], s[1], ws[:0])
		out = attribute(text, s[0], s[1], ws, out)
	}
	clear(ws) // drop the references to text
	*buf = ws[:0]
	wordBufs.Put(buf)
	return out
}

// wordBufs recycles Attributions' word lists: the stance stage calls it for
// every sentence with a target mention, and the spans it returns do not
// refer to them.
var wordBufs = sync.Pool{New: func() any { return new([]Word) }}

// attribute appends the attributed content of the sentence [start, end),
// split into ws, to out.
func attribute(text string, start, end int, ws []Word, out []Span) []Span {
	out, _ = attributeCue(text, start, end, ws, out)
	return out
}

// attributeCue is attribute that also returns the cue it read, lower-cased
// ("said", "according"), or "" when the sentence has none.
func attributeCue(text string, start, end int, ws []Word, out []Span) ([]Span, string) {
	add := func(a, b int) {
		a, b = trim(text, a, b)
		if b > a {
			out = append(out, Span{Start: a, End: b, Kind: KindAttributed})
		}
	}
	// A speech verb inside quotation marks is part of the quotation ("“I'm
	// here to say that ...,” X said"), not the sentence's attribution cue.
	// The sentence's quotations are found once, at its first cue.
	var inQuote []Span
	quotesDone := false
	for i, w := range ws {
		if w.Lower != "according" && !speechVerbs[w.Lower] {
			continue
		}
		if !quotesDone {
			if hasQuoteMark(text[start:end]) {
				inQuote = innerQuotes(text[start:end])
			}
			quotesDone = true
		}
		if within(inQuote, w.Start-start) {
			continue
		}
		switch {
		case w.Lower == "according" && i+1 < len(ws) && ws[i+1].Lower == "to":
			if comma := strings.LastIndexByte(text[start:w.Start], ','); comma >= 0 {
				// "CONTENT, according to X."
				add(start, start+comma)
			} else if comma := strings.IndexByte(text[w.End:end], ','); comma >= 0 {
				// "According to X, CONTENT."
				add(w.End+comma+1, end)
			}
			return out, w.Lower
		case speechVerbs[w.Lower]:
			if w.Lower == "claims" || w.Lower == "claim" || w.Lower == "reports" || w.Lower == "notes" {
				// Often nouns ("the claims", "reports say"): need a
				// following "that" to count.
				if !(i+1 < len(ws) && ws[i+1].Lower == "that") {
					continue
				}
			}
			if i+1 < len(ws) && quantifiers[ws[i+1].Lower] {
				continue // "said nothing about", "the image said everything"
			}
			// "CONTENT, X said." / "CONTENT, said X.": a comma shortly
			// before the verb, and the verb near the sentence end (so
			// that "Russia, which ..., said that ..." and "Speaking in
			// Moscow, Putin said ..." are read the other way).
			if c := commaBefore(text, start, ws, i); c >= 0 && trailing(text, ws, i, c) {
				add(start, c)
				return out, w.Lower
			}
			// "X said (on Tuesday) (that) CONTENT."
			from := w.End
			for j := i + 1; j < len(ws) && j <= i+5; j++ {
				if ws[j].Lower == "that" {
					from = ws[j].End
					break
				}
			}
			if w.Lower == "told" || w.Lower == "tells" || w.Lower == "tell" {
				// "told reporters (that)": skip the addressee when no
				// "that" follows.
				if from == w.End && i+1 < len(ws) {
					from = ws[i+1].End
				}
			}
			add(from, contrastCut(text, ws, i+1, from, end))
			return out, w.Lower
		}
	}
	return out, ""
}

// contrastStops are the words that, after a comma, semicolon or dash, open
// a contrast clause ending the reported content of "X said ...": in "She
// said she supported it, but otherwise did not delve into details" the
// clause after "but" is the outlet's again.
var contrastStops = map[string]bool{
	"but": true, "though": true, "although": true, "whereas": true, "while": true, "yet": true,
}

// contrastCut returns where the content [from, end) of an attribution whose
// verb is ws[k-1] ends: before the first contrast clause (see
// contrastStops; "even though" too), else end.
func contrastCut(text string, ws []Word, k, from, end int) int {
	for j := k; j < len(ws); j++ {
		w := ws[j]
		if w.Start < from || !contrastStops[w.Lower] && !(w.Lower == "even" && j+1 < len(ws) && ws[j+1].Lower == "though") {
			continue
		}
		if strings.ContainsAny(text[ws[j-1].End:w.Start], ",;–—") || strings.Contains(text[ws[j-1].End:w.Start], "--") {
			return ws[j-1].End
		}
	}
	return end
}

// hasQuoteMark reports whether s holds a mark Quotes may open with (", “,
// ”, „, « or »), byte by byte: strings.ContainsAny takes a slow path for
// non-ASCII sets, and this runs for every sentence with a cue.
func hasQuoteMark(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xE2: // “ ” „ are E2 80 9C, E2 80 9D, E2 80 9E
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x9C && s[i+2] <= 0x9E {
				return true
			}
		case 0xC2: // « » are C2 AB, C2 BB
			if i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB) {
				return true
			}
		}
	}
	return false
}

// innerQuotes are the quotations of a sentence that end before it does: a
// quotation running to the sentence's end is one that holds the whole
// sentence (or its rest), such as a press review's quoted outlet or a
// quotation across sentences, and a cue inside it is still the sentence's.
func innerQuotes(sentence string) []Span {
	qs := Quotes(sentence)
	out := qs[:0]
	end := len(strings.TrimRightFunc(sentence, unicode.IsSpace))
	for _, q := range qs {
		if q.End < end {
			out = append(out, q)
		}
	}
	return out
}

// within reports whether offset p lies inside one of spans.
func within(spans []Span, p int) bool {
	for _, sp := range spans {
		if sp.Start <= p && p < sp.End {
			return true
		}
	}
	return false
}

// quantifiers after a speech verb make it a figure of speech, not a report.
var quantifiers = map[string]bool{
	"nothing": true, "everything": true, "much": true, "little": true, "so": true,
	"more": true, "less": true, "enough": true, "anything": true, "something": true,
}

// adjuncts may follow a trailing speech verb ("..., he said on Monday").
var adjuncts = map[string]bool{
	"on": true, "in": true, "at": true, "during": true, "after": true, "before": true,
	"earlier": true, "later": true, "late": true, "last": true, "this": true,
	"yesterday": true, "today": true, "to": true, "when": true, "while": true,
	"adding": true, "referring": true, "according": true, "of": true, "by": true,
	"via": true, "from": true, "without": true, "with": true, "as": true,
	"told": true, "tuesday": true, "monday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

// inverted are the speech verbs that open an inverted attribution
// (", said Peskov."); "the Kremlin, of course, tells a story" is not one.
var inverted = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "wrote": true, "writes": true,
	"warned": true, "insisted": true, "stated": true, "noted": true, "argued": true,
	"explained": true, "replied": true, "declared": true, "stressed": true,
	"acknowledged": true, "admitted": true, "countered": true, "claimed": true,
	"tweeted": true, "posted": true, "asserted": true, "announced": true,
}

// trailing reports whether the speech verb at ws[i], with a comma at c
// before it, closes an attribution ("CONTENT, X said [adjunct].",
// "CONTENT, said X.") rather than opening one ("Speaking in Minsk, X said
// CONTENT."): the verb ends the sentence, is followed by an adjunct, or
// directly follows the comma.
func trailing(text string, ws []Word, i, c int) bool {
	if i+1 >= len(ws) {
		return true
	}
	if strings.Trim(text[c+1:ws[i].Start], " \t\n\"”’»“") == "" && inverted[ws[i].Lower] && ws[i+1].Lower != "that" {
		return true // ", said Peskov." or ",” said Peskov."
	}
	if after := text[c+1:]; strings.HasPrefix(after, "”") || strings.HasPrefix(after, "\"") || strings.HasPrefix(after, "’") {
		return true // "“...,” Mr. Ryan said stiffly."
	}
	return adjuncts[ws[i+1].Lower]
}

// commaBefore returns the offset of a comma at most four words before the
// verb at ws[i] (the speaker phrase), or -1.
func commaBefore(text string, start int, ws []Word, i int) int {
	lo := start
	if i >= 5 {
		lo = ws[i-5].End
	}
	seg := text[lo:ws[i].Start]
	c := strings.LastIndexAny(seg, ",")
	if c < 0 {
		return -1
	}
	if c+lo <= start {
		return -1
	}
	return lo + c
}

func trim(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) && r != '.' && r != ',' && r != ';' && r != ':' {
			break
		}
		b -= n
	}
	return a, b
}

// words appends the letter/digit words of text[start:end] to ws (Break is
// left to Words).
func words(text string, start, end int, ws []Word) []Word {
	s := text[start:end]
	low, ascii, ok := lowerSameLen(s)
	if !ok {
		// Lower-casing changes some rune's length ("İ", "K"): lower each
		// word on its own.
		return wordsUTF8(text, start, end, ws)
	}
	if !ascii {
		return wordsLow(text, low, start, end, ws)
	}
	// An ASCII text: bytes are runes.
	for i := 0; i < len(s); {
		if !alnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (alnum(s[j]) || (s[j] == '\'' || s[j] == '-') && j+1 < len(s) && alnum(s[j+1])) {
			j++
		}
		ws = append(ws, Word{Start: start + i, End: start + j, Lower: low[i:j]})
		i = j
	}
	return ws
}

// lowerSameLen returns s lower-cased, whether s is all ASCII, and whether
// lower-casing kept every rune's byte length, so that low's byte offsets
// are s's. It allocates only when some letter is upper-case; when ok is
// false, low is meaningless.
func lowerSameLen(s string) (low string, ascii, ok bool) {
	var buf []byte
	ascii = true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if buf == nil {
					buf = []byte(s)
				}
				buf[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(s[i:])
		lr := unicode.ToLower(r)
		if lr != r || r == utf8.RuneError {
			if r == utf8.RuneError || utf8.RuneLen(lr) != n {
				return "", false, false
			}
			if buf == nil {
				buf = []byte(s)
			}
			utf8.EncodeRune(buf[i:], lr)
		}
		i += n
	}
	if buf == nil {
		return s, ascii, true
	}
	return string(buf), ascii, true
}

// wordsLow is words for any text whose lower-cased form low (of
// text[start:end]) has the same byte offsets; with low "", each word is
// lower-cased on its own.
func wordsLow(text, low string, start, end int, ws []Word) []Word {
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '\'' || r == '’' || r == '-') && j+n < end && isWordRune(text, j+n)) {
				j += n
				continue
			}
			break
		}
		var lw string
		if low != "" {
			lw = low[i-start : j-start]
		} else {
			lw = strings.ToLower(text[i:j])
		}
		ws = append(ws, Word{Start: i, End: j, Lower: lw})
		i = j
	}
	return ws
}

func alnum(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' }

// wordsUTF8 is words for any text, lower-casing each word on its own.
func wordsUTF8(text string, start, end int, ws []Word) []Word {
	return wordsLow(text, "", start, end, ws)
}

func isWordRune(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Sentences splits text into rough sentence spans [start, end): a sentence
// ends at ., ! or ? followed by a space and an upper-case letter, digit or
// opening quotation mark, and at every line break. A closing quotation mark
// right after the terminator stays with the sentence; a full stop after a
// title (Mr., Dr., Gen., ...) or a single capital letter ("U.S.") does not
// end it. It is the fallback for units the text stage did not split.
func Sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + n
			i += n
			continue
		}
		if r == '.' || r == '!' || r == '?' {
			j := i + n
			for j < len(text) {
				q, m := utf8.DecodeRuneInString(text[j:])
				if q == '"' || q == '”' || q == '’' || q == '»' || q == '“' || q == ')' || q == '.' {
					j += m
					continue
				}
				break
			}
			if j >= len(text) || text[j] == ' ' || text[j] == '\n' || text[j] == '\t' {
				if j+1 < len(text) && text[j] == ' ' && (!startsSentence(text, j+1) || (r == '.' && abbreviation(text[start:i]))) {
					i = j
					continue
				}
				out = append(out, [2]int{start, j})
				start = j
				i = j
				continue
			}
			i = j
			continue
		}
		i += n
	}
	if start < len(text) && strings.TrimSpace(text[start:]) != "" {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// startsSentence reports whether the text at i looks like a sentence start:
// an upper-case letter, a digit or an opening quotation mark.
func startsSentence(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“„«‘(", r)
}

var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "col": true, "lt": true, "sgt": true, "st": true, "prof": true, "jr": true,
	"sr": true, "no": true, "vs": true, "capt": true, "adm": true, "maj": true, "pres": true,
}

// abbreviation reports whether before (the text up to a full stop) ends in
// a title or a single letter.
func abbreviation(before string) bool {
	k := len(before)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	w := before[k:]
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	return titles[strings.ToLower(w)]
}
