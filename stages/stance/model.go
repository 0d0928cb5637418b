package stance

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/framewatch/framewatch/internal/voice"
)

// Classes are the stance classes in model order.
var Classes = [3]string{"negative", "neutral", "positive"}

// Model is a multinomial logistic regression over the features of an
// Instance. It is read-only after construction and safe for concurrent use.
type Model struct {
	// w is a trained model's weights by feature name, for WriteTo; nil in
	// a model read by ReadModel.
	w map[string][3]float64
	// tab is w keyed by the FNV-1a hash of the feature name, so that
	// prediction looks features up without building their names.
	tab *weights
	lex *lexicon
}

// index builds m.tab from m.w.
func (m *Model) index() error {
	hw := make(map[uint64][3]float64, len(m.w))
	for name, w := range m.w {
		if err := addHashed(hw, name, w); err != nil {
			return fmt.Errorf("stance: %w", err)
		}
	}
	m.tab = newWeights(hw)
	return nil
}

// addHashed adds the weights of feature name to hw under its hash. Two
// names with one hash would make one feature take the other's weights, so
// a hash already there is an error.
func addHashed(hw map[uint64][3]float64, name string, w [3]float64) error {
	h := hashName(name)
	if _, dup := hw[h]; dup {
		return fmt.Errorf("feature %q is repeated or collides with another feature's hash", name)
	}
	hw[h] = w
	return nil
}

// scratch is the per-call working memory of prediction, pooled because
// Process runs concurrently on different documents.
type scratch struct {
	sent   sentence
	others []Span
	// masked is the sentence without its reported speech, for a mention
	// that is its speaker, and buf its bytes.
	masked sentence
	buf    []byte
	// rep finds the speakers of the current sentence (repOK once Reset
	// for it), its words and attributions split once for all mentions.
	rep   voice.SentenceReporter
	repOK bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Probs returns the class probabilities (negative, neutral, positive) for
// one instance.
func (m *Model) Probs(in Instance) [3]float64 {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.sent.reset(m.lex, in.Sentence)
	return m.probs(&sc.sent, in.Target, in.Others)
}

// probs is Probs for a target of a sentence already reset.
func (m *Model) probs(s *sentence, target Span, others []Span) [3]float64 {
	k := &s.k
	k.hs, k.vs = k.hs[:0], k.vs[:0]
	m.lex.mention(s, target, others, k)
	z, touch := m.tab.dot(k.hs, k.vs)
	k.touch = touch
	return softmax(z)
}

// Predict returns the class label and the score P(positive) - P(negative)
// in [-1, 1].
func (m *Model) Predict(in Instance) (label string, score float64) {
	return predict(m.Probs(in))
}

func predict(p [3]float64) (label string, score float64) {
	best := 1
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return Classes[best], p[2] - p[0]
}

func softmax(z [3]float64) [3]float64 {
	mx := math.Max(z[0], math.Max(z[1], z[2]))
	var p [3]float64
	var sum float64
	for k := range z {
		p[k] = math.Exp(z[k] - mx)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}

// WriteTo writes the model as gzip-compressed text: one line per feature,
// "name<TAB>w_neg<TAB>w_neu<TAB>w_pos", sorted by name, weights with 5
// significant digits, so that the same training gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	if m.w == nil {
		return 0, fmt.Errorf("stance: write model: a model read from a file keeps no feature names; write the trained model")
	}
	names := make([]string, 0, len(m.w))
	for n := range m.w {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	buf.WriteString("# framewatch stance model v1: feature\tnegative\tneutral\tpositive\n")
	for _, n := range names {
		ws := m.w[n]
		fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\n", n,
			strconv.FormatFloat(ws[0], 'g', 5, 64),
			strconv.FormatFloat(ws[1], 'g', 5, 64),
			strconv.FormatFloat(ws[2], 'g', 5, 64))
	}
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return 0, fmt.Errorf("stance: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("stance: write model: %w", err)
	}
	n, err := w.Write(out.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("stance: write model: %w", err)
	}
	return int64(n), nil
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("stance: read model: %w", err)
	}
	defer zr.Close()
	// The weights go straight into the hash-keyed table: a read model
	// keeps no feature names (about 130,000 strings the garbage collector
	// would otherwise mark on every cycle), so it cannot be written again.
	m := &Model{lex: sharedLexicon()}
	hw := make(map[uint64][3]float64)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		parts := strings.Split(t, "\t")
		if len(parts) != 4 {
			return nil, fmt.Errorf("stance: read model: line %d: want 4 fields, got %d", line, len(parts))
		}
		var ws [3]float64
		for k := range ws {
			ws[k], err = strconv.ParseFloat(parts[k+1], 64)
			if err != nil {
				return nil, fmt.Errorf("stance: read model: line %d: %w", line, err)
			}
		}
		if err := addHashed(hw, parts[0], ws); err != nil {
			return nil, fmt.Errorf("stance: read model: line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("stance: read model: %w", err)
	}
	if len(hw) == 0 {
		return nil, fmt.Errorf("stance: read model: no weights")
	}
	m.tab = newWeights(hw)
	return m, nil
}
