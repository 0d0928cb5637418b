package reports

import "github.com/framewatch/framewatch/internal/stats"

// The statistics of the aggregate tables are internal/stats's, the one
// copy that evaluation tools also call.

// Stance labels, as unit_stance.csv and stance.csv write them.
const (
	LabelFavourable = stats.LabelFavourable
	LabelAgainst    = stats.LabelAgainst
	LabelNeutral    = stats.LabelNeutral
	LabelUnclear    = stats.LabelUnclear
)

// UnitStance is the own-unit aggregate of unit_stance.csv: the mean of a
// unit's mention scores for one target and voice, its normal interval and
// its label from all the unit's evidence (stats.UnitLabel). Evaluation
// tools call it so that they score what a run writes.
func UnitStance(scores []float64) (mean, low, high float64, lbl string) {
	mean, low, high = stats.NormalInterval(scores)
	return mean, low, high, stats.UnitLabel(scores)
}
