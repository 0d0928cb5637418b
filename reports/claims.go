package reports

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/framewatch/framewatch/pipeline"
)

// claim is one figure (value and counted thing, matched leniently) with
// every outlet citing it.
type claim struct {
	ID               string
	Value, Low, High float64
	Unit, Counted    string
	Outlets          []string
	ClaimedBy        []string
	Mentions         int
	Conflict         bool
	// News is the claim's newsworthiness and Why its reasons (see
	// minNews).
	News   int
	Why    []string
	lo, hi float64 // the interval the figure allows, for conflicts
	// when lists the time references (months) the claim is cited with,
	// and by which outlet (only for claims with a counted thing).
	when []monthOutlet
}

// monthOutlet is one time reference of a claim and an outlet citing it
// with it.
type monthOutlet struct{ month, outlet string }

// determiners are dropped from the front of a counted noun phrase.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "some": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "your": true, "my": true,
	"another": true, "such": true, "of": false,
}

// normalizeCounted makes a counted noun phrase comparable across outlets:
// lowercase, punctuation trimmed, leading determiners dropped and every word
// singularised ("The artillery shells" = "artillery shell").
func normalizeCounted(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '-' && r != '\'')
	})
	for len(words) > 0 && determiners[words[0]] {
		words = words[1:]
	}
	for i, w := range words {
		words[i] = singular(w)
	}
	return strings.Join(words, " ")
}

// singular strips a regular English plural ending.
func singular(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// roundSig rounds x to 6 significant digits, so that 4.8e6 written as
// "4.8 million" and "4,800,000" match.
func roundSig(x float64) float64 {
	if x == 0 || !finite(x) {
		return x
	}
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 6, 64), 64)
	if err != nil {
		return x
	}
	return v
}

// interval is the range of values a figure allows: its range, or
// unbounded above for "at least" and below for "up to".
func interval(f figureKey) (lo, hi float64) {
	lo, hi = f.value, f.value
	if f.low != 0 || f.high != 0 {
		lo, hi = min(f.low, f.value), max(f.high, f.value)
	}
	switch f.bound {
	case pipeline.BoundMin:
		hi = math.Inf(1)
	case pipeline.BoundMax:
		lo = math.Inf(-1)
	}
	return lo, hi
}

