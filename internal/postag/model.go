package postag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
)

// model is prose's flat averaged-perceptron model with a hash index in place
// of the sorted feature blob. Forked from prose v3.2.3 internal/flat (MIT).
type model struct {
	classes []string
	index   map[string]int32 // feature string -> feature number
	pairOff []uint32         // nFeatures+1 offsets into classIDs/weights
	ids     []uint8
	weights []float32
	tagMap  map[string]uint8 // unambiguous word -> class

	// Per-value views of index, so that one lookup of a word (or suffix, or
	// tag) finds its feature numbers for all the templates that use it;
	// -1 where the model has no such feature.
	words map[string]wordRows
	sufs  map[string]sufRows
	tags  map[string]tagRows
	pref1 [256]int32 // "i pref1 " + one byte
	bias  int32
}

// wordRows are the features "i word W", "i-1 word W", "i-2 word W",
// "i+1 word W" and "i+2 word W".
type wordRows [5]int32

// sufRows are "i suffix S", "i-1 suffix S" and "i+1 suffix S".
type sufRows [3]int32

// tagRows are "i-1 tag T" and "i-2 tag T".
type tagRows [2]int32

var (
	wordTemplates = [5]string{"i word ", "i-1 word ", "i-2 word ", "i+1 word ", "i+2 word "}
	sufTemplates  = [3]string{"i suffix ", "i-1 suffix ", "i+1 suffix "}
	tagTemplates  = [2]string{"i-1 tag ", "i-2 tag "}
	noWord        = wordRows{-1, -1, -1, -1, -1}
	noSuf         = sufRows{-1, -1, -1}
	noTag         = tagRows{-1, -1}
)

// views fills words, sufs, tags, pref1 and bias from index.
func (m *model) views() {
	m.words, m.sufs, m.tags = map[string]wordRows{}, map[string]sufRows{}, map[string]tagRows{}
	for i := range m.pref1 {
		m.pref1[i] = -1
	}
	m.bias = -1
	if i, ok := m.index["bias"]; ok {
		m.bias = i
	}
	for f, i := range m.index {
		for j, p := range wordTemplates {
			if v, ok := strings.CutPrefix(f, p); ok {
				r, ok := m.words[v]
				if !ok {
					r = noWord
				}
				r[j] = i
				m.words[v] = r
			}
		}
		for j, p := range sufTemplates {
			if v, ok := strings.CutPrefix(f, p); ok {
				r, ok := m.sufs[v]
				if !ok {
					r = noSuf
				}
				r[j] = i
				m.sufs[v] = r
			}
		}
		for j, p := range tagTemplates {
			if v, ok := strings.CutPrefix(f, p); ok {
				r, ok := m.tags[v]
				if !ok {
					r = noTag
				}
				r[j] = i
				m.tags[v] = r
			}
		}
		if v, ok := strings.CutPrefix(f, "i pref1 "); ok && len(v) == 1 {
			m.pref1[v[0]] = i
		}
	}
}

// add adds the weights of feature number i (none if i < 0) into scores.
func (m *model) add(i int32, scores []float32) {
	if i < 0 {
		return
	}
	lo, hi := m.pairOff[i], m.pairOff[i+1]
	ids := m.ids[lo:hi]
	wts := m.weights[lo:hi:hi]
	for j, id := range ids {
		scores[id] += wts[j]
	}
}

const (
	flatMagic   = "PROSETAG"
	flatVersion = 1
)

type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.pos+n > len(r.b) {
		r.err = fmt.Errorf("postag: truncated model: wanted %d bytes at offset %d", n, r.pos)
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) str16() string {
	b := r.bytes(2)
	if b == nil {
		return ""
	}
	return string(r.bytes(int(binary.LittleEndian.Uint16(b))))
}

func (r *reader) u32s(n int) []uint32 {
	b := r.bytes(n * 4)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	return out
}

// decode reads a model in prose's flat format (see prose's
// internal/flat/format.go for the layout).
func decode(data []byte) (*model, error) {
	r := &reader{b: data}
	if string(r.bytes(len(flatMagic))) != flatMagic {
		return nil, errors.New("postag: not a prose flat tagger model")
	}
	if v := r.u32(); v != flatVersion {
		return nil, fmt.Errorf("postag: unsupported model version %d", v)
	}
	m := &model{}
	nClasses := int(r.u32())
	if r.err != nil || nClasses > 256 {
		return nil, fmt.Errorf("postag: bad class count %d: %v", nClasses, r.err)
	}
	m.classes = make([]string, nClasses)
	for i := range m.classes {
		m.classes[i] = r.str16()
	}
	nFeatures, nPairs, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	blob := r.bytes(blobLen)
	featOff := r.u32s(nFeatures + 1)
	m.pairOff = r.u32s(nFeatures + 1)
	m.ids = append([]uint8(nil), r.bytes(nPairs)...)
	wb := r.bytes(nPairs * 4)
	if r.err != nil {
		return nil, r.err
	}
	m.weights = make([]float32, nPairs)
	for i := range m.weights {
		m.weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(wb[i*4:]))
	}
	if int(featOff[nFeatures]) != len(blob) || int(m.pairOff[nFeatures]) != nPairs {
		return nil, errors.New("postag: model offsets do not match its arrays")
	}
	for _, id := range m.ids {
		if int(id) >= nClasses {
			return nil, fmt.Errorf("postag: class ID %d out of range", id)
		}
	}
	m.index = make(map[string]int32, nFeatures)
	for i := range nFeatures {
		lo, hi := featOff[i], featOff[i+1]
		if lo > hi || m.pairOff[i] > m.pairOff[i+1] {
			return nil, fmt.Errorf("postag: feature %d has bad offsets", i)
		}
		m.index[string(blob[lo:hi])] = int32(i)
	}
	if len(m.index) != nFeatures {
		return nil, errors.New("postag: model has duplicate features")
	}
	nTags := int(r.u32())
	m.tagMap = make(map[string]uint8, nTags)
	for range nTags {
		w := r.str16()
		id := r.bytes(1)
		if r.err != nil {
			return nil, r.err
		}
		if int(id[0]) >= nClasses {
			return nil, fmt.Errorf("postag: tag map entry %q has class ID %d", w, id[0])
		}
		m.tagMap[w] = id[0]
	}
	if r.err != nil {
		return nil, r.err
	}
	m.views()
	return m, nil
}

// accumulate adds the weights of feature key into scores. The string
// conversion in the map index does not allocate.
func (m *model) accumulate(key []byte, scores []float32) {
	if i, ok := m.index[string(key)]; ok {
		m.add(i, scores)
	}
}

// best returns the highest-scoring class, ties toward the lowest class ID.
func (m *model) best(scores []float32) string {
	best, bestID := float32(math.Inf(-1)), -1
	for id := range m.classes {
		if scores[id] > best {
			best, bestID = scores[id], id
		}
	}
	if bestID < 0 {
		return ""
	}
	return m.classes[bestID]
}
