package vader

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jonreiter/govader"
)

// The constants of govader's constants.go.
const (
	cINCR               = 0.733
	nSCALAR             = -0.74
	alphaDefault        = 15
	valenceScalarScale1 = 0.95
	valenceScalarScale2 = 0.9
	epAmplifyScale      = 0.292
	qmAmplifyScale      = 0.18
	maxEP               = 4
	maxQM               = 0.96
	negationScale       = 1.25
	butScale            = 0.5
)

// punctuation is govader's PunctuationString, the cutset stripped from the
// ends of a token.
const punctuation = `"!#$%&\'()*+,-./:;<=>?@[\\]^_` + "`{|}~"

// Sentiment is VADER's scores of one text, as govader.Sentiment.
type Sentiment struct {
	Negative float64
	Neutral  float64
	Positive float64
	Compound float64
}

// word is everything the scorer needs to know about one lower-cased (or
// original-case) token, found with a single lookup.
type word struct {
	val    float64 // lexicon valence
	boost  float64 // booster scalar
	inLex  bool
	isBoo  bool
	negate bool // in govader's negate list
	idiom  bool // a word of a multi-word special idiom or booster
}

// Analyzer scores texts. It is read-only after New and safe for concurrent
// use.
type Analyzer struct {
	words   map[string]word
	lexicon map[string]float64
	special map[string]float64 // special-case idioms
	booster map[string]float64
	emoji   map[rune]string
	// emojiASCII marks ASCII bytes that are emoji keys (none in govader's
	// data, but the table is read, not assumed).
	emojiASCII [utf8.RuneSelf]bool
	punct      [256]bool
	pool       sync.Pool
}

var defaultAnalyzer = sync.OnceValue(New)

// Default returns an Analyzer built once per process and shared; it is
// read-only, so sharing it is safe.
func Default() *Analyzer { return defaultAnalyzer() }

// New builds an Analyzer from govader's lexicon and constants.
func New() *Analyzer {
	sia := govader.NewSentimentIntensityAnalyzer()
	tc := sia.Constants
	a := &Analyzer{
		words:   make(map[string]word, len(sia.Lexicon)+len(tc.BoosterDict)+len(tc.NegateList)+32),
		lexicon: sia.Lexicon,
		special: tc.SpecialCaseIdioms,
		booster: tc.BoosterDict,
		emoji:   map[rune]string{},
	}
	for w, v := range sia.Lexicon {
		x := a.words[w]
		x.val, x.inLex = v, true
		a.words[w] = x
	}
	for w, v := range tc.BoosterDict {
		x := a.words[w]
		x.boost, x.isBoo = v, true
		a.words[w] = x
		if strings.Contains(w, " ") {
			a.markIdiom(w)
		}
	}
	for _, w := range tc.NegateList {
		x := a.words[w]
		x.negate = true
		a.words[w] = x
	}
	for k := range tc.SpecialCaseIdioms {
		if strings.Contains(k, " ") {
			a.markIdiom(k)
		}
	}
	for k, v := range sia.EmojiDict {
		r, n := utf8.DecodeRuneInString(k)
		if n != len(k) || string(r) != k {
			continue // govader looks up single runes only: never matched
		}
		a.emoji[r] = v
		if r < utf8.RuneSelf {
			a.emojiASCII[r] = true
		}
	}
	for i := 0; i < len(punctuation); i++ {
		a.punct[punctuation[i]] = true
	}
	a.pool.New = func() any { return new(scratch) }
	return a
}

func (a *Analyzer) markIdiom(phrase string) {
	for _, w := range strings.Split(phrase, " ") {
		x := a.words[w]
		x.idiom = true
		a.words[w] = x
	}
}

// Valence returns the lexicon valence of a word (as written in the
// lexicon, lower case) and whether the lexicon has it.
func (a *Analyzer) Valence(w string) (float64, bool) {
	v, ok := a.lexicon[w]
	return v, ok
}