// groupClaims groups figures by normalised counted thing, unit and value,
// scores their newsworthiness and flags conflicts: two newsworthy claims
// about the same (non-empty) counted thing and unit with a shared time reference
// (month), cited by at least two outlets between them, whose values
// cannot both be right (their intervals lie more than conflictGap
// apart). Generic counts never conflict. Claims are numbered by
// newsworthiness, then how many outlets cite them, mentions, counted
// thing, unit and value.
//
// It takes O(n log n) time in the number of figures: conflicts are decided
// within each (counted, unit) group by binary search over the claims
// sorted by interval bounds (see markConflicts).
func groupClaims(figs iter.Seq[figureKey]) []claim {
	type key struct {
		counted, unit    string
		value, low, high float64
	}
	// The figure strings are interned, so normalising each distinct one
	// once saves most of the work on a large corpus.
	counted, units := map[string]string{}, map[string]string{}
	rounded := map[float64]float64{}
	norm := func(m map[string]string, s string, f func(string) string) string {
		v, ok := m[s]
		if !ok {
			v = f(s)
			m[s] = v
		}
		return v
	}
	round := func(x float64) float64 {
		v, ok := rounded[x]
		if !ok {
			v = roundSig(x)
			rounded[x] = v
		}
		return v
	}
	lowerTrim := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	idx := map[key]int{}
	var cs []claim
	for f := range figs {
		k := key{norm(counted, f.counted, normalizeCounted), norm(units, f.unit, lowerTrim), round(f.value), round(f.low), round(f.high)}
		i, ok := idx[k]
		if !ok {
			i = len(cs)
			idx[k] = i
			lo, hi := interval(f)
			cs = append(cs, claim{Value: k.value, Low: k.low, High: k.high, Unit: k.unit, Counted: k.counted, lo: lo, hi: hi})
		}
		c := &cs[i]
		c.Mentions++
		// Duplicates are removed below; skipping a repeat of the last one
		// keeps the lists short.
		if n := len(c.Outlets); n == 0 || c.Outlets[n-1] != f.outlet {
			c.Outlets = append(c.Outlets, f.outlet)
		}
		if n := len(c.ClaimedBy); f.claimedBy != "" && (n == 0 || c.ClaimedBy[n-1] != f.claimedBy) {
			c.ClaimedBy = append(c.ClaimedBy, f.claimedBy)
		}
		if mo := (monthOutlet{f.when, f.outlet}); f.when != "" && k.counted != "" && (len(c.when) == 0 || c.when[len(c.when)-1] != mo) {
			c.when = append(c.when, mo)
		}
	}
	clear(idx)
	// Conflicts are decided among the claims about one counted thing and
	// unit with one time reference: a view per (counted, unit, month)
	// holds each claim with the outlets citing it for that month.
	type view struct {
		claims []claim
		of     []int // the claim each view claim stands for
	}
	groups := map[[3]string]*view{}
	for i := range cs {
		c := &cs[i]
		slices.Sort(c.Outlets)
		c.Outlets = slices.Clip(slices.Compact(c.Outlets))
		slices.Sort(c.ClaimedBy)
		c.ClaimedBy = slices.Clip(slices.Compact(c.ClaimedBy))
		c.score()
		if !c.newsworthy() || c.Counted == "" {
			// Without a counted thing two values may count anything.
			continue
		}
		slices.SortFunc(c.when, func(a, b monthOutlet) int { return cmpStrings(a.month, b.month, a.outlet, b.outlet) })
		c.when = slices.Compact(c.when)
		for start := 0; start < len(c.when); {
			end := start + 1
			for end < len(c.when) && c.when[end].month == c.when[start].month {
				end++
			}
			g := [3]string{c.Counted, c.Unit, c.when[start].month}
			v := groups[g]
			if v == nil {
				v = &view{}
				groups[g] = v
			}
			os := make([]string, 0, end-start)
			for _, mo := range c.when[start:end] {
				os = append(os, mo.outlet)
			}
			v.claims = append(v.claims, claim{Outlets: os, lo: c.lo, hi: c.hi})
			v.of = append(v.of, i)
			start = end
		}
	}
	for _, v := range groups {
		all := make([]int, len(v.claims))
		for k := range all {
			all[k] = k
		}
		markConflicts(v.claims, all)
		for k, vc := range v.claims {
			if vc.Conflict {
				cs[v.of[k]].Conflict = true
			}
		}
	}
	slices.SortFunc(cs, func(a, b claim) int {
		if a.News != b.News {
			return b.News - a.News
		}
		if len(a.Outlets) != len(b.Outlets) {
			return len(b.Outlets) - len(a.Outlets)
		}
		if a.Mentions != b.Mentions {
			return b.Mentions - a.Mentions
		}
		if c := cmpStrings(a.Counted, b.Counted, a.Unit, b.Unit); c != 0 {
			return c
		}
		for _, p := range [][2]float64{{a.Value, b.Value}, {a.Low, b.Low}, {a.High, b.High}} {
			if p[0] != p[1] {
				if p[0] < p[1] {
					return -1
				}
				return 1
			}
		}
		return 0
	})
	width := len(strconv.Itoa(len(cs)))
	for i := range cs {
		cs[i].ID = fmt.Sprintf("C%0*d", max(3, width), i+1)
	}
	return cs
}

// outletSet summarises a set of claims for conflict checks: whether one
// of them is cited by two or more outlets, and up to two distinct outlets
// among the claims cited by exactly one.
type outletSet struct {
	multi  bool
	single [2]string
}

func (s outletSet) add(c *claim) outletSet {
	switch {
	case len(c.Outlets) >= 2:
		s.multi = true
	case len(c.Outlets) == 1:
		o := c.Outlets[0]
		if s.single[0] == "" {
			s.single[0] = o
		} else if s.single[1] == "" && o != s.single[0] {
			s.single[1] = o
		}
	}
	return s
}

