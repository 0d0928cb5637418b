package postag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
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
	words   map[string]int32 // word -> entries index
	entries []wordEntry
	sufs    map[string]sufRows
	pref1   [256]int32 // "i pref1 " + one byte
	bias    int32

	// Tags by number: every tag name that occurs in a feature, the
	// classes and the two start symbols. tagRows[t] are "i-1 tag T" and
	// "i-2 tag T"; pair[t1*len(tagNames)+t2] is "i tag+i-2 tag T1 T2".
	tagID    map[string]int32
	tagNames []string
	tagRows  []tagRows
	pair     []int32
	classTag []int32 // class ID -> tag number
}

// wordEntry holds a word's features: the word templates and "i-1 tag+i
// word T W" for each tag T.
type wordEntry struct {
	rows    wordRows
	tagWord []tagFeat
}

// tagFeat is one "i-1 tag+i word T W" feature of a word: T's number and
// the feature number.
type tagFeat struct{ tag, feat int32 }

// wordRows are the features "i word W", "i-1 word W", "i-2 word W",
// "i+1 word W" and "i+2 word W".
type wordRows [5]int32

// sufRows are "i suffix S", "i-1 suffix S" and "i+1 suffix S".
type sufRows [3]int32

// tagRows are "i-1 tag T" and "i-2 tag T".
type tagRows [2]int32

// row returns word template j's feature of entry e, or -1.
func (m *model) row(e int32, j int) int32 {
	if e < 0 {
		return -1
	}
	return m.entries[e].rows[j]
}

// tagWordFeat returns the feature "i-1 tag+i word T W" of entry e and tag
// number t, or -1.
func (m *model) tagWordFeat(e, t int32) int32 {
	if e < 0 || t < 0 {
		return -1
	}
	for _, tf := range m.entries[e].tagWord {
		if tf.tag == t {
			return tf.feat
		}
	}
	return -1
}

var (
	wordTemplates = [5]string{"i word ", "i-1 word ", "i-2 word ", "i+1 word ", "i+2 word "}
	sufTemplates  = [3]string{"i suffix ", "i-1 suffix ", "i+1 suffix "}
	tagTemplates  = [2]string{"i-1 tag ", "i-2 tag "}
	noWord        = wordRows{-1, -1, -1, -1, -1}
	noSuf         = sufRows{-1, -1, -1}
	noTag         = tagRows{-1, -1}
)

const (
	pairTemplate    = "i tag+i-2 tag "
	tagWordTemplate = "i-1 tag+i word "
)

// views fills the per-value views from index.
func (m *model) views() {
	m.words, m.sufs = map[string]int32{}, map[string]sufRows{}
	m.entries = m.entries[:0]
	for i := range m.pref1 {
		m.pref1[i] = -1
	}
	m.bias = -1
	if i, ok := m.index["bias"]; ok {
		m.bias = i
	}
	m.tagID = map[string]int32{}
	m.tagNames = nil
	tag := func(name string) int32 {
		if id, ok := m.tagID[name]; ok {
			return id
		}
		id := int32(len(m.tagNames))
		m.tagID[name] = id
		m.tagNames = append(m.tagNames, name)
		m.tagRows = append(m.tagRows, noTag)
		return id
	}
	entry := func(w string) *wordEntry {
		e, ok := m.words[w]
		if !ok {
			e = int32(len(m.entries))
			m.words[w] = e
			m.entries = append(m.entries, wordEntry{rows: noWord})
		}
		return &m.entries[e]
	}
	m.tagRows = m.tagRows[:0]
	m.classTag = make([]int32, len(m.classes))
	for c, name := range m.classes {
		m.classTag[c] = tag(name)
	}
	tag("-START-")
	tag("-START2-")
	// Feature strings in sorted order, so that tag numbers and entries
	// do not depend on map iteration.
	feats := make([]string, 0, len(m.index))
	for f := range m.index {
		feats = append(feats, f)
	}
	slices.Sort(feats)
	type pairFeat struct{ t1, t2, feat int32 }
	var pairs []pairFeat
	for _, f := range feats {
		i := m.index[f]
		for j, p := range wordTemplates {
			if v, ok := strings.CutPrefix(f, p); ok {
				entry(v).rows[j] = i
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
				m.tagRows[tag(v)][j] = i
			}
		}
		if v, ok := strings.CutPrefix(f, "i pref1 "); ok && len(v) == 1 {
			m.pref1[v[0]] = i
		}
		// Tags have no spaces: the first space ends the tag.
		if v, ok := strings.CutPrefix(f, pairTemplate); ok {
			if t1, t2, ok := strings.Cut(v, " "); ok {
				pairs = append(pairs, pairFeat{tag(t1), tag(t2), i})
			}
		}
		if v, ok := strings.CutPrefix(f, tagWordTemplate); ok {
			if t, w, ok := strings.Cut(v, " "); ok {
				e := entry(w)
				e.tagWord = append(e.tagWord, tagFeat{tag(t), i})
			}
		}
	}
	n := len(m.tagNames)
	m.pair = make([]int32, n*n)
	for i := range m.pair {
		m.pair[i] = -1
	}
	for _, p := range pairs {
		m.pair[int(p.t1)*n+int(p.t2)] = p.feat
	}
}

// touch reads the start of every row in rows (negative: none), in a loop
// whose loads do not depend on each other, so that their cache misses
// overlap; the adds that follow then mostly hit the cache. The caller
// keeps the result, so that the loop is not optimised away.
func (m *model) touch(rows []int32) uint32 {
	var sum uint32
	for _, r := range rows {
		if r >= 0 {
			if lo := m.pairOff[r]; int(lo) < len(m.ids) {
				sum += uint32(m.ids[lo]) + math.Float32bits(m.weights[lo])
			}
		}
	}
	return sum
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

// best returns the highest-scoring class, ties toward the lowest class ID,
// or -1 when the model has no classes.
func (m *model) best(scores []float32) int {
	best, bestID := float32(math.Inf(-1)), -1
	for id := range m.classes {
		if scores[id] > best {
			best, bestID = scores[id], id
		}
	}
	return bestID
}
