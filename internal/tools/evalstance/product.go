package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/stance"
)

// productPredictions labels NewsMTSC examples through the product path, as
// framewatch run would: each sentence is a document run through the
// analysis chain up to tone (clean, outlets, lang, text, entities, ...),
// then through a stance stage configured with the sentence's target
// phrases as targets (their text as name and alias, as an analyst would
// configure them), and an example takes the label of the stance mention at
// its span, or neutral when the stage found none there (a skipped unit,
// say). Examples of one sentence are consecutive in a NewsMTSC file and
// share one run.
func productPredictions(exs []stance.Example) ([]string, error) {
	stages, err := analysis.Stages(pipeline.DefaultConfig())
	if err != nil {
		return nil, err
	}
	var before []pipeline.Stage
	for _, st := range stages {
		if st.Name() == "stance" {
			break
		}
		before = append(before, st)
	}
	ctx := context.Background()
	out := make([]string, len(exs))
	for i := 0; i < len(exs); {
		j := i
		for j < len(exs) && exs[j].Sentence == exs[i].Sentence {
			j++
		}
		sent := exs[i].Sentence
		var targets []pipeline.Target
		names := map[string]bool{}
		for _, e := range exs[i:j] {
			for _, sp := range append([]stance.Span{e.Target}, e.Others...) {
				n := sent[sp.Start:sp.End]
				if !names[n] {
					names[n] = true
					targets = append(targets, pipeline.Target{Name: n})
				}
			}
		}
		slices.SortFunc(targets, func(a, b pipeline.Target) int { return cmp.Compare(a.Name, b.Name) })
		d := &pipeline.Doc{ID: fmt.Sprintf("newsmtsc-%d", i), Format: "txt", Text: sent}
		for _, st := range before {
			if err := st.Process(ctx, d); err != nil {
				return nil, fmt.Errorf("%s: %w", st.Name(), err)
			}
		}
		c, err := stance.New(pipeline.StanceConfig{Targets: targets})
		if err != nil {
			return nil, err
		}
		if err := c.Process(ctx, d); err != nil {
			return nil, err
		}
		for k := i; k < j; k++ {
			e := exs[k]
			out[k] = "neutral"
			name := sent[e.Target.Start:e.Target.End]
			for _, u := range d.Units {
				for _, m := range u.Stances {
					if m.Target == name && m.Start < e.Target.End && m.End > e.Target.Start {
						out[k] = m.Label
					}
				}
			}
		}
		i = j
	}
	return out, nil
}