// conflictsWith reports whether some claim of s, together with c, is
// cited by at least two outlets: always unless every claim of s and c are
// cited by one and the same outlet.
func (s outletSet) conflictsWith(c *claim) bool {
	if s.multi || s.single[1] != "" || len(c.Outlets) >= 2 {
		return s.multi || s.single[0] != ""
	}
	if s.single[0] == "" {
		return false
	}
	return len(c.Outlets) == 1 && s.single[0] != c.Outlets[0]
}

// markConflicts sets Conflict on every claim of group (indices into cs,
// all about one counted thing and unit) that some other claim of the group
// contradicts: their intervals do not overlap and at least two outlets
// cite them between them. The claims entirely above c are a suffix of the
// group sorted by lower bound, those entirely below a prefix of it sorted
// by upper bound, so each claim takes two binary searches.
func markConflicts(cs []claim, group []int) {
	if len(group) < 2 {
		return
	}
	byLo := slices.Clone(group)
	slices.SortFunc(byLo, func(i, j int) int { return cmp.Compare(cs[i].lo, cs[j].lo) })
	byHi := slices.Clone(group)
	slices.SortFunc(byHi, func(i, j int) int { return cmp.Compare(cs[i].hi, cs[j].hi) })
	// above[k] summarises byLo[k:], below[k] byHi[:k].
	above := make([]outletSet, len(byLo)+1)
	for k := len(byLo) - 1; k >= 0; k-- {
		above[k] = above[k+1].add(&cs[byLo[k]])
	}
	below := make([]outletSet, len(byHi)+1)
	for k, i := range byHi {
		below[k+1] = below[k].add(&cs[i])
	}
	for _, i := range group {
		c := &cs[i]
		// First claim whose lower bound lies substantially above c.hi.
		a, _ := slices.BinarySearchFunc(byLo, c.hi, func(j int, x float64) int {
			if apart(x, cs[j].lo) {
				return 1
			}
			return -1
		})
		// Number of claims whose upper bound lies substantially below c.lo.
		b, _ := slices.BinarySearchFunc(byHi, c.lo, func(j int, x float64) int {
			if apart(cs[j].hi, x) {
				return -1
			}
			return 1
		})
		if above[a].conflictsWith(c) || below[b].conflictsWith(c) {
			c.Conflict = true
		}
	}
}

// conflictGap is how far apart, as a share of the larger magnitude, two
// values must lie to conflict: 10,000 and 11,000 troops are one estimate
// rounded two ways, 1 million and 4.8 million shells are not.
const conflictGap = 0.2

// apart reports whether hi lies substantially below lo: lo - hi exceeds
// conflictGap times the larger of |hi| and |lo|. For a fixed hi it is
// monotone in lo, and for a fixed lo in hi, which markConflicts's binary
// searches need.
func apart(hi, lo float64) bool {
	if math.IsInf(hi, 1) || math.IsInf(lo, -1) {
		return false // "at least" and "up to" are open-ended
	}
	return lo-hi > conflictGap*max(math.Abs(hi), math.Abs(lo))
}

// claimLabel is a short readable name of a claim for charts: "4.8
// million artillery shell", "35.3%", "2 hour".
func claimLabel(c claim) string {
	s := formatValue(c.Value)
	switch {
	case c.Unit == "%":
		s += "%"
	case isMoney(c.Unit):
		s += " " + strings.ToUpper(c.Unit)
	case c.Unit != "":
		s += " " + c.Unit
	}
	if c.Counted != "" {
		s += " " + c.Counted
	}
	return s
}

// formatValue writes x with at most three decimals, and whole millions
// and billions in words.
func formatValue(x float64) string {
	for _, sc := range []struct {
		v    float64
		name string
	}{{1e9, " billion"}, {1e6, " million"}} {
		if math.Abs(x) >= sc.v && math.Mod(x, sc.v/10) == 0 {
			return strconv.FormatFloat(x/sc.v, 'f', -1, 64) + sc.name
		}
	}
	return strconv.FormatFloat(math.Round(x*1000)/1000, 'f', -1, 64)
}
