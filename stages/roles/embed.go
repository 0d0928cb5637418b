package roles

import (
	"bytes"
	_ "embed"
	"sync"
)

// modelFile is the shipped role model, trained by internal/tools/trainroles
// on narrative-dev with DefaultTrainOptions (make train-roles).
//
//go:embed model/roles.tsv.gz
var modelFile []byte

var (
	modelOnce sync.Once
	model     *Model
	modelErr  error
)

// DefaultModel returns the embedded role model, decoded once per process
// and shared read-only.
func DefaultModel() (*Model, error) {
	modelOnce.Do(func() { model, modelErr = ReadModel(bytes.NewReader(modelFile)) })
	return model, modelErr
}
