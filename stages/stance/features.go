package stance

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/jonreiter/govader"
)

// Span is a byte range [Start, End) in a sentence.
type Span struct{ Start, End int }

// Instance is one target mention to classify: a sentence, the target's
// span in it, and the spans of other targets in the same sentence (masked
// like the target, so that a sentence about two actors is read relative to
// each).
type Instance struct {
	Sentence string
	Target   Span
	Others   []Span
}

// tok is one token of a sentence.
type tok struct {
	start, end int
	lower      string
	// role: 0 word, 1 the target, 2 another target.
	role int
}

// lexicon holds the word valences used by the features: VADER's lexicon
// plus a small news lexicon (newsLexicon) for verbs and nouns of conflict
// and cooperation that VADER lacks or scores weakly.
type lexicon struct {
	val map[string]float64
	sia *govader.SentimentIntensityAnalyzer
}

func newLexicon() *lexicon {
	sia := govader.NewSentimentIntensityAnalyzer()
	val := make(map[string]float64, len(sia.Lexicon)+len(newsLexicon))
	for w, v := range sia.Lexicon {
		val[w] = v
	}
	for w, v := range newsLexicon {
		val[w] = v
	}
	return &lexicon{val: val, sia: sia}
}

// valence of a lower-cased word: exact match, then the word without a
// common inflection.
func (l *lexicon) valence(w string) float64 {
	if v, ok := l.val[w]; ok {
		return v
	}
	for _, suf := range []string{"s", "es", "ed", "d", "ing", "ly"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			if v, ok := l.val[w[:len(w)-len(suf)]]; ok {
				return v
			}
		}
	}
	return 0
}

// compound is VADER's compound score of s after voice.Flatten (govader
// splits on single spaces only).
func (l *lexicon) compound(s string) float64 {
	return l.sia.PolarityScores(voice.Flatten(s)).Compound
}

var negators = map[string]bool{
	"not": true, "no": true, "never": true, "n't": true, "nor": true, "without": true,
	"neither": true, "nothing": true, "none": true, "nobody": true, "hardly": true,
	"cannot": true, "lack": true, "lacks": true, "lacked": true, "failed": true, "fails": true,
}

var contrasts = map[string]bool{
	"but": true, "however": true, "although": true, "though": true, "yet": true,
	"despite": true, "while": true, "whereas": true, "nevertheless": true, "still": true,
}

// tokenize splits a sentence into lower-cased tokens (words, with
// "n't" split off, and single punctuation marks) and marks the target and
// the other targets.
func tokenize(in Instance) []tok {
	s := in.Sentence
	var ts []tok
	role := func(a, b int) int {
		if a < in.Target.End && b > in.Target.Start {
			return 1
		}
		for _, o := range in.Others {
			if a < o.End && b > o.Start {
				return 2
			}
		}
		return 0
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(s) {
				q, m := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(q) || unicode.IsDigit(q) {
					j += m
					continue
				}
				if (q == '\'' || q == '’' || q == '-') && j+m < len(s) {
					q2, _ := utf8.DecodeRuneInString(s[j+m:])
					if unicode.IsLetter(q2) {
						j += m
						continue
					}
				}
				break
			}
			w := strings.ToLower(strings.ReplaceAll(s[i:j], "’", "'"))
			if strings.HasSuffix(w, "n't") && len(w) > 3 {
				k := j - len("n't")
				if strings.HasSuffix(s[i:j], "n’t") {
					k = j - len("n’t")
				}
				ts = append(ts, tok{start: i, end: k, lower: w[:len(w)-3], role: role(i, k)})
				ts = append(ts, tok{start: k, end: j, lower: "n't", role: role(k, j)})
			} else {
				w = strings.TrimSuffix(w, "'s")
				if isNumber(w) {
					w = "<num>"
				}
				ts = append(ts, tok{start: i, end: j, lower: w, role: role(i, j)})
			}
			i = j
		default:
			ts = append(ts, tok{start: i, end: i + n, lower: string(r), role: role(i, i+n)})
			i += n
		}
	}
	return ts
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// featureSet accumulates named feature values.
type featureSet map[string]float64

func (f featureSet) add(name string, v float64) { f[name] += v }