// Lexicon calls f for every lexicon word and valence, in no order.
func (a *Analyzer) Lexicon(f func(w string, v float64)) {
	for w, v := range a.lexicon {
		f(w, v)
	}
}

// token is one space-separated token of the text.
type token struct {
	orig, lower string
	lw          word // info of lower
	// orig is a lexicon word: 0 not yet looked up, 1 no, 2 yes. Only
	// the words before a lexicon word need it, so it is found lazily.
	origLex uint8
	upper   bool // govader's stringIsUpper of orig
	negated bool // negate list, or contains "n't"
}

type scratch struct {
	toks  []token
	sents []float64
	buf   []byte
}

// PolarityScores returns VADER's scores of text, bit-identical to
// govader's SentimentIntensityAnalyzer.PolarityScores.
func (a *Analyzer) PolarityScores(text string) Sentiment {
	sc := a.pool.Get().(*scratch)
	defer a.pool.Put(sc)
	trimmed := a.expandEmoji(text, sc)
	toks := sc.toks[:0]
	allcap := 0
	for rest := trimmed; ; {
		t := rest
		k := strings.IndexByte(rest, ' ')
		if k >= 0 {
			t, rest = rest[:k], rest[k+1:]
		}
		t = a.strip(t)
		tk := token{orig: t, lower: strings.ToLower(t), upper: isUpper(t)}
		if tk.upper {
			allcap++
		}
		tk.lw = a.words[tk.lower]
		if tk.lower == t {
			tk.origLex = 1
			if tk.lw.inLex {
				tk.origLex = 2
			}
		}
		tk.negated = tk.lw.negate || strings.Contains(tk.lower, "n't")
		toks = append(toks, tk)
		if k < 0 {
			break
		}
	}
	sc.toks = toks
	n := len(toks)
	capDiff := allcap > 0 && n-allcap > 0 && n-allcap < n

	sents := sc.sents[:0]
	for i := range toks {
		if toks[i].lw.isBoo {
			sents = append(sents, 0)
		} else if i < n-1 && toks[i].lower == "kind" && toks[i+1].lower == "of" {
			sents = append(sents, 0)
		} else {
			sents = append(sents, a.valence(toks, i, capDiff))
		}
	}
	sc.sents = sents
	for bi := range toks {
		if toks[bi].lower == "but" {
			for i := range sents {
				if i < bi {
					sents[i] = (1 - butScale) * sents[i]
				}
				if i > bi {
					sents[i] = (1 + butScale) * sents[i]
				}
			}
			break
		}
	}
	return scoreValence(sents, trimmed)
}

// expandEmoji is govader's emoji substitution and TrimSpace. The common
// case, valid UTF-8 without emoji, returns a substring of text.
func (a *Analyzer) expandEmoji(text string, sc *scratch) string {
	plain := true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if a.emojiASCII[c] {
				plain = false
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			plain = false // govader rewrites invalid bytes as U+FFFD
			break
		}
		if _, ok := a.emoji[r]; ok {
			plain = false
			break
		}
		i += n
	}
	if plain {
		return strings.TrimSpace(text)
	}
	b := sc.buf[:0]
	prevSpace := true
	for _, r := range text {
		if d, ok := a.emoji[r]; ok {
			if !prevSpace {
				b = append(b, ' ')
			}
			b = append(b, d...)
			prevSpace = false
		} else {
			b = utf8.AppendRune(b, r)
			prevSpace = r == ' '
		}
	}
	sc.buf = b
	return strings.TrimSpace(string(b))
}

// strip is govader's stripPunctuationIfWord.
func (a *Analyzer) strip(t string) string {
	i, j := 0, len(t)
	for i < j && a.punct[t[i]] {
		i++
	}
	for j > i && a.punct[t[j-1]] {
		j--
	}
	if j-i < 3 {
		return t
	}
	return t[i:j]
}

