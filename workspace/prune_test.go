package workspace

import (
	"context"
	"testing"
)

func TestPrune(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir, Options{})
	defer w.Close()
	present := map[string]bool{"corpus/wire/doc-00000.txt": true, "exports/feed.jsonl": true}
	var ids []string
	for n := range 4 {
		d := testDoc(n, 0)
		switch n {
		case 2:
			d.Source, d.Format = "exports/feed.jsonl:3", "jsonl" // its export is there
		case 3:
			d.Source = "-:7" // standard input: no file to check
		}
		ids = append(ids, d.ID)
		if err := w.Save(d, key(d)); err != nil {
			t.Fatal(err)
		}
	}
	gone := func(p string) bool { return !present[p] }
	n, err := w.Prune(context.Background(), gone)
	if err != nil {
		t.Fatal(err)
	}
	// doc-00001's file is gone; the others stay.
	if n != 1 {
		t.Errorf("Prune = %d, want 1", n)
	}
	for i, id := range ids {
		d := testDoc(i, 0)
		if i == 2 {
			d.Source, d.Format = "exports/feed.jsonl:3", "jsonl"
		} else if i == 3 {
			d.Source = "-:7"
		}
		if got, want := w.Has(id, key(d)), i != 1; got != want {
			t.Errorf("after Prune, Has(%s) = %v, want %v", id, got, want)
		}
	}
	if c := count(t, rawDB(t, dir)); c != 3 {
		t.Errorf("after Prune the database holds %d documents, want 3", c)
	}
	// The export goes: its record goes with it.
	delete(present, "exports/feed.jsonl")
	if n, err := w.Prune(context.Background(), gone); err != nil || n != 1 {
		t.Errorf("Prune after the export went = %d, %v; want 1", n, err)
	}
}
