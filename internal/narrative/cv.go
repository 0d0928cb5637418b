package narrative

import (
	"math"
	"slices"
	"sort"

	"github.com/framewatch/framewatch/stages/frames"
)

// CrossValidate returns held-out news-frame probabilities and decisions
// for every unit: unit i is predicted by a model trained (with opt,
// thresholds chosen inside the training part) on the units not in its
// fold, fold i % k.
func CrossValidate(units []Unit, k int, opt frames.NewsTrainOptions) (probs [][5]float64, has [][5]bool) {
	probs = make([][5]float64, len(units))
	has = make([][5]bool, len(units))
	for fold := range k {
		var train []frames.NewsExample
		for i, u := range units {
			if i%k != fold {
				train = append(train, u.Example)
			}
		}
		m := frames.TrainNews(train, opt)
		for i, u := range units {
			if i%k == fold {
				probs[i] = m.Prob(u.Example)
				for f := range 5 {
					has[i][f] = probs[i][f] >= m.Threshold[f]
				}
			}
		}
	}
	return probs, has
}

// F1 is the F1 of pred against gold (0 when there is no true positive).
func F1(gold, pred []bool) float64 {
	var tp, fp, fn int
	for i := range gold {
		switch {
		case pred[i] && gold[i]:
			tp++
		case pred[i]:
			fp++
		case gold[i]:
			fn++
		}
	}
	if tp == 0 {
		return 0
	}
	return 2 * float64(tp) / float64(2*tp+fp+fn)
}

// AUC is the area under the ROC curve of score for gold (the
// Mann-Whitney statistic, ties counted half); NaN without both classes.
func AUC(gold []bool, score []float64) float64 {
	r := ranks(score)
	var npos, sum float64
	for i, g := range gold {
		if g {
			npos++
			sum += r[i]
		}
	}
	nneg := float64(len(gold)) - npos
	if npos == 0 || nneg == 0 {
		return math.NaN()
	}
	return (sum - npos*(npos+1)/2) / (npos * nneg)
}

// ranks are 1-based ranks, ties given their mean rank.
func ranks(xs []float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] < xs[idx[b]] })
	r := make([]float64, len(xs))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && xs[idx[j+1]] == xs[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			r[idx[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}

// Spearman is the rank correlation of xs and ys (Pearson on mean ranks);
// NaN when either is constant or there are fewer than 3 pairs.
func Spearman(xs, ys []float64) float64 {
	if len(xs) < 3 || len(xs) != len(ys) {
		return math.NaN()
	}
	rx, ry := ranks(xs), ranks(ys)
	var mx, my float64
	for i := range rx {
		mx += rx[i]
		my += ry[i]
	}
	mx /= float64(len(rx))
	my /= float64(len(ry))
	var sxy, sxx, syy float64
	for i := range rx {
		sxy += (rx[i] - mx) * (ry[i] - my)
		sxx += (rx[i] - mx) * (rx[i] - mx)
		syy += (ry[i] - my) * (ry[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Outlets groups unit indices by Article.OutletKey, keeping outlets with
// at least min units, in key order.
func Outlets(units []Unit, min int) (keys []string, groups [][]int) {
	by := map[string][]int{}
	for i, u := range units {
		by[u.Article.OutletKey()] = append(by[u.Article.OutletKey()], i)
	}
	for k, g := range by {
		if len(g) >= min {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		groups = append(groups, by[k])
	}
	return keys, groups
}

// OutletSpearman is the Spearman correlation, over groups, of the share
// of units coded with frame f and the mean of pred over the group.
func OutletSpearman(units []Unit, groups [][]int, f int, pred func(i int) float64) float64 {
	gold := make([]float64, len(groups))
	got := make([]float64, len(groups))
	for j, g := range groups {
		for _, i := range g {
			if units[i].Article.Labels[f] {
				gold[j]++
			}
			got[j] += pred(i)
		}
		gold[j] /= float64(len(g))
		got[j] /= float64(len(g))
	}
	return Spearman(gold, got)
}
