package reports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
)

// defaultMinUnits is the smallest sample, in units, at which an outlet is
// compared with the others unless report.min_units says otherwise: with
// one or two units an outlet's "interval" is a point or a pair and says
// nothing about its coverage.
const defaultMinUnits = 3

// minUnits is the configured minimum sample.
func minUnits(cfg pipeline.Config) int {
	if cfg.Report.MinUnits > 0 {
		return cfg.Report.MinUnits
	}
	return defaultMinUnits
}

// maxChartOutlets is how many outlets one comparison chart draws (most
// units first); a note names the rest, and the tables hold them all. At
// 30 rows the tallest outlet chart is about 750 pt, under an A4 page.
const maxChartOutlets = 30

// maxNamedLeftOut bounds how many left-out outlets a note names one by
// one.
const maxNamedLeftOut = 60

// The overview's sample column: whether an outlet is compared.
const (
	sampleOK      = "ok"      // at least min_units units
	sampleSmall   = "small"   // fewer: shown apart, never ranked
	sampleUnknown = "unknown" // units without outlet evidence: tables only
)

// unknownOutlet is the name of the units no evidence attributes.
const unknownOutlet = "unknown"

func sampleOf(outlet string, units, min int) string {
	switch {
	case outlet == unknownOutlet:
		return sampleUnknown
	case units < min:
		return sampleSmall
	}
	return sampleOK
}

// outletChoice is which outlets a comparison chart draws.
type outletChoice struct {
	min   int
	units map[string]int // every outlet's units, from the overview
	// shown are the outlets drawn, most units first (ties by name);
	// left are those with data that did not fit, in the same order.
	shown, left []string
}

// outletUnits reads every outlet's units from the overview table.
func outletUnits(ts []*table) map[string]int {
	ov := findTable(ts, "overview")
	m := map[string]int{}
	if ov == nil || ov.Len() == 0 {
		return m
	}
	units := colInts(ov.df, "units")
	for i, o := range colStrings(ov.df, "outlet") {
		m[o] = units[i]
	}
	return m
}

// pickOutlets chooses the outlets of a comparison chart among those that
// have data for it: never "unknown", at most limit of them (most units
// first, ties by name).
func pickOutlets(ts []*table, cfg pipeline.Config, have []string, limit int) outletChoice {
	c := outletChoice{min: minUnits(cfg), units: outletUnits(ts)}
	var all []string
	seen := map[string]bool{}
	for _, o := range have {
		if o != unknownOutlet && !seen[o] {
			seen[o] = true
			all = append(all, o)
		}
	}
	slices.SortStableFunc(all, func(a, b string) int {
		if c.units[a] != c.units[b] {
			return c.units[b] - c.units[a]
		}
		return strings.Compare(a, b)
	})
	c.shown = all[:min(limit, len(all))]
	c.left = all[len(c.shown):]
	return c
}

// small reports whether outlet has too few units to be compared.
func (c outletChoice) small(outlet string) bool { return c.units[outlet] < c.min }

// label is an outlet's name on a chart, cut to n runes, with its units.
func (c outletChoice) label(outlet string, n int) string {
	return fmt.Sprintf("%s (n=%d)", shorten(outlet, n), c.units[outlet])
}

// note says which outlets a chart leaves out, or "" when none.
func (c outletChoice) note(chart, table string) string {
	if len(c.left) == 0 {
		return ""
	}
	named := c.left[:min(len(c.left), maxNamedLeftOut)]
	s := fmt.Sprintf("%s: shows the %d outlets with most units; %d left out (%s.csv has all): %s",
		chart, len(c.shown), len(c.left), table, strings.Join(named, ", "))
	if rest := len(c.left) - len(named); rest > 0 {
		s += fmt.Sprintf(" and %d more", rest)
	}
	return s + "."
}

// smallNote is the label of the group of outlets under the minimum
// sample in a chart.
func (c outletChoice) smallNote() string {
	return fmt.Sprintf("fewer than %d units (not compared)", c.min)
}

// sampleCounts counts the outlets by sample class, and the units no
// outlet evidence attributes.
type sampleCounts struct {
	outlets, ok, small int
	unknownUnits       int
}

func countSamples(ts []*table, cfg pipeline.Config) sampleCounts {
	var s sampleCounts
	m := minUnits(cfg)
	for o, n := range outletUnits(ts) {
		switch sampleOf(o, n, m) {
		case sampleUnknown:
			s.unknownUnits = n
			continue
		case sampleOK:
			s.ok++
		default:
			s.small++
		}
		s.outlets++
	}
	return s
}

// sampleSentence is the summary's statement of how many outlets can be
// compared.
func (s sampleCounts) sentence(min int) string {
	out := fmt.Sprintf("%d of %d outlets have at least %d units and are compared; %d have fewer (too little coverage to compare: shown apart in the charts, marked \"small\" in the overview, never ranked).",
		s.ok, s.outlets, min, s.small)
	if s.unknownUnits > 0 {
		out += fmt.Sprintf(" %d units have no outlet evidence (\"unknown\"): they stay in the tables but out of the comparison charts and rankings.", s.unknownUnits)
	}
	return out
}

// groups returns the shown outlets top to bottom: the compared ones, then
// "" for a rule when both groups are drawn, then those under the minimum
// sample; each group in alphabetical order.
func (c outletChoice) groups() []string {
	var ok, small []string
	for _, o := range c.shown {
		if c.small(o) {
			small = append(small, o)
		} else {
			ok = append(ok, o)
		}
	}
	slices.Sort(ok)
	slices.Sort(small)
	if len(ok) > 0 && len(small) > 0 {
		ok = append(ok, "")
	}
	return append(ok, small...)
}

// rowLabel is the label of a row of groups(): the outlet with n, or the
// small group's heading for the rule.
func (c outletChoice) rowLabel(outlet string) string {
	if outlet == "" {
		return "— " + c.smallNote() + " —"
	}
	return c.label(outlet, 40)
}

// plural writes n and noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
