package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// exportTree is a folder with export files whose records cover every
// kind of document an export gives: good, failed, skipped, duplicate,
// multi-line CSV fields, a renamed duplicate ID, and a sidecar manifest.
func exportTree(t *testing.T) string {
	return writeTree(t, map[string]string{
		"feed.jsonl": `{"id": "a1", "outlet": "TASS", "text": "Putin praised Kim Jong Un in Pyongyang."}
{"id": "a2", "text": "broken
{"id": "a3", "text": "  "}
{"id": "a1", "outlet": "AFP", "text": "Seoul condemned the pact."}
{"id": "a5", "text": "Putin praised Kim Jong Un in Pyongyang."}
`,
		"wire.csv":     "\ufeffid,outlet,text,extra\nc1,Reuters,\"Washington condemned the deal,\nsaying it breaks sanctions.\",x\nc2,BBC,,y\n",
		"manifest.csv": "file,country\nwire.csv,GB\n",
		"story.txt":    "Kim Jong Un promised support.\n",
	})
}

// TestExportReplay checks that documents replayed from what ReadExport was
// told equal the documents of a real read, but for the text of those that
// had one, which are unread with their hash instead.
func TestExportReplay(t *testing.T) {
	dir := exportTree(t)
	recs := map[string][]ExportRecord{}
	files := map[string]File{}
	read := collect(t, &Source{Paths: []string{dir}, serial: true,
		KnownExport: func(f File) ([]ExportRecord, bool) { files[f.Path] = f; return nil, false },
		ReadExport:  func(f File, r []ExportRecord) { recs[f.Path] = r }})
	if len(recs) != 2 {
		t.Fatalf("ReadExport told about %d files, want 2 (feed.jsonl, wire.csv)", len(recs))
	}
	asked := 0
	replayed := collect(t, &Source{Paths: []string{dir}, serial: true,
		KnownExport: func(f File) ([]ExportRecord, bool) {
			asked++
			if !reflect.DeepEqual(f, files[f.Path]) {
				t.Errorf("KnownExport(%+v), first read %+v", f, files[f.Path])
			}
			r, ok := recs[f.Path]
			return r, ok
		},
		ReadExport: func(f File, r []ExportRecord) { t.Errorf("replayed file %s was read", f.Path) }})
	if asked != 2 {
		t.Errorf("KnownExport asked %d times, want 2", asked)
	}
	if len(replayed) != len(read) {
		t.Fatalf("replay gave %d documents, the read %d", len(replayed), len(read))
	}
	unread := 0
	for i, d := range read {
		r := replayed[i]
		want := *d
		if r.Unread {
			unread++
			if d.Text == "" || r.Hash != d.Hash || r.Text != "" {
				t.Errorf("%s: replayed unread doc with hash %q, text %q; read status %s hash %q", d.Source, r.Hash, r.Text, d.Status, d.Hash)
			}
			want.Text, want.Unread = "", true
		}
		if !reflect.DeepEqual(*r, want) {
			t.Errorf("replayed document %d\n%+v\nwant\n%+v", i, *r, want)
		}
	}
	if unread != 4 { // a1, a1~2, a5 (a duplicate again) and c1; story.txt is a file
		t.Errorf("%d unread documents, want 4", unread)
	}
}

// TestLoadRecord checks that Load reads an unread record of an export
// file as the first read did.
func TestLoadRecord(t *testing.T) {
	dir := exportTree(t)
	s := &Source{Paths: []string{dir}, serial: true}
	read := collect(t, s)
	n := 0
	for _, d := range read {
		if d.Status != pipeline.StatusOK || (d.Format != FormatJSONL && d.Format != FormatCSV) {
			continue
		}
		n++
		u := &pipeline.Doc{ID: d.ID, Source: d.Source, Format: d.Format, Status: pipeline.StatusOK, Meta: d.Meta, Unread: true}
		s.Load(context.Background(), u)
		if u.Unread || u.Text != d.Text || u.Hash != d.Hash || u.Status != pipeline.StatusOK || u.ID != d.ID {
			t.Errorf("Load(%s) = %+v, want the text and hash the read gave", d.Source, *u)
		}
	}
	if n != 3 {
		t.Fatalf("test setup: %d good records, want 3", n)
	}
	gone := &pipeline.Doc{ID: "x", Source: filepath.Join(dir, "feed.jsonl") + ":99", Format: FormatJSONL, Status: pipeline.StatusOK, Unread: true}
	s.Load(context.Background(), gone)
	if gone.Status != pipeline.StatusFailed || gone.Unread {
		t.Errorf("Load of a record no longer in its file: %+v, want failed", *gone)
	}
}

