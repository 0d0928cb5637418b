package feeds

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

// Fetcher collects the feeds of a Config into a Store folder.
type Fetcher struct {
	Config Config
	// Dir is the folder articles are saved in (fetch --into).
	Dir string
	// Version goes into the User-Agent ("framewatch/VERSION").
	Version string
	// Registry names outlets: a feed's outlet is written under its
	// registry name when the registry knows it. Nil: the default registry.
	Registry *registry.Registry
	// Now is the clock (tests fix it); nil is time.Now.
	Now func() time.Time
	// Transport replaces http.DefaultTransport (tests); nil keeps it.
	Transport http.RoundTripper
}

// Run fetches every feed once, in the order of the configuration, and
// saves the new articles. It returns the run's ledger, which it has also
// written to Dir. Failures of feeds and items are in the ledger, not
// errors; an error is I/O on Dir or a cancelled ctx (what was saved
// before stays saved, and the next run fetches the rest).
func (f *Fetcher) Run(ctx context.Context) (Ledger, error) {
	now := time.Now
	if f.Now != nil {
		now = f.Now
	}
	reg := f.Registry
	if reg == nil {
		reg = registry.Default()
	}
	start := now().UTC()
	led := Ledger{Run: start.Format(time.RFC3339)}
	store, err := OpenStore(f.Dir)
	if err != nil {
		return led, err
	}
	st, err := readState(f.Dir)
	if err != nil {
		return led, err
	}
	c := newClient(f.Config, f.Version, f.Transport)
	for _, feed := range f.Config.Feeds {
		if o, ok := reg.Lookup(feed.Outlet); ok {
			feed.Outlet = o.Name
			if feed.Country == "" {
				feed.Country = o.Country
			}
		}
		fs := st.Feeds[feed.Name]
		if fs == nil {
			fs = &feedState{FirstRun: start}
			st.Feeds[feed.Name] = fs
		}
		fl, err := f.fetchFeed(ctx, c, store, feed, fs, start)
		if err != nil {
			return led, err
		}
		silent, after := fs.silent(now().UTC(), feed.SilentAfter)
		fl.Silent, fl.SilentAfter = silent, after.String()
		if len(fs.Dates) > 0 {
			fl.NewestItem = fs.Dates[0].Format(time.RFC3339)
		}
		led.Feeds = append(led.Feeds, fl)
		// The feed is done: what it changed in the state is kept now, so
		// a run killed at the next feed keeps this one's work.
		if err := st.write(f.Dir); err != nil {
			return led, err
		}
	}
	return led, writeLedger(f.Dir, &led)
}

// fetchFeed reads one feed and saves its new items.
func (f *Fetcher) fetchFeed(ctx context.Context, c *client, store *Store, feed Feed, fs *feedState, start time.Time) (FeedLedger, error) {
	fl := FeedLedger{Feed: feed.Name, URL: feed.URL, Outlet: feed.Outlet, Country: feed.Country, Language: feed.Language}
	fail := func(reason string) (FeedLedger, error) {
		fl.Status, fl.Error = StatusFailed, reason
		return fl, ctx.Err()
	}
	u, _ := url.Parse(feed.URL) // checked by ParseConfig
	if err := c.allowed(ctx, u); err != nil {
		return fail(err.Error())
	}
	hdr := http.Header{}
	if fs.ETag != "" {
		hdr.Set("If-None-Match", fs.ETag)
	}
	if fs.LastModified != "" {
		hdr.Set("If-Modified-Since", fs.LastModified)
	}
	body, status, resp, err := c.get(ctx, feed.URL, hdr, feed.MaxBodyBytes)
	if err != nil {
		return fail(err.Error())
	}
	if status == http.StatusNotModified {
		fl.Status = StatusNotModified
		return fl, nil
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return fail("malformed feed: " + err.Error())
	}
	fl.Status = StatusOK
	items := parsed.Items
	fl.Listed = len(items)
	if len(items) > feed.MaxItems {
		items = items[:feed.MaxItems]
	}
	var dates []time.Time
	passing := false // a failure that may pass: keep no validators
	for _, it := range items {
		if d := itemDate(it); !d.IsZero() {
			dates = append(dates, d)
		}
		link := Canonical(itemLink(it, resp.finalURL))
		if link == "" {
			fl.Failed++
			fl.Failures = append(fl.Failures, Failure{URL: it.GUID, Reason: "item has no link"})
			continue
		}
		if store.HasURL(link) {
			continue
		}
		fl.New++
		reason, transient, err := f.fetchItem(ctx, c, store, feed, it, link, start, &fl)
		if err != nil {
			return fl, err
		}
		if reason != "" {
			fl.Failed++
			fl.Failures = append(fl.Failures, Failure{URL: link, Reason: reason})
			passing = passing || transient
		}
	}
	fs.addDates(dates)
	if fl.Saved > 0 {
		fs.LastNew = start
	}
	// Items past max_items wait for the next run, which must then read
	// the feed in full rather than be told it is not modified.
	passing = passing || len(items) < fl.Listed
	if !passing {
		fs.ETag, fs.LastModified = resp.etag, resp.lastMo
	} else {
		fs.ETag, fs.LastModified = "", ""
	}
	return fl, nil
}

