package ner

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed gazetteer/*.txt
var gazFS embed.FS

//go:embed clusters.txt
var clustersTxt string

// nGrains is the number of clusterings in clusters.txt (coarse to fine).
const nGrains = 3

// wordClasses maps a word to its class in each clustering of clusters.txt,
// plus one (zero: the word has no class), read once.
var wordClasses = sync.OnceValue(func() map[string][nGrains]uint16 {
	m := map[string][nGrains]uint16{}
	for line := range strings.SplitSeq(clustersTxt, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != nGrains+1 {
			continue
		}
		var cs [nGrains]uint16
		for g, c := range f[1:] {
			n := 0
			for _, d := range c {
				n = n*10 + int(d-'0')
			}
			cs[g] = uint16(n + 1)
		}
		m[f[0]] = cs
	}
	return m
})

// Gazetteer list names.
const (
	ListCountries  = "countries"
	ListCities     = "cities"
	ListRegions    = "regions"
	ListDemonyms   = "demonyms"
	ListOrgs       = "orgs"
	ListOutlets    = "outlets"
	ListFirstNames = "firstnames"
	ListTitles     = "titles"
)

// The ext- lists are generated from Debian's WordNet and iso-codes
// packages (internal/tools/gazetteer, make gazetteer); they are model
// features only, larger and noisier than the curated lists the entities
// stage types names with.
const (
	ListExtPersons   = "ext-persons"
	ListExtPlaces    = "ext-places"
	ListExtOrgs      = "ext-orgs"
	ListExtMisc      = "ext-misc"
	ListExtRegions   = "ext-regions"
	ListExtLanguages = "ext-languages"
)

// gazLists are the lists the model's gazetteer features mark, in bit order:
// append, never reorder (the order is part of the model).
var gazLists = []string{ListCountries, ListCities, ListRegions, ListDemonyms, ListOrgs, ListOutlets, ListFirstNames, ListTitles,
	ListExtPersons, ListExtPlaces, ListExtOrgs, ListExtMisc, ListExtRegions, ListExtLanguages}

// Entry is one gazetteer line: a name and its optional second column (the
// canonical name or the country it belongs to).
type Entry struct {
	Name  string
	Value string
}

// List returns the entries of the named shipped gazetteer, in file order.
func List(name string) []Entry {
	b, err := gazFS.ReadFile("gazetteer/" + name + ".txt")
	if err != nil {
		return nil
	}
	var out []Entry
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		name, value, _ := strings.Cut(line, "\t")
		out = append(out, Entry{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	return out
}

// gazetteer maps a lowercased, space-joined token sequence to a bit set of
// the lists it appears in.
type gazetteer struct {
	names map[string]uint16
	// look answers mark's question about a key in one lookup: the list
	// bits of the name (low 16 bits), isName when it is a name and
	// isPrefix when it is a proper word prefix of a multi-word name.
	look   map[string]uint32
	maxLen int
}

const (
	isName   uint32 = 1 << 16
	isPrefix uint32 = 1 << 17
)

// addName adds bits to the name key.
func (g *gazetteer) addName(key string, bits uint16) {
	if g.look == nil {
		g.look = make(map[string]uint32)
	}
	g.names[key] |= bits
	g.look[key] |= uint32(bits) | isName
}

// addPrefixes records the word prefixes of key, so that matching stops as
// soon as no name can continue.
func (g *gazetteer) addPrefixes(key string) {
	if g.look == nil {
		g.look = make(map[string]uint32)
	}
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			g.look[key[:i]] |= isPrefix
		}
	}
}

var shippedGaz = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{names: make(map[string]uint16)}
	for i, l := range gazLists {
		if l == ListTitles {
			continue
		}
		for _, e := range List(l) {
			g.add(e.Name, uint16(1)<<i)
		}
	}
	return g
})

// newDict builds a dictionary of the entity strings in docs' gold labels,
// one bit per type, from the documents for which use returns true.
func newDict(docs [][]Sentence, use func(int) bool) *gazetteer {
	g := &gazetteer{names: make(map[string]uint16)}
	var spans []Span
	for di, doc := range docs {
		if !use(di) {
			continue
		}
		for _, s := range doc {
			spans = Spans(s.Gold, spans[:0])
			for _, sp := range spans {
				g.addWords(s.Words[sp.Start:sp.End], uint16(1)<<sp.Type)
			}
		}
	}
	return g
}

func (g *gazetteer) addWords(words []string, bit uint16) {
	var buf []byte
	for i, w := range words {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = appendLower(buf, w)
	}
	g.addName(string(buf), bit)
	g.addPrefixes(string(buf))
	g.maxLen = max(g.maxLen, len(words))
}

func (g *gazetteer) add(name string, bit uint16) {
	words := splitName(name)
	if len(words) == 0 {
		return
	}
	key := strings.ToLower(strings.Join(words, " "))
	g.addName(key, bit)
	g.addPrefixes(key)
	if len(words) > g.maxLen {
		g.maxLen = len(words)
	}
}

// splitName splits a gazetteer name roughly as the tokenizer would:
// on spaces, with a possessive "'s" apart.
func splitName(name string) []string {
	var out []string
	for _, f := range strings.Fields(name) {
		if strings.HasSuffix(f, "'s") && len(f) > 2 {
			out = append(out, f[:len(f)-2], "'s")
			continue
		}
		out = append(out, f)
	}
	return out
}

func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += size
	}
	return buf
}

// joint looks up the shipped gazetteer and the training dictionary in one
// walk over a sentence: each key's value holds the gazetteer's list bits
// (bits 0-15), the dictionary's type bits (16-23) and whether the key is a
// name or a word prefix of one in either.
type joint struct {
	look   map[string]uint32
	maxLen int
}

const (
	jointName   uint32 = 1 << 30
	jointPrefix uint32 = 1 << 31
)

// newJoint merges g and dict (either may be nil).
func newJoint(g, dict *gazetteer) *joint {
	j := &joint{look: map[string]uint32{}}
	for shift, x := range []*gazetteer{g, dict} {
		if x == nil {
			continue
		}
		j.maxLen = max(j.maxLen, x.maxLen)
		for k, v := range x.look {
			w := j.look[k]
			if v&isName != 0 {
				w |= jointName | uint32(uint16(v))<<(16*shift)
			}
			if v&isPrefix != 0 {
				w |= jointPrefix
			}
			j.look[k] = w
		}
	}
	return j
}

// mark sets, for every token, two bits per list in gaz (and per type in
// dict): B (2*i) when a name from list i starts at the token and I
// (2*i+1) when it continues there. Names must start with an upper-case
// letter or digit.
func (j *joint) mark(words []string, gaz, dict []uint32, buf []byte) []byte {
	clear(gaz)
	clear(dict)
	for i := range words {
		r, _ := utf8.DecodeRuneInString(words[i])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		buf = buf[:0]
		for n := 1; n <= j.maxLen && i+n <= len(words); n++ {
			if n > 1 {
				buf = append(buf, ' ')
			}
			buf = appendLower(buf, words[i+n-1])
			v := j.look[string(buf)]
			if v&jointName == 0 {
				if v&jointPrefix == 0 {
					break
				}
				continue
			}
			markBits(gaz, i, n, uint16(v))
			markBits(dict, i, n, uint16(v>>16)&0xff)
			if v&jointPrefix == 0 {
				break
			}
		}
	}
	return buf
}

// markBits sets the B and I bits of every list in bits for a name of n
// words at i.
func markBits(out []uint32, i, n int, bits uint16) {
	for l := 0; bits != 0; l++ {
		if bits&1 != 0 {
			out[i] |= 1 << (2 * l)
			for k := i + 1; k < i+n; k++ {
				out[k] |= 1 << (2*l + 1)
			}
		}
		bits >>= 1
	}
}
