package transforms

import "github.com/framewatch/framewatch/pipeline"

// Options are what every worker needs to know of a run. DoFns carry them
// as exported fields, which the SDK serialises to the workers.
type Options struct {
	// Config is the YAML configuration file's content (empty: defaults).
	Config []byte
	// ReportDate overrides the configuration's report_date when set.
	ReportDate string
	// Exclude lists folders left out of the walk (the output folder).
	Exclude []string
}

// config parses o's configuration as the CLI does: the file over the
// defaults, then --report-date.
func (o Options) config() (pipeline.Config, error) {
	cfg := pipeline.DefaultConfig()
	if len(o.Config) > 0 {
		var err error
		if cfg, err = pipeline.ParseConfig(o.Config); err != nil {
			return cfg, err
		}
	}
	if o.ReportDate != "" {
		cfg.ReportDate = o.ReportDate
	}
	return cfg, nil
}
