package pipeline

// FigureConfig configures figure extraction.
type FigureConfig struct {
	// Units adds unit surface forms to the built-in table, mapping a
	// lowercase surface form (one or more words, "sorties") to its
	// normalised unit ("sortie"). Built-in forms cannot be removed.
	Units map[string]string `yaml:"units" json:"units,omitempty"`
	// Dollar is the currency a bare "$" stands for; "" means "USD".
	// Outlets of one country may set it ("CAD" for a Canadian corpus).
	Dollar string `yaml:"dollar" json:"dollar,omitempty"`
}
