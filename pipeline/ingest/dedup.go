package ingest

import (
	"context"
	"maps"
	"regexp"
	"sync"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

// Exact duplicates keep the better original, whatever their order: a copy
// filed as bad/dup-of-story.txt must not win over wire/story.txt because
// its path sorts first. Docs therefore reads its input twice: a first pass
// (plan) hashes every document, using Known and KnownExport as the real
// pass does, so an unchanged file is not opened, and picks each repeated
// text's winner by Better; the second pass emits the documents, every copy
// but the winner with status duplicate. Only the winners of repeated texts
// are kept between the passes (one ID per text that occurs twice).
// Standard input is read once, in the second pass: its records are
// duplicates of a file's document with the same text, and among
// themselves the first wins.

// Candidate is what Better compares of a document with the same text as
// another.
type Candidate struct {
	ID, Source string
	Meta       pipeline.Meta
	// Seq is the document's position in input order, the last tie-breaker.
	Seq int
}

// Better reports whether a is the better original to keep than b, among
// documents with the same text: the one with more metadata fields (title,
// outlet, country, date, url, author; its own fields, a sidecar's or the
// page's), then the one with the earlier date (a dated one before an
// undated one), then the one with the shorter source path, then the one
// earlier in input order.
func Better(a, b Candidate) bool {
	if na, nb := metaFields(a.Meta), metaFields(b.Meta); na != nb {
		return na > nb
	}
	da, db := sortDate(a.Meta.Date), sortDate(b.Meta.Date)
	if da != db {
		switch {
		case da == "":
			return false
		case db == "":
			return true
		}
		return da < db
	}
	if len(a.Source) != len(b.Source) {
		return len(a.Source) < len(b.Source)
	}
	return a.Seq < b.Seq
}

// metaFields counts the known metadata fields m has.
func metaFields(m pipeline.Meta) int {
	n := 0
	for _, v := range []string{m.Title, m.Outlet, m.Country, m.Date, m.URL, m.Author} {
		if v != "" {
			n++
		}
	}
	return n
}

// isoDate matches a date that starts as ISO 8601 does.
var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// dateLayouts are the other date forms sortDate reads (HTTP, RSS, e-mail,
// news prose).
var dateLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "2 January 2006", "January 2, 2006", "Jan 2, 2006", "2006/01/02"}

