package stance

import (
	"bytes"
	_ "embed"
	"sync"
)

// modelFile is the shipped model, trained by internal/tools/trainstance
// on NewsMTSC train.jsonl with DefaultTrainOptions.
//
//go:embed model/stance.tsv.gz
var modelFile []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// DefaultModel returns the embedded model, decoded once per process.
func DefaultModel() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = ReadModel(bytes.NewReader(modelFile)) })
	return defaultModel, defaultErr
}

// VADERBaseline labels an instance by the VADER compound score of its whole
// sentence (>= 0.05 positive, <= -0.05 negative, else neutral), ignoring
// the target: the baseline the model is compared with.
func VADERBaseline(in Instance) (string, float64) {
	c := sharedLexicon().compound(in.Sentence)
	switch {
	case c >= 0.05:
		return "positive", c
	case c <= -0.05:
		return "negative", c
	}
	return "neutral", c
}
