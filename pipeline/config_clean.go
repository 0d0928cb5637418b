package pipeline

// CleanConfig configures the cleaning stage.
type CleanConfig struct {
	// Furniture adds regular expressions (Go RE2 syntax); a line that, with
	// surrounding spaces trimmed, matches one in full is removed as site
	// furniture. Patterns are case-sensitive unless they start with (?i).
	Furniture []string `yaml:"furniture" json:"furniture,omitempty"`
}
