package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/gofrs/flock"
)

func TestSaveRestore(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{})
	d := testDoc(1, 0)
	if err := w.Save(d, key(d)); err != nil {
		t.Fatal(err)
	}
	check := func(w *Workspace, when string) {
		t.Helper()
		got := bare(1, 0)
		ok, err := w.Restore(got, key(got))
		if err != nil || !ok {
			t.Fatalf("%s: Restore = %v, %v, want true", when, ok, err)
		}
		if !got.Cached {
			t.Errorf("%s: Restore did not set Cached", when)
		}
		if g, want := mustJSON(t, got), mustJSON(t, d); g != want {
			t.Errorf("%s: restored doc differs:\n got %s\nwant %s", when, g, want)
		}
		if got.Text != d.Text {
			t.Errorf("%s: Restore changed Text", when)
		}
	}
	check(w, "pending")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	check(w, "flushed")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	w = open(t, dir, Options{})
	defer w.Close()
	check(w, "reopened")
	if w.Len() != 1 {
		t.Errorf("Len = %d, want 1", w.Len())
	}
}

func TestRestoreMiss(t *testing.T) {
	w := open(t, t.TempDir(), Options{})
	defer w.Close()
	d := testDoc(1, 0)
	if err := w.Save(d, key(d)); err != nil {
		t.Fatal(err)
	}
	changedMeta := bare(1, 0)
	changedMeta.Meta.Outlet = "KCNA"
	k := key(bare(1, 0))
	tests := []struct {
		name string
		doc  *pipeline.Doc
		key  Key
	}{
		{"unknown id", bare(2, 0), key(bare(2, 0))},
		{"changed text", bare(1, 1), key(bare(1, 1))},
		{"changed meta", changedMeta, key(changedMeta)},
		{"new version", bare(1, 0), Key{k.Hash, "v2", k.ConfigHash}},
		{"new config", bare(1, 0), Key{k.Hash, k.Version, "cfg2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := w.Restore(tt.doc, tt.key)
			if ok || err != nil {
				t.Fatalf("Restore = %v, %v, want false, nil", ok, err)
			}
			if tt.doc.Cached || tt.doc.Units != nil {
				t.Errorf("missed Restore changed the document")
			}
		})
	}
}

func TestSaveSkipsFailedAndCached(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{})
	failed := testDoc(1, 0)
	failed.Errors = []pipeline.StageError{{Stage: "entities", Err: "boom"}}
	skipped := testDoc(2, 0)
	skipped.Status = pipeline.StatusSkipped
	cached := testDoc(3, 0)
	cached.Cached = true
	for _, d := range []*pipeline.Doc{failed, skipped, cached} {
		if err := w.Save(d, key(d)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, rawDB(t, dir)); n != 0 {
		t.Errorf("stored %d rows, want 0", n)
	}
}

func TestSaveReplaces(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{BatchSize: 2})
	for v := range 5 {
		d := testDoc(1, v)
		if err := w.Save(d, key(d)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, rawDB(t, dir)); n != 1 {
		t.Errorf("stored %d rows for one doc_id, want 1", n)
	}
	w = open(t, dir, Options{})
	defer w.Close()
	for v, want := range []bool{false, false, false, false, true} {
		if ok, _ := w.Restore(bare(1, v), key(bare(1, v))); ok != want {
			t.Errorf("Restore(variant %d) = %v, want %v", v, ok, want)
		}
	}
}

