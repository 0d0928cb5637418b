package transforms

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/framewatch/framewatch/pipeline"
	json "github.com/goccy/go-json"
)

// Item is one document on its way through the pipeline.
type Item struct {
	// Path is the index of the PATH argument the document came from and
	// Seq its position in that PATH's input order: together, the CLI's
	// input order.
	Path, Seq int
	// ID, Hash and Status copy the document's, so that transforms can key
	// items without decoding them.
	ID, Hash, Status string
	// Outlet is the outlet of the document's first unit once analysed
	// ("" before, and for documents without units): the key of Combine.
	Outlet string
	// Text is the document's text until it is analysed; Doc drops it.
	Text string
	// Doc is the pipeline.Doc as JSON (the form the workspace stores, so
	// everything the reports read survives it).
	Doc []byte
	// Stages are the analysis stages' counters for this document, in
	// analysis.Names order (empty before Analyse).
	Stages []StageCount
}

// StageCount is what one stage did to one document: pipeline.Counter
// without the stage name.
type StageCount struct {
	Docs, Failures, BusyNS int64
}

// newItem encodes d as the item at position seq of PATH path.
func newItem(path, seq int, d *pipeline.Doc) (Item, error) {
	it := Item{Path: path, Seq: seq, Text: d.Text}
	return it, it.set(d)
}

// set stores d (without its text) in it.
func (it *Item) set(d *pipeline.Doc) error {
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("transforms: encode %s: %w", d.ID, err)
	}
	it.Doc, it.ID, it.Hash, it.Status = b, d.ID, d.Hash, string(d.Status)
	it.Outlet = ""
	if len(d.Units) > 0 {
		it.Outlet = d.Units[0].Outlet
	}
	return nil
}

// doc decodes it's document, text included.
func (it Item) doc() (*pipeline.Doc, error) {
	d := &pipeline.Doc{}
	if err := json.Unmarshal(it.Doc, d); err != nil {
		return nil, fmt.Errorf("transforms: decode %s: %w", it.ID, err)
	}
	d.Text = it.Text
	return d, nil
}

// before orders items in the CLI's input order.
func before(a, b Item) int {
	return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Seq, b.Seq))
}

// sortItems sorts items in input order.
func sortItems(items []Item) { slices.SortFunc(items, before) }
