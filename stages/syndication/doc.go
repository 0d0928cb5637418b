// Package syndication is the "syndication" stage: it gives every analysed
// unit the MinHash sketch of its text (internal/syndication), stored with
// the analysis, so that the reports can find wire copy that several
// outlets republished without the texts of earlier runs.
package syndication
