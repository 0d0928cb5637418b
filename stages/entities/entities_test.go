package entities_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/entities"
	"github.com/framewatch/framewatch/stages/text"
)

var testOutlets = []string{"Le Monde", "Süddeutsche Zeitung", "Reuters", "Wall Street Journal", "The Wall Street Journal", "Politiken", "Yonhap"}

func newStages(t testing.TB, cfg pipeline.EntityConfig) (*text.Tagger, *entities.Recognizer) {
	t.Helper()
	tg, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	r, err := entities.New(cfg, testOutlets)
	if err != nil {
		t.Fatal(err)
	}
	return tg, r
}

// analyse runs text and entities over s as one unit.
func analyse(t testing.TB, tg *text.Tagger, r *entities.Recognizer, s string) *pipeline.Unit {
	t.Helper()
	d := &pipeline.Doc{Text: s, Clean: s, Units: []*pipeline.Unit{{Start: 0, End: len(s)}}}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Units[0]
}

func find(u *pipeline.Unit, text string) (pipeline.Mention, bool) {
	for _, m := range u.Entities {
		if m.Text == text {
			return m, true
		}
	}
	return pipeline.Mention{}, false
}

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Kim Jong-un", "Kim Jong Un"},
		{"Kim Jong-Un", "KIM JONG UN"},
		{"U.S.", "US"},
		{"the Kremlin", "Kremlin"},
		{"Élysée", "Elysee"},
	}
	for _, tc := range tests {
		if entities.Key(tc.a) != entities.Key(tc.b) {
			t.Errorf("Key(%q) = %q, Key(%q) = %q, want equal", tc.a, entities.Key(tc.a), tc.b, entities.Key(tc.b))
		}
	}
	if entities.Key("Duyeon Kim") == entities.Key("Kim Jong Un") {
		t.Error("Key merges different names")
	}
}

func TestCanonical(t *testing.T) {
	tg, r := newStages(t, pipeline.EntityConfig{
		Aliases: map[string]string{"Zelenskyy": "Volodymyr Zelensky", "Zelenskyi": "Volodymyr Zelensky"},
		Actors:  map[string]string{"Duyeon Kim": "Testland"},
	})
	text := "SEOUL (Reuters) - North Korean leader Kim Jong-un met Russian President Vladimir Putin in Pyongyang, the Kremlin said.\n" +
		"Putin thanked Kim Jong-Un. Kim smiled, and Washington and the U.S. and the DPRK and Kiev reacted.\n" +
		"Duyeon Kim, an analyst, said Kim was isolated. Lami Kim disagreed with Kim Dong-yop, and South Korean Defense Minister Shin Won-sik spoke. Shin said so. Zelenskyy agreed with Kim Jong Un."
	u := analyse(t, tg, r, text)
	var got []string
	for _, m := range u.Entities {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", m.Text, m.Type, m.Entity, m.Actor))
	}
	all := strings.Join(got, "\n")
	for _, w := range []string{
		"Kim Jong-un|PERSON|Kim Jong Un|North Korea",
		"Vladimir Putin|PERSON|Vladimir Putin|Russia",
		"Pyongyang|GPE|Pyongyang|North Korea",
		"Kremlin|ORG|Kremlin|Russia",
		"Putin|PERSON|Vladimir Putin|Russia",
		"Kim Jong-Un|PERSON|Kim Jong Un|North Korea",
		"Kim|PERSON|Kim Jong Un|North Korea",
		"Washington|GPE|Washington|United States",
		"U.S.|GPE|United States|United States",
		"DPRK|GPE|North Korea|North Korea",
		"Kiev|GPE|Kyiv|Ukraine",
		"Duyeon Kim|PERSON|Duyeon Kim|Testland",
		"Kim|PERSON|Duyeon Kim|Testland",
		"Lami Kim|PERSON|Lami Kim|",
		"Kim Dong-yop|PERSON|Kim Dong-yop|",
		"Shin Won-sik|PERSON|Shin Won-sik|South Korea",
		"Shin|PERSON|Shin Won-sik|South Korea",
		"Zelenskyy|PERSON|Volodymyr Zelensky|Ukraine",
		"Kim Jong Un|PERSON|Kim Jong Un|North Korea",
		"North Korean|NORP|North Korean|North Korea",
		"Russian|NORP|Russian|Russia",
	} {
		if !strings.Contains("\n"+all+"\n", "\n"+w+"\n") {
			t.Errorf("missing %s", w)
		}
	}
	if t.Failed() {
		t.Logf("got:\n%s", all)
	}
	// Names that share a surname stay apart.
	names := map[string]string{}
	for _, m := range u.Entities {
		if m.Type == pipeline.EntPerson && strings.Contains(m.Text, " ") {
			names[m.Text] = m.Entity
		}
	}
	for _, pair := range [][2]string{{"Kim Jong Un", "Duyeon Kim"}, {"Kim Jong Un", "Lami Kim"}, {"Kim Jong Un", "Kim Dong-yop"}, {"Duyeon Kim", "Lami Kim"}} {
		if a, b := names[pair[0]], names[pair[1]]; a == "" || a == b {
			t.Errorf("%q and %q: entities %q and %q, want distinct", pair[0], pair[1], a, b)
		}
	}
}

