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
// regression (Model) trained on NewsMTSC (Hamborg & Donnay 2021) by
// internal/tools/trainstance and embedded. Features: distance-damped bag of
// words of the sentence with negation scope ("not", "n't", "never", ... mark
// the next three words), left/right context windows, the target's clause,
// words after a contrast cue ("but", "however", ...), VADER and news-lexicon
// valence sums split left/right of the target and weighted by distance,
// VADER compound scores of the sentence and the target's clause, the words
// around the target (its verb when it is the subject, a valenced word just
// before it when it is the object), quotation cues and the target's
// position. Other targets in the same sentence are masked.
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
// Bootstrap and Label turn per-mention scores into an interval and a
// favourable / neutral / against / unclear label, for reports.
package stance
