package stance

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/internal/vader"
	"github.com/framewatch/framewatch/internal/voice"
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

// tok is one token of a sentence. The fields after role depend only on
// the word, so they are computed once per sentence and shared by all its
// mentions.
type tok struct {
	start, end int
	lower      string
	// role: 0 word, 1 the target, 2 another target.
	role int
	// val is the word's lexicon valence (0 when none).
	val float64
	// Word classes, looked up once per sentence.
	punct, clauseBreak, negator, contrast bool
}

// lexicon holds the word valences used by the features: VADER's lexicon
// plus a small news lexicon (newsLexicon) for verbs and nouns of conflict
// and cooperation that VADER lacks or scores weakly.
type lexicon struct {
	val map[string]float64
	sia *vader.Analyzer
}

func newLexicon() *lexicon {
	sia := vader.Default()
	val := make(map[string]float64, len(newsLexicon)+8000)
	sia.Lexicon(func(w string, v float64) { val[w] = v })
	for w, v := range newsLexicon {
		val[w] = v
	}
	return &lexicon{val: val, sia: sia}
}

// inflections are the suffixes valence strips, in order.
var inflections = [...]string{"s", "es", "ed", "d", "ing", "ly"}

// valence of a lower-cased word: exact match, then the word without a
// common inflection.
func (l *lexicon) valence(w string) float64 {
	if v, ok := l.val[w]; ok {
		return v
	}
	for _, suf := range inflections {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			if v, ok := l.val[w[:len(w)-len(suf)]]; ok {
				return v
			}
		}
	}
	return 0
}

// compound is VADER's compound score of s after voice.Flatten (VADER
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

// lowerWord is strings.ToLower(strings.ReplaceAll(w, "’", "'")) without
// allocating for the common case, an ASCII word already in lower case.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		}
	}
	return w
}

// tokenize splits a sentence into lower-cased tokens (words, with "n't"
// split off, and single punctuation marks), appending to ts. Roles are
// left 0: they depend on the mention (see sentence.mark).
func (l *lexicon) tokenize(s string, ts []tok) []tok {
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
			w := lowerWord(s[i:j])
			if strings.HasSuffix(w, "n't") && len(w) > 3 {
				k := j - len("n't")
				if strings.HasSuffix(s[i:j], "n’t") {
					k = j - len("n’t")
				}
				ts = append(ts, l.word(i, k, w[:len(w)-3]), l.word(k, j, "n't"))
			} else {
				w = strings.TrimSuffix(w, "'s")
				if isNumber(w) {
					w = "<num>"
				}
				ts = append(ts, l.word(i, j, w))
			}
			i = j
		default:
			p := s[i : i+n]
			if r == utf8.RuneError && n == 1 {
				p = "\uFFFD" // as string(r) names it
			}
			ts = append(ts, l.word(i, i+n, p))
			i += n
		}
	}
	return ts
}

