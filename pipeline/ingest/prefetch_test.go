package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

// mixedTree writes about 200 files of every kind the prefetch workers
// handle, interleaved with files and folders they leave to the walk.
func mixedTree(t *testing.T) string {
	t.Helper()
	page := `<html><head><title>T%d</title><meta property="og:site_name" content="Outlet %d"></head>
<body><nav>Home</nav><article><h1>Story %d</h1><p>Officials in Seoul said on Tuesday that talks number %d would resume next month after a long pause in contacts.</p>
<p>The ministry added that both sides had agreed on an agenda, according to a statement.</p></article></body></html>`
	files := map[string]string{
		"manifest.csv":    "file,outlet\nf010.txt,Manifest Daily\n",
		"m050.jsonl":      `{"id":"j1","text":"a record"}` + "\n" + `{"text":"text 3"}` + "\n",
		"m100.csv":        "text\nanother record\n",
		"sub/a.txt":       "in a folder",
		"sub/f000.txt":    "text 0", // duplicate of f000
		"zz.unknown":      "x",
		"f100.txt.backup": "y",
	}
	for i := range 200 {
		name := fmt.Sprintf("f%03d", i)
		switch i % 10 {
		case 0:
			files[name+".txt"] = fmt.Sprintf("text %d", i/10) // f000 and f010 differ, later ones repeat
		case 1:
			files[name+".md"] = ""
		case 2:
			files[name+".txt"] = "bin\x00ary"
		case 3:
			files[name+".txt"] = "bad \xff utf-8"
		case 4:
			files[name+".html"] = fmt.Sprintf(page, i, i%3, i%7, i%7) // duplicates among pages
		case 5:
			files[name+".html"] = "<html><body></body></html>"
		case 6:
			files[name+".txt"] = strings.Repeat("long ", 100) // too large
		case 7:
			files[name+".md"] = "text 1" // duplicate of f010
			files[name+".txt"] = "same ID"
		case 8:
			files[name+".txt"] = "\xff\xfe" + "u\x00t\x00f\x00-\x001\x006\x00"
		default:
			files[name+".txt"] = fmt.Sprintf("unique text %d\r\n", i)
		}
	}
	dir := writeTree(t, files)
	if err := os.Symlink("f009.txt", filepath.Join(dir, "f009-link.txt")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestPrefetchSameDocuments(t *testing.T) {
	dir := mixedTree(t)
	cfg := pipeline.IngestConfig{MaxFileBytes: 300}
	tests := []struct {
		name  string
		cache bool
	}{
		{"no cache", false},
		{"html cache", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := func(serial bool) *Source {
				s := &Source{Paths: []string{dir}, Config: cfg, serial: serial}
				if tt.cache {
					s.HTMLCache = &mapCache{m: map[string]htmlDoc{}}
				}
				return s
			}
			want := collect(t, src(true))
			if len(want) < 200 {
				t.Fatalf("serial read gave %d documents, want at least 200", len(want))
			}
			seen := map[pipeline.Status]int{}
			for _, d := range want {
				seen[d.Status]++
			}
			for _, s := range []pipeline.Status{pipeline.StatusOK, pipeline.StatusSkipped, pipeline.StatusFailed, pipeline.StatusDuplicate} {
				if seen[s] == 0 {
					t.Errorf("no %s document in the test tree: %v", s, seen)
				}
			}
			pf := src(false)
			for run := range 3 { // the later runs hit the cache when there is one
				got := collect(t, pf)
				if len(got) != len(want) {
					t.Fatalf("run %d: prefetching read %d documents, serial %d", run, len(got), len(want))
				}
				for i := range got {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("run %d: document %d with prefetching = %+v, serial %+v", run, i, got[i], want[i])
					}
				}
			}
		})
	}
}

func TestPrefetchCancel(t *testing.T) {
	files := map[string]string{}
	for i := range 400 {
		files[fmt.Sprintf("d%03d.txt", i)] = fmt.Sprintf("text %d", i)
	}
	dir := writeTree(t, files)
	tests := []struct {
		name   string
		serial bool
	}{
		{"prefetch", false},
		{"serial", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// In a bubble, Test fails if a goroutine started by Docs is
			// still blocked after Docs returns.
			synctest.Test(t, func(t *testing.T) {
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				var got []string
				err := (&Source{Paths: []string{dir}, serial: tt.serial}).Docs(ctx, func(d *pipeline.Doc) error {
					got = append(got, d.ID)
					if len(got) == 100 {
						cancel()
					}
					return nil
				})
				if !errors.Is(err, context.Canceled) {
					t.Errorf("Docs = %v, want context.Canceled", err)
				}
				if len(got) != 100 || got[99] != "d099" {
					t.Errorf("emitted %d documents (last %q), want 100 ending with d099", len(got), got[len(got)-1])
				}
			})
		})
	}

	// Cancelled from outside while the walk waits for the workers.
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	n := 0
	start := time.Now()
	err := (&Source{Paths: []string{dir}}).Docs(ctx, func(*pipeline.Doc) error {
		if n++; n == 10 {
			go cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Docs = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Docs took %v to return after cancel", d)
	}

	stop := errors.New("stop")
	synctest.Test(t, func(t *testing.T) {
		err := (&Source{Paths: []string{dir}}).Docs(t.Context(), func(*pipeline.Doc) error { return stop })
		if !errors.Is(err, stop) {
			t.Errorf("Docs = %v, want emit's error", err)
		}
	})
}
