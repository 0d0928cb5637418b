package stats

// Stance labels.
const (
	LabelFavourable = "favourable"
	LabelAgainst    = "against"
	LabelNeutral    = "neutral"
	LabelUnclear    = "unclear"
)

// Label thresholds.
const (
	// MinLabelScores is the fewest scores an interval needs before it may
	// carry a label other than "unclear".
	MinLabelScores = 3
	// FavourAbove: an interval whose low end is above it is favourable.
	FavourAbove = 0.05
	// AgainstBelow: an interval whose high end is below it is against.
	AgainstBelow = -0.05
	// NeutralBand: an interval inside [-NeutralBand, NeutralBand] that is
	// neither favourable nor against is neutral.
	NeutralBand = 0.15
)

// Label names what an interval over n scores supports. With fewer than
// MinLabelScores scores nothing is supported. An interval entirely above
// +0.05 is favourable, entirely below -0.05 against; one inside
// [-0.15, 0.15] that is neither is neutral; anything else (NaN bounds, or
// low > high, included) is unclear.
func Label(low, high float64, n int) string {
	switch {
	case n < MinLabelScores || !(low <= high):
		return LabelUnclear
	case low > FavourAbove:
		return LabelFavourable
	case high < AgainstBelow:
		return LabelAgainst
	case low >= -NeutralBand && high <= NeutralBand:
		return LabelNeutral
	default:
		return LabelUnclear
	}
}
