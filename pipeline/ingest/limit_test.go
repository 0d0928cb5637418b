package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// TestLongTextCut: one 19.9 MB text file used 902 MB of memory and a
// 10 MB JSONL record 563 MB, while a whole corpus stays under 400 MB.
// A document's text is now cut to ingest.max_text_bytes, at a paragraph
// break, with a note in the manifest; the document is still processed.
func TestLongTextCut(t *testing.T) {
	para := "Russian President Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday, state media said.\n\n"
	long := strings.Repeat(para, 400) // about 38 KB
	cfg := pipeline.IngestConfig{MaxTextBytes: 10000}
	for _, tt := range []struct{ name, file, content string }{
		{"text file", "a.txt", long},
		{"jsonl record", "a.jsonl", fmt.Sprintf(`{"id":"r1","text":%q}`+"\n", long)},
		{"csv record", "a.csv", "id,text\nr1,\"" + long + "\"\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{tt.file: tt.content})
			docs := collect(t, &Source{Paths: []string{dir}, Config: cfg})
			if len(docs) != 1 || docs[0].Status != pipeline.StatusOK {
				t.Fatalf("got %q, want one processed document", statuses(docs))
			}
			d := docs[0]
			if len(d.Text) > 10000 || len(d.Text) < 10000-len(para) || !strings.HasSuffix(d.Text, "\n\n") || !strings.HasPrefix(long, d.Text) {
				t.Errorf("text of %d bytes ending %q, want the original's first paragraphs, at most 10000 bytes", len(d.Text), d.Text[max(0, len(d.Text)-20):])
			}
			want := fmt.Sprintf("text cut to its first %d bytes of %d (ingest.max_text_bytes 10000)", len(d.Text), len(long))
			if len(d.Notes) != 1 || !strings.HasPrefix(d.Notes[0], want) {
				t.Errorf("Notes = %q, want %q", d.Notes, want)
			}
			if d.Hash != Hash(d.Text) {
				t.Errorf("Hash is not the cut text's")
			}
		})
	}
	t.Run("default limit", func(t *testing.T) {
		docs := readOne(t, "a.txt", long)
		if len(docs) != 1 || len(docs[0].Text) != len(long) || len(docs[0].Notes) != 0 {
			t.Errorf("a %d-byte text under the default limit was changed: %d bytes, notes %q", len(long), len(docs[0].Text), docs[0].Notes)
		}
	})
}

func TestCutPoint(t *testing.T) {
	tests := []struct {
		name, s string
		limit   int
		want    int
	}{
		{"paragraph", "aaaa\n\nbbbb\nccc dd", 16, 6},
		{"line", "aaaa bb\ncccccccc", 12, 8},
		{"space", "aaaa bbbbbbbb", 10, 5},
		{"rune boundary", strings.Repeat("é", 10), 5, 4},
	}
	for _, tt := range tests {
		if got := cutPoint(tt.s, tt.limit); got != tt.want {
			t.Errorf("%s: cutPoint(%q, %d) = %d, want %d", tt.name, tt.s, tt.limit, got, tt.want)
		}
	}
}

// TestLongPageCut: a 4 MB page took 50 s to extract and a 20 MB page more
// than five minutes; a page is now cut before its last tag within
// ingest.max_html_bytes, with a note, and its start is still extracted.
func TestLongPageCut(t *testing.T) {
	p := "<p>Russian President Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday, state media said.</p>\n"
	page := "<!doctype html><html><head><title>Long</title></head><body><article>" + strings.Repeat(p, 300) + "</article></body></html>"
	dir := writeTree(t, map[string]string{"a.html": page})
	docs := collect(t, &Source{Paths: []string{dir}, Config: pipeline.IngestConfig{MaxHTMLBytes: 5000}})
	if len(docs) != 1 || docs[0].Status != pipeline.StatusOK {
		t.Fatalf("got %q, want one processed page", statuses(docs))
	}
	d := docs[0]
	if !strings.Contains(d.Text, "Putin met Kim Jong Un") || len(d.Text) > 5000 {
		t.Errorf("text of %d bytes, want the start of the article, under 5000", len(d.Text))
	}
	if len(d.Notes) != 1 || !strings.HasPrefix(d.Notes[0], "page cut to its first ") || !strings.Contains(d.Notes[0], fmt.Sprintf("of %d before extraction (ingest.max_html_bytes 5000)", len(page))) {
		t.Errorf("Notes = %q, want the page cut noted", d.Notes)
	}
}
