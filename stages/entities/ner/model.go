package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
)

// Types are the CoNLL-2003 entity types the model predicts, by index.
var Types = [4]string{"PER", "ORG", "LOC", "MISC"}

// nLabels is O plus B- and I- for each type: label 0 is O, 1+2t is B-type
// t and 2+2t is I-type t.
const nLabels = 1 + 2*len(Types)

func labelType(y uint8) int { return int(y-1) / 2 }
func isBegin(y uint8) bool  { return y != 0 && (y-1)%2 == 0 }

// allowed reports whether label y may follow label prev (BIO: I-X only
// after B-X or I-X).
func allowed(prev, y uint8) bool {
	if y == 0 || isBegin(y) {
		return true
	}
	return prev != 0 && labelType(prev) == labelType(y)
}

// LabelString names a label id ("O", "B-PER", "I-LOC").
func LabelString(y uint8) string {
	if y == 0 || int(y) >= nLabels {
		return "O"
	}
	if isBegin(y) {
		return "B-" + Types[labelType(y)]
	}
	return "I-" + Types[labelType(y)]
}

// Span is an entity found by the model: tokens [Start, End) of a sentence
// and an index into Types.
type Span struct {
	Start, End int
	Type       int
}

// Spans groups BIO label ids into entity spans. An I- label that does not
// continue an entity of its type starts one.
func Spans(labels []uint8, out []Span) []Span {
	for i := 0; i < len(labels); i++ {
		y := labels[i]
		if y == 0 {
			continue
		}
		t := labelType(y)
		j := i + 1
		for j < len(labels) && labels[j] != 0 && !isBegin(labels[j]) && labelType(labels[j]) == t {
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: t})
		i = j - 1
	}
	return out
}

// Model is a trained labeller. It is immutable and safe for concurrent use.
type Model struct {
	rows *rowTable // feature hash -> weight row
	gaz  *gazetteer
	dict *gazetteer // entity strings of the training data
	// free keeps idle scratches, with their word caches, for the next
	// document: a channel rather than a sync.Pool, which every garbage
	// collection empties (and the caches with it).
	free     chan *scratch
	freeOnce sync.Once
	// both merges gaz and dict for one lookup walk (see joint).
	both     *joint
	bothOnce sync.Once
}

// Sentence is one tokenized sentence with its part-of-speech tags.
type Sentence struct {
	Words []string
	Tags  []string
	// Gold holds the gold label ids when read from CoNLL data.
	Gold []uint8
}

type scratch struct {
	s     sentence
	d     *docState
	feats []uint64
	buf   []byte
	score [nLabels]int32
	// words caches the summed weights of each word type's word-only
	// features (sentence.wordFeatures), across the documents this scratch
	// labels: news repeats its words, and the sum is the same every time.
	words map[string][nLabels]int32
}

// maxCachedWords bounds scratch.words; it is emptied when full.
const maxCachedWords = 1 << 15

// joint returns the merged gazetteer and dictionary, built once.
func (m *Model) joint() *joint {
	m.bothOnce.Do(func() { m.both = newJoint(m.gaz, m.dict) })
	return m.both
}

// maxFree is the most idle scratches a model keeps (one per concurrent
// labeller is enough).
const maxFree = 64

func (m *Model) scratch() *scratch {
	m.freeOnce.Do(func() { m.free = make(chan *scratch, maxFree) })
	select {
	case sc := <-m.free:
		sc.d.reset()
		return sc
	default:
		return &scratch{d: newDocState(), feats: make([]uint64, 0, 96), buf: make([]byte, 0, 64), words: map[string][nLabels]int32{}}
	}
}

// release returns sc for reuse, keeping its word cache.
func (m *Model) release(sc *scratch) {
	select {
	case m.free <- sc:
	default:
	}
}

// LabelDoc labels the sentences of one document, in order, writing label ids
// into out[i] (grown to the sentence length) and returning out. Earlier
// sentences inform later ones through the document memory.
func (m *Model) LabelDoc(doc []Sentence, out [][]uint8) [][]uint8 {
	sc := m.scratch()
	defer m.release(sc)
	for _, s := range doc {
		sc.s.prepareWords(s.Words)
		sc.d.observe(&sc.s)
	}
	for len(out) < len(doc) {
		out = append(out, nil)
	}
	out = out[:len(doc)]
	for k, s := range doc {
		sc.buf = sc.s.prepare(m.joint(), s.Words, s.Tags, sc.buf)
		labels := slices.Grow(out[k][:0], len(s.Words))[:len(s.Words)]
		var y1, y2 uint8
		for i := range s.Words {
			// A lower-case word or a punctuation mark that no gazetteer
			// marks, after an O, is O: scoring it changed no entity on
			// CoNLL-2003 testa that mattered (micro F1 0.901 -> 0.900,
			// testb 0.838 -> 0.839) and skipping it labels news text
			// about twice as fast.
			var y uint8
			if y1 != 0 || !sc.s.plain[i] || sc.s.gaz[i] != 0 || sc.s.dict[i] != 0 {
				y = m.predict(sc, i, y1, y2)
			}
			labels[i] = y
			y2, y1 = y1, y
		}
		sc.d.remember(&sc.s, labels)
		out[k] = labels
	}
	return out
}

