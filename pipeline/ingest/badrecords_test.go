package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// export builds a 1,000-record export with a NUL byte in record bad.
func export(format string, bad int) string {
	var b strings.Builder
	if format == "csv" {
		b.WriteString("id,text\n")
	}
	for i := 1; i <= 1000; i++ {
		text := fmt.Sprintf("Story number %d about the summit.", i)
		if i == bad {
			text = "Story\x00 with a NUL byte."
		}
		if format == "csv" {
			fmt.Fprintf(&b, "r%d,%s\n", i, text)
		} else {
			fmt.Fprintf(&b, "{\"id\":\"r%d\",\"text\":\"%s\"}\n", i, text) // a raw NUL byte
		}
	}
	return b.String()
}

// TestNULRecordFailsAlone: a NUL byte in one record of an export fails
// that record with its line number and reads all the others, wherever the
// record is (record 2 lies inside the binary sniff window, record 500
// past it). Before, a NUL in record 2 skipped the whole export as one
// "binary file" and a NUL in record 500 was analysed as text.
func TestNULRecordFailsAlone(t *testing.T) {
	for _, format := range []string{"jsonl", "csv"} {
		for _, bad := range []int{1, 2, 500, 1000} {
			t.Run(fmt.Sprintf("%s/record %d", format, bad), func(t *testing.T) {
				docs := readOne(t, "export."+format, export(format, bad))
				if len(docs) != 1000 {
					t.Fatalf("got %d documents, want 1000: %q", len(docs), statuses(docs[:min(3, len(docs))]))
				}
				for i, d := range docs {
					if i+1 == bad {
						line := bad
						if format == "csv" {
							line++
						}
						if d.Status != "failed" || !strings.Contains(d.Reason, "NUL") || !strings.Contains(d.Reason, fmt.Sprintf("line %d", line)) {
							t.Errorf("record %d: %s %q, want failed with NUL and line %d", bad, d.Status, d.Reason, line)
						}
						continue
					}
					if d.Status != pipeline.StatusOK {
						t.Errorf("record %d: %s %q, want ok", i+1, d.Status, d.Reason)
					}
				}
			})
		}
	}
}

// TestJSONLFieldTypes: a known field of the wrong type fails the record
// with a reason naming the field, instead of becoming text "123" or a junk
// outlet name.
func TestJSONLFieldTypes(t *testing.T) {
	tests := []struct {
		name, line, want string // want: "status reason" or "ok outlet|text"
	}{
		{"escaped NUL in text", `{"text":"a\u0000b"}`, `failed binary data (NUL byte) in the text of line 1`},
		{"number text", `{"text":123}`, `failed invalid record on line 1: field "text" is a number, want a string or an array of strings`},
		{"object text", `{"body":{"a":1}}`, `failed invalid record on line 1: field "body" is an object, want a string or an array of strings`},
		{"bool title", `{"text":"T.","title":true}`, `failed invalid record on line 1: field "title" is a boolean, want a string`},
		{"array outlet", `{"text":"T.","outlet":["A","B"]}`, `failed invalid record on line 1: field "outlet" is an array, want a string (or an object with a "name" string)`},
		{"object outlet without name", `{"text":"T.","outlet":{"id":"x"}}`, `failed invalid record on line 1: field "outlet" is an object, want a string (or an object with a "name" string)`},
		{"number country", `{"text":"T.","country":49}`, `failed invalid record on line 1: field "country" is a number, want a string`},
		{"NewsAPI source object", `{"text":"T.","source":{"id":"cnn","name":"CNN"}}`, `ok CNN|T.`},
		{"number id and date", `{"id":42,"date":1718000000,"text":"T.","outlet":"X"}`, `ok X|T.`},
		{"paragraph array", `{"text":["One.","Two."],"outlet":null}`, "ok |One.\n\nTwo."},
		{"unknown field of any type", `{"text":"T.","outlet":"X","tags":[1,2],"meta":{"a":true}}`, `ok X|T.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := readOne(t, "f.jsonl", tt.line+"\n")
			if len(docs) != 1 {
				t.Fatalf("got %d documents, want 1", len(docs))
			}
			d := docs[0]
			got := string(d.Status) + " " + d.Reason
			if d.Status == pipeline.StatusOK {
				got = "ok " + d.Meta.Outlet + "|" + d.Text
			}
			if got != tt.want {
				t.Errorf("%s:\n got %q\nwant %q", tt.line, got, tt.want)
			}
		})
	}
}

// TestMinifiedHTML: block elements end a paragraph and <br> a line even in
// minified HTML, where trafilatura merged "…Nordkorea.</p><p>Die
// Vereinigten…" into "Nordkorea.Die Vereinigten"; no break mark leaks into
// the text or the metadata.
func TestMinifiedHTML(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"paragraphs", `<article><h1>Gipfel endet</h1><p>Die Gespräche endeten in Nordkorea.</p><p>Die Vereinigten Staaten reagierten am Freitag mit neuen Sanktionen gegen mehrere Firmen.</p></article>`,
			"Gipfel endet\n\nDie Gespräche endeten in Nordkorea.\n\nDie Vereinigten Staaten reagierten am Freitag mit neuen Sanktionen gegen mehrere Firmen."},
		{"divs", `<div>Die Gespräche endeten in Nordkorea.</div><div>Die Vereinigten Staaten reagierten am Freitag mit neuen Sanktionen gegen mehrere Firmen.</div>`,
			"Die Gespräche endeten in Nordkorea.\n\nDie Vereinigten Staaten reagierten am Freitag mit neuen Sanktionen gegen mehrere Firmen."},
		{"line break", `<p>Die Gespräche endeten in Nordkorea.<br>Die Vereinigten Staaten reagierten am Freitag mit neuen Sanktionen gegen mehrere Firmen.</p>`,
			"Die Gespräche endeten in Nordkorea.\nDie Vereinigten Staaten reagierten am Freitag mit neuen Sanktionen gegen mehrere Firmen."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := extractHTML([]byte("<html><head><title>Gipfel</title></head><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.want {
				t.Errorf("text = %q, want %q", d.Text, tt.want)
			}
			for _, s := range []string{d.Text, d.Meta.Title, d.Meta.Author, d.Meta.Outlet} {
				if strings.ContainsAny(s, string(lineMark)+string(paraMark)) {
					t.Errorf("break mark left in %q", s)
				}
			}
		})
	}
}
