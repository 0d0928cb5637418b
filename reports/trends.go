package reports

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/framewatch/framewatch/pipeline"
)

// weekAfterDays is the article-date span above which trends use weekly
// rather than daily buckets.
const weekAfterDays = 60

// period returns the configured trend period, or "day" or "week" by the
// span of the dates in a.days.
func (a *aggregates) period(cfg pipeline.Config) string {
	switch cfg.Report.TrendPeriod {
	case "day", "week":
		return cfg.Report.TrendPeriod
	}
	var first, last string
	for k := range a.days {
		if first == "" || k.date < first {
			first = k.date
		}
		if k.date > last {
			last = k.date
		}
	}
	if first == "" {
		return "day"
	}
	t0, _ := time.Parse(time.DateOnly, first)
	t1, _ := time.Parse(time.DateOnly, last)
	if t1.Sub(t0) > weekAfterDays*24*time.Hour {
		return "week"
	}
	return "day"
}

// bucket returns the start of date's bucket: the date itself, or the
// Monday of its ISO week.
func bucket(date, period string) string {
	if period != "week" {
		return date
	}
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
	return t.AddDate(0, 0, -wd).Format(time.DateOnly)
}

// groupSum groups df by keys and sums cols, then sorts by keys. gota
// returns groups in map order and panics on an empty frame, so empty input
// returns an empty frame with the summed columns named "<col>_SUM".
func groupSum(df dataframe.DataFrame, keys, cols []string) (dataframe.DataFrame, error) {
	order := make([]dataframe.Order, len(keys))
	for i, k := range keys {
		order[i] = dataframe.Sort(k)
	}
	sel := slices.Clone(keys)
	for _, c := range cols {
		sel = append(sel, c+"_SUM")
	}
	if df.Nrow() == 0 {
		ss := make([]series.Series, 0, len(sel))
		for _, k := range keys {
			ss = append(ss, strs(k, nil))
		}
		for _, c := range cols {
			ss = append(ss, floats(c+"_SUM", nil))
		}
		return dataframe.New(ss...), nil
	}
	types := make([]dataframe.AggregationType, len(cols))
	for i := range types {
		types[i] = dataframe.Aggregation_SUM
	}
	g := df.GroupBy(keys...)
	if g.Err != nil {
		return df, fmt.Errorf("group by: %w", g.Err)
	}
	out := g.Aggregation(types, cols)
	if out.Err != nil {
		return out, fmt.Errorf("aggregation: %w", out.Err)
	}
	return arrange(out, order, sel)
}

// col returns a column's values as strings, floats or ints.
func colStrings(df dataframe.DataFrame, name string) []string { return df.Col(name).Records() }
func colFloats(df dataframe.DataFrame, name string) []float64 { return df.Col(name).Float() }

func colInts(df dataframe.DataFrame, name string) []int {
	fs := df.Col(name).Float()
	out := make([]int, len(fs))
	for i, f := range fs {
		out[i] = int(math.Round(f))
	}
	return out
}

// dayFrame is the per outlet × day frame trends and coverage aggregate.
func (a *aggregates) dayFrame(period string) dataframe.DataFrame {
	keys := make([]dayKey, 0, len(a.days))
	for k := range a.days {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y dayKey) int { return cmpStrings(x.outlet, y.outlet, x.date, y.date) })
	n := len(keys)
	outlet, b := make([]string, n), make([]string, n)
	units, toneN, toneSum := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, k := range keys {
		s := a.days[k]
		outlet[i], b[i] = k.outlet, bucket(k.date, period)
		units[i], toneN[i], toneSum[i] = float64(s.units), float64(s.n), s.sum
	}
	return dataframe.New(strs("outlet", outlet), strs("bucket", b), floats("units", units), floats("tone_n", toneN), floats("tone_sum", toneSum))
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func ratio(sum, n float64) float64 {
	if n == 0 {
		return math.NaN()
	}
	return sum / n
}

func trendsToneTable(a *aggregates, cfg pipeline.Config) (dataframe.DataFrame, error) {
	period := a.period(cfg)
	g, err := groupSum(a.dayFrame(period), []string{"outlet", "bucket"}, []string{"units", "tone_n", "tone_sum"})
	if err != nil {
		return g, err
	}
	n := g.Nrow()
	sums, ns := colFloats(g, "tone_sum_SUM"), colFloats(g, "tone_n_SUM")
	tone := make([]float64, n)
	for i := range tone {
		tone[i] = ratio(sums[i], ns[i])
	}
	return frame([]series.Series{strs("outlet", colStrings(g, "outlet")), strs("bucket", colStrings(g, "bucket")),
		strs("period", repeat(period, n)), ints("units", colInts(g, "units_SUM")), ints("tone_units", colInts(g, "tone_n_SUM")),
		floats("tone", tone)}, nil,
		[]string{"outlet", "bucket", "period", "units", "tone_units", "tone"})
}

func coverageTable(a *aggregates, cfg pipeline.Config) (dataframe.DataFrame, error) {
	period := a.period(cfg)
	g, err := groupSum(a.dayFrame(period), []string{"bucket"}, []string{"units"})
	if err != nil {
		return g, err
	}
	n := g.Nrow()
	return frame([]series.Series{strs("bucket", colStrings(g, "bucket")), strs("period", repeat(period, n)),
		ints("units", colInts(g, "units_SUM"))}, nil, []string{"bucket", "period", "units"})
}

func trendsStanceTable(a *aggregates, cfg pipeline.Config) (dataframe.DataFrame, error) {
	period := a.period(cfg)
	keys := make([]stanceDayKey, 0, len(a.stanceDays))
	for k := range a.stanceDays {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y stanceDayKey) int {
		return cmpStrings(x.outlet, y.outlet, x.target, y.target, x.date, y.date)
	})
	n := len(keys)
	outlet, target, b := make([]string, n), make([]string, n), make([]string, n)
	cnt, sum := make([]float64, n), make([]float64, n)
	for i, k := range keys {
		s := a.stanceDays[k]
		outlet[i], target[i], b[i] = k.outlet, k.target, bucket(k.date, period)
		cnt[i], sum[i] = float64(s.n), s.sum
	}
	df := dataframe.New(strs("outlet", outlet), strs("target", target), strs("bucket", b), floats("n", cnt), floats("sum", sum))
	if df.Err != nil {
		return df, df.Err
	}
	g, err := groupSum(df, []string{"outlet", "target", "bucket"}, []string{"n", "sum"})
	if err != nil {
		return g, err
	}
	m := g.Nrow()
	sums, ns := colFloats(g, "sum_SUM"), colFloats(g, "n_SUM")
	score := make([]float64, m)
	for i := range score {
		score[i] = ratio(sums[i], ns[i])
	}
	return frame([]series.Series{strs("outlet", colStrings(g, "outlet")), strs("target", colStrings(g, "target")),
		strs("bucket", colStrings(g, "bucket")), strs("period", repeat(period, m)), ints("mentions", colInts(g, "n_SUM")),
		floats("score", score)}, nil,
		[]string{"outlet", "target", "bucket", "period", "mentions", "score"})
}
