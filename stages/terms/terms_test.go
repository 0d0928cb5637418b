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
	if !reflect.DeepEqual(d.Units[1].LexWords, voice.Words(text[15:])) {
		t.Errorf("unit 2 LexWords = %v, want the words of %q", d.Units[1].LexWords, text[15:])
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

func TestFightinWords(t *testing.T) {
	// Two outlets share a background vocabulary; one says "regime", the
	// other "partnership".
	groups := map[string]map[string]int{
		"hostile":    {"talks": 20, "summit": 15, "regime": 30, "leader": 10, "visit": 12},
		"favourable": {"talks": 22, "summit": 14, "partnership": 28, "leader": 11, "visit": 12},
	}
	got, err := FightinWords(groups, FWOptions{Top: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Group != "favourable" || got[1].Group != "hostile" {
		t.Fatalf("groups = %+v", got)
	}
	if got[0].Terms[0].Term != "partnership" || got[1].Terms[0].Term != "regime" {
		t.Errorf("top terms = %s, %s; want partnership, regime", got[0].Terms[0].Term, got[1].Terms[0].Term)
	}
	if z := got[1].Terms[0].Z; z < 1.96 {
		t.Errorf("regime z = %v, want > 1.96", z)
	}
	for _, g := range got {
		if len(g.Terms) > 3 {
			t.Errorf("group %s has %d terms, want <= 3", g.Group, len(g.Terms))
		}
		for i := 1; i < len(g.Terms); i++ {
			if g.Terms[i].Z > g.Terms[i-1].Z {
				t.Errorf("group %s not sorted by z: %+v", g.Group, g.Terms)
			}
		}
	}
	// Determinism, including ties (visit has equal use in both groups and
	// ties with nothing; "a" and "b" tie exactly).
	tie := map[string]map[string]int{"x": {"b": 5, "a": 5, "c": 1}, "y": {"c": 9}}
	r1, _ := FightinWords(tie, FWOptions{})
	for range 20 {
		r2, _ := FightinWords(tie, FWOptions{})
		if fmt.Sprint(r1) != fmt.Sprint(r2) {
			t.Fatalf("FightinWords not deterministic")
		}
	}
	if r1[0].Terms[0].Term != "a" || r1[0].Terms[1].Term != "b" {
		t.Errorf("tie-break = %+v, want a before b", r1[0].Terms)
	}
}

func TestFightinWordsErrors(t *testing.T) {
	tests := []struct {
		name   string
		groups map[string]map[string]int
	}{
		{"one group", map[string]map[string]int{"a": {"x": 1}}},
		{"no counts", map[string]map[string]int{"a": {}, "b": {}}},
		{"negative", map[string]map[string]int{"a": {"x": -1}, "b": {"x": 1}}},
	}
	for _, tt := range tests {
		if _, err := FightinWords(tt.groups, FWOptions{}); err == nil {
			t.Errorf("%s: want error", tt.name)
		}
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

func ExampleFightinWords() {
	groups := map[string]map[string]int{
		"Outlet A": {"talks": 20, "regime": 30, "visit": 12},
		"Outlet B": {"talks": 22, "partnership": 28, "visit": 12},
	}
	res, _ := FightinWords(groups, FWOptions{Top: 1})
	for _, g := range res {
		fmt.Printf("%s: %s z=%.2f\n", g.Group, g.Terms[0].Term, g.Terms[0].Z)
	}
	// Output:
	// Outlet A: regime z=2.39
	// Outlet B: partnership z=2.26
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
