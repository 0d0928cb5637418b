package reports

import (
	"fmt"
	"slices"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/framewatch/framewatch/internal/stats"
	"github.com/framewatch/framewatch/pipeline"
)

// newsFrameLabels are readable names for the generic news frames, in
// newsFrameOrder.
var newsFrameLabels = [len(newsFrameOrder)]string{"Conflict", "Human interest", "Economic", "Moral", "Resolution"}

// newsFramesTable is news_frames: per outlet and generic news frame, the
// share of the outlet's scored units that have the frame, with a 95%
// percentile bootstrap interval (stats.Bootstrap over the units' 0/1
// indicators, as tone's interval is over their tones). Rows by outlet,
// then in newsFrameOrder; outlets without a scored unit have none.
func newsFramesTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	var outlet, frameID []string
	var units, with []int
	var share, lo, hi []float64
	var xs []float32
	for _, name := range a.outletNames() {
		o := a.outlets[name]
		if o.newsUnits == 0 {
			continue
		}
		for j, id := range newsFrameOrder {
			xs = indicators(xs, o.newsWith[j], o.newsUnits)
			m, l, h := stats.Bootstrap(xs, stats.BootstrapIters, stats.BootstrapSeed)
			outlet, frameID = append(outlet, name), append(frameID, id)
			units, with = append(units, o.newsUnits), append(with, o.newsWith[j])
			share, lo, hi = append(share, m), append(lo, l), append(hi, h)
		}
	}
	// Rows are built in their order; the stable sort by outlet keeps it.
	return frame([]series.Series{strs("outlet", outlet), strs("frame", frameID), ints("units", units), ints("with_frame", with),
		floats("share", share), floats("low", lo), floats("high", hi)},
		[]dataframe.Order{dataframe.Sort("outlet")},
		[]string{"outlet", "frame", "units", "with_frame", "share", "low", "high"})
}

// indicators returns n 0/1 values, k ones first, reusing buf. The
// aggregates keep counts only; the bootstrap resamples the units'
// indicators, whose order it does not depend on beyond the fixed seed.
func indicators(buf []float32, k, n int) []float32 {
	buf = buf[:0]
	for i := range n {
		v := float32(0)
		if i < k {
			v = 1
		}
		buf = append(buf, v)
	}
	return buf
}

// newsFrames returns an outlet's generic news frame shares in
// newsFrameOrder as "Conflict 45% [31, 60]" (percent, interval in
// percent), or nil when none of its units was scored.
func (r *report) newsFrames(outlet string) []string {
	t := findTable(r.tables, "news_frames")
	if t == nil {
		return nil
	}
	var out []string
	share, lo, hi := colFloats(t.df, "share"), colFloats(t.df, "low"), colFloats(t.df, "high")
	ids := colStrings(t.df, "frame")
	for i, o := range colStrings(t.df, "outlet") {
		j := slices.Index(newsFrameOrder[:], ids[i])
		if o != outlet || j < 0 {
			continue
		}
		out = append(out, fmt.Sprintf("%s %.0f%% [%.0f, %.0f]", newsFrameLabels[j], 100*share[i], 100*lo[i], 100*hi[i]))
	}
	return out
}
