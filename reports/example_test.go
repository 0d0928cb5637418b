package reports_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/reports"
)

func ExampleWriter() {
	tmp, err := os.MkdirTemp("", "framewatch-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "out")

	cfg := pipeline.DefaultConfig()
	cfg.ReportDate = "2024-06-25"
	w, err := reports.NewWriter(dir, cfg)
	if err != nil {
		log.Fatal(err)
	}
	docs := []*pipeline.Doc{
		{ID: "a", Source: "wire/a.txt", Format: "txt", Status: pipeline.StatusOK, Units: []*pipeline.Unit{{
			ID: "a#0", Kind: pipeline.KindArticle, Outlet: "Süddeutsche Zeitung", Country: "DE", Date: "2024-06-19",
			Title: "Pakt in Pjöngjang", Words: 120, SentCount: 6,
			Tone: &pipeline.Tone{Tone: -2.5, Positive: 1.5, Negative: 4, Polarity: 5.5, Words: 120},
		}}},
		{ID: "b", Source: "bad/b.bin", Format: "txt", Status: pipeline.StatusSkipped, Reason: "binary file"},
	}
	// The runner calls Consume once per document, in input order.
	for _, d := range docs {
		if err := w.Consume(context.Background(), d); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Close(reports.RunInfo{Version: "v0.1.0", Inputs: []string{"corpus"}, Workers: 1}); err != nil {
		log.Fatal(err)
	}
	units, _ := os.ReadFile(filepath.Join(dir, "units.csv"))
	tone, _ := os.ReadFile(filepath.Join(dir, "tone.csv"))
	fmt.Print(string(units), string(tone))
	// Output:
	// unit_id,doc_id,source,outlet,country,date,author,kind,title,words,sentences
	// a#0,a,wire/a.txt,Süddeutsche Zeitung,DE,2024-06-19,,article,Pakt in Pjöngjang,120,6
	// unit_id,outlet,tone,positive,negative,polarity,words
	// a#0,Süddeutsche Zeitung,-2.5000,1.5000,4.0000,5.5000,120
}
