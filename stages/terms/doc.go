// Package terms is framewatch's "terms" stage, which counts the content
// terms of each unit, and FightinWords, which finds each group's (outlet's)
// distinctive terms by the log-odds ratio with an informative Dirichlet
// prior (Monroe, Colaresi & Quinn 2008).
//
// Terms are lower-cased words (inner apostrophes and hyphens kept, a
// possessive "'s" dropped) that are not stopwords, numbers or single
// letters, plus bigrams of two adjacent such words not separated by
// punctuation. Unit term lists are sorted by term.
package terms
