// Package frames is framewatch's "frames" stage: the share of each unit's
// framing cues that falls to each of the 15 frame dimensions of the Media
// Frames Corpus codebook (Boydstun et al. 2014).
//
// Frame ids (IDs, in codebook order): economic, capacity_resources,
// morality, fairness_equality, legality, policy, crime_punishment,
// security_defense, health_safety, quality_of_life, cultural_identity,
// public_opinion, political, external_regulation, other.
//
// Each frame has a cue lexicon of 50 or more words and phrases; a word
// ending in "*" matches by prefix ("econom*" matches "economy",
// "economic"), phrases match consecutive words not split by punctuation.
// At each word the longest matching cue wins and consumes its words; a cue
// listed under several frames counts for each. A unit's score for a frame
// is its share of all matches, so the 15 scores sum to 1 (up to rounding
// to six decimals), or are all 0 when no cue matches. pipeline.FrameConfig
// Cues add cues per frame, keyed by id or codebook name.
//
// Cue counting is a transparent, dictionary-based proxy for framing; it
// measures vocabulary, not the primary frame a human coder would assign.
package frames
