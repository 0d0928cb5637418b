package main

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
)

// background builds the analysis stages (loading models takes about a
// tenth of a second) while the run starts reading input, so that a re-run
// whose documents are all cached does not wait for models it never uses.
// Its goroutine is always waited for by runCommand.
type background struct {
	once    sync.Once
	started atomic.Bool
	run     func()
	done    chan struct{}
	stages  []pipeline.Stage
	err     error
}

// The build starts with start, or when a stage is first needed. When it
// fails, stop is called so the run ends promptly.
func buildInBackground(cfg pipeline.Config, log *slog.Logger, stop func()) *background {
	b := &background{done: make(chan struct{})}
	b.run = func() {
		defer close(b.done)
		t0 := time.Now()
		b.stages, b.err = analysis.Stages(cfg)
		if b.err != nil {
			stop()
		}
		log.Debug("stages built", "elapsed", time.Since(t0).Round(time.Millisecond))
	}
	return b
}

// start begins the build, once.
func (b *background) start() {
	b.once.Do(func() {
		b.started.Store(true)
		go b.run()
	})
}

// wait returns the build's error once it is done; a build never started
// (every document was cached) has none.
func (b *background) wait() error {
	if !b.started.Load() {
		return nil
	}
	<-b.done
	return b.err
}

// stages returns placeholders, in pipeline order, that wait for the build
// on first use.
func (b *background) placeholders() []pipeline.Stage {
	var out []pipeline.Stage
	for i, name := range analysis.Names() {
		out = append(out, deferredStage{b, i, name})
	}
	return out
}

// deferredStage is one stage of a background build.
type deferredStage struct {
	b    *background
	i    int
	name string
}

func (s deferredStage) Name() string { return s.name }

func (s deferredStage) Process(ctx context.Context, d *pipeline.Doc) error {
	s.b.start()
	select {
	case <-s.b.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	if s.b.err != nil {
		return s.b.err
	}
	return s.b.stages[s.i].Process(ctx, d)
}
