package stance

import (
	"fmt"
	"math"
	"sort"
	"sync"

	"gonum.org/v1/gonum/optimize"
)

var (
	lexOnce sync.Once
	lexVal  *lexicon
)

// sharedLexicon builds the lexicon (and the VADER analyzer) once per
// process; both are read-only afterwards.
func sharedLexicon() *lexicon {
	lexOnce.Do(func() { lexVal = newLexicon() })
	return lexVal
}

// Example is one labelled training instance; Class indexes Classes.
type Example struct {
	Instance
	Class int
}

// TrainOptions configures Train.
type TrainOptions struct {
	// L2 is the L2 penalty on the weights (the loss is the mean
	// weighted log-loss per example).
	L2 float64
	// MinCount drops sparse features seen in fewer examples.
	MinCount int
	// ClassWeight scales each class's loss; {1,1,1} is unweighted.
	ClassWeight [3]float64
	// Iterations bounds L-BFGS iterations.
	Iterations int
}

// DefaultTrainOptions are the options the shipped model was trained with,
// chosen by a held-out slice of the training set (see
// internal/tools/trainstance).
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{L2: 3e-3, MinCount: 2, ClassWeight: [3]float64{1, 1, 1.3}, Iterations: 300}
}

// Train fits a model to examples. It is deterministic: the same examples
// and options give the same weights.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	if len(examples) == 0 {
		return nil, fmt.Errorf("stance: train: no examples")
	}
	lex := sharedLexicon()
	feats := make([]featureSet, len(examples))
	df := map[string]int{}
	for i, ex := range examples {
		feats[i] = lex.features(ex.Instance)
		for n := range feats[i] {
			df[n]++
		}
	}
	names := make([]string, 0, len(df))
	for n, c := range df {
		if c >= opt.MinCount {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[n] = i
	}
	type entry struct {
		j int
		v float64
	}
	rows := make([][]entry, len(examples))
	for i, f := range feats {
		for n, v := range f {
			if j, ok := index[n]; ok {
				rows[i] = append(rows[i], entry{j, v})
			}
		}
		sort.Slice(rows[i], func(a, b int) bool { return rows[i][a].j < rows[i][b].j })
	}
	d := len(names)
	nEx := float64(len(examples))
	fn := func(x []float64) float64 {
		var loss float64
		for i, row := range rows {
			var z [3]float64
			for _, e := range row {
				for k := 0; k < 3; k++ {
					z[k] += x[e.j*3+k] * e.v
				}
			}
			p := softmax(z)
			c := examples[i].Class
			loss -= opt.ClassWeight[c] * math.Log(math.Max(p[c], 1e-12))
		}
		var reg float64
		for _, w := range x {
			reg += w * w
		}
		return loss/nEx + opt.L2*reg/2
	}
	grad := func(g, x []float64) {
		for j := range g {
			g[j] = opt.L2 * x[j]
		}
		for i, row := range rows {
			var z [3]float64
			for _, e := range row {
				for k := 0; k < 3; k++ {
					z[k] += x[e.j*3+k] * e.v
				}
			}
			p := softmax(z)
			c := examples[i].Class
			for k := 0; k < 3; k++ {
				delta := p[k]
				if k == c {
					delta -= 1
				}
				delta *= opt.ClassWeight[c] / nEx
				for _, e := range row {
					g[e.j*3+k] += delta * e.v
				}
			}
		}
	}
	p := optimize.Problem{Func: fn, Grad: grad}
	x0 := make([]float64, d*3)
	res, err := optimize.Minimize(p, x0, &optimize.Settings{MajorIterations: opt.Iterations, GradientThreshold: 1e-6}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return nil, fmt.Errorf("stance: train: %w", err)
	}
	m := &Model{w: make(map[string][3]float64, d), lex: lex}
	for j, n := range names {
		w := [3]float64{res.X[j*3], res.X[j*3+1], res.X[j*3+2]}
		if math.Abs(w[0])+math.Abs(w[1])+math.Abs(w[2]) < 1e-4 {
			continue
		}
		m.w[n] = w
	}
	if err := m.index(); err != nil {
		return nil, fmt.Errorf("stance: train: %w", err)
	}
	return m, nil
}

// Calibrate shifts a trained model's log-odds of the negative and the
// positive class by neg and pos, against neutral: the offsets that
// internal/tools/trainstance chooses on out-of-fold predictions, baked
// into the bias feature so that prediction costs nothing more.
func (m *Model) Calibrate(neg, pos float64) error {
	if m.w == nil {
		return fmt.Errorf("stance: calibrate: a model read from a file keeps no feature names; calibrate the trained model")
	}
	b := m.w["bias"]
	b[0] += neg
	b[2] += pos
	m.w["bias"] = b
	if err := m.index(); err != nil {
		return fmt.Errorf("stance: calibrate: %w", err)
	}
	return nil
}
