package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/framewatch/framewatch/reports"
)

// profile runs ingest, every stage and the report writer in this process
// under the CPU profiler (no workspace: the re-run figures cover it).
//
// memfile, when set, receives a heap profile taken after the last document
// and before the reports are written: what aggregation keeps per document.
func profile(ctx context.Context, corpus, file, memfile string, workers int, p printer) error {
	cfg, err := pipeline.LoadConfig("")
	if err != nil {
		return err
	}
	cfg.ReportDate = "2024-06-20"
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	defer pprof.StopCPUProfile()

	t0 := time.Now()
	st, err := analysis.Stages(cfg)
	if err != nil {
		return err
	}
	p.float("profile", "startup_s", time.Since(t0).Seconds(), 3)
	out, err := os.MkdirTemp("", "framewatch-bench-profile-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	w, err := reports.NewWriter(out, cfg)
	if err != nil {
		return err
	}
	src := &ingest.Source{Paths: []string{corpus}, Config: cfg.Ingest}
	var words int64
	sink := pipeline.SinkFunc(func(ctx context.Context, d *pipeline.Doc) error {
		for _, u := range d.Units {
			words += int64(u.Words)
		}
		return w.Consume(ctx, d)
	})
	stats, err := pipeline.Run(ctx, src, st, sink, pipeline.Options{Workers: workers})
	if err != nil {
		return err
	}
	if memfile != "" {
		if err := writeHeap(memfile); err != nil {
			return err
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		p.float("profile", "heap_inuse_mb_before_reports", float64(ms.HeapInuse)/1e6, 1)
	}
	p.float("profile", "pipeline_s", stats.Elapsed.Seconds(), 3)
	p.float("profile", "pipeline_tokens_per_s", float64(words)/stats.Elapsed.Seconds(), 0)
	t1 := time.Now()
	if err := w.Close(reports.RunInfo{Version: "bench", Stats: stats, Inputs: []string{corpus}, Workers: workers}); err != nil {
		return err
	}
	p.float("profile", "reports_s", time.Since(t1).Seconds(), 3)
	if memfile != "" {
		// Cumulative allocations up to here: -sample_index=alloc_space
		// -focus=Writer..Close shows what the reports allocate.
		if err := writeHeap(memfile + ".after-reports"); err != nil {
			return err
		}
	}
	for _, c := range stats.Counters {
		p.float("stage_"+c.Stage, "busy_s", c.Busy.Seconds(), 3)
	}
	fmt.Fprintf(os.Stderr, "bench: CPU profile in %s: go tool pprof -top %s\n", file, file)
	return nil
}

func writeHeap(file string) error {
	runtime.GC()
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
