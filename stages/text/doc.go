// Package text is framewatch's "text" stage: it splits every unit into
// tokens and sentences and tags each token with its Penn Treebank part of
// speech, using prose v3's tokenizer (as forked by internal/tokenize:
// prose's tokens, faster), prose's Punkt segmenter and prose's perceptron
// tagger model run by internal/postag (prose's tags, faster; without prose's
// entity extraction).
//
// A unit is segmented line by line: cleaning has already joined hard-wrapped
// lines, so every line break left in Doc.Clean separates paragraphs,
// headings, datelines or "Outlet (CC) /" lines, and no sentence or token
// crosses one. Token and sentence offsets are byte offsets into Doc.Text.
package text
