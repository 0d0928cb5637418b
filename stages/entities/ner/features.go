package ner

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. The numbers are part of the model format: append new
// ones, never renumber.
const (
	tBias byte = iota + 1
	tWord
	tLow
	tShape
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tLowM1
	tLowP1
	tLowM2
	tLowP2
	tShapeM1
	tShapeP1
	tShape01
	tShapeM10
	tPos0
	tPosM1
	tPosP1
	tPosM10
	tPos01
	tY1
	tY12
	tY1Low
	tY1Shape
	tBigM
	tBigP
	tFirstShape
	tCapsLow
	tCapsShape
	tGaz
	tGazM1
	tGazP1
	tDoc
	tMem
	tY1Gaz
	tLowM1P1
	tLowM1Shape
	tShapeLowP1
	tFirstLow
	tSufM1
	tSufP1
	tDict
	tDictShape
	tDictM1
	tDictP1
	tClus
	tClusM1
	tClusP1
	tClusShape
	tClusM10
	tClus01
)

const (
	fnvOff   uint64 = 14695981039346656037
	fnvPrime uint64 = 1099511628211
)

// Boundary values for context outside the sentence.
const (
	hStart uint64 = 0x9e3779b97f4a7c15
	hEnd   uint64 = 0xc2b2ae3d27d4eb4f
)

func mix(h, v uint64) uint64 {
	h ^= v
	h *= fnvPrime
	h ^= h >> 31
	return h
}

func hashString(s string) uint64 {
	h := fnvOff
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashLower hashes the lower-case form of s without allocating.
func hashLower(s string) uint64 {
	h := fnvOff
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		h ^= uint64(unicode.ToLower(r))
		h *= fnvPrime
		i += size
	}
	return h
}

// hashShape hashes the compressed shape of s: upper-case letters become X,
// lower-case x, digits d, other runes stay, and repeats collapse ("Kim" Xx,
// "U.S." X.X., "Jong-un" Xx-x, "1996-08-22" d-d-d).
func hashShape(s string) uint64 {
	h := fnvOff
	var last rune = -1
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'L'
		}
		if c == last {
			continue
		}
		last = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// prefix returns the first n runes of s, or "" when s is shorter.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return ""
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// suffix returns the last n runes of s, or "" when s is shorter.
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return ""
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func f1(t byte, a uint64) uint64    { return mix(mix(fnvOff, uint64(t)), a) }
func f2(t byte, a, b uint64) uint64 { return mix(f1(t, a), b) }

// sentence holds per-token precomputed hashes for one sentence.
type sentence struct {
	words           []string
	low, shape, pos []uint64
	gaz             []uint32
	clus            [nGrains][]uint64 // word class + 1 per clustering (clusters.txt), 0 when unknown; see classes
	clusDone        []bool
	dict            []uint32 // training-entity dictionary marks
	upper           []bool   // first rune upper-case
	plain           []bool   // no upper-case letter and no digit
	caps            bool     // the sentence is a headline in capitals
	firstWord       int
}

// doc is the document-level state shared by the sentences of one document.
type docState struct {
	capElse map[uint64]bool // capitalised somewhere not sentence-initial
	lowSeen map[uint64]bool // seen entirely in lower case
	mem     map[uint64]*[4]uint16
}

func newDocState() *docState {
	return &docState{capElse: map[uint64]bool{}, lowSeen: map[uint64]bool{}, mem: map[uint64]*[4]uint16{}}
}

func (d *docState) reset() {
	clear(d.capElse)
	clear(d.lowSeen)
	clear(d.mem)
}

// prepare fills s from words and POS tags.
func (s *sentence) prepare(j *joint, words, tags []string, buf []byte) []byte {
	n := len(words)
	s.prepareWords(words)
	s.shape = grow(s.shape, n)
	s.pos = grow(s.pos, n)
	if cap(s.gaz) < n {
		s.gaz = make([]uint32, n)
		s.dict = make([]uint32, n)
	}
	s.gaz = s.gaz[:n]
	s.dict = s.dict[:n]
	for g := range s.clus {
		s.clus[g] = grow(s.clus[g], n)
	}
	if cap(s.clusDone) < n {
		s.clusDone = make([]bool, n)
	}
	s.clusDone = s.clusDone[:n]
	clear(s.clusDone)
	for i, w := range words {
		s.shape[i] = hashShape(w)
		if i < len(tags) {
			s.pos[i] = hashString(tags[i])
		} else {
			s.pos[i] = 0
		}
	}
	if j == nil {
		clear(s.gaz)
		clear(s.dict)
		return buf
	}
	return j.mark(words, s.gaz, s.dict, buf)
}

