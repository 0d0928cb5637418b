package pipeline

// EntityConfig configures entity canonicalisation.
type EntityConfig struct {
	// Aliases maps a surface form to its canonical entity ("DPRK": "North Korea").
	Aliases map[string]string `yaml:"aliases" json:"aliases,omitempty"`
	// Actors maps a canonical entity to the state actor it stands for
	// ("Vladimir Putin": "Russia").
	Actors map[string]string `yaml:"actors" json:"actors,omitempty"`
}
