package main

import (
	"bytes"
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
)

// outletSite is one outlet's web site: robots.txt, an RSS feed with an
// ETag, and article pages; it counts requests per path.
type outletSite struct {
	*httptest.Server
	mu      sync.Mutex
	items   []string // "path|title|date"
	pages   map[string]string
	hits    map[string]int
	inm     []string // If-None-Match of each feed request
	version int
}

func newOutletSite(t *testing.T) *outletSite {
	s := &outletSite{pages: map[string]string{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *outletSite) add(path, title, date, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, path+"|"+title+"|"+date)
	s.pages[path] = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><nav>Home</nav><article><h1>" +
		title + "</h1>" + text + "</article><footer>© outlet</footer></body></html>"
	s.version++
}

func (s *outletSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
	case "/rss":
		s.inm = append(s.inm, r.Header.Get("If-None-Match"))
		tag := fmt.Sprintf(`"v%d"`, s.version)
		if r.Header.Get("If-None-Match") == tag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", tag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>/</link><description>d</description>`)
		for i := len(s.items) - 1; i >= 0; i-- {
			f := strings.Split(s.items[i], "|")
			fmt.Fprintf(w, "<item><title>%s</title><link>%s%s</link><pubDate>%s</pubDate></item>", f[1], s.URL, f[0], f[2])
		}
		fmt.Fprint(w, `</channel></rss>`)
	default:
		p, ok := s.pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, p)
	}
}

func paras(ss ...string) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString("<p>" + s + "</p>\n")
	}
	return b.String()
}

// wire is a wire story that three outlets republish with small edits.
var wire = []string{
	"Leaders of the European Union agreed on Thursday to extend sanctions against Russia for another six months, diplomats said after a summit in Brussels.",
	"The decision, which needs no further vote, keeps in place restrictions on banks, energy companies and exports of military technology that were first imposed in 2014.",
	"Hungary had threatened to block the extension but relented after talks with the Commission president late on Wednesday, two officials told reporters.",
	"The sanctions will now run until the end of July, when the bloc's 27 governments must decide again whether to renew them.",
}

