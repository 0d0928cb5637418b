package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/internal/golden"
	"github.com/framewatch/framewatch/pipeline"
)

// outletNamesCorpus is documents whose metadata named their outlets in
// several forms, as the outlets stage leaves them: matched names carry
// the registry's name, unmatched ones the name as given.
func outletNamesCorpus() []*pipeline.Doc {
	type meta struct {
		outlet, given string
		unmatched     bool
	}
	ms := []meta{
		{"HuffPost", "thehuffingtonpost", false},
		{"HuffPost", "The Huffington Post", false},
		{"HuffPost", "The Huffington Post", false},
		{"Daily Planet", "Daily Planet", true},
		{"daily planet", "daily planet", true},
		{"dailyplanet.com", "dailyplanet.com", true}, // a url's host
		{"The Daily Planet", "The Daily Planet", true},
		{"Politicus US", "Politicus US", true},
		{"The Guardian", "theguardian.com", false},
	}
	var docs []*pipeline.Doc
	for i, m := range ms {
		id := "d" + string(rune('0'+i))
		text := "Lawmakers met on Tuesday."
		d := &pipeline.Doc{ID: id, Source: id + ".txt", Format: "txt", Text: text, Status: pipeline.StatusOK}
		d.Units = []*pipeline.Unit{{ID: id + "#0", Kind: pipeline.KindArticle, Outlet: m.outlet, Evidence: "meta",
			OutletGiven: m.given, OutletUnmatched: m.unmatched, Start: 0, End: len(text), Words: 4, Date: "2024-06-1" + string(rune('0'+i))}}
		docs = append(docs, d)
	}
	// A review quoting a commentator the registry does not know is not a
	// metadata name.
	text := "Andrey Zubov (RU) /\nA quote."
	docs = append(docs, &pipeline.Doc{ID: "r", Source: "r.txt", Format: "txt", Text: text, Status: pipeline.StatusOK,
		Units: []*pipeline.Unit{{ID: "r#0", Kind: pipeline.KindReviewQuote, Outlet: "Andrey Zubov", Evidence: "review-section", Start: 0, End: len(text)}}})
	return docs
}

// TestOutletNames checks that unmatched spellings of one outlet are one
// outlet in every output, named by the first spelling, that
// outlets_unmatched lists each spelling with the registry's closest
// names, and that the summary counts the names merged and unmatched.
func TestOutletNames(t *testing.T) {
	dir := runWriter(t, outletNamesCorpus(), testConfig())
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, name := range []string{"outlets_unmatched.csv", "outlets_unmatched.json"} {
		golden.Assert(t, "testdata/golden/names_"+name+".golden", []byte(read(name)))
	}
	var outlets []string
	for _, l := range strings.Split(strings.TrimSpace(read("overview.csv")), "\n")[1:] {
		outlets = append(outlets, strings.SplitN(l, ",", 2)[0])
	}
	if got, want := strings.Join(outlets, "|"), "Andrey Zubov|Daily Planet|HuffPost|Politicus US|The Guardian"; got != want {
		t.Errorf("overview outlets = %s, want %s", got, want)
	}
	// units.csv names the outlet as the tables do.
	for _, l := range strings.Split(read("units.csv"), "\n") {
		if strings.Contains(strings.ToLower(l), "planet") && !strings.Contains(l, ",Daily Planet,") {
			t.Errorf("units.csv line %q: want outlet Daily Planet", l)
		}
	}
	want := "Outlet names: the metadata gave 8 names for 4 outlets (4 merged as other spellings, slugs, web addresses or old names of an outlet); " +
		"5 names (2 outlets) are not in the outlet registry"
	for _, f := range []string{"summary.md", "report.html"} {
		if !strings.Contains(read(f), want) {
			t.Errorf("%s does not say %q", f, want)
		}
	}
}
