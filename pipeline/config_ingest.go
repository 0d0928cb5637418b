package pipeline

// IngestConfig configures input reading.
type IngestConfig struct {
	// MaxFileBytes skips files larger than this (default 20 MiB). It also
	// bounds one JSON Lines line, on standard input too, so that memory
	// stays bounded whatever the input.
	MaxFileBytes int64 `yaml:"max_file_bytes" json:"max_file_bytes"`
}
