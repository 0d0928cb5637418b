package pipeline

// FeedsConfig makes "framewatch run" fetch news feeds before it reads its
// input (see internal/feeds and README "Feeds"). It is left out of the
// configuration hash: where documents come from does not change their
// analysis.
type FeedsConfig struct {
	// File is the feeds.yaml to fetch; "" fetches nothing.
	File string `yaml:"file" json:"file,omitempty"`
	// Into is the folder the articles are saved in; the run reads it too.
	Into string `yaml:"into" json:"into,omitempty"`
}
