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
// The main run is repeated (-repeat, 3 by default), each framewatch run
// followed by a baseline run; the run figures are the median run's, and the
// ratio to prose is the median of the pairs' ratios, so that the machine's
// drift between runs cancels out (min and max are printed too). The sink's
// busy time (sink_busy_s: the documents consumed one at a time, in input
// order) is the serial part of a run, which bounds scaling with workers.
//
// Every figure is printed on its own line as "bench <what> <metric> <value>".
// Tokens are the text stage's word tokens, summed from the "words" column
// of the run's units.csv; the baseline's tokens/s uses the same count for
// the documents it analysed, so the two rates compare the same work.
//
// Wall-clock figures depend on what else runs on the machine; the cpu_s and
// tokens_per_cpu_s figures (user + system time from the child's rusage, or
// this process's for the baseline) and the load average printed at start
// and end make runs on a shared machine comparable. Peak RSS is the child's
// ru_maxrss. A stage's busy_s is the time its workers spent inside Process,
// waiting for a CPU included, so busy_share is a share of the stages' time,
// not of CPU time; the CPU profile gives the latter.
//
// -scaling runs one fresh run per worker count with --workers N and
// GOMAXPROCS=N; efficiency is tokens/s over N times the per-worker rate of
// the first count given (give 1 first). -mem generates a corpus of each size
// and prints the peak RSS of a fresh run over it; a 100,000-document run
// takes several minutes on two cores, so it is opt-in.
//
// Usage:
//
//	go run ./internal/tools/bench                       # 10,000 documents
//	go run ./internal/tools/bench -docs 2000 -baseline-docs 500
//	go run ./internal/tools/bench -scaling 1,2 -mem 10000,100000
//	go run ./internal/tools/bench -docs 2000 -cpuprofile /tmp/cpu.pprof -memprofile /tmp/heap.pprof
//
// -cpuprofile runs the stages and the report writer in this process
// (pipeline.Run with the CLI's stage list, no workspace) and writes a CPU
// profile for "go tool pprof"; -memprofile adds heap profiles taken before
// and after the reports are written.
package main
