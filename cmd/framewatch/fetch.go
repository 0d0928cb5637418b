package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/framewatch/framewatch/internal/feeds"
)

const fetchUsage = `framewatch fetch --feeds FILE --into DIR

Reads the feeds listed in FILE (RSS 2.0, Atom, JSON Feed) and saves their
new articles under DIR as HTML files with sidecar manifest.csv metadata,
which "framewatch run DIR" reads. Conditional requests, robots.txt, one
rate limit per host and retries are described in README.md ("Feeds").
Prints one line per feed.

Exit codes: 0 ok, 1 run error or interrupted, 2 usage, 3 finished but a
feed or an item failed (reasons in DIR/.feeds/ledger/).
`

func fetchCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("fetch", stderr, fetchUsage)
	file := fs.String("feeds", "", "feeds `FILE` (YAML, see README)")
	into := fs.String("into", "", "`DIR` the articles are saved in")
	if err := fs.Parse(args); err != nil {
		return flagErr(err)
	}
	if *file == "" || *into == "" || fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: fetch needs --feeds FILE and --into DIR and no other argument", errUsage)
	}
	cfg, err := feeds.LoadConfig(*file)
	if err != nil {
		return err
	}
	return fetchFeeds(ctx, cfg, *into, stdout)
}

// fetchFeeds runs one fetch and prints its ledger; errPartial when a feed
// or an item failed.
func fetchFeeds(ctx context.Context, cfg feeds.Config, into string, stdout io.Writer) error {
	f := &feeds.Fetcher{Config: cfg, Dir: into, Version: version}
	led, err := f.Run(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "feed\toutlet\tstatus\tlisted\tnew\tsaved\tfailed\tsilent")
	failed := false
	for _, l := range led.Feeds {
		silent := ""
		if l.Silent {
			silent = "silent > " + l.SilentAfter
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\n", l.Feed, l.Outlet, l.Status, l.Listed, l.New, l.Saved, l.Failed, silent)
		failed = failed || l.Status == feeds.StatusFailed || l.Failed > 0
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if failed {
		return fmt.Errorf("%w: some feeds or items failed (reasons in %s/.feeds/ledger/)", errPartial, into)
	}
	return nil
}
