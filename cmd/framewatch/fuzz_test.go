package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRun drives the whole ingest → report path with the same random
// bytes as every input format: a .txt, .md, .html, .jsonl and .csv file
// holding them, and a JSONL record and a CSV row whose text they are.
// framewatch run must never panic and must publish a report (exit 0, or
// 3 when some documents failed), whatever the bytes.
func FuzzRun(f *testing.F) {
	for _, seed := range []string{
		catStory,
		"",
		"\x00\x01\x02\xff\xfe",
		"\ufeff\x1b[31mRed\x1b[0m\a title\r\n\r\n" + catStory,
		`{"id":"x","outlet":"=cmd","text":"` + strings.TrimSpace(catStory) + `"}` + "\n" + `{"text":123}`,
		"id,outlet,text\nr1,@SUM(1+1),\"" + catStory + "\"\nr2\n",
		"<html><body><article><p>" + catStory + "</p><p>Kim 📰 Jong Un</p></article></body></html>",
		"Press review\n\n=HYPERLINK(\"x\") (FR) /\nThe paper said.\n\nLe Monde (FR) /\nIt said Putin won.\n",
		"Лидер КНДР Ким Чен Ын встретил его в аэропорту.",
		strings.Repeat("<div>", 500),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tmp := t.TempDir()
		in := filepath.Join(tmp, "in")
		if err := os.MkdirAll(in, 0o755); err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{
			"a.txt": b, "b.md": b, "c.html": b, "d.jsonl": b, "e.csv": b,
			"f.jsonl": append(append([]byte(`{"id":"f1","text":`), quoteJSON(b)...), "}\n"...),
			"g.csv":   append(append([]byte("id,text\ng1,\""), bytes.ReplaceAll(b, []byte(`"`), []byte(`""`))...), "\"\n"...),
		}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"run", "--no-state", "--workers", "1", "--out", filepath.Join(tmp, "out"), "--report-date", "2024-06-20", in}, nil, &stdout, &stderr)
		if code := exitCode(err); code != exitOK && code != exitPartial {
			t.Fatalf("exit %d (%v)\n%s", code, err, stderr.String())
		}
		if _, err := os.Stat(filepath.Join(tmp, "out", "latest", "manifest.json")); err != nil {
			t.Fatalf("no report published: %v", err)
		}
	})
}

// quoteJSON returns b as a JSON string, its invalid UTF-8 bytes kept raw
// (so that the record tests the reader's own checks).
func quoteJSON(b []byte) []byte {
	var out bytes.Buffer
	out.WriteByte('"')
	for _, c := range b {
		switch {
		case c == '"' || c == '\\':
			out.WriteByte('\\')
			out.WriteByte(c)
		case c == '\n':
			out.WriteString(`\n`)
		case c < 0x20:
			out.WriteString(`\u00`)
			out.WriteByte("0123456789abcdef"[c>>4])
			out.WriteByte("0123456789abcdef"[c&15])
		default:
			out.WriteByte(c)
		}
	}
	out.WriteByte('"')
	return out.Bytes()
}
