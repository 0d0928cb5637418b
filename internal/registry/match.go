package registry

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Fold is the form under which names that differ only in case, spacing,
// punctuation or a leading "the" compare equal: Key without spaces and
// without a leading "the" ("The Huffington Post", "thehuffingtonpost"
// and "Huffington-Post" all fold to "huffingtonpost"). A web address
// folds to its site name ("https://www.dailyplanet.com/x" and "Daily
// Planet" to "dailyplanet"). It is how metadata slugs are matched and how
// names the registry does not know are grouped.
func Fold(s string) string {
	if site := siteName(s); site != "" {
		return foldKey(site)
	}
	return foldKey(Key(s))
}

func foldKey(k string) string {
	k = strings.ReplaceAll(k, " ", "")
	if rest, ok := strings.CutPrefix(k, "the"); ok && len(rest) >= 3 {
		return rest
	}
	return k
}

// buildSlugs indexes the folded form of every name and alias, then the
// site name of every single-label web domain ("nytimes.com" → "nytimes",
// "bbc.co.uk" → "bbc"). Configured outlets' names claim a slug first,
// then shipped names, then domains; two outlets of one tier that share a
// slug make it ambiguous, and it finds neither.
func (r *Registry) buildSlugs(configured int) {
	r.slugs = make(map[string]int)
	claim := func(tier map[string]int, s string, i int) {
		if len(s) < 3 {
			return // "fr", "jp": too short to be told apart
		}
		if _, taken := r.slugs[s]; taken {
			return // an earlier tier has it
		}
		if j, ok := tier[s]; ok && j != i {
			tier[s] = ambiguous
			return
		}
		tier[s] = i
	}
	merge := func(tier map[string]int) {
		for s, i := range tier {
			r.slugs[s] = i
		}
	}
	names := func(from, to int) {
		tier := map[string]int{}
		for i := from; i < to; i++ {
			o := r.outlets[i]
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				f := foldKey(Key(n)) // "nytimes.com" as "nytimescom": sites come last
				claim(tier, f, i)
				r.folds = append(r.folds, fold{f, utf8.RuneCountInString(f), i})
			}
		}
		merge(tier)
	}
	names(0, configured)
	names(configured, len(r.outlets))
	tier := map[string]int{}
	for i, o := range r.outlets {
		for _, n := range o.Aliases {
			if site := siteName(n); site != "" {
				f := foldKey(site)
				claim(tier, f, i)
				r.folds = append(r.folds, fold{f, utf8.RuneCountInString(f), i})
			}
		}
	}
	merge(tier)
	// Closest reports each outlet once, at its nearest fold; duplicates
	// of one fold are dropped here.
	slices.SortFunc(r.folds, func(a, b fold) int {
		if c := strings.Compare(a.s, b.s); c != 0 {
			return c
		}
		return a.outlet - b.outlet
	})
	r.folds = slices.CompactFunc(r.folds, func(a, b fold) bool { return a == b })
}

// secondLevel are the labels under which countries register names
// ("co.uk", "com.au", "or.jp").
var secondLevel = map[string]bool{"co": true, "com": true, "org": true, "net": true, "gov": true, "ac": true, "or": true, "ne": true, "go": true}

// siteName returns the name a web address registers ("www.nytimes.com"
// → "nytimes", "bbc.co.uk" → "bbc"), or "" when s is not a web address or
// its host has more than one label before the public suffix
// ("news.sky.com", whose "news" says nothing).
func siteName(s string) string {
	host := Host(s)
	if host == "" {
		return ""
	}
	labels := strings.Split(host, ".")
	labels = labels[:len(labels)-1]
	if len(labels) > 1 && secondLevel[labels[len(labels)-1]] {
		labels = labels[:len(labels)-1]
	}
	if len(labels) != 1 {
		return ""
	}
	return labels[0]
}

