package text_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/text"
)

func newTagger(t testing.TB) *text.Tagger {
	t.Helper()
	tg, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func doc(s string) *pipeline.Doc {
	return &pipeline.Doc{Text: s, Clean: s, Units: []*pipeline.Unit{{Start: 0, End: len(s)}}}
}

func TestProcessLines(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		name  string
		text  string
		sents []string
	}{
		{"heading", "Josh Smith\nSEOUL (Reuters) - Kim Jong Un met Putin. He left.", []string{"Josh Smith", "SEOUL (Reuters) - Kim Jong Un met Putin.", "He left."}},
		{"outlet line", "Le Monde (FR) /\nThe summit was a failure.\r\n\r\nSo says the paper.", []string{"Le Monde (FR) /", "The summit was a failure.", "So says the paper."}},
		{"blank", "  \n\n ", nil},
		{"utf8", "Süddeutsche Zeitung says: “No.”", []string{"Süddeutsche Zeitung says: “No.”"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(tc.text)
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			u := d.Units[0]
			var got []string
			for _, s := range u.Sentences {
				got = append(got, d.Text[s.Start:s.End])
				for _, tk := range u.Tokens[s.FirstToken:s.EndTok] {
					if tk.Start < s.Start || tk.End > s.End || d.Text[tk.Start:tk.End] != tk.Text || tk.Tag == "" {
						t.Errorf("token %+v outside sentence %q or untagged", tk, d.Text[s.Start:s.End])
					}
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.sents) {
				t.Errorf("sentences of %q = %q, want %q", tc.text, got, tc.sents)
			}
			if u.SentCount != len(tc.sents) {
				t.Errorf("SentCount = %d, want %d", u.SentCount, len(tc.sents))
			}
		})
	}
}

func TestUnitOffsets(t *testing.T) {
	tg := newTagger(t)
	s := "HEADER\nFirst unit here.\nSecond unit: Moscow."
	d := doc(s)
	i := strings.Index(s, "Second")
	d.Units = []*pipeline.Unit{{Start: 7, End: i}, {Start: i, End: len(s)}, {Start: 5, End: 2}}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := d.Units[1].Tokens[len(d.Units[1].Tokens)-2].Text; got != "Moscow" {
		t.Errorf("last word = %q, want Moscow", got)
	}
	if d.Units[0].Words != 3 || d.Units[1].Words != 3 {
		t.Errorf("Words = %d, %d, want 3, 3", d.Units[0].Words, d.Units[1].Words)
	}
	if d.Units[2].Tokens != nil || d.Units[2].LexWords != nil {
		t.Errorf("bad unit got tokens or words")
	}
	// The lexicon stages' words are the unit body's, split once here.
	if got, want := d.Units[1].LexWords, voice.Words(s[i:]); !reflect.DeepEqual(got, want) {
		t.Errorf("LexWords = %v, want %v", got, want)
	}
}

func TestNoUnits(t *testing.T) {
	tg := newTagger(t)
	if err := tg.Process(context.Background(), &pipeline.Doc{Text: "x"}); err != nil {
		t.Fatal(err)
	}
}

var benchText = strings.Repeat("SEOUL, June 19 (Reuters) - North Korean leader Kim Jong Un welcomed Russian President Vladimir Putin to Pyongyang on Wednesday, state media said.\nThe two leaders signed a treaty pledging mutual assistance. Analysts in Washington said the pact was \"a threat\" to 4.8 million people.\n\n", 40)

func BenchmarkProcess(b *testing.B) {
	tg := newTagger(b)
	d := doc(benchText)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	var n int
	for b.Loop() {
		if err := tg.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		n += len(d.Units[0].Tokens)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleTagger_Process() {
	tg, err := text.New()
	if err != nil {
		panic(err)
	}
	s := "PYONGYANG\nKim Jong Un met Vladimir Putin."
	d := &pipeline.Doc{Text: s, Clean: s, Units: []*pipeline.Unit{{Start: 0, End: len(s)}}}
	if err := tg.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, tk := range d.Units[0].Tokens {
		fmt.Printf("%s/%s ", tk.Text, tk.Tag)
	}
	fmt.Println(d.Units[0].SentCount)
	// Output: PYONGYANG/NN Kim/NNP Jong/NNP Un/NNP met/VBD Vladimir/NNP Putin/NNP ./. 2
}

func TestFinalPeriod(t *testing.T) {
	tg := newTagger(t)
	tests := []struct{ in, want string }{
		{"He met Kim Jong Un.", "He met Kim Jong Un ."},
		{"Putin praised Kim. Then he left Inc.", "Putin praised Kim . Then he left Inc."},
		{"Officials from the U.S.", "Officials from the U.S."},
		{"**RIA Novosti** said _Kyiv_ fell.", "** RIA Novosti ** said _ Kyiv _ fell ."},
		{"President Vladimir V. Putin met Daniel K. Inouye. Plan B.", "President Vladimir V. Putin met Daniel K. Inouye . Plan B ."},
	}
	for _, tc := range tests {
		d := doc(tc.in)
		if err := tg.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tk := range d.Units[0].Tokens {
			got = append(got, tk.Text)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("tokens(%q) = %q, want %q", tc.in, strings.Join(got, " "), tc.want)
		}
	}
}

// TestWireTokens covers wire-copy forms: a dateline naming several cities
// and a photo credit split at their slashes, title abbreviations and
// initials kept whole and not taken for a sentence end, list numbers not
// ending a sentence.
func TestWireTokens(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		name, in, want string
		sents          int
	}{
		{"cities", "PARIS/BERLIN (Reuters) - Leaders met.", "PARIS / BERLIN ( Reuters ) - Leaders met .", 1},
		{"credit", "A rally. REUTERS/Kai Pfaffenbach/Illustration", "A rally . REUTERS / Kai Pfaffenbach / Illustration", 2},
		{"lower slashes stay", "Use and/or 3/4 km/h here.", "Use and/or 3/4 km/h here .", 1},
		{"capital abbreviation", "ST. PAUL 2020-05-01", "ST. PAUL 2020-05-01", 1},
		{"initial at line start", "K. Tanaka c Moore b Hale 21", "K. Tanaka c Moore b Hale 21", 1},
		{"rank", "4. Dana Whitfield (Canada) 12.5", "4 . Dana Whitfield ( Canada ) 12.5", 1},
		{"real break", "Sales fell 4. Analysts were unmoved.", "Sales fell 4 . Analysts were unmoved .", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(tc.in)
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tk := range d.Units[0].Tokens {
				if tc.in[tk.Start:tk.End] != tk.Text {
					t.Errorf("token %q at %d:%d, text there %q", tk.Text, tk.Start, tk.End, tc.in[tk.Start:tk.End])
				}
				got = append(got, tk.Text)
			}
			if strings.Join(got, " ") != tc.want || len(d.Units[0].Sentences) != tc.sents {
				t.Errorf("tokens(%q) = %q in %d sentences, want %q in %d", tc.in, strings.Join(got, " "), len(d.Units[0].Sentences), tc.want, tc.sents)
			}
		})
	}
}
