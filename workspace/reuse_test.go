package workspace

import (
	"testing"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

func TestHasAndFingerprint(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{})
	empty := w.Fingerprint()
	d := testDoc(1, 0)
	if w.Has(d.ID, key(d)) {
		t.Fatal("Has before Save = true")
	}
	if err := w.Save(d, key(d)); err != nil {
		t.Fatal(err)
	}
	if !w.Has(d.ID, key(d)) {
		t.Error("Has after Save = false")
	}
	other := key(d)
	other.ConfigHash += "x"
	if w.Has(d.ID, other) {
		t.Error("Has under another config = true")
	}
	one := w.Fingerprint()
	if one == empty {
		t.Error("Fingerprint did not change when a document was saved")
	}
	w.Close()
	w = open(t, dir, Options{})
	defer w.Close()
	if got := w.Fingerprint(); got != one {
		t.Errorf("Fingerprint after reopening = %s, want %s", got, one)
	}
	d2 := testDoc(1, 1) // same ID, new content
	if err := w.Save(d2, key(d2)); err != nil {
		t.Fatal(err)
	}
	if w.Fingerprint() == one {
		t.Error("Fingerprint did not change when a document was replaced")
	}
}

func TestLastPublished(t *testing.T) {
	w := open(t, t.TempDir(), Options{})
	defer w.Close()
	if _, ok, err := w.LastPublished(); ok || err != nil {
		t.Fatalf("LastPublished on a new workspace = %v, %v", ok, err)
	}
	t0 := time.Date(2026, 11, 25, 2, 30, 0, 0, time.UTC)
	for i, r := range []Run{
		{ID: "a", Started: t0, Status: RunOK, Fingerprint: "f1", Report: "/out/runs/a"},
		{ID: "b", Started: t0.Add(time.Hour), Status: RunPartial, Fingerprint: "f2", Report: "/out/runs/b"},
		{ID: "c", Started: t0.Add(2 * time.Hour), Status: RunFailed},
		{ID: "d", Started: t0.Add(3 * time.Hour), Status: RunInterrupted},
	} {
		if err := w.RecordRun(r); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
	}
	r, ok, err := w.LastPublished()
	if err != nil || !ok || r.ID != "b" || r.Fingerprint != "f2" || r.Report != "/out/runs/b" {
		t.Errorf("LastPublished = %+v, %v, %v; want run b", r, ok, err)
	}
}

func TestHTMLExtracts(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{})
	if _, _, ok := w.LoadHTML("k"); ok {
		t.Fatal("LoadHTML of an unknown key = ok")
	}
	meta := pipeline.Meta{Title: "Süddeutsche Zeitung", Outlet: "SZ", Extra: map[string]string{"lang": "de"}}
	w.StoreHTML("k", "text\n\nmore", meta)
	check := func(when string) {
		t.Helper()
		text, m, ok := w.LoadHTML("k")
		if !ok || text != "text\n\nmore" || m.Title != meta.Title || m.Extra["lang"] != "de" {
			t.Errorf("%s: LoadHTML = %q, %+v, %v", when, text, m, ok)
		}
	}
	check("pending")
	w.Close()
	w = open(t, dir, Options{})
	defer w.Close()
	check("after reopening")
}
