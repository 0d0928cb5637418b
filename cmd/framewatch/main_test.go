package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/framewatch/framewatch/internal/golden"
)

const corpus = "../../fixtures/corpus"

// fixtureRun is one analysis of the fixtures, shared by the tests that only
// read its outputs (a run costs seconds under -race).
type fixtureRun struct {
	dir    string // the published run folder
	err    error
	stderr string
}

var (
	runsMu   sync.Mutex
	runCache = map[string]*fixtureRun{}
)

// runFixtures runs framewatch over the fixtures once per argument set.
func runFixtures(t *testing.T, extra ...string) *fixtureRun {
	t.Helper()
	key := strings.Join(extra, " ")
	runsMu.Lock()
	defer runsMu.Unlock()
	if r, ok := runCache[key]; ok {
		return r
	}
	root, err := os.MkdirTemp("", "framewatch-fixtures-")
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"run", "--no-state", "--out", root, "--report-date", "2024-06-20"}, extra...)
	args = append(args, corpus)
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), args, nil, &stdout, &stderr)
	dir, lerr := filepath.EvalSymlinks(filepath.Join(root, "latest"))
	if lerr != nil {
		t.Fatalf("no published report: %v (run: %v)\n%s", lerr, err, stderr.String())
	}
	r := &fixtureRun{dir: dir, err: err, stderr: stderr.String()}
	runCache[key] = r
	return r
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

type goldDoc struct {
	Source         string `json:"source"`
	Record         int    `json:"record"`
	Status         string `json:"status"`
	ReasonContains string `json:"reason_contains"`
	Units          []struct {
		Kind, Outlet, Country, Date, Author, Title string
	} `json:"units"`
}

