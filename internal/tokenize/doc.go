// Package tokenize splits a line of text into tokens exactly as prose v3's
// tokenize.Tokenizer with its default options does (same token texts, same
// byte offsets), several times faster.
//
// prose tests every whitespace-delimited span, and again after every prefix
// or suffix it peels off, against an emoticon map and an anchored regular
// expression for abbreviations ("U.S.", "Jan."), and searches each span once
// per contraction ending. Those tests were most of the text stage's time.
// This package runs the same algorithm with the regular expression replaced
// by a byte scanner that accepts the same language, the emoticon lookup
// guarded by a length and first-byte filter, the contraction search done in
// one pass, and the prefix and suffix lists replaced by switches on one byte.
// TestSameAsProse checks the output against prose on the fixtures corpus and
// on generated tricky strings.
//
// The code is a fork of prose v3.2.3's tokenize/tokenize.go and
// internal/emoticon (MIT licence, Copyright (c) 2017-2026 Joseph Kato). Their
// licence notice is in the LICENSE file of this directory, as the licence
// requires.
//
// A Tokenizer has no state; it is safe for concurrent use.
package tokenize
