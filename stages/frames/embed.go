package frames

import (
	"bytes"
	_ "embed"
	"sync"
)

// newsModelFile is the shipped news-frame model, trained by
// internal/tools/trainframes on narrative-dev with
// DefaultNewsTrainOptions (make train-frames).
//
//go:embed model/news.tsv.gz
var newsModelFile []byte

var (
	newsOnce  sync.Once
	newsModel *NewsModel
	newsErr   error
)

// DefaultNewsModel returns the embedded news-frame model, decoded once per
// process and shared read-only.
func DefaultNewsModel() (*NewsModel, error) {
	newsOnce.Do(func() { newsModel, newsErr = ReadNewsModel(bytes.NewReader(newsModelFile)) })
	return newsModel, newsErr
}
