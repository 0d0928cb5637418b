// Package outdir writes each run's report into its own dated folder and
// publishes it atomically, so that a reader (a person, a web server, a
// script) always finds a complete report.
//
// # Layout
//
// Under the output root:
//
//	runs/2026-11-25T023000Z/      one folder per committed run (RunID)
//	runs/2026-11-25T023000Z-2/    a second run in the same second
//	runs/.tmp-<pid>-<random>/     the run being written (Begin)
//	latest -> runs/2026-11-25T023000Z    relative symlink to the newest run
//
// A run writes into the folder Begin returns. Commit fsyncs it, renames it
// to runs/<RunID> and then repoints latest by renaming a new symlink over the
// old one; rename(2) is atomic, so latest always names a complete run, the
// old one or the new one. Abort removes the folder of a failed or
// interrupted run; the previous report is untouched. The next Begin removes
// temporary folders left by runs that were killed (their process is gone).
//
// Commit keeps the newest keep runs (framewatch's --keep) and never deletes
// the run latest points to. Folder names sort by time, so the newest run is
// the last name.
//
// Errors name the path and say in words when the disk is full, the file
// system read-only or the folder not writable.
package outdir
