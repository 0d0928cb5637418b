package pipeline

// IngestConfig configures input reading.
type IngestConfig struct {
	// MaxFileBytes skips files larger than this (default 20 MiB).
	MaxFileBytes int64 `yaml:"max_file_bytes" json:"max_file_bytes"`
}
