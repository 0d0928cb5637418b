package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFetchUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"fetch", "--into", t.TempDir()}, nil, &stdout, &stderr)
	if !errors.Is(err, errUsage) || exitCode(err) != exitUsage {
		t.Errorf("fetch without --feeds = %v, want a usage error", err)
	}
}

func TestFetchCommand(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>t</title><item><title>Ok</title><link>/ok</link></item><item><title>Gone</title><link>/gone</link></item></channel></rss>`)
		case "/ok":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><head><title>Ok</title></head><body><article><h1>Ok</h1>"+
				strings.Repeat("<p>The council voted on the budget on Monday after a long debate about schools and roads.</p>", 4)+"</article></body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "feeds.yaml")
	yaml := fmt.Sprintf("contact: https://example.org/ops\nhost_interval: 1ms\nfeeds:\n  - url: %s/rss\n    name: town\n    outlet: Town Crier\n    country: gb\n", srv.URL)
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	into := filepath.Join(dir, "corpus")
	err := run(context.Background(), []string{"fetch", "--feeds", cfg, "--into", into}, nil, &stdout, &stderr)
	if exitCode(err) != exitPartial {
		t.Fatalf("fetch = %v (stderr %q), want exit 3 for the missing page", err, stderr.String())
	}
	want := "feed  outlet      status  listed  new  saved  failed  silent\ntown  Town Crier  ok      2       2    1      1       \n"
	if stdout.String() != want {
		t.Errorf("stdout = %q, want %q", stdout.String(), want)
	}
	if _, err := os.Stat(filepath.Join(into, "town-crier", "manifest.csv")); err != nil {
		t.Error(err)
	}
}
