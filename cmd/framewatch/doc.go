// Command framewatch compares how news outlets cover one story.
//
// Usage:
//
//	framewatch run [flags] PATH...
//	framewatch fetch --feeds FILE --into DIR
//	framewatch version
//
// PATH is a file, a folder read recursively, or "-" for JSON Lines on
// standard input. See README.md for flags, outputs and exit codes.
//
// Exit codes: 0 success; 1 run error (including an interrupted run); 2
// usage error; 3 finished but some documents failed; 4 the workspace is
// locked by another run.
package main
