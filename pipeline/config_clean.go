package pipeline

// CleanConfig configures the cleaning stage.
type CleanConfig struct {
	// Furniture adds regular expressions; a line matching one (in full) is
	// removed as site furniture.
	Furniture []string `yaml:"furniture" json:"furniture,omitempty"`
}