// goldKey is how a document is named in the gold and in outputs: the path
// under fixtures/corpus plus ":record" for JSONL/CSV records.
func goldKey(source string, record int) string {
	if record > 0 {
		return source + ":" + itoa(record)
	}
	return source
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func outputKey(source string) string {
	return strings.TrimPrefix(filepath.ToSlash(source), corpus+"/")
}

func TestFixturesAgainstGold(t *testing.T) {
	r := runFixtures(t)
	if !errors.Is(r.err, errPartial) {
		t.Fatalf("run over fixtures = %v, want errPartial (the fixtures hold bad files)\n%s", r.err, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(corpus, "..", "gold", "units.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold []goldDoc
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}

	var manifest struct {
		Documents []struct {
			DocID, Source, Status, Reason string
			DuplicateOf                   string `json:"duplicate_of"`
		} `json:"documents"`
	}
	mb, err := os.ReadFile(filepath.Join(r.dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(mb, &manifest); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	reason := map[string]string{}
	for _, d := range manifest.Documents {
		k := outputKey(d.Source)
		status[k], reason[k] = d.Status, d.Reason
	}
	units := map[string][]map[string]string{}
	for _, u := range readCSV(t, filepath.Join(r.dir, "units.csv")) {
		k := outputKey(u["source"])
		units[k] = append(units[k], u)
	}

	duplicates := 0
	for _, g := range gold {
		key := goldKey(g.Source, g.Record)
		t.Run(key, func(t *testing.T) {
			got, ok := status[key]
			if !ok {
				t.Fatalf("%s missing from manifest.json", key)
			}
			if g.Status == "duplicate" || got == "duplicate" {
				// Which copy of a pair is analysed depends on input order;
				// the pair is checked below.
				if got == "duplicate" {
					duplicates++
				}
				return
			}
			if got != g.Status {
				t.Fatalf("status = %q (%s), want %q", got, reason[key], g.Status)
			}
			if g.ReasonContains != "" && !strings.Contains(strings.ToLower(reason[key]), g.ReasonContains) {
				t.Errorf("reason = %q, want it to mention %q", reason[key], g.ReasonContains)
			}
			if g.Status != "processed" {
				return
			}
			us := units[key]
			if len(us) != len(g.Units) {
				t.Fatalf("%d units, want %d", len(us), len(g.Units))
			}
			for i, w := range g.Units {
				u := us[i]
				for _, f := range []struct{ name, got, want string }{
					{"kind", u["kind"], w.Kind},
					{"outlet", u["outlet"], w.Outlet},
					{"country", u["country"], w.Country},
					{"date", u["date"], w.Date},
					{"author", u["author"], w.Author},
					{"title", u["title"], w.Title},
				} {
					if f.got != f.want {
						t.Errorf("unit %d %s = %q, want %q", i, f.name, f.got, f.want)
					}
				}
			}
		})
	}
	if duplicates != 1 {
		t.Errorf("%d documents reported as duplicates, want exactly 1 of the duplicated pair", duplicates)
	}
}

func TestOutputsIdenticalWithOneAndEightWorkers(t *testing.T) {
	one := runFixtures(t, "--workers", "1")
	eight := runFixtures(t, "--workers", "8")
	files := listFiles(t, one.dir)
	if other := listFiles(t, eight.dir); strings.Join(files, ",") != strings.Join(other, ",") {
		t.Fatalf("output files differ:\n1: %v\n8: %v", files, other)
	}
	for _, f := range files {
		a, err := os.ReadFile(filepath.Join(one.dir, f))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(eight.dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "manifest.json" {
			a, b = dropVolatile(t, a), dropVolatile(t, b)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between 1 and 8 workers", f)
		}
	}
}

// dropVolatile removes the manifest fields that legitimately differ between
// runs: timings and the worker count.
func dropVolatile(t *testing.T, b []byte) []byte {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "timings")
	delete(m, "workers")
	out, _ := json.Marshal(m)
	return out
}

func listFiles(t *testing.T, dir string) []string {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

var tempPath = regexp.MustCompile(`/tmp/[^\s"]*`)

func TestCommandLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no-command", nil, exitUsage},
		{"unknown-command", []string{"analyse"}, exitUsage},
		{"help", []string{"-h"}, exitOK},
		{"run-help", []string{"run", "-h"}, exitOK},
		{"version-help", []string{"version", "-h"}, exitOK},
		{"run-no-path", []string{"run"}, exitUsage},
		{"run-bad-flag", []string{"run", "--bogus", "x"}, exitUsage},
		{"run-bad-workers", []string{"run", "--workers", "-1", "x"}, exitUsage},
		{"run-bad-since", []string{"run", "--since", "June 2024", "x"}, exitUsage},
		{"run-since-after-until", []string{"run", "--since", "2024-07-01", "--until", "2024-06-01", "x"}, exitUsage},
		{"run-missing-path", []string{"run", "--no-state", "--out", "OUT", "no/such/folder"}, exitError},
		{"run-bad-config", []string{"run", "--no-state", "--config", "testdata/bad-config.yaml", "--out", "OUT", "x"}, exitError},
		{"run-bad-pattern", []string{"run", "--no-state", "--config", "testdata/bad-pattern.yaml", "--out", "OUT", "testdata/bad-pattern.yaml"}, exitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			for i, a := range tt.args {
				if a == "OUT" {
					tt.args[i] = out
				}
			}
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, nil, &stdout, &stderr)
			if code := exitCode(err); code != tt.code {
				t.Errorf("run(%q) exit code = %d (%v), want %d", tt.args, code, err, tt.code)
			}
			msg := ""
			if err != nil {
				msg = "error: " + err.Error() + "\n"
			}
			got := "-- stdout --\n" + stdout.String() + "-- stderr --\n" + stderr.String() + "-- result --\n" + msg
			got = strings.ReplaceAll(got, out, "OUT")
			got = tempPath.ReplaceAllString(got, "TMP")
			golden.Assert(t, filepath.Join("testdata", tt.name+".golden"), []byte(got))
		})
	}
}

func TestRunFromStdin(t *testing.T) {
	in := strings.NewReader(`{"id":"a1","outlet":"Reuters","date":"2024-06-19","text":"SEOUL (Reuters) - Russian President Vladimir Putin arrived in Pyongyang on Wednesday, where Kim Jong Un greeted him. North Korea has sent more than 10,000 containers of munitions to Russia, South Korea said."}
{"id":"a2","outlet":"TASS","text":"Putin praised the partnership with North Korea."}
`)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"run", "--no-state", "--out", out, "-"}, in, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	units := readCSV(t, filepath.Join(out, "latest", "units.csv"))
	if len(units) != 2 || units[0]["unit_id"] != "a1#0" || units[0]["outlet"] != "Reuters" || units[1]["outlet"] != "TASS" {
		t.Errorf("units from stdin = %v", units)
	}
	b, err := os.ReadFile(filepath.Join(out, "latest", "entity_mentions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"entity":"Vladimir Putin"`)) {
		t.Errorf("entity_mentions.jsonl lacks Vladimir Putin:\n%s", b)
	}
}
