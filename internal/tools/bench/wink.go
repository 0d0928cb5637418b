package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// winkResult is wink-nlp's best warm pass over a corpus's texts.
type winkResult struct {
	Docs    int     `json:"docs"`
	Tokens  int64   `json:"tokens"`
	Seconds float64 `json:"seconds"`
}

// winkDir is the folder of the wink-nlp baseline (package.json, its
// lockfile and bench.js), relative to the module root.
const winkDir = "internal/tools/bench/wink"

// runWink installs wink-nlp from the lockfile (npm ci, once: node_modules
// is kept) and runs bench.js over the JSONL files on one thread. It returns
// a reason instead of a result when node or npm is missing or the install
// fails, so that make bench still prints everything else.
func runWink(ctx context.Context, files []string) (*winkResult, string) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, "node not installed"
	}
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return nil, "go env GOMOD: " + err.Error()
	}
	dir := filepath.Join(filepath.Dir(strings.TrimSpace(string(out))), winkDir)
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "wink-nlp", "package.json")); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			return nil, "npm not installed"
		}
		cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund", "--silent")
		cmd.Dir = dir
		if b, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Sprintf("npm ci in %s failed: %v: %s", winkDir, err, tail(strings.TrimSpace(string(b)), 300))
		}
	}
	cmd := exec.CommandContext(ctx, node, append([]string{filepath.Join(dir, "bench.js")}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Sprintf("node bench.js: %v: %s", err, tail(stderr.String(), 300))
	}
	var r winkResult
	if err := json.Unmarshal(bytes.TrimSpace(b), &r); err != nil || r.Seconds <= 0 {
		return nil, fmt.Sprintf("node bench.js printed %q", tail(string(b), 200))
	}
	return &r, ""
}
