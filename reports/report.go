package reports

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/framewatch/framewatch/internal/stats"
	"github.com/framewatch/framewatch/pipeline"
)

// report holds everything report.html, report.pdf, summary.md and
// manifest.json are written from, so that they show the same data.
type report struct {
	cfg    pipeline.Config
	info   RunInfo
	agg    *aggregates
	tables []*table
	charts []*chart
	notes  []string
	cache  map[string][]byte
}

// maxRows is how many rows of a table report.html and report.pdf show;
// the CSV and JSON files always have every row.
func (r *report) maxRows() int {
	if r.cfg.Report.MaxRows > 0 {
		return r.cfg.Report.MaxRows
	}
	return 200
}

// chartBytes renders c in format once and keeps the bytes.
func (r *report) chartBytes(c *chart, format string) ([]byte, error) {
	key := c.Name + "." + format
	if b, ok := r.cache[key]; ok {
		return b, nil
	}
	var buf bytes.Buffer
	if err := c.render(&buf, format, pngDPI(r.cfg)); err != nil {
		return nil, err
	}
	if r.cache == nil {
		r.cache = map[string][]byte{}
	}
	r.cache[key] = buf.Bytes()
	return buf.Bytes(), nil
}

func (r *report) title() string {
	if strings.TrimSpace(r.cfg.Title) != "" {
		return r.cfg.Title
	}
	return "framewatch report"
}

// reportTime is the configured report date, or the Unix epoch when none is
// set, so that the PDF's dates never depend on the clock.
func (r *report) reportTime() time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.Parse(layout, r.cfg.ReportDate); err == nil {
			return t.UTC()
		}
	}
	return time.Unix(0, 0).UTC()
}

// totals are the run's headline counts.
type totals struct {
	Docs       int `json:"docs"`
	Processed  int `json:"processed"`
	Skipped    int `json:"skipped"`
	Failed     int `json:"failed"`
	Duplicate  int `json:"duplicate"`
	WithErrors int `json:"with_errors"`
	Cached     int `json:"cached"`
	Earlier    int `json:"from_earlier_runs"`
	Units      int `json:"units"`
	Outlets    int `json:"outlets"`
	Mentions   int `json:"entity_mentions"`
	Figures    int `json:"figures"`
	Dates      int `json:"dates"`
	Claims     int `json:"claims"`
	// CopiesLeftOut are the units that republish a story another outlet
	// carried first, left out of the aggregates by report.syndicated: once.
	CopiesLeftOut int `json:"syndicated_copies_left_out,omitempty"`
	// unknownUnits are the units without outlet evidence, counted among
	// Units and, as the outlet "unknown", among Outlets.
	unknownUnits int
}

func (r *report) totals() totals {
	c := r.agg.docCounts
	t := totals{Docs: c.docs, Processed: c.processed, Skipped: c.skipped, Failed: c.failed, Duplicate: c.duplicate,
		WithErrors: c.withErrors, Cached: c.cached}
	// The CLI counts documents restored from its workspace; documents
	// marked Cached say the same.
	t.Cached = max(t.Cached, r.info.Cached)
	t.Earlier = r.info.Earlier
	t.Units = r.agg.units
	t.Outlets = len(r.agg.outlets)
	t.CopiesLeftOut = r.agg.leftOut
	if o := r.agg.outlets[unknownOutlet]; o != nil {
		t.unknownUnits = o.units
	}
	t.Mentions = r.agg.mentions
	t.Figures = r.agg.figures.len()
	t.Dates = r.agg.dates
	t.Claims = findTable(r.tables, "claims").Len()
	return t
}

