package pipeline

// FrameConfig configures frame cue lexicons.
type FrameConfig struct {
	// Cues adds cue words or phrases per frame, keyed by frame id
	// ("security_defense") or codebook name ("Security and defense"). A
	// word ending in "*" matches by prefix; a phrase matches consecutive
	// words. An unknown frame is a configuration error.
	Cues map[string][]string `yaml:"cues" json:"cues,omitempty"`
}
