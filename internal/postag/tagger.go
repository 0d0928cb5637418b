package postag

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"

	"github.com/framewatch/framewatch/internal/tokenize"
)

// Tagger assigns Penn Treebank tags with prose's averaged perceptron.
type Tagger struct {
	m    *model
	pool sync.Pool
}

// scratch is the per-call working set.
type scratch struct {
	scores []float32
	key    []byte
	ctx    []string
	words  []wordRows // words[j]: the word rows of ctx[j]
	sufs   []sufRows  // sufs[j]: the suffix rows of ctx[j]'s last 3 bytes
}

var loadEnglish = sync.OnceValues(func() (*model, error) { return decode(aptagmodel.English) })

// New returns a Tagger backed by prose's embedded English model. The model is
// decoded and indexed on the first call (a few tens of milliseconds) and
// shared by every Tagger.
func New() (*Tagger, error) {
	m, err := loadEnglish()
	if err != nil {
		return nil, err
	}
	t := &Tagger{m: m}
	t.pool.New = func() any {
		return &scratch{scores: make([]float32, len(m.classes)), key: make([]byte, 0, 64)}
	}
	return t, nil
}

// TagTokens sets the Tag of every token from its Text, treating tokens as one
// sentence, exactly as prose's (*tag.Tagger).TagTokens does.
func (t *Tagger) TagTokens(tokens []token.Token) {
	if len(tokens) == 0 {
		return
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)

	need := len(tokens) + 4
	if cap(s.ctx) < need {
		s.ctx = make([]string, need)
	}
	ctx := s.ctx[:need]
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i := range tokens {
		ctx[i+2] = normalize(tokens[i].Text)
	}
	ctx[need-2], ctx[need-1] = "-END-", "-END2-"
	s.words, s.sufs = s.words[:0], s.sufs[:0]
	for _, w := range ctx {
		r, ok := t.m.words[w]
		if !ok {
			r = noWord
		}
		sr, ok := t.m.sufs[suffix(w, 3)]
		if !ok {
			sr = noSuf
		}
		s.words, s.sufs = append(s.words, r), append(s.sufs, sr)
	}

	p1, p2 := "-START-", "-START2-"
	for i := range tokens {
		tag := t.tagOne(s, i, ctx, tokens[i].Text, p1, p2)
		tokens[i].Tag = tag
		p2, p1 = p1, tag
	}
	clear(ctx) // do not keep the words alive from the pool
}

// Penn Treebank traces and bracket literals pass through unscored.
var (
	noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

func (t *Tagger) tagOne(s *scratch, i int, ctx []string, word, p1, p2 string) string {
	// The regular expressions only match words starting with '0' or '*'
	// (noneRe) or '-' (keepRe); testing the first byte first spares the
	// regexp engine on every other word.
	switch {
	case word == "-":
		return "-"
	case tokenize.IsEmoticon(word):
		return "SYM"
	case strings.HasPrefix(word, "@"):
		return "NN"
	case word != "" && (word[0] == '0' || word[0] == '*') && noneRe.MatchString(word):
		return "-NONE-"
	case word != "" && word[0] == '-' && keepRe.MatchString(word):
		return word
	}
	if id, ok := t.m.tagMap[word]; ok {
		return t.m.classes[id]
	}
	return t.predict(s, i, ctx, word, p1, p2)
}

// predict scores the 14 features of prose's templates, in prose's order.
func (t *Tagger) predict(s *scratch, i int, ctx []string, word, p1, p2 string) string {
	clear(s.scores)
	i = min(len(ctx)-3, i+2)
	m, sc := t.m, s.scores
	// Same features in the same order as prose, so the float32 sums and
	// hence the tags are identical; most are found through the per-word,
	// per-suffix and per-tag views instead of a string key each.
	m.add(m.bias, sc)
	sr, ok := m.sufs[suffix(word, 3)]
	if !ok {
		sr = noSuf
	}
	m.add(sr[0], sc)
	if word != "" { // "i pref1 " + the first byte, as prose (not the first rune)
		m.add(m.pref1[word[0]], sc)
	} else {
		t.feat(s, "i pref1 ", "", "", "")
	}
	r1, ok := m.tags[p1]
	if !ok {
		r1 = noTag
	}
	m.add(r1[0], sc)
	r2, ok := m.tags[p2]
	if !ok {
		r2 = noTag
	}
	m.add(r2[1], sc)
	t.feat(s, "i tag+i-2 tag ", p1, " ", p2)
	m.add(s.words[i][0], sc)
	t.feat(s, "i-1 tag+i word ", p1, " ", ctx[i])
	m.add(s.words[i-1][1], sc)
	m.add(s.sufs[i-1][1], sc)
	m.add(s.words[i-2][2], sc)
	m.add(s.words[i+1][3], sc)
	m.add(s.sufs[i+1][2], sc)
	m.add(s.words[i+2][4], sc)
	return t.m.best(s.scores)
}

func (t *Tagger) feat(s *scratch, a, b, c, d string) {
	k := append(s.key[:0], a...)
	k = append(k, b...)
	k = append(k, c...)
	k = append(k, d...)
	s.key = k
	t.m.accumulate(k, s.scores)
}

func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// normalize maps a word onto the form the model was trained against.
func normalize(word string) string {
	if word == "" {
		return word
	}
	first := word[0]
	if first != '-' && strings.IndexByte(word, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(word) == 4 && isDecimalInt(word) {
		return "!YEAR"
	}
	if first >= '0' && first <= '9' {
		return "!DIGITS"
	}
	return toLower(word)
}

// isDecimalInt reports whether s is what strconv.Atoi would accept.
func isDecimalInt(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func toLower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}
