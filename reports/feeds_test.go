package reports

import (
	"bytes"
	"testing"

	"github.com/framewatch/framewatch/internal/golden"
)

var testFeedRuns = []FeedRun{
	{Run: "2026-12-08T023000Z", Feed: "beta", Outlet: "Beta Times", Status: "ok", Listed: 4, New: 3, Fetched: 2, Extracted: 2, Saved: 1, Duplicates: 1, Failed: 1,
		Reasons: []string{"http 404 Not Found"}, NewestItem: "2026-12-07T22:00:00Z", SilentAfter: "3h0m0s"},
	{Run: "2026-12-07T023000Z", Feed: "beta", Outlet: "Beta Times", Status: "failed", Error: "timeout after 30s", SilentAfter: "48h0m0s"},
	{Run: "2026-12-07T023000Z", Feed: "alpha", Outlet: "Alpha Post", Status: "ok", Listed: 3, New: 3, Fetched: 3, Extracted: 2, Failed: 3,
		Reasons: []string{"timeout after 30s", "http 404 Not Found", "timeout after 30s"}, SilentAfter: "48h0m0s"},
	{Run: "2026-12-08T023000Z", Feed: "alpha", Outlet: "Alpha Post", Status: "not_modified", Silent: true, SilentAfter: "48h0m0s"},
}

func TestCoverageFeedsTable(t *testing.T) {
	df, err := coverageFeedsTable(testFeedRuns)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := (&table{Name: "coverage_feeds", df: df}).writeCSV(&b); err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "testdata/golden/coverage_feeds.golden", b.Bytes())
}

func TestFeedsSentence(t *testing.T) {
	for _, tt := range []struct {
		name string
		runs []FeedRun
		want string
	}{
		{"none", nil, ""},
		// beta was silent once but not in its latest run; alpha is.
		{"latest run counts", append(testFeedRuns, FeedRun{Run: "2026-12-06T023000Z", Feed: "beta", Outlet: "Beta Times", Silent: true}),
			"Feeds: these outlets went silent, nothing new for longer than their usual interval: Alpha Post (see coverage_feeds)."},
		{"all fine", testFeedRuns[:1], "Feeds: no outlet went silent (see coverage_feeds)."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := feedsSentence(tt.runs); got != tt.want {
				t.Errorf("feedsSentence = %q, want %q", got, tt.want)
			}
		})
	}
}
