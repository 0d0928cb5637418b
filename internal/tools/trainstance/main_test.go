package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/framewatch/framewatch/stages/stance"
)

func TestRunTrainsSmallModel(t *testing.T) {
	dir := t.TempDir()
	data := `{"sentence_normalized":"Critics condemned Russia for its brutal war.","targets":[{"from":18,"to":24,"mention":"Russia","polarity":2.0}]}
{"sentence_normalized":"Leaders praised Germany for its generous help.","targets":[{"from":16,"to":23,"mention":"Germany","polarity":6.0}]}
{"sentence_normalized":"Japan will hold talks on Tuesday.","targets":[{"from":0,"to":5,"mention":"Japan","polarity":4.0}]}
`
	if err := os.WriteFile(filepath.Join(dir, "train.jsonl"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.tsv.gz")
	var stdout bytes.Buffer
	if err := run([]string{"-newsmtsc", dir, "-out", out}, &stdout); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := stance.ReadModel(f); err != nil {
		t.Errorf("ReadModel of the trained model: %v", err)
	}
	if err := run([]string{"-newsmtsc", filepath.Join(dir, "absent")}, &stdout); err == nil {
		t.Error("run without train.jsonl: want error")
	}
}
