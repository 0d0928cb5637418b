package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"go.yaml.in/yaml/v3"
)

// Config is framewatch's configuration, read from the YAML file given with
// --config. Every field is optional; zero values take the documented
// defaults. Each stage reads only its own section. Sections are defined in
// config_<area>.go files.
type Config struct {
	// Title heads the report.
	Title string `yaml:"title" json:"title"`
	// ReportDate (ISO 8601) is the date printed in reports and used as the
	// PDF creation date, so that outputs are reproducible; "" prints no
	// date.
	ReportDate string `yaml:"report_date" json:"report_date"`
	// Languages lists the ISO 639-1 codes of the languages analysed
	// (default [en], see config_lang.go).
	Languages []string `yaml:"languages" json:"languages,omitempty"`

	Ingest   IngestConfig `yaml:"ingest" json:"ingest"`
	Clean    CleanConfig  `yaml:"clean" json:"clean"`
	Outlets  OutletConfig `yaml:"outlets" json:"outlets"`
	Entities EntityConfig `yaml:"entities" json:"entities"`
	Figures  FigureConfig `yaml:"figures" json:"figures"`
	Stance   StanceConfig `yaml:"stance" json:"stance"`
	Frames   FrameConfig  `yaml:"frames" json:"frames"`
	Report   ReportConfig `yaml:"report" json:"report"`
	Feeds    FeedsConfig  `yaml:"feeds" json:"-"`
}

// DefaultConfig returns the configuration used when no file is given.
func DefaultConfig() Config {
	return Config{
		Title:  "framewatch report",
		Ingest: IngestConfig{MaxFileBytes: 20 << 20},
	}
}

// LoadConfig reads a YAML configuration file over the defaults. Unknown keys
// are an error, so that a misspelt option is not silently ignored.
func LoadConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	if path == "" {
		return cfg, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return cfg, fmt.Errorf("pipeline: config: %w", err)
	}
	return ParseConfig(b)
}

// ParseConfig parses YAML configuration over the defaults.
func ParseConfig(b []byte) (Config, error) {
	cfg := DefaultConfig()
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		return cfg, fmt.Errorf("pipeline: config: %w", err)
	}
	if d := cfg.Report.PNGDPI; d != 0 && (d < MinPNGDPI || d > MaxPNGDPI) {
		return cfg, fmt.Errorf("pipeline: config: report.png_dpi %d is out of range: %d to %d (0 or absent: %d)", d, MinPNGDPI, MaxPNGDPI, DefaultPNGDPI)
	}
	switch cfg.Report.Syndicated {
	case "", SyndicatedPerOutlet, SyndicatedOnce:
	default:
		return cfg, fmt.Errorf("pipeline: config: report.syndicated %q is not %q or %q", cfg.Report.Syndicated, SyndicatedPerOutlet, SyndicatedOnce)
	}
	if (cfg.Feeds.File == "") != (cfg.Feeds.Into == "") {
		return cfg, fmt.Errorf("pipeline: config: feeds needs both file and into")
	}
	if cfg.Ingest.MaxTextBytes < 0 {
		return cfg, fmt.Errorf("pipeline: config: ingest.max_text_bytes %d must not be negative (0 or absent: %d)", cfg.Ingest.MaxTextBytes, DefaultMaxTextBytes)
	}
	if cfg.Ingest.MaxHTMLBytes < 0 {
		return cfg, fmt.Errorf("pipeline: config: ingest.max_html_bytes %d must not be negative (0 or absent: %d)", cfg.Ingest.MaxHTMLBytes, DefaultMaxHTMLBytes)
	}
	if cfg.Ingest.MaxFileBytes <= 0 {
		cfg.Ingest.MaxFileBytes = DefaultConfig().Ingest.MaxFileBytes
	}
	return cfg, nil
}

// Hash is a stable digest of the configuration; analyses cached under one
// hash are redone when it changes.
func (c Config) Hash() string {
	b, err := json.Marshal(c)
	if err != nil {
		panic(err) // Config holds only marshalable fields.
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}