// headline is the one-line digest of the totals shared by every report.
func (t totals) headline() string {
	s := fmt.Sprintf("%d documents (%d processed, %d skipped, %d failed, %d duplicates), %d units from %d outlets.",
		t.Docs, t.Processed, t.Skipped, t.Failed, t.Duplicate, t.Units, t.Outlets)
	if t.unknownUnits > 0 {
		// "unknown" is no outlet: the count says so, as the sample
		// sentence below it does.
		s = fmt.Sprintf("%d documents (%d processed, %d skipped, %d failed, %d duplicates), %d units: %s from %s, %s without outlet evidence.",
			t.Docs, t.Processed, t.Skipped, t.Failed, t.Duplicate, t.Units,
			plural(t.Units-t.unknownUnits, "unit"), plural(t.Outlets-1, "outlet"), plural(t.unknownUnits, "unit"))
	}
	if t.CopiesLeftOut > 0 {
		s += fmt.Sprintf(" %s republishing a story another outlet carried first %s counted once, at the earliest outlet (report.syndicated: once): the aggregates leave %s out.",
			plural(t.CopiesLeftOut, "unit"), map[bool]string{true: "is", false: "are"}[t.CopiesLeftOut == 1], map[bool]string{true: "it", false: "them"}[t.CopiesLeftOut == 1])
	}
	if t.Earlier > 0 {
		s += fmt.Sprintf(" %d of the documents come from earlier runs (stored in the workspace, not in this run's input).", t.Earlier)
	}
	return s
}

// outletSection is what the per-outlet parts of the reports say.
type outletSection struct {
	Name   string
	Facts  []string
	Stance [][]string // target, voice, score, interval, mentions, label, relative with its interval
	// Evidence holds, per target of the outlet's stance, its most
	// favourable and most unfavourable sentences.
	Evidence []targetEvidence
	// Sources digests the outlet's rows of the sources table.
	Sources string
	// Small is set for outlets under the minimum sample and "unknown".
	Small    bool
	Entities []string
	Frames   []string
	// NewsFrames are the outlet's generic news frame shares with their
	// intervals, "Conflict 45% [31, 60]".
	NewsFrames []string
	// Roles are the outlet's actors most often cast in a role,
	// "Actor (villain 3/4)".
	Roles []string
	Terms []string
}

func (r *report) outletSections() []outletSection {
	ov := findTable(r.tables, "overview")
	var out []outletSection
	for i, row := range ov.Rows() {
		get := func(col string) string { return row[slices.Index(ov.Columns(), col)] }
		name := get("outlet")
		s := outletSection{Name: name, Small: get("sample") != sampleOK}
		nu, _ := strconv.Atoi(get("units"))
		facts := []string{fmt.Sprintf("%s, %s words", plural(nu, "unit"), get("words"))}
		switch get("sample") {
		case sampleSmall:
			facts[0] += " (small sample: not compared)"
		case sampleUnknown:
			facts[0] += " (no outlet evidence: not compared)"
		}
		if c := get("country"); c != "" {
			facts = append(facts, "country "+c)
		}
		if f, l := get("first_date"), get("last_date"); f != "" {
			facts = append(facts, "dates "+f+" to "+l)
		}
		if tone := get("tone"); tone != "" {
			facts = append(facts, fmt.Sprintf("tone %s [%s, %s]", tone, get("tone_low"), get("tone_high")))
		}
		_ = i
		s.Facts = facts
		st := findTable(r.tables, "stance")
		for _, sr := range st.Rows() {
			if sr[0] == name {
				s.Stance = append(s.Stance, []string{sr[1], sr[2], sr[3], "[" + sr[4] + ", " + sr[5] + "]", sr[6], sr[7], relativeText(sr[8], sr[9], sr[10])})
			}
		}
		var targets []string
		for _, st := range s.Stance {
			if !slices.Contains(targets, st[0]) {
				targets = append(targets, st[0])
			}
		}
		s.Evidence = r.agg.evidenceFor(name, targets)
		for _, er := range findTable(r.tables, "top_entities").Rows() {
			if er[0] == name {
				s.Entities = append(s.Entities, fmt.Sprintf("%s (%s)", er[2], er[4]))
			}
		}
		s.Frames = r.topFrames(name, 3)
		s.Sources = r.sourcesLine(name)
		s.NewsFrames = r.newsFrames(name)
		s.Roles = r.outletRoles(name)
		for _, tr := range findTable(r.tables, "distinctive_terms").Rows() {
			if tr[0] == name && len(s.Terms) < 10 {
				s.Terms = append(s.Terms, tr[1])
			}
		}
		out = append(out, s)
	}
	return out
}

