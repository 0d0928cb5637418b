package frames

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// NewsIDs are the five generic news frames of Semetko & Valkenburg (2000),
// as coded in the narrative-framing data (Frermann et al. 2023): CO, HI,
// EC, MO, RE.
var NewsIDs = []string{"conflict", "human_interest", "economic", "moral", "resolution"}

// nNews is len(NewsIDs).
const nNews = 5

// NewsModel is one binary logistic regression per news frame over a unit's
// distinct words (binary, scaled to unit length) and its 15 codebook cue
// shares. A unit has a frame when its probability reaches the frame's
// threshold, chosen on held-out folds to maximise F1.
type NewsModel struct {
	// Vocab maps a lower-cased word to its feature index.
	Vocab map[string]int32
	// Words lists the vocabulary in index order.
	Words []string
	// W[f] holds, per frame, len(Words) word weights, then len(IDs) cue
	// share weights, then the bias.
	W [nNews][]float64
	// Threshold[f] is the probability at which a unit has frame f.
	Threshold [nNews]float64
}

// NewsExample is what the news-frame model sees of a unit: its distinct
// lower-cased words, sorted, and its codebook cue shares in IDs order.
type NewsExample struct {
	Words  []string
	Shares []float64
	Labels [nNews]bool
}

// NewsExampleOf builds the model's view of a unit from its words and its
// codebook frame scores (as the frames stage sets them).
func NewsExampleOf(ws []voice.Word, scores []pipeline.FrameScore) NewsExample {
	words := make([]string, 0, len(ws))
	for _, w := range ws {
		if keepWord(w.Lower) {
			words = append(words, w.Lower)
		}
	}
	slices.Sort(words)
	return NewsExample{Words: slices.Compact(words), Shares: shares(scores)}
}

// keepWord reports whether w is a feature word: at least two bytes and a
// letter (numbers and single letters carry no frame).
func keepWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' || c >= 0x80 {
			return true
		}
	}
	return false
}

func shares(scores []pipeline.FrameScore) []float64 {
	out := make([]float64, len(IDs))
	for _, s := range scores {
		if i := slices.Index(IDs, s.Frame); i >= 0 {
			out[i] = s.Score
		}
	}
	return out
}

// sparse is a feature vector: word indices (sorted, distinct), each with
// value val, plus the dense cue shares.
type sparse struct {
	idx    []int32
	val    float64
	shares []float64
}