// predict labels token i of the prepared sentence sc.s after labels y1
// and y2.
func (m *Model) predict(sc *scratch, i int, y1, y2 uint8) uint8 {
	// Rows are integers times one positive scale, so their integer sums
	// order the labels as the weights' exact sums do, and a cached sum of
	// the word's own features adds up as its rows would.
	w := sc.s.words[i]
	ws, ok := sc.words[w]
	if !ok {
		sc.feats = sc.s.wordFeatures(i, sc.feats[:0])
		ws = m.sum(sc.feats)
		if len(sc.words) >= maxCachedWords {
			clear(sc.words)
		}
		sc.words[strings.Clone(w)] = ws
	}
	sc.feats = sc.s.contextFeatures(sc.d, i, y1, y2, sc.feats[:0])
	sc.score = m.sum(sc.feats)
	best, bestY := int32(math.MinInt32), uint8(0)
	for y := range sc.score {
		if v := sc.score[y] + ws[y]; allowed(y1, uint8(y)) && v > best {
			best, bestY = v, uint8(y)
		}
	}
	return bestY
}

// sum adds up the weight rows of feats.
func (m *Model) sum(feats []uint64) [nLabels]int32 {
	var score [nLabels]int32
	for _, f := range feats {
		row := m.rows.get(f)
		if row == nil {
			continue
		}
		for y := range score {
			score[y] += int32(row[y])
		}
	}
	return score
}

// Features reports how many feature rows the model holds.
func (m *Model) Features() int { return m.rows.n }

const magic = "framewatch-ner-v2\n"

// Write writes the model, gzipped, with rows sorted by feature hash so the
// file is reproducible. Weights are quantised to 16 bits.
func (m *Model) Write(w io.Writer) error {
	keys := make([]uint64, 0, m.rows.n)
	m.rows.all(func(k uint64, _ *[nLabels]int16) {
		keys = append(keys, k)
	})
	slices.Sort(keys)
	// The rows are quantised already (see pack).
	scale := m.rows.scale
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	hdr := []any{uint32(nLabels), math.Float32bits(scale), uint32(len(keys))}
	for _, v := range hdr {
		if err := binary.Write(bw, binary.LittleEndian, v); err != nil {
			return fmt.Errorf("ner: write: %w", err)
		}
	}
	var row [8 + 2*nLabels]byte
	prev := uint64(0)
	for _, k := range keys {
		binary.LittleEndian.PutUint64(row[:8], k-prev) // deltas compress better
		prev = k
		for y, q := range m.rows.get(k) {
			binary.LittleEndian.PutUint16(row[8+2*y:], uint16(q))
		}
		bw.Write(row[:])
	}
	// The training dictionary: count, then (type bits, length, bytes)
	// per entry, sorted.
	var names []string
	if m.dict != nil {
		for k := range m.dict.names {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var nb [binary.MaxVarintLen64]byte
	bw.Write(nb[:binary.PutUvarint(nb[:], uint64(len(names)))])
	for _, k := range names {
		bw.WriteByte(byte(m.dict.names[k]))
		bw.Write(nb[:binary.PutUvarint(nb[:], uint64(len(k)))])
		bw.WriteString(k)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	return nil
}

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("ner: load: not a framewatch NER model")
	}
	var hdr struct{ Labels, Scale, N uint32 }
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	if hdr.Labels != uint32(nLabels) || hdr.N > 1<<26 {
		return nil, fmt.Errorf("ner: load: bad header (labels %d, rows %d)", hdr.Labels, hdr.N)
	}
	scale := math.Float32frombits(hdr.Scale)
	m := &Model{gaz: shippedGaz()}
	index, w := newTable(int(hdr.N)), make([]float32, 0, int(hdr.N)*nLabels)
	var row [8 + 2*nLabels]byte
	prev := uint64(0)
	for range hdr.N {
		if _, err := io.ReadFull(br, row[:]); err != nil {
			return nil, fmt.Errorf("ner: load: %w", err)
		}
		k := prev + binary.LittleEndian.Uint64(row[:8])
		prev = k
		index.put(k, int32(len(w)))
		for y := range nLabels {
			w = append(w, float32(int16(binary.LittleEndian.Uint16(row[8+2*y:])))*scale)
		}
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<22 {
		return nil, fmt.Errorf("ner: load: dictionary: %v", err)
	}
	m.dict = &gazetteer{names: make(map[string]uint16, n)}
	for range n {
		bits, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("ner: load: dictionary: %w", err)
		}
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return nil, fmt.Errorf("ner: load: dictionary: %v", err)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("ner: load: dictionary: %w", err)
		}
		m.dict.addName(string(b), uint16(bits))
		m.dict.addPrefixes(string(b))
		m.dict.maxLen = max(m.dict.maxLen, strings.Count(string(b), " ")+1)
	}
	m.rows = pack(index, w)
	return m, nil
}
