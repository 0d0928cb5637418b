package pipeline

// ReportConfig configures report output.
type ReportConfig struct {
	// TopEntities is how many entities per outlet the tables and charts show
	// (default 10).
	TopEntities int `yaml:"top_entities" json:"top_entities,omitempty"`
}
