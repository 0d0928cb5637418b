package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// sourceKinds are the kinds of source in the sources table's order;
// sourceNone counts the quotations attributed to no one.
var sourceKinds = []string{pipeline.SourceOfficial, pipeline.SourceExpert, pipeline.SourceOutlet, pipeline.SourceUnnamed, pipeline.SourceOther, sourceNone}

const sourceNone = "unattributed"

// topSpeakers is how many speakers the sources table lists per outlet.
const topSpeakers = 10

// maxOutletSpeakers bounds the speakers kept per outlet, as
// maxOutletTerms bounds terms: past twice this many, only the most quoted
// are kept (they alone can rank in the top ten); the counts by kind and
// actor keep every quote.
const maxOutletSpeakers = 2000

// sourceAgg counts an outlet's quotes by speaker, actor and kind.
type sourceAgg struct {
	quotes   int
	speakers map[string]int
	actors   map[string]int
	kinds    map[string]int
}

// addQuotes counts u's quotes in o.
func (a *aggregates) addQuotes(o *outletAgg, u *pipeline.Unit) {
	if len(u.Quotes) == 0 {
		return
	}
	if o.sources == nil {
		o.sources = &sourceAgg{speakers: map[string]int{}, actors: map[string]int{}, kinds: map[string]int{}}
	}
	s := o.sources
	// Every key is a constant or an interned copy: assigning to a map
	// through a key that is a substring of the text (even an existing
	// key) would keep the text alive.
	for _, q := range u.Quotes {
		s.quotes++
		k := slices.Index(sourceKinds, q.Source)
		switch {
		case q.Speaker == "":
			k = len(sourceKinds) - 1 // sourceNone
		case k < 0 || sourceKinds[k] == sourceNone:
			k = slices.Index(sourceKinds, pipeline.SourceOther)
		}
		s.kinds[sourceKinds[k]]++
		if q.Speaker == "" {
			continue
		}
		s.speakers[a.intern(quoteSpeaker(q))]++
		if q.Actor != "" {
			s.actors[a.intern(q.Actor)]++
		}
	}
	if len(s.speakers) > 2*maxOutletSpeakers {
		s.speakers = topCounts(s.speakers, maxOutletSpeakers)
	}
}

type nameCount struct {
	name string
	n    int
}

// ranked returns m's entries, most first, then by name.
func ranked(m map[string]int) []nameCount {
	out := make([]nameCount, 0, len(m))
	for k, v := range m {
		out = append(out, nameCount{k, v})
	}
	slices.SortFunc(out, func(x, y nameCount) int {
		if c := cmp.Compare(y.n, x.n); c != 0 {
			return c
		}
		return cmp.Compare(x.name, y.name)
	})
	return out
}

// topCounts keeps m's n largest entries (ties: by name).
func topCounts(m map[string]int, n int) map[string]int {
	kept := map[string]int{}
	for _, e := range ranked(m)[:n] {
		kept[e.name] = e.n
	}
	return kept
}

// sourcesTable lists per outlet its quotes by kind of source (every kind,
// in sourceKinds order), by actor (most quoted first) and its top
// speakers; each share is of all the outlet's quotes.
func sourcesTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	var outlet, group, name []string
	var quotes, rank []int
	var share []float64
	add := func(o, g string, r int, e nameCount, total int) {
		outlet, group, name = append(outlet, o), append(group, g), append(name, e.name)
		quotes, rank = append(quotes, e.n), append(rank, r)
		share = append(share, float64(e.n)/float64(total))
	}
	for _, o := range a.outletNames() {
		s := a.outlets[o].sources
		if s == nil || s.quotes == 0 {
			continue
		}
		for i, k := range sourceKinds {
			add(o, "kind", i+1, nameCount{k, s.kinds[k]}, s.quotes)
		}
		for i, e := range ranked(s.actors) {
			add(o, "actor", i+1, e, s.quotes)
		}
		for i, e := range ranked(s.speakers) {
			if i == topSpeakers {
				break
			}
			add(o, "speaker", i+1, e, s.quotes)
		}
	}
	// Rows stay in the order built (outlet, then kind, actor, speaker by
	// rank): group is not alphabetical, so nothing is arranged.
	return frame([]series.Series{strs("outlet", outlet), strs("group", group), ints("rank", rank), strs("name", name),
		ints("quotes", quotes), floats("share", share)}, nil, []string{"outlet", "group", "rank", "name", "quotes", "share"})
}

// speakersShown is how many speakers an outlet's section names.
const speakersShown = 5

// sourcesLine digests outlet's rows of the sources table for its section:
// the share of each kind of source met, and the most quoted speakers.
func (r *report) sourcesLine(outlet string) string {
	t := findTable(r.tables, "sources")
	if t == nil || t.Len() == 0 {
		return ""
	}
	outlets, groups, names := colStrings(t.df, "outlet"), colStrings(t.df, "group"), colStrings(t.df, "name")
	quotes, shares := colInts(t.df, "quotes"), colFloats(t.df, "share")
	var kinds, speakers []string
	total := 0
	for i, o := range outlets {
		if o != outlet || quotes[i] == 0 {
			continue
		}
		switch groups[i] {
		case "kind":
			total += quotes[i]
			kinds = append(kinds, fmt.Sprintf("%s %.0f%%", sourceKindLabels[names[i]], 100*shares[i]))
		case "speaker":
			if len(speakers) < speakersShown {
				speakers = append(speakers, fmt.Sprintf("%s (%d)", names[i], quotes[i]))
			}
		}
	}
	if total == 0 {
		return ""
	}
	s := fmt.Sprintf("%s: %s", plural(total, "quote"), strings.Join(kinds, ", "))
	if len(speakers) > 0 {
		s += "; most quoted: " + strings.Join(speakers, ", ")
	}
	return s
}
