package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/framewatch/framewatch/fixtures"
)

// template is one fixture document that copies are made from.
type template struct {
	name   string // base name without extension
	ext    string // ".txt", ".md", ".html", ".jsonl" or ".csv"
	text   string // the file, or the record's text field
	review bool   // a press review: paragraphs keep their order
	record map[string]string
	header []string // CSV column order
}

// CorpusStats describe a generated corpus.
type CorpusStats struct {
	Docs  int
	Bytes int64
}

// recordsPerFile is how many JSONL or CSV records go into one export file.
const recordsPerFile = 250

// docsPerFolder keeps folders small enough for any file system.
const docsPerFolder = 1000

// Generate writes n documents made from the fixtures into dir: articles as
// files (docsPerFolder per folder), export records as JSONL and CSV files of
// recordsPerFile records. Copy i of a template has its numbers shifted, its
// body paragraphs shuffled (not in press reviews, whose layout carries the
// units) and one sentence appended that only it has, so no two documents
// share a content hash. The same n and seed give the same bytes.
func Generate(dir string, n int, seed uint64) (CorpusStats, error) {
	var st CorpusStats
	tpls, err := templates()
	if err != nil {
		return st, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, err
	}
	var jsonl, csvb bytes.Buffer
	var csvw *csv.Writer
	var nJSON, nCSV, fJSON, fCSV int
	madeDir := ""
	flushJSON := func() error {
		if nJSON == 0 {
			return nil
		}
		st.Bytes += int64(jsonl.Len())
		err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("export-%04d.jsonl", fJSON)), jsonl.Bytes(), 0o644)
		jsonl.Reset()
		nJSON = 0
		fJSON++
		return err
	}
	flushCSV := func() error {
		if nCSV == 0 {
			return nil
		}
		csvw.Flush()
		if err := csvw.Error(); err != nil {
			return err
		}
		st.Bytes += int64(csvb.Len())
		err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("export-%04d.csv", fCSV)), csvb.Bytes(), 0o644)
		csvb.Reset()
		nCSV = 0
		fCSV++
		return err
	}
	for i := range n {
		t := tpls[i%len(tpls)]
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		switch t.ext {
		case ".jsonl":
			rec := maps.Clone(t.record)
			rec["id"] = fmt.Sprintf("bench-%07d", i)
			rec["text"] = vary(t.text, i, rng, false, false)
			b, err := json.Marshal(rec)
			if err != nil {
				return st, err
			}
			jsonl.Write(b)
			jsonl.WriteByte('\n')
			if nJSON++; nJSON == recordsPerFile {
				if err := flushJSON(); err != nil {
					return st, err
				}
			}
		case ".csv":
			if nCSV == 0 {
				csvw = csv.NewWriter(&csvb)
				if err := csvw.Write(t.header); err != nil {
					return st, err
				}
			}
			row := make([]string, len(t.header))
			for j, h := range t.header {
				row[j] = t.record[h]
				switch h {
				case "id":
					row[j] = fmt.Sprintf("bench-%07d", i)
				case "body", "text":
					row[j] = vary(t.text, i, rng, false, false)
				}
			}
			if err := csvw.Write(row); err != nil {
				return st, err
			}
			if nCSV++; nCSV == recordsPerFile {
				if err := flushCSV(); err != nil {
					return st, err
				}
			}
		default:
			sub := filepath.Join(dir, fmt.Sprintf("d%04d", i/docsPerFolder))
			if sub != madeDir {
				if err := os.MkdirAll(sub, 0o755); err != nil {
					return st, err
				}
				madeDir = sub
			}
			text := vary(t.text, i, rng, t.ext == ".html", t.review)
			name := filepath.Join(sub, fmt.Sprintf("%07d-%s%s", i, t.name, t.ext))
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				return st, err
			}
			st.Bytes += int64(len(text))
		}
		st.Docs++
	}
	if err := flushJSON(); err != nil {
		return st, err
	}
	return st, flushCSV()
}

