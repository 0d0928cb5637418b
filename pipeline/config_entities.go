package pipeline

// EntityConfig configures entity canonicalisation.
type EntityConfig struct {
	// Aliases maps a surface form to its canonical entity ("DPRK": "North Korea").
	Aliases map[string]string `yaml:"aliases" json:"aliases,omitempty"`
	// Actors maps a canonical entity to the state actor it stands for
	// ("Vladimir Putin": "Russia").
	Actors map[string]string `yaml:"actors" json:"actors,omitempty"`
	// RulesOff names post-processing rules of the entities stage to switch
	// off (entities.Rules lists them). It exists for the evaluation tool,
	// which measures what each rule is worth, and is never read from a
	// configuration file.
	RulesOff []string `yaml:"-" json:"-"`
}
