package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestRunWithoutBench(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-newsmtsc", t.TempDir() + "/absent"}, &out); err != nil {
		t.Fatalf("run = %v, want nil", err)
	}
	if !strings.Contains(out.String(), "not found, skipping") {
		t.Errorf("output = %q, want a skip message", out.String())
	}
}

func TestRunSmallSplit(t *testing.T) {
	dir := t.TempDir()
	line := `{"sentence_normalized":"Critics condemned Russia for its brutal war.","targets":[{"from":18,"to":24,"mention":"Russia","polarity":2.0}]}` + "\n"
	for _, s := range []string{"devtest_rw", "devtest_mt"} {
		if err := writeFile(dir+"/"+s+".jsonl", line); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := run([]string{"-newsmtsc", dir}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"eval newsmtsc-devtest_rw accuracy ", "eval newsmtsc-devtest_mt macro_f1 ", "eval newsmtsc-devtest_rw-vader macro_f1 "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

func TestRunBasilSmall(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"articles/2019", "annotations/2019"} {
		if err := os.MkdirAll(dir+"/"+sub, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	arts := map[string]string{
		"nyt": `[["Critics condemned Donald Trump for his brutal policy."],["\"It was a disaster,\" Trump said."]]`,
		"fox": `[["Donald Trump won praise for a great deal."]]`,
		"hpo": `[["Donald Trump spoke on Monday."]]`,
	}
	feel := map[string]string{"nyt": "neg", "fox": "pos", "hpo": "neu"}
	for i, o := range []string{"nyt", "fox", "hpo"} {
		name := "t_" + string(rune('0'+i))
		art := `{"source":"` + o + `","title":"T","date":"2019-01-01","uuid":"` + name + `","triplet-uuid":"t","main-entities":["Donald Trump"],"body-paragraphs":` + arts[o] + `}`
		ann := `{"article-level-annotations":{"author_feeling_Donald_Trump":"` + feel[o] + `"},"phrase-level-annotations":[{"txt":"disaster","start":9,"end":17,"target":"Donald_Trump","quote":"yes","polarity":"neg"}]}`
		if err := writeFile(dir+"/articles/2019/"+name+".json", art); err != nil {
			t.Fatal(err)
		}
		if err := writeFile(dir+"/annotations/2019/"+name+"_ann.json", ann); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := run([]string{"-newsmtsc", dir + "/absent", "-basil", dir}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"eval basil-dev article_items 3\n", "eval basil-dev article_macro_f1 ", "eval basil-dev-majority article_macro_f1 ",
		"eval basil-dev-vader article_macro_f1 ", "eval basil-dev ordering_Donald_Trump ", "eval basil-dev voice_agreement "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
