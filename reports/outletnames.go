package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline"
)

// outletNames keeps what the input's metadata called the outlets: every
// distinct spelling with its documents, and for the spellings the outlet
// registry did not know, the group they are reported under. Names that
// fold alike (registry.Fold: case, spacing, punctuation, a leading "the",
// a web address's site name) are one outlet, named by the first spelling
// met in input order, so the tables do not depend on the worker count.
type outletNames struct {
	groups map[string]string     // fold of an unmatched name -> the outlet it is reported as
	given  map[string]*givenName // spelling -> what became of it
}

// givenName is one spelling of an outlet in the metadata.
type givenName struct {
	outlet    string // the outlet it was reported as
	unmatched bool
	docs      int
}

// group returns the outlet u is reported under: its own, or for an
// unmatched name the first spelling of its group.
func (n *outletNames) group(u *pipeline.Unit) string {
	name := outletName(u.Outlet)
	if !u.OutletUnmatched {
		return name
	}
	f := registry.Fold(name)
	if f == "" {
		return name
	}
	if g, ok := n.groups[f]; ok {
		return g
	}
	g := strings.Clone(name)
	n.groups[f] = g
	return g
}

// addDoc counts the metadata name of d's document-level units and
// returns the outlet each unit is reported under when one of them
// differs from the unit's own (nil when none does).
func (n *outletNames) addDoc(d *pipeline.Doc) []string {
	var names []string
	counted := false
	for i, u := range d.Units {
		g := n.group(u)
		if g != outletName(u.Outlet) {
			if names == nil {
				names = make([]string, len(d.Units))
				for j, v := range d.Units[:i] {
					names[j] = outletName(v.Outlet)
				}
			}
		}
		if names != nil {
			names[i] = g
		}
		if u.OutletGiven == "" || counted {
			continue
		}
		counted = true // the review's intro and its article share one name
		gn := n.given[u.OutletGiven]
		if gn == nil {
			gn = &givenName{outlet: g, unmatched: u.OutletUnmatched}
			n.given[strings.Clone(u.OutletGiven)] = gn
		}
		gn.docs++
	}
	return names
}

// outletNameCounts says how the metadata's outlet names were merged.
type outletNameCounts struct {
	names, outlets              int // distinct spellings, and the outlets they became
	unmatched, unmatchedOutlets int // of them: not in the registry
}

func (n *outletNames) counts() outletNameCounts {
	var c outletNameCounts
	outlets, unmatched := map[string]bool{}, map[string]bool{}
	for _, g := range n.given {
		c.names++
		outlets[g.outlet] = true
		if g.unmatched {
			c.unmatched++
			unmatched[g.outlet] = true
		}
	}
	c.outlets, c.unmatchedOutlets = len(outlets), len(unmatched)
	return c
}

// line is the reports' sentence on outlet names, or "" when the
// metadata named none.
func (c outletNameCounts) line() string {
	if c.names == 0 {
		return ""
	}
	s := fmt.Sprintf("Outlet names: the metadata gave %d %s for %d %s", c.names, pluralOf(c.names, "name", "names"), c.outlets, pluralOf(c.outlets, "outlet", "outlets"))
	if merged := c.names - c.outlets; merged > 0 {
		s += fmt.Sprintf(" (%d merged as other spellings, slugs, web addresses or old names of an outlet)", merged)
	}
	if c.unmatched == 0 {
		return s + "; the outlet registry knew every one."
	}
	return s + fmt.Sprintf("; %d %s (%d %s) %s not in the outlet registry: outlets_unmatched lists them with the closest registry names, to add as aliases under outlets.registry in the configuration.",
		c.unmatched, pluralOf(c.unmatched, "name", "names"), c.unmatchedOutlets, pluralOf(c.unmatchedOutlets, "outlet", "outlets"), pluralOf(c.unmatched, "is", "are"))
}

func pluralOf(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// closestNames is how many registry names outlets_unmatched suggests.
const closestNames = 3

// outletsUnmatchedTable lists every metadata outlet name the registry
// did not know: the outlet it is reported under, the spelling, its
// documents and the registry's closest names with their edit distances.
func outletsUnmatchedTable(a *aggregates, cfg pipeline.Config) (dataframe.DataFrame, error) {
	var spell []string
	for s, g := range a.metaNames.given {
		if g.unmatched {
			spell = append(spell, s)
		}
	}
	slices.SortFunc(spell, func(x, y string) int {
		return cmpStrings(a.metaNames.given[x].outlet, a.metaNames.given[y].outlet, x, y)
	})
	n := len(spell)
	outlet, closest, dist := make([]string, n), make([]string, n), make([]string, n)
	docs := make([]int, n)
	var reg *registry.Registry
	if n > 0 {
		reg = registry.New(cfg.Outlets.Registry)
	}
	for i, s := range spell {
		g := a.metaNames.given[s]
		outlet[i], docs[i] = g.outlet, g.docs
		names, ds := reg.Closest(g.outlet, closestNames)
		closest[i] = strings.Join(names, "; ")
		dd := make([]string, len(ds))
		for j, d := range ds {
			dd[j] = strconv.Itoa(d)
		}
		dist[i] = strings.Join(dd, "; ")
	}
	// Already in order: frame's sort would only repeat it.
	return frame([]series.Series{strs("outlet", outlet), strs("name", spell), ints("documents", docs),
		strs("closest", closest), strs("distance", dist)},
		nil, []string{"outlet", "name", "documents", "closest", "distance"})
}