// isUpper is govader's stringIsUpper: no ASCII lower-case letter and at
// least one ASCII upper-case one.
func isUpper(s string) bool {
	up := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			up = true
		}
	}
	return up
}

// valence is govader's sentimentValence for token i.
func (a *Analyzer) valence(toks []token, i int, isCapDiff bool) float64 {
	valence := 0.0
	newValence := valence
	t := &toks[i]
	if !t.lw.inLex {
		return newValence
	}
	newValence = t.lw.val
	if t.lower == "no" && i+1 < len(toks) {
		if toks[i+1].lw.inLex {
			newValence = 0
		}
	}
	if (i > 0 && toks[i-1].lower == "no") ||
		(i > 1 && toks[i-2].lower == "no") ||
		(i > 2 && toks[i-3].lower == "no" && (toks[i-1].lower == "or" || toks[i-1].lower == "nor")) {
		newValence = t.lw.val * nSCALAR
	}
	if t.upper && isCapDiff {
		if newValence > 0 {
			newValence += cINCR
		} else {
			newValence -= cINCR
		}
	}
	for startI := range 3 {
		if i > startI && !a.origInLex(&toks[i-(startI+1)]) {
			s := scalarIncDec(&toks[i-(startI+1)], newValence, isCapDiff)
			if startI == 1 && s != 0 {
				s = s * valenceScalarScale1
			}
			if startI == 2 && s != 0 {
				s = s * valenceScalarScale2
			}
			newValence = newValence + s
			newValence = negationCheck(newValence, toks, startI, i)
			if startI == 2 {
				newValence = a.specialIdiomsCheck(newValence, toks, i)
			}
		}
	}
	return a.leastCheck(newValence, toks, i)
}

// origInLex reports whether t's original-case text is a lexicon word.
func (a *Analyzer) origInLex(t *token) bool {
	if t.origLex == 0 {
		t.origLex = 1
		if _, ok := a.lexicon[t.orig]; ok {
			t.origLex = 2
		}
	}
	return t.origLex == 2
}

// leastCheck is govader's, which compares the original-case words.
func (a *Analyzer) leastCheck(valence float64, toks []token, i int) float64 {
	newValence := valence
	if i > 1 && !a.origInLex(&toks[i-1]) && toks[i-1].orig == "least" {
		if toks[i-2].orig != "at" && toks[i-2].orig != "very" {
			newValence = newValence * nSCALAR
		}
	} else if i > 0 && !a.origInLex(&toks[i-1]) && toks[i-1].orig == "least" {
		newValence = newValence * nSCALAR
	}
	return newValence
}

func scalarIncDec(t *token, valence float64, isCapDiff bool) float64 {
	scalar := 0.0
	if t.lw.isBoo {
		scalar = t.lw.boost
		if valence < 0 {
			scalar *= -1
		}
		if t.upper && isCapDiff {
			if valence > 0 {
				scalar += cINCR
			} else {
				scalar -= cINCR
			}
		}
	}
	return scalar
}

func negationCheck(valence float64, toks []token, starti, i int) float64 {
	newValence := valence
	lw := func(j int) string { return toks[j].lower }
	if starti == 0 {
		if toks[i-1].negated {
			newValence = newValence * nSCALAR
		}
	}
	if starti == 1 {
		if lw(i-2) == "never" && (lw(i-1) == "so" || lw(i-1) == "this") {
			newValence = valence * negationScale
		} else if lw(i-2) == "without" && lw(i-1) == "doubt" {
			newValence = valence
		} else if toks[i-2].negated {
			newValence = valence * nSCALAR
		}
	}
	if starti == 2 {
		if lw(i-3) == "never" &&
			((lw(i-2) == "so" || lw(i-2) == "this") || (lw(i-1) == "so" || lw(i-1) == "this")) {
			newValence = valence * negationScale
		} else if lw(i-3) == "without" && (lw(i-2) == "doubt" || lw(i-1) == "doubt") {
			newValence = valence
		} else if toks[i-3].negated {
			newValence = valence * nSCALAR
		}
	}
	return newValence
}

