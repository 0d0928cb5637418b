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

// Unit-label thresholds on a unit's evidence, the sum of its mention
// scores for one target and voice (see UnitLabel), chosen on basil-dev's
// article-level judgements (165 articles, 338 article × main-entity
// feelings; internal/tools/evalstance -items lists them).
const (
	// UnitAgainstAtMost: evidence at or below it is against.
	UnitAgainstAtMost = -2.0
	// UnitFavourAtLeast: evidence at or above it is favourable.
	UnitFavourAtLeast = 2.5
)

// UnitLabel names a unit's stance toward a target from all its mention
// scores: their sum, the unit's evidence, is against at or below
// UnitAgainstAtMost, favourable at or above UnitFavourAtLeast, and neutral
// in between, so that a unit with few mentions still carries a label, and
// many mildly negative mentions (news is negative by default: the mentions
// of articles humans judged neutral average -0.12) add up to a judgement
// only when they are many or strong. With no scores, or a score that is
// not a number, it is unclear.
func UnitLabel(scores []float64) string {
	if len(scores) == 0 {
		return LabelUnclear
	}
	var sum float64
	for _, s := range scores {
		sum += s
	}
	switch {
	case !(sum == sum): // NaN
		return LabelUnclear
	case sum <= UnitAgainstAtMost:
		return LabelAgainst
	case sum >= UnitFavourAtLeast:
		return LabelFavourable
	}
	return LabelNeutral
}
