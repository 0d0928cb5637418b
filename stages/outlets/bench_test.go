package outlets_test

import (
	"context"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/clean"
	"github.com/framewatch/framewatch/stages/outlets"
)

// cleanedFixtures returns the fixture corpus's .txt and .md documents after
// the clean stage, and their total size.
func cleanedFixtures(b *testing.B) ([]*pipeline.Doc, int) {
	c, err := clean.New(pipeline.CleanConfig{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*pipeline.Doc
	n := 0
	_ = fs.WalkDir(fixtures.FS, "corpus", func(p string, e fs.DirEntry, err error) error {
		if err != nil || (path.Ext(p) != ".txt" && path.Ext(p) != ".md") {
			return nil
		}
		bs, _ := fs.ReadFile(fixtures.FS, p)
		d := &pipeline.Doc{ID: p, Text: strings.TrimPrefix(string(bs), "\ufeff")}
		_ = c.Process(context.Background(), d)
		docs = append(docs, d)
		n += len(d.Text)
		return nil
	})
	if len(docs) == 0 {
		b.Skip("no fixtures")
	}
	return docs, n
}

func BenchmarkOutlets(b *testing.B) {
	docs, n := cleanedFixtures(b)
	x, err := outlets.New(pipeline.OutletConfig{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, d := range docs {
			_ = x.Process(context.Background(), d)
		}
	}
}

func BenchmarkParseDate(b *testing.B) {
	in := []string{"Status: 18.06.2024 10:37 a.m.", "[September 14, 2023]", "Updated 9:48 AM GMT+1, October 30, 2024", "2024-06-19T10:00:00Z", "no date here at all"}
	n := 0
	for _, s := range in {
		n += len(s)
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range in {
			outlets.ParseDate(s)
		}
	}
}

// BenchmarkMetaOutlet is the stage on short records whose metadata names
// the outlet in the forms exports use (names, slugs, hosts, web addresses,
// unknown names, a url only).
func BenchmarkMetaOutlet(b *testing.B) {
	x, err := outlets.New(pipeline.OutletConfig{})
	if err != nil {
		b.Fatal(err)
	}
	metas := []pipeline.Meta{{Outlet: "The Guardian"}, {Outlet: "thehuffingtonpost"}, {Outlet: "www.theguardian.com"},
		{Outlet: "https://www.breitbart.com/politics/2016/11/08/x/"}, {Outlet: "Springfield Shopper"}, {Outlet: "foxnews"},
		{URL: "https://www.nytimes.com/2016/11/09/us/politics/x.html"}, {Outlet: "THE DAILY CALLER"}}
	const text = "Lawmakers met on Tuesday to discuss the budget.\n\nThe vote is expected next week, aides said."
	docs := make([]*pipeline.Doc, len(metas))
	for i, m := range metas {
		docs[i] = &pipeline.Doc{ID: "d", Text: text, Clean: text, Meta: m}
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text) * len(docs)))
	for b.Loop() {
		for _, d := range docs {
			_ = x.Process(context.Background(), d)
		}
	}
}
