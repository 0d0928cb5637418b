package pipeline

// ReportConfig configures report output.
type ReportConfig struct {
	// TopEntities is how many entities per outlet the tables and charts show
	// (default 10).
	TopEntities int `yaml:"top_entities" json:"top_entities,omitempty"`
	// TrendPeriod is the bucket of the trend tables and charts: "day",
	// "week", or "" to choose by the span of article dates (weeks when it
	// exceeds 60 days).
	TrendPeriod string `yaml:"trend_period" json:"trend_period,omitempty"`
	// MaxRows is how many rows of each table report.html and report.pdf
	// show (default 200); the CSV and JSON tables always have every row.
	MaxRows int `yaml:"max_rows" json:"max_rows,omitempty"`
	// PNGDPI is the resolution of the PNG charts (default 150, from
	// MinPNGDPI to MaxPNGDPI; ParseConfig rejects other values); the SVG
	// and PDF charts are vector graphics.
	PNGDPI int `yaml:"png_dpi" json:"png_dpi,omitempty"`
	// MinUnits is the smallest number of units an outlet needs to be
	// compared with others (default 3): outlets with fewer are marked
	// "small" in the overview, drawn apart in the charts and never ranked
	// in the highlights.
	MinUnits int `yaml:"min_units" json:"min_units,omitempty"`
	// Syndicated is how the aggregate tables count a story several
	// outlets carry (syndication.csv): "per_outlet" (or "", the default)
	// counts every unit for its own outlet; "once" counts the story once,
	// at its earliest outlet, leaving the other outlets' copies out of the
	// aggregates (the per-unit files still list them).
	Syndicated string `yaml:"syndicated" json:"syndicated,omitempty"`
}

// The values of report.syndicated.
const (
	SyndicatedPerOutlet = "per_outlet"
	SyndicatedOnce      = "once"
)

// The PNG chart resolutions report.png_dpi accepts, and its default.
const (
	MinPNGDPI     = 72
	MaxPNGDPI     = 600
	DefaultPNGDPI = 150
)
