package pipeline

// FrameConfig configures frame cue lexicons.
type FrameConfig struct {
	// Cues adds cue words or phrases per frame name.
	Cues map[string][]string `yaml:"cues" json:"cues,omitempty"`
}