// vector maps a unit's words through the vocabulary. words need not be
// distinct: duplicates are dropped here.
func (m *NewsModel) vector(words []string, sh []float64, idx []int32) sparse {
	for _, w := range words {
		if i, ok := m.Vocab[w]; ok {
			idx = append(idx, i)
		}
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	v := sparse{idx: idx, shares: sh}
	if len(idx) > 0 {
		v.val = 1 / math.Sqrt(float64(len(idx)))
	}
	return v
}

func (m *NewsModel) margin(f int, v sparse) float64 {
	w := m.W[f]
	z := w[len(w)-1]
	for _, i := range v.idx {
		z += w[i] * v.val
	}
	base := len(m.Words)
	for j, s := range v.shares {
		z += w[base+j] * s
	}
	return z
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Prob returns the probability of each news frame for ex, in NewsIDs order.
func (m *NewsModel) Prob(ex NewsExample) [nNews]float64 {
	v := m.vector(ex.Words, ex.Shares, nil)
	var p [nNews]float64
	for f := range nNews {
		p[f] = sigmoid(m.margin(f, v))
	}
	return p
}

// score sets the news frames of a unit from its words (not necessarily
// distinct) and codebook scores; idx is scratch space.
func (m *NewsModel) score(ws []voice.Word, scores []pipeline.FrameScore, idx []int32) ([]pipeline.NewsFrame, []int32) {
	idx = idx[:0]
	for _, w := range ws {
		if i, ok := m.Vocab[w.Lower]; ok {
			idx = append(idx, i)
		}
	}
	v := m.vector(nil, shares(scores), idx)
	out := make([]pipeline.NewsFrame, nNews)
	for f, id := range NewsIDs {
		p := math.Round(1e6*sigmoid(m.margin(f, v))) / 1e6
		out[f] = pipeline.NewsFrame{Frame: id, Prob: p, Has: p >= m.Threshold[f]}
	}
	return out, v.idx
}

// NewsTrainOptions tune TrainNews.
type NewsTrainOptions struct {
	// MinDocs is the number of training units a word must occur in to be
	// a feature.
	MinDocs int
	// L2 is the ridge penalty on the weights (not the bias).
	L2 float64
	// Iters and Rate are the full-batch gradient descent's steps and step
	// size.
	Iters int
	Rate  float64
	// Folds is the number of folds whose held-out predictions choose each
	// frame's threshold (0 or 1: 0.5).
	Folds int
}

// DefaultNewsTrainOptions are the options the shipped model was trained
// with (make train-frames).
func DefaultNewsTrainOptions() NewsTrainOptions {
	return NewsTrainOptions{MinDocs: 5, L2: 1e-3, Iters: 400, Rate: 2, Folds: 5}
}

// TrainNews fits the news-frame model on exs: class-weighted logistic
// regression (positives and negatives weigh the same in total, so rare
// frames are not ignored) by full-batch gradient descent from zero, then
// per-frame thresholds from opt.Folds-fold held-out predictions on exs.
// It is deterministic: the same examples give the same model.
func TrainNews(exs []NewsExample, opt NewsTrainOptions) *NewsModel {
	m := fit(exs, opt)
	if opt.Folds > 1 && len(exs) >= opt.Folds {
		probs := make([][nNews]float64, len(exs))
		for k := range opt.Folds {
			var train []NewsExample
			var test []int
			for i, ex := range exs {
				if i%opt.Folds == k {
					test = append(test, i)
				} else {
					train = append(train, ex)
				}
			}
			fm := fit(train, opt)
			for _, i := range test {
				probs[i] = fm.Prob(exs[i])
			}
		}
		for f := range nNews {
			m.Threshold[f] = bestThreshold(exs, probs, f)
		}
	}
	return m
}

// bestThreshold returns the threshold in 0.05..0.95 (steps of 0.01) with
// the best F1 of frame f on probs, the one nearest 0.5 on a tie.
func bestThreshold(exs []NewsExample, probs [][nNews]float64, f int) float64 {
	best, bestF1 := 0.5, -1.0
	for k := 5; k <= 95; k++ {
		t := float64(k) / 100
		var tp, fp, fn int
		for i, ex := range exs {
			pred := probs[i][f] >= t
			switch {
			case pred && ex.Labels[f]:
				tp++
			case pred:
				fp++
			case ex.Labels[f]:
				fn++
			}
		}
		f1 := 0.0
		if tp > 0 {
			f1 = 2 * float64(tp) / float64(2*tp+fp+fn)
		}
		if f1 > bestF1+1e-12 || math.Abs(f1-bestF1) <= 1e-12 && math.Abs(t-0.5) < math.Abs(best-0.5) {
			best, bestF1 = t, f1
		}
	}
	return best
}

func fit(exs []NewsExample, opt NewsTrainOptions) *NewsModel {
	df := map[string]int{}
	for _, ex := range exs {
		for _, w := range ex.Words {
			df[w]++
		}
	}
	var words []string
	for w, n := range df {
		if n >= opt.MinDocs {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	m := &NewsModel{Vocab: make(map[string]int32, len(words)), Words: words}
	for i, w := range words {
		m.Vocab[w] = int32(i)
	}
	vs := make([]sparse, len(exs))
	for i, ex := range exs {
		vs[i] = m.vector(ex.Words, ex.Shares, nil)
	}
	dim := len(words) + len(IDs) + 1
	for f := range nNews {
		m.W[f] = make([]float64, dim)
		m.Threshold[f] = 0.5
		npos := 0
		for _, ex := range exs {
			if ex.Labels[f] {
				npos++
			}
		}
		n := len(exs)
		if n == 0 {
			continue
		}
		wpos, wneg := 1.0, 1.0
		if npos > 0 && npos < n {
			wpos = float64(n) / (2 * float64(npos))
			wneg = float64(n) / (2 * float64(n-npos))
		}
		grad := make([]float64, dim)
		w := m.W[f]
		for range opt.Iters {
			clear(grad)
			for i, v := range vs {
				y, cw := 0.0, wneg
				if exs[i].Labels[f] {
					y, cw = 1, wpos
				}
				g := cw * (sigmoid(m.margin(f, v)) - y) / float64(n)
				for _, j := range v.idx {
					grad[j] += g * v.val
				}
				for j, s := range v.shares {
					grad[len(words)+j] += g * s
				}
				grad[dim-1] += g
			}
			for j := range dim - 1 {
				w[j] -= opt.Rate * (grad[j] + opt.L2*w[j])
			}
			w[dim-1] -= opt.Rate * grad[dim-1]
		}
	}
	return m
}

// WriteNewsModel writes m gzipped as text: a header line, one threshold
// line, then one line per feature ("word" or "#cue:<id>" or "#bias") with
// its weight per frame, each to 6 significant digits.
func WriteNewsModel(w io.Writer, m *NewsModel) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "framewatch-news-frames 1\t%s\n", strings.Join(NewsIDs, "\t"))
	bw.WriteString("#threshold")
	for f := range nNews {
		fmt.Fprintf(bw, "\t%g", m.Threshold[f])
	}
	bw.WriteByte('\n')
	line := func(name string, j int) {
		bw.WriteString(name)
		for f := range nNews {
			bw.WriteByte('\t')
			bw.WriteString(strconv.FormatFloat(m.W[f][j], 'g', 6, 64))
		}
		bw.WriteByte('\n')
	}
	for j, word := range m.Words {
		line(word, j)
	}
	for j, id := range IDs {
		line("#cue:"+id, len(m.Words)+j)
	}
	line("#bias", len(m.Words)+len(IDs))
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadNewsModel reads a model written by WriteNewsModel.
func ReadNewsModel(r io.Reader) (*NewsModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("frames: news model: %w", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "framewatch-news-frames 1\t") ||
		strings.TrimPrefix(sc.Text(), "framewatch-news-frames 1\t") != strings.Join(NewsIDs, "\t") {
		return nil, fmt.Errorf("frames: news model: bad header")
	}
	m := &NewsModel{Vocab: map[string]int32{}}
	var cue [nNews][]float64
	var bias [nNews]float64
	ncue, sawBias, sawThreshold := 0, false, false
	for n := 2; sc.Scan(); n++ {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != nNews+1 {
			return nil, fmt.Errorf("frames: news model: line %d: %d fields, want %d", n, len(fs), nNews+1)
		}
		var vals [nNews]float64
		for f := range nNews {
			v, err := strconv.ParseFloat(fs[f+1], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("frames: news model: line %d: bad number %q", n, fs[f+1])
			}
			vals[f] = v
		}
		switch name := fs[0]; {
		case name == "#threshold":
			m.Threshold, sawThreshold = vals, true
		case name == "#bias":
			bias, sawBias = vals, true
		case strings.HasPrefix(name, "#cue:"):
			if ncue >= len(IDs) || name != "#cue:"+IDs[ncue] {
				return nil, fmt.Errorf("frames: news model: line %d: unexpected %q", n, name)
			}
			for f := range nNews {
				cue[f] = append(cue[f], vals[f])
			}
			ncue++
		default:
			if ncue > 0 {
				return nil, fmt.Errorf("frames: news model: line %d: word %q after the cues", n, name)
			}
			if _, dup := m.Vocab[name]; dup {
				return nil, fmt.Errorf("frames: news model: line %d: duplicate word %q", n, name)
			}
			m.Vocab[name] = int32(len(m.Words))
			m.Words = append(m.Words, name)
			for f := range nNews {
				m.W[f] = append(m.W[f], vals[f])
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("frames: news model: %w", err)
	}
	if ncue != len(IDs) || !sawBias || !sawThreshold {
		return nil, fmt.Errorf("frames: news model: incomplete (cues %d of %d, bias %v, thresholds %v)", ncue, len(IDs), sawBias, sawThreshold)
	}
	for f := range nNews {
		m.W[f] = append(append(m.W[f], cue[f]...), bias[f])
	}
	return m, nil
}
