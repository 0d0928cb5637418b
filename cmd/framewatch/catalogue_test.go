package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

const catStory = "SEOUL (Reuters) - Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday, state media said. The two leaders signed a partnership treaty, and Washington warned of deepening military ties.\n"

// catalogue is issue 13's hostile-tester catalogue, built from code: each
// entry is a file (relative path) and its bytes. Entries that need the
// file system (links, a named pipe) are made by writeCatalogue.
func catalogue() map[string][]byte {
	utf16le := func(s string, be bool) []byte {
		var b bytes.Buffer
		if be {
			b.Write([]byte{0xFE, 0xFF})
		} else {
			b.Write([]byte{0xFF, 0xFE})
		}
		for _, u := range utf16.Encode([]rune(s)) {
			if be {
				b.Write([]byte{byte(u >> 8), byte(u)})
			} else {
				b.Write([]byte{byte(u), byte(u >> 8)})
			}
		}
		return b.Bytes()
	}
	rec := func(fields map[string]any) string {
		b, _ := json.Marshal(fields)
		return string(b) + "\n"
	}
	deep := strings.Repeat("<div>", 20000) + "<p>" + catStory + "</p>" + strings.Repeat("</div>", 20000)
	m := map[string][]byte{
		"binary.txt":          []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
		"mostly-controls.txt": bytes.Repeat([]byte("\x1b[0m\a\x01"), 300),
		"invalid-utf8.txt":    []byte("Caf\xe9 au lait in Z\xfcrich. " + catStory),
		"latin1.html":         []byte("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article><p>Z\xfcrich: " + catStory + "</p></article></body></html>"),
		"utf16le.txt":         utf16le("LONDON (AP) - "+catStory, false),
		"utf16be.txt":         utf16le("PARIS (AFP) - "+catStory, true),
		"bom.txt":             []byte("\ufeffBERLIN (dpa) - " + catStory),
		"crlf.txt":            []byte(strings.ReplaceAll("TOKYO (Kyodo) - "+catStory+"\nSecond paragraph here.\n", "\n", "\r\n")),
		"empty.txt":           nil,
		"whitespace.md":       []byte(" \r\n\t\n\u00a0\u3000\n"),
		"huge-line.txt":       []byte(strings.Repeat("word ", 60000)),
		"ansi.txt":            []byte("\x1b[1;31mBREAKING\x1b[0m\a Summit\x1b]0;owned\a ends\n\n" + catStory),
		"zero-width.txt":      []byte("Vla\u200bdimir Pu\u200dtin met Kim\u2060 Jong\ufeff Un. " + catStory),
		"rtl.txt":             []byte("\u202eSEOUL\u202c (Reuters) - \u0627\u0644\u0631\u0626\u064a\u0633 \u05e9\u05dc\u05d5\u05dd. " + catStory),
		"arabic.txt":          []byte("\u0627\u0644\u062a\u0642\u0649 \u0627\u0644\u0631\u0626\u064a\u0633 \u0627\u0644\u0631\u0648\u0633\u064a \u0641\u0644\u0627\u062f\u064a\u0645\u064a\u0631 \u0628\u0648\u062a\u064a\u0646 \u0628\u0627\u0644\u0632\u0639\u064a\u0645 \u0627\u0644\u0643\u0648\u0631\u064a \u0643\u064a\u0645 \u062c\u0648\u0646\u063a \u0623\u0648\u0646 \u0641\u064a \u0628\u064a\u0648\u0646\u063a \u064a\u0627\u0646\u063a.\n"),
		"german.txt":          []byte("Der russische Präsident Wladimir Putin hat den nordkoreanischen Machthaber Kim Jong Un in Pjöngjang getroffen. Die beiden unterzeichneten einen Vertrag über eine umfassende strategische Partnerschaft, wie die Staatsmedien meldeten.\n"),
		"russian.txt":         []byte("Лидер КНДР Ким Чен Ын встретил его в аэропорту. Президент России Владимир Путин прибыл в Пхеньян с государственным визитом.\n"),
		"emoji.txt":           []byte("SEOUL (Reuters) - Kim 🚀 Jong Un met Vladimir Putin 🤝 in Pyongyang 📰 on Wednesday.\n"),
		"dup-a.txt":           []byte(catStory),
		"bad/dup-of-a.txt":    []byte(catStory + "\n\n"),
		"noext":               []byte(catStory),
		"photo.xyz":           []byte(catStory),
		"notes.markdown":      []byte("# Notes\n\n<script>alert(1)</script> **Putin** met [Kim](http://x) in Pyongyang. " + catStory),
		"deep.html":           []byte("<html><body>" + deep + "</body></html>"),
		"empty.html":          []byte("<html><head><title>x</title></head><body><nav>Home</nav></body></html>"),
		"truncated.html":      []byte("<html><body><article><p>" + catStory + "<p><b><i"),
		"review.txt": []byte("Press review of June 20\n\n=HYPERLINK(\"http://x\",\"y\") (FR) /\nThe paper said Putin was isolated.\n\n" +
			"@SUM(1+1) (DE) /\nThe paper said Kim gained.\n\n+cmd|' /C calc'!A0 (GB) /\nThe paper said Seoul worried.\n\n-2+3 (US) /\nThe paper said little.\n"),
		"exports/nul-mid.jsonl":     []byte(rec(map[string]any{"id": "n1", "text": catStory}) + "{\"id\":\"n2\",\"text\":\"bad \x00 byte\"}\n" + rec(map[string]any{"id": "n3", "text": "AP - " + catStory})),
		"exports/nul-escaped.jsonl": []byte(`{"id":"e1","text":"escaped \u0000 nul"}` + "\n" + rec(map[string]any{"id": "e2", "text": "AFP - " + catStory})),
		"exports/nul-mid.csv":       []byte("id,text\nc1,\"" + "TASS - " + catStory + "\"\nc2,\"bad \x00 byte\"\nc3,\"Yonhap - " + catStory + "\"\n"),
		"exports/wrong-types.jsonl": []byte(`{"id":"w1","text":123}` + "\n" + `{"id":"w2","outlet":["A","B"],"text":"x y z"}` + "\n" + `{"id":"w3","title":true,"text":"x y z"}` + "\n" + `{"id":"w4","outlet":{"x":1},"text":"x y z"}` + "\n" + `{"id":"w5","text":{"a":"b"}}` + "\n" + `[1,2,3]` + "\n" + `"just a string"` + "\n"),
		"exports/malformed.jsonl":   []byte("{\"id\":\"m1\",\"text\":\"unterminated\n{oops}\n" + rec(map[string]any{"id": "m3", "text": "Reuters - " + catStory})),
		"exports/hostile-meta.jsonl": []byte(rec(map[string]any{"id": "h1", "outlet": `=HYPERLINK("http://x","y")`, "title": `+cmd|' /C calc'!A0`, "author": "@SUM(1+1)", "country": "Germany", "date": "not a date", "url": "-2+3", "text": "UK outlet " + catStory}) +
			rec(map[string]any{"id": "h2", "outlet": "News 📰 Daily", "title": "Pact 🤝 \x1b[31msigned\x1b[0m\a", "country": "=1+1", "date": "9999-99-99", "text": "Emoji outlet " + catStory}) +
			rec(map[string]any{"id": "h3", "outlet": strings.Repeat("Very Long Outlet ", 600), "text": "Long outlet " + catStory}) +
			rec(map[string]any{"id": "h1", "text": "Same id again " + catStory}) +
			rec(map[string]any{"id": "h5", "text": "   "})),
		"exports/bom-crlf.jsonl":  []byte("\ufeff" + strings.ReplaceAll(rec(map[string]any{"id": "b1", "text": "BOM CRLF " + catStory}), "\n", "\r\n")),
		"exports/ragged.csv":      []byte("id,outlet,text,extra\nr1,AP,\"" + catStory + "\"\nr2,AFP\nr3,TASS,\"Moscow said " + catStory + "\",x,y,z\n"),
		"exports/formula.csv":     []byte("id,outlet,title,text\nf1,=cmd,@evil,\"-10 points " + catStory + "\"\nf2,+44 20 7946 0000,\"=1+1\",\"Multi\nline " + catStory + "\"\n"),
		"exports/no-text.csv":     []byte("id,headline\nx1,Something\n"),
		"exports/header-only.csv": []byte("id,text\n"),
		"exports/empty.jsonl":     []byte("\n\n  \n"),
		"exports/utf16.csv":       utf16le("id,text\nu1,\"UTF-16 export: "+catStory+"\"\n", false),
		"sidecar/story.txt":       []byte("Sidecar story. " + catStory),
		"sidecar/manifest.csv":    []byte("file,outlet,country,date,url\nstory.txt,=Evil Outlet,Germany,2024-13-45,javascript:alert(1)\n"),
		"badsidecar/s.txt":        []byte("Broken sidecar story. " + catStory),
		"badsidecar/manifest.csv": []byte("file,outlet\n\"unterminated,x\n"),
		".hidden.txt":             []byte(catStory), // hidden: not an input
		"too-long.txt":            []byte(strings.Repeat("Putin met Kim in Pyongyang again today.\n\n", 3000)),
	}
	return m
}