func TestFeedsEndToEnd(t *testing.T) {
	a, b, c := newOutletSite(t), newOutletSite(t), newOutletSite(t)
	a.add("/world/eu-sanctions", "EU extends Russia sanctions", "Thu, 03 Dec 2026 09:00:00 GMT", paras(wire...))
	b.add("/news/sanctions", "EU leaders extend sanctions", "Thu, 03 Dec 2026 11:30:00 GMT",
		paras(append([]string{"Brussels (Wire) - " + wire[0]}, wire[1:]...)...))
	c.add("/a/1", "Sanctions on Russia extended", "Thu, 03 Dec 2026 15:00:00 GMT",
		paras(wire[0], wire[1], strings.Replace(wire[2], "two officials told reporters", "officials said", 1), wire[3]))
	a.add("/world/budget", "Council adopts budget", "Wed, 02 Dec 2026 08:00:00 GMT",
		paras("The city council adopted its budget for next year on Wednesday after a debate that lasted well into the night.",
			"Spending on schools rises by four percent while the road maintenance fund is frozen at this year's level.",
			"The opposition voted against, saying the plan relies on optimistic forecasts of tax revenue."))
	b.add("/news/storm", "Storm closes harbour", "Wed, 02 Dec 2026 18:00:00 GMT",
		paras("A storm with gusts of up to 120 kilometres an hour closed the harbour on Wednesday and cut power to thousands of homes.",
			"Ferries to the islands were cancelled and the coast guard warned people to stay away from the sea front.",
			"Forecasters expect the wind to ease by Friday morning."))

	dir := t.TempDir()
	feedsFile := filepath.Join(dir, "feeds.yaml")
	yaml := fmt.Sprintf(`contact: https://example.org/newsdesk
host_interval: 1ms
feeds:
  - {url: %s/rss, name: alpha, outlet: Alpha Post, country: GB, language: en}
  - {url: %s/rss, name: beta, outlet: Beta Times, country: US, language: en}
  - {url: %s/rss, name: gamma, outlet: Gamma Daily, country: IE, language: en}
`, a.URL, b.URL, c.URL)
	if err := os.WriteFile(feedsFile, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(dir, "corpus")
	fetch := func() string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"fetch", "--feeds", feedsFile, "--into", corpus}, nil, &stdout, &stderr); err != nil {
			t.Fatalf("fetch: %v\n%s%s", err, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	fetch()
	a.add("/world/late", "Late story", "Fri, 04 Dec 2026 07:00:00 GMT",
		paras("A late story about the harbour reopening after the storm, with ferries running again from Friday.",
			"The port authority said repairs to the breakwater would take several weeks and cost about two million euros.",
			"Fishermen said they had lost a week of work."))
	out2 := fetch()
	if !strings.Contains(out2, "beta   Beta Times   not_modified") || !strings.Contains(out2, "alpha  Alpha Post   ok            3       1    1") {
		t.Errorf("second fetch printed\n%s", out2)
	}
	for i, s := range []*outletSite{a, b, c} {
		first := []string{`"v2"`, `"v2"`, `"v1"`}[i] // the ETag of the first fetch
		if len(s.inm) != 2 || s.inm[0] != "" || s.inm[1] != first {
			t.Errorf("%s: feed If-None-Match = %q, want none, then the first ETag", s.URL, s.inm)
		}
		for p := range s.pages {
			if s.hits[p] != 1 {
				t.Errorf("%s%s fetched %d times, want once", s.URL, p, s.hits[p])
			}
		}
	}

	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"run", "--out", out, "--report-date", "2026-12-07", corpus}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	latest := filepath.Join(out, "latest")
	units := readCSV(t, filepath.Join(latest, "units.csv"))
	if len(units) != 6 {
		t.Errorf("units.csv has %d rows, want six articles", len(units))
	}
	var meta []string
	for _, u := range units {
		meta = append(meta, u["outlet"]+"|"+u["country"]+"|"+u["date"]+"|"+u["title"])
	}
	if !slices.Contains(meta, "Alpha Post|GB|2026-12-03|EU extends Russia sanctions") || !slices.Contains(meta, "Gamma Daily|IE|2026-12-03|Sanctions on Russia extended") {
		t.Errorf("units.csv lacks the sidecar metadata: %q", meta)
	}
	cov := readCSV(t, filepath.Join(latest, "coverage_feeds.csv"))
	var got []string
	for _, r := range cov {
		got = append(got, strings.Join([]string{r["feed"], r["outlet"], r["status"], r["listed"], r["new"], r["saved"], r["failed"]}, " "))
	}
	want := []string{
		"alpha Alpha Post ok 2 2 2 0", "beta Beta Times ok 2 2 2 0", "gamma Gamma Daily ok 1 1 1 0",
		"alpha Alpha Post ok 3 1 1 0", "beta Beta Times not_modified 0 0 0 0", "gamma Gamma Daily not_modified 0 0 0 0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("coverage_feeds (feed outlet status listed new saved failed) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The wire story the three outlets republished with edits is one
	// story, first carried by Alpha Post (same day; first by unit id).
	syn := readCSV(t, filepath.Join(latest, "syndication.csv"))
	if len(syn) != 1 || syn[0]["outlet_list"] != "Alpha Post; Beta Times; Gamma Daily" || syn[0]["earliest_outlet"] != "Alpha Post" {
		t.Errorf("syndication.csv = %v, want the wire story of three outlets", syn)
	}
	shares := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(latest, "syndication_outlets.csv")) {
		shares[r["outlet"]] = r["own"] + "/" + r["syndicated"]
	}
	if shares["Alpha Post"] != "3/0" || shares["Beta Times"] != "1/1" || shares["Gamma Daily"] != "0/1" {
		t.Errorf("own/syndicated by outlet = %v", shares)
	}
	summary, err := os.ReadFile(filepath.Join(latest, "summary.md"))
	if err != nil || !strings.Contains(string(summary), "Feeds: no outlet went silent") {
		t.Errorf("summary.md does not report the feeds: %v\n%s", err, summary)
	}
	manifest, err := os.ReadFile(filepath.Join(latest, "manifest.json"))
	if err != nil || !strings.Contains(string(manifest), `"feeds": [`) {
		t.Errorf("manifest.json lacks the ledger: %v", err)
	}

	// With a feeds section in its configuration, run fetches first.
	cfg := filepath.Join(dir, "press.yaml")
	if err := os.WriteFile(cfg, []byte("feeds:\n  file: "+feedsFile+"\n  into: "+corpus+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"run", "--out", out, "--config", cfg, "--report-date", "2026-12-07", corpus}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("run with feeds: %v\n%s", err, stderr.String())
	}
	if cov := readCSV(t, filepath.Join(latest, "coverage_feeds.csv")); len(cov) != 9 || cov[8]["status"] != "not_modified" {
		t.Errorf("after run with feeds: coverage_feeds has %d rows, want a third fetch run", len(cov))
	}
}
