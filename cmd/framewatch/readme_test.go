package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
)

// TestREADMEConfigExample keeps the configuration example in README.md
// valid: it must parse (unknown keys are errors) and build every stage.
func TestREADMEConfigExample(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "## Configuration")
	if i < 0 {
		t.Fatal("README.md has no Configuration section")
	}
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindStringSubmatch(s[i:])
	if m == nil {
		t.Fatal("the Configuration section has no yaml example")
	}
	cfg, err := pipeline.ParseConfig([]byte(m[1]))
	if err != nil {
		t.Fatalf("README example: %v", err)
	}
	if len(cfg.Stance.Targets) == 0 || cfg.ReportDate == "" {
		t.Errorf("README example parsed to %+v, want targets and a report date", cfg)
	}
	if _, err := analysis.Stages(cfg); err != nil {
		t.Errorf("README example: stages: %v", err)
	}
}
