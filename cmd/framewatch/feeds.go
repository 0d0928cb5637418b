package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"

	"github.com/framewatch/framewatch/internal/feeds"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/reports"
)

// fetchBeforeRun fetches the feeds of the configuration's feeds section
// into its folder, and adds the folder to paths when it is not there. A
// feed or item that failed is logged and the run goes on: the ledger, in
// the report, says why.
func fetchBeforeRun(ctx context.Context, cfg pipeline.FeedsConfig, paths *[]string, log *slog.Logger) error {
	if cfg.File == "" {
		return nil
	}
	fc, err := feeds.LoadConfig(cfg.File)
	if err != nil {
		return err
	}
	err = fetchFeeds(ctx, fc, cfg.Into, discard{})
	if errors.Is(err, errPartial) {
		log.Warn("fetch: " + err.Error())
	} else if err != nil {
		return err
	}
	into := filepath.Clean(cfg.Into)
	if !slices.ContainsFunc(*paths, func(p string) bool { return filepath.Clean(p) == into }) {
		*paths = append(*paths, cfg.Into)
	}
	return nil
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

// feedRuns reads the fetch ledgers kept in the input folders.
func feedRuns(paths []string) ([]reports.FeedRun, error) {
	var out []reports.FeedRun
	for _, p := range paths {
		if fi, err := os.Stat(p); p == "-" || err != nil || !fi.IsDir() {
			continue
		}
		ls, err := feeds.ReadLedgers(p)
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			for _, f := range l.Feeds {
				r := reports.FeedRun{Run: l.ID, Feed: f.Feed, URL: f.URL, Outlet: f.Outlet, Status: f.Status, Error: f.Error,
					Listed: f.Listed, New: f.New, Fetched: f.Fetched, Extracted: f.Extracted, Saved: f.Saved,
					Duplicates: f.Duplicates, Failed: f.Failed, NewestItem: f.NewestItem, Silent: f.Silent, SilentAfter: f.SilentAfter}
				for _, x := range f.Failures {
					r.Reasons = append(r.Reasons, x.Reason)
				}
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// withFeeds folds the ledger into a run's fingerprint: a new fetch run
// changes the report even when it saved no article.
func withFeeds(fingerprint string, runs []reports.FeedRun) string {
	if len(runs) == 0 || fingerprint == "" {
		return fingerprint
	}
	b, _ := json.Marshal(runs)
	h := sha256.Sum256(append([]byte(fingerprint+"\n"), b...))
	return hex.EncodeToString(h[:])
}
