package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// TestDuplicateKeepsBetterOriginal: exact duplicates were resolved by
// path sort order, so bad/dup-of-story.txt won over wire/story.txt. The
// better original is kept: more metadata, then the earlier date, then the
// shorter path, then input order; the others are duplicates of it,
// whichever comes first.
func TestDuplicateKeepsBetterOriginal(t *testing.T) {
	const story = "Russian President Vladimir Putin arrived in Pyongyang on Wednesday."
	tests := []struct {
		name   string
		files  map[string]string
		winner string
	}{
		{"shorter path over earlier path", map[string]string{
			"bad/dup-of-reuters-story.txt": story, "wire/story.txt": story + "\n"}, "wire/story"},
		{"metadata over shorter path", map[string]string{
			"a/s.txt": story, "wire/long-story-name.txt": story,
			"wire/manifest.csv": "file,outlet,date\nlong-story-name.txt,Reuters,2024-06-19\n"}, "wire/long-story-name"},
		{"record with metadata over text file", map[string]string{
			"a.txt": story, "z.jsonl": `{"id":"r1","outlet":"Reuters","text":"` + story + `"}` + "\n"}, "r1"},
		{"earlier date", map[string]string{
			"x.jsonl": `{"id":"late","outlet":"AP","date":"2024-06-21","text":"` + story + `"}` + "\n" +
				`{"id":"early","outlet":"AP","date":"Wed, 19 Jun 2024 08:00:00 GMT","text":"` + story + `"}` + "\n"}, "early"},
		{"dated over undated", map[string]string{
			"x.jsonl": `{"id":"undated","outlet":"AP","title":"T","text":"` + story + `"}` + "\n" +
				`{"id":"dated","outlet":"AP","date":"2024-06-21","text":"` + story + `"}` + "\n"}, "dated"},
		{"input order last", map[string]string{"a.txt": story, "b.txt": story}, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			docs := collect(t, &Source{Paths: []string{dir}})
			kept, dups := "", 0
			for _, d := range docs {
				switch d.Status {
				case pipeline.StatusOK:
					if kept != "" {
						t.Errorf("both %s and %s processed", kept, d.ID)
					}
					kept = d.ID
				case pipeline.StatusDuplicate:
					dups++
					if d.DuplicateOf != tt.winner || d.Reason != "duplicate of "+tt.winner {
						t.Errorf("%s: duplicate of %q (%q), want of %q", d.ID, d.DuplicateOf, d.Reason, tt.winner)
					}
				}
			}
			if kept != tt.winner || dups != 1 {
				t.Errorf("kept %q with %d duplicates, want %q with 1: %q", kept, dups, tt.winner, statuses(docs))
			}
		})
	}
}

// TestDuplicateWinnerStableOnRerun: with Known saying every file is
// unchanged (no page read, so no page metadata at hand), the winner stays
// the one a full read picks: an HTML page with its own metadata over a
// shorter plain copy.
func TestDuplicateWinnerStableOnRerun(t *testing.T) {
	const body = "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un, the first visit in 24 years. The two leaders signed a partnership treaty, state media said."
	page := `<!doctype html><html><head><title>Putin in Pyongyang</title><meta property="og:site_name" content="Example Times"></head><body><article><p>` + body + `</p></article></body></html>`
	dir := writeTree(t, map[string]string{"long/page-name.html": page})
	first := collect(t, &Source{Paths: []string{dir}})
	if len(first) != 1 || first[0].Status != pipeline.StatusOK {
		t.Fatalf("page: %q", statuses(first))
	}
	// The plain copy holds exactly the page's text.
	if err := writeFile(filepath.Join(dir, "a.txt"), first[0].Text); err != nil {
		t.Fatal(err)
	}
	read := collect(t, &Source{Paths: []string{dir}})
	hashes := map[string]string{}
	for _, d := range read {
		hashes[d.Source] = d.Hash
	}
	rerun := collect(t, &Source{Paths: []string{dir}, Known: func(f File) (string, bool) {
		h, ok := hashes[f.Path]
		return h, ok
	}})
	for name, docs := range map[string][]*pipeline.Doc{"read": read, "rerun": rerun} {
		got := strings.Join(statuses(docs), "|")
		if want := "a duplicate duplicate of long/page-name|long/page-name processed "; got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }
