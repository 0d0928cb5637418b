package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/framewatch/framewatch/pipeline"
)

// cutSearch is how far back from the limit cutText looks for a paragraph
// break, then a line break, then a space, before cutting at a character.
const cutSearch = 64 << 10

// cutText cuts d's text to at most limit bytes when it is longer, at the
// last paragraph break (else line break, else space) within cutSearch
// bytes of the limit, and notes it. The cut text is a copy, so that the
// file's bytes are not kept alive by it. Offsets into the cut text are
// offsets into the original, which it begins.
func cutText(d *pipeline.Doc, limit int64) {
	if limit <= 0 {
		limit = pipeline.DefaultMaxTextBytes
	}
	if int64(len(d.Text)) <= limit {
		return
	}
	n := cutPoint(d.Text, int(limit))
	full := len(d.Text)
	d.Text = strings.Clone(d.Text[:n])
	d.Notes = append(d.Notes, fmt.Sprintf("text cut to its first %d bytes of %d (ingest.max_text_bytes %d): the rest is not analysed", n, full, limit))
}

// cutPoint returns where to cut s to at most limit bytes.
func cutPoint(s string, limit int) int {
	head := s[:limit]
	lo := max(0, limit-cutSearch)
	for _, sep := range []string{"\n\n", "\r\n\r\n", "\n", " "} {
		if i := strings.LastIndex(head[lo:], sep); i >= 0 {
			return lo + i + len(sep)
		}
	}
	// No break near the limit: cut at a character boundary.
	n := limit
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

// cutPage cuts an HTML page longer than limit bytes (0:
// pipeline.DefaultMaxHTMLBytes) before its last tag that starts within
// the limit, and notes it on d: extraction takes time that grows faster
// than the page (a 1 MB page takes about a second, a 4 MB one 50 s, a
// 20 MB one more than five minutes). The parser closes the tags left open.
func cutPage(d *pipeline.Doc, page string, limit int64) string {
	if limit <= 0 {
		limit = pipeline.DefaultMaxHTMLBytes
	}
	if int64(len(page)) <= limit {
		return page
	}
	n := strings.LastIndexByte(page[:limit], '<')
	if n <= 0 {
		n = cutPoint(page, int(limit))
	}
	d.Notes = append(d.Notes, fmt.Sprintf("page cut to its first %d bytes of %d before extraction (ingest.max_html_bytes %d)", n, len(page), limit))
	return strings.Clone(page[:n])
}
