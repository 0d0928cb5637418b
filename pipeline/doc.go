// Package pipeline defines framewatch's record types, the Stage contract and
// the runner that moves documents from a Source through the stages to a Sink.
//
// A Doc is one input document. Stages fill its Units and the annotations on
// them; every annotation carries byte offsets into Doc.Text, the document text
// after decoding to UTF-8 and before cleaning, so that any extracted item can
// be traced back to its source.
//
// The runner owns the goroutines of a run: one source goroutine, a bounded
// worker group per stage, and one sink goroutine that receives documents in
// input order whatever the worker count. Stages never start goroutines.
// The other goroutines of framewatch each belong to one owner that waits
// for them before it returns:
//   - ingest.Source's prefetcher reads the next files ahead of the walk
//     (pipeline/ingest/source.go), stopped and waited for by Docs;
//   - the workspace's writer stores analysed documents in SQLite
//     (workspace.Workspace, started by Open, drained by Close), and
//     loadIndex reads its two tables at once with an errgroup;
//   - internal/analysis.Stages runs the stage constructors concurrently and
//     waits for all of them;
//   - reports renders the charts with an errgroup (reports/charts.go) and
//     waits for it before writing the report files.
//
// pipeline imports nothing from framewatch's stages or reports packages.
package pipeline
