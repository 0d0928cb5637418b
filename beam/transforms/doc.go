// Package transforms is framewatch's analysis as Apache Beam transforms:
// the same ingest parsers, stage chain and report writer as the
// framewatch command, spread over a Beam runner's workers.
//
// A run is Ingest (decode each PATH with pipeline/ingest), Dedup (mark
// texts met under an earlier PATH as duplicates: the CLI's winner, the
// first in input order), Analyse (the internal/analysis stage chain, built
// once per worker in Setup), Combine (per outlet with CombinePerKey, then
// over the corpus) and Report (one element, one worker: reports.Writer fed
// in input order). Every document travels as an Item; failures stay data,
// as in the CLI: a document that fails to decode or to analyse reaches the
// manifest with its status and reason.
//
// Order never depends on the runner: each Item carries its PATH index and
// its position in that PATH's input, combiners keep their lists sorted by
// that pair, and the report step consumes the documents in that order, so
// the files are byte-identical to those of "framewatch run --no-state".
package transforms
