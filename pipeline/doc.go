// Package pipeline defines framewatch's record types, the Stage contract and
// the runner that moves documents from a Source through the stages to a Sink.
//
// A Doc is one input document. Stages fill its Units and the annotations on
// them; every annotation carries byte offsets into Doc.Text, the document text
// after decoding to UTF-8 and before cleaning, so that any extracted item can
// be traced back to its source.
//
// The runner owns every goroutine: one source goroutine, a bounded worker
// group per stage, and one sink goroutine that receives documents in input
// order whatever the worker count. Stages never start goroutines.
//
// pipeline imports nothing from framewatch's stages or reports packages.
package pipeline
