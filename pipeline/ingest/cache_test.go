package ingest

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// mapCache is an in-memory HTMLCache that counts its hits. Like every
// HTMLCache it is safe for concurrent use.
type mapCache struct {
	mu   sync.Mutex
	m    map[string]htmlDoc
	hits int
}

func (c *mapCache) LoadHTML(key string) (string, pipeline.Meta, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.m[key]
	if ok {
		c.hits++
	}
	return h.Text, h.Meta, ok
}

func (c *mapCache) StoreHTML(key, text string, meta pipeline.Meta) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = htmlDoc{Text: text, Meta: meta}
}

func TestHTMLCacheGivesSameDocuments(t *testing.T) {
	page := `<!doctype html><html><head><title>Putin in Pyongyang</title>
<meta property="og:site_name" content="Example Times"><meta name="author" content="Jane Roe"></head>
<body><nav>Home | World</nav><article><h1>Putin in Pyongyang</h1>
<p>Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un, the first visit in 24 years.</p>
<p>The two leaders signed a partnership treaty, state media said, as Washington warned of deepening military ties.</p></article>
<footer>© 2024 Example Times</footer></body></html>`
	dir := writeTree(t, map[string]string{"a.html": page, "b.txt": "Plain text article body."})
	cache := &mapCache{m: map[string]htmlDoc{}}
	src := &Source{Paths: []string{dir}, HTMLCache: cache}
	first := collect(t, src)
	second := collect(t, src)
	// Each Docs call reads its input twice (see dedup.go): the first
	// collect extracts the page and finds it stored in its second pass,
	// the second finds it stored in both.
	if cache.hits != 3 || len(cache.m) != 1 {
		t.Fatalf("cache: %d entries, %d hits; want 1 page stored and read thrice", len(cache.m), cache.hits)
	}
	plain := collect(t, &Source{Paths: []string{filepath.Join(dir, "a.html")}})
	if len(first) != 2 || len(second) != 2 || len(plain) != 1 {
		t.Fatalf("got %d, %d, %d documents", len(first), len(second), len(plain))
	}
	for _, d := range []*pipeline.Doc{first[0], second[0]} {
		if d.Text != plain[0].Text || d.Meta.Outlet != plain[0].Meta.Outlet || d.Meta.Author != plain[0].Meta.Author {
			t.Errorf("through the cache: text %q, outlet %q, author %q; without: %q, %q, %q",
				d.Text, d.Meta.Outlet, d.Meta.Author, plain[0].Text, plain[0].Meta.Outlet, plain[0].Meta.Author)
		}
	}
}
