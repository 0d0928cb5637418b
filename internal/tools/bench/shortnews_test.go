package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/framewatch/framewatch/stages/entities/ner"
)

func TestNewsText(t *testing.T) {
	tests := []struct {
		name  string
		sents [][]string
		want  string
	}{
		{"dateline and sentence", [][]string{{"LONDON", "1996-08-30"}, {"Simmons", "took", "four", ",", "he", "said", "."}},
			"LONDON 1996-08-30\n\nSimmons took four, he said.\n"},
		{"quotes and brackets", [][]string{{"He", "said", `"`, "no", "deal", `"`, "(", "Reuters", ")", "."}},
			"He said \"no deal\" (Reuters).\n"},
		{"clitics and money", [][]string{{"It", "does", "n't", "cost", "$", "5", ",", "Smith", "'s", "aide", "said", "."}},
			"It doesn't cost $5, Smith's aide said.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc []ner.Sentence
			for _, s := range tt.sents {
				doc = append(doc, ner.Sentence{Words: s})
			}
			if got := newsText(doc); got != tt.want {
				t.Errorf("newsText(%q) = %q, want %q", tt.sents, got, tt.want)
			}
		})
	}
}

func TestWriteShortNews(t *testing.T) {
	conll := t.TempDir()
	data := "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n\n" +
		"-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\nBRUSSELS NNP I-NP I-LOC\n1996-08-22 CD I-NP O\n"
	for i, f := range shortNewsSplits {
		// Each split its own words, so that no record duplicates another.
		d := strings.ReplaceAll(data, "call NN", strings.Repeat("x", i+1)+" NN")
		d = strings.ReplaceAll(d, "Blackburn NNP", "Black"+strings.Repeat("y", i+1)+" NNP")
		if err := os.WriteFile(filepath.Join(conll, f), []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	st, err := writeShortNews(dir, conll)
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != 2*len(shortNewsSplits) || len(st.Files) != len(shortNewsSplits) {
		t.Fatalf("writeShortNews wrote %d documents in %d files, want %d in %d", st.Docs, len(st.Files), 2*len(shortNewsSplits), len(shortNewsSplits))
	}
	f, err := os.Open(st.Files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("record %q: %v", sc.Text(), err)
		}
		texts = append(texts, rec.Text)
	}
	want := []string{"EU rejects German x.\n", "Peter Blacky\n\nBRUSSELS 1996-08-22\n"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("texts = %q, want %q", texts, want)
	}
	// framewatch's own ingest reads every record as an analysable document.
	cfg, err := pipeline.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	src := &ingest.Source{Paths: []string{dir}, Config: cfg.Ingest}
	if err := src.Docs(context.Background(), func(d *pipeline.Doc) error {
		if d.Status != "" && d.Status != pipeline.StatusOK {
			t.Errorf("%s: status %s (%s)", d.Source, d.Status, d.Reason)
		}
		n++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != st.Docs {
		t.Errorf("ingest read %d documents, want %d", n, st.Docs)
	}
}