func TestFlushInterval(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{FlushInterval: 10 * time.Millisecond})
	defer w.Close()
	d := testDoc(1, 0)
	if err := w.Save(d, key(d)); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, dir)
	deadline := time.Now().Add(10 * time.Second)
	for count(t, db) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the pending batch was not committed after FlushInterval")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestRest(t *testing.T) {
	w := open(t, t.TempDir(), Options{})
	defer w.Close()
	// Unit dates of testDoc(n) are 2024-06-(1+n%28) and 2024-06-(2+n%28);
	// doc 7 is undated.
	defer smallPages()()
	for n := range 100 { // several pages
		d := testDoc(n, 0)
		if n == 7 {
			for _, u := range d.Units {
				u.Date = ""
			}
		}
		if err := w.Save(d, key(d)); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{testDoc(3, 0).ID: true}
	var got []string
	err := w.Rest(context.Background(), seen, "", "", func(d *pipeline.Doc) error {
		if !d.Cached || len(d.Units) != 2 {
			t.Fatalf("Rest gave %s with Cached=%v and %d units", d.ID, d.Cached, len(d.Units))
		}
		got = append(got, d.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 99 {
		t.Fatalf("Rest gave %d docs, want 99", len(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i-1] >= got[i] {
			t.Fatalf("Rest out of order: %s before %s", got[i-1], got[i])
		}
	}
	for _, id := range got {
		if seen[id] {
			t.Errorf("Rest gave seen doc %s", id)
		}
	}
	// Windows: compare with InWindow over the same documents.
	for _, win := range [][2]string{{"2024-06-28", ""}, {"", "2024-06-01"}, {"2024-06-04", "2024-06-04"}, {"2024-06-10", "2024-06-20"}, {"2025-01-01", ""}} {
		t.Run(win[0]+"_"+win[1], func(t *testing.T) {
			var want []string
			for n := range 100 {
				d := testDoc(n, 0)
				if n == 7 {
					continue // undated: never in a window
				}
				if !seen[d.ID] && InWindow(d, win[0], win[1]) {
					want = append(want, d.ID)
				}
			}
			var got []string
			if err := w.Rest(context.Background(), seen, win[0], win[1], func(d *pipeline.Doc) error {
				got = append(got, d.ID)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("Rest(%q, %q) gave %d docs, want %d", win[0], win[1], len(got), len(want))
			}
		})
	}
	stop := errors.New("stop")
	n := 0
	err = w.Rest(context.Background(), nil, "", "", func(*pipeline.Doc) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Rest with failing fn = %v after %d docs, want stop after 3", err, n)
	}
	if err := w.Rest(context.Background(), nil, "2024-13-01", "", func(*pipeline.Doc) error { return nil }); err == nil {
		t.Error("Rest with a bad date: no error")
	}
}

func TestInWindow(t *testing.T) {
	d := &pipeline.Doc{Units: []*pipeline.Unit{{Date: "2024-03-01"}, {Date: "2024-03-10T08:00:00Z"}, {Date: ""}}}
	undated := &pipeline.Doc{Units: []*pipeline.Unit{{Date: "March"}}}
	tests := []struct {
		doc          *pipeline.Doc
		since, until string
		want         bool
	}{
		{d, "", "", true},
		{undated, "", "", true},
		{undated, "2000-01-01", "", false},
		{d, "2024-03-01", "2024-03-01", true},
		{d, "2024-03-02", "2024-03-09", false},
		{d, "2024-03-10", "", true},
		{d, "2024-03-11", "", false},
		{d, "", "2024-02-29", false},
	}
	for _, tt := range tests {
		if got := InWindow(tt.doc, tt.since, tt.until); got != tt.want {
			t.Errorf("InWindow(%v, %q, %q) = %v, want %v", tt.doc.Units[0].Date, tt.since, tt.until, got, tt.want)
		}
	}
	for _, bad := range [][2]string{{"2024-1-01", ""}, {"", "yesterday"}, {"2024-03-02", "2024-03-01"}} {
		if err := CheckWindow(bad[0], bad[1]); err == nil {
			t.Errorf("CheckWindow(%q, %q) = nil, want an error", bad[0], bad[1])
		}
	}
}

func TestDocKey(t *testing.T) {
	rec := func(src, text string) *pipeline.Doc {
		return &pipeline.Doc{Source: src, Format: "jsonl", Text: text}
	}
	base := DocKey(rec("feed.jsonl:3", "text"), "v", "c")
	tests := []struct {
		name string
		doc  *pipeline.Doc
		same bool
	}{
		{"record moved within the file", rec("feed.jsonl:9", "text"), true},
		{"other file", rec("other.jsonl:3", "text"), false},
		{"other text", rec("feed.jsonl:3", "text "), false},
		{"other meta", &pipeline.Doc{Source: "feed.jsonl:3", Format: "jsonl", Text: "text", Meta: pipeline.Meta{Date: "2024-01-01"}}, false},
		{"other format", &pipeline.Doc{Source: "feed.jsonl:3", Format: "csv", Text: "text"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DocKey(tt.doc, "v", "c") == base; got != tt.same {
				t.Errorf("DocKey equal = %v, want %v", got, tt.same)
			}
		})
	}
}

func TestRuns(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{})
	t0 := time.Date(2026, 11, 25, 2, 30, 0, 0, time.UTC)
	done := Run{ID: "a", Started: t0, Finished: t0.Add(time.Minute), Processed: 10, Cached: 5, Failed: 1, Status: RunPartial}
	half := Run{ID: "c", Started: t0.Add(500 * time.Millisecond), Finished: t0.Add(time.Second), Status: RunOK}
	for _, r := range []Run{{ID: "a", Started: t0, Status: RunRunning}, done, {ID: "b", Started: t0.Add(time.Hour), Status: RunRunning}, half} {
		if err := w.RecordRun(r); err != nil {
			t.Fatal(err)
		}
	}
	// Run b's process "dies" holding the lock; the next Open marks it.
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w = open(t, dir, Options{})
	defer w.Close()
	runs, err := w.Runs()
	if err != nil {
		t.Fatal(err)
	}
	want := []Run{done, half, {ID: "b", Started: t0.Add(time.Hour), Status: RunInterrupted}}
	if mustJSON(t, runs) != mustJSON(t, want) {
		t.Errorf("Runs = %+v, want %+v", runs, want)
	}
}

func TestMigrateFromV1(t *testing.T) {
	dir := t.TempDir()
	db := rawDB(t, dir)
	if err := migrateTo(context.Background(), db, 1); err != nil {
		t.Fatal(err)
	}
	d := testDoc(5, 0) // units dated 2024-06-06 and 2024-06-07
	k := key(d)
	if _, err := db.Exec(`INSERT INTO docs (doc_id, hash, version, config_hash, source, data) VALUES (?, ?, ?, ?, ?, ?)`,
		d.ID, k.Hash, k.Version, k.ConfigHash, d.Source, mustJSON(t, d)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	w := open(t, dir, Options{})
	defer w.Close()
	var v int
	var lo, hi string
	if err := w.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion() {
		t.Errorf("user_version = %d after Open, want %d", v, SchemaVersion())
	}
	if err := w.db.QueryRow(`SELECT min_date, max_date FROM docs`).Scan(&lo, &hi); err != nil {
		t.Fatal(err)
	}
	if lo != "2024-06-06" || hi != "2024-06-07" {
		t.Errorf("migrated dates = %q, %q, want 2024-06-06, 2024-06-07", lo, hi)
	}
	got := bare(5, 0)
	if ok, err := w.Restore(got, key(got)); !ok || err != nil {
		t.Fatalf("Restore after migration = %v, %v", ok, err)
	}
	if mustJSON(t, got) != mustJSON(t, d) {
		t.Error("document changed by migration")
	}
}

func TestNewerSchema(t *testing.T) {
	dir := t.TempDir()
	db := rawDB(t, dir)
	if _, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(context.Background(), dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open on a newer schema = %v, want an error saying it is newer", err)
	}
	// The failed Open released the lock.
	l := flock.New(filepath.Join(dir, LockFile))
	if ok, err := l.TryLock(); !ok || err != nil {
		t.Errorf("lock after a failed Open: TryLock = %v, %v", ok, err)
	}
	l.Close()
}

func TestOpenErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"", file, filepath.Join(file, "sub"), "a?b"} {
		if w, err := Open(context.Background(), dir, Options{}); err == nil {
			w.Close()
			t.Errorf("Open(%q) = nil error", dir)
		} else if !strings.HasPrefix(err.Error(), "workspace: ") {
			t.Errorf("Open(%q) = %v, want a workspace: error", dir, err)
		}
	}
}
