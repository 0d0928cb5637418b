// Package stance is framewatch's "stance" stage: target-dependent sentiment
// toward stance targets (countries and state actors), and the aggregation
// helpers reports use.
//
// # Targets
//
// Targets come from pipeline.StanceConfig. A configured target matches an
// entity mention whose canonical Entity is the target's name or one of its
// Entities, or whose Actor is the name or one of its Actors, and any
// case-insensitive whole-word occurrence of its name or Aliases in the
// unit. With no targets configured, every mention the entity stage mapped
// to a state actor (Mention.Actor, e.g. "Moscow", "the Kremlin", "Putin" →
// "Russia") is a mention of the target named by its actor.
//
// # Model
//
// Each mention is classified in its sentence by a multinomial logistic
// regression (Model, L2-regularised, fitted with gonum's L-BFGS) trained on
// NewsMTSC (Hamborg & Donnay 2021) by internal/tools/trainstance and
// embedded. Features:
//
//   - the sentence's words (also distance-damped, crude six-letter stems
//     and bigrams), with a negation scope ("not", "n't", "never", ... mark
//     the next three words);
//   - words in the left and right windows (six and two words), in the
//     target's clause, and after a contrast cue ("but", "however", ...);
//   - valence sums from VADER's lexicon plus a news lexicon (conflict,
//     coercion, cooperation, praise), split left/right of the target,
//     weighted by distance, for its clause, and on the side the target
//     acts on (after it as a subject, before it otherwise);
//   - VADER compound, positive and negative shares of the sentence (read
//     from the text stage's sentence when the tone stage scored it, the
//     same text, so it is not scored twice), and the compound of the
//     target's clause;
//   - the words just before and after the target (its verb when it is the
//     subject, a valenced word right before it when it is the object), a
//     possessive "'s", its position, quotation and attribution cues.
//
// Other targets of the same sentence are masked. Hyper-parameters and
// feature groups were chosen by five-fold cross-validation on the
// training split only.
//
// Score is P(positive) - P(negative) in [-1, 1]; Label is the most
// probable class: negative, neutral or positive.
//
// # Voice
//
// A mention inside quotation marks or in the content of an attributed
// clause ("X said ...", "according to X") has Voice "quoted"; otherwise
// "own". A press-review quote unit is the quoted outlet's own voice, except
// for quotations inside it (see internal/voice).
//
// # Aggregation
//
// The stage scores mentions only. Outlet and unit aggregates (intervals,
// favourable / neutral / against / unclear labels) are the reports
// package's, computed with internal/stats.
package stance
