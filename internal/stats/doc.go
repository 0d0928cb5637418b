// Package stats holds the statistics behind framewatch's aggregate tables:
// the percentile bootstrap interval of a mean (with its normal
// approximation for large samples), the normal interval of unit-level
// stance, the stance label an interval supports, and Fightin' Words
// (Monroe, Colaresi and Quinn 2008) for distinctive terms.
//
// It is the one copy: reports computes every interval and term score with
// it, and evaluation tools call the same functions, so a figure in a table
// and a figure in `make eval` cannot drift apart. It imports nothing from
// the module.
//
// Conventions settled here (see TestConventions):
//   - a sample of one has the degenerate interval [x, x]; Label, which is
//     given the sample size, answers "unclear" below MinLabelScores, so the
//     interval never has to be widened to [-1, 1] to say so;
//   - resampling draws from PCG(seed, seed^0x9e3779b97f4a7c15), so two
//     seeds give two streams;
//   - the Fightin' Words prior weighs FightinAlpha0 = 1000 words.
package stats