func TestPostProcessing(t *testing.T) {
	tg, r := newStages(t, pipeline.EntityConfig{})
	tests := []struct {
		name, text string
		want       []string // mention texts that must appear
		not        []string // mention texts that must not appear
	}{
		{"line break", "By Josh Smith\nSEOUL (Reuters) - Talks began.", []string{"Josh Smith", "SEOUL", "Reuters"}, []string{"Josh Smith SEOUL", "Josh Smith\nSEOUL"}},
		{"dateline", "Reporting by Josh Smith SEOUL (Reuters) - Talks began.", []string{"Josh Smith"}, []string{"Josh Smith SEOUL"}},
		{"trailing period", "The talks were held with North Korean leader Kim Jong Un.", []string{"Kim Jong Un"}, []string{"Kim Jong Un."}},
		{"initialism", "Officials from the U.S. met him.", []string{"U.S."}, nil},
		{"titles", "Russian President Vladimir Putin and Defense Minister Shin Won-sik met Mr. Kim.", []string{"Vladimir Putin", "Shin Won-sik"}, []string{"Russian President Vladimir Putin", "Defense Minister Shin Won-sik", "President Vladimir Putin"}},
		{"outlets", "Le Monde, Süddeutsche Zeitung, Reuters, the Wall Street Journal and Politiken agreed.", []string{"Le Monde", "Süddeutsche Zeitung", "Reuters", "Wall Street Journal", "Politiken"}, nil},
		{"credit line", "Editing by Lincoln Feast.", []string{"Lincoln Feast"}, []string{"Editing"}},
		{"title-case headline", "Kim's Armored Train Rolls Into a Deal Nobody Will Name\nKim Jong Un arrived.", []string{"Kim Jong Un"}, []string{"Armored Train", "Deal Nobody Will Name"}},
		{"org run stops at dates", "The Center for Strategic Studies on Friday said the European Union on Monday agreed.", []string{"Center for Strategic Studies", "European Union"}, []string{"European Union on Monday"}},
		{"heading", "HISTORIAN\nAndrey Zubov says the treaty is hollow.", []string{"Andrey Zubov"}, []string{"HISTORIAN Andrey Zubov"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := analyse(t, tg, r, tc.text)
			for _, w := range tc.want {
				if _, ok := find(u, w); !ok {
					t.Errorf("%q: no mention %q in %+v", tc.text, w, u.Entities)
				}
			}
			for _, w := range tc.not {
				if _, ok := find(u, w); ok {
					t.Errorf("%q: unwanted mention %q", tc.text, w)
				}
			}
			for _, m := range u.Entities {
				if strings.ContainsAny(m.Text, "\n") || strings.HasSuffix(m.Text, " ") {
					t.Errorf("bad mention %q", m.Text)
				}
			}
		})
	}
	u := analyse(t, tg, r, "Le Monde (FR) /\nThe paper said.")
	if m, ok := find(u, "Le Monde"); !ok || m.Type != pipeline.EntOutlet {
		t.Errorf("Le Monde = %+v, want OUTLET", m)
	}
}

