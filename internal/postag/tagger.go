package postag

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"

	"github.com/framewatch/framewatch/internal/tokenize"
)

// Tagger assigns Penn Treebank tags with prose's averaged perceptron.
type Tagger struct {
	m    *model
	pool sync.Pool
	// start1 and start2 are the previous tags of a sentence's first word.
	start1, start2 prev
}

// scratch is the per-call working set.
type scratch struct {
	scores []float32
	key    []byte
	words  []int32   // words[j]: the entry of context word j, or -1
	sufs   []sufRows // sufs[j]: the suffix rows of its last 3 bytes
	touch  uint32    // see model.touch
	cache  *wordCache
}

// wordCache remembers the lookups of recent context words: a small
// direct-mapped table (about 150 KB, which stays in the CPU cache) in front
// of the model's word and suffix maps (megabytes, which do not), so that
// the frequent words of news text do not miss the cache every time. Words
// longer than cacheWord bytes are not cached.
type wordCache [cacheSize]cachedWord

const (
	cacheSize = 4096 // a power of two
	cacheWord = 15
)

type cachedWord struct {
	n    uint8 // the word's length; 0: empty
	word [cacheWord]byte
	e    int32
	sr   sufRows
}

// fnv1a is the FNV-1a hash of w, the cache's index function.
func fnv1a(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
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
	t.start1, t.start2 = t.prev("-START-"), t.prev("-START2-")
	t.pool.New = func() any {
		return &scratch{scores: make([]float32, len(m.classes)), key: make([]byte, 0, 64)}
	}
	return t, nil
}

// prev is a previous tag: its name and its number in the model's tag
// table, or -1 for a name no feature uses.
type prev struct {
	name string
	id   int32
}

// TagTokens sets the Tag of every token from its Text, treating tokens as one
// sentence, exactly as prose's (*tag.Tagger).TagTokens does.
func (t *Tagger) TagTokens(tokens []token.Token) {
	if len(tokens) == 0 {
		return
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)

	// The context words (normalized tokens between two start and two end
	// symbols) are only looked up, so they are built in one reused buffer
	// and never become strings.
	s.words, s.sufs = s.words[:0], s.sufs[:0]
	if s.cache == nil {
		s.cache = new(wordCache)
	}
	look := func(w []byte) {
		var c *cachedWord
		if len(w) > 0 && len(w) <= cacheWord {
			c = &s.cache[fnv1a(w)&(cacheSize-1)]
			if int(c.n) == len(w) && string(c.word[:c.n]) == string(w) {
				s.words, s.sufs = append(s.words, c.e), append(s.sufs, c.sr)
				return
			}
		}
		e, ok := t.m.words[string(w)]
		if !ok {
			e = -1
		}
		sr, ok := t.m.sufs[string(suffix(w, 3))]
		if !ok {
			sr = noSuf
		}
		s.words, s.sufs = append(s.words, e), append(s.sufs, sr)
		if c != nil {
			c.n, c.e, c.sr = uint8(copy(c.word[:], w)), e, sr
		}
	}
	look(append(s.key[:0], "-START-"...))
	look(append(s.key[:0], "-START2-"...))
	for i := range tokens {
		s.key = appendNormal(s.key[:0], tokens[i].Text)
		look(s.key)
	}
	look(append(s.key[:0], "-END-"...))
	look(append(s.key[:0], "-END2-"...))

	p1, p2 := t.start1, t.start2
	for i := range tokens {
		tag := t.tagOne(s, i, tokens[i].Text, p1, p2)
		tokens[i].Tag = tag.name
		p2, p1 = p1, tag
	}
}

func (t *Tagger) prev(name string) prev {
	if id, ok := t.m.tagID[name]; ok {
		return prev{name, id}
	}
	return prev{name, -1}
}

