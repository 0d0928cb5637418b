// Package entities is framewatch's "entities" stage: it finds named-entity
// mentions in every unit, types them (PERSON, ORG, GPE, LOC, NORP, MISC,
// OUTLET), gives each a canonical entity name and, where it stands for a
// state, an actor.
//
// Mentions come from the perceptron labeller in package ner (trained on
// CoNLL-2003, embedded from model/ner.bin.gz) and are then corrected for
// news text: no mention crosses a line break or runs from a name into an
// all-capitals dateline, a trailing period or possessive is dropped,
// leading titles ("Russian President") are stripped from people, names
// from the outlet registry are OUTLET whatever the model said (one-word
// names that are also ordinary words, such as "Time", only where the model
// saw an organisation), organisation names cut at "for"/"of" are joined
// ("Center for a New American Security"), credit lines ("Editing by") and
// title-case headlines do not produce people, and shipped leaders and
// countries fill gaps the model leaves. Modern wire forms are handled as
// kinds (news.go): names with particles ("van der", "bin", "al-"), titles
// inside a longer name, holidays. Every rule can be switched off by name
// (Rules, pipeline.EntityConfig.RulesOff) so that the evaluation tool can
// measure what it is worth on the product.
//
// The model's CoNLL types map onto framewatch's: PER = PERSON; ORG = ORG,
// or OUTLET for registry outlets; LOC = GPE (countries, cities, states), or
// LOC for continents, seas, rivers and other geographic features; MISC =
// NORP for nationalities, religious and political groups, else MISC.
//
// Canonical names: case, hyphen, dot and spacing variants share a key
// (Key); the alias table (shipped data/aliases.txt, the gazetteers' second
// columns and EntityConfig.Aliases) maps keys to canonical names; a bare
// surname links to the most recent full name with that surname earlier in
// the same document (family name first for Korean and Chinese names), or to
// a unique shipped leader; different full names are never merged. Actors:
// countries stand for themselves, capitals and seats of power
// (data/seats.txt) and demonyms for their country, people in
// data/leaders.txt and EntityConfig.Actors for theirs, and officials
// described in office ("French foreign ministry spokeswoman X", "X,
// chairman of the State Duma committee") for the state named beside them;
// analysts and academics get no actor.
//
// A Recognizer is built once and is safe for concurrent use.
package entities
