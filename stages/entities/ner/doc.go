// Package ner is framewatch's named-entity labeller: a greedy averaged
// perceptron over BIO labels for the CoNLL-2003 types PER, ORG, LOC and MISC,
// with word, shape, affix, part-of-speech, context, gazetteer and
// document-memory features.
//
// Features are hashed to 64-bit keys, so the model file holds no strings and
// labelling allocates only per document, not per token. The model is
// trained by cmd trainner (make train-ner) from CoNLL-2003 eng.train and
// tuned on eng.testa; the result is committed and embedded by the entities
// stage. A Model is immutable after loading and safe for concurrent use.
//
// The gazetteers (countries, cities, regions, demonyms, organisations,
// outlets, given names, titles) are committed text files written for
// framewatch; List exposes them to the entities stage, which uses them for
// types, canonical names and actors too.
package ner
