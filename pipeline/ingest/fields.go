package ingest

import (
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
