// Package postag tags tokens with Penn Treebank parts of speech using prose
// v3's averaged-perceptron English model (github.com/jdkato/prose/v3/tag),
// giving exactly the tags prose's tag.Tagger gives, faster.
//
// prose stores the model's feature strings in one sorted blob and finds each
// of the 14 features per token by binary search over strings, which was most
// of the text stage's CPU time. This package decodes the same embedded model
// (tag/aptagmodel.English, prose's flat format) once into tables indexed by
// the values the templates combine (a word's entry holds its five word
// features and its previous-tag+word features; tags are numbers, so the
// tag-pair feature is an array index), builds each token's lower-cased
// context word in a reused buffer, and runs prose's feature templates, special
// cases and greedy left-to-right decoding unchanged, accumulating the float32
// scores in the same order so that ties and rounding come out identical.
// TestSameAsProse checks that on the fixtures corpus and on CoNLL-style
// sentences.
//
// The code is a fork of prose v3.2.3's tag/tag.go and internal/flat/model.go
// (its emoticon set is shared with internal/tokenize) (MIT licence, Copyright (c) 2017-2026 Joseph Kato; the
// tagger follows Matthew Honnibal's averaged perceptron, also MIT). Their
// licence notice is in the LICENSE file of this directory, as the licence
// requires.
//
// A Tagger is immutable after New and safe for concurrent use; per-call
// scratch space comes from a sync.Pool.
package postag
