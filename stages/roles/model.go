package roles

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
)

// Classes are the role model's classes, in weight order.
var Classes = [...]string{pipeline.RoleNone, pipeline.RoleHero, pipeline.RoleVillain, pipeline.RoleVictim}

const nClasses = len(Classes)

// Model is a multinomial logistic regression over an actor's features:
// binary features (scaled to unit length) from the families of
// features(), then the dense features, then the bias, per class.
type Model struct {
	// Vocab maps a feature, per family, to its index in Feats.
	Vocab [nFamilies]map[string]int32
	// Feats lists the features in index order as "<prefix><value>".
	Feats []string
	// W[c] holds len(Feats) feature weights, nDense dense weights, then
	// the bias of class c.
	W [nClasses][]float64
}

// scratch is classify's reusable working set.
type scratch struct {
	idx  []int32
	sent []int32 // the evidence sentence of each idx entry, -1 for none
	ev   [][2]int
	// distinct are idx's distinct entries in first-seen order; stamp[i]
	// is gen when feature i is among them (no sorting per actor).
	distinct []int32
	stamp    []uint32
	gen      uint32
}

// vector is an actor's features: sorted distinct indices, each with
// value val, and the dense features.
type vector struct {
	idx   []int32
	val   float64
	dense [nDense]float64
}

func (m *Model) margin(c int, v vector) float64 {
	w := m.W[c]
	z := w[len(w)-1]
	for _, i := range v.idx {
		z += w[i] * v.val
	}
	base := len(m.Feats)
	for j, x := range v.dense {
		z += w[base+j] * x
	}
	return z
}

// probs returns the class probabilities of v.
func (m *Model) probs(v vector) [nClasses]float64 {
	var z [nClasses]float64
	mx := math.Inf(-1)
	for c := range nClasses {
		z[c] = m.margin(c, v)
		mx = max(mx, z[c])
	}
	var sum float64
	for c := range nClasses {
		z[c] = math.Exp(z[c] - mx)
		sum += z[c]
	}
	for c := range nClasses {
		z[c] /= sum
	}
	return z
}

// classify returns actor a's role in u with its evidence: the mentioning
// sentence whose words weigh most for the role against none (the first
// mention's sentence for none, or the first mention itself without
// sentences).
func (m *Model) classify(u *pipeline.Unit, a Actor, sc *scratch) pipeline.ActorRole {
	sc.idx, sc.sent, sc.distinct = sc.idx[:0], sc.sent[:0], sc.distinct[:0]
	if len(sc.stamp) != len(m.Feats) {
		sc.stamp, sc.gen = make([]uint32, len(m.Feats)), 0
	}
	sc.gen++
	if sc.gen == 0 {
		clear(sc.stamp)
		sc.gen = 1
	}
	dense, ev := features(u, a, func(fam int, w string, sent int) {
		if i, ok := m.Vocab[fam][w]; ok {
			sc.idx = append(sc.idx, i)
			sc.sent = append(sc.sent, int32(sent))
			if sc.stamp[i] != sc.gen {
				sc.stamp[i] = sc.gen
				sc.distinct = append(sc.distinct, i)
			}
		}
	}, sc.ev[:0])
	sc.ev = ev
	v := vector{idx: sc.distinct, dense: dense}
	if len(v.idx) > 0 {
		v.val = 1 / math.Sqrt(float64(len(v.idx)))
	}
	p := m.probs(v)
	best := 0
	for c := 1; c < nClasses; c++ {
		if p[c] > p[best] {
			best = c
		}
	}
	r := pipeline.ActorRole{Actor: a.Name, Kind: a.Kind, Role: Classes[best], Score: math.Round(1e6*p[best]) / 1e6,
		Start: a.Spans[0][0], End: a.Spans[0][1]}
	if len(ev) > 0 {
		r.Start, r.End = ev[0][0], ev[0][1]
	}
	if best != 0 && len(ev) > 1 {
		weight := make([]float64, len(ev))
		for k, i := range sc.idx {
			if s := sc.sent[k]; s >= 0 {
				weight[s] += m.W[best][i] - m.W[0][i]
			}
		}
		top := 0
		for s := range weight {
			if weight[s] > weight[top] {
				top = s
			}
		}
		r.Start, r.End = ev[top][0], ev[top][1]
	}
	return r
}