// phrase looks up toks[j:k] joined by spaces in m. Tokens hold no spaces,
// so the joined tokens equal a key only if every token is one of the
// key's words: a token that is no idiom word settles it without building
// the string.
func phrase(m map[string]float64, toks []token, j, k int) (float64, bool) {
	for x := j; x < k; x++ {
		if !toks[x].lw.idiom {
			return 0, false
		}
	}
	var sb strings.Builder
	for x := j; x < k; x++ {
		if x > j {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[x].lower)
	}
	v, ok := m[sb.String()]
	return v, ok
}

// specialIdiomsCheck is govader's, for i > 2.
func (a *Analyzer) specialIdiomsCheck(valence float64, toks []token, i int) float64 {
	newValence := valence
	// onezero, twoonezero, twoone, threetwoone, threetwo
	for _, r := range [...][2]int{{i - 1, i + 1}, {i - 2, i + 1}, {i - 2, i}, {i - 3, i}, {i - 3, i - 1}} {
		if v, ok := phrase(a.special, toks, r[0], r[1]); ok {
			newValence = v
			break
		}
	}
	if len(toks)-1 > i {
		if v, ok := phrase(a.special, toks, i, i+2); ok {
			newValence = v
		}
	}
	if len(toks)-1 > i+1 {
		if v, ok := phrase(a.special, toks, i, i+3); ok {
			newValence = v
		}
	}
	// threetwoone, threetwo, twoone
	for _, r := range [...][2]int{{i - 3, i}, {i - 3, i - 1}, {i - 2, i}} {
		if v, ok := phrase(a.booster, toks, r[0], r[1]); ok {
			newValence = newValence + v
		}
	}
	return newValence
}

func normalize(score, alpha float64) float64 {
	normScore := score / math.Sqrt((score*score)+alpha)
	if normScore < -1.0 {
		return -1.0
	} else if normScore > 1.0 {
		return 1.0
	}
	return normScore
}

func punctuationEmphasis(text string) float64 {
	epCount := strings.Count(text, "!")
	if epCount > maxEP {
		epCount = maxEP
	}
	epAmplifier := float64(epCount) * epAmplifyScale
	qmAmplifier := 0.0
	if qmCount := strings.Count(text, "?"); qmCount > 1 {
		if qmCount <= 3 {
			qmAmplifier = float64(qmCount) * qmAmplifyScale
		} else {
			qmAmplifier = maxQM
		}
	}
	return (epAmplifier + qmAmplifier)
}

func scoreValence(sentiments []float64, text string) Sentiment {
	var sentiment Sentiment
	if len(sentiments) > 0 {
		var sumS float64
		for _, v := range sentiments {
			sumS += v
		}
		punctEmphAmplifier := punctuationEmphasis(text)
		if sumS > 0 {
			sumS += punctEmphAmplifier
		} else if sumS < 0 {
			sumS -= punctEmphAmplifier
		}
		sentiment.Compound = normalize(sumS, alphaDefault)

		posSum, negSum, neuCount := 0.0, 0.0, 0
		for _, v := range sentiments {
			if v > 0 {
				posSum += v + 1
			}
			if v < 0 {
				negSum += v - 1
			}
			if v == 0 {
				neuCount++
			}
		}
		if posSum > math.Abs(negSum) {
			posSum += punctEmphAmplifier
		} else if posSum < math.Abs(negSum) {
			negSum -= punctEmphAmplifier
		}
		total := posSum + math.Abs(negSum) + float64(neuCount)
		sentiment.Positive = math.Abs(posSum / total)
		sentiment.Negative = math.Abs(negSum / total)
		sentiment.Neutral = math.Abs(float64(neuCount) / total)
	}
	return sentiment
}
