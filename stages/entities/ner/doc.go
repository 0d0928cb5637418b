// Package ner is framewatch's named-entity labeller: a greedy averaged
// perceptron over BIO labels for the CoNLL-2003 types PER, ORG, LOC and MISC,
// with word, shape, affix, part-of-speech, context, gazetteer,
// training-dictionary and document-memory features.
//
// The training dictionary lists the entity strings of eng.train by type; it
// is shipped inside the model file. During training each document sees
// only the dictionary built from the other four of five folds
// (jackknifing), so that the model learns how far to trust a dictionary
// hit on a name it has not been trained on.
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