// fetchItem fetches and saves one new item. reason says why it was not
// saved ("" when it was, or was a duplicate); transient marks a reason
// that may pass (a network error, a 5xx or 429). err is fatal to the run.
func (f *Fetcher) fetchItem(ctx context.Context, c *client, store *Store, feed Feed, it *gofeed.Item, link string, start time.Time, fl *FeedLedger) (reason string, transient bool, err error) {
	lu, perr := url.Parse(link)
	if perr != nil {
		return "invalid link: " + perr.Error(), false, nil
	}
	if err := c.allowed(ctx, lu); err != nil {
		return err.Error(), strings.HasPrefix(err.Error(), "robots.txt unreadable"), ctx.Err()
	}
	page, status, resp, gerr := c.get(ctx, link, nil, feed.MaxBodyBytes)
	if gerr != nil {
		return gerr.Error(), status == 0 || status == http.StatusTooManyRequests || status >= 500, ctx.Err()
	}
	fl.Fetched++
	ct := resp.header.Get("Content-Type")
	if mt, _, _ := mime.ParseMediaType(ct); mt != "text/html" && mt != "application/xhtml+xml" {
		return fmt.Sprintf("not html (content-type %q)", ct), false, nil
	}
	text, meta, xerr := ingest.ExtractHTML(page)
	if xerr != nil {
		return xerr.Error(), false, nil
	}
	fl.Extracted++
	hash := ingest.Hash(text)
	if canon := Canonical(meta.URL); canon != "" && canon != link && store.HasURL(canon) {
		fl.Duplicates++
		return "", false, nil
	}
	if _, dup := store.TextOf(hash); dup {
		fl.Duplicates++
		return "", false, nil
	}
	a := Article{Outlet: feed.Outlet, Country: feed.Country, Language: feed.Language, URL: link,
		Title: strings.TrimSpace(it.Title), Feed: feed.Name, Fetched: start.Format(time.RFC3339), TextHash: hash}
	if a.Title == "" {
		a.Title = meta.Title
	}
	a.Author = itemAuthor(it)
	if a.Author == "" {
		a.Author = meta.Author
	}
	switch {
	case it.PublishedParsed != nil:
		a.Date, a.DateSource = it.PublishedParsed.UTC().Format("2006-01-02"), "feed"
	case it.UpdatedParsed != nil:
		a.Date, a.DateSource = it.UpdatedParsed.UTC().Format("2006-01-02"), "feed-updated"
	case meta.Date != "":
		a.Date, a.DateSource = meta.Date, "page"
	}
	if err := store.Save(&a, page); err != nil {
		return "", false, err
	}
	fl.Saved++
	return "", false, nil
}

func itemDate(it *gofeed.Item) time.Time {
	switch {
	case it.PublishedParsed != nil:
		return *it.PublishedParsed
	case it.UpdatedParsed != nil:
		return *it.UpdatedParsed
	}
	return time.Time{}
}

// itemLink is the item's page, resolved against the feed's URL.
func itemLink(it *gofeed.Item, base string) string {
	l := strings.TrimSpace(it.Link)
	if l == "" && len(it.Links) > 0 {
		l = strings.TrimSpace(it.Links[0])
	}
	if l == "" && (strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://")) {
		l = it.GUID
	}
	if l == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return l
	}
	r, err := b.Parse(l)
	if err != nil {
		return l
	}
	return r.String()
}

func itemAuthor(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.Author != nil {
		if n := strings.TrimSpace(it.Author.Name); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}
