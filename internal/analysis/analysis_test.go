package analysis_test

import (
	"context"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
)

func TestStagesRunInOrderOnADocument(t *testing.T) {
	stages, err := analysis.Stages(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range stages {
		names = append(names, s.Name())
	}
	if got, want := strings.Join(names, ","), strings.Join(analysis.Names(), ","); got != want {
		t.Fatalf("stages = %s, want %s", got, want)
	}
	d := &pipeline.Doc{ID: "a", Status: pipeline.StatusOK,
		Text: "SEOUL (Reuters) - Russian President Vladimir Putin met Kim Jong Un, and North Korea sent about 1 million shells to Russia, Seoul said.\n"}
	for _, s := range stages {
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", s.Name(), err)
		}
	}
	if len(d.Units) != 1 || d.Units[0].Outlet != "Reuters" || len(d.Units[0].Entities) == 0 || len(d.Units[0].Figures) == 0 || len(d.Units[0].Stances) == 0 {
		t.Errorf("unit after every stage = %+v", d.Units)
	}
}

func TestBadConfigIsAnError(t *testing.T) {
	cfg := pipeline.DefaultConfig()
	cfg.Clean.Furniture = []string{"(unclosed"}
	if _, err := analysis.Stages(cfg); err == nil {
		t.Error("Stages with an invalid furniture pattern succeeded")
	}
}
