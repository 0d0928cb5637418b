// Command evalframes scores framewatch's frames on the narrative-framing
// development half (articles coded by people with five generic news
// frames), through the run's own chain (ingest and every analysis stage),
// and prints one figure per line:
//
//	eval narrative-dev frame_f1_conflict 0.7012
//	eval narrative-dev frame_auc_conflict 0.7710
//	eval narrative-dev outlet_spearman_conflict 0.6500
//
// Frame F1 and AUC are 5-fold cross-validated: each article is predicted
// by a model trained on the other folds (thresholds chosen inside them).
// Outlet Spearman compares, over outlets with at least 5 articles, the
// share of articles coded with a frame and the share predicted (held out).
// mfc_spearman_<frame> is the same for the closest codebook dimension's
// mean cue share, the proxy framewatch had before. When the folder is
// absent it says so and exits 0.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/framewatch/framewatch/internal/narrative"
	"github.com/framewatch/framewatch/stages/frames"
	"github.com/framewatch/framewatch/stages/roles"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// mfcProxy is the closest codebook dimension per news frame.
var mfcProxy = [5]string{"political", "quality_of_life", "economic", "morality", "policy"}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("evalframes", flag.ContinueOnError)
	dir := fs.String("narrative", "../shared/bench/narrative-dev", "narrative-framing folder")
	set := fs.String("set", "narrative-dev", "set name printed in the eval lines")
	opt := frames.DefaultNewsTrainOptions()
	fs.Float64Var(&opt.L2, "l2", opt.L2, "ridge penalty (for tuning; the shipped model uses the default)")
	fs.IntVar(&opt.Iters, "iters", opt.Iters, "gradient steps")
	fs.Float64Var(&opt.Rate, "rate", opt.Rate, "step size")
	fs.IntVar(&opt.MinDocs, "min-docs", opt.MinDocs, "minimum document frequency of a feature word")
	ropt := roles.DefaultTrainOptions()
	fs.Float64Var(&ropt.L2, "role-l2", ropt.L2, "role model ridge penalty (for tuning)")
	fs.IntVar(&ropt.Iters, "role-iters", ropt.Iters, "role model gradient steps")
	fs.Float64Var(&ropt.NoneBias, "role-none-bias", ropt.NoneBias, "taken from the none class's bias (for tuning)")
	fs.IntVar(&ropt.MinCount, "role-min-count", ropt.MinCount, "role model minimum feature count")
	only := fs.Bool("roles-only", false, "print the role figures only (for tuning)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(*dir); err != nil {
		fmt.Fprintf(stdout, "evalframes: %s not found, skipping the narrative-framing evaluation\n", *dir)
		return nil
	}
	arts, roleRows, _, err := narrative.Read(*dir)
	if err != nil {
		return fmt.Errorf("evalframes: %w", err)
	}
	units, err := narrative.Analyse(context.Background(), arts)
	if err != nil {
		return fmt.Errorf("evalframes: %w", err)
	}
	p := func(metric string, v float64) { fmt.Fprintf(stdout, "eval %s %s %.4f\n", *set, metric, v) }
	p("articles", float64(len(units)))
	if *only {
		evalRoles(units, roleRows, ropt, p)
		return nil
	}
	probs, has := narrative.CrossValidate(units, 5, opt)
	_, groups := narrative.Outlets(units, 5)
	p("outlets_min5", float64(len(groups)))
	var sumF1, sumRho float64
	minRho := math.Inf(1)
	for f, id := range frames.NewsIDs {
		gold := make([]bool, len(units))
		pred := make([]bool, len(units))
		score := make([]float64, len(units))
		for i, u := range units {
			gold[i], pred[i], score[i] = u.Article.Labels[f], has[i][f], probs[i][f]
		}
		f1 := narrative.F1(gold, pred)
		rho := narrative.OutletSpearman(units, groups, f, func(i int) float64 {
			if has[i][f] {
				return 1
			}
			return 0
		})
		mfc := slices.Index(frames.IDs, mfcProxy[f])
		proxy := narrative.OutletSpearman(units, groups, f, func(i int) float64 { return units[i].Frames[mfc].Score })
		p("frame_f1_"+id, f1)
		p("frame_auc_"+id, narrative.AUC(gold, score))
		p("outlet_spearman_"+id, rho)
		p("mfc_spearman_"+id, proxy)
		sumF1 += f1
		sumRho += rho
		minRho = min(minRho, rho)
	}
	p("frame_f1_mean", sumF1/5)
	p("outlet_spearman_mean", sumRho/5)
	p("outlet_spearman_min", minRho)
	evalRoles(units, roleRows, ropt, p)
	return nil
}

// evalRoles prints the role figures: every coded role row of an article
// that came through is matched to one of framewatch's actors
// (narrative.MatchActor); its predicted role is the 5-fold held-out role
// of that actor, none when no actor matches or the actor is not among the
// unit's main actors. Accuracy and macro-F1 (hero, villain, victim) are
// over the rows.
func evalRoles(units []narrative.Unit, rows []narrative.Role, opt roles.TrainOptions, p func(string, float64)) {
	by := narrative.RoleRows(rows)
	narrative.LabelActors(units, by)
	cv := narrative.CrossValidateRoles(units, 5, opt)
	var n, matched, correct int
	var tp, fp, fn [len(roles.Classes)]int
	for i, u := range units {
		for _, r := range by[u.Article.ID] {
			n++
			gold := slices.Index(roles.Classes[:], r.Role)
			pred := 0
			if j := narrative.MatchActor(r.Entity, u.Actors); j >= 0 {
				matched++
				pred = cv[i][j]
			}
			if pred == gold {
				correct++
				tp[gold]++
			} else {
				fn[gold]++
				fp[pred]++
			}
		}
	}
	p("role_rows", float64(n))
	p("role_rows_matched", float64(matched)/float64(max(1, n)))
	p("role_accuracy", float64(correct)/float64(max(1, n)))
	var macro float64
	for c := 1; c < len(roles.Classes); c++ {
		f1 := 0.0
		if tp[c] > 0 {
			f1 = 2 * float64(tp[c]) / float64(2*tp[c]+fp[c]+fn[c])
		}
		p("role_f1_"+roles.Classes[c], f1)
		macro += f1
	}
	p("role_macro_f1", macro/float64(len(roles.Classes)-1))
}
