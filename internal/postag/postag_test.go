package postag

import (
	"bufio"
	"flag"
	"io/fs"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

var conll = flag.String("conll", "", "CoNLL-2003 file whose sentences TestSameAsProse also tags (e.g. ../../../shared/bench/conll2003/eng.testb)")

// corpus returns the fixtures corpus as tokenized lines, a few thousand
// random sentences made of its words (with traces, emoticons, hyphens and
// years mixed in), and the sentences of -conll if given.
func corpus(t *testing.T) [][]string {
	t.Helper()
	var sents [][]string
	tk := tokenize.New()
	err := fs.WalkDir(fixtures.FS, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fixtures.FS.ReadFile(path)
		if err != nil {
			return err
		}
		for line := range strings.Lines(string(b)) {
			var words []string
			for _, w := range tk.Tokenize(line) {
				words = append(words, w.Text)
			}
			if len(words) > 0 {
				sents = append(sents, words)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	vocab := []string{"-", ":-)", "@kcna", "*T*-2", "0", "-LRB-", "-RRB-", "1950", "+123", "-12", "well-known", "İstanbul", "Ñandú", "*", ""}
	for _, s := range sents {
		vocab = append(vocab, s...)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		s := make([]string, 1+r.IntN(30))
		for i := range s {
			s[i] = vocab[r.IntN(len(vocab))]
		}
		sents = append(sents, s)
	}
	if *conll != "" {
		f, err := os.Open(*conll)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var s []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) == 0 || fields[0] == "-DOCSTART-" {
				if len(s) > 0 {
					sents = append(sents, s)
				}
				s = nil
				continue
			}
			s = append(s, fields[0])
		}
		if len(s) > 0 {
			sents = append(sents, s)
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return sents
}

func TestSameAsProse(t *testing.T) {
	ours, err := New()
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	sents := corpus(t)
	var n int
	for _, words := range sents {
		a := make([]token.Token, len(words))
		b := make([]token.Token, len(words))
		for i, w := range words {
			a[i].Text, b[i].Text = w, w
		}
		ours.TagTokens(a)
		theirs.TagTokens(b)
		for i := range a {
			n++
			if a[i].Tag != b[i].Tag {
				t.Errorf("TagTokens(%q)[%d] = %s, prose says %s", words, i, a[i].Tag, b[i].Tag)
			}
		}
	}
	t.Logf("%d sentences, %d tokens tagged identically", len(sents), n)
}

func TestEmpty(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tg.TagTokens(nil)
}

func BenchmarkTagTokens(b *testing.B) {
	words := strings.Fields("SEOUL , June 19 ( Reuters ) - North Korean leader Kim Jong Un welcomed Russian President Vladimir Putin to Pyongyang on Wednesday , state media said .")
	toks := make([]token.Token, len(words))
	for i, w := range words {
		toks[i].Text = w
	}
	for _, name := range []string{"postag", "prose"} {
		b.Run(name, func(b *testing.B) {
			var tagger interface{ TagTokens([]token.Token) }
			if name == "prose" {
				tagger, _ = tag.New()
			} else {
				tagger, _ = New()
			}
			b.ReportAllocs()
			for b.Loop() {
				tagger.TagTokens(toks)
			}
			b.ReportMetric(float64(len(toks)*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkTagFixtures tags every line of the fixture corpus: many
// different words, so the model's tables are not all in the CPU cache.
func BenchmarkTagFixtures(b *testing.B) {
	tk := tokenize.New()
	var sents [][]token.Token
	n := 0
	_ = fs.WalkDir(fixtures.FS, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		bs, _ := fixtures.FS.ReadFile(path)
		for line := range strings.Lines(string(bs)) {
			var toks []token.Token
			for _, w := range tk.Tokenize(line) {
				toks = append(toks, token.Token{Text: w.Text})
			}
			if len(toks) > 0 {
				sents = append(sents, toks)
				n += len(toks)
			}
		}
		return nil
	})
	tg, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			tg.TagTokens(s)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
