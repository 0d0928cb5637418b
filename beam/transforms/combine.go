package transforms

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// Partial is a combined set of analysed items.
type Partial struct {
	// Outlets counts the outlet keys combined into it.
	Outlets int
	// Items are the documents, in input order once extracted.
	Items []Item
}

// Combine gathers the analysed items per outlet (the first unit's; ""
// for documents without units) with CombinePerKey, then over the corpus
// with Combine, into one Partial whose items are in input order whatever
// the order the runner delivered them in: the combiners sort by that order
// when they extract, so merging is associative and commutative.
//
// The partials carry the compact per-document rows, not reduced
// statistics: the report's bootstrap intervals, first-seen outlet
// spellings and term ties depend on input order, so the tables are built
// from the rows, in order, by the one report step.
func Combine(s beam.Scope, items beam.PCollection) beam.PCollection {
	s = s.Scope("combine")
	perOutlet := beam.CombinePerKey(s, &outletFn{}, beam.ParDo(s, keyByOutlet, items))
	return beam.Combine(s, &corpusFn{}, beam.DropKey(s, perOutlet))
}

func keyByOutlet(it Item) (string, Item) { return it.Outlet, it }

// outletFn combines the items of one outlet.
type outletFn struct{}

func (*outletFn) CreateAccumulator() Partial { return Partial{} }

func (*outletFn) AddInput(p Partial, it Item) Partial {
	p.Items = append(p.Items, it)
	return p
}

func (*outletFn) MergeAccumulators(a, b Partial) Partial { return merge(a, b) }

func (*outletFn) ExtractOutput(p Partial) Partial {
	sortItems(p.Items)
	p.Outlets = 1
	return p
}

// corpusFn combines the outlets' partials.
type corpusFn struct{}

func (*corpusFn) CreateAccumulator() Partial { return Partial{} }

func (*corpusFn) AddInput(p, q Partial) Partial { return merge(p, q) }

func (*corpusFn) MergeAccumulators(a, b Partial) Partial { return merge(a, b) }

func (*corpusFn) ExtractOutput(p Partial) Partial {
	sortItems(p.Items)
	return p
}

// merge joins two partials. Accumulators are sorted only when extracted:
// sorting on every added item would cost quadratic time.
func merge(a, b Partial) Partial {
	items := make([]Item, 0, len(a.Items)+len(b.Items))
	return Partial{Outlets: a.Outlets + b.Outlets, Items: append(append(items, a.Items...), b.Items...)}
}
