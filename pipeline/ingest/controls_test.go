package ingest

import (
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func TestBlankControls(t *testing.T) {
	tests := []struct {
		name, in, want string
		n              int
	}{
		{"plain", "Hello, world.\r\n\tNext\f", "Hello, world.\r\n\tNext\f", 0},
		{"bell", "Alarm\a now", "Alarm  now", 1},
		{"sgr colour", "\x1b[1;31mRED\x1b[0m alert", "       RED     alert", 2},
		{"osc title", "\x1b]0;owned\aText", "          Text", 1},
		{"osc st", "\x1b]8;;http://x\x1b\\link", "               link", 1},
		{"lone esc", "a\x1bb c", "a   c", 1},
		{"esc at end", "end\x1b", "end ", 1},
		{"unfinished csi", "x\x1b[12", "x  12", 1},
		{"del and backspace", "ab\x7fc\bd", "ab c d", 2},
		{"c1 control", "a\u0085b\u009bc", "a  b  c", 2},
		{"nul", "a\x00b", "a b", 1},
		{"non-ascii kept", "Zürich — 東京 📰", "Zürich — 東京 📰", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := blankControls(tt.in)
			if got != tt.want || n != tt.n {
				t.Errorf("blankControls(%q) = %q, %d, want %q, %d", tt.in, got, n, tt.want, tt.n)
			}
			if len(got) != len(tt.in) {
				t.Errorf("blankControls(%q) changed the length: %d, want %d", tt.in, len(got), len(tt.in))
			}
		})
	}
}

// TestControlCharactersWrittenOver: BEL, ESC and ANSI colour sequences in
// a text file or a record were copied into titles, outlet names and
// tables (the README said such files were binary; only mostly-control
// files are). Now the text keeps its length with spaces over them,
// metadata loses them, and a note says so.
func TestControlCharactersWrittenOver(t *testing.T) {
	text := "\x1b[31mBREAKING\x1b[0m Summit ends\a\n\nLONDON (Reuters) - Prime Minister Keir Starmer met President Emmanuel Macron.\n"
	t.Run("text file", func(t *testing.T) {
		docs := readOne(t, "a.txt", text)
		if len(docs) != 1 || docs[0].Status != pipeline.StatusOK {
			t.Fatalf("got %q, want one processed document", statuses(docs))
		}
		d := docs[0]
		if len(d.Text) != len(text) || strings.ContainsAny(d.Text, "\x1b\a") || !strings.Contains(d.Text, "BREAKING  ") {
			t.Errorf("Text = %q, want the controls written over, length %d", d.Text, len(text))
		}
		if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "3 control characters") {
			t.Errorf("Notes = %q, want one saying 3 control characters were written over", d.Notes)
		}
		if d.Hash != Hash(d.Text) {
			t.Errorf("Hash is not the hash of the blanked text")
		}
	})
	t.Run("record", func(t *testing.T) {
		line := `{"id":"c1","title":"\u001b[1mBold\u001b[0m title\u0007","outlet":"Daily\u001b[32m Planet","tag":"x\u001by","text":"Ring\u0007 ring. Prime Minister Keir Starmer spoke."}` + "\n"
		docs := readOne(t, "a.jsonl", line)
		if len(docs) != 1 || docs[0].Status != pipeline.StatusOK {
			t.Fatalf("got %q, want one processed record", statuses(docs))
		}
		d := docs[0]
		if d.Meta.Title != "Bold title" || d.Meta.Outlet != "Daily Planet" || d.Meta.Extra["tag"] != "x" {
			t.Errorf("Meta = %+v, want title %q, outlet %q, tag %q", d.Meta, "Bold title", "Daily Planet", "x")
		}
		if d.Text != "Ring  ring. Prime Minister Keir Starmer spoke." {
			t.Errorf("Text = %q", d.Text)
		}
		if got := strings.Join(d.Notes, "|"); !strings.Contains(got, "removed from metadata: outlet, tag, title") || !strings.Contains(got, "1 control characters") {
			t.Errorf("Notes = %q", d.Notes)
		}
	})
	t.Run("mostly controls still binary", func(t *testing.T) {
		docs := readOne(t, "a.txt", strings.Repeat("\x1b[0m\a", 200))
		if len(docs) != 1 || docs[0].Status != pipeline.StatusSkipped || docs[0].Reason != "binary file" {
			t.Errorf("got %q, want skipped as binary file", statuses(docs))
		}
	})
}
