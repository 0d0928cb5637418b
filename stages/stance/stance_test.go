package stance

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// docWith builds a one-unit document and mentions for every occurrence of
// each surface form, with the given entity and actor.
func docWith(text, kind string, ents map[string][2]string) *pipeline.Doc {
	u := &pipeline.Unit{ID: "d#0", Kind: kind, Start: 0, End: len(text)}
	for surface, ea := range ents {
		for from := 0; ; {
			k := strings.Index(text[from:], surface)
			if k < 0 {
				break
			}
			s := from + k
			u.Entities = append(u.Entities, pipeline.Mention{Start: s, End: s + len(surface), Text: surface, Entity: ea[0], Actor: ea[1]})
			from = s + len(surface)
		}
	}
	return &pipeline.Doc{ID: "d", Text: text, Clean: text, Units: []*pipeline.Unit{u}}
}

func TestTargets(t *testing.T) {
	text := `The Kremlin praised the partnership. Putin met Kim in Pyongyang. "Seoul is a puppet," KCNA said. The EU stayed silent.`
	ents := map[string][2]string{
		"The Kremlin": {"Kremlin", "Russia"},
		"Putin":       {"Vladimir Putin", "Russia"},
		"Kim":         {"Kim Jong Un", "North Korea"},
		"Pyongyang":   {"Pyongyang", "North Korea"},
		"Seoul":       {"Seoul", "South Korea"},
		"EU":          {"European Union", ""},
	}
	tests := []struct {
		name string
		cfg  pipeline.StanceConfig
		want string // "target@text/voice" joined by ","
	}{
		{
			name: "default actors",
			want: "Russia@The Kremlin/own,Russia@Putin/own,North Korea@Kim/own,North Korea@Pyongyang/own,South Korea@Seoul/quoted",
		},
		{
			name: "configured target by actor",
			cfg:  pipeline.StanceConfig{Targets: []pipeline.Target{{Name: "Russia"}}},
			want: "Russia@The Kremlin/own,Russia@Putin/own",
		},
		{
			name: "configured target by entity and alias",
			cfg: pipeline.StanceConfig{Targets: []pipeline.Target{
				{Name: "EU", Entities: []string{"European Union"}},
				{Name: "Korea", Aliases: []string{"kcna"}, Actors: []string{"North Korea"}},
			}},
			want: "Korea@Kim/own,Korea@Pyongyang/own,Korea@KCNA/own,EU@EU/own",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			d := docWith(text, pipeline.KindArticle, ents)
			if err := c.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range d.Units[0].Stances {
				got = append(got, s.Target+"@"+s.Text+"/"+s.Voice)
				if s.Score < -1 || s.Score > 1 {
					t.Errorf("score %v out of range", s.Score)
				}
			}
			if g := strings.Join(got, ","); g != tt.want {
				t.Errorf("stances = %s, want %s", g, tt.want)
			}
		})
	}
}

// TestConcurrent runs Process on many documents at once, as the runner's
// workers do; -race checks that the shared model and lexicon are only read.
func TestConcurrent(t *testing.T) {
	c, err := New(pipeline.StanceConfig{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Critics condemned Russia. Moscow praised the deal, officials said."
	ents := map[string][2]string{"Russia": {"Russia", "Russia"}, "Moscow": {"Moscow", "Russia"}}
	ref := docWith(text, pipeline.KindArticle, ents)
	if err := c.Process(context.Background(), ref); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint(ref.Units[0].Stances)
	for i := range 16 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			d := docWith(text, pipeline.KindArticle, ents)
			if err := c.Process(context.Background(), d); err != nil {
				t.Error(err)
			}
			if got := fmt.Sprint(d.Units[0].Stances); got != want {
				t.Errorf("concurrent result %s, want %s", got, want)
			}
		})
	}
}