// TestExportReplayFallsBack checks that an export is read, not replayed,
// when replaying would give a record another ID or change whether it is a
// duplicate: its stored analysis would not fit.
func TestExportReplayFallsBack(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(dir string)
	}{
		{"an earlier file takes a record's ID", func(dir string) {
			write(t, filepath.Join(dir, "a-first.jsonl"), `{"id": "r1", "text": "Tokyo protested the launch."}`+"\n")
		}},
		{"the original of a duplicate record is gone", func(dir string) {
			if err := os.Remove(filepath.Join(dir, "0.txt")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a record's text appears earlier", func(dir string) {
			write(t, filepath.Join(dir, "1.txt"), "Moscow praised the summit.\n")
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{
				"0.txt":      "Putin praised Kim Jong Un in Pyongyang.\n",
				"feed.jsonl": `{"id": "r1", "text": "Moscow praised the summit."}` + "\n" + `{"id": "r2", "text": "Putin praised Kim Jong Un in Pyongyang."}` + "\n",
			})
			recs := map[string][]ExportRecord{}
			collect(t, &Source{Paths: []string{dir}, serial: true,
				ReadExport: func(f File, r []ExportRecord) { recs[f.Path] = r }})
			tt.change(dir)
			read := 0
			collect(t, &Source{Paths: []string{dir}, serial: true,
				KnownExport: func(f File) ([]ExportRecord, bool) { r, ok := recs[f.Path]; return r, ok },
				ReadExport: func(f File, r []ExportRecord) {
					if filepath.Base(f.Path) == "feed.jsonl" {
						read++
					}
				}})
			if read == 0 {
				t.Error("feed.jsonl was replayed; want it read")
			}
		})
	}
	// Unchanged, it is replayed.
	dir := writeTree(t, map[string]string{"feed.jsonl": `{"id": "r1", "text": "Moscow praised the summit."}` + "\n"})
	recs := map[string][]ExportRecord{}
	collect(t, &Source{Paths: []string{dir}, serial: true, ReadExport: func(f File, r []ExportRecord) { recs[f.Path] = r }})
	collect(t, &Source{Paths: []string{dir}, serial: true,
		KnownExport: func(f File) ([]ExportRecord, bool) { r, ok := recs[f.Path]; return r, ok },
		ReadExport:  func(f File, r []ExportRecord) { t.Error("an unchanged export was read") }})
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExportRecordLimit checks that an export with more records than
// maxExportRecords is not kept for replay, so that memory stays bounded.
func TestExportRecordLimit(t *testing.T) {
	defer func(n int) { maxExportRecords = n }(maxExportRecords)
	maxExportRecords = 3
	for _, tt := range []struct {
		records int
		kept    bool
	}{{3, true}, {4, false}} {
		var lines strings.Builder
		for i := range tt.records {
			fmt.Fprintf(&lines, `{"id": "r%d", "text": "Record number %d about the summit."}`+"\n", i, i)
		}
		dir := writeTree(t, map[string]string{"feed.jsonl": lines.String()})
		kept := false
		docs := collect(t, &Source{Paths: []string{dir}, serial: true,
			ReadExport: func(f File, r []ExportRecord) { kept = len(r) == tt.records }})
		if kept != tt.kept || len(docs) != tt.records {
			t.Errorf("%d records: kept for replay %v, %d documents; want %v, %d", tt.records, kept, len(docs), tt.kept, tt.records)
		}
	}
}
