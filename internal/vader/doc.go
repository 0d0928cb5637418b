// Package vader scores sentence sentiment with VADER (Hutto and Gilbert,
// 2014), returning exactly the scores of github.com/jonreiter/govader,
// bit for bit, several times faster.
//
// It is a fork of govader's scoring algorithm (MIT licence, see LICENSE in
// this folder; copyright (c) 2020 jr). The lexicon, emoji descriptions,
// negations, boosters and idioms are read from govader itself when the
// analyzer is built, so the data stays govader's. What changed is the
// work per sentence: govader splits, lower-cases, strips and looks up
// every word several times (regular expressions, slices of strings,
// string concatenation for idioms); this package looks each token up once
// in one table and keeps its per-sentence scratch in a pool.
//
// An Analyzer is read-only after New and safe for concurrent use.
package vader
