package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

func TestGenerate(t *testing.T) {
	const n = 120
	a, b := t.TempDir(), t.TempDir()
	st, err := Generate(a, n, 1)
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != n {
		t.Fatalf("Generate(%d) wrote %d documents", n, st.Docs)
	}
	if _, err := Generate(b, n, 1); err != nil {
		t.Fatal(err)
	}
	// Same n and seed: the same bytes.
	err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs of Generate", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Every copy is analysable and none is a duplicate of another.
	cfg, err := pipeline.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	src := &ingest.Source{Paths: []string{a}, Config: cfg.Ingest}
	got := 0
	err = src.Docs(context.Background(), func(d *pipeline.Doc) error {
		got++
		if d.Status != pipeline.StatusOK {
			t.Errorf("%s: status %s (%s), want ok", d.Source, d.Status, d.Reason)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != n {
		t.Errorf("ingest read %d documents, want %d", got, n)
	}
}

func TestIntList(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
		ok   bool
	}{
		{"", nil, true},
		{"1,2, 16", []int{1, 2, 16}, true},
		{"1,x", nil, false},
		{"0", nil, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := intList(tc.in)
			if (err == nil) != tc.ok || len(got) != len(tc.want) {
				t.Fatalf("intList(%q) = %v, %v", tc.in, got, err)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("intList(%q) = %v, want %v", tc.in, got, tc.want)
				}
			}
		})
	}
}

func TestMedian(t *testing.T) {
	for _, tt := range []struct {
		xs   []float64
		want float64
	}{{[]float64{3}, 3}, {[]float64{9, 1, 5}, 5}, {[]float64{4, 1, 3, 2}, 2.5}, {nil, 0}} {
		if got := median(tt.xs); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.xs, got, tt.want)
		}
	}
	type run struct {
		name string
		wall float64
	}
	runs := []run{{"a", 7}, {"b", 5}, {"c", 6}, {"d", 9}}
	if got := medianBy(runs, func(r run) float64 { return r.wall }); got.name != "c" {
		t.Errorf("medianBy = %v, want the run with wall 6 (the lower middle)", got)
	}
}
