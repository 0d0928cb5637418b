// Package syndication finds near-duplicate stories across outlets: wire
// copy republished with small edits. Each text is reduced to a MinHash
// sketch over its word shingles (Sign); sketches that agree in enough
// slots estimate a high Jaccard similarity of the shingle sets
// (Similarity); locality-sensitive hashing over bands of the sketch finds
// the candidate pairs without comparing every pair, and Clusters links the
// pairs from different outlets whose similarity reaches a threshold.
//
// The Go packages for MinHash and SimHash are unmaintained, so this is a
// small implementation with fixed hash seeds: a sketch is the same on
// every machine and in every run, and can be stored with a document's
// analysis.
package syndication
