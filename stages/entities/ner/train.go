package ner

import (
	"math"
	"math/rand/v2"
)

// TrainOptions tune Train.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	// Prune drops feature rows whose largest averaged weight is below this
	// magnitude.
	Prune float64
	// Epoch, when set, is called after every epoch with the averaged model
	// so far.
	Epoch func(epoch int, m *Model)
}

type trainer struct {
	index map[uint64]int32
	w     []float32
	tot   []float64
	ts    []int32
	t     int32
}

func (tr *trainer) row(f uint64, add bool) (int32, bool) {
	off, ok := tr.index[f]
	if ok || !add {
		return off, ok
	}
	off = int32(len(tr.w))
	tr.index[f] = off
	for range nLabels {
		tr.w = append(tr.w, 0)
		tr.tot = append(tr.tot, 0)
		tr.ts = append(tr.ts, 0)
	}
	return off, true
}

func (tr *trainer) update(feats []uint64, y uint8, v float32) {
	for _, f := range feats {
		off, _ := tr.row(f, true)
		k := off + int32(y)
		tr.tot[k] += float64(tr.t-tr.ts[k]) * float64(tr.w[k])
		tr.ts[k] = tr.t
		tr.w[k] += v
	}
}

func (tr *trainer) averaged(prune float64, dict *gazetteer) *Model {
	m := &Model{gaz: shippedGaz(), dict: dict}
	index, w := newTable(0), []float32(nil)
	row := make([]float32, nLabels)
	for f, off := range tr.index {
		keep := false
		for y := range nLabels {
			k := off + int32(y)
			tot := tr.tot[k] + float64(tr.t-tr.ts[k])*float64(tr.w[k])
			row[y] = float32(tot / float64(max(tr.t, 1)))
			if math.Abs(float64(row[y])) >= prune {
				keep = true
			}
		}
		if keep {
			index.put(f, int32(len(w)))
			w = append(w, row...)
		}
	}
	m.rows = pack(index, w)
	return m
}

// Train trains a model on documents with Gold labels. Sentences must carry
// part-of-speech Tags as they will at run time. Training is deterministic
// for a given Seed.
func Train(docs [][]Sentence, opt TrainOptions) *Model {
	tr := &trainer{index: make(map[uint64]int32)}
	g := shippedGaz()
	// Dictionary features are learnt jackknifed: a document sees the
	// entities of the other folds only, as test text sees unseen names.
	const folds = 5
	dicts := make([]*gazetteer, folds)
	for f := range dicts {
		dicts[f] = newDict(docs, func(i int) bool { return i%folds != f })
	}
	full := newDict(docs, func(int) bool { return true })
	joints := make([]*joint, folds)
	for f := range joints {
		joints[f] = newJoint(g, dicts[f])
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var s sentence
	d := newDocState()
	var feats []uint64
	var buf []byte
	var sc [nLabels]float32
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			doc := docs[di]
			d.reset()
			for _, sent := range doc {
				s.prepareWords(sent.Words)
				d.observe(&s)
			}
			for _, sent := range doc {
				buf = s.prepare(joints[di%folds], sent.Words, sent.Tags, buf)
				guess := make([]uint8, len(sent.Words))
				var y1, y2 uint8
				for i := range sent.Words {
					feats = s.features(d, i, y1, y2, feats[:0])
					sc = [nLabels]float32{}
					for _, f := range feats {
						if off, ok := tr.row(f, false); ok {
							for y := range sc {
								sc[y] += tr.w[off+int32(y)]
							}
						}
					}
					best, by := float32(math.Inf(-1)), uint8(0)
					for y := range sc {
						if allowed(y1, uint8(y)) && sc[y] > best {
							best, by = sc[y], uint8(y)
						}
					}
					tr.t++
					if gold := sent.Gold[i]; by != gold {
						tr.update(feats, gold, 1)
						tr.update(feats, by, -1)
					}
					guess[i] = by
					y2, y1 = y1, by
				}
				d.remember(&s, guess)
			}
		}
		if opt.Epoch != nil {
			opt.Epoch(ep, tr.averaged(0, full))
		}
	}
	return tr.averaged(opt.Prune, full)
}
