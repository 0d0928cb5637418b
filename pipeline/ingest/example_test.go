package ingest_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

func ExampleSource() {
	dir, err := os.MkdirTemp("", "corpus")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	files := map[string]string{
		"wire/story.txt":    "Kim met Putin in Pyongyang.",
		"wire/copy.txt":     "Kim met  Putin in Pyongyang.\n",
		"wire/manifest.csv": "file,outlet,country\nstory.txt,Reuters,GB\n",
		"feed.jsonl":        `{"id":"fw-1","text":"EU votes on EV tariffs.","publisher":"AP"}` + "\n" + `{"text": oops}`,
		"photo.png":         "\x89PNG\x00",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			log.Fatal(err)
		}
	}

	src := &ingest.Source{Paths: []string{dir}, Stdin: os.Stdin, Config: pipeline.DefaultConfig().Ingest}
	err = src.Docs(context.Background(), func(d *pipeline.Doc) error {
		rel := strings.TrimPrefix(d.Source, dir+string(os.PathSeparator))
		line := fmt.Sprintf("%-13s %-17s %-9s outlet=%q %s", d.ID, rel, d.Status, d.Meta.Outlet, d.Reason)
		fmt.Println(strings.TrimSpace(line))
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// fw-1          feed.jsonl:1      processed outlet="AP"
	// feed:2        feed.jsonl:2      failed    outlet="" invalid json on line 2: invalid character 'o' looking for beginning of value
	// photo         photo.png         skipped   outlet="" unsupported file type .png
	// wire/copy     wire/copy.txt     duplicate outlet="" duplicate of wire/story
	// wire/manifest wire/manifest.csv skipped   outlet="" manifest.csv sidecar: metadata, not a document
	// wire/story    wire/story.txt    processed outlet="Reuters"
}
