package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestRunWithoutBench(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-newsmtsc", t.TempDir() + "/absent"}, &out); err != nil {
		t.Fatalf("run = %v, want nil", err)
	}
	if !strings.Contains(out.String(), "not found, skipping") {
		t.Errorf("output = %q, want a skip message", out.String())
	}
}

func TestRunSmallSplit(t *testing.T) {
	dir := t.TempDir()
	line := `{"sentence_normalized":"Critics condemned Russia for its brutal war.","targets":[{"from":18,"to":24,"mention":"Russia","polarity":2.0}]}` + "\n"
	for _, s := range []string{"devtest_rw", "devtest_mt"} {
		if err := writeFile(dir+"/"+s+".jsonl", line); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := run([]string{"-newsmtsc", dir}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"eval newsmtsc-devtest_rw accuracy ", "eval newsmtsc-devtest_mt macro_f1 ", "eval newsmtsc-devtest_rw-vader macro_f1 "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }
