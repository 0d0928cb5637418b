package transforms

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

// Dedup marks as duplicates the documents whose text another PATH also
// had: among the items with one text hash, the better original by
// ingest.Better wins (more metadata, then the earlier date, then the
// shorter path, then the first in input order: PATH index, then
// position), as in the CLI, and the others get status duplicate,
// duplicate_of the winner's ID and the CLI's reason. Within one PATH,
// Ingest's Source has already done so.
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

// markDuplicates keeps the better original of a hash (ingest.Better) and
// marks the others.
func markDuplicates(_ string, iter func(*Item) bool, emit func(Item)) error {
	var group []Item
	var it Item
	for iter(&it) {
		group = append(group, it)
	}
	sortItems(group)
	docs := make([]*pipeline.Doc, len(group))
	best := 0
	cand := func(i int) ingest.Candidate {
		return ingest.Candidate{ID: docs[i].ID, Source: docs[i].Source, Meta: docs[i].Meta, Seq: i}
	}
	for i := range group {
		d, err := group[i].doc()
		if err != nil {
			return err
		}
		docs[i] = d
		if i > 0 && ingest.Better(cand(i), cand(best)) {
			best = i
		}
	}
	emit(group[best])
	for i, dup := range group {
		if i == best {
			continue
		}
		d := docs[i]
		d.Status = pipeline.StatusDuplicate
		d.DuplicateOf = group[best].ID
		d.Reason = "duplicate of " + group[best].ID
		dup.Text = ""
		if err := dup.set(d); err != nil {
			return err
		}
		emit(dup)
	}
	return nil
}