// classes makes sure the word classes of token i are looked up: only the
// tokens the labeller scores and their neighbours need them.
func (s *sentence) classes(i int) {
	if s.clusDone[i] {
		return
	}
	s.clusDone[i] = true
	cs := wordClasses()[s.words[i]]
	for g, c := range cs {
		s.clus[g][i] = uint64(c) | uint64(g)<<32
	}
}

// prepareWords fills what observe reads (words, low, upper, caps,
// firstWord); the first pass over a document needs nothing more.
func (s *sentence) prepareWords(words []string) {
	n := len(words)
	s.words = words
	s.low = grow(s.low, n)
	if cap(s.upper) < n {
		s.upper = make([]bool, n)
	}
	s.upper = s.upper[:n]
	if cap(s.plain) < n {
		s.plain = make([]bool, n)
	}
	s.plain = s.plain[:n]
	letters, uppers := 0, 0
	s.firstWord = -1
	for i, w := range words {
		s.low[i] = hashLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		s.upper[i] = unicode.IsUpper(r)
		plain := true
		for _, r := range w {
			if r < utf8.RuneSelf {
				switch {
				case 'a' <= r && r <= 'z':
					letters++
				case 'A' <= r && r <= 'Z':
					letters++
					uppers++
					plain = false
				case '0' <= r && r <= '9':
					plain = false
				}
				continue
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					uppers++
					plain = false
				}
			} else if unicode.IsDigit(r) {
				plain = false
			}
		}
		s.plain[i] = plain
		if s.firstWord < 0 && unicode.IsLetter(r) {
			s.firstWord = i
		}
	}
	s.caps = letters >= 4 && uppers*10 >= letters*9
}

