package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// measureBeam runs framewatch-beam (beamBin) on Prism over corpus with
// GOMAXPROCS 1 and 2, each after a fresh framewatch run with as many
// workers and processors, and prints the Beam run's throughput and its
// ratio to the CLI's (wall-clock time of the whole command, start-up and
// report included, for both). The lines for 2 processors are printed a
// second time without the count, as "bench beam tokens_per_s" and "bench
// beam ratio_to_cli".
func measureBeam(ctx context.Context, p printer, tmp, bin, beamBin, corpus string) error {
	var rate, ratio float64
	for _, n := range []int{1, 2} {
		dir := filepath.Join(tmp, "beam-"+strconv.Itoa(n))
		cli, err := runFramewatch(ctx, bin, corpus, filepath.Join(dir, "cli"), filepath.Join(dir, "state"), n, n)
		if err != nil {
			return err
		}
		words, err := unitWords(cli.unitsCSV)
		if err != nil {
			return err
		}
		tokens := sumWords(words)
		wall, err := runBeam(ctx, beamBin, corpus, filepath.Join(dir, "beam"), n)
		os.RemoveAll(dir)
		if err != nil {
			return err
		}
		what := "beam_" + strconv.Itoa(n)
		rate = float64(tokens) / wall.Seconds()
		ratio = cli.Wall.Seconds() / wall.Seconds()
		p.float(what, "wall_s", wall.Seconds(), 3)
		p.float(what, "cli_wall_s", cli.Wall.Seconds(), 3)
		p.float(what, "tokens_per_s", rate, 0)
		p.float(what, "ratio_to_cli", ratio, 3)
	}
	p.float("beam", "tokens_per_s", rate, 0)
	p.float("beam", "ratio_to_cli", ratio, 3)
	return nil
}

// runBeam runs "framewatch-beam run --runner prism" over corpus with
// GOMAXPROCS=procs and returns its wall-clock time.
func runBeam(ctx context.Context, beamBin, corpus, out string, procs int) (time.Duration, error) {
	cmd := exec.CommandContext(ctx, beamBin, "run", "--runner", "prism", "--out", out, "--report-date", "2024-06-20", corpus)
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 3) {
		return 0, fmt.Errorf("framewatch-beam: %w\n%s", err, tail(stderr.String(), 2000))
	}
	return wall, nil
}
