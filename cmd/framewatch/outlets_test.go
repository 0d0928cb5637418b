package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestOutletNamesFromMetadata runs a JSONL export whose records name
// their outlets in the forms collectors write (slugs, domains, web
// addresses, old names, case variants, a url and no outlet) through the
// command and checks that each real outlet is one outlet, that outlets
// with close names stay apart, and that names the registry does not know
// are grouped and listed. A second run from the workspace reports the
// same tables.
func TestOutletNamesFromMetadata(t *testing.T) {
	type rec struct{ outlet, url, want string }
	recs := []rec{
		{"thehuffingtonpost", "", "HuffPost"},
		{"The Huffington Post", "", "HuffPost"},
		{"HuffPost", "", "HuffPost"},
		{"huffingtonpost.com", "", "HuffPost"},
		{"thedailycaller", "", "The Daily Caller"},
		{"The Daily Caller", "", "The Daily Caller"},
		{"", "https://dailycaller.com/2016/11/08/x/", "The Daily Caller"},
		{"theguardian", "", "The Guardian"},
		{"The Guardian", "", "The Guardian"},
		{"https://www.theguardian.com/us-news/2016/nov/09/x", "", "The Guardian"},
		{"www.theguardian.com", "", "The Guardian"},
		{"breitbart", "", "Breitbart"},
		{"Breitbart", "", "Breitbart"},
		{"BREITBART NEWS", "", "Breitbart"},
		{"nytimes", "", "The New York Times"},
		{"New York Times", "", "The New York Times"},
		{"", "https://www.nytimes.com/2016/11/09/us/politics/x.html", "The New York Times"},
		{"foxnews", "", "Fox News"},
		{"", "http://www.foxnews.com/politics/x.html", "Fox News"},
		// close names, never merged
		{"The Times", "", "The Times"},
		{"Times of India", "", "The Times of India"},
		{"The Sun", "", "The Sun"},
		{"baltimoresun", "", "The Baltimore Sun"},
		{"New York Post", "", "New York Post"},
		{"washingtonpost", "", "The Washington Post"},
		// unknown to the registry: grouped and flagged
		{"Springfield Shopper", "", "Springfield Shopper"},
		{"springfield shopper", "", "Springfield Shopper"},
		{"The Springfield Shopper", "", "Springfield Shopper"},
		{"", "https://www.springfieldshopper.com/x", "Springfield Shopper"},
	}
	var in bytes.Buffer
	for i, r := range recs {
		m := map[string]string{"id": fmt.Sprintf("r%02d", i),
			"text": fmt.Sprintf("Lawmakers met on Tuesday to discuss budget plan number %d. Critics said the plan would cost jobs.", i)}
		if r.outlet != "" {
			m["outlet"] = r.outlet
		}
		if r.url != "" {
			m["url"] = r.url
		}
		b, _ := json.Marshal(m)
		in.Write(append(b, '\n'))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "export.jsonl")
	if err := os.WriteFile(path, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(dir, "state")
	var first map[string][]byte
	for run := range 2 {
		out := filepath.Join(dir, fmt.Sprintf("out%d", run))
		if err := runCLI(t, "run", "--state", state, "--out", out, "--report-date", "2024-06-25", "--workers", "4", path); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		latest := filepath.Join(out, "latest")
		units := readCSV(t, filepath.Join(latest, "units.csv"))
		if len(units) != len(recs) {
			t.Fatalf("run %d: %d units, want %d", run, len(units), len(recs))
		}
		for i, u := range units {
			if u["outlet"] != recs[i].want {
				t.Errorf("run %d: record %q %q: outlet %q, want %q", run, recs[i].outlet, recs[i].url, u["outlet"], recs[i].want)
			}
		}
		var want []string
		for _, r := range recs {
			if !slices.Contains(want, r.want) {
				want = append(want, r.want)
			}
		}
		slices.Sort(want)
		var got []string
		for _, row := range readCSV(t, filepath.Join(latest, "overview.csv")) {
			got = append(got, row["outlet"])
		}
		if !slices.Equal(got, want) {
			t.Errorf("run %d: overview outlets\n%v\nwant\n%v", run, got, want)
		}
		unmatched := readCSV(t, filepath.Join(latest, "outlets_unmatched.csv"))
		var names []string
		for _, row := range unmatched {
			if row["outlet"] != "Springfield Shopper" {
				t.Errorf("run %d: outlets_unmatched row %v: want outlet Springfield Shopper", run, row)
			}
			names = append(names, row["name"])
		}
		if w := []string{"Springfield Shopper", "The Springfield Shopper", "springfield shopper", "springfieldshopper.com"}; !slices.Equal(names, w) {
			t.Errorf("run %d: outlets_unmatched names %v, want %v", run, names, w)
		}
		summary, err := os.ReadFile(filepath.Join(latest, "summary.md"))
		if err != nil {
			t.Fatal(err)
		}
		if w := fmt.Sprintf("the metadata gave %d names for %d outlets", len(recs), len(want)); !strings.Contains(string(summary), w) {
			t.Errorf("run %d: summary.md does not say %q:\n%s", run, w, summary)
		}
		files := map[string][]byte{}
		for _, f := range []string{"overview.csv", "outlets_unmatched.csv", "outlets_unmatched.json", "units.csv", "summary.md"} {
			if files[f], err = os.ReadFile(filepath.Join(latest, f)); err != nil {
				t.Fatal(err)
			}
		}
		if run == 0 {
			first = files
			continue
		}
		for f, b := range files {
			if !bytes.Equal(b, first[f]) {
				t.Errorf("%s differs between the fresh run and the run from the workspace", f)
			}
		}
	}

	// The README's outlet example adds the unknown outlet to the
	// registry: its names are then matched, and nothing is unmatched.
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(readme), "**Outlet names in metadata**")
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindSubmatch(readme[max(i, 0):])
	if i < 0 || m == nil {
		t.Fatal("README.md has no outlet names section with a yaml example")
	}
	cfgPath := filepath.Join(dir, "outlets.yaml")
	if err := os.WriteFile(cfgPath, m[1], 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out-config")
	if err := runCLI(t, "run", "--no-state", "--config", cfgPath, "--out", out, path); err != nil {
		t.Fatalf("run with the README's outlet configuration: %v", err)
	}
	if rows := readCSV(t, filepath.Join(out, "latest", "outlets_unmatched.csv")); len(rows) != 0 {
		t.Errorf("with the README's configuration, outlets_unmatched = %v, want none", rows)
	}
	for _, u := range readCSV(t, filepath.Join(out, "latest", "units.csv")) {
		if strings.Contains(strings.ToLower(u["outlet"]), "shopper") && (u["outlet"] != "Springfield Shopper" || u["country"] != "US") {
			t.Errorf("with the README's configuration, unit %s: outlet %q country %q, want Springfield Shopper US", u["unit_id"], u["outlet"], u["country"])
		}
	}
}
