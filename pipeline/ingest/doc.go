// Package ingest reads framewatch's input corpus: plain text, Markdown, HTML,
// JSON Lines and CSV files, folders of them, and JSON Lines on standard
// input. It implements pipeline.Source.
//
// A Source emits documents one file at a time in a deterministic order: the
// PATH arguments in the order given, and inside a folder every file in
// lexical order of its slash-separated path relative to that folder. Hidden
// files and folders (names starting with ".") and manifest.csv sidecars are
// not documents. Nothing is dropped silently: a file or record that cannot be
// used is emitted with Status skipped or failed and a Reason, and exact
// duplicates (same text after Unicode NFC and whitespace folding) are emitted
// with Status duplicate.
//
// Text is UTF-8, with or without a byte order mark (removed); files that
// start with a UTF-16 byte order mark are converted. HTML that is not valid
// UTF-8 is decoded as its <meta> charset says (windows-1252 when silent), as
// browsers do. Anything else that is not valid UTF-8 fails.
//
// Control characters that are not white space, and ANSI escape sequences,
// are written over with spaces in the text (its length is kept, so offsets
// hold) and removed from metadata, with a note on the document; a file that
// is mostly control characters is binary and skipped.
//
// Memory is bounded by the largest file (at most IngestConfig.MaxFileBytes)
// plus one hash and one ID per document; JSON Lines and CSV files are
// streamed record by record.
//
// A caller with state (the CLI's workspace) can spare re-reading: Known is
// asked about each text, Markdown or HTML file before it is read, and
// KnownExport about each JSON Lines or CSV file (whose documents ReadExport
// was told when it was last read). A file they say is unchanged is not
// opened: its documents are emitted again, those with text as unread
// documents (Doc.Unread, with the stored Hash, which still counts for
// duplicates), to be restored from the caller's store or read with Load.
// An export is replayed only when that gives every record its old ID and
// duplicate status.
//
// HTML main text and metadata come from go-trafilatura with fixed options:
// no network access, no fallback extractors, and publication dates accepted
// between 1990 and 2100 so that the result does not depend on the clock.
package ingest
