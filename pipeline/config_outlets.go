package pipeline

// OutletConfig extends the shipped outlet registry.
type OutletConfig struct {
	// Registry adds outlets. An entry whose name or alias matches a shipped
	// outlet renames it and adds its aliases; its country wins.
	Registry []OutletEntry `yaml:"registry" json:"registry,omitempty"`
}

// OutletEntry is one outlet: its canonical name, aliases and home country
// (ISO 3166-1 alpha-2).
type OutletEntry struct {
	Name    string   `yaml:"name" json:"name"`
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	Country string   `yaml:"country" json:"country,omitempty"`
	Kind    string   `yaml:"kind" json:"kind,omitempty"`
}
