// Command bench measures framewatch's throughput, incremental re-run time,
// memory and scaling on a large synthetic corpus, with prose v3's own full
// pipeline as a baseline in the same run.
//
// It builds the corpus from the fixtures (fixtures.FS: the good .txt, .md,
// .html articles and the JSONL/CSV export records, each copy varied
// deterministically so that content hashes differ), or reads one given with
// -corpus. It builds the framewatch binary once (go build) and runs it as a
// user would, with a fresh --state workspace, so every figure covers the
// whole program: ingest, all stages, the workspace and the reports.
//
// Every figure is printed on its own line as "bench <what> <metric> <value>".
// Tokens are the text stage's word tokens, summed from the "words" column
// of the run's units.csv; the baseline's tokens/s uses the same count for
// the documents it analysed, so the two rates compare the same work.
//
// Usage:
//
//	go run ./internal/tools/bench                       # 10,000 documents
//	go run ./internal/tools/bench -docs 2000 -baseline-docs 500
//	go run ./internal/tools/bench -scaling 1,2 -mem 10000,100000
//	go run ./internal/tools/bench -docs 2000 -cpuprofile /tmp/cpu.pprof
//
// -cpuprofile runs the stages and the report writer in this process
// (pipeline.Run with the CLI's stage list, no workspace) and writes a CPU
// profile for "go tool pprof".
package main