func TestTokenLabels(t *testing.T) {
	tg, r := newStages(t, pipeline.EntityConfig{})
	u := analyse(t, tg, r, "Vladimir Putin visited Pyongyang.")
	var got []string
	for _, tk := range u.Tokens {
		got = append(got, tk.Label)
	}
	want := "B-PERSON I-PERSON O B-GPE O"
	if strings.Join(got, " ") != want {
		t.Errorf("labels = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestMissingUpstream(t *testing.T) {
	_, r := newStages(t, pipeline.EntityConfig{})
	d := &pipeline.Doc{Text: "Putin", Units: []*pipeline.Unit{{Start: 0, End: 5}, {Start: 0, End: 5, Tokens: []pipeline.Token{{Start: 0, End: 5, Text: "Putin"}}}}}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := r.Process(context.Background(), &pipeline.Doc{}); err != nil {
		t.Fatal(err)
	}
}

const benchText = "SEOUL, June 19 (Reuters) - North Korean leader Kim Jong Un welcomed Russian President Vladimir Putin to Pyongyang on Wednesday, state media KCNA said.\n" +
	"The two leaders signed a treaty pledging mutual assistance, the Kremlin said. Analysts in Washington and Seoul said the pact was a threat, and Duyeon Kim of the Center for a New American Security said Kim wanted ammunition for the war in Ukraine.\n\n"

func BenchmarkProcess(b *testing.B) {
	tg, r := newStages(b, pipeline.EntityConfig{})
	s := strings.Repeat(benchText, 20)
	d := &pipeline.Doc{Text: s, Clean: s, Units: []*pipeline.Unit{{Start: 0, End: len(s)}}}
	if err := tg.Process(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	n := len(d.Units[0].Tokens)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if err := r.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleRecognizer_Process() {
	tg, _ := text.New()
	r, err := entities.New(pipeline.EntityConfig{}, []string{"Reuters"})
	if err != nil {
		panic(err)
	}
	s := "SEOUL (Reuters) - Russian President Vladimir Putin met Kim Jong-un in Pyongyang. Putin praised Kim."
	d := &pipeline.Doc{Text: s, Clean: s, Units: []*pipeline.Unit{{Start: 0, End: len(s)}}}
	_ = tg.Process(context.Background(), d)
	_ = r.Process(context.Background(), d)
	for _, m := range d.Units[0].Entities {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %s %q %s", m.Text, m.Type, m.Entity, m.Actor)))
	}
	// Output:
	// SEOUL GPE "Seoul" South Korea
	// Reuters OUTLET "Reuters"
	// Russian NORP "Russian" Russia
	// Vladimir Putin PERSON "Vladimir Putin" Russia
	// Kim Jong-un PERSON "Kim Jong Un" North Korea
	// Pyongyang GPE "Pyongyang" North Korea
	// Putin PERSON "Vladimir Putin" Russia
	// Kim PERSON "Kim Jong Un" North Korea
}

// TestConcurrent runs one Recognizer on many documents at once and checks
// the results equal a sequential run.
func TestConcurrent(t *testing.T) {
	tg, r := newStages(t, pipeline.EntityConfig{})
	texts := []string{benchText, "Lami Kim met Kim Dong-yop in Seoul. Kim left.", "Le Monde said the Kremlin lied.", strings.Repeat("Putin met Kim Jong Un. ", 20)}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprint(analyse(t, tg, r, s).Entities)
	}
	done := make(chan struct{})
	for w := 0; w < 8; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i, s := range texts {
				d := &pipeline.Doc{Text: s, Clean: s, Units: []*pipeline.Unit{{Start: 0, End: len(s)}}}
				if err := tg.Process(context.Background(), d); err != nil {
					t.Error(err)
					return
				}
				if err := r.Process(context.Background(), d); err != nil {
					t.Error(err)
					return
				}
				if got := fmt.Sprint(d.Units[0].Entities); got != want[i] {
					t.Errorf("concurrent run of text %d differs:\n%s\nwant\n%s", i, got, want[i])
				}
			}
		}()
	}
	for w := 0; w < 8; w++ {
		<-done
	}
}
