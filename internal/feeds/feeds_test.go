package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

// page is an article page with enough text for extraction.
func page(title, body string) string {
	var p strings.Builder
	for i := range 4 {
		fmt.Fprintf(&p, "<p>%s Paragraph %d adds the detail that a reader expects from a full news article about this.</p>\n", body, i+1)
	}
	return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><nav>Home | World</nav><article><h1>" +
		title + "</h1>" + p.String() + "</article><footer>Copyright</footer></body></html>"
}

func rss(items ...string) string {
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://x/</link><description>d</description>` +
		strings.Join(items, "") + `</channel></rss>`
}

func rssItem(title, link, date string) string {
	return "<item><title>" + title + "</title><link>" + link + "</link><pubDate>" + date + "</pubDate><author>ed@example.com (Ann Editor)</author></item>"
}

// site is an httptest server with a route table and a request log.
type site struct {
	*httptest.Server
	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	log    []string // "PATH If-None-Match=..."
	agents []string
}

func newSite(t *testing.T) *site {
	s := &site{routes: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.log = append(s.log, r.URL.Path+" inm="+r.Header.Get("If-None-Match"))
		s.agents = append(s.agents, r.Header.Get("User-Agent"))
		h := s.routes[r.URL.Path]
		s.mu.Unlock()
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	s.routes[path] = h
	s.mu.Unlock()
}

func (s *site) serve(path, ctype, body string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		fmt.Fprint(w, body)
	})
}

// etagFeed serves body with an ETag and answers a matching If-None-Match
// with 304.
func (s *site) etagFeed(path, body string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		const tag = `"v1"`
		if r.Header.Get("If-None-Match") == tag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", tag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	})
}

func (s *site) requests(path string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, l := range s.log {
		if strings.HasPrefix(l, path+" ") {
			out = append(out, l)
		}
	}
	return out
}

func testConfig(feeds ...Feed) Config {
	c := Config{Contact: "https://example.org/contact", Timeout: 2 * time.Second, HostInterval: time.Millisecond,
		Retries: 2, RetryWaitMax: time.Second, Feeds: feeds}
	if err := c.fill(); err != nil {
		panic(err)
	}
	return c
}

var clock = time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)

func fetcher(t *testing.T, dir string, cfg Config) *Fetcher {
	return &Fetcher{Config: cfg, Dir: dir, Version: "test", Now: func() time.Time { return clock }}
}

func TestFetchSavesOnceAndSendsConditionalGET(t *testing.T) {
	s := newSite(t)
	s.etagFeed("/rss", rss(
		rssItem("Summit opens", s.URL+"/a?utm_source=rss", "Sun, 06 Dec 2026 10:00:00 GMT"),
		rssItem("Talks stall", s.URL+"/b", "Sun, 06 Dec 2026 12:00:00 GMT"),
		rssItem("Talks stall again", s.URL+"/b#comments", "Sun, 06 Dec 2026 12:00:00 GMT"),
	))
	s.serve("/a", "text/html; charset=utf-8", page("Summit opens", "Leaders met in Geneva on Sunday."))
	s.serve("/b", "text/html", page("Talks stall", "Negotiators left without a deal."))
	dir := t.TempDir()
	cfg := testConfig(Feed{URL: s.URL + "/rss", Outlet: "reuters", Language: "en"})

	l1, err := fetcher(t, dir, cfg).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f1 := l1.Feeds[0]
	if f1.Status != StatusOK || f1.Listed != 3 || f1.New != 2 || f1.Saved != 2 || f1.Failed != 0 {
		t.Fatalf("first run ledger = %+v, want ok, 3 listed, 2 new, 2 saved", f1)
	}
	if f1.Outlet != "Reuters" || f1.Country != "GB" {
		t.Errorf("outlet = %q %q, want the registry's Reuters GB", f1.Outlet, f1.Country)
	}
	l2, err := fetcher(t, dir, cfg).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if f := l2.Feeds[0]; f.Status != StatusNotModified || f.New != 0 {
		t.Errorf("second run ledger = %+v, want not_modified", f)
	}
	if got := s.requests("/rss"); len(got) != 2 || got[1] != `/rss inm="v1"` {
		t.Errorf("feed requests = %q, want a second one with If-None-Match", got)
	}
	if got := s.requests("/a"); len(got) != 1 {
		t.Errorf("article /a fetched %d times, want once", len(got))
	}
	for _, ua := range s.agents {
		if ua != "framewatch/test (+https://example.org/contact)" {
			t.Fatalf("User-Agent = %q", ua)
		}
	}
	ledgers, err := ReadLedgers(dir)
	if err != nil || len(ledgers) != 2 || ledgers[1].Feeds[0].Status != StatusNotModified { // one clock, two files
		t.Fatalf("ReadLedgers = %d, %v", len(ledgers), err)
	}

	// What was saved is what ingest reads, with the sidecar metadata.
	var docs []*pipeline.Doc
	src := &ingest.Source{Paths: []string{dir}, Config: pipeline.DefaultConfig().Ingest}
	if err := src.Docs(context.Background(), func(d *pipeline.Doc) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		if d.Status == "" || d.Status == pipeline.StatusOK {
			got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s|%s", d.Meta.Outlet, d.Meta.Country, d.Meta.Date, d.Meta.Title, d.Meta.Author, d.Meta.Extra["date_source"]))
		}
	}
	slices.Sort(got)
	want := []string{"Reuters|GB|2026-12-06|Summit opens|Ann Editor|feed", "Reuters|GB|2026-12-06|Talks stall|Ann Editor|feed"}
	if !slices.Equal(got, want) {
		t.Errorf("ingested = %q, want %q", got, want)
	}
}

