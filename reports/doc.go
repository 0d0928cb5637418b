// Package reports turns the documents of a run into framewatch's output
// files.
//
// A Writer is a pipeline.Sink. Consume is called once per document in input
// order from one goroutine; it writes the document's rows to the streamed
// per-unit files at once (units.csv, entity_mentions.jsonl, entities.csv,
// figures.csv, dates.csv, tone.csv, unit_stance.csv, stance_mentions.csv, quotes.csv,
// unit_frames.csv) and
// keeps only compact aggregates: per-outlet counters, float32 tone and stance scores for the
// bootstrap, term and entity counts, figure keys for claims and per outlet
// × day sums for trends. It keeps no reference to a document, its text or
// its tokens: every string it keeps is interned or cloned, because the
// stages' strings are substrings of the document text and would pin it.
// The manifest's per-document rows go, as JSON lines, to a scratch file
// in the output folder (.manifest-docs.jsonl) that Close copies into
// manifest.json and removes; only the rows of failed documents stay in
// memory. Figures are kept as variable-length records (about 11 bytes
// each) and stance scores in chunked lists that never over-allocate.
// Memory grows with the number of units and the vocabulary, not with the
// texts (measured by TestScale on 100,000 synthetic 3 KB documents: 39 MB
// live after Consume, 239 MB peak heap in use during Close). Terms are
// counted by number; an outlet's vocabulary is cut to its 20,000 most
// frequent terms whenever it passes 40,000.
//
// Close writes everything else:
//   - aggregate tables, each built as a gota frame with a fixed column order
//     and sorted rows, written twice side by side in the output folder as
//     <name>.csv and <name>.json (an array of objects, keys in column
//     order): overview, stance, frames, top_entities, distinctive_terms,
//     claims, failures, languages, trends_tone, trends_stance, coverage;
//   - charts under charts/, each as PNG (150 dpi unless report.png_dpi
//     says otherwise), SVG and PDF;
//   - report.html (one self-contained file, charts as SVG data: URIs) and
//     report.pdf (summary, charts, tables, one section per outlet, method),
//     from the same tables. Comparison charts leave out "unknown", draw at
//     most maxChartOutlets outlets and set those under report.min_units
//     apart (sample.go); the PDF splits wide tables into column groups and
//     never cuts a cell (pdftable.go);
//   - summary.md and manifest.json.
//
// Statistics (all internal/stats's): outlet-level tone and stance intervals are 95% percentile
// bootstrap intervals (1000 resamples, PCG seeded with a constant; above
// 200 scores the normal approximation of the bootstrap distribution of the
// mean, mean ± 1.96 σ/√n, replaces resampling, which would cost 1000 × n
// draws per interval); unit
// rows use mean ± 1.96 standard errors. A stance label needs 3 or more
// mentions: favourable when the interval lies above +0.05, against when it
// lies below -0.05, neutral when it lies within [-0.15, 0.15], otherwise
// unclear. Distinctive terms are Fightin' Words z-scores (Monroe, Colaresi
// and Quinn 2008) with the corpus as an informative Dirichlet prior of
// total weight 1000.
//
// PDF text: gonum/plot's vgpdf encodes text as cp1252 (Czech and Cyrillic
// names turn into mojibake) and draws raster images upside down, so charts
// are drawn into PDF through pdfCanvas, a vg.Canvas over fpdf that embeds
// the chart fonts as UTF-8 TrueType subsets; report.pdf uses the same
// canvas, so its charts are vector graphics with real text.
//
// Every output is deterministic: the same documents and configuration give
// byte-identical files, except the "timings" field of manifest.json. Floats
// are written with four decimals (figure values with up to six), rows are
// sorted with explicit tie-breakers, and the PDF dates come from
// Config.ReportDate.
//
// Only files.go touches the file system; everything else writes to an
// io.Writer.
package reports
