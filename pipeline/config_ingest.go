package pipeline

// IngestConfig configures input reading.
type IngestConfig struct {
	// MaxFileBytes skips files larger than this (default 20 MiB). It also
	// bounds one JSON Lines line, on standard input too, so that memory
	// stays bounded whatever the input.
	MaxFileBytes int64 `yaml:"max_file_bytes" json:"max_file_bytes"`
	// MaxTextBytes cuts a document's text to about this many bytes (0:
	// DefaultMaxTextBytes), at a paragraph break where one is near, with a
	// note: every stage's memory and time grow with a document's text, and
	// one 20 MB document would otherwise need several times the memory of
	// a whole corpus. Absent from the configuration digest when 0, so that
	// default configurations keep their cached analyses.
	MaxTextBytes int64 `yaml:"max_text_bytes" json:"max_text_bytes,omitempty"`
	// MaxHTMLBytes cuts an HTML page to about this many bytes (0:
	// DefaultMaxHTMLBytes) before its main text is extracted, with a
	// note: extraction time grows faster than the page.
	MaxHTMLBytes int64 `yaml:"max_html_bytes" json:"max_html_bytes,omitempty"`
}

// DefaultMaxHTMLBytes is the page limit when IngestConfig.MaxHTMLBytes
// is 0: 2 MiB, more than nearly any news page with its scripts.
const DefaultMaxHTMLBytes = 2 << 20

// DefaultMaxTextBytes is the text limit of a document when
// IngestConfig.MaxTextBytes is 0: 1 MiB, about 170,000 words, far more
// than any news article or press review.
const DefaultMaxTextBytes = 1 << 20