// Penn Treebank traces and bracket literals pass through unscored.
var (
	noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

func (t *Tagger) tagOne(s *scratch, i int, word string, p1, p2 prev) prev {
	// The regular expressions only match words starting with '0' or '*'
	// (noneRe) or '-' (keepRe); testing the first byte first spares the
	// regexp engine on every other word.
	switch {
	case word == "-":
		return t.prev("-")
	case tokenize.IsEmoticon(word):
		return t.prev("SYM")
	case strings.HasPrefix(word, "@"):
		return t.prev("NN")
	case word != "" && (word[0] == '0' || word[0] == '*') && noneRe.MatchString(word):
		return t.prev("-NONE-")
	case word != "" && word[0] == '-' && keepRe.MatchString(word):
		return t.prev(word)
	}
	if id, ok := t.m.tagMap[word]; ok {
		return prev{t.m.classes[id], t.m.classTag[id]}
	}
	return t.predict(s, i, word, p1, p2)
}

// predict scores the 14 features of prose's templates, in prose's order.
func (t *Tagger) predict(s *scratch, i int, word string, p1, p2 prev) prev {
	clear(s.scores)
	i = min(len(s.words)-3, i+2)
	m, sc := t.m, s.scores
	// Same features in the same order as prose, so the float32 sums and
	// hence the tags are identical; they are found through per-word,
	// per-suffix and per-tag tables instead of a string key each.
	sr, ok := m.sufs[suffix(word, 3)]
	if !ok {
		sr = noSuf
	}
	pref := int32(-1)
	if word != "" { // "i pref1 " + the first byte, as prose (not the first rune)
		pref = m.pref1[word[0]]
	}
	r1, r2 := noTag, noTag
	if p1.id >= 0 {
		r1 = m.tagRows[p1.id]
	}
	if p2.id >= 0 {
		r2 = m.tagRows[p2.id]
	}
	// A tag with no number occurs in no feature, so neither template
	// below can match it.
	pair := int32(-1)
	if p1.id >= 0 && p2.id >= 0 {
		pair = m.pair[int(p1.id)*len(m.tagNames)+int(p2.id)]
	}
	rows := [...]int32{
		m.bias, sr[0], pref, r1[0], r2[1], pair,
		m.row(s.words[i], 0), m.tagWordFeat(s.words[i], p1.id),
		m.row(s.words[i-1], 1), s.sufs[i-1][1],
		m.row(s.words[i-2], 2),
		m.row(s.words[i+1], 3), s.sufs[i+1][2],
		m.row(s.words[i+2], 4),
	}
	s.touch += m.touch(rows[:])
	for k, r := range rows {
		if k == 2 && word == "" {
			t.feat(s, "i pref1 ", "", "", "")
			continue
		}
		m.add(r, sc)
	}
	c := m.best(s.scores)
	if c < 0 {
		return prev{"", -1}
	}
	return prev{m.classes[c], m.classTag[c]}
}

func (t *Tagger) feat(s *scratch, a, b, c, d string) {
	k := append(s.key[:0], a...)
	k = append(k, b...)
	k = append(k, c...)
	k = append(k, d...)
	s.key = k
	t.m.accumulate(k, s.scores)
}

// suffix returns the last n bytes of w, or w.
func suffix[S string | []byte](w S, n int) S {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// appendNormal appends word in the form the model was trained against.
func appendNormal(dst []byte, word string) []byte {
	if word == "" {
		return dst
	}
	first := word[0]
	if first != '-' && strings.IndexByte(word, '-') >= 0 {
		return append(dst, "!HYPHEN"...)
	}
	if len(word) == 4 && isDecimalInt(word) {
		return append(dst, "!YEAR"...)
	}
	if first >= '0' && first <= '9' {
		return append(dst, "!DIGITS"...)
	}
	return appendLower(dst, word)
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

// appendLower appends strings.ToLower(s) without making a string.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			// strings.ToLower is strings.Map(unicode.ToLower, s) here:
			// invalid bytes become U+FFFD.
			for _, r := range s[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
