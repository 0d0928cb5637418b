package quotes

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func BenchmarkFinder(b *testing.B) {
	text := strings.Repeat("“We will respond,” Kremlin spokesman Dmitry Peskov said on Monday. Officials said the talks had failed, "+
		"and the army moved north. According to the Pentagon, 300 tanks were lost. ", 30)
	d := unitOf(text, pipeline.Mention{Text: "Dmitry Peskov", Type: pipeline.EntPerson, Entity: "Dmitry Peskov", Actor: "Russia"})
	f, _ := New()
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := f.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleFind() {
	text := "“We will respond,” Dmitry Peskov said. Officials said the talks had failed."
	u := &pipeline.Unit{Kind: pipeline.KindArticle, End: len(text),
		Entities: []pipeline.Mention{{Start: 23, End: 36, Text: "Dmitry Peskov", Type: pipeline.EntPerson, Entity: "Dmitry Peskov", Actor: "Russia"}}}
	for _, q := range Find(text, u) {
		fmt.Printf("%s | %s | %s | %s | %s\n", q.Kind, q.Speaker, q.Verb, q.Source, q.Text)
	}
	// Output:
	// direct | Dmitry Peskov | said | official | “We will respond,”
	// indirect | Officials | said | unnamed | the talks had failed
}