// topFrames returns an outlet's n largest frame shares as "Frame 41%".
func (r *report) topFrames(outlet string, n int) []string {
	t := findTable(r.tables, "frames")
	cols := t.Columns()
	for i, name := range colStrings(t.df, "outlet") {
		if name != outlet {
			continue
		}
		type fs struct {
			name  string
			share float64
		}
		var all []fs
		for _, c := range cols[2:] {
			if v := colFloats(t.df, c)[i]; v > 0 {
				all = append(all, fs{c, v})
			}
		}
		slices.SortStableFunc(all, func(a, b fs) int {
			switch {
			case a.share > b.share:
				return -1
			case a.share < b.share:
				return 1
			}
			return 0
		})
		var out []string
		for _, f := range all[:min(n, len(all))] {
			out = append(out, fmt.Sprintf("%s %.0f%%", frameLabel(f.name), 100*f.share))
		}
		return out
	}
	return nil
}

// stanceHighlights lists the outlet × target pairs (all voices) that
// stand out: those whose interval supports favourable or against, or whose
// relative score's interval excludes 0 (the outlet differs from the
// corpus), ranked by the size of the relative score, so that an outlet is
// compared with the rest of the corpus rather than with zero (news reads
// negative by default). Outlets under the minimum sample and "unknown" are
// never ranked.
func (r *report) stanceHighlights(n int) []string {
	t := findTable(r.tables, "stance")
	units := outletUnits(r.tables)
	minU := minUnits(r.cfg)
	type hl struct {
		text string
		rel  float64
	}
	var hs []hl
	rel, relLo, relHi := colFloats(t.df, "relative"), colFloats(t.df, "relative_low"), colFloats(t.df, "relative_high")
	for i, row := range t.Rows() {
		if row[2] != "all" || sampleOf(row[0], units[row[0]], minU) != sampleOK {
			continue
		}
		labelled := row[7] == LabelFavourable || row[7] == LabelAgainst
		n, _ := strconv.Atoi(row[6])
		differs := n >= stats.MinLabelScores && (relLo[i] > 0 || relHi[i] < 0)
		if !labelled && !differs {
			continue
		}
		hs = append(hs, hl{fmt.Sprintf("%s on %s: %s relative to the corpus (%s, 95%% interval [%s, %s]); %s in absolute terms (%s, [%s, %s]); n=%s mentions in %d units",
			row[0], row[1], relativeWord(relLo[i], relHi[i]), row[8], row[9], row[10], row[7], row[3], row[4], row[5], row[6], units[row[0]]), rel[i]})
	}
	slices.SortStableFunc(hs, func(a, b hl) int {
		x, y := abs(a.rel), abs(b.rel)
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	var out []string
	for _, h := range hs[:min(n, len(hs))] {
		out = append(out, h.text)
	}
	return out
}

// relativeWord says what a relative score's interval supports: more
// favourable or less favourable than the corpus, or no clear difference.
func relativeWord(low, high float64) string {
	switch {
	case low > 0:
		return "more favourable"
	case high < 0:
		return "less favourable"
	}
	return "no clear difference"
}

// relativeText is a relative score with its interval, as the outlet
// sections show it: "+0.1200 [0.0300, 0.2100]".
func relativeText(rel, low, high string) string {
	if rel == "" {
		return ""
	}
	if !strings.HasPrefix(rel, "-") {
		rel = "+" + rel
	}
	return rel + " [" + low + ", " + high + "]"
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
