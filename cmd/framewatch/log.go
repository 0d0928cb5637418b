package main

import (
	"flag"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

var flagErrHelp = flag.ErrHelp

// isTerminal reports whether w is an interactive terminal. Under cron it
// is not, and framewatch stays quiet unless something needs attention.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newLogger(w io.Writer, o *runOptions, term bool) *slog.Logger {
	level := slog.LevelWarn
	if term {
		level = slog.LevelInfo
	}
	switch strings.ToLower(o.logLevel) {
	case "debug":
		level = slog.LevelDebug
	case "info":
		level = slog.LevelInfo
	case "warn", "warning":
		level = slog.LevelWarn
	case "error":
		level = slog.LevelError
	}
	opts := &slog.HandlerOptions{Level: level}
	if o.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// progress draws a bar with rate and ETA-free counting (the corpus size is
// not known up front) only on a terminal, or when asked.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(w io.Writer, mode string, term bool) *progress {
	if mode == "never" || (mode == "auto" && !term) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("analysing"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) update(done int) {
	if p.bar != nil {
		p.bar.Set(done)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