// vectorOf sorts and deduplicates idx into a vector.
func (m *Model) vectorOf(idx []int32, dense [nDense]float64) vector {
	slices.Sort(idx)
	idx = slices.Compact(idx)
	v := vector{idx: idx, dense: dense}
	if len(idx) > 0 {
		v.val = 1 / math.Sqrt(float64(len(idx)))
	}
	return v
}

// Example is what the role model sees of one actor: its features as
// "<prefix><value>" strings (sorted, distinct), its dense features and,
// for training, its class (index into Classes).
type Example struct {
	Feats []string
	Dense [nDense]float64
	Class int
}

// ExampleOf returns actor a's example in u (Class none).
func ExampleOf(u *pipeline.Unit, a Actor) Example {
	var fs []string
	dense, _ := features(u, a, func(fam int, w string, _ int) { fs = append(fs, famPrefix[fam]+w) }, nil)
	slices.Sort(fs)
	return Example{Feats: slices.Compact(fs), Dense: dense}
}

// TrainOptions tune Train.
type TrainOptions struct {
	MinCount int     // examples a feature must occur in
	L2       float64 // ridge penalty on the weights (not the biases)
	Iters    int     // full-batch gradient steps
	Rate     float64 // step size
	// NoneBias is taken from the none class's bias after fitting: the
	// class-weighted fit still calls many cast actors none, which costs
	// recall on hero, villain and victim.
	NoneBias float64
}

// DefaultTrainOptions are the options the shipped model was trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{MinCount: 3, L2: 1e-3, Iters: 300, Rate: 2, NoneBias: 1}
}

// Train fits the role model on exs: class-weighted softmax regression
// (each class weighs the same in total) by full-batch gradient descent
// from zero. It is deterministic.
func Train(exs []Example, opt TrainOptions) *Model {
	df := map[string]int{}
	for _, ex := range exs {
		for _, f := range ex.Feats {
			df[f]++
		}
	}
	var feats []string
	for f, n := range df {
		if n >= opt.MinCount {
			feats = append(feats, f)
		}
	}
	slices.Sort(feats)
	m := newModel(feats)
	vs := make([]vector, len(exs))
	for i, ex := range exs {
		var idx []int32
		for _, f := range ex.Feats {
			if j, ok := m.index(f); ok {
				idx = append(idx, j)
			}
		}
		vs[i] = m.vectorOf(idx, ex.Dense)
	}
	var count [nClasses]int
	for _, ex := range exs {
		count[ex.Class]++
	}
	n := len(exs)
	var cw [nClasses]float64
	for c := range nClasses {
		if count[c] > 0 {
			cw[c] = float64(n) / (float64(nClasses) * float64(count[c]))
		}
	}
	dim := len(feats) + nDense + 1
	for c := range nClasses {
		m.W[c] = make([]float64, dim)
	}
	if n == 0 {
		return m
	}
	var grad [nClasses][]float64
	for c := range nClasses {
		grad[c] = make([]float64, dim)
	}
	for range opt.Iters {
		for c := range nClasses {
			clear(grad[c])
		}
		for i, v := range vs {
			p := m.probs(v)
			y := exs[i].Class
			for c := range nClasses {
				t := 0.0
				if c == y {
					t = 1
				}
				g := cw[y] * (p[c] - t) / float64(n)
				gc := grad[c]
				for _, j := range v.idx {
					gc[j] += g * v.val
				}
				for j, x := range v.dense {
					gc[len(feats)+j] += g * x
				}
				gc[dim-1] += g
			}
		}
		for c := range nClasses {
			w, gc := m.W[c], grad[c]
			for j := range dim - 1 {
				w[j] -= opt.Rate * (gc[j] + opt.L2*w[j])
			}
			w[dim-1] -= opt.Rate * gc[dim-1]
		}
	}
	m.W[0][dim-1] -= opt.NoneBias
	return m
}

