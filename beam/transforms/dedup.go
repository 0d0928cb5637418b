package transforms

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/framewatch/framewatch/pipeline"
)

// Dedup marks as duplicates the documents whose text an earlier PATH
// already had: among the items with one text hash, the first in input
// order (PATH index, then position) wins, as in the CLI, and the others
// get status duplicate, duplicate_of the winner's ID and the CLI's
// reason. Within one PATH, Ingest's Source has already done so.
func Dedup(s beam.Scope, items beam.PCollection) beam.PCollection {
	s = s.Scope("dedup")
	keyed, rest := beam.ParDo2(s, keyByHash, items)
	marked := beam.ParDo(s, markDuplicates, beam.GroupByKey(s, keyed))
	return beam.Flatten(s, marked, rest)
}

// keyByHash keys the items with text that are no duplicate yet by their
// hash and passes the others through.
func keyByHash(it Item, keyed func(string, Item), rest func(Item)) {
	if it.Status == string(pipeline.StatusOK) && it.Hash != "" {
		keyed(it.Hash, it)
		return
	}
	rest(it)
}

// markDuplicates keeps the first item of a hash and marks the others.
func markDuplicates(_ string, iter func(*Item) bool, emit func(Item)) error {
	var group []Item
	var it Item
	for iter(&it) {
		group = append(group, it)
	}
	sortItems(group)
	emit(group[0])
	for _, dup := range group[1:] {
		d, err := dup.doc()
		if err != nil {
			return err
		}
		d.Status = pipeline.StatusDuplicate
		d.DuplicateOf = group[0].ID
		d.Reason = "duplicate of " + group[0].ID
		dup.Text = ""
		if err := dup.set(d); err != nil {
			return err
		}
		emit(dup)
	}
	return nil
}
