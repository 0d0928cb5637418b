// Command evallang measures the lang stage's language identification on
// short text (one sentence) and long text (about 80 words), printing
// "eval lang-short accuracy X" and "eval lang-long accuracy X" lines for
// make eval.
//
// The sets are balanced: as many English texts as texts in other
// languages. The other languages are fixtures/lang/sentences.tsv
// (invented news sentences in de, fr, es, it, ru, pl, cs, nl, pt and uk):
// each sentence is a short text, and each run of four consecutive sentences
// of one language a long one. English short texts are sentences of
// NewsMTSC's devtest_rw (real news sentences), sampled evenly; English long
// texts are the fixtures' articles cut to their first 80 words, then BASIL
// articles (first paragraphs, 80 words) sampled evenly to fill the set.
// Every text goes through the lang stage as a one-unit document, as in
// framewatch run.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/lang"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "evallang:", err)
		os.Exit(1)
	}
}

// sample is one text and its language.
type sample struct{ lang, text string }

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("evallang", flag.ContinueOnError)
	fl.SetOutput(stderr)
	bench := fl.String("bench", "../shared/bench", "the shared evaluation sets (newsmtsc/, basil-dev/)")
	verbose := fl.Bool("v", false, "print every misidentified text to stderr")
	if err := fl.Parse(args); err != nil {
		return err
	}
	short, long, err := sets(*bench)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stdout, "evallang: %v; skipping the language evaluation\n", err)
		return nil
	}
	if err != nil {
		return err
	}
	id, err := lang.New(nil)
	if err != nil {
		return err
	}
	for _, set := range []struct {
		name    string
		samples []sample
	}{{"lang-short", short}, {"lang-long", long}} {
		m := score(id, set.samples, *verbose, stderr)
		fmt.Fprintf(stdout, "eval %s texts %d\n", set.name, len(set.samples))
		fmt.Fprintf(stdout, "eval %s accuracy %.3f\n", set.name, m.accuracy)
		fmt.Fprintf(stdout, "eval %s english-analysed %.3f\n", set.name, m.englishKept)
		fmt.Fprintf(stdout, "eval %s other-skipped %.3f\n", set.name, m.otherSkipped)
	}
	return nil
}

type metrics struct{ accuracy, englishKept, otherSkipped float64 }

// score runs each sample through the stage. Accuracy counts the exact
// language code ("und" is wrong); english-analysed is the share of English
// texts the analyses receive, other-skipped the share of other texts they
// do not.
func score(id *lang.Identifier, samples []sample, verbose bool, log io.Writer) metrics {
	var ok, en, enKept, other, otherSkipped int
	for _, s := range samples {
		d := &pipeline.Doc{Text: s.text, Status: pipeline.StatusOK, Units: []*pipeline.Unit{{ID: "t#0", End: len(s.text)}}}
		_ = id.Process(context.Background(), d)
		u := d.Units[0]
		if u.Lang == s.lang {
			ok++
		} else if verbose {
			fmt.Fprintf(log, "%s as %s: %.80s\n", s.lang, u.Lang, s.text)
		}
		if s.lang == "en" {
			en++
			if u.Analysed() {
				enKept++
			}
		} else {
			other++
			if !u.Analysed() {
				otherSkipped++
			}
		}
	}
	return metrics{ratio(ok, len(samples)), ratio(enKept, en), ratio(otherSkipped, other)}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// sets builds the short and long sets.
func sets(bench string) (short, long []sample, err error) {
	b, err := fixtures.FS.ReadFile("lang/sentences.tsv")
	if err != nil {
		return nil, nil, err
	}
	by := map[string][]string{}
	var order []string
	for _, line := range strings.Split(string(b), "\n") {
		code, text, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		if by[code] == nil {
			order = append(order, code)
		}
		by[code] = append(by[code], text)
	}
	for _, code := range order {
		ss := by[code]
		for i := range ss {
			short = append(short, sample{code, ss[i]})
			var run []string
			for k := range 4 {
				run = append(run, ss[(i+k)%len(ss)])
			}
			long = append(long, sample{code, strings.Join(run, " ")})
		}
	}
	n := len(short)

	sentences, err := newsmtsc(filepath.Join(bench, "newsmtsc", "devtest_rw.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	for _, s := range every(sentences, n) {
		short = append(short, sample{"en", s})
	}

	var articles []string
	texts, _ := fixtures.Articles()
	for _, t := range texts {
		if w := strings.Fields(t); len(w) >= 80 {
			articles = append(articles, strings.Join(w[:80], " "))
		}
	}
	basil, err := basilArticles(filepath.Join(bench, "basil-dev", "articles"))
	if err != nil {
		return nil, nil, err
	}
	if len(articles) > n {
		articles = articles[:n]
	}
	articles = append(articles, every(basil, n-len(articles))...)
	for _, a := range articles {
		long = append(long, sample{"en", a})
	}
	return short, long, nil
}

// every returns n items of xs evenly spaced.
func every(xs []string, n int) []string {
	if n <= 0 || len(xs) == 0 {
		return nil
	}
	var out []string
	for i := range n {
		out = append(out, xs[i*len(xs)/n])
	}
	return out
}

func newsmtsc(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct {
			Sentence string `json:"sentence_normalized"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if r.Sentence != "" {
			out = append(out, r.Sentence)
		}
	}
	return out, sc.Err()
}

// basilArticles returns the first 80 words of every BASIL article, in
// path order.
func basilArticles(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, fs.ErrNotExist)
	}
	sort.Strings(paths)
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var a struct {
			Paragraphs [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		var words []string
		for _, para := range a.Paragraphs {
			words = append(words, strings.Fields(strings.Join(para, " "))...)
			if len(words) >= 80 {
				break
			}
		}
		if len(words) >= 80 {
			out = append(out, strings.Join(words[:80], " "))
		}
	}
	return out, nil
}
