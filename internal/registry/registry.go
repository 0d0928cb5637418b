package registry

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/framewatch/framewatch/pipeline"
	"golang.org/x/text/unicode/norm"
)

//go:embed outlets.json
var defaultData []byte

// Outlet is one registered outlet.
type Outlet struct {
	Name    string   // canonical name
	Aliases []string // other names, as written
	Country string   // ISO 3166-1 alpha-2, or ""
	Kind    string   // wire, newspaper, broadcaster, state-media, review, ...
}

// Registry maps outlet names and aliases to outlets.
type Registry struct {
	outlets []Outlet
	index   map[string]int // normalised name or alias -> position in outlets
	// slugs maps the folded form (see Fold) of every name, alias and
	// web domain to its outlet, or to ambiguous when two outlets share
	// it; folds lists them all for Closest.
	slugs map[string]int
	folds []fold
}

// fold is one folded name of an outlet, for Closest.
type fold struct {
	s      string
	n      int // length in runes
	outlet int
}

// ambiguous marks a slug two outlets share: it finds neither.
const ambiguous = -1

var (
	defaultOnce sync.Once
	defaultReg  *Registry
)

// Default returns the shipped registry. It is built once and shared.
func Default() *Registry {
	defaultOnce.Do(func() { defaultReg = New(nil) })
	return defaultReg
}

// Entries returns the shipped registry's entries, in file order.
func Entries() []pipeline.OutletEntry {
	var es []pipeline.OutletEntry
	if err := json.Unmarshal(defaultData, &es); err != nil {
		panic(fmt.Sprintf("registry: embedded outlets.json: %v", err)) // checked by tests
	}
	return es
}

// New returns the shipped registry extended with extra entries. An extra
// entry whose name or an alias matches a shipped outlet replaces that
// outlet's canonical name and country (when given) and adds its aliases;
// otherwise it is a new outlet. Extra entries win over shipped ones when an
// alias is ambiguous.
func New(extra []pipeline.OutletEntry) *Registry {
	r := &Registry{index: make(map[string]int)}
	for _, e := range extra {
		r.add(e, true)
	}
	configured := len(r.outlets)
	for _, e := range Entries() {
		r.add(e, false)
	}
	r.buildSlugs(configured)
	return r
}

func (r *Registry) add(e pipeline.OutletEntry, override bool) {
	name := strings.TrimSpace(e.Name)
	if name == "" {
		return
	}
	keys := make([]string, 0, 1+len(e.Aliases))
	for _, s := range append([]string{name}, e.Aliases...) {
		if k := Key(s); k != "" {
			keys = append(keys, k)
		}
	}
	// A shipped entry that matches an earlier (configured) one merges into
	// it rather than becoming a second outlet.
	for _, k := range keys {
		if i, ok := r.index[k]; ok {
			o := &r.outlets[i]
			if !override && o.Country == "" {
				o.Country = e.Country
			}
			if o.Kind == "" {
				o.Kind = e.Kind
			}
			for _, s := range append([]string{name}, e.Aliases...) {
				if s != o.Name && !contains(o.Aliases, s) {
					o.Aliases = append(o.Aliases, s)
				}
			}
			for _, k := range keys {
				if _, taken := r.index[k]; !taken {
					r.index[k] = i
				}
			}
			return
		}
	}
	i := len(r.outlets)
	r.outlets = append(r.outlets, Outlet{
		Name:    name,
		Aliases: append([]string(nil), e.Aliases...),
		Country: strings.ToUpper(strings.TrimSpace(e.Country)),
		Kind:    e.Kind,
	})
	for _, k := range keys {
		if _, taken := r.index[k]; !taken {
			r.index[k] = i
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Lookup finds the outlet called name (its canonical name or an alias),
// ignoring case, diacritics, punctuation, spacing and a leading article.
func (r *Registry) Lookup(name string) (Outlet, bool) {
	if i, ok := r.lookupKey(Key(name)); ok {
		return r.outlets[i], true
	}
	return Outlet{}, false
}

// lookupKey finds the outlet whose name or alias has key k, with or
// without a leading "the".
func (r *Registry) lookupKey(k string) (int, bool) {
	if k == "" {
		return 0, false
	}
	if i, ok := r.index[k]; ok {
		return i, true
	}
	if s, ok := strings.CutPrefix(k, "the "); ok {
		if i, ok := r.index[s]; ok {
			return i, true
		}
	} else if i, ok := r.index["the "+k]; ok {
		return i, true
	}
	return 0, false
}

// Outlets returns every outlet in registry order (configured entries first,
// then the shipped file's order). The slice is a copy.
func (r *Registry) Outlets() []Outlet {
	out := make([]Outlet, len(r.outlets))
	copy(out, r.outlets)
	return out
}

// Len is the number of outlets.
func (r *Registry) Len() int { return len(r.outlets) }

// Key is the normalised form under which names are compared: lower case,
// diacritics removed, "&" as "and", hyphens, slashes, dots between words and
// other separators as single spaces, other punctuation dropped.
func Key(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, c := range s {
		switch {
		case unicode.Is(unicode.Mn, c):
			continue
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(c))
		case c == '&':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("and")
			space = true
		case unicode.IsSpace(c) || c == '-' || c == '–' || c == '—' || c == '_' || c == '/' || c == '·' || c == ':':
			space = true
		default:
			// Apostrophes, dots, pipes, asterisks, brackets: dropped, so
			// "euro|topics" = "eurotopics" and "F.A.Z." = "FAZ".
		}
	}
	return b.String()
}
