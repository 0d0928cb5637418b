// Package workspace is framewatch's state folder: a lock and an SQLite
// database of per-document analysis results, so that a repeated run analyses
// only new or changed documents and still reports the whole corpus.
//
// # Layout
//
// A workspace is a folder (framewatch's --state, ./.framewatch by default)
// holding:
//
//	lock              the advisory lock file (flock(2)); never deleted
//	lock.info         pid, host and start time of the run holding the lock
//	framewatch.db     the SQLite database (plus -wal and -shm files while open)
//
// # What is cached
//
// Save stores, for each document processed without errors, everything the
// reports need (Meta, Units and their annotations, Removed, Status) as
// compact JSON; the transient text, cleaned text, tokens and sentences are
// not stored. The row is keyed by the document ID and remembers a Key: the
// content hash (see DocKey), the analysis version and the configuration
// hash. Restore succeeds only when all three match, so a changed text, a new
// model or a changed configuration re-analyses the document, and the new
// result replaces the old row. Failed documents are never stored, so they
// are retried by the next run.
//
// Beside the results the database keeps what spares reading input again:
// each input file's size, modification time and sidecar metadata with its
// document's key (files), HTML extractions and the documents each JSON
// Lines or CSV export gave (extracts), and the runs.
//
// # Crash safety
//
// The database runs in WAL mode with synchronous=FULL: a commit is on disk
// when it returns, so even a power cut loses nothing that was committed,
// and a killed process never corrupts the file. Writes are batched: Save
// queues rows and commits them in one transaction every BatchSize documents
// or every FlushInterval, whichever comes first, so the fsync per commit
// costs little. A writer goroutine (started by Open, joined by Close) makes
// the commits, so Save does not wait for the disk: at most one batch is in
// flight and one pending, and both stay readable until committed. Flush,
// RecordRun and Close wait for every earlier Save to be committed. A
// SIGKILL loses at most the uncommitted batches, never leaves
// a partial row, and the next run simply redoes those documents; rows are
// keyed by document ID, so nothing is ever duplicated.
//
// # Locking
//
// Open takes an exclusive flock(2) on DIR/lock. The kernel releases it when
// the holder exits or is killed, so a lock left by a dead process never
// blocks; lock.info only names the holder in the error message. Open fails
// at once with an error wrapping ErrLocked, or polls for Options.Wait.
//
// # Concurrency
//
// All methods are safe for concurrent use: a typical run calls Restore from
// its source goroutine and Save from its sink goroutine. The database has
// one connection, and every method holds a mutex while it uses it.
package workspace