// writeCatalogue writes the catalogue under dir and adds what needs the
// file system: a folder link that loops, a file link, a dangling link and
// a named pipe (where supported). It returns every input path a run must
// account for (hidden files are not inputs).
func writeCatalogue(t *testing.T, dir string) []string {
	t.Helper()
	var inputs []string
	for name, b := range catalogue() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(name, ".") {
			inputs = append(inputs, p)
		}
	}
	links := map[string]string{"loop": dir, "link-to-a.txt": filepath.Join(dir, "dup-a.txt"), "dangling.txt": filepath.Join(dir, "no-such-file.txt")}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err == nil {
			inputs = append(inputs, filepath.Join(dir, name))
		}
	}
	if err := mkfifo(filepath.Join(dir, "pipe.txt")); err == nil {
		inputs = append(inputs, filepath.Join(dir, "pipe.txt"))
	}
	return inputs
}

// TestCatalogue runs issue 13's catalogue of odd inputs (binary, invalid
// UTF-8, NULs inside exports, UTF-16, BOM, CRLF, empty, a huge line,
// control characters and ANSI sequences, emoji outlets, formula
// injection in metadata and press-review lines, JSONL fields of the wrong
// type, ragged CSV rows, 20,000 nested divs, a folder link loop, a named
// pipe, zero-width and right-to-left text, other languages, duplicates,
// broken sidecars, …) through framewatch run twice on one workspace. Both
// runs finish and publish a report; every input is in the manifest (an
// export by its records), every document not processed says why; no CSV
// cell would run as a spreadsheet formula or carries a control character.
func TestCatalogue(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	inputs := writeCatalogue(t, in)
	if len(inputs) < 40 {
		t.Fatalf("catalogue has %d inputs, want at least 40", len(inputs))
	}
	cfg := filepath.Join(tmp, "config.yaml")
	if err := os.WriteFile(cfg, []byte("ingest:\n  max_text_bytes: 60000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, state := filepath.Join(tmp, "out"), filepath.Join(tmp, "state")
	for run := 1; run <= 2; run++ {
		err := runCLI(t, "run", "--out", out, "--state", state, "--config", cfg, "--report-date", "2024-06-20", in)
		if code := exitCode(err); code != exitOK && code != exitPartial {
			t.Fatalf("run %d: exit %d (%v), want a published report", run, code, err)
		}
		if l := leftovers(t, out); len(l) > 0 {
			t.Errorf("run %d left %v behind", run, l)
		}
		dir := filepath.Join(out, "latest")
		checkAccounted(t, run, dir, inputs)
		if bad := csvFormulaCells(t, dir); len(bad) > 0 {
			t.Errorf("run %d: %d CSV cells would run as formulas: %q", run, len(bad), bad)
		}
		if bad := csvControlCells(t, dir); len(bad) > 0 {
			t.Errorf("run %d: %d CSV cells hold control characters: %q", run, len(bad), bad)
		}
	}
}

// checkAccounted checks that every input has a document in the run's
// manifest (an export: at least one, "PATH:N" or the file itself) and
// that every document not processed has a reason.
func checkAccounted(t *testing.T, run int, dir string, inputs []string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Documents []struct {
			ID     string `json:"doc_id"`
			Source string `json:"source"`
			Status string `json:"status"`
			Reason string `json:"reason"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	bySource := map[string]int{}
	statuses := map[string]int{}
	for _, d := range m.Documents {
		src := d.Source
		if i := strings.LastIndexByte(src, ':'); i > 0 && (strings.HasSuffix(src[:i], ".jsonl") || strings.HasSuffix(src[:i], ".csv")) {
			src = src[:i]
		}
		bySource[src]++
		statuses[d.Status]++
		if d.Status != "processed" && strings.TrimSpace(d.Reason) == "" {
			t.Errorf("run %d: %s (%s) is %s with no reason", run, d.ID, d.Source, d.Status)
		}
	}
	for _, p := range inputs {
		if bySource[p] == 0 {
			t.Errorf("run %d: input %s is not in the manifest", run, p)
		}
	}
	t.Logf("run %d: %d inputs, %d documents: %v", run, len(inputs), len(m.Documents), statuses)
	for _, st := range []string{"processed", "skipped", "failed", "duplicate"} {
		if statuses[st] == 0 {
			t.Errorf("run %d: no document %s; statuses %v", run, st, statuses)
		}
	}
}

// csvControlCells lists CSV cells under dir holding a control character
// other than tab, line feed and carriage return.
func csvControlCells(t *testing.T, dir string) []string {
	t.Helper()
	var bad []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, c := range b {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				bad = append(bad, fmt.Sprintf("%s at byte %d: %q", filepath.Base(p), i, b[max(0, i-20):min(len(b), i+20)]))
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return bad
}
