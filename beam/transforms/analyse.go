package transforms

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
)

// Analyse runs the CLI's stage chain (internal/analysis.Stages, the same
// constructor table) on every item, after a Reshuffle that spreads the
// items of one PATH over the workers. Each worker builds the chain once,
// in Setup, and shares it read-only, as the CLI's workers do.
//
// A document goes through pipeline.Run on its own, so the runner's rules
// hold unchanged: documents that are not ok pass untouched, a stage's
// error or panic is recorded on the document, which goes on to the next
// stages, and the stages' counters are kept on the item. The analysed
// item drops the text and the transient tokens (the JSON form has
// neither), so the rows that travel on are compact.
func Analyse(s beam.Scope, opt Options, items beam.PCollection) beam.PCollection {
	s = s.Scope("analyse")
	return beam.ParDo(s, &analyseFn{Options: opt}, beam.Reshuffle(s, items))
}

type analyseFn struct {
	Options Options
	stages  []pipeline.Stage
}

func (fn *analyseFn) Setup() error {
	cfg, err := fn.Options.config()
	if err != nil {
		return err
	}
	fn.stages, err = analysis.Stages(cfg)
	return err
}

func (fn *analyseFn) ProcessElement(ctx context.Context, it Item) (Item, error) {
	d, err := it.doc()
	if err != nil {
		return Item{}, err
	}
	one := pipeline.SourceFunc(func(_ context.Context, emit func(*pipeline.Doc) error) error { return emit(d) })
	keep := pipeline.SinkFunc(func(context.Context, *pipeline.Doc) error { return nil })
	stats, err := pipeline.Run(ctx, one, fn.stages, keep, pipeline.Options{Workers: 1})
	if err != nil {
		// Only cancellation stops pipeline.Run outside strict mode.
		return Item{}, err
	}
	it.Stages = make([]StageCount, len(stats.Counters))
	for i, c := range stats.Counters {
		it.Stages[i] = StageCount{Docs: c.Docs, Failures: c.Failures, BusyNS: int64(c.Busy)}
	}
	it.Text = ""
	if err := it.set(d); err != nil {
		return Item{}, err
	}
	return it, nil
}