func TestLongUnitWithoutSentences(t *testing.T) {
	c, err := New(pipeline.StanceConfig{Targets: []pipeline.Target{{Name: "Russia"}}})
	if err != nil {
		t.Fatal(err)
	}
	// No sentence punctuation at all, and a text-stage sentence list that
	// misses the mention: the context is bounded, offsets stay right.
	text := strings.Repeat("word ", 400) + "Russia praised " + strings.Repeat("word ", 400)
	d := docWith(text, pipeline.KindArticle, nil)
	d.Units[0].Sentences = []pipeline.Sentence{{Start: 0, End: 10}}
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	st := d.Units[0].Stances
	if len(st) != 1 || text[st[0].Start:st[0].End] != "Russia" {
		t.Fatalf("stances = %+v", st)
	}
	c2 := found{start: st[0].Start, end: st[0].End}
	a, b, _ := sentenceOf(text, d.Units[0], nil, c2)
	if b-a > 2*maxContext+len("Russia") || a > c2.start || b < c2.end {
		t.Errorf("sentenceOf = [%d, %d), want a bounded span around [%d, %d)", a, b, c2.start, c2.end)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(pipeline.StanceConfig{Targets: []pipeline.Target{{Name: " "}}}); err == nil {
		t.Error("New with an unnamed target: want error")
	}
}

func TestProcessTolerant(t *testing.T) {
	c, err := New(pipeline.StanceConfig{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*pipeline.Doc{
		{Text: "no units"},
		{Text: "no entities", Clean: "no entities", Units: []*pipeline.Unit{{End: 11}}},
	} {
		if err := c.Process(context.Background(), d); err != nil {
			t.Errorf("Process(%q) = %v", d.Text, err)
		}
	}
	bad := &pipeline.Doc{Text: "x", Clean: "x", Units: []*pipeline.Unit{{ID: "u", End: 5}}}
	if err := c.Process(context.Background(), bad); err == nil {
		t.Error("Process with a unit outside the text: want error")
	}
}

func TestModelDirection(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence, target, want string
	}{
		{"Critics condemned Russia for its brutal and illegal invasion, which killed thousands.", "Russia", "negative"},
		{"Leaders praised Germany for its generous and successful humanitarian effort.", "Germany", "positive"},
		{"Japan will hold talks on Tuesday in Tokyo.", "Japan", "neutral"},
	}
	for _, tt := range tests {
		i := strings.Index(tt.sentence, tt.target)
		in := Instance{Sentence: tt.sentence, Target: Span{i, i + len(tt.target)}}
		if got, score := m.Predict(in); got != tt.want {
			t.Errorf("Predict(%q, %q) = %s (%.2f), want %s", tt.sentence, tt.target, got, score, tt.want)
		}
	}
}

func TestReadNewsMTSC(t *testing.T) {
	in := `{"sentence_normalized":"“Hello” said Trump to Clinton.","targets":[{"from":13,"to":18,"mention":"Trump","polarity":6.0},{"from":22,"to":29,"mention":"Clinton","polarity":2.0}]}` + "\n"
	exs, err := ReadNewsMTSC(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 2 {
		t.Fatalf("got %d examples, want 2", len(exs))
	}
	e := exs[0]
	if got := e.Sentence[e.Target.Start:e.Target.End]; got != "Trump" || e.Class != 2 || len(e.Others) != 1 {
		t.Errorf("example 0 = %q class %d others %v", got, e.Class, e.Others)
	}
	if exs[1].Class != 0 {
		t.Errorf("example 1 class = %d, want 0", exs[1].Class)
	}
	if _, err := ReadNewsMTSC(strings.NewReader(`{"sentence_normalized":"a","targets":[{"from":0,"to":1,"mention":"a","polarity":3}]}`)); err == nil {
		t.Error("polarity 3: want error")
	}
}

func FuzzReadNewsMTSC(f *testing.F) {
	f.Add(`{"sentence_normalized":"Trump won.","targets":[{"from":0,"to":5,"mention":"Trump","polarity":4.0}]}`)
	f.Add(`{"sentence_normalized":"é x","targets":[{"from":9,"to":2,"mention":"x","polarity":2.0}]}`)
	f.Add("not json")
	m, err := DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		exs, _ := ReadNewsMTSC(strings.NewReader(s))
		for _, e := range exs {
			if e.Target.Start < 0 || e.Target.End > len(e.Sentence) || e.Target.Start > e.Target.End {
				t.Fatalf("target %v outside sentence of %d bytes", e.Target, len(e.Sentence))
			}
			m.Predict(e.Instance)
		}
	})
}

func BenchmarkClassifier(b *testing.B) {
	text := strings.Repeat("The Kremlin praised the new partnership with Pyongyang, but critics in Seoul warned that Moscow was violating sanctions. ", 20)
	d := docWith(text, pipeline.KindArticle, map[string][2]string{
		"The Kremlin": {"Kremlin", "Russia"}, "Pyongyang": {"Pyongyang", "North Korea"},
		"Seoul": {"Seoul", "South Korea"}, "Moscow": {"Moscow", "Russia"},
	})
	c, err := New(pipeline.StanceConfig{})
	if err != nil {
		b.Fatal(err)
	}
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := c.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleClassifier_Process() {
	text := "Critics condemned Russia for its brutal invasion."
	d := &pipeline.Doc{Text: text, Clean: text, Units: []*pipeline.Unit{{
		ID: "d#0", Kind: pipeline.KindArticle, End: len(text),
		Entities: []pipeline.Mention{{Start: 18, End: 24, Text: "Russia", Entity: "Russia", Actor: "Russia"}},
	}}}
	c, _ := New(pipeline.StanceConfig{})
	_ = c.Process(context.Background(), d)
	for _, s := range d.Units[0].Stances {
		fmt.Println(s.Target, s.Voice, s.Label)
	}
	// Output:
	// Russia own negative
}

// TestConfigYAML checks the configuration example given in the README.
func TestConfigYAML(t *testing.T) {
	cfg, err := pipeline.ParseConfig([]byte(`
stance:
  targets:
    - name: Russia
      aliases: [Russian, Moscow, Kremlin, Putin]
      actors: [Russia]
    - name: North Korea
      aliases: [DPRK, Pyongyang, Kim Jong Un]
      entities: [Kim Jong Un]
frames:
  cues:
    security_defense: [shells, "artillery round*"]
    Economic: [sanctions relief]
`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(cfg.Stance)
	if err != nil {
		t.Fatal(err)
	}
	text := "The Kremlin thanked the DPRK."
	d := docWith(text, pipeline.KindArticle, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Units[0].Stances {
		got = append(got, s.Target+"@"+s.Text)
	}
	if g := strings.Join(got, ","); g != "Russia@Kremlin,North Korea@DPRK" {
		t.Errorf("stances = %s", g)
	}
}

func gzipText(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReadModel checks that a model file's weights are what prediction
// reads, that malformed files are refused, and that a read model (which
// keeps no feature names) refuses to be written.
func TestReadModel(t *testing.T) {
	m, err := ReadModel(bytes.NewReader(gzipText(t, "# header\nbias\t1\t0\t-1\nw:great\t-2\t0\t3\n")))
	if err != nil {
		t.Fatal(err)
	}
	if w, ok := m.tab.get(hashName("w:great")); !ok || w != [3]float64{-2, 0, 3} {
		t.Errorf("w:great = %v, %v; want [-2 0 3], true", w, ok)
	}
	if _, ok := m.tab.get(hashName("w:awful")); ok {
		t.Error("a feature the file lacks has weights")
	}
	if _, err := m.WriteTo(io.Discard); err == nil {
		t.Error("WriteTo of a read model: want an error")
	}
	for _, bad := range []string{
		"",                                 // no weights
		"bias\t1\t0\n",                     // three fields
		"bias\t1\tx\t0\n",                  // not a number
		"bias\t1\t0\t-1\nbias\t1\t0\t-1\n", // repeated
	} {
		if _, err := ReadModel(bytes.NewReader(gzipText(t, bad))); err == nil {
			t.Errorf("ReadModel(%q): want an error", bad)
		}
	}
}

func TestSpeakerKeepsOwnFraming(t *testing.T) {
	c, err := New(pipeline.StanceConfig{Targets: []pipeline.Target{{Name: "Trump"}, {Name: "Flynn"}}})
	if err != nil {
		t.Fatal(err)
	}
	text := `Trump said the treatment of Flynn was "unfair", that the agents "lied" and that they "destroyed" a great man.`
	d := docWith(text, pipeline.KindArticle, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var trump, flynn *pipeline.StanceMention
	for i, m := range d.Units[0].Stances {
		switch m.Target {
		case "Trump":
			trump = &d.Units[0].Stances[i]
		case "Flynn":
			flynn = &d.Units[0].Stances[i]
		}
	}
	if trump == nil || flynn == nil {
		t.Fatalf("stances = %+v", d.Units[0].Stances)
	}
	if trump.Role != pipeline.RoleSpeaker || trump.Speaker != "Trump" || trump.Voice != pipeline.VoiceOwn {
		t.Errorf("Trump: role %q speaker %q voice %q, want speaker, Trump, own", trump.Role, trump.Speaker, trump.Voice)
	}
	if trump.Label == "negative" {
		t.Errorf("Trump, the speaker, scored %v (%s): he inherits his speech's negative words", trump.Score, trump.Label)
	}
	if flynn.Voice != pipeline.VoiceQuoted {
		t.Errorf("Flynn voice %q, want quoted", flynn.Voice)
	}
	if flynn.Score <= trump.Score-1 {
		t.Errorf("Flynn %v vs Trump %v", flynn.Score, trump.Score)
	}
}

func TestClauseRole(t *testing.T) {
	l := sharedLexicon()
	tests := []struct {
		sentence, target, want string
	}{
		{"Russia attacked the city on Monday.", "Russia", pipeline.RoleSubject},
		{"The West sanctioned Russia again.", "Russia", pipeline.RoleObject},
		{"In Kyiv, the talks were open.", "Kyiv", pipeline.RoleObject},
		{"Russia.", "Russia", pipeline.RoleOther},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			i := strings.Index(tt.sentence, tt.target)
			if got := clauseRole(l.tokenize(tt.sentence, nil), Span{i, i + len(tt.target)}); got != tt.want {
				t.Errorf("clauseRole(%q, %q) = %q, want %q", tt.sentence, tt.target, got, tt.want)
			}
		})
	}
}
