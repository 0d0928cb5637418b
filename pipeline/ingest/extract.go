package ingest

import (
	"errors"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
)

// ExtractHTML returns the main text and the page metadata that ingest reads
// from an HTML page, decoding a legacy charset first as ingest does. A page
// ingest would skip (binary, invalid UTF-8, no main text) is an error. It
// lets a collector (internal/feeds) keep only pages that a run will read,
// and deduplicate them by the text a run will analyse (see Hash). It is
// safe for concurrent use.
func ExtractHTML(page []byte) (text string, meta pipeline.Meta, err error) {
	t, skip, fail := decodeText(htmlToUTF8(page))
	switch {
	case skip != "":
		return "", meta, errors.New("ingest: " + skip)
	case fail != "":
		return "", meta, errors.New("ingest: " + fail)
	}
	h, err := extractHTML([]byte(t))
	if err != nil {
		return "", meta, errors.New("ingest: no main text found in html: " + err.Error())
	}
	if strings.TrimSpace(h.Text) == "" {
		return "", meta, errors.New("ingest: no main text found in html")
	}
	return h.Text, h.Meta, nil
}