// word makes a token and looks up its word classes.
func (l *lexicon) word(start, end int, lower string) tok {
	t := tok{start: start, end: end, lower: lower}
	t.punct = isPunct(lower)
	if t.punct {
		t.clauseBreak = isClauseBreak(lower)
		return t
	}
	t.val = l.valence(lower)
	t.negator = negators[lower]
	t.contrast = contrasts[lower]
	return t
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

// FNV-1a, 64 bits: feature names are hashed part by part, so that a
// feature is looked up without building its name.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashName is the hash of a whole feature name, as sink.add computes it
// from the name's parts.
func hashName(name string) uint64 { return fnvAdd(fnvOffset, name) }

// sink receives features whose name is the concatenation a+b+c+d. For
// prediction (set == nil) it adds each feature's weights times its value
// to z; for training it collects the named values in set.
type sink struct {
	set featureSet
	// Hashes and values of the features added, looked up together by
	// weights.dot.
	hs    []uint64
	vs    []float64
	touch uint64 // see weights.dot
}

func (k *sink) add(v float64, a, b, c, d string) {
	if k.set != nil {
		k.set[a+b+c+d] += v
		return
	}
	k.hs = append(k.hs, fnvAdd(fnvAdd(fnvAdd(fnvAdd(fnvOffset, a), b), c), d))
	k.vs = append(k.vs, v)
}

// sentence is what the features of one sentence share across its
// mentions: its tokens, its reported-speech spans and its VADER scores.
// It is per-call scratch (see scratchPool), never shared between
// goroutines.
type sentence struct {
	text      string
	toks      []tok
	spans     []voice.Span
	hasQuote  bool
	vaderDone bool
	vpos      float64
	vneg      float64
	vcomp     float64
	clauses   []clauseScore
	// Per-mention scratch.
	seq []tok
	neg []bool
	k   sink
}

// clauseScore caches the VADER compound of a clause [a, b) of the
// sentence; the mentions of one clause share it.
type clauseScore struct {
	a, b int
	c    float64
}

// reset prepares s for a new sentence text.
func (s *sentence) reset(l *lexicon, text string) {
	s.resetSpans(l, text, voice.Spans(text))
}

// resetSpans is reset with the text's reported-speech spans, voice.Spans
// of it, already known.
func (s *sentence) resetSpans(l *lexicon, text string, spans []voice.Span) {
	s.text = text
	s.toks = l.tokenize(text, s.toks[:0])
	s.spans = spans
	s.hasQuote = false
	for _, sp := range s.spans {
		if sp.Kind == voice.KindQuote {
			s.hasQuote = true
			break
		}
	}
	s.vaderDone = false
	s.clauses = s.clauses[:0]
}

// resetMasked prepares s for from's sentence with the reported spans
// blanked (masked is that text, as maskSpans makes it): from's tokens
// outside the spans are kept, as tokenizing the masked text would give
// them, without looking their words up again.
func (s *sentence) resetMasked(from *sentence, masked string, reported []voice.Span) {
	s.text = masked
	s.toks = s.toks[:0]
	for _, t := range from.toks {
		if !overlapsAny(reported, t.start, t.end) {
			s.toks = append(s.toks, t)
		}
	}
	s.spans = nil
	s.hasQuote = false
	s.vaderDone = false
	s.clauses = s.clauses[:0]
}

func overlapsAny(spans []voice.Span, a, b int) bool {
	for _, sp := range spans {
		if a < sp.End && b > sp.Start {
			return true
		}
	}
	return false
}

func (s *sentence) vader(l *lexicon) {
	if s.vaderDone {
		return
	}
	ps := l.sia.PolarityScores(voice.Flatten(s.text))
	s.vpos, s.vneg, s.vcomp = ps.Positive, ps.Negative, ps.Compound
	s.vaderDone = true
}

// setVADER gives s the VADER scores of its flattened text, computed
// elsewhere (the tone stage), instead of scoring it again.
func (s *sentence) setVADER(pos, neg, comp float64) {
	s.vpos, s.vneg, s.vcomp = pos, neg, comp
	s.vaderDone = true
}

func (s *sentence) clause(l *lexicon, a, b int) float64 {
	for _, c := range s.clauses {
		if c.a == a && c.b == b {
			return c.c
		}
	}
	if strings.TrimSpace(s.text[:a]) == "" && strings.TrimSpace(s.text[b:]) == "" {
		// The clause is the whole sentence: Flatten gives the same text.
		s.vader(l)
		return s.vcomp
	}
	c := l.compound(s.text[a:b])
	s.clauses = append(s.clauses, clauseScore{a, b, c})
	return c
}

// features extracts the named features of one instance, for training.
func (l *lexicon) features(in Instance) featureSet {
	var s sentence
	s.reset(l, in.Sentence)
	k := sink{set: featureSet{}}
	l.mention(&s, in.Target, in.Others, &k)
	return k.set
}

// Side-specific window feature prefixes: [right, left].
var (
	winPrefix  = [2]string{"winR:", "winL:"}
	nearPrefix = [2]string{"nearR:", "nearL:"}
)

// mention emits the classifier's features for the target span of the
// sentence s (reset for in.Sentence), with the other targets at others.
// The feature names are stable strings; the model maps them to weights.
func (l *lexicon) mention(s *sentence, target Span, others []Span, f *sink) {
	f.add(1, "bias", "", "", "")
	role := func(a, b int) int {
		if a < target.End && b > target.Start {
			return 1
		}
		for _, o := range others {
			if a < o.End && b > o.Start {
				return 2
			}
		}
		return 0
	}
	// Collapse target and other-target tokens to single placeholders.
	seq := s.seq[:0]
	tpos := -1
	for _, t := range s.toks {
		t.role = role(t.start, t.end)
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
	s.seq = seq
	if tpos < 0 {
		tpos = 0
	}
	n := len(seq)

	// Negation scope: a negator flips the next three words, up to
	// punctuation.
	neg := s.neg[:0]
	scope := 0
	for _, t := range seq {
		if t.punct {
			scope = 0
		}
		neg = append(neg, scope > 0)
		if scope > 0 {
			scope--
		}
		if t.negator {
			scope = 3
		}
	}
	s.neg = neg
	// Contrast: the last contrast word splits the sentence; the clause
	// after it weighs more in English news.
	contrastAt := -1
	for i, t := range seq {
		if t.contrast {
			contrastAt = i
		}
	}
	// Clause boundaries around the target: punctuation , ; : ( ) – —.
	clauseLo, clauseHi := 0, n
	for i := tpos - 1; i >= 0; i-- {
		if seq[i].clauseBreak {
			clauseLo = i + 1
			break
		}
	}
	for i := tpos + 1; i < n; i++ {
		if seq[i].clauseBreak {
			clauseHi = i
			break
		}
	}

	// Voice: target inside quotation marks or in attributed speech.
	if voice.Quoted(s.spans, target.Start, target.End) {
		f.add(1, "voice:reported", "", "", "")
	}
	if s.hasQuote {
		f.add(1, "has:quote", "", "", "")
	}

	var posL, negL, posR, negR, posAll, negAll, posClause, negClause, wsum float64
	for i, t := range seq {
		if t.role != 0 {
			if t.role == 2 {
				f.add(1, "has:other", "", "", "")
			}
			continue
		}
		w := t.lower
		if t.punct {
			if w == "?" || w == "!" {
				f.add(1, "punct:", w, "", "")
			}
			continue
		}
		not := ""
		if neg[i] {
			not = "NOT_"
		}
		d := i - tpos
		ad := d
		if ad < 0 {
			ad = -ad
		}
		// Bag of words over the sentence, damped by distance.
		f.add(1, "w:", not, w, "")
		f.add(1/(1+float64(ad)/4), "wd:", not, w, "")
		// A crude stem lets inflections share weight; bigrams catch
		// phrases ("stepped down", "no longer").
		if st := stem(w); st != w {
			f.add(1, "st:", st, "", "")
		}
		if i+1 < n && !seq[i+1].punct {
			f.add(1, "b:", w, "_", seq[i+1].lower)
		}
		// Side-specific window words.
		if ad <= 6 {
			side := 0
			if d < 0 {
				side = 1
			}
			f.add(1, winPrefix[side], not, w, "")
			if ad <= 2 {
				f.add(1, nearPrefix[side], not, w, "")
			}
		}
		if i >= clauseLo && i < clauseHi {
			f.add(1, "c:", not, w, "")
		}
		if contrastAt >= 0 {
			if i > contrastAt && tpos > contrastAt {
				f.add(1, "post:", not, w, "")
			}
		}
		v := t.val
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
	sq := math.Log1p
	f.add(sq(posL), "lex:posL", "", "", "")
	f.add(sq(negL), "lex:negL", "", "", "")
	f.add(sq(posR), "lex:posR", "", "", "")
	f.add(sq(negR), "lex:negR", "", "", "")
	f.add(sq(posAll), "lex:pos", "", "", "")
	f.add(sq(negAll), "lex:neg", "", "", "")
	f.add(sq(posClause), "lex:posC", "", "", "")
	f.add(sq(negClause), "lex:negC", "", "", "")
	f.add(math.Tanh(wsum/4), "lex:wsum", "", "", "")
	// The target opening its clause is likely its subject: what follows
	// is said of it; otherwise what precedes may act on it.
	if tpos == clauseLo || (tpos == clauseLo+1 && (seq[clauseLo].lower == "the" || seq[clauseLo].lower == "but" || seq[clauseLo].lower == "and")) {
		f.add(sq(posR), "subj:posR", "", "", "")
		f.add(sq(negR), "subj:negR", "", "", "")
	} else {
		f.add(sq(posL), "obj:posL", "", "", "")
		f.add(sq(negL), "obj:negL", "", "", "")
	}

	// Sentence and clause VADER compound, continuous and binned. The
	// sentence's scores are computed once for all its mentions.
	s.vader(l)
	f.add(s.vpos, "vader:pos", "", "", "")
	f.add(s.vneg, "vader:neg", "", "", "")
	f.add(s.vcomp, "vader:s", "", "", "")
	f.add(1, "vader:sbin:", bin(s.vcomp), "", "")
	if clauseHi > clauseLo && clauseLo < n {
		cc := s.clause(l, seq[clauseLo].start, seq[clauseHi-1].end)
		f.add(cc, "vader:c", "", "", "")
		f.add(1, "vader:cbin:", bin(cc), "", "")
	}

	// Target position and syntax-light role cues.
	switch {
	case tpos == 0:
		f.add(1, "pos:first", "", "", "")
	case float64(tpos) < float64(n)/3:
		f.add(1, "pos:early", "", "", "")
	case float64(tpos) > 2*float64(n)/3:
		f.add(1, "pos:late", "", "", "")
	default:
		f.add(1, "pos:mid", "", "", "")
	}
	if e := target.End; e+1 < len(s.text) && (strings.HasPrefix(s.text[e:], "'s") || strings.HasPrefix(s.text[e:], "’s")) {
		f.add(1, "target:possessive", "", "", "")
	}
	if tpos > 1 {
		f.add(1, "prev2:", seq[tpos-2].lower, "_", seq[tpos-1].lower)
	}
	if tpos+2 < n {
		f.add(1, "next2:", seq[tpos+1].lower, "_", seq[tpos+2].lower)
	}
	if tpos > 0 {
		f.add(1, "prev:", seq[tpos-1].lower, "", "")
	} else {
		f.add(1, "prev:<s>", "", "", "")
	}
	if tpos+1 < n {
		next := seq[tpos+1].lower
		f.add(1, "next:", next, "", "")
		// The target as subject: the word after it (skipping an
		// auxiliary) is its verb.
		j := tpos + 1
		if aux[next] && j+1 < n {
			f.add(1, "aux:", next, "", "")
			j++
		}
		verb := seq[j]
		f.add(1, "verb:", verb.lower, "", "")
		if v := l.valence(verb.lower); v != 0 {
			f.add(v/4, "subjval", "", "", "")
		}
	} else {
		f.add(1, "next:</s>", "", "", "")
	}
	// The target as object: a lexicon word within the two tokens before.
	for k := tpos - 1; k >= 0 && k >= tpos-2; k-- {
		if v := l.valence(seq[k].lower); v != 0 {
			f.add(v/4, "objval", "", "", "")
		}
	}
	if contrastAt >= 0 {
		if tpos > contrastAt {
			f.add(1, "contrast:after", "", "", "")
		} else {
			f.add(1, "contrast:before", "", "", "")
		}
	}
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
