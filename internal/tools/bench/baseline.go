package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/jdkato/prose/v3"
)

// baselineResult is prose v3's run over the same documents.
type baselineResult struct {
	Docs, Workers       int
	Tokens, ProseTokens int64
	Wall, CPU           time.Duration
}

var errEnough = errors.New("bench: enough documents")

// baselineInput is what the baseline analyses: the first limit analysable
// documents of a corpus (0: all), read with framewatch's own ingest.
type baselineInput struct {
	texts  []string
	tokens int64
}

// readBaseline reads the baseline's documents once. Tokens are framewatch's
// word counts of the same documents (words), so that both rates count the
// same tokens.
func readBaseline(ctx context.Context, corpus string, limit int, words map[string]int64) (*baselineInput, error) {
	cfg, err := pipeline.LoadConfig("")
	if err != nil {
		return nil, err
	}
	in := &baselineInput{}
	src := &ingest.Source{Paths: []string{corpus}, Config: cfg.Ingest}
	err = src.Docs(ctx, func(d *pipeline.Doc) error {
		if d.Status != "" && d.Status != pipeline.StatusOK {
			return nil
		}
		in.texts = append(in.texts, d.Text)
		in.tokens += words[d.Source]
		if limit > 0 && len(in.texts) >= limit {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, fmt.Errorf("bench: baseline ingest: %w", err)
	}
	return in, nil
}

// baseline times prose v3's full pipeline (prose.NewDocument with its
// defaults: tokenize, segment, tag, NER) over in, one call per document, on
// GOMAXPROCS goroutines. Ingest is not timed, which favours the baseline.
func baseline(ctx context.Context, in *baselineInput) (*baselineResult, error) {
	texts := in.texts
	res := &baselineResult{Workers: runtime.GOMAXPROCS(0), Docs: len(texts), Tokens: in.tokens}
	var next, proseTokens atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, res.Workers)
	cpu0 := processCPU()
	t0 := time.Now()
	for w := range res.Workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(texts) || ctx.Err() != nil {
					return
				}
				doc, err := prose.NewDocument(texts[i])
				if err != nil {
					errs[w] = err
					return
				}
				proseTokens.Add(int64(len(doc.Tokens())))
			}
		})
	}
	wg.Wait()
	res.Wall = time.Since(t0)
	res.CPU = processCPU() - cpu0
	res.ProseTokens = proseTokens.Load()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("bench: prose: %w", err)
	}
	return res, ctx.Err()
}

// processCPU is this process's user + system time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
