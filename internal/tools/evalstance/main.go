// Command evalstance evaluates framewatch's embedded stance model on the
// NewsMTSC test splits (devtest_rw, devtest_mt) next to plain
// sentence-level VADER (compound >= 0.05 positive, <= -0.05 negative), and
// prints one figure per line:
//
//	eval newsmtsc-devtest_rw accuracy 0.6789
//	eval newsmtsc-devtest_rw macro_f1 0.6543
//	eval newsmtsc-devtest_rw-vader macro_f1 0.5081
//
// The product_accuracy and product_macro_f1 lines score the same examples
// through the product path (see productPredictions); with -basil it also
// runs the analysis chain on basil-dev and prints the article-level
// macro-F1 with majority and VADER baselines, the outlet ordering for the
// three most frequent main entities and the voice agreement. -items and
// -voice-errors list the basil-dev items and voice misses on stderr.
//
// When the NewsMTSC folder is absent it says so and exits 0.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/framewatch/framewatch/stages/stance"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("evalstance", flag.ContinueOnError)
	dir := fs.String("newsmtsc", "../shared/bench/newsmtsc", "NewsMTSC folder with devtest_rw.jsonl and devtest_mt.jsonl")
	basil := fs.String("basil", "", "basil-dev folder (articles/, annotations/); empty skips the BASIL evaluation")
	itemsFlag := fs.Bool("items", false, "list the basil-dev article × entity items (outlet, entity, gold, predicted, score, scored, mentions) on stderr")
	voiceErrs := fs.Bool("voice-errors", false, "list the basil-dev phrase spans whose voice disagrees with the annotation on stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := runNewsMTSC(*dir, stdout); err != nil {
		return err
	}
	if *basil == "" {
		return nil
	}
	if _, err := os.Stat(*basil); err != nil {
		fmt.Fprintf(stdout, "evalstance: %s not found, skipping the BASIL evaluation\n", *basil)
		return nil
	}
	var ve io.Writer
	if *voiceErrs {
		ve = os.Stderr
	}
	var items io.Writer
	if *itemsFlag {
		items = os.Stderr
	}
	return runBasil(*basil, stdout, ve, items)
}

func runNewsMTSC(dir string, stdout io.Writer) error {
	if _, err := os.Stat(dir); err != nil {
		fmt.Fprintf(stdout, "evalstance: %s not found, skipping the NewsMTSC evaluation\n", dir)
		return nil
	}
	m, err := stance.DefaultModel()
	if err != nil {
		return fmt.Errorf("evalstance: %w", err)
	}
	for _, split := range []string{"devtest_rw", "devtest_mt"} {
		f, err := os.Open(filepath.Join(dir, split+".jsonl"))
		if err != nil {
			return fmt.Errorf("evalstance: %w", err)
		}
		exs, err := stance.ReadNewsMTSC(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("evalstance: %w", err)
		}
		acc, f1 := stance.Evaluate(m.Predict, exs)
		vacc, vf1 := stance.Evaluate(stance.VADERBaseline, exs)
		fmt.Fprintf(stdout, "eval newsmtsc-%s accuracy %.4f\n", split, acc)
		fmt.Fprintf(stdout, "eval newsmtsc-%s macro_f1 %.4f\n", split, f1)
		labels, err := productPredictions(exs)
		if err != nil {
			return fmt.Errorf("evalstance: %s: %w", split, err)
		}
		k := -1
		pacc, pf1 := stance.Evaluate(func(stance.Instance) (string, float64) { k++; return labels[k], 0 }, exs)
		fmt.Fprintf(stdout, "eval newsmtsc-%s product_accuracy %.4f\n", split, pacc)
		fmt.Fprintf(stdout, "eval newsmtsc-%s product_macro_f1 %.4f\n", split, pf1)
		fmt.Fprintf(stdout, "eval newsmtsc-%s-vader accuracy %.4f\n", split, vacc)
		fmt.Fprintf(stdout, "eval newsmtsc-%s-vader macro_f1 %.4f\n", split, vf1)
	}
	return nil
}
