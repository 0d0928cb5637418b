package syndication

import (
	"context"
	"fmt"

	"github.com/framewatch/framewatch/internal/syndication"
	"github.com/framewatch/framewatch/pipeline"
)

// Sketcher is the "syndication" stage. It is safe for concurrent use.
type Sketcher struct{}

// New returns the stage.
func New() (*Sketcher, error) { return &Sketcher{}, nil }

// Name returns "syndication".
func (s *Sketcher) Name() string { return "syndication" }

// Process sets u.Sketch for every analysed unit of d.
func (s *Sketcher) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.Analysed() {
			continue
		}
		if err := d.CheckSpan(u); err != nil {
			return fmt.Errorf("syndication: %w", err)
		}
		u.Sketch = syndication.Sign(text[u.Start:u.End])
	}
	return nil
}

// Writes lists the fields the syndication stage writes (pipeline.Writer).
func (*Sketcher) Writes() []string { return []string{"Units[].Sketch"} }
