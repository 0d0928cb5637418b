package syndication

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
)

// Size is the number of slots of a sketch.
const Size = 64

// Shingle is the number of words in a shingle.
const Shingle = 3

// minWords is the fewest words a text needs for a sketch: shorter texts
// (a headline, a caption) say too little to call two of them one story.
const minWords = 40

// bands × rows = Size: two slots per band find a pair with similarity
// 0.5 with probability 1-(1-0.5²)^32 > 0.9999, and one of 0.1 in a quarter
// of cases, which the full comparison then rejects.
const (
	bands = 32
	rows  = Size / bands
)

// seeds are the multipliers and offsets of the slots' hash functions,
// drawn once from splitmix64 so that sketches never change.
var seeds = func() (s [Size][2]uint64) {
	x := uint64(0x9E3779B97F4A7C15)
	next := func() uint64 {
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		return z ^ (z >> 31)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// Words splits text into lower-case words of letters and digits.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Sign returns the MinHash sketch of text's word shingles, or nil when the
// text has fewer than 40 words. It is safe for concurrent use.
func Sign(text string) []uint32 {
	w := Words(text)
	if len(w) < minWords {
		return nil
	}
	sk := make([]uint32, Size)
	for i := range sk {
		sk[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+Shingle <= len(w); i++ {
		h.Reset()
		for j, s := range w[i : i+Shingle] {
			if j > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(s))
		}
		x := h.Sum64()
		for k := range sk {
			if v := uint32((seeds[k][0]*x + seeds[k][1]) >> 32); v < sk[k] {
				sk[k] = v
			}
		}
	}
	return sk
}

// Similarity estimates the Jaccard similarity of the shingle sets of two
// sketches: the share of slots that agree. It is 0 when either is not a
// sketch of Size slots.
func Similarity(a, b []uint32) float64 {
	if len(a) != Size || len(b) != Size {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / Size
}

// Item is one text to cluster.
type Item struct {
	ID     string // unique; breaks ties between equal dates
	Outlet string
	Date   string // ISO 8601; "" sorts after every date
	Sketch []uint32
}

// Cluster is one story that several outlets carry.
type Cluster struct {
	// Members are indices into the items, earliest first (by date, then
	// ID); Members[0] is the earliest source.
	Members []int
	// Outlets are the members' distinct outlets, sorted.
	Outlets []string
	// Similarity is the lowest similarity of a member to the earliest
	// source.
	Similarity float64
}

// Clusters links every pair of items from different outlets whose
// similarity is at least threshold and returns the connected groups that
// span two outlets or more, ordered by their earliest source (date, then
// ID). The result does not depend on the order of items.
func Clusters(items []Item, threshold float64) []Cluster {
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// One map per band, keyed by the band's two slots as one integer:
	// array keys hashed several times slower. Every item is compared with
	// each earlier item of its buckets outside its component, so a corpus
	// of many near-identical copies costs time quadratic in their number
	// (BenchmarkClusters); grouping a bucket's items by component was
	// tried and was slower on the bench corpus, whose copies mostly fall
	// below the threshold.
	var _ = [1]struct{}{}[rows-2] // the key packs exactly two slots
	var buckets [bands]map[uint64][]int
	for b := range buckets {
		buckets[b] = make(map[uint64][]int)
	}
	for i, it := range items {
		if len(it.Sketch) != Size {
			continue
		}
		for b := range bands {
			k := uint64(it.Sketch[b*rows])<<32 | uint64(it.Sketch[b*rows+1])
			for _, j := range buckets[b][k] {
				if items[j].Outlet == it.Outlet || find(i) == find(j) {
					continue
				}
				if Similarity(it.Sketch, items[j].Sketch) >= threshold {
					parent[find(i)] = find(j)
				}
			}
			buckets[b][k] = append(buckets[b][k], i)
		}
	}
	groups := map[int][]int{}
	for i := range items {
		if len(items[i].Sketch) == Size {
			groups[find(i)] = append(groups[find(i)], i)
		}
	}
	before := func(a, b int) int {
		da, db := items[a].Date, items[b].Date
		switch {
		case da != db && da == "":
			return 1
		case da != db && db == "":
			return -1
		case da != db:
			return strings.Compare(da, db)
		}
		return strings.Compare(items[a].ID, items[b].ID)
	}
	var out []Cluster
	for _, m := range groups {
		outlets := map[string]bool{}
		for _, i := range m {
			outlets[items[i].Outlet] = true
		}
		if len(outlets) < 2 {
			continue
		}
		slices.SortFunc(m, before)
		c := Cluster{Members: m, Similarity: 1}
		for o := range outlets {
			c.Outlets = append(c.Outlets, o)
		}
		slices.Sort(c.Outlets)
		for _, i := range m[1:] {
			c.Similarity = min(c.Similarity, Similarity(items[m[0]].Sketch, items[i].Sketch))
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Cluster) int { return before(a.Members[0], b.Members[0]) })
	return out
}
