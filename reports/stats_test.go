package reports

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"math"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func TestNormalizeCounted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"artillery shells", "artillery shell"},
		{"The artillery shells", "artillery shell"},
		{"units of ammunition", "unit of ammunition"},
		{"ballistic missiles.", "ballistic missile"},
		{"casualties", "casualty"},
		{"buses", "buse"},
		{"", ""},
		{"their troops", "troop"},
	}
	for _, tc := range tests {
		if got := normalizeCounted(tc.in); got != tc.want {
			t.Errorf("normalizeCounted(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGroupClaims(t *testing.T) {
	figs := []figureKey{
		{outlet: "A", value: 4.8e6, counted: "artillery shells", claimedBy: "Seoul", when: "2024-06"},
		{outlet: "B", value: 4800000, counted: "the artillery shells", when: "2024-06"},
		{outlet: "C", value: 1e6, counted: "Artillery shells", claimedBy: "Pentagon", when: "2024-06"},
		{outlet: "A", value: 3, low: 3, high: 5, counted: "missiles", when: "2024-06"},
		{outlet: "B", value: 4, counted: "missile", when: "2024-06"},
		{outlet: "C", value: 10000, counted: "troops", bound: pipeline.BoundMin, when: "2024-06"},
		{outlet: "D", value: 12000, counted: "troops", when: "2024-06"},
		{outlet: "C", value: 24, unit: "year", when: "2024-06"},
		{outlet: "D", value: 12, unit: "year", when: "2024-06"},
		// Generic counts: cited widely, never newsworthy, never conflicting.
		{outlet: "A", value: 2, counted: "countries", when: "2024-06"},
		{outlet: "B", value: 2, counted: "countries", when: "2024-06"},
		{outlet: "C", value: 2, counted: "countries", when: "2024-06"},
		{outlet: "D", value: 5, counted: "countries", when: "2024-06"},
		// Close values: one estimate rounded two ways.
		{outlet: "A", value: 10000, counted: "soldiers", when: "2024-06"},
		{outlet: "B", value: 11000, counted: "soldiers", when: "2024-06"},
		// Different months: no shared time reference.
		{outlet: "A", value: 50, counted: "drones", when: "2024-05"},
		{outlet: "B", value: 500, counted: "drones", when: "2024-06"},
		// Money is newsworthy without a counted thing.
		{outlet: "D", value: 6e9, unit: "USD", claimedBy: "Pentagon", when: "2024-06"},
	}
	cs := groupClaims(slices.Values(figs))
	byKey := map[string]claim{}
	for _, c := range cs {
		byKey[claimLabel(c)] = c
	}
	shells := byKey["4.8 million artillery shell"]
	if len(shells.Outlets) != 2 || !shells.Conflict || shells.ClaimedBy[0] != "Seoul" || shells.ID != "C001" {
		t.Errorf("4.8 million claim = %+v, want outlets A, B, conflict, claimed by Seoul, C001", shells)
	}
	if !byKey["1 million artillery shell"].Conflict {
		t.Error("1 million claim not flagged as conflicting")
	}
	if byKey["4 missile"].Conflict || byKey["3 missile"].Conflict {
		t.Error("overlapping range 3-5 and 4 flagged as conflict")
	}
	if _, ok := byKey["10000 troop"]; !ok {
		t.Fatalf("no claim labelled 10000 troop in %v", byKey)
	}
	if byKey["10000 troop"].Conflict || byKey["12000 troop"].Conflict {
		t.Error("at least 10000 and 12000 flagged as conflict")
	}
	if byKey["24 year"].Conflict || byKey["24 year"].newsworthy() {
		t.Error("a duration is newsworthy or conflicting")
	}
	for _, k := range []string{"2 country", "5 country"} {
		if c := byKey[k]; c.Conflict || c.newsworthy() {
			t.Errorf("%s: news %d conflict %v, want a generic count", k, c.News, c.Conflict)
		}
	}
	if byKey["10000 soldier"].Conflict || byKey["11000 soldier"].Conflict {
		t.Error("10000 and 11000 soldiers (10% apart) flagged as conflict")
	}
	if byKey["50 drone"].Conflict || byKey["500 drone"].Conflict {
		t.Error("figures of different months flagged as conflict")
	}
	if m := byKey["6 billion USD"]; !m.newsworthy() || !slices.Contains(m.Why, "money") {
		t.Errorf("6 billion USD: news %d %v, want money", m.News, m.Why)
	}
	// Newsworthy claims come first.
	for i := 1; i < len(cs); i++ {
		if cs[i].News > cs[i-1].News {
			t.Errorf("claims not ranked by newsworthiness: %s (%d) after %s (%d)", cs[i].ID, cs[i].News, cs[i-1].ID, cs[i-1].News)
		}
	}
}

// TestArrangeThreeKeys guards against gota's multi-key Arrange bug.
func TestArrangeThreeKeys(t *testing.T) {
	df, err := frame([]series.Series{
		strs("a", []string{"y", "x", "y", "x", "x", "y"}),
		strs("b", []string{"2", "1", "1", "2", "1", "2"}),
		strs("c", []string{"q", "r", "p", "p", "p", "p"}),
	}, []dataframe.Order{dataframe.Sort("a"), dataframe.Sort("b"), dataframe.Sort("c")}, []string{"a", "b", "c"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range (&table{df: df}).Rows() {
		got = append(got, strings.Join(r, ""))
	}
	want := []string{"x1p", "x1r", "x2p", "y1p", "y2p", "y2q"}
	if !slices.Equal(got, want) {
		t.Errorf("arrange = %v, want %v", got, want)
	}
}

func TestBucket(t *testing.T) {
	tests := []struct{ date, period, want string }{
		{"2024-06-19", "day", "2024-06-19"},
		{"2024-06-19", "week", "2024-06-17"}, // Wednesday → Monday
		{"2024-06-17", "week", "2024-06-17"},
		{"2024-06-23", "week", "2024-06-17"}, // Sunday ends the ISO week
		{"2025-01-01", "week", "2024-12-30"},
	}
	for _, tc := range tests {
		if got := bucket(tc.date, tc.period); got != tc.want {
			t.Errorf("bucket(%q, %q) = %q, want %q", tc.date, tc.period, got, tc.want)
		}
	}
}

func TestPeriod(t *testing.T) {
	a := newAggregates()
	a.days[dayKey{"X", "2024-01-01"}] = &sumN{}
	a.days[dayKey{"X", "2024-02-15"}] = &sumN{}
	cfg := testConfig()
	if got := a.period(cfg); got != "day" {
		t.Errorf("period over 45 days = %q, want day", got)
	}
	a.days[dayKey{"Y", "2024-04-01"}] = &sumN{}
	if got := a.period(cfg); got != "week" {
		t.Errorf("period over 91 days = %q, want week", got)
	}
	cfg.Report.TrendPeriod = "day"
	if got := a.period(cfg); got != "day" {
		t.Errorf("period with trend_period day = %q", got)
	}
}

func TestNewWriterBadPeriod(t *testing.T) {
	cfg := testConfig()
	cfg.Report.TrendPeriod = "month"
	if _, err := NewWriter(t.TempDir(), cfg); err == nil {
		t.Error("NewWriter accepted trend_period month")
	}
}

func TestFormatNumbers(t *testing.T) {
	for _, tc := range []struct {
		x        float64
		fnum, f4 string
	}{
		{4.8e6, "4800000", "4800000.0000"},
		{1.0 / 3, "0.333333", "0.3333"},
		{1.5, "1.5", "1.5000"},
		{-0.0000001, "0", "0.0000"},
		{-0.00001, "-0.00001", "0.0000"},
		{math.NaN(), "", ""},
		{math.Inf(1), "", ""},
	} {
		if got := fnum(tc.x); got != tc.fnum {
			t.Errorf("fnum(%v) = %q, want %q", tc.x, got, tc.fnum)
		}
		if got := f4(tc.x); got != tc.f4 {
			t.Errorf("f4(%v) = %q, want %q", tc.x, got, tc.f4)
		}
	}
	for _, tc := range []struct {
		x    float64
		want string
	}{{4.8e6, "4.8 million"}, {1e6, "1 million"}, {2.5e9, "2.5 billion"}, {1234567, "1234567"}, {0.3333333, "0.333"}, {35.3, "35.3"}} {
		if got := formatValue(tc.x); got != tc.want {
			t.Errorf("formatValue(%v) = %q, want %q", tc.x, got, tc.want)
		}
	}
}

// TestGroupSumKeepsStringKeys guards against gota turning outlet names
// that look like numbers or booleans into other types when it rebuilds
// grouped frames.
func TestGroupSumKeepsStringKeys(t *testing.T) {
	df := dataframe.New(strs("outlet", []string{"1843", "true", "1843", "Le Monde"}), floats("n", []float64{1, 2, 3, 4}))
	g, err := groupSum(df, []string{"outlet"}, []string{"n"})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint((&table{df: g}).Rows())
	if want := "[[1843 4.0000] [Le Monde 4.0000] [true 2.0000]]"; got != want {
		t.Errorf("groupSum = %s, want %s", got, want)
	}
}

// TestGroupClaimsConflictsPairwise checks the sorted conflict search
// against the definition, every pair of claims compared, on random
// figures with few outlets, values, bounds and counted things.
func TestGroupClaimsConflictsPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	bounds := []string{pipeline.BoundExact, pipeline.BoundMin, pipeline.BoundMax, pipeline.BoundRange}
	for round := range 50 {
		var figs []figureKey
		for range 1 + rng.IntN(60) {
			v := float64(rng.IntN(12))
			f := figureKey{outlet: string(rune('A' + rng.IntN(3))), value: v, counted: []string{"", "shells", "troops", "country"}[rng.IntN(4)],
				unit: []string{"", "km"}[rng.IntN(2)], bound: bounds[rng.IntN(len(bounds))], when: []string{"", "2024-05", "2024-06"}[rng.IntN(3)]}
			if f.bound == pipeline.BoundRange {
				f.low, f.high = v, v+float64(rng.IntN(4))
			}
			figs = append(figs, f)
		}
		cs := groupClaims(slices.Values(figs))
		for i := range cs {
			want := false
			for j := range cs {
				a, b := cs[i], cs[j]
				if i == j || !a.newsworthy() || !b.newsworthy() || a.Counted == "" || a.Counted != b.Counted || a.Unit != b.Unit ||
					!(apart(a.hi, b.lo) || apart(b.hi, a.lo)) {
					continue
				}
				for _, x := range a.when {
					for _, y := range b.when {
						if x.month == y.month && (x.outlet != y.outlet || len(a.when) > 1 || len(b.when) > 1) {
							union := map[string]bool{}
							for _, mo := range append(slices.Clone(a.when), b.when...) {
								if mo.month == x.month {
									union[mo.outlet] = true
								}
							}
							if len(union) >= 2 {
								want = true
							}
						}
					}
				}
			}
			if cs[i].Conflict != want {
				t.Fatalf("round %d: claim %s (%s) conflict = %v, want %v", round, cs[i].ID, claimLabel(cs[i]), cs[i].Conflict, want)
			}
		}
	}
}

// TestHeadlineLeavesUnknownOut: units without outlet evidence are counted
// apart, not as one more outlet.
func TestHeadlineLeavesUnknownOut(t *testing.T) {
	got := totals{Docs: 45, Processed: 38, Units: 57, Outlets: 45, unknownUnits: 2}.headline()
	if want := "57 units: 55 units from 44 outlets, 2 units without outlet evidence."; !strings.Contains(got, want) {
		t.Errorf("headline %q does not say %q", got, want)
	}
	got = totals{Docs: 3, Processed: 3, Units: 3, Outlets: 2}.headline()
	if want := "3 units from 2 outlets."; !strings.Contains(got, want) {
		t.Errorf("headline %q does not say %q", got, want)
	}
}
