// Package reports turns the documents of a run into framewatch's output
// files: per-unit rows streamed as the run goes (units.csv,
// entity_mentions.jsonl, entities.csv, figures.csv, dates.csv, tone.csv,
// unit_stance.csv), aggregate tables built with gota and written as CSV and
// JSON, charts drawn with gonum/plot as PNG, SVG and PDF, a self-contained
// report.html, a multi-page report.pdf, manifest.json and summary.md.
//
// A Writer is a pipeline.Sink. Consume is called once per document in input
// order from one goroutine; it writes the document's rows at once and keeps
// only compact aggregates (counters, float32 scores, term counts, figure
// keys), so memory does not grow with the length of the texts. Close writes
// everything else.
//
// Every output is deterministic: the same documents and configuration give
// byte-identical files, except the "timings" field of manifest.json. Floats
// are written with four decimals, rows are sorted with explicit
// tie-breakers, and the PDF creation date comes from Config.ReportDate.
//
// Only files.go touches the file system; everything else writes to an
// io.Writer.
package reports
