package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"golang.org/x/text/unicode/norm"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// writeTree creates files (slash-separated name -> content) under a new
// temporary folder and returns it.
func writeTree(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// collect runs s and returns every document emitted.
func collect(t testing.TB, s *Source) []*pipeline.Doc {
	t.Helper()
	var docs []*pipeline.Doc
	if err := s.Docs(context.Background(), func(d *pipeline.Doc) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatalf("Docs: %v", err)
	}
	return docs
}

// readOne reads a single file with the given name and content.
func readOne(t *testing.T, name, content string) []*pipeline.Doc {
	t.Helper()
	dir := writeTree(t, map[string]string{name: content})
	return collect(t, &Source{Paths: []string{filepath.Join(dir, name)}})
}

func TestDecoding(t *testing.T) {
	big := strings.Repeat("x", 8<<10)
	tests := []struct {
		name, file, content string
		status              pipeline.Status
		reason, text        string
	}{
		{"plain", "a.txt", "Hello world.\n", pipeline.StatusOK, "", "Hello world.\n"},
		{"bom crlf", "a.txt", "\ufeffLine one.\r\nLine two.\r\n", pipeline.StatusOK, "", "Line one.\r\nLine two.\r\n"},
		{"markdown", "a.md", "# Title\n\nBody *text*.", pipeline.StatusOK, "", "# Title\n\nBody *text*."},
		{"markdown long ext", "a.markdown", "Body.", pipeline.StatusOK, "", "Body."},
		{"upper ext", "a.TXT", "Body.", pipeline.StatusOK, "", "Body."},
		{"invalid utf8", "a.txt", "caf\xe9 au lait", pipeline.StatusFailed, "invalid utf-8 at byte 3", ""},
		{"invalid utf8 after bom", "a.txt", "\ufeffab\xff", pipeline.StatusFailed, "invalid utf-8 at byte 5", ""},
		{"nul byte", "a.txt", "PNG\x00\x01\x02 data", pipeline.StatusSkipped, "binary file", ""},
		{"control chars", "a.txt", strings.Repeat("\x01\x02\x03a", 100), pipeline.StatusSkipped, "binary file", ""},
		{"nul after sniff window", "a.txt", big + "\x00", pipeline.StatusOK, "", big + " "}, // written over (controls.go)
		{"empty", "a.txt", "", pipeline.StatusSkipped, "empty file", ""},
		{"whitespace only", "a.txt", " \r\n\t\n\u00a0", pipeline.StatusSkipped, "empty file", ""},
		{"bom only", "a.txt", "\ufeff", pipeline.StatusSkipped, "empty file", ""},
		{"utf-16le", "a.txt", "\xff\xfeH\x00i\x00\xe9\x00\r\x00\n\x00", pipeline.StatusOK, "", "Hié\r\n"},
		{"utf-16be", "a.md", "\xfe\xff\x00H\x00i", pipeline.StatusOK, "", "Hi"},
		{"unsupported", "a.pdf", "%PDF-1.4", pipeline.StatusSkipped, "unsupported file type .pdf", ""},
		{"no extension", "README", "text", pipeline.StatusSkipped, "unsupported file type (no extension)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := readOne(t, tt.file, tt.content)
			if len(docs) != 1 {
				t.Fatalf("got %d docs, want 1", len(docs))
			}
			d := docs[0]
			if d.Status != tt.status || d.Reason != tt.reason || d.Text != tt.text {
				t.Errorf("read %q = (%s, %q, %q), want (%s, %q, %q)", tt.content, d.Status, d.Reason, d.Text, tt.status, tt.reason, tt.text)
			}
			if want := strings.TrimSuffix(tt.file, filepath.Ext(tt.file)); d.ID != want {
				t.Errorf("ID = %q, want %q", d.ID, want)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	dir := writeTree(t, map[string]string{"big.txt": strings.Repeat("word ", 40), "small.txt": "ok", "huge.jsonl": strings.Repeat(" ", 300)})
	docs := collect(t, &Source{Paths: []string{dir}, Config: pipeline.IngestConfig{MaxFileBytes: 100}})
	got := statuses(docs)
	want := []string{
		"big.txt skipped file too large (200 bytes > limit 100)",
		"huge.jsonl skipped file too large (300 bytes > limit 100)",
		"small processed ",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("statuses = %q, want %q", got, want)
	}
}

// statuses renders "ID status reason" per document.
func statuses(docs []*pipeline.Doc) []string {
	var out []string
	for _, d := range docs {
		id := d.ID
		if d.Status == pipeline.StatusSkipped && strings.HasPrefix(d.Reason, "file too large") {
			id = filepath.Base(d.Source)
		}
		out = append(out, id+" "+string(d.Status)+" "+d.Reason)
	}
	return out
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	dir := writeTree(t, map[string]string{"a.txt": "secret"})
	p := filepath.Join(dir, "a.txt")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	docs := collect(t, &Source{Paths: []string{dir}})
	if len(docs) != 1 || docs[0].Status != pipeline.StatusFailed || !strings.Contains(docs[0].Reason, "permission denied") {
		t.Errorf("docs = %+v, want one failed with permission denied", docs)
	}
}

func TestMissingPath(t *testing.T) {
	s := &Source{Paths: []string{t.TempDir(), filepath.Join(t.TempDir(), "nope")}}
	n := 0
	err := s.Docs(context.Background(), func(*pipeline.Doc) error { n++; return nil })
	if err == nil || !strings.HasPrefix(err.Error(), "ingest: ") || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Docs = %v, want ingest: ... not exist", err)
	}
	if n != 0 {
		t.Errorf("emitted %d docs before failing, want 0", n)
	}
}

func TestOrderAndIDs(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a-b.txt":          "one",
		"a/x.txt":          "two",
		"a/b/y.md":         "three",
		"B.txt":            "four",
		".hidden.txt":      "no",
		".git/config.txt":  "no",
		"a/.cache/z.txt":   "no",
		"dup/note.txt":     "five",
		"dup/note.md":      "six",
		"dup/note~2.txt":   "seven",
		"c/manifest.csv":   "file,outlet\n",
		"c/photo.jpeg":     "\xff\xd8",
		"c/deeper/doc.htm": "<html><body><p>eight is the body of this page</p></body></html>",
	})
	docs := collect(t, &Source{Paths: []string{dir + "/"}})
	var got []string
	for _, d := range docs {
		rel, _ := filepath.Rel(dir, d.Source)
		got = append(got, d.ID+" <- "+filepath.ToSlash(rel)+" "+string(d.Status))
	}
	want := []string{
		"B <- B.txt processed",
		"a-b <- a-b.txt processed",
		"a/b/y <- a/b/y.md processed",
		"a/x <- a/x.txt processed",
		"c/deeper/doc <- c/deeper/doc.htm processed",
		"c/manifest <- c/manifest.csv skipped",
		"c/photo <- c/photo.jpeg skipped",
		"dup/note <- dup/note.md processed",
		"dup/note~2 <- dup/note.txt processed",
		"dup/note~2~2 <- dup/note~2.txt processed",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}
	for _, d := range docs {
		if !strings.HasPrefix(d.Source, dir+"/") {
			t.Errorf("Source %q does not keep the PATH argument %q", d.Source, dir+"/")
		}
		if strings.Contains(d.ID, "~") && !strings.Contains(d.Reason, "already used") {
			t.Errorf("renamed doc %s has no note: %q", d.ID, d.Reason)
		}
	}
}

func TestSingleFileID(t *testing.T) {
	dir := writeTree(t, map[string]string{"sub/story.txt": "text", "feed.jsonl": `{"text":"a"}` + "\n" + `{"text":"b","id":"x"}`})
	docs := collect(t, &Source{Paths: []string{filepath.Join(dir, "sub", "story.txt"), filepath.Join(dir, "feed.jsonl")}})
	var got []string
	for _, d := range docs {
		got = append(got, d.ID+" "+strings.TrimPrefix(d.Source, dir))
	}
	want := []string{"story /sub/story.txt", "feed:1 /feed.jsonl:1", "x /feed.jsonl:2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDuplicates(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.txt": "Kim met  Putin.\n",
		"b.txt": "\ufeff  Kim met\r\nPutin. ",
		"c.txt": "kim met Putin.",          // case differs: not a duplicate
		"d.txt": "Caf\u0065\u0301 opened.", // decomposed é
		"e.txt": "Caf\u00e9 opened.",       // composed é: NFC duplicate of d
	})
	docs := collect(t, &Source{Paths: []string{dir}})
	got := map[string]string{}
	for _, d := range docs {
		got[d.ID] = string(d.Status) + " " + d.DuplicateOf + " " + d.Reason
		if d.Hash == "" {
			t.Errorf("%s has no hash", d.ID)
		}
	}
	want := map[string]string{
		"a": "processed  ",
		"b": "duplicate a duplicate of a",
		"c": "processed  ",
		"d": "processed  ",
		"e": "duplicate d duplicate of d",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestHash(t *testing.T) {
	tests := []struct{ a, b string }{
		{"a b", " a\t\r\nb  "},
		{"e\u0301", "\u00e9"},
		{"x\u00a0y", "x y"},
	}
	for _, tt := range tests {
		if Hash(tt.a) != Hash(tt.b) {
			t.Errorf("Hash(%q) != Hash(%q)", tt.a, tt.b)
		}
	}
	if Hash("A") == Hash("a") {
		t.Errorf("Hash folds case")
	}
	// Random mixes of words, ASCII and Unicode spaces and combining
	// marks: Hash is the SHA-256 of the NFC text with white space runs
	// collapsed to one space and trimmed.
	parts := []string{"a", "Word", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "e\u0301", "é", "Ω", "—", ".", "x y"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		sum := sha256.Sum256([]byte(strings.Join(strings.Fields(norm.NFC.String(s)), " ")))
		if got, want := Hash(s), hex.EncodeToString(sum[:]); got != want {
			t.Fatalf("Hash(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestJSONL(t *testing.T) {
	lines := []string{
		`{"id":"r1","text":"First text.","title":" T ","outlet":"Reuters","date":"2024-06-19","url":"https://x","author":"A","country":"GB"}`,
		`{"ID":"r2","Body":"Body text.","Media_Name":"AP","Publish_Date":"2024-01-02","Authors":["A. One","B. Two"],"section":"World","rank":3,"tags":["a","b"],"flag":true,"nested":{"k": 1},"none":null}`,
		`{"content":"Content text.","source":"AFP","published":"May 1"}`,
		``,
		`{"text":"Has both.","body":"loses","publisher":"P","source":"S"}`,
		`{"id":7,"text":"Numeric id."}`,
		`{"text": broken`,
		`[1,2,3]`,
		`{"text":"trailing"} {"x":1}`,
		`{"title":"no text"}`,
		`{"text":"   "}`,
		"{\"text\":\"bad \xff byte\"}",
		`{"text":["Para one.","Para two."]}`,
		`{"id":"r1","text":"Same id again."}`,
	}
	docs := readOne(t, "feed.ndjson", "\ufeff"+strings.Join(lines, "\r\n"))
	type row struct {
		ID, Source, Status, Reason, Text string
		Meta                             pipeline.Meta
	}
	var got []row
	for _, d := range docs {
		got = append(got, row{d.ID, d.Source[strings.LastIndex(d.Source, "/")+1:], string(d.Status), d.Reason, d.Text, d.Meta})
		if d.Format != FormatJSONL {
			t.Errorf("%s: Format = %q", d.ID, d.Format)
		}
	}
	want := []row{
		{"r1", "feed.ndjson:1", "processed", "", "First text.", pipeline.Meta{Title: "T", Outlet: "Reuters", Date: "2024-06-19", URL: "https://x", Author: "A", Country: "GB"}},
		{"r2", "feed.ndjson:2", "processed", "", "Body text.", pipeline.Meta{Outlet: "AP", Date: "2024-01-02", Author: "A. One; B. Two",
			Extra: map[string]string{"section": "World", "rank": "3", "tags": `["a","b"]`, "flag": "true", "nested": `{"k":1}`}}},
		{"feed:3", "feed.ndjson:3", "processed", "", "Content text.", pipeline.Meta{Outlet: "AFP", Date: "May 1"}},
		{"feed:5", "feed.ndjson:5", "processed", "", "Has both.", pipeline.Meta{Outlet: "S", Extra: map[string]string{"body": "loses", "publisher": "P"}}},
		{"7", "feed.ndjson:6", "processed", "", "Numeric id.", pipeline.Meta{}},
		{"feed:7", "feed.ndjson:7", "failed", "invalid json on line 7: invalid character 'b' looking for beginning of value", "", pipeline.Meta{}},
		{"feed:8", "feed.ndjson:8", "failed", "invalid json on line 8: not a json object", "", pipeline.Meta{}},
		{"feed:9", "feed.ndjson:9", "failed", "invalid json on line 9: unexpected data after the json object", "", pipeline.Meta{}},
		{"feed:10", "feed.ndjson:10", "skipped", "empty text", "", pipeline.Meta{Title: "no text"}},
		{"feed:11", "feed.ndjson:11", "skipped", "empty text", "", pipeline.Meta{}},
		{"feed:12", "feed.ndjson:12", "failed", "invalid utf-8 on line 12 at byte 13", "", pipeline.Meta{}},
		{"feed:13", "feed.ndjson:13", "processed", "", "Para one.\n\nPara two.", pipeline.Meta{}},
		{"r1~2", "feed.ndjson:14", "processed", `id "r1" already used, renamed "r1~2"`, "Same id again.", pipeline.Meta{}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d docs, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("doc %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestJSONLEmptyAndLongLines(t *testing.T) {
	t.Run("blank lines only", func(t *testing.T) {
		docs := readOne(t, "f.jsonl", "\n \n\r\n")
		if len(docs) != 1 || docs[0].Status != pipeline.StatusSkipped || docs[0].Reason != "empty file" || docs[0].ID != "f" {
			t.Errorf("got %+v, want one skipped empty file", docs[0])
		}
	})
	t.Run("line over limit", func(t *testing.T) {
		s := &Source{Paths: []string{"-"}, Stdin: strings.NewReader(`{"text":"` + strings.Repeat("x", 200) + "\"}\n{\"text\":\"ok\"}\n"),
			Config: pipeline.IngestConfig{MaxFileBytes: 100}}
		got := statuses(collect(t, s))
		want := []string{"stdin:1 failed line 1 longer than limit of 100 bytes", "stdin:2 processed "}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestStdin(t *testing.T) {
	in := "{\"text\":\"From stdin.\",\"outlet\":\"X\"}\n\n{\"id\":\"s2\",\"text\":\"Second.\"}\nnot json\n"
	docs := collect(t, &Source{Paths: []string{"-"}, Stdin: strings.NewReader(in)})
	var got []string
	for _, d := range docs {
		got = append(got, d.ID+" "+d.Source+" "+string(d.Status)+" "+d.Format)
	}
	want := []string{"stdin:1 -:1 processed jsonl", "s2 -:3 processed jsonl", "stdin:4 -:4 failed jsonl"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := (&Source{Paths: []string{"-"}}).Docs(context.Background(), func(*pipeline.Doc) error { return nil }); err == nil {
		t.Errorf("Docs with \"-\" and no Stdin = nil, want error")
	}
}

func TestCSV(t *testing.T) {
	csvText := "\ufeffID,Title,Content,Publisher,Published,URL,Authors,Country,Section\r\n" +
		"c1,\"Tariffs, duties and more\",\"Line one, with comma.\r\n\r\n\"\"Quoted\"\" line two.\",Nikkei,2024-06-12,https://n,\"A, B\",JP,Business\r\n" +
		",No id,Text two.,,,,,,\r\n" +
		"c3,Short row,Text three.\r\n" +
		"c4,Bad quote,Text \"four\",X,,,,,\r\n" +
		"c5,Empty,,X,,,,,\r\n" +
		"c6,After,Text six.,Y,,,,,World\r\n"
	docs := readOne(t, "export.csv", csvText)
	type row struct {
		ID, Source, Status, Reason, Text string
		Meta                             pipeline.Meta
	}
	var got []row
	for _, d := range docs {
		got = append(got, row{d.ID, d.Source[strings.LastIndex(d.Source, "/")+1:], string(d.Status), d.Reason, d.Text, d.Meta})
	}
	want := []row{
		{"c1", "export.csv:1", "processed", "", "Line one, with comma.\n\n\"Quoted\" line two.", pipeline.Meta{Title: "Tariffs, duties and more", Outlet: "Nikkei", Date: "2024-06-12", URL: "https://n", Author: "A, B", Country: "JP", Extra: map[string]string{"Section": "Business"}}},
		{"export:2", "export.csv:2", "processed", "", "Text two.", pipeline.Meta{Title: "No id"}},
		{"export:3", "export.csv:3", "failed", "invalid csv: record on line 6: wrong number of fields", "", pipeline.Meta{}},
		{"export:4", "export.csv:4", "failed", "invalid csv: parse error on line 7, column 19: bare \" in non-quoted-field", "", pipeline.Meta{}},
		{"c5", "export.csv:5", "skipped", "empty text", "", pipeline.Meta{Title: "Empty", Outlet: "X"}},
		{"c6", "export.csv:6", "processed", "", "Text six.", pipeline.Meta{Title: "After", Outlet: "Y", Extra: map[string]string{"Section": "World"}}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d docs, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("doc %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestCSVFileProblems(t *testing.T) {
	tests := []struct {
		name, content string
		want          []string
	}{
		{"no text column", "id,title\n1,x\n", []string{"f failed csv has no text column (text, body or content)"}},
		{"header only", "id,text\n", []string{"f skipped no records"}},
		{"empty", "", []string{"f skipped empty file"}},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", []string{"f skipped binary file"}},
		// A readable header makes it an export: its records are judged
		// one by one, and a binary one fails alone.
		{"binary record", "id,text\n\x00\x00\x00", []string{"f:1 failed invalid csv: record on line 2: wrong number of fields"}},
		{"invalid utf8 field", "text,x\nab\xffc,1\nok,2\n", []string{"f:1 failed invalid utf-8 in record 1 (line 2) column 1 at byte 2", "f:2 processed "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := statuses(readOne(t, "f.csv", tt.content))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestManifest(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"side/manifest.csv": "File,OUTLET,Country,date,url,author,title,desk\n" +
			"a.txt,38 North,US,2024-07-02,https://38n,J. Doe,Shells,Analysis\n" +
			"./sub/b.txt,FAZ,DE,,,,,\n" +
			"missing.txt,Nobody,,,,,,\n",
		"side/a.txt":       "Text a.",
		"side/sub/b.txt":   "Text b.",
		"side/c.txt":       "Text c.",
		"side/d.jsonl":     `{"text":"rec","outlet":"Own"}`,
		"other/a.txt":      "Other a.",
		"bad/manifest.csv": "outlet\nX\n",
		"bad/x.txt":        "Text x.",
	})
	docs := collect(t, &Source{Paths: []string{dir}})
	got := map[string]pipeline.Meta{}
	for _, d := range docs {
		got[d.ID] = d.Meta
	}
	want := map[string]pipeline.Meta{
		"bad/manifest":  {},
		"bad/x":         {},
		"other/a":       {},
		"side/a":        {Outlet: "38 North", Country: "US", Date: "2024-07-02", URL: "https://38n", Author: "J. Doe", Title: "Shells", Extra: map[string]string{"desk": "Analysis"}},
		"side/sub/b":    {Outlet: "FAZ", Country: "DE"},
		"side/c":        {},
		"side/manifest": {},
		"side/d:1":      {Outlet: "Own"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metas:\n got %+v\nwant %+v", got, want)
	}
	single := collect(t, &Source{Paths: []string{filepath.Join(dir, "side", "a.txt")}})
	if len(single) != 1 || single[0].Meta.Outlet != "38 North" {
		t.Errorf("file given as PATH: Meta = %+v, want the sibling manifest's", single[0].Meta)
	}
	for _, d := range docs {
		if d.ID == "bad/manifest" && (d.Status != pipeline.StatusFailed || d.Reason != "invalid manifest.csv sidecar: no file column") {
			t.Errorf("bad manifest: %s %q", d.Status, d.Reason)
		}
	}
}

func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Big News - The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="og:title" content="Big News">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://daily.example/news/1">
<style>p{color:red}</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
<article><h1>Big News</h1>
<p>First paragraph with some text about   things happening
in the world today, and more words to make it long enough.</p>
<p><script>var x = 1;</script>Second paragraph &amp; more text; "quoted" words here,<br>with a line break and <b>bold</b> words.</p>
<p>Third paragraph, so that the extractor finds enough content in the article body to keep it.</p>
</article><footer><p>Copyright 2024 The Daily. All rights reserved.</p></footer></body></html>`
	docs := readOne(t, "page.html", page)
	if len(docs) != 1 {
		t.Fatalf("got %d docs", len(docs))
	}
	d := docs[0]
	if d.Status != pipeline.StatusOK || d.Format != FormatHTML {
		t.Fatalf("status %s %q format %s", d.Status, d.Reason, d.Format)
	}
	wantMeta := pipeline.Meta{Title: "Big News", Outlet: "The Daily", Date: "2024-03-05", URL: "https://daily.example/news/1", Author: "Jane Roe",
		Extra: map[string]string{"hostname": "daily.example", "language": "en"}}
	if !reflect.DeepEqual(d.Meta, wantMeta) {
		t.Errorf("Meta = %+v, want %+v", d.Meta, wantMeta)
	}
	for _, want := range []string{
		"First paragraph with some text about things happening in the world today, and more words to make it long enough.\n\n",
		"\n\nSecond paragraph & more text; \"quoted\" words here,\nwith a line break and bold words.\n\n",
		"Third paragraph",
	} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("Text lacks %q:\n%s", want, d.Text)
		}
	}
	if again := readOne(t, "page.html", page)[0]; again.Text != d.Text || !reflect.DeepEqual(again.Meta, d.Meta) {
		t.Errorf("second extraction differs:\n%+v\n%+v", again, d)
	}
	for _, bad := range []string{"Home", "Copyright", "var x", "color"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("Text contains furniture %q:\n%s", bad, d.Text)
		}
	}
}

func TestHTMLProblems(t *testing.T) {
	tests := []struct {
		name, content string
		status        pipeline.Status
		reason, text  string
	}{
		{"no body text", "<html><head><title>x</title></head><body></body></html>", pipeline.StatusSkipped, "no main text found in html", ""},
		{"latin1 declared", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 cr\xe8me and a long enough paragraph of text.</p></body></html>", pipeline.StatusOK, "", "Café crème"},
		{"binary", "\x00\x00\x00<html>", pipeline.StatusSkipped, "binary file", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := readOne(t, "p.html", tt.content)
			d := docs[0]
			if len(docs) != 1 || d.Status != tt.status || !strings.HasPrefix(d.Reason, tt.reason) || !strings.Contains(d.Text, tt.text) {
				t.Errorf("got (%s, %q, %q), want (%s, %q, %q)", d.Status, d.Reason, d.Text, tt.status, tt.reason, tt.text)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d"} {
		files[n+".txt"] = "text " + n
	}
	dir := writeTree(t, files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []string
	err := (&Source{Paths: []string{dir}}).Docs(ctx, func(d *pipeline.Doc) error {
		got = append(got, d.ID)
		if d.ID == "b" {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Docs = %v, want context.Canceled", err)
	}
	if !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("emitted %q after cancel, want [a b]", got)
	}

	stop := errors.New("stop")
	err = (&Source{Paths: []string{dir}}).Docs(context.Background(), func(*pipeline.Doc) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("Docs = %v, want emit's error", err)
	}
}

func TestUTF16Records(t *testing.T) {
	utf16le := func(s string) string {
		var b strings.Builder
		b.WriteString("\xff\xfe")
		for _, r := range s { // ASCII and Latin-1 only in this test
			b.WriteByte(byte(r))
			b.WriteByte(0)
		}
		return b.String()
	}
	for _, tt := range []struct{ name, content string }{
		{"f.csv", "id,text\r\nx1,Caf\u00e9 text\r\n"},
		{"f.jsonl", "{\"id\":\"x1\",\"text\":\"Caf\u00e9 text\"}\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			docs := readOne(t, tt.name, utf16le(tt.content))
			if len(docs) != 1 || docs[0].ID != "x1" || docs[0].Text != "Café text" || docs[0].Status != pipeline.StatusOK {
				t.Errorf("got %+v, want x1 processed \"Café text\"", docs[0])
			}
		})
	}
}
