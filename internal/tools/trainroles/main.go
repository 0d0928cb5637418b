// Command trainroles trains framewatch's actor-role model on the
// narrative-framing development half's role rows and writes it where the
// roles stage embeds it:
//
//	go run ./internal/tools/trainroles -narrative ../shared/bench/narrative-dev -out stages/roles/model/roles.tsv.gz
//
// The articles go through framewatch's own pipeline (internal/narrative),
// so the model learns from the actors and features the roles stage sees;
// each actor's class comes from the role rows matched to it
// (narrative.MatchActor), none when no row matches. Training is
// deterministic (roles.DefaultTrainOptions).
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/framewatch/framewatch/internal/narrative"
	"github.com/framewatch/framewatch/stages/roles"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("trainroles", flag.ContinueOnError)
	dir := fs.String("narrative", "../shared/bench/narrative-dev", "narrative-framing folder")
	out := fs.String("out", "stages/roles/model/roles.tsv.gz", "model file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	arts, rows, _, err := narrative.Read(*dir)
	if err != nil {
		return fmt.Errorf("trainroles: %w", err)
	}
	units, err := narrative.Analyse(context.Background(), arts)
	if err != nil {
		return fmt.Errorf("trainroles: %w", err)
	}
	narrative.LabelActors(units, narrative.RoleRows(rows))
	var exs []roles.Example
	var count [len(roles.Classes)]int
	for _, u := range units {
		for _, ex := range u.RoleExamples {
			exs = append(exs, ex)
			count[ex.Class]++
		}
	}
	m := roles.Train(exs, roles.DefaultTrainOptions())
	var buf bytes.Buffer
	if err := roles.WriteModel(&buf, m); err != nil {
		return fmt.Errorf("trainroles: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("trainroles: %w", err)
	}
	fmt.Fprintf(stdout, "trainroles: %d articles, %d actors (none/hero/villain/victim %v), %d features, wrote %s\n",
		len(units), len(exs), count, len(m.Feats), *out)
	return nil
}
