// Command trainframes trains framewatch's generic news-frame model on the
// narrative-framing development half and writes it where the frames stage
// embeds it:
//
//	go run ./internal/tools/trainframes -narrative ../shared/bench/narrative-dev -out stages/frames/model/news.tsv.gz
//
// The articles go through framewatch's own pipeline (internal/narrative),
// so the model learns from the words and cue shares the frames stage sees.
// Training is deterministic (frames.DefaultNewsTrainOptions).
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/framewatch/framewatch/internal/narrative"
	"github.com/framewatch/framewatch/stages/frames"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("trainframes", flag.ContinueOnError)
	dir := fs.String("narrative", "../shared/bench/narrative-dev", "narrative-framing folder with articles_metadata.tsv")
	out := fs.String("out", "stages/frames/model/news.tsv.gz", "model file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	arts, _, skipped, err := narrative.Read(*dir)
	if err != nil {
		return fmt.Errorf("trainframes: %w", err)
	}
	units, err := narrative.Analyse(context.Background(), arts)
	if err != nil {
		return fmt.Errorf("trainframes: %w", err)
	}
	exs := make([]frames.NewsExample, len(units))
	for i, u := range units {
		exs[i] = u.Example
	}
	m := frames.TrainNews(exs, frames.DefaultNewsTrainOptions())
	var buf bytes.Buffer
	if err := frames.WriteNewsModel(&buf, m); err != nil {
		return fmt.Errorf("trainframes: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("trainframes: %w", err)
	}
	fmt.Fprintf(stdout, "trainframes: %d articles (%d rows skipped), %d words, thresholds %v, wrote %s\n",
		len(units), skipped, len(m.Words), m.Threshold, *out)
	return nil
}
