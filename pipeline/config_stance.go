package pipeline

// StanceConfig configures stance targets.
type StanceConfig struct {
	// Targets lists stance targets; empty means every state actor found.
	Targets []Target `yaml:"targets" json:"targets,omitempty"`
}

// Target is one stance target.
type Target struct {
	Name     string   `yaml:"name" json:"name"`
	Aliases  []string `yaml:"aliases" json:"aliases,omitempty"`
	Entities []string `yaml:"entities" json:"entities,omitempty"`
	Actors   []string `yaml:"actors" json:"actors,omitempty"`
}
