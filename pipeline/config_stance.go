package pipeline

// StanceConfig configures stance targets.
type StanceConfig struct {
	// Targets lists stance targets. Empty means every state actor the
	// entity stage found: each mention with a non-empty Mention.Actor is a
	// mention of the target named by its actor ("Moscow", "the Kremlin",
	// "Putin" → "Russia").
	Targets []Target `yaml:"targets" json:"targets,omitempty"`
}

// Target is one stance target. A mention belongs to it when its canonical
// entity is Name or one of Entities, when its actor is Name or one of
// Actors, or when the unit text holds Name or one of Aliases as whole
// words (case-insensitive).
type Target struct {
	Name     string   `yaml:"name" json:"name"`
	Aliases  []string `yaml:"aliases" json:"aliases,omitempty"`
	Entities []string `yaml:"entities" json:"entities,omitempty"`
	Actors   []string `yaml:"actors" json:"actors,omitempty"`
}