func TestFeedFormats(t *testing.T) {
	s := newSite(t)
	s.serve("/p1", "text/html", page("One", "The first story of the day."))
	s.serve("/p2", "text/html", page("Two", "The second story of the day."))
	s.serve("/atom", "application/atom+xml", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-12-06T10:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><link rel="alternate" href="/p1"/><published>2026-12-05T10:00:00Z</published><author><name>Bo</name></author></entry>
</feed>`)
	s.serve("/json", "application/feed+json", `{"version":"https://jsonfeed.org/version/1.1","title":"J",
"items":[{"id":"2","url":"`+s.URL+`/p2","title":"Two","date_published":"2026-12-04T10:00:00Z","authors":[{"name":"Cy"}]}]}`)
	dir := t.TempDir()
	cfg := testConfig(Feed{URL: s.URL + "/atom", Outlet: "Atom Daily"}, Feed{URL: s.URL + "/json", Outlet: "Json Daily"})
	l, err := fetcher(t, dir, cfg).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range l.Feeds {
		if f.Status != StatusOK || f.Saved != 1 {
			t.Errorf("%s: ledger = %+v, want one saved", f.Feed, f)
		}
	}
	st, _ := OpenStore(dir)
	var got []string
	for _, a := range st.Articles() {
		got = append(got, a.Outlet+"|"+a.Date+"|"+a.Author)
	}
	if want := []string{"Atom Daily|2026-12-05|Bo", "Json Daily|2026-12-04|Cy"}; !slices.Equal(got, want) {
		t.Errorf("articles = %q, want %q", got, want)
	}
}

// TestFailureReasons checks that every way a fetch goes wrong ends in the
// ledger with a reason.
func TestFailureReasons(t *testing.T) {
	s := newSite(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	s.serve("/robots.txt", "text/plain", "User-agent: framewatch\nDisallow: /private/\n")
	s.serve("/bad", "application/rss+xml", "<rss><channel><item><title>oops")
	s.serve("/notafeed", "text/plain", "just words, no feed at all")
	s.handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	s.handle("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("x", 1<<10)
		for range 300 {
			fmt.Fprint(w, chunk)
		}
	})
	s.handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.serve("/pdf", "application/pdf", "%PDF-1.4")
	s.serve("/empty", "text/html", "<html><head><title>Empty</title></head><body></body></html>")
	s.handle("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	s.serve("/items", "application/rss+xml", rss(
		rssItem("private", s.URL+"/private/x", ""),
		rssItem("slow", s.URL+"/slow", ""),
		rssItem("huge", s.URL+"/huge", ""),
		rssItem("loop", s.URL+"/loop", ""),
		rssItem("pdf", s.URL+"/pdf", ""),
		rssItem("empty", s.URL+"/empty", ""),
		rssItem("busy", s.URL+"/busy", ""),
		rssItem("gone", s.URL+"/gone", ""),
	))
	cfg := testConfig(
		Feed{URL: s.URL + "/bad", Outlet: "Bad"},
		Feed{URL: s.URL + "/notafeed", Outlet: "Words"},
		Feed{URL: s.URL + "/private/feed", Outlet: "Private"},
		Feed{URL: s.URL + "/items", Outlet: "Items", MaxBodyBytes: 100 << 10},
	)
	cfg.Timeout = 200 * time.Millisecond
	cfg.Retries = 0
	dir := t.TempDir()
	l, err := fetcher(t, dir, cfg).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	feedErr := map[string]string{}
	for _, f := range l.Feeds {
		feedErr[f.Outlet] = f.Error
	}
	for outlet, want := range map[string]string{"Bad": "malformed feed", "Words": "malformed feed", "Private": "disallowed by robots.txt"} {
		if !strings.Contains(feedErr[outlet], want) {
			t.Errorf("feed %s error = %q, want %q", outlet, feedErr[outlet], want)
		}
	}
	items := l.Feeds[3]
	reasons := map[string]string{}
	for _, f := range items.Failures {
		reasons[strings.TrimPrefix(f.URL, s.URL)] = f.Reason
	}
	for path, want := range map[string]string{
		"/private/x": "disallowed by robots.txt",
		"/slow":      "timeout after 200ms",
		"/huge":      "body larger than 102400 bytes",
		"/loop":      "stopped after 5 redirects",
		"/pdf":       `not html (content-type "application/pdf")`,
		"/empty":     "no main text",
		"/busy":      "http 429 Too Many Requests (Retry-After 1h0m0s exceeds retry_wait_max 1s)",
		"/gone":      "http 404 Not Found",
	} {
		if !strings.Contains(reasons[path], want) {
			t.Errorf("item %s reason = %q, want %q", path, reasons[path], want)
		}
	}
	if items.New != 8 || items.Failed != 8 || items.Saved != 0 {
		t.Errorf("ledger = %+v, want 8 new, 8 failed", items)
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	s := newSite(t)
	var n int
	s.handle("/rss", func(w http.ResponseWriter, r *http.Request) {
		n++
		if n == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss())
	})
	l, err := fetcher(t, t.TempDir(), testConfig(Feed{URL: s.URL + "/rss", Outlet: "X"})).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if f := l.Feeds[0]; f.Status != StatusOK || n != 2 {
		t.Errorf("after a 429: status %q after %d requests, want ok after 2", f.Status, n)
	}
}

func TestGzip(t *testing.T) {
	s := newSite(t)
	s.serve("/p", "text/html", page("Zipped", "Compressed pages are read too."))
	feed := rss(rssItem("Zipped", s.URL+"/p", ""))
	var sawGzip bool
	s.handle("/rss", func(w http.ResponseWriter, r *http.Request) {
		sawGzip = strings.Contains(r.Header.Get("Accept-Encoding"), "gzip")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed)
	})
	l, err := fetcher(t, t.TempDir(), testConfig(Feed{URL: s.URL + "/rss", Outlet: "X"})).Run(context.Background())
	if err != nil || l.Feeds[0].Saved != 1 || !sawGzip {
		t.Errorf("saved %d, accept gzip %v, err %v", l.Feeds[0].Saved, sawGzip, err)
	}
}

func TestSilentFeed(t *testing.T) {
	s := newSite(t)
	var items []string
	for h := range 6 { // hourly: the usual interval is an hour
		d := clock.Add(-time.Duration(h+1) * time.Hour).Format(time.RFC1123Z)
		items = append(items, rssItem("t", fmt.Sprintf("%s/gone%d", s.URL, h), d))
	}
	s.serve("/rss", "application/rss+xml", rss(items...))
	dir := t.TempDir()
	cfg := testConfig(Feed{URL: s.URL + "/rss", Outlet: "X"})
	l, err := fetcher(t, dir, cfg).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if f := l.Feeds[0]; f.Silent || f.SilentAfter != "3h0m0s" {
		t.Errorf("first run: silent %v after %s, want not silent, 3h", f.Silent, f.SilentAfter)
	}
	later := &Fetcher{Config: cfg, Dir: dir, Version: "test", Now: func() time.Time { return clock.Add(5 * time.Hour) }}
	l, err = later.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if f := l.Feeds[0]; !f.Silent || f.NewestItem != clock.Add(-time.Hour).Format(time.RFC3339) {
		t.Errorf("five hours on: %+v, want silent", f)
	}
}

// TestKilledFetch checks what a fetch killed between writing a page and its
// manifest row leaves: the next run removes the unlisted page and the
// temporary file and fetches the article again.
func TestKilledFetch(t *testing.T) {
	s := newSite(t)
	s.etagFeed("/rss", rss(rssItem("A", s.URL+"/a", "")))
	s.serve("/a", "text/html", page("A", "Alpha story text."))
	dir := t.TempDir()
	// A transient failure keeps no validators, so nothing is lost to 304.
	s.handle("/a", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) })
	cfg := testConfig(Feed{URL: s.URL + "/rss", Outlet: "Kill"})
	cfg.Retries = 0
	if _, err := fetcher(t, dir, cfg).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.serve("/a", "text/html", page("A", "Alpha story text."))
	leftover := filepath.Join(dir, "kill", "undated-000000000000.html")
	for _, p := range []string{leftover, filepath.Join(dir, "kill", ".tmp-123")} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("<html>half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := fetcher(t, dir, cfg).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if f := l.Feeds[0]; f.Status != StatusOK || f.Saved != 1 {
		t.Errorf("after a 502: %+v, want the feed fetched in full and the article saved", f)
	}
	ents, _ := os.ReadDir(filepath.Join(dir, "kill"))
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[0] != "manifest.csv" || !strings.HasSuffix(names[1], ".html") || names[1] == filepath.Base(leftover) {
		t.Errorf("folder = %q, want one saved page and manifest.csv", names)
	}
}

func TestTextDuplicate(t *testing.T) {
	s := newSite(t)
	body := page("Same", "One text under two addresses.")
	s.serve("/a", "text/html", body)
	s.serve("/b", "text/html", body)
	s.serve("/rss", "application/rss+xml", rss(rssItem("a", s.URL+"/a", ""), rssItem("b", s.URL+"/b", "")))
	l, err := fetcher(t, t.TempDir(), testConfig(Feed{URL: s.URL + "/rss", Outlet: "X"})).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if f := l.Feeds[0]; f.Saved != 1 || f.Duplicates != 1 {
		t.Errorf("ledger = %+v, want 1 saved, 1 duplicate", f)
	}
}

func TestCanonical(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"HTTP://Example.COM:80/a/?utm_source=x&b=2&a=1#top", "http://example.com/a?a=1&b=2"},
		{"https://example.com:443/", "https://example.com/"},
		{"https://example.com:8443/x", "https://example.com:8443/x"},
		{" not a url ", "not a url"},
	} {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseConfig(t *testing.T) {
	for _, tt := range []struct{ name, in, err string }{
		{"no contact", "feeds: []", "contact is required"},
		{"unknown key", "contact: x\nbogus: 1", "field bogus not found"},
		{"bad url", "contact: x\nfeeds: [{url: ftp://x/f, outlet: X}]", "is not an http(s) URL"},
		{"no outlet", "contact: x\nfeeds: [{url: http://x/f}]", "outlet is required"},
		{"twice", "contact: x\nfeeds: [{url: http://x/f, outlet: X}, {url: http://x/f, outlet: Y}]", "listed twice"},
		{"ok", "contact: x\ntimeout: 5s\nfeeds: [{url: http://x/f, outlet: X, silent_after: 6h}]", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseConfig([]byte(tt.in))
			if tt.err == "" {
				if err != nil || c.Timeout != 5*time.Second || c.Feeds[0].SilentAfter != 6*time.Hour || c.Feeds[0].MaxItems != DefaultMaxItems {
					t.Errorf("ParseConfig = %+v, %v", c, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseConfig error = %v, want %q", err, tt.err)
			}
		})
	}
}

// TestREADMEExample keeps the feeds.yaml example in README.md valid.
func TestREADMEExample(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "\n## Feeds")
	if i < 0 {
		t.Fatal("README.md has no Feeds section")
	}
	s = s[i:]
	j := strings.Index(s, "```yaml\n")
	k := strings.Index(s[j+8:], "```")
	if j < 0 || k < 0 {
		t.Fatal("the Feeds section has no yaml example")
	}
	c, err := ParseConfig([]byte(s[j+8 : j+8+k]))
	if err != nil {
		t.Fatalf("README example: %v", err)
	}
	if len(c.Feeds) != 1 || c.Feeds[0].Name != "reuters-world" || c.HostInterval != DefaultHostInterval || c.RetryWaitMax != DefaultRetryWaitMax ||
		c.Timeout != DefaultTimeout || c.MaxBodyBytes != DefaultMaxBodyBytes || c.MaxRedirects != DefaultMaxRedirects || c.Retries != DefaultRetries {
		t.Errorf("README example = %+v, want the defaults written out", c)
	}
}
