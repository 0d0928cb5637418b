package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/framewatch/framewatch/internal/analysis"
)

// Exit codes, documented in README.md.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitPartial = 3
	exitLocked  = 4
)

// version is the tool version; release builds may override it with
// -ldflags "-X main.version=...".
var version = "0.1.0"

// errUsage marks command-line mistakes (exit code 2).
var errUsage = errors.New("usage")

// errPartial is returned when the run finished but some documents failed
// (exit code 3).
var errPartial = errors.New("some documents failed")

// errLocked is returned when another run holds the workspace (exit code 4).
var errLocked = errors.New("workspace locked")

// memoryLimit is the default soft memory limit (see runtime/debug): the
// garbage collector works harder near it instead of letting the heap double,
// which keeps a large corpus under a few hundred megabytes. GOMEMLIMIT
// overrides it.
const memoryLimit = 256 << 20

// gcPercent is the default GOGC. The heap is mostly the models (about 100
// MB live); with the default 100 the collector ran about 60 times over
// 10,000 documents. At 300 it runs a third as often, for 4-6% less CPU,
// and the memory limit above still caps the heap, so peak RSS is the same.
// GOGC overrides it.
const gcPercent = 300

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "framewatch:", err)
	}
	os.Exit(exitCode(err))
}

func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errLocked):
		return exitLocked
	case errors.Is(err, errPartial):
		return exitPartial
	default:
		return exitError
	}
}

const usageText = `framewatch compares how news outlets cover one story.

Usage:
  framewatch run [flags] PATH...   analyse a corpus and write a report
  framewatch fetch --feeds FILE --into DIR
                                   save the new articles of news feeds
  framewatch version               print the version
  framewatch <command> -h          help for a command

PATH is a file, a folder read recursively, or "-" for JSON Lines on stdin.

Exit codes: 0 ok, 1 run error, 2 usage, 3 some documents failed, 4 locked.
`

// run is the whole program, minus process exit, so that tests can drive it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText)
		return fmt.Errorf("%w: no command", errUsage)
	}
	switch args[0] {
	case "run":
		return runCommand(ctx, args[1:], stdin, stdout, stderr)
	case "fetch":
		return fetchCommand(ctx, args[1:], stdout, stderr)
	case "version":
		return versionCommand(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usageText)
		return nil
	default:
		fmt.Fprint(stderr, usageText)
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
}

func versionCommand(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", stderr, "framewatch version\n\nPrints the tool version and the analysis version that keys cached results.\n")
	if err := fs.Parse(args); err != nil {
		return flagErr(err)
	}
	fmt.Fprintf(stdout, "framewatch %s (analysis %s)\n", version, analysisVersion())
	return nil
}

// analysisVersion keys cached per-document results: a new tool version or
// a different build of the code (models and lexicons are embedded)
// invalidates them.
func analysisVersion() string { return analysis.Version(version) }