func grow(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

// observe records document-level evidence from a prepared sentence.
func (d *docState) observe(s *sentence) {
	if s.caps {
		return
	}
	for i, w := range s.words {
		if s.upper[i] && i != s.firstWord {
			d.capElse[s.low[i]] = true
		} else if !s.upper[i] && isLowerWord(w) {
			d.lowSeen[s.low[i]] = true
		}
	}
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// features appends the hashed features of token i given the two previous
// labels: those of the word alone (wordFeatures) and those of its context.
func (s *sentence) features(d *docState, i int, y1, y2 uint8, out []uint64) []uint64 {
	return s.contextFeatures(d, i, y1, y2, s.wordFeatures(i, out))
}

// wordFeatures appends the features that depend on the word alone (its
// spelling, shape, affixes and classes), whose weights the labeller sums
// once per word type and caches (see Model.wordScore).
func (s *sentence) wordFeatures(i int, out []uint64) []uint64 {
	w := s.words[i]
	low, shape := s.low[i], s.shape[i]
	out = append(out,
		f1(tBias, 0),
		f1(tWord, hashString(w)),
		f1(tLow, low),
		f1(tShape, shape),
	)
	for k, t := range [...]byte{tPre2, tPre3, tPre4} {
		if p := prefix(w, k+2); p != "" {
			out = append(out, f1(t, hashLower(p)))
		}
	}
	for k, t := range [...]byte{tSuf1, tSuf2, tSuf3, tSuf4} {
		if p := suffix(w, k+1); p != "" {
			out = append(out, f1(t, hashLower(p)))
		}
	}
	s.classes(i)
	for g := range s.clus {
		c0 := s.clus[g][i]
		out = append(out, f1(tClus, c0))
		if g == 1 {
			out = append(out, f2(tClusShape, c0, shape))
		}
	}
	return out
}

// contextFeatures appends the features of token i that depend on its
// neighbours, its position, the previous labels and the document.
func (s *sentence) contextFeatures(d *docState, i int, y1, y2 uint8, out []uint64) []uint64 {
	low, shape := s.low[i], s.shape[i]
	lowM1, lowP1, lowM2, lowP2 := hStart, hEnd, hStart, hEnd
	shM1, shP1 := hStart, hEnd
	posM1, posP1 := hStart, hEnd
	var gazM1, gazP1 uint32
	if i > 0 {
		lowM1, shM1, posM1, gazM1 = s.low[i-1], s.shape[i-1], s.pos[i-1], s.gaz[i-1]
	}
	if i > 1 {
		lowM2 = s.low[i-2]
	}
	if i+1 < len(s.words) {
		lowP1, shP1, posP1, gazP1 = s.low[i+1], s.shape[i+1], s.pos[i+1], s.gaz[i+1]
	}
	if i+2 < len(s.words) {
		lowP2 = s.low[i+2]
	}
	out = append(out,
		f1(tLowM1, lowM1),
		f1(tLowP1, lowP1),
		f1(tLowM2, lowM2),
		f1(tLowP2, lowP2),
		f1(tShapeM1, shM1),
		f1(tShapeP1, shP1),
		f2(tShape01, shape, shP1),
		f2(tShapeM10, shM1, shape),
		f1(tPos0, s.pos[i]),
		f1(tPosM1, posM1),
		f1(tPosP1, posP1),
		f2(tPosM10, posM1, s.pos[i]),
		f2(tPos01, s.pos[i], posP1),
		f1(tY1, uint64(y1)),
		f2(tY12, uint64(y1), uint64(y2)),
		f2(tY1Low, uint64(y1), low),
		f2(tY1Shape, uint64(y1), shape),
		f2(tBigM, lowM1, low),
		f2(tBigP, low, lowP1),
		f2(tLowM1P1, lowM1, lowP1),
		f2(tLowM1Shape, lowM1, shape),
		f2(tShapeLowP1, shape, lowP1),
	)
	s.classes(i)
	if i > 0 {
		s.classes(i - 1)
	}
	if i+1 < len(s.words) {
		s.classes(i + 1)
	}
	for g := range s.clus {
		cM1, cP1 := hStart+uint64(g), hEnd+uint64(g)
		if i > 0 {
			cM1 = s.clus[g][i-1]
		}
		if i+1 < len(s.words) {
			cP1 = s.clus[g][i+1]
		}
		out = append(out, f1(tClusM1, cM1), f1(tClusP1, cP1))
		if g == 1 {
			// Conjunctions on the middle grain only: on all three they
			// cost a fifth of the labeller's speed for 0.001 F1.
			c0 := s.clus[g][i]
			out = append(out, f2(tClusM10, cM1, c0), f2(tClus01, c0, cP1))
		}
	}
	if i > 0 {
		if p := suffix(s.words[i-1], 3); p != "" {
			out = append(out, f1(tSufM1, hashLower(p)))
		}
	}
	if i+1 < len(s.words) {
		if p := suffix(s.words[i+1], 3); p != "" {
			out = append(out, f1(tSufP1, hashLower(p)))
		}
	}
	if i == s.firstWord {
		out = append(out, f1(tFirstShape, shape), f1(tFirstLow, low))
	}
	if s.caps {
		out = append(out, f1(tCapsLow, low), f1(tCapsShape, shape))
	}
	for g, b := s.gaz[i], uint64(0); g != 0; g, b = g>>1, b+1 {
		if g&1 != 0 {
			out = append(out, f1(tGaz, b), f2(tY1Gaz, uint64(y1), b))
		}
	}
	for g, b := s.dict[i], uint64(0); g != 0; g, b = g>>1, b+1 {
		if g&1 != 0 {
			out = append(out, f1(tDict, b), f2(tDictShape, b, shape))
		}
	}
	if i > 0 {
		for g, b := s.dict[i-1], uint64(0); g != 0; g, b = g>>1, b+1 {
			if g&1 != 0 {
				out = append(out, f1(tDictM1, b))
			}
		}
	}
	if i+1 < len(s.words) {
		for g, b := s.dict[i+1], uint64(0); g != 0; g, b = g>>1, b+1 {
			if g&1 != 0 {
				out = append(out, f1(tDictP1, b))
			}
		}
	}
	for g, b := gazM1, uint64(0); g != 0; g, b = g>>1, b+1 {
		if g&1 != 0 {
			out = append(out, f1(tGazM1, b))
		}
	}
	for g, b := gazP1, uint64(0); g != 0; g, b = g>>1, b+1 {
		if g&1 != 0 {
			out = append(out, f1(tGazP1, b))
		}
	}
	if d != nil && s.upper[i] {
		var flags uint64
		if d.capElse[low] {
			flags |= 1
		}
		if d.lowSeen[low] {
			flags |= 2
		}
		if i == s.firstWord {
			flags |= 4
		}
		if s.caps {
			flags |= 8
		}
		out = append(out, f1(tDoc, flags))
		if m := d.mem[low]; m != nil {
			best, bt := uint16(0), 0
			for t, c := range m {
				if c > best {
					best, bt = c, t
				}
			}
			out = append(out, f1(tMem, uint64(bt)))
		}
	}
	return out
}

// remember records the labelled entities of a sentence in the document
// memory.
func (d *docState) remember(s *sentence, labels []uint8) {
	for i, y := range labels {
		if y == 0 || !s.upper[i] {
			continue
		}
		m := d.mem[s.low[i]]
		if m == nil {
			m = new([4]uint16)
			d.mem[s.low[i]] = m
		}
		if m[labelType(y)] < 1<<15 {
			m[labelType(y)]++
		}
	}
}
