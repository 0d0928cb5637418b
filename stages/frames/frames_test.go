package frames

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

func top(scores []pipeline.FrameScore) string {
	best := ""
	bv := 0.0
	for _, s := range scores {
		if s.Score > bv {
			best, bv = s.Frame, s.Score
		}
	}
	return best
}

func TestLexiconSizes(t *testing.T) {
	for _, id := range IDs {
		if n := len(cues[id]); n < 50 {
			t.Errorf("frame %s has %d cues, want >= 50", id, n)
		}
		if Names[id] == "" {
			t.Errorf("frame %s has no name", id)
		}
	}
	if len(IDs) != 15 || len(cues) != 15 {
		t.Errorf("got %d ids and %d lexicons, want 15", len(IDs), len(cues))
	}
}

func TestScore(t *testing.T) {
	s, err := New(pipeline.FrameConfig{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, want string
	}{
		{"economic", "Tariffs on Chinese exports will raise prices, hurt investors and slow economic growth as inflation bites the market.", "economic"},
		{"security", "Troops and artillery massed at the border as the military warned of missile attacks and a wider war.", "security_defense"},
		{"legality", "The court ruled the decree unconstitutional, and lawyers said the treaty violates international law.", "legality"},
		{"crime", "Police arrested three suspects for fraud and smuggling; prosecutors said they face prison.", "crime_punishment"},
		{"health", "Hospitals reported more deaths from the virus as doctors warned of a new pandemic outbreak.", "health_safety"},
		{"public opinion", "A new poll shows most voters oppose the deal, and protesters rallied as public anger grew.", "public_opinion"},
		{"morality", "Bishops called the decision immoral, a shameful betrayal of the values of decency and conscience.", "morality"},
		{"capacity", "The army faces shortages of ammunition as factories cannot replenish depleted stockpiles.", "capacity_resources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Score(tt.text)
			if top(got) != tt.want {
				t.Errorf("Score(%q) top = %s, want %s (%v, counts %v)", tt.text, top(got), tt.want, got, s.Counts(tt.text))
			}
			var sum float64
			for _, f := range got {
				sum += f.Score
			}
			if math.Abs(sum-1) > 1e-5 {
				t.Errorf("shares sum to %v, want 1", sum)
			}
		})
	}
}

func TestNoCues(t *testing.T) {
	s, _ := New(pipeline.FrameConfig{})
	got := s.Score("Zzz qqq.")
	if len(got) != 15 {
		t.Fatalf("got %d frames, want 15", len(got))
	}
	for i, f := range got {
		if f.Frame != IDs[i] || f.Score != 0 {
			t.Errorf("frame %d = %+v, want %s 0", i, f, IDs[i])
		}
	}
}

func TestMultiwordAndPunctuation(t *testing.T) {
	s, _ := New(pipeline.FrameConfig{})
	c := s.Counts("quality of life")
	if c[frameIndex("quality_of_life")] != 1 {
		t.Errorf("Counts(quality of life) = %v", c)
	}
	// A phrase does not match across punctuation.
	c = s.Counts("quality. Of life")
	if c[frameIndex("quality_of_life")] != 0 {
		t.Errorf("Counts across a full stop = %v", c)
	}
}

func TestConfigCues(t *testing.T) {
	s, err := New(pipeline.FrameConfig{Cues: map[string][]string{"Morality": {"zorblax"}, "other": {"space race"}}})
	if err != nil {
		t.Fatal(err)
	}
	if top(s.Score("zorblax zorblax")) != "morality" {
		t.Errorf("configured cue by codebook name not used")
	}
	if _, err := New(pipeline.FrameConfig{Cues: map[string][]string{"nonsense": {"x"}}}); err == nil {
		t.Error("unknown frame: want error")
	}
	if _, err := New(pipeline.FrameConfig{Cues: map[string][]string{"other": {" "}}}); err == nil {
		t.Error("empty cue: want error")
	}
}

func TestProcess(t *testing.T) {
	s, _ := New(pipeline.FrameConfig{})
	text := "Sanctions hit the economy."
	d := &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{ID: "u", End: len(text)}}}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Units[0].Frames) != 15 {
		t.Errorf("Frames = %v", d.Units[0].Frames)
	}
	if !reflect.DeepEqual(d.Units[0].Frames, s.Score(text)) {
		t.Errorf("Process = %v, want Score = %v", d.Units[0].Frames, s.Score(text))
	}
	if d.Units[0].LexWords != nil {
		t.Errorf("frames wrote LexWords, the text stage's field: %v", d.Units[0].LexWords)
	}
	// Words an earlier stage left are used, not split again.
	other := "Troops massed at the border."
	d.Units[0].LexWords = voice.Words(other)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Units[0].Frames, s.Score(other)) {
		t.Errorf("Process with shared words = %v, want Score(%q) = %v", d.Units[0].Frames, other, s.Score(other))
	}
	if err := s.Process(context.Background(), &pipeline.Doc{}); err != nil {
		t.Errorf("Process without units = %v", err)
	}
}

func BenchmarkScorer(b *testing.B) {
	text := strings.Repeat("Troops massed at the border as tariffs raised prices and the court ruled the decree illegal. ", 50)
	s, _ := New(pipeline.FrameConfig{})
	d := &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{ID: "u", End: len(text)}}}
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Units[0].LexWords = nil // split the words each time, as in a run
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleScorer_Score() {
	s, _ := New(pipeline.FrameConfig{})
	for _, f := range s.Score("Troops and missiles massed at the border, raising the cost of trade.") {
		if f.Score > 0 {
			fmt.Printf("%s %.2f\n", f.Frame, f.Score)
		}
	}
	// Output:
	// economic 0.40
	// security_defense 0.60
}
