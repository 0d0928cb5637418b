package reports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// FeedRun is one feed's coverage in one fetch run (see internal/feeds'
// ledger), as the CLI hands it to the reports.
type FeedRun struct {
	Run        string `json:"run"`
	Feed       string `json:"feed"`
	URL        string `json:"url"`
	Outlet     string `json:"outlet"`
	Status     string `json:"status"`
	Error      string `json:"error,omitempty"`
	Listed     int    `json:"listed"`
	New        int    `json:"new"`
	Fetched    int    `json:"fetched"`
	Extracted  int    `json:"extracted"`
	Saved      int    `json:"saved"`
	Duplicates int    `json:"duplicates"`
	Failed     int    `json:"failed"`
	// Reasons are the failed items' reasons, one per item.
	Reasons     []string `json:"reasons,omitempty"`
	NewestItem  string   `json:"newest_item,omitempty"`
	Silent      bool     `json:"silent"`
	SilentAfter string   `json:"silent_after"`
}

// feedRows sorts the feed runs by run, then feed.
func feedRows(in []FeedRun) []FeedRun {
	out := slices.Clone(in)
	slices.SortStableFunc(out, func(a, b FeedRun) int { return cmpStrings(a.Run, b.Run, a.Feed, b.Feed) })
	return out
}

// reasonCounts folds reasons into "reason ×n" items, most frequent first
// (then alphabetical), "; "-separated.
func reasonCounts(rs []string) string {
	n := map[string]int{}
	for _, r := range rs {
		n[r]++
	}
	keys := sortedKeys(n)
	slices.SortStableFunc(keys, func(a, b string) int { return n[b] - n[a] })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k
		if n[k] > 1 {
			parts[i] = fmt.Sprintf("%s ×%d", k, n[k])
		}
	}
	return strings.Join(parts, "; ")
}

// coverageFeedsTable is coverage_feeds: one row per feed and fetch run.
func coverageFeedsTable(runs []FeedRun) (dataframe.DataFrame, error) {
	rows := feedRows(runs)
	var run, feed, outlet, status, reasons, newest, after, errs []string
	var listed, newN, fetched, extracted, saved, dups, failed []int
	var silent []bool
	for _, r := range rows {
		run, feed, outlet, status = append(run, r.Run), append(feed, r.Feed), append(outlet, outletName(r.Outlet)), append(status, r.Status)
		listed, newN, fetched, extracted = append(listed, r.Listed), append(newN, r.New), append(fetched, r.Fetched), append(extracted, r.Extracted)
		saved, dups, failed = append(saved, r.Saved), append(dups, r.Duplicates), append(failed, r.Failed)
		reasons, newest, errs = append(reasons, reasonCounts(r.Reasons)), append(newest, r.NewestItem), append(errs, r.Error)
		silent, after = append(silent, r.Silent), append(after, r.SilentAfter)
	}
	df := dataframe.New(strs("run", run), strs("feed", feed), strs("outlet", outlet), strs("status", status),
		ints("listed", listed), ints("new", newN), ints("fetched", fetched), ints("extracted", extracted),
		ints("saved", saved), ints("duplicates", dups), ints("failed", failed), strs("reasons", reasons),
		strs("error", errs), strs("newest_item", newest), series.New(silent, series.Bool, "silent"), strs("silent_after", after))
	return df, df.Err
}

// silentOutlets returns, sorted, the outlets with a feed that was silent
// in its latest fetch run.
func silentOutlets(runs []FeedRun) []string {
	latest := map[string]FeedRun{}
	for _, r := range feedRows(runs) {
		latest[r.Feed] = r
	}
	set := map[string]bool{}
	for _, r := range latest {
		if r.Silent {
			set[outletName(r.Outlet)] = true
		}
	}
	return sortedKeys(set)
}

// feedsSentence says plainly which outlets went silent; "" without feeds.
func feedsSentence(runs []FeedRun) string {
	if len(runs) == 0 {
		return ""
	}
	s := silentOutlets(runs)
	if len(s) == 0 {
		return "Feeds: no outlet went silent (see coverage_feeds)."
	}
	return "Feeds: these outlets went silent, nothing new for longer than their usual interval: " + strings.Join(s, ", ") + " (see coverage_feeds)."
}
