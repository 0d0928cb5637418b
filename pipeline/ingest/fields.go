package ingest

import (
	"fmt"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
)

// Canonical record fields.
const (
	fieldID      = "id"
	fieldText    = "text"
	fieldTitle   = "title"
	fieldOutlet  = "outlet"
	fieldDate    = "date"
	fieldURL     = "url"
	fieldAuthor  = "author"
	fieldCountry = "country"
	fieldFile    = "file" // sidecar manifests only
)

// fieldNames maps a lowercased input field name to its canonical field and
// its priority among the names for that field (lower wins when a record has
// several).
var fieldNames = map[string]struct {
	field string
	rank  int
}{
	"id":           {fieldID, 0},
	"text":         {fieldText, 0},
	"body":         {fieldText, 1},
	"content":      {fieldText, 2},
	"title":        {fieldTitle, 0},
	"outlet":       {fieldOutlet, 0},
	"source":       {fieldOutlet, 1},
	"media_name":   {fieldOutlet, 2},
	"publisher":    {fieldOutlet, 3},
	"date":         {fieldDate, 0},
	"publish_date": {fieldDate, 1},
	"published":    {fieldDate, 2},
	"url":          {fieldURL, 0},
	"author":       {fieldAuthor, 0},
	"authors":      {fieldAuthor, 1},
	"country":      {fieldCountry, 0},
}

// canonical returns the canonical field for an input field name, and its
// rank; ok is false for unknown names.
func canonical(name string) (field string, rank int, ok bool) {
	f, ok := fieldNames[strings.ToLower(strings.TrimSpace(name))]
	return f.field, f.rank, ok
}

// record collects one record's fields. Fields are offered in input order;
// for each canonical field the non-empty value with the best rank (then the
// first offered) wins, and the values that lose go to Extra so that nothing
// is lost.
type record struct {
	vals  map[string]string
	ranks map[string]int
	names map[string]string // canonical field -> input name chosen
	extra map[string]string
}

func newRecord() *record {
	return &record{vals: map[string]string{}, ranks: map[string]int{}, names: map[string]string{}}
}

func (r *record) addExtra(name, val string) {
	if val == "" {
		return
	}
	if r.extra == nil {
		r.extra = map[string]string{}
	}
	if _, dup := r.extra[name]; dup {
		return
	}
	r.extra[name] = val
}

// set offers one field; known says whether the name maps to a canonical
// field (when false, val goes to Extra).
func (r *record) set(name, val string) {
	field, rank, ok := canonical(name)
	if !ok {
		r.addExtra(name, val)
		return
	}
	if field != fieldText {
		val = strings.TrimSpace(val)
	}
	if val == "" {
		return
	}
	if old, have := r.vals[field]; have {
		if rank >= r.ranks[field] {
			r.addExtra(name, val)
			return
		}
		r.addExtra(r.names[field], old)
	}
	r.vals[field] = val
	r.ranks[field] = rank
	r.names[field] = name
}

// meta returns the record's metadata.
func (r *record) meta() pipeline.Meta {
	return pipeline.Meta{
		Title:   r.vals[fieldTitle],
		Outlet:  r.vals[fieldOutlet],
		Country: r.vals[fieldCountry],
		Date:    r.vals[fieldDate],
		URL:     r.vals[fieldURL],
		Author:  r.vals[fieldAuthor],
		Extra:   r.extra,
	}
}

// checkMeta validates d's metadata: control characters are removed
// (stripMeta), a country must be a two-letter code
// (ISO 3166-1 alpha-2, written in either case; upper-cased here), else it
// is left empty with a note saying why.
func checkMeta(d *pipeline.Doc) {
	stripMeta(d)
	c := strings.TrimSpace(d.Meta.Country)
	if c == "" {
		d.Meta.Country = ""
		return
	}
	if len(c) == 2 && isLetter(c[0]) && isLetter(c[1]) {
		d.Meta.Country = strings.ToUpper(c)
		return
	}
	d.Notes = append(d.Notes, fmt.Sprintf("country %q is not a two-letter code (ISO 3166-1 alpha-2): left empty", clip(c, 40)))
	d.Meta.Country = ""
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// clip shortens s to at most n runes for a message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// fillMeta copies into m the fields of from that m lacks.
func fillMeta(m *pipeline.Meta, from pipeline.Meta) {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&m.Title, from.Title)
	fill(&m.Outlet, from.Outlet)
	fill(&m.Country, from.Country)
	fill(&m.Date, from.Date)
	fill(&m.URL, from.URL)
	fill(&m.Author, from.Author)
	for k, v := range from.Extra {
		if m.Extra == nil {
			m.Extra = map[string]string{}
		}
		if _, ok := m.Extra[k]; !ok {
			m.Extra[k] = v
		}
	}
}
