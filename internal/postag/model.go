package postag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
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
	return m, r.err
}

// accumulate adds the weights of feature key into scores. The string
// conversion in the map index does not allocate.
func (m *model) accumulate(key []byte, scores []float32) {
	i, ok := m.index[string(key)]
	if !ok {
		return
	}
	lo, hi := m.pairOff[i], m.pairOff[i+1]
	ids := m.ids[lo:hi]
	wts := m.weights[lo:hi:hi]
	for j, id := range ids {
		scores[id] += wts[j]
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
