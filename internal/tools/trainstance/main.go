// Command trainstance trains framewatch's stance model on NewsMTSC.
//
//	go run ./internal/tools/trainstance -newsmtsc ../shared/bench/newsmtsc -out stages/stance/model/stance.tsv.gz
//
// With -holdout it instead runs five-fold cross-validation on train.jsonl
// (folds of whole sentences) for each option set in a small grid and prints
// the mean macro-F1, which is how DefaultTrainOptions and the features were
// chosen; the test splits are never used for tuning.
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
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
	fs := flag.NewFlagSet("trainstance", flag.ContinueOnError)
	dir := fs.String("newsmtsc", "../shared/bench/newsmtsc", "NewsMTSC folder with train.jsonl")
	out := fs.String("out", "stages/stance/model/stance.tsv.gz", "model file to write")
	holdout := fs.Bool("holdout", false, "tune on a held-out slice of train instead of writing a model")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(*dir, "train.jsonl"))
	if err != nil {
		return fmt.Errorf("trainstance: %w", err)
	}
	exs, err := stance.ReadNewsMTSC(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("trainstance: %w", err)
	}
	if *holdout {
		return tune(exs, stdout)
	}
	on, op, oofF1, err := calibrate(exs, stance.DefaultTrainOptions())
	if err != nil {
		return fmt.Errorf("trainstance: %w", err)
	}
	m, err := stance.Train(exs, stance.DefaultTrainOptions())
	if err != nil {
		return fmt.Errorf("trainstance: %w", err)
	}
	if err := m.Calibrate(on, op); err != nil {
		return fmt.Errorf("trainstance: %w", err)
	}
	fmt.Fprintf(stdout, "trainstance: calibration on 5-fold out-of-fold predictions: negative %+.2f, positive %+.2f (out-of-fold macro_f1 %.4f)\n", on, op, oofF1)
	tmp := *out + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("trainstance: %w", err)
	}
	if _, err := m.WriteTo(w); err != nil {
		w.Close()
		return fmt.Errorf("trainstance: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("trainstance: %w", err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		return fmt.Errorf("trainstance: %w", err)
	}
	fmt.Fprintf(stdout, "trainstance: %d examples, wrote %s\n", len(exs), *out)
	return nil
}

// folds assigns examples to five folds of whole sentences: consecutive
// examples of one sentence share its text and stay in one fold.
func folds(exs []stance.Example) []int {
	fold := make([]int, len(exs))
	sent := -1
	prev := ""
	for i, e := range exs {
		if e.Sentence != prev {
			sent++
			prev = e.Sentence
		}
		fold[i] = sent % 5
	}
	return fold
}

// calibrate trains o on four folds and predicts the fifth, five times, and
// returns the log-probability offsets for negative and positive (each in
// -0.6..+0.6 by 0.05) that maximise the macro-F1 of those out-of-fold
// predictions, and that macro-F1. Ties keep the offsets nearest zero, so
// that no shift is chosen without a gain.
func calibrate(exs []stance.Example, o stance.TrainOptions) (neg, pos, f1 float64, err error) {
	fold := folds(exs)
	oof := make([][3]float64, len(exs))
	for k := range 5 {
		var train []stance.Example
		for i, e := range exs {
			if fold[i] != k {
				train = append(train, e)
			}
		}
		if len(train) == 0 || len(train) == len(exs) {
			return 0, 0, 0, nil // too few sentences to hold any out
		}
		m, err := stance.Train(train, o)
		if err != nil {
			return 0, 0, 0, err
		}
		for i, e := range exs {
			if fold[i] == k {
				oof[i] = m.Probs(e.Instance)
			}
		}
	}
	best, bestCost := -1.0, 0.0
	for a := -12; a <= 12; a++ {
		for b := -12; b <= 12; b++ {
			on, op := float64(a)*0.05, float64(b)*0.05
			i := -1
			_, f := stance.Evaluate(func(stance.Instance) (string, float64) {
				i++
				return offsetClass(oof[i], on, op), 0
			}, exs)
			cost := math.Abs(on) + math.Abs(op)
			if f > best+1e-9 || math.Abs(f-best) <= 1e-9 && cost < bestCost {
				best, bestCost, neg, pos = f, cost, on, op
			}
		}
	}
	return neg, pos, best, nil
}

func tune(exs []stance.Example, stdout io.Writer) error {
	fold := folds(exs)
	grid := []stance.TrainOptions{}
	for _, l2 := range []float64{1e-3, 3e-3, 1e-2} {
		for _, pw := range []float64{1, 1.3} {
			o := stance.DefaultTrainOptions()
			o.L2 = l2
			o.ClassWeight = [3]float64{1, 1, pw}
			grid = append(grid, o)
		}
	}
	for _, o := range grid {
		var accSum, f1Sum, mtSum float64
		oof := make([][3]float64, len(exs))
		for k := range 5 {
			var train, dev []stance.Example
			for i, e := range exs {
				if fold[i] == k {
					dev = append(dev, e)
				} else {
					train = append(train, e)
				}
			}
			m, err := stance.Train(train, o)
			if err != nil {
				return err
			}
			acc, f1 := stance.Evaluate(m.Predict, dev)
			accSum += acc
			f1Sum += f1
			var multi []stance.Example
			for _, e := range dev {
				if len(e.Others) > 0 {
					multi = append(multi, e)
				}
			}
			_, mf1 := stance.Evaluate(m.Predict, multi)
			mtSum += mf1
			for i, e := range exs {
				if fold[i] == k {
					oof[i] = m.Probs(e.Instance)
				}
			}
		}
		fmt.Fprintf(stdout, "cv5 l2=%g minCount=%d weights=%v accuracy %.4f macro_f1 %.4f multi_target_macro_f1 %.4f\n", o.L2, o.MinCount, o.ClassWeight, accSum/5, f1Sum/5, mtSum/5)
		// Log-probability offsets for negative and positive that maximise
		// the out-of-fold macro-F1.
		best, bn, bp := -1.0, 0.0, 0.0
		for on := -0.6; on <= 0.61; on += 0.1 {
			for op := -0.6; op <= 0.61; op += 0.1 {
				i := -1
				_, f1 := stance.Evaluate(func(stance.Instance) (string, float64) {
					i++
					return offsetClass(oof[i], on, op), 0
				}, exs)
				if f1 > best+1e-9 {
					best, bn, bp = f1, on, op
				}
			}
		}
		fmt.Fprintf(stdout, "cv5 offsets negative %+.1f positive %+.1f out-of-fold macro_f1 %.4f\n", bn, bp, best)
	}
	return nil
}

// offsetClass is the class of out-of-fold probabilities p once the
// negative and positive log-probabilities are offset by on and op
// (neutral wins ties).
func offsetClass(p [3]float64, on, op float64) string {
	z := [3]float64{math.Log(p[0]) + on, math.Log(p[1]), math.Log(p[2]) + op}
	k := 1
	if z[0] > z[k] {
		k = 0
	}
	if z[2] > z[k] {
		k = 2
	}
	return stance.Classes[k]
}
