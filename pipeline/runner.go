package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// ErrDocumentFailed is returned (wrapped) by Run in strict mode when a
// document fails.
var ErrDocumentFailed = errors.New("pipeline: document failed")

// Options tune a run.
type Options struct {
	// Workers is the number of goroutines per stage; 0 means GOMAXPROCS.
	Workers int
	// Strict stops the run at the first failed document.
	Strict bool
	// Window bounds the documents in flight between the source and the
	// sink; 0 picks a default proportional to Workers and the stage count.
	Window int
	// Progress, when set, is called from the sink goroutine after each
	// document is consumed, with the number consumed so far.
	Progress func(done int)
}

// Stats are a run's totals.
type Stats struct {
	Docs     int           `json:"docs"`
	Failed   int           `json:"failed"`
	Counters []Counter     `json:"stages"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	// SinkBusy is the time spent in the sink's Consume: one goroutine, in
	// input order, so the part of a run that does not scale with workers.
	SinkBusy time.Duration `json:"sink_busy_ns"`
}

// Run moves the documents of src through stages, in order, and hands each to
// sink in input order whatever the worker count.
//
// Each stage has its own group of opt.Workers goroutines connected by
// bounded channels; at most opt.Window documents are in flight, so memory
// does not grow with the corpus. A stage error or panic is recorded on the
// document, which continues to the next stages. Documents whose Status is
// not StatusOK, or that are Cached, pass through the stages untouched.
//
// Run returns when every goroutine it started has finished. It returns the
// first of: a source error, a sink error, ctx's error when cancelled, or
// ErrDocumentFailed in strict mode.
func Run(ctx context.Context, src Source, stages []Stage, sink Sink, opt Options) (Stats, error) {
	start := time.Now()
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := opt.Window
	if window <= 0 {
		window = 2*workers*(len(stages)+1) + 8
	}
	counters := make([]stageCounter, len(stages))

	g, gctx := errgroup.WithContext(ctx)
	slots := make(chan struct{}, window)

	first := make(chan *Doc, workers)
	g.Go(func() error {
		defer close(first)
		seq := 0
		err := src.Docs(gctx, func(d *Doc) error {
			select {
			case slots <- struct{}{}:
			case <-gctx.Done():
				return gctx.Err()
			}
			d.Seq = seq
			seq++
			if d.Status == "" {
				d.Status = StatusOK
			}
			select {
			case first <- d:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
		if err != nil {
			return fmt.Errorf("pipeline: source: %w", err)
		}
		return nil
	})

	next := first
	for i, st := range stages {
		in, out := next, make(chan *Doc, workers)
		var wg sync.WaitGroup
		c := &counters[i]
		for range workers {
			wg.Add(1)
			g.Go(func() error {
				defer wg.Done()
				for d := range in {
					if err := runStage(gctx, st, d, c); err != nil {
						return err
					}
					if opt.Strict && len(d.Errors) > 0 {
						e := d.Errors[len(d.Errors)-1]
						return fmt.Errorf("%w: %s: %s: %s", ErrDocumentFailed, d.Source, e.Stage, e.Err)
					}
					select {
					case out <- d:
					case <-gctx.Done():
						return gctx.Err()
					}
				}
				return nil
			})
		}
		g.Go(func() error {
			wg.Wait()
			close(out)
			return nil
		})
		next = out
	}

	var stats Stats
	last := next
	g.Go(func() error {
		pending := make(map[int]*Doc)
		want := 0
		for d := range last {
			pending[d.Seq] = d
			for {
				d, ok := pending[want]
				if !ok {
					break
				}
				delete(pending, want)
				want++
				stats.Docs++
				if d.Failed() {
					stats.Failed++
					if opt.Strict {
						return fmt.Errorf("%w: %s: %s", ErrDocumentFailed, d.Source, failureReason(d))
					}
				}
				t0 := time.Now()
				err := sink.Consume(gctx, d)
				stats.SinkBusy += time.Since(t0)
				if err != nil {
					return fmt.Errorf("pipeline: sink: %w", err)
				}
				<-slots
				if opt.Progress != nil {
					opt.Progress(stats.Docs)
				}
			}
		}
		return nil
	})

	err := g.Wait()
	if err == nil {
		// The source may have stopped because ctx was cancelled between
		// documents without any goroutine noticing.
		err = ctx.Err()
	}
	stats.Counters = make([]Counter, len(stages))
	for i, st := range stages {
		stats.Counters[i] = Counter{
			Stage:    st.Name(),
			Docs:     counters[i].docs.Load(),
			Failures: counters[i].failures.Load(),
			Busy:     time.Duration(counters[i].busy.Load()),
		}
	}
	stats.Elapsed = time.Since(start)
	return stats, err
}

type stageCounter struct {
	docs, failures, busy atomic.Int64
}

// runStage applies st to d, turning a panic into a per-document error. It
// returns an error only when the run must stop (ctx cancelled).
func runStage(ctx context.Context, st Stage, d *Doc, c *stageCounter) error {
	if d.Status != StatusOK || d.Cached {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	t0 := time.Now()
	err := safeProcess(ctx, st, d)
	c.busy.Add(int64(time.Since(t0)))
	c.docs.Add(1)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return err
		}
		c.failures.Add(1)
		d.Errors = append(d.Errors, StageError{Stage: st.Name(), Err: err.Error()})
	}
	return nil
}

func safeProcess(ctx context.Context, st Stage, d *Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pipeline: %s panicked: %v", st.Name(), r)
		}
	}()
	return st.Process(ctx, d)
}

func failureReason(d *Doc) string {
	if len(d.Errors) > 0 {
		e := d.Errors[0]
		return e.Stage + ": " + e.Err
	}
	return d.Reason
}
