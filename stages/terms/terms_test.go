package terms

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

func TestCount(t *testing.T) {
	got := Count("The Kremlin's partnership, the new Kremlin said. Partnership!")
	var parts []string
	for _, c := range got {
		parts = append(parts, fmt.Sprintf("%s=%d", c.Term, c.Count))
	}
	want := "kremlin=2|kremlin partnership=1|partnership=2"
	if g := strings.Join(parts, "|"); g != want {
		t.Errorf("Count = %s, want %s", g, want)
	}
	if len(Count("")) != 0 {
		t.Error("Count of empty text not empty")
	}
}

func TestProcess(t *testing.T) {
	c, _ := New()
	text := "Brutal regime. Friendly partner."
	d := &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{ID: "u", End: 14}, {ID: "v", Start: 15, End: len(text)}}}
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := d.Units[1].Terms; len(got) != 3 || got[0].Term != "friendly" {
		t.Errorf("unit 2 terms = %v", got)
	}
	if d.Units[1].LexWords != nil {
		t.Errorf("terms wrote LexWords, the text stage's field: %v", d.Units[1].LexWords)
	}
	bad := &pipeline.Doc{Text: "x", Clean: "x", Units: []*pipeline.Unit{{ID: "u", End: 3}}}
	if err := c.Process(context.Background(), bad); err == nil {
		t.Error("unit outside text: want error")
	}
}

// TestProcessSharesWords checks that Process counts the words an earlier
// stage left in LexWords rather than splitting the text again.
func TestProcessSharesWords(t *testing.T) {
	c, _ := New()
	text := "Brutal regime."
	shared := voice.Words("Friendly partner.")
	d := &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{ID: "u", End: len(text), LexWords: shared}}}
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got, want := d.Units[0].Terms, Count("Friendly partner."); !reflect.DeepEqual(got, want) {
		t.Errorf("terms = %v, want those of the shared words %v", got, want)
	}
}

func BenchmarkCounter(b *testing.B) {
	text := strings.Repeat("The Kremlin hailed the historic partnership while critics in Seoul condemned the regime. ", 50)
	c, _ := New()
	d := &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{ID: "u", End: len(text)}}}
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, u := range d.Units {
			u.LexWords = nil // split the words each time, as in a run
		}
		if err := c.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleCount() {
	for _, c := range Count("Putin's brutal war; the brutal war goes on.") {
		fmt.Println(c.Term, c.Count)
	}
	// Output:
	// brutal 2
	// brutal war 2
	// putin 1
	// putin brutal 1
	// war 2
}
