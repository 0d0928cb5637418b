package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/framewatch/framewatch/pipeline"
)

// checkDocs fails t when a document breaks the Source contract.
func checkDocs(t *testing.T, docs []*pipeline.Doc) {
	t.Helper()
	ids := map[string]bool{}
	for _, d := range docs {
		if d.ID == "" || ids[d.ID] {
			t.Errorf("empty or repeated ID %q", d.ID)
		}
		ids[d.ID] = true
		if !utf8.ValidString(d.Text) {
			t.Errorf("%s: Text is not valid UTF-8: %q", d.ID, d.Text)
		}
		switch d.Status {
		case pipeline.StatusOK:
			if strings.TrimSpace(d.Text) == "" || d.Hash == "" {
				t.Errorf("%s: processed without text or hash", d.ID)
			}
		case pipeline.StatusSkipped, pipeline.StatusFailed, pipeline.StatusDuplicate:
			if d.Reason == "" {
				t.Errorf("%s: %s without reason", d.ID, d.Status)
			}
		default:
			t.Errorf("%s: status %q", d.ID, d.Status)
		}
	}
}

func fuzzFile(t *testing.T, name string, data []byte) []*pipeline.Doc {
	dir := t.TempDir()
	p := dir + "/" + name
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	docs := collect(t, &Source{Paths: []string{p}, Config: pipeline.IngestConfig{MaxFileBytes: 1 << 20}})
	if len(docs) == 0 {
		t.Fatalf("no documents for %q", data)
	}
	checkDocs(t, docs)
	return docs
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"Hello.","outlet":"X","extra":[1,{"b":null}]}`,
		"{\"text\":\"a\"}\r\n{\"text\":\"a\"}\n\n{\"text\": ",
		`{"id":1.5e3,"Body":["p1","p2"],"authors":["x","y"],"id":"dup"}`,
		`[] "x" null {} {"text":"x"}{"text":"y"}`,
		"\ufeff{\"text\":\"bom\"}",
		"{\"text\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFile(t, "f.jsonl", data)
		// The same bytes on standard input.
		docs := collect(t, &Source{Paths: []string{"-"}, Stdin: strings.NewReader(string(data)), Config: pipeline.IngestConfig{MaxFileBytes: 1 << 20}})
		checkDocs(t, docs)
	})
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"id,text,outlet\n1,\"a, b\",X\n2,\"multi\nline\",Y\n",
		"text\n\"unterminated\n",
		"Text,Text,x\na,b\nc,d,e,f\n",
		"\ufefftext\r\n\"a\"\"b\"\r\n",
		"id,title\n1,2\n",
		"body\na\"b\n\xff\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFile(t, "f.csv", data)
	})
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"hello", "\ufeffa\r\nb", "caf\xe9", "\x00\x01", " \t\n", "e\u0301 x\u00a0y"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs := fuzzFile(t, "f.txt", data)
		d := docs[0]
		utf16 := bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
		if d.Status == pipeline.StatusOK && !utf16 {
			// (UTF-16 files are converted, so their text differs from the bytes.)
			if want := strings.TrimPrefix(string(data), "\ufeff"); d.Text != want {
				t.Errorf("Text = %q, want %q", d.Text, want)
			}
		}
		// Hash agrees with the straightforward definition.
		s := string(data)
		normal := strings.Join(strings.Fields(norm.NFC.String(s)), " ")
		sum := sha256.Sum256([]byte(normal))
		if utf8.ValidString(s) && Hash(s) != hex.EncodeToString(sum[:]) {
			t.Errorf("Hash(%q) is not the SHA-256 of its normal form %q", s, normal)
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"<html><body><article><p>Para one is here.</p><p>Two<br>lines</p></article></body></html>",
		"<p><script>x</script>tail text</p><pre>  keep\n  this</pre>",
		"<table><tr><td>a</td><td>b</td></tr></table>",
		"<meta charset=\"windows-1252\"><p>caf\xe9</p>",
		"<html><head><title>t</title></head></html>",
		"<<<>>>&amp;&#0;&#xD800;",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFile(t, "f.html", data)
	})
}
