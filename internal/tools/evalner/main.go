// Command evalner scores framewatch's named entities on CoNLL-2003
// eng.testb and eng.testa at entity level (conlleval style: exact span and
// type).
//
// The headline figure is the product's: every CoNLL document is written as
// news text (detokenised, one paragraph per sentence, headline and dateline
// on their own lines; see buildDoc), run through ingest and the clean,
// outlets, text and entities stages exactly as framewatch run builds them
// (internal/analysis), and each mention is scored by its exact byte span
// and type against the gold spans mapped onto that text. Its lines come
// first: "eval conll2003-testb product_micro_f1 X".
//
// Second, labelled "-model-gold-tokens", the labeller alone on the gold
// CoNLL tokens with part-of-speech tags from prose's tagger, and prose v3's
// own entity extractor on the same tokens for comparison.
//
// Type mapping onto CoNLL: PERSON = PER; ORG and OUTLET = ORG; GPE and LOC =
// LOC; NORP and MISC = MISC. The model predicts the CoNLL types directly.
// For prose: PERSON = PER, GPE and LOC = LOC, ORG/ORGANIZATION = ORG, any
// other label = MISC.
//
// Output lines read "eval <set> <metric> <value>". Without the data folder
// it prints a note and exits 0.
//
//	go run ./internal/tools/evalner -conll ../shared/bench/conll2003
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/entities"
	"github.com/framewatch/framewatch/stages/entities/ner"
	prosener "github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/tag"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("evalner", flag.ContinueOnError)
	dir := fs.String("conll", "../shared/bench/conll2003", "folder with eng.testa and eng.testb")
	corpus := fs.String("fixtures", "fixtures/corpus", "the fixture corpus, scored against fixtures/gold/entities.json")
	noProse := fs.Bool("noprose", false, "skip prose's extractor")
	noModel := fs.Bool("nomodel", false, "skip the model-on-gold-tokens figures (and prose's)")
	errFile := fs.String("errors", "", "write the product's missed and spurious mentions to this file")
	off := fs.String("off", "", "comma-separated entity rules to switch off (see -rules)")
	rules := fs.Bool("rules", false, "print the rule table: the product's F1 with each entity rule switched off in turn")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*dir, "eng.testb")); err != nil {
		fmt.Fprintf(stdout, "evalner: no CoNLL-2003 data in %s; skipping\n", *dir)
		return nil
	}
	cfg, err := pipeline.LoadConfig("")
	if err != nil {
		return err
	}
	if *off != "" {
		cfg.Entities.RulesOff = strings.Split(*off, ",")
	}
	var errs io.Writer
	if *errFile != "" {
		ef, err := os.Create(*errFile)
		if err != nil {
			return fmt.Errorf("evalner: %w", err)
		}
		defer ef.Close()
		errs = ef
	}
	sets := map[string][][]ner.Sentence{}
	for _, set := range []string{"testb", "testa"} {
		f, err := os.Open(filepath.Join(*dir, "eng."+set))
		if err != nil {
			return fmt.Errorf("evalner: %w", err)
		}
		docs, err := ner.ReadCoNLL(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("evalner: %w", err)
		}
		sets[set] = docs
	}
	ctx := context.Background()
	if *rules {
		return ruleTable(ctx, stdout, sets, *corpus, cfg)
	}
	for _, set := range []string{"testb", "testa"} {
		c, err := productRun(ctx, sets[set], cfg, errs)
		if err != nil {
			return err
		}
		reportProduct(stdout, "conll2003-"+set, &c)
	}
	if _, err := os.Stat(*corpus); err == nil {
		found, total, err := fixtureRecall(ctx, *corpus, cfg, errs)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "eval fixtures entity_gold_recall %.3f\n", float64(found)/float64(total))
	}
	if *noModel {
		return nil
	}
	m, err := entities.Model()
	if err != nil {
		return err
	}
	tg, err := tag.New()
	if err != nil {
		return fmt.Errorf("evalner: %w", err)
	}
	px, err := prosener.New()
	if err != nil {
		return fmt.Errorf("evalner: %w", err)
	}
	for _, set := range []string{"testb", "testa"} {
		docs := sets[set]
		ner.TagPOS(docs, tg)
		tokens := 0
		for _, d := range docs {
			for _, s := range d {
				tokens += len(s.Words)
			}
		}
		name := "conll2003-" + set + "-model-gold-tokens"
		// Time the labelling alone (best of three passes, as the machine
		// may be shared), then score.
		var best time.Duration
		labels := make([][][]uint8, len(docs))
		for range 3 {
			t0 := time.Now()
			for i, d := range docs {
				labels[i] = m.LabelDoc(d, labels[i])
			}
			if el := time.Since(t0); best == 0 || el < best {
				best = el
			}
		}
		var c ner.Counts
		for i, d := range docs {
			for k, s := range d {
				c.Add(s.Gold, labels[i][k])
			}
		}
		report(stdout, name, &c, float64(tokens)/best.Seconds())
		if *noProse {
			continue
		}
		t0 := time.Now()
		pc := proseScore(px, docs)
		report(stdout, name+"-prose", &pc, float64(tokens)/time.Since(t0).Seconds())
	}
	return nil
}