func newModel(feats []string) *Model {
	m := &Model{Feats: feats}
	for f := range nFamilies {
		m.Vocab[f] = map[string]int32{}
	}
	for i, f := range feats {
		for fam, p := range famPrefix {
			if strings.HasPrefix(f, p) {
				m.Vocab[fam][f[len(p):]] = int32(i)
				break
			}
		}
	}
	return m
}

// index returns the index of feature f ("<prefix><value>").
func (m *Model) index(f string) (int32, bool) {
	for fam, p := range famPrefix {
		if strings.HasPrefix(f, p) {
			i, ok := m.Vocab[fam][f[len(p):]]
			return i, ok
		}
	}
	return 0, false
}

// Probs returns the class probabilities of ex, in Classes order.
func (m *Model) Probs(ex Example) [nClasses]float64 {
	var idx []int32
	for _, f := range ex.Feats {
		if j, ok := m.index(f); ok {
			idx = append(idx, j)
		}
	}
	return m.probs(m.vectorOf(idx, ex.Dense))
}

const modelHeader = "framewatch-roles 1"

// WriteModel writes m gzipped as text: a header naming the classes, then
// one line per feature, per dense feature ("#dense:<n>") and the bias
// ("#bias"), each with its weight per class to 6 significant digits.
func WriteModel(w io.Writer, m *Model) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s\t%s\n", modelHeader, strings.Join(Classes[:], "\t"))
	line := func(name string, j int) {
		bw.WriteString(name)
		for c := range nClasses {
			bw.WriteByte('\t')
			bw.WriteString(strconv.FormatFloat(m.W[c][j], 'g', 6, 64))
		}
		bw.WriteByte('\n')
	}
	for j, f := range m.Feats {
		line(f, j)
	}
	for j := range nDense {
		line("#dense:"+strconv.Itoa(j), len(m.Feats)+j)
	}
	line("#bias", len(m.Feats)+nDense)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel reads a model written by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("roles: model: %w", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	if !sc.Scan() || sc.Text() != modelHeader+"\t"+strings.Join(Classes[:], "\t") {
		return nil, fmt.Errorf("roles: model: bad header")
	}
	var feats []string
	var rows [][nClasses]float64
	for n := 2; sc.Scan(); n++ {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != nClasses+1 {
			return nil, fmt.Errorf("roles: model: line %d: %d fields, want %d", n, len(fs), nClasses+1)
		}
		var vals [nClasses]float64
		for c := range nClasses {
			v, err := strconv.ParseFloat(fs[c+1], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("roles: model: line %d: bad number %q", n, fs[c+1])
			}
			vals[c] = v
		}
		feats = append(feats, fs[0])
		rows = append(rows, vals)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("roles: model: %w", err)
	}
	k := len(feats) - nDense - 1
	if k < 0 || feats[len(feats)-1] != "#bias" {
		return nil, fmt.Errorf("roles: model: incomplete")
	}
	for j := range nDense {
		if feats[k+j] != "#dense:"+strconv.Itoa(j) {
			return nil, fmt.Errorf("roles: model: want #dense:%d, got %q", j, feats[k+j])
		}
	}
	for _, f := range feats[:k] {
		if _, ok := familyOf(f); !ok {
			return nil, fmt.Errorf("roles: model: feature %q has no family", f)
		}
	}
	m := newModel(feats[:k])
	if n := len(m.Vocab[0]) + len(m.Vocab[1]) + len(m.Vocab[2]) + len(m.Vocab[3]) + len(m.Vocab[4]) + len(m.Vocab[5]); n != k {
		return nil, fmt.Errorf("roles: model: duplicate features")
	}
	for c := range nClasses {
		m.W[c] = make([]float64, len(rows))
		for j, row := range rows {
			m.W[c][j] = row[c]
		}
	}
	return m, nil
}

func familyOf(f string) (int, bool) {
	for fam, p := range famPrefix {
		if strings.HasPrefix(f, p) {
			return fam, true
		}
	}
	return 0, false
}
