package pipeline

import "context"

// Stage is one analysis step.
//
// Name is a stable lowercase identifier used in counters, errors and the
// manifest. Process analyses one document. The runner calls Process
// concurrently on different documents, never on the same document from two
// goroutines. Process writes only the fields its stage owns, never starts
// goroutines, and returns an error for a per-document failure: the runner
// records it on the document and the document goes on to the next stage.
// Heavy resources (models, lexicons, compiled patterns) are built once in
// the stage's constructor and shared read-only.
type Stage interface {
	Name() string
	Process(ctx context.Context, d *Doc) error
}

// Writer is implemented by every analysis stage: Writes lists the fields
// of the document the stage writes, as paths from Doc ("Units[].Tone",
// "Units[].Tokens[].Label"; a path covers the fields under it). A datum
// shared between stages is written by one of them and read by the later
// ones; internal/analysis's TestStagesWriteWhatTheyDeclare checks on the
// fixtures that each stage writes only what it declares and that no field
// has two writers.
type Writer interface {
	Writes() []string
}

// Source produces the documents of a run, in input order.
//
// Docs calls emit once per document and returns when the input is exhausted,
// when emit returns an error (which it must then return), or when ctx is
// cancelled. Unreadable or unusable inputs are emitted too, with Status set
// to StatusSkipped or StatusFailed and a Reason, so that nothing vanishes.
// Only errors that make the whole run meaningless (an unreadable root
// folder, for example) are returned.
type Source interface {
	Docs(ctx context.Context, emit func(*Doc) error) error
}

// SourceFunc adapts a function to the Source interface.
type SourceFunc func(ctx context.Context, emit func(*Doc) error) error

// Docs calls f.
func (f SourceFunc) Docs(ctx context.Context, emit func(*Doc) error) error { return f(ctx, emit) }

// Sink receives every document of a run once, in input order, from a single
// goroutine. After Consume returns the runner drops its reference to the
// document, so a Sink keeps only compact rows to bound memory.
type Sink interface {
	Consume(ctx context.Context, d *Doc) error
}

// SinkFunc adapts a function to the Sink interface.
type SinkFunc func(ctx context.Context, d *Doc) error

// Consume calls f.
func (f SinkFunc) Consume(ctx context.Context, d *Doc) error { return f(ctx, d) }