// features extracts the classifier's features for one instance. The
// feature names are stable strings; the model maps them to weights.
func (l *lexicon) features(in Instance) featureSet {
	f := featureSet{"bias": 1}
	ts := tokenize(in)
	// Collapse target and other-target tokens to single placeholders.
	var seq []tok
	tpos := -1
	for _, t := range ts {
		if t.role != 0 {
			if len(seq) > 0 && seq[len(seq)-1].role == t.role && seq[len(seq)-1].end >= t.start-1 {
				seq[len(seq)-1].end = t.end
				continue
			}
			name := "<t>"
			if t.role == 2 {
				name = "<o>"
			}
			seq = append(seq, tok{start: t.start, end: t.end, lower: name, role: t.role})
			if t.role == 1 && tpos < 0 {
				tpos = len(seq) - 1
			}
			continue
		}
		seq = append(seq, t)
	}
	if tpos < 0 {
		tpos = 0
	}
	n := len(seq)

	// Negation scope: a negator flips the next three words, up to
	// punctuation.
	neg := make([]bool, n)
	scope := 0
	for i, t := range seq {
		if isPunct(t.lower) {
			scope = 0
		}
		if scope > 0 {
			neg[i] = true
			scope--
		}
		if negators[t.lower] {
			scope = 3
		}
	}
	// Contrast: the last contrast word splits the sentence; the clause
	// after it weighs more in English news.
	contrastAt := -1
	for i, t := range seq {
		if contrasts[t.lower] {
			contrastAt = i
		}
	}
	// Clause boundaries around the target: punctuation , ; : ( ) – —.
	clauseLo, clauseHi := 0, n
	for i := tpos - 1; i >= 0; i-- {
		if isClauseBreak(seq[i].lower) {
			clauseLo = i + 1
			break
		}
	}
	for i := tpos + 1; i < n; i++ {
		if isClauseBreak(seq[i].lower) {
			clauseHi = i
			break
		}
	}

	// Voice: target inside quotation marks or in attributed speech.
	vs := voice.Spans(in.Sentence)
	if voice.Quoted(vs, in.Target.Start, in.Target.End) {
		f.add("voice:reported", 1)
	}
	for _, sp := range vs {
		if sp.Kind == voice.KindQuote {
			f.add("has:quote", 1)
			break
		}
	}

	var posL, negL, posR, negR, posAll, negAll, posClause, negClause, wsum float64
	for i, t := range seq {
		if t.role != 0 {
			if t.role == 2 {
				f.add("has:other", 1)
			}
			continue
		}
		w := t.lower
		if isPunct(w) {
			if w == "?" || w == "!" {
				f.add("punct:"+w, 1)
			}
			continue
		}
		nw := w
		if neg[i] {
			nw = "NOT_" + w
		}
		d := i - tpos
		ad := d
		if ad < 0 {
			ad = -ad
		}
		// Bag of words over the sentence, damped by distance.
		f.add("w:"+nw, 1)
		f.add("wd:"+nw, 1/(1+float64(ad)/4))
		// A crude stem lets inflections share weight; bigrams catch
		// phrases ("stepped down", "no longer").
		if st := stem(w); st != w {
			f.add("st:"+st, 1)
		}
		if i+1 < n && !isPunct(seq[i+1].lower) {
			f.add("b:"+w+"_"+seq[i+1].lower, 1)
		}
		// Side-specific window words.
		if ad <= 6 {
			side := "R"
			if d < 0 {
				side = "L"
			}
			f.add("win"+side+":"+nw, 1)
			if ad <= 2 {
				f.add("near"+side+":"+nw, 1)
			}
		}
		if i >= clauseLo && i < clauseHi {
			f.add("c:"+nw, 1)
		}
		if contrastAt >= 0 {
			if i > contrastAt && tpos > contrastAt {
				f.add("post:"+nw, 1)
			}
		}
		v := l.valence(w)
		if v == 0 {
			continue
		}
		if neg[i] {
			v = -0.7 * v
		}
		wt := 1 / (1 + float64(ad)/3)
		wsum += v * wt
		if v > 0 {
			posAll += v
			if d < 0 {
				posL += v * wt
			} else {
				posR += v * wt
			}
			if i >= clauseLo && i < clauseHi {
				posClause += v
			}
		} else {
			negAll -= v
			if d < 0 {
				negL -= v * wt
			} else {
				negR -= v * wt
			}
			if i >= clauseLo && i < clauseHi {
				negClause -= v
			}
		}
	}
	sq := func(x float64) float64 { return math.Log1p(x) }
	f.add("lex:posL", sq(posL))
	f.add("lex:negL", sq(negL))
	f.add("lex:posR", sq(posR))
	f.add("lex:negR", sq(negR))
	f.add("lex:pos", sq(posAll))
	f.add("lex:neg", sq(negAll))
	f.add("lex:posC", sq(posClause))
	f.add("lex:negC", sq(negClause))
	f.add("lex:wsum", math.Tanh(wsum/4))
	// The target opening its clause is likely its subject: what follows
	// is said of it; otherwise what precedes may act on it.
	if tpos == clauseLo || (tpos == clauseLo+1 && (seq[clauseLo].lower == "the" || seq[clauseLo].lower == "but" || seq[clauseLo].lower == "and")) {
		f.add("subj:posR", sq(posR))
		f.add("subj:negR", sq(negR))
	} else {
		f.add("obj:posL", sq(posL))
		f.add("obj:negL", sq(negL))
	}

	// Sentence and clause VADER compound, continuous and binned.
	ps := l.sia.PolarityScores(voice.Flatten(in.Sentence))
	f.add("vader:pos", ps.Positive)
	f.add("vader:neg", ps.Negative)
	comp := ps.Compound
	f.add("vader:s", comp)
	f.add("vader:sbin:"+bin(comp), 1)
	if clauseHi > clauseLo && clauseLo < n {
		a := seq[clauseLo].start
		b := seq[clauseHi-1].end
		cc := l.compound(in.Sentence[a:b])
		f.add("vader:c", cc)
		f.add("vader:cbin:"+bin(cc), 1)
	}

	// Target position and syntax-light role cues.
	switch {
	case tpos == 0:
		f.add("pos:first", 1)
	case float64(tpos) < float64(n)/3:
		f.add("pos:early", 1)
	case float64(tpos) > 2*float64(n)/3:
		f.add("pos:late", 1)
	default:
		f.add("pos:mid", 1)
	}
	if e := in.Target.End; e+1 < len(in.Sentence) && (strings.HasPrefix(in.Sentence[e:], "'s") || strings.HasPrefix(in.Sentence[e:], "’s")) {
		f.add("target:possessive", 1)
	}
	if tpos > 1 {
		f.add("prev2:"+seq[tpos-2].lower+"_"+seq[tpos-1].lower, 1)
	}
	if tpos+2 < n {
		f.add("next2:"+seq[tpos+1].lower+"_"+seq[tpos+2].lower, 1)
	}
	if tpos > 0 {
		f.add("prev:"+seq[tpos-1].lower, 1)
	} else {
		f.add("prev:<s>", 1)
	}
	if tpos+1 < n {
		next := seq[tpos+1].lower
		f.add("next:"+next, 1)
		// The target as subject: the word after it (skipping an
		// auxiliary) is its verb.
		j := tpos + 1
		if aux[next] && j+1 < n {
			f.add("aux:"+next, 1)
			j++
		}
		verb := seq[j].lower
		f.add("verb:"+verb, 1)
		if v := l.valence(verb); v != 0 {
			f.add("subjval", v/4)
		}
	} else {
		f.add("next:</s>", 1)
	}
	// The target as object: a lexicon word within the two tokens before.
	for k := tpos - 1; k >= 0 && k >= tpos-2; k-- {
		if v := l.valence(seq[k].lower); v != 0 {
			f.add("objval", v/4)
		}
	}
	if contrastAt >= 0 {
		if tpos > contrastAt {
			f.add("contrast:after", 1)
		} else {
			f.add("contrast:before", 1)
		}
	}
	return f
}

var aux = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "could": true, "should": true,
	"may": true, "might": true, "must": true, "can": true, "did": true, "does": true,
	"also": true, "had been": true,
}

func bin(x float64) string {
	switch {
	case x <= -0.5:
		return "--"
	case x <= -0.05:
		return "-"
	case x < 0.05:
		return "0"
	case x < 0.5:
		return "+"
	}
	return "++"
}

func isPunct(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return len(w) > 0 && !unicode.IsLetter(r) && !unicode.IsDigit(r) && w != "<num>" && w[0] != '<'
}

func isClauseBreak(w string) bool {
	switch w {
	case ",", ";", ":", "(", ")", "–", "—", "-":
		return true
	}
	return false
}

// stem cuts a word to its first six letters, a crude stem that lets
// inflections share weight.
func stem(w string) string {
	if len(w) > 6 {
		return w[:6]
	}
	return w
}
