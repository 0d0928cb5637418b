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
)

// Classes are the stance classes in model order.
var Classes = [3]string{"negative", "neutral", "positive"}

// Model is a multinomial logistic regression over the features of an
// Instance. It is read-only after construction and safe for concurrent use.
type Model struct {
	w   map[string][3]float64
	lex *lexicon
}

// Probs returns the class probabilities (negative, neutral, positive) for
// one instance.
func (m *Model) Probs(in Instance) [3]float64 {
	f := m.lex.features(in)
	var z [3]float64
	for name, v := range f {
		if w, ok := m.w[name]; ok {
			for k := range z {
				z[k] += w[k] * v
			}
		}
	}
	return softmax(z)
}

// Predict returns the class label and the score P(positive) - P(negative)
// in [-1, 1].
func (m *Model) Predict(in Instance) (label string, score float64) {
	p := m.Probs(in)
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
	m := &Model{w: make(map[string][3]float64), lex: sharedLexicon()}
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
		m.w[parts[0]] = ws
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("stance: read model: %w", err)
	}
	if len(m.w) == 0 {
		return nil, fmt.Errorf("stance: read model: no weights")
	}
	return m, nil
}