// Host returns the lower-case host of a web address without "www." and
// port ("https://www.theguardian.com/world/x" → "theguardian.com",
// "theguardian.com" → "theguardian.com"), or "" when s does not read as
// one: a host needs a dot, no spaces and a top-level domain of letters.
// A Wayback Machine address gives the host of the page it archived.
func Host(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\n") || !strings.Contains(s, ".") {
		return ""
	}
	low := strings.ToLower(s)
	if i := strings.Index(low, "://"); i >= 0 {
		low = low[i+3:]
	} else {
		low = strings.TrimPrefix(low, "//")
	}
	host := low
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	host = strings.TrimSuffix(host, ".")
	if host == "web.archive.org" {
		// web.archive.org/web/20200101000000/https://www.nytimes.com/...
		rest := low[len("web.archive.org"):]
		if i := strings.Index(rest, "http"); i >= 0 {
			return Host(rest[i:])
		}
	}
	host = strings.TrimPrefix(host, "www.")
	i := strings.LastIndexByte(host, '.')
	if i <= 0 || len(host)-i-1 < 2 {
		return "" // "3.5", "u.s": no top-level domain
	}
	for _, c := range host[i+1:] {
		if !unicode.IsLetter(c) {
			return ""
		}
	}
	for _, c := range host {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '-' && c != '.' {
			return ""
		}
	}
	return host
}

// Match finds the outlet a metadata field names, in any of the forms
// collectors write: a name or alias as Lookup finds it ("the guardian",
// "NYT"); a web address or host ("https://www.theguardian.com/world/x",
// "www.theguardian.com", "edition.cnn.com": the host, then its shorter
// domains); or a slug, the name without spaces or punctuation
// ("thehuffingtonpost", "foxnews", "DailyCaller"), including a domain's
// site name ("nytimes"). Renamed outlets keep their old names as aliases,
// so "The Huffington Post" finds HuffPost. Two outlets that share a slug
// are never merged: the slug finds neither.
func (r *Registry) Match(s string) (Outlet, bool) {
	s = strings.Trim(strings.TrimSpace(s), ".,;")
	k := Key(s)
	if k == "" {
		return Outlet{}, false
	}
	if i, ok := r.lookupKey(k); ok {
		return r.outlets[i], true
	}
	if host := Host(s); host != "" {
		for h := host; strings.Contains(h, "."); h = h[strings.IndexByte(h, '.')+1:] {
			if i, ok := r.lookupKey(Key(h)); ok {
				return r.outlets[i], true
			}
		}
		if site := siteName(host); site != "" {
			if i, ok := r.slugs[foldKey(site)]; ok && i != ambiguous {
				return r.outlets[i], true
			}
		}
		return Outlet{}, false
	}
	if i, ok := r.slugs[foldKey(k)]; ok && i != ambiguous {
		return r.outlets[i], true
	}
	return Outlet{}, false
}

// Closest returns up to n canonical names of the outlets whose names,
// aliases or site names are nearest to name by edit distance over their
// folded forms (see Fold), nearest first (ties by name), with their
// distances. An outlet counts when its distance is at most a third of
// the longer name (at least 2), or when one folded name contains the
// other and the shorter has four letters or more ("drudge" and "Drudge
// Report"). It is meant for the few names a run could not match, not for
// every document.
func (r *Registry) Closest(name string, n int) (names []string, dist []int) {
	f := Fold(name)
	fn := utf8.RuneCountInString(f)
	if fn == 0 || n <= 0 {
		return nil, nil
	}
	best := map[int]int{} // outlet -> distance
	for _, c := range r.folds {
		limit := max(2, max(fn, c.n)/3)
		contains := min(fn, c.n) >= 4 && (strings.Contains(c.s, f) || strings.Contains(f, c.s))
		if !contains && (fn-c.n > limit || c.n-fn > limit) {
			continue
		}
		d := levenshtein.ComputeDistance(f, c.s)
		if d > limit && !contains {
			continue
		}
		if old, ok := best[c.outlet]; !ok || d < old {
			best[c.outlet] = d
		}
	}
	type cand struct {
		name string
		d    int
	}
	cs := make([]cand, 0, len(best))
	for i, d := range best {
		cs = append(cs, cand{r.outlets[i].Name, d})
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.name, b.name)
	})
	for _, c := range cs[:min(n, len(cs))] {
		names, dist = append(names, c.name), append(dist, c.d)
	}
	return names, dist
}
