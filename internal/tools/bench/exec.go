package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// buildBinary builds cmd/framewatch of the enclosing module into bin.
func buildBinary(ctx context.Context, bin string) error {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(out)))
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/framewatch")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/framewatch: %w\n%s", err, b)
	}
	return nil
}

// stageBusy is one stage's busy time, summed over its workers.
type stageBusy struct {
	Name string
	Busy time.Duration
}

// fwRun is what one framewatch process reported.
type fwRun struct {
	Workers                     int
	Wall                        time.Duration // the whole process
	Startup                     time.Duration // building the stages (models)
	Elapsed                     time.Duration // pipeline.Run
	Reports                     time.Duration // writing the report folder
	SinkBusy                    time.Duration // in the sink, in input order (serial)
	MaxRSSKB                    int64
	CPU                         time.Duration // user + system time of the process
	Documents, Analysed, Cached int
	Failed                      int
	Stages                      []stageBusy
	unitsCSV                    string
}

// RSSMB is the peak resident set size in MB (10^6 bytes).
func (r *fwRun) RSSMB() float64 { return float64(r.MaxRSSKB) * 1024 / 1e6 }

// runFramewatch runs "framewatch run" over corpus and parses its JSON debug
// log. gomaxprocs > 0 sets GOMAXPROCS for the child.
func runFramewatch(ctx context.Context, bin, corpus, out, state string, workers, gomaxprocs int) (*fwRun, error) {
	args := []string{"run", "--out", out, "--state", state,
		"--log-format", "json", "--log-level", "debug", "--progress", "never",
		"--report-date", "2024-06-20"}
	if workers > 0 {
		args = append(args, "--workers", strconv.Itoa(workers))
	}
	args = append(args, corpus)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = os.Environ()
	if gomaxprocs > 0 {
		cmd.Env = append(cmd.Env, "GOMAXPROCS="+strconv.Itoa(gomaxprocs))
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 3) {
		return nil, fmt.Errorf("framewatch %s: %w\n%s", strings.Join(args, " "), err, tail(stderr.String(), 2000))
	}
	r := &fwRun{Wall: wall, Workers: workers}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSSKB = ru.Maxrss // kilobytes on Linux
		r.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if err := r.parseLog(&stderr); err != nil {
		return nil, err
	}
	r.unitsCSV = filepath.Join(out, "latest", "units.csv")
	var m struct {
		Workers int `json:"workers"`
	}
	if b, err := os.ReadFile(filepath.Join(out, "latest", "manifest.json")); err == nil && json.Unmarshal(b, &m) == nil {
		r.Workers = m.Workers
	}
	return r, nil
}

// parseLog reads the slog JSON lines of a run: durations are nanoseconds.
func (r *fwRun) parseLog(log io.Reader) error {
	sc := bufio.NewScanner(log)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	finished := false
	for sc.Scan() {
		var l struct {
			Msg       string `json:"msg"`
			Elapsed   int64  `json:"elapsed"`
			Documents int    `json:"documents"`
			Analysed  int    `json:"analysed"`
			Cached    int    `json:"cached"`
			Failed    int    `json:"failed"`
			Name      string `json:"name"`
			Busy      int64  `json:"busy"`
			SinkBusy  int64  `json:"sink_busy"`
		}
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue
		}
		switch l.Msg {
		case "stages built":
			r.Startup = time.Duration(l.Elapsed)
		case "reports written":
			r.Reports = time.Duration(l.Elapsed)
		case "run finished":
			finished = true
			r.Elapsed = time.Duration(l.Elapsed)
			r.SinkBusy = time.Duration(l.SinkBusy)
			r.Documents, r.Analysed, r.Cached, r.Failed = l.Documents, l.Analysed, l.Cached, l.Failed
		case "stage":
			r.Stages = append(r.Stages, stageBusy{Name: l.Name, Busy: time.Duration(l.Busy)})
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if !finished {
		return errors.New("framewatch log has no \"run finished\" line")
	}
	return nil
}

// unitWords sums the words column of units.csv per source.
func unitWords(path string) (map[string]int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	src, words := -1, -1
	for i, h := range head {
		switch h {
		case "source":
			src = i
		case "words":
			words = i
		}
	}
	if src < 0 || words < 0 {
		return nil, fmt.Errorf("%s: no source or words column", path)
	}
	out := map[string]int64{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		n, err := strconv.ParseInt(rec[words], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: words %q: %w", path, rec[words], err)
		}
		out[rec[src]] += n
	}
}

func sumWords(m map[string]int64) int64 {
	var n int64
	for _, v := range m {
		n += v
	}
	return n
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}
