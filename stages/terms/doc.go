// Package terms is framewatch's "terms" stage, which counts the content
// terms of each unit. Each outlet's distinctive terms are found from these
// counts by the reports package (Fightin' Words, internal/stats).
//
// Terms are lower-cased words (inner apostrophes and hyphens kept, a
// possessive "'s" dropped) that are not stopwords, numbers or single
// letters, plus bigrams of two adjacent such words not separated by
// punctuation. Unit term lists are sorted by term.
package terms
