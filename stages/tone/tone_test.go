package tone

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func unitDoc(text string) *pipeline.Doc {
	return &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{ID: "d#0", End: len(text)}}}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"It’s  great", "It's great"},
		{"“Wonderful”\nnews", `" Wonderful " news`},
		{"a\u00a0b\t c", "a b c"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCurlyQuotes(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// Without normalisation govader misses “horrible” next to the mark.
	if got := s.Sentence("It was “horrible”."); got >= -0.05 {
		t.Errorf("Sentence with curly quotes = %v, want negative", got)
	}
}

func TestUnit(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		text      string
		wantSign  int
		wantWords int
		wantSents int
	}{
		{"positive", "The talks were a great success. Both sides praised the friendly and warm atmosphere.", 1, 14, 2},
		{"negative", "The attack was a horrible disaster. Many died in the brutal violence.", -1, 12, 2},
		{"negated", "The plan is not good.", -1, 5, 1},
		{"empty", "", 0, 0, 0},
		{"neutral", "The delegation arrived on Tuesday.", 0, 5, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := unitDoc(tt.text)
			if err := s.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := d.Units[0].Tone
			sign := 0
			if got.Tone > 0 {
				sign = 1
			} else if got.Tone < 0 {
				sign = -1
			}
			if sign != tt.wantSign || got.Words != tt.wantWords || len(got.Sentences) != tt.wantSents {
				t.Errorf("Tone(%q) = %+v, want sign %d, %d words, %d sentences", tt.text, got, tt.wantSign, tt.wantWords, tt.wantSents)
			}
			if got.Polarity != got.Positive+got.Negative && got.Words > 0 {
				t.Errorf("Polarity %v != %v + %v", got.Polarity, got.Positive, got.Negative)
			}
		})
	}
}

func TestUsesTextStageSentences(t *testing.T) {
	s, _ := New()
	text := "Good news. Bad news."
	d := unitDoc(text)
	d.Units[0].Sentences = []pipeline.Sentence{{Start: 0, End: 10}, {Start: 11, End: 20}}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if n := len(d.Units[0].Tone.Sentences); n != 2 {
		t.Errorf("got %d sentence scores, want 2", n)
	}
}

func TestBadUnit(t *testing.T) {
	s, _ := New()
	d := &pipeline.Doc{Text: "x", Clean: "x", Units: []*pipeline.Unit{{ID: "u", Start: 0, End: 9}}}
	if err := s.Process(context.Background(), d); err == nil {
		t.Error("Process with a unit outside the text: want error")
	}
	if err := s.Process(context.Background(), &pipeline.Doc{}); err != nil {
		t.Errorf("Process without units = %v", err)
	}
}

func BenchmarkScorer(b *testing.B) {
	text := strings.Repeat("The summit was hailed as a great success, but critics warned of a dangerous new alliance. ", 50)
	d := unitDoc(text)
	s, _ := New()
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleScorer_Process() {
	text := "The talks were a great success. Critics called the deal a disaster."
	d := &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{ID: "d#0", End: len(text)}}}
	s, _ := New()
	_ = s.Process(context.Background(), d)
	t := d.Units[0].Tone
	fmt.Printf("tone %.2f positive %.2f negative %.2f polarity %.2f words %d sentences %v\n",
		t.Tone, t.Positive, t.Negative, t.Polarity, t.Words, t.Sentences)
	// Output:
	// tone 0.00 positive 16.67 negative 16.67 polarity 33.33 words 12 sentences [0.8316 -0.743]
}

func TestTrimWord(t *testing.T) {
	for _, f := range []string{"", "word", "(word)", "\"it's\"", "--", "...a...", "«mot»", "é", "(é)", "x—", "—x—",
		"'", "9,", "\xffa\xff", "¡hola!", "a.b", "(«»)", "日本", "(日本)"} {
		if got, want := trimWord(f), strings.TrimFunc(f, notWordRune); got != want {
			t.Errorf("trimWord(%q) = %q, want %q", f, got, want)
		}
	}
}
