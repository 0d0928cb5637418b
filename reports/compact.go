package reports

import (
	"encoding/binary"
	"math"
	"slices"
)

// figureRow is a figureKey with its strings as interned name numbers.
type figureRow struct {
	value, low, high                            float64
	outlet, unit, counted, bound, claimed, when int32
}

// figureArena keeps every figure for claims, in input order, as a
// variable-length record in fixed-size chunks: a flag byte, the value
// (a zigzag varint when it is a whole number, else its 8 float bits), low
// and high only when they differ from the value, then the six name
// numbers as uvarints. A typical figure takes 8 to 12 bytes rather than
// the 48 of a figureRow, and the chunks never over-allocate by more than
// one chunk nor copy on growth.
type figureArena struct {
	chunks [][]byte
	n      int
}

// figureChunk is the size of one figureArena chunk.
const figureChunk = 64 << 10

const (
	figWholeValue  = 1 << iota // value is a zigzag varint
	figWholeLow                // low is a zigzag varint
	figWholeHigh               // high is a zigzag varint
	figLowIsValue              // low is not stored: it equals value
	figHighIsValue             // high is not stored: it equals value
)

// maxWhole bounds the floats stored as varints, so that the conversion
// to int64 and back is exact.
const maxWhole = 1 << 53

// whole reports whether x is stored exactly as an integer (not -0).
func whole(x float64) bool {
	return x >= -maxWhole && x <= maxWhole && x == math.Trunc(x) && !(x == 0 && math.Signbit(x))
}

func (fa *figureArena) len() int { return fa.n }

// add appends f.
func (fa *figureArena) add(f figureRow) {
	var buf [1 + 3*binary.MaxVarintLen64 + 6*binary.MaxVarintLen32]byte
	var flags byte
	b := buf[:1]
	put := func(x float64, wholeFlag byte) {
		if whole(x) {
			flags |= wholeFlag
			b = binary.AppendVarint(b, int64(x))
		} else {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
		}
	}
	put(f.value, figWholeValue)
	if math.Float64bits(f.low) == math.Float64bits(f.value) {
		flags |= figLowIsValue
	} else {
		put(f.low, figWholeLow)
	}
	if math.Float64bits(f.high) == math.Float64bits(f.value) {
		flags |= figHighIsValue
	} else {
		put(f.high, figWholeHigh)
	}
	for _, id := range [...]int32{f.outlet, f.unit, f.counted, f.bound, f.claimed, f.when} {
		b = binary.AppendUvarint(b, uint64(uint32(id)))
	}
	b[0] = flags
	last := len(fa.chunks) - 1
	if last < 0 || len(fa.chunks[last])+len(b) > cap(fa.chunks[last]) {
		fa.chunks = append(fa.chunks, make([]byte, 0, figureChunk))
		last++
	}
	fa.chunks[last] = append(fa.chunks[last], b...)
	fa.n++
}

// all yields every figure in the order added.
func (fa *figureArena) all(yield func(figureRow) bool) {
	for _, c := range fa.chunks {
		for len(c) > 0 {
			flags := c[0]
			c = c[1:]
			get := func(wholeFlag byte) float64 {
				if flags&wholeFlag != 0 {
					v, n := binary.Varint(c)
					c = c[n:]
					return float64(v)
				}
				v := math.Float64frombits(binary.LittleEndian.Uint64(c))
				c = c[8:]
				return v
			}
			var f figureRow
			f.value = get(figWholeValue)
			f.low, f.high = f.value, f.value
			if flags&figLowIsValue == 0 {
				f.low = get(figWholeLow)
			}
			if flags&figHighIsValue == 0 {
				f.high = get(figWholeHigh)
			}
			for _, id := range [...]*int32{&f.outlet, &f.unit, &f.counted, &f.bound, &f.claimed, &f.when} {
				v, n := binary.Uvarint(c)
				c = c[n:]
				*id = int32(uint32(v))
			}
			if !yield(f) {
				return
			}
		}
	}
}

// scoreList is a list of scores kept in chunks that double up to
// maxScoreChunk and stay that size: unlike an appended slice it wastes at
// most one partly filled chunk (at most half the list while it is short,
// then at most maxScoreChunk scores), and never copies on growth.
type scoreList struct {
	chunks [][]float32
	n      int
}

const (
	minScoreChunk = 8
	maxScoreChunk = 1024
)

func (s *scoreList) add(x float32) {
	last := len(s.chunks) - 1
	if last < 0 || len(s.chunks[last]) == cap(s.chunks[last]) {
		s.chunks = append(s.chunks, make([]float32, 0, min(max(minScoreChunk, s.n), maxScoreChunk)))
		last++
	}
	s.chunks[last] = append(s.chunks[last], x)
	s.n++
}

// len returns the number of scores; a nil list has none.
func (s *scoreList) len() int {
	if s == nil {
		return 0
	}
	return s.n
}

// appendTo appends the scores, in the order added, to dst.
func (s *scoreList) appendTo(dst []float32) []float32 {
	if s == nil {
		return dst
	}
	dst = slices.Grow(dst, s.n)
	for _, c := range s.chunks {
		dst = append(dst, c...)
	}
	return dst
}