// sortDate returns a metadata date as YYYY-MM-DD, for comparing, or ""
// when it is in none of the forms read.
func sortDate(s string) string {
	if m := isoDate.FindString(s); m != "" {
		return m
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// planEntry is the best document so far of one text.
type planEntry struct {
	c       Candidate
	n       int  // documents with the text
	partial bool // c is an unread page: its page metadata is not known yet
	format  string
}

// planner collects the first pass's documents.
type planner struct {
	src  *Source
	ctx  context.Context
	best map[string]*planEntry // text hash -> best document so far
	seq  int
}

// offer considers d, a document with text (read or unread) and its hash.
func (p *planner) offer(d *pipeline.Doc) {
	c := Candidate{ID: d.ID, Source: d.Source, Meta: d.Meta, Seq: p.seq}
	p.seq++
	c.Meta.Extra = nil // not compared; not kept
	partial := d.Unread && d.Format == FormatHTML
	e, ok := p.best[d.Hash]
	if !ok {
		p.best[d.Hash] = &planEntry{c: c, n: 1, partial: partial, format: d.Format}
		return
	}
	e.n++
	if e.partial {
		e.c.Meta, e.partial = p.pageMeta(e.c, e.format), false
	}
	if partial {
		c.Meta = p.pageMeta(c, d.Format)
	}
	if Better(c, e.c) {
		e.c, e.format = c, d.Format
	}
}

// pageMeta is the metadata of an unread HTML page as reading it gives
// (the sidecar's and the page's), so that an unchanged page competes with
// the metadata it had when it was first read. Only pages whose text
// occurs twice are read so.
func (p *planner) pageMeta(c Candidate, format string) pipeline.Meta {
	r := p.src.newReader(p.ctx, nil, 0) // no Known: the file is read
	d := r.loadFile(c.Source, c.ID, format, c.Meta)
	if d.Status != "" {
		return c.Meta
	}
	d.Meta.Extra = nil
	return d.Meta
}

// plan runs the first pass over the PATHs (standard input left out) and
// returns, for every text that more than one document has, the ID of the
// one to keep.
func (s *Source) plan(ctx context.Context, sizeHint int, memo *hookMemo, cache HTMLCache) (map[string]string, error) {
	p := &planner{src: s, ctx: ctx, best: make(map[string]*planEntry, sizeHint)}
	r := s.newReader(ctx, func(*pipeline.Doc) error { return nil }, sizeHint)
	r.known, r.knownExport = memo.wrap(s.Known, s.KnownExport, true)
	r.cache = cache
	r.planner = p
	if err := s.each(r, true); err != nil {
		return nil, err
	}
	plan := map[string]string{}
	for h, e := range p.best {
		if e.n > 1 {
			plan[h] = e.c.ID
		}
	}
	return plan, nil
}

// hookMemo keeps what Known and KnownExport said in the first pass, so
// that the second pass asks each of them once per file (a workspace
// lookup and a decode each). Export records are kept up to
// maxExportRecords in all; past that the hook is asked again.
type hookMemo struct {
	known   map[string]knownAnswer
	exports map[string]exportAnswer
	records int
}

type knownAnswer struct {
	f    File
	hash string
	ok   bool
}

type exportAnswer struct {
	f    File
	recs []ExportRecord
	ok   bool
}

// sameFile reports whether a and b describe one unchanged file.
func sameFile(a, b File) bool {
	return a.Path == b.Path && a.Size == b.Size && a.ModTime == b.ModTime &&
		a.Meta.Title == b.Meta.Title && a.Meta.Outlet == b.Meta.Outlet && a.Meta.Country == b.Meta.Country &&
		a.Meta.Date == b.Meta.Date && a.Meta.URL == b.Meta.URL && a.Meta.Author == b.Meta.Author &&
		maps.Equal(a.Meta.Extra, b.Meta.Extra)
}

// wrap returns Known and KnownExport hooks for the first pass (record,
// true) or the second (answer from the memo, once).
func (m *hookMemo) wrap(known func(File) (string, bool), knownExport func(File) ([]ExportRecord, bool), record bool) (
	func(File) (string, bool), func(File) ([]ExportRecord, bool)) {
	var k func(File) (string, bool)
	var ke func(File) ([]ExportRecord, bool)
	var mu sync.Mutex // Known is called by the prefetch workers
	if known != nil {
		k = func(f File) (string, bool) {
			if !record {
				mu.Lock()
				a, ok := m.known[f.Path]
				delete(m.known, f.Path)
				mu.Unlock()
				if ok && sameFile(a.f, f) {
					return a.hash, a.ok
				}
			}
			h, ok := known(f)
			if record {
				mu.Lock()
				m.known[f.Path] = knownAnswer{f, h, ok}
				mu.Unlock()
			}
			return h, ok
		}
	}
	if knownExport != nil {
		// Called from the walk's goroutine only.
		ke = func(f File) ([]ExportRecord, bool) {
			if !record {
				a, ok := m.exports[f.Path]
				delete(m.exports, f.Path)
				if ok && sameFile(a.f, f) {
					return a.recs, a.ok
				}
			}
			recs, ok := knownExport(f)
			if record && m.records+len(recs) <= maxExportRecords {
				m.records += len(recs)
				m.exports[f.Path] = exportAnswer{f, recs, ok}
			}
			return recs, ok
		}
	}
	return k, ke
}

// passCache is the HTML cache between the two passes when the Source has
// none: the first pass's extractions, up to maxPassCache bytes of text,
// each given once to the second pass, so that a page is not extracted
// twice.
type passCache struct {
	mu     sync.Mutex
	m      map[string]htmlDoc
	bytes  int
	frozen bool // the second pass stores nothing: no one would read it
}

// maxPassCache bounds passCache's text.
const maxPassCache = 16 << 20

func (c *passCache) LoadHTML(key string) (string, pipeline.Meta, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.m[key]
	if ok {
		delete(c.m, key)
		c.bytes -= len(h.Text)
	}
	return h.Text, h.Meta, ok
}

func (c *passCache) StoreHTML(key, text string, meta pipeline.Meta) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.frozen || c.bytes+len(text) > maxPassCache {
		return
	}
	c.m[key] = htmlDoc{Text: text, Meta: meta}
	c.bytes += len(text)
}
