package reports

import (
	"fmt"
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
	lo, hi           float64 // the interval the figure allows, for conflicts
}

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
// and flags conflicts: two claims about the same counted thing and unit,
// cited by at least two outlets between them, whose values cannot both be
// right (their intervals do not overlap). Figures without a counted thing
// are grouped but never conflict. Claims are numbered by how many outlets
// cite them, then mentions, counted thing, unit and value.
func groupClaims(figs []figureKey) []claim {
	type key struct {
		counted, unit    string
		value, low, high float64
	}
	idx := map[key]int{}
	var cs []claim
	outs := []map[string]bool{}
	bys := []map[string]bool{}
	for _, f := range figs {
		k := key{normalizeCounted(f.counted), strings.ToLower(strings.TrimSpace(f.unit)), roundSig(f.value), roundSig(f.low), roundSig(f.high)}
		i, ok := idx[k]
		if !ok {
			i = len(cs)
			idx[k] = i
			lo, hi := interval(f)
			cs = append(cs, claim{Value: k.value, Low: k.low, High: k.high, Unit: k.unit, Counted: k.counted, lo: lo, hi: hi})
			outs = append(outs, map[string]bool{})
			bys = append(bys, map[string]bool{})
		}
		cs[i].Mentions++
		outs[i][f.outlet] = true
		if f.claimedBy != "" {
			bys[i][f.claimedBy] = true
		}
	}
	for i := range cs {
		cs[i].Outlets = sortedKeys(outs[i])
		cs[i].ClaimedBy = sortedKeys(bys[i])
	}
	for i := range cs {
		for j := range cs {
			a, b := &cs[i], &cs[j]
			if i == j || a.Counted == "" || a.Counted != b.Counted || a.Unit != b.Unit {
				continue
			}
			if a.hi < b.lo || b.hi < a.lo {
				union := map[string]bool{}
				for _, o := range a.Outlets {
					union[o] = true
				}
				for _, o := range b.Outlets {
					union[o] = true
				}
				if len(union) >= 2 {
					a.Conflict = true
				}
			}
		}
	}
	slices.SortFunc(cs, func(a, b claim) int {
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

// claimLabel is a short readable name of a claim for charts: "4.8
// million artillery shell", "35.3%", "2 hour".
func claimLabel(c claim) string {
	s := formatValue(c.Value)
	switch {
	case c.Unit == "%":
		s += "%"
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
