// Package analysis assembles framewatch's standard chain of analysis
// stages, so that the command and the benchmark tools run exactly the same
// pipeline.
package analysis

import (
	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/clean"
	"github.com/framewatch/framewatch/stages/entities"
	"github.com/framewatch/framewatch/stages/figures"
	"github.com/framewatch/framewatch/stages/frames"
	"github.com/framewatch/framewatch/stages/outlets"
	"github.com/framewatch/framewatch/stages/stance"
	"github.com/framewatch/framewatch/stages/terms"
	"github.com/framewatch/framewatch/stages/text"
	"github.com/framewatch/framewatch/stages/tone"
)

// Stages constructs every analysis stage once, in pipeline order: clean,
// outlets, text, entities, figures, tone, stance, frames, terms. Their
// models and lexicons are loaded here and shared read-only by all workers.
func Stages(cfg pipeline.Config) ([]pipeline.Stage, error) {
	reg := registry.New(cfg.Outlets.Registry)
	var outletNames []string
	for _, o := range reg.Outlets() {
		outletNames = append(outletNames, o.Name)
		outletNames = append(outletNames, o.Aliases...)
	}
	var stages []pipeline.Stage
	add := func(s pipeline.Stage, err error) error {
		if err != nil {
			return err
		}
		stages = append(stages, s)
		return nil
	}
	for _, mk := range []func() error{
		func() error { s, err := clean.New(cfg.Clean); return add(s, err) },
		func() error { s, err := outlets.New(cfg.Outlets); return add(s, err) },
		func() error { s, err := text.New(); return add(s, err) },
		func() error { s, err := entities.New(cfg.Entities, outletNames); return add(s, err) },
		func() error { s, err := figures.New(cfg.Figures); return add(s, err) },
		func() error { s, err := tone.New(); return add(s, err) },
		func() error { s, err := stance.New(cfg.Stance); return add(s, err) },
		func() error { s, err := frames.New(cfg.Frames); return add(s, err) },
		func() error { s, err := terms.New(); return add(s, err) },
	} {
		if err := mk(); err != nil {
			return nil, err
		}
	}
	return stages, nil
}