// templates reads the good fixture articles and export records, in a fixed
// order. bad/ (deliberately broken files) and sidecar/ (whose metadata lives
// in a manifest) are left out.
func templates() ([]template, error) {
	var out []template
	for _, folder := range []string{"wire", "papers", "html", "reviews"} {
		root := path.Join("corpus", folder)
		entries, err := fs.ReadDir(fixtures.FS, root)
		if err != nil {
			return nil, fmt.Errorf("bench: fixtures: %w", err)
		}
		for _, e := range entries {
			ext := path.Ext(e.Name())
			if e.IsDir() || !slices.Contains([]string{".txt", ".md", ".html"}, ext) {
				continue
			}
			b, err := fs.ReadFile(fixtures.FS, path.Join(root, e.Name()))
			if err != nil {
				return nil, err
			}
			out = append(out, template{name: strings.TrimSuffix(e.Name(), ext), ext: ext, text: string(b), review: folder == "reviews"})
		}
	}
	b, err := fs.ReadFile(fixtures.FS, "corpus/exports/feed.jsonl")
	if err != nil {
		return nil, fmt.Errorf("bench: fixtures: %w", err)
	}
	for line := range strings.Lines(string(b)) {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) != nil {
			continue // the fixture has a deliberately broken line
		}
		flat := map[string]string{}
		for k, v := range rec {
			if s, ok := v.(string); ok {
				flat[k] = s
			}
		}
		text := flat["text"]
		if text == "" {
			text = flat["body"]
			delete(flat, "body")
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		out = append(out, template{name: "feed", ext: ".jsonl", text: text, record: flat})
	}
	b, err = fs.ReadFile(fixtures.FS, "corpus/exports/export.csv")
	if err != nil {
		return nil, fmt.Errorf("bench: fixtures: %w", err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("bench: fixtures export.csv: %w", err)
	}
	if len(rows) > 1 {
		header := rows[0]
		for _, row := range rows[1:] {
			rec := map[string]string{}
			for j, h := range header {
				if j < len(row) {
					rec[h] = row[j]
				}
			}
			text := rec["body"] + rec["text"]
			if strings.TrimSpace(text) == "" {
				continue
			}
			out = append(out, template{name: "export", ext: ".csv", text: text, record: rec, header: header})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("bench: no fixture articles found")
	}
	return out, nil
}

var number = regexp.MustCompile(`\b\d{2,}\b`)

var (
	firstNames = []string{"Mira", "Tomas", "Aiko", "Daniel", "Sofia", "Kwame", "Elena", "Jonas", "Priya", "Lukas", "Hana", "Mateo", "Ingrid", "Omar", "Yuna", "Pavel"}
	lastNames  = []string{"Kowalski", "Lindqvist", "Moreau", "Okafor", "Tanaka", "Brennan", "Varga", "Castillo", "Novak", "Haddad", "Sorensen", "Park", "Rinaldi", "Weber", "Ivanova", "Mensah"}
	institutes = []string{"Institute for Security Studies", "Center for Strategic Analysis", "Asia Policy Forum", "European Defence Council", "Korea Research Institute", "Baltic Policy Lab"}
	months     = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// vary makes copy i of a document: numbers of two or more digits that are
// not years are shifted, body paragraphs are shuffled unless keepOrder, and
// a sentence unique to i is appended (inside the article for HTML).
func vary(text string, i int, rng *rand.Rand, html, keepOrder bool) string {
	delta := 1 + rng.IntN(97)
	text = number.ReplaceAllStringFunc(text, func(s string) string {
		v, err := strconv.Atoi(s)
		if err != nil || (v >= 1900 && v <= 2100) || len(s) > 9 {
			return s
		}
		return strconv.Itoa(v + delta)
	})
	if !html && !keepOrder {
		text = shuffleBody(text, rng)
	}
	sentence := fmt.Sprintf("Analyst %s %s of the %s said on Tuesday that as many as %d more containers could follow by %s.",
		firstNames[rng.IntN(len(firstNames))], lastNames[(i/len(firstNames))%len(lastNames)],
		institutes[rng.IntN(len(institutes))], 1000+i, months[rng.IntN(len(months))])
	if html {
		// Inside the last paragraph of the article body: main-text
		// extraction may drop a paragraph of its own placed elsewhere.
		end := len(text)
		if k := strings.LastIndex(text, "</article>"); k >= 0 {
			end = k
		}
		if k := strings.LastIndex(text[:end], "</p>"); k >= 0 {
			return text[:k] + " " + sentence + text[k:]
		}
	}
	return strings.TrimRight(text, "\n") + "\n\n" + sentence + "\n"
}

// shuffleBody shuffles the paragraphs after the first long one (the lead,
// which follows the headline, byline and dateline), keeping the header.
func shuffleBody(text string, rng *rand.Rand) string {
	paras := strings.Split(text, "\n\n")
	lead := -1
	for k, p := range paras {
		if len(p) > 200 {
			lead = k
			break
		}
	}
	if lead < 0 || len(paras)-lead-1 < 2 {
		return text
	}
	body := paras[lead+1:]
	rng.Shuffle(len(body), func(a, b int) { body[a], body[b] = body[b], body[a] })
	return strings.Join(paras, "\n\n")
}
