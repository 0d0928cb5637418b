// Package lang is framewatch's "lang" stage: it identifies the language of
// every unit, so that text in a language framewatch does not analyse (its
// models and lexicons are English) is not read by the English analyses.
//
// Identification is whatlanggo's (a trigram model of 84 languages, derived
// from franc), already linked in through go-trafilatura, on a bounded
// prefix of the unit (PrefixBytes), so that its cost per unit is bounded
// whatever the unit's length. Three rules guard English text from being
// dropped on weak evidence: Latin-script text of fewer than MinWords words
// is "und" (undetermined) and analysed, Latin-script text that is mostly
// names and numbers (a results table: fewer than MinProseShare lower-case
// words) is never skipped, and text in a non-Latin script is
// identified by the script first, so short Russian or Ukrainian text is
// never taken for English.
//
// A unit whose language is not in the configured list (languages:, default
// [en]) gets Unit.Skip = "language de (not analysed)"; the later stages leave
// it alone. A document none of whose units is analysed is skipped with that
// reason. Units are never removed: the reports count them per outlet and
// language.
package lang
