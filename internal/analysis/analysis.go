// Package analysis assembles framewatch's standard chain of analysis
// stages, so that the command and the benchmark tools run exactly the same
// pipeline.
package analysis

import (
	"runtime/debug"
	"slices"
	"sync"

	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/clean"
	"github.com/framewatch/framewatch/stages/entities"
	"github.com/framewatch/framewatch/stages/figures"
	"github.com/framewatch/framewatch/stages/frames"
	"github.com/framewatch/framewatch/stages/lang"
	"github.com/framewatch/framewatch/stages/outlets"
	"github.com/framewatch/framewatch/stages/quotes"
	"github.com/framewatch/framewatch/stages/roles"
	"github.com/framewatch/framewatch/stages/stance"
	"github.com/framewatch/framewatch/stages/syndication"
	"github.com/framewatch/framewatch/stages/terms"
	"github.com/framewatch/framewatch/stages/text"
	"github.com/framewatch/framewatch/stages/tone"
)

// names are the stage names in pipeline order; Stages builds them in this
// order.
var names = []string{"clean", "outlets", "lang", "text", "entities", "figures", "tone", "quotes", "stance", "frames", "roles", "terms", "syndication"}

// Names returns the names of the stages Stages builds, in pipeline order,
// without building them.
func Names() []string { return slices.Clone(names) }

// Stages constructs every analysis stage once, in pipeline order: clean,
// outlets, lang, text, entities, figures, tone, quotes, stance, frames,
// roles, terms, syndication. Quotes runs before stance so that the stance stage
// may read a unit's speakers. Their
// models and lexicons are loaded here and shared read-only by all workers.
func Stages(cfg pipeline.Config) ([]pipeline.Stage, error) {
	reg := registry.New(cfg.Outlets.Registry)
	var outletNames []string
	for _, o := range reg.Outlets() {
		outletNames = append(outletNames, o.Name)
		outletNames = append(outletNames, o.Aliases...)
	}
	// The constructors load models and compile lexicons; they are
	// independent, so they run concurrently and startup costs the slowest
	// one rather than their sum.
	ctors := []func() (pipeline.Stage, error){
		func() (pipeline.Stage, error) { return clean.New(cfg.Clean) },
		func() (pipeline.Stage, error) { return outlets.New(cfg.Outlets) },
		func() (pipeline.Stage, error) { return lang.New(cfg.AnalysedLanguages()) },
		func() (pipeline.Stage, error) { return text.New() },
		func() (pipeline.Stage, error) { return entities.New(cfg.Entities, outletNames) },
		func() (pipeline.Stage, error) { return figures.New(cfg.Figures) },
		func() (pipeline.Stage, error) { return tone.New() },
		func() (pipeline.Stage, error) { return quotes.New() },
		func() (pipeline.Stage, error) { return stance.New(cfg.Stance) },
		func() (pipeline.Stage, error) { return frames.New(cfg.Frames) },
		func() (pipeline.Stage, error) { return roles.New() },
		func() (pipeline.Stage, error) { return terms.New() },
		func() (pipeline.Stage, error) { return syndication.New() },
	}
	stages := make([]pipeline.Stage, len(ctors))
	errs := make([]error, len(ctors))
	var wg sync.WaitGroup
	for i, mk := range ctors {
		wg.Go(func() { stages[i], errs[i] = mk() })
	}
	wg.Wait()
	// The first error in pipeline order, so the message never depends on
	// which constructor finished first.
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return stages, nil
}

// Version is the analysis version of a build of a tool at version tool:
// the tool version and the build's revision. It keys cached per-document
// results and names the analysis in manifests, so a new tool version or a
// different build (models and lexicons are embedded) invalidates them.
func Version(tool string) string {
	v := tool
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += "+" + s.Value[:12]
			}
		}
	}
	return v
}