// reportProduct prints the product's figures on one set, micro first.
func reportProduct(w io.Writer, set string, c *ner.Counts) {
	p, r, f := c.PRF(-1)
	fmt.Fprintf(w, "eval %s product_micro_f1 %.3f\n", set, f)
	fmt.Fprintf(w, "eval %s product_micro_precision %.3f\n", set, p)
	fmt.Fprintf(w, "eval %s product_micro_recall %.3f\n", set, r)
	for t, name := range ner.Types {
		p, r, f := c.PRF(t)
		fmt.Fprintf(w, "eval %s product_%s_f1 %.3f\n", set, name, f)
		fmt.Fprintf(w, "eval %s product_%s_precision %.3f\n", set, name, p)
		fmt.Fprintf(w, "eval %s product_%s_recall %.3f\n", set, name, r)
	}
}

// ruleTable prints, for every entity rule, the product's micro F1 on
// testb and testa and the fixture gold's recall with all rules on and
// with that one rule off, as the markdown rows of README's rule table.
func ruleTable(ctx context.Context, w io.Writer, sets map[string][][]ner.Sentence, corpus string, cfg pipeline.Config) error {
	measure := func(off []string) ([3]float64, error) {
		var out [3]float64
		c := cfg
		c.Entities.RulesOff = append(slices.Clone(cfg.Entities.RulesOff), off...)
		for i, set := range []string{"testb", "testa"} {
			n, err := productRun(ctx, sets[set], c, nil)
			if err != nil {
				return out, err
			}
			_, _, out[i] = n.PRF(-1)
		}
		found, total, err := fixtureRecall(ctx, corpus, c, nil)
		if err != nil {
			return out, err
		}
		out[2] = float64(found) / float64(total)
		return out, nil
	}
	all, err := measure(nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "| rule | testb F1 on / off | testa F1 on / off | fixture gold recall on / off |\n|---|---|---|---|\n")
	for _, name := range entities.Rules() {
		if slices.Contains(cfg.Entities.RulesOff, name) {
			continue
		}
		o, err := measure([]string{name})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| `%s` | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f |\n", name, all[0], o[0], all[1], o[1], all[2], o[2])
	}
	return nil
}

func report(w io.Writer, set string, c *ner.Counts, tps float64) {
	p, r, f := c.PRF(-1)
	fmt.Fprintf(w, "eval %s micro_f1 %.3f\n", set, f)
	fmt.Fprintf(w, "eval %s micro_precision %.3f\n", set, p)
	fmt.Fprintf(w, "eval %s micro_recall %.3f\n", set, r)
	for t, name := range ner.Types {
		p, r, f := c.PRF(t)
		fmt.Fprintf(w, "eval %s %s_f1 %.3f\n", set, name, f)
		fmt.Fprintf(w, "eval %s %s_precision %.3f\n", set, name, p)
		fmt.Fprintf(w, "eval %s %s_recall %.3f\n", set, name, r)
	}
	fmt.Fprintf(w, "eval %s tokens_per_s %.0f\n", set, tps)
}

// proseScore runs prose's extractor on each sentence (words joined by
// spaces, tags from the same tagger), groups its labels with prose's own
// Chunk, and maps the entities back onto the CoNLL tokens.
func proseScore(px *prosener.Extracter, docs [][]ner.Sentence) ner.Counts {
	var c ner.Counts
	var toks []prosener.Token
	var b strings.Builder
	for _, d := range docs {
		for _, s := range d {
			toks = toks[:0]
			b.Reset()
			for i, w := range s.Words {
				if i > 0 {
					b.WriteByte(' ')
				}
				toks = append(toks, prosener.Token{Text: w, Tag: s.Tags[i], Start: b.Len()})
				b.WriteString(w)
			}
			src := b.String()
			px.Label(toks)
			pred := make([]uint8, len(toks))
			for _, e := range px.Chunk(src, toks) {
				t := proseType(e.Label)
				first := true
				for i, tk := range toks {
					if tk.Start >= e.Start && tk.End() <= e.End() {
						if first {
							pred[i] = uint8(1 + 2*t)
							first = false
						} else {
							pred[i] = uint8(2 + 2*t)
						}
					}
				}
			}
			c.Add(s.Gold, pred)
		}
	}
	return c
}

// proseType maps prose's entity labels onto CoNLL types (indexes into
// ner.Types).
func proseType(l string) int {
	switch strings.TrimPrefix(strings.TrimPrefix(l, "B-"), "I-") {
	case "PERSON":
		return 0
	case "ORG", "ORGANIZATION":
		return 1
	case "GPE", "LOC", "LOCATION":
		return 2
	}
	return 3
}
