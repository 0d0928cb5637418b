package vader

import (
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/voice"
	"github.com/jonreiter/govader"
)

// same reports whether got and want are bit-identical.
func same(got Sentiment, want govader.Sentiment) bool {
	b := math.Float64bits
	return b(got.Compound) == b(want.Compound) && b(got.Positive) == b(want.Positive) &&
		b(got.Negative) == b(want.Negative) && b(got.Neutral) == b(want.Neutral)
}

func check(t *testing.T, a *Analyzer, sia *govader.SentimentIntensityAnalyzer, s string) {
	t.Helper()
	if got, want := a.PolarityScores(s), sia.PolarityScores(s); !same(got, want) {
		t.Errorf("PolarityScores(%q) = %+v, want govader's %+v", s, got, want)
	}
}

func TestPolarityScoresCases(t *testing.T) {
	a, sia := Default(), govader.NewSentimentIntensityAnalyzer()
	for _, s := range []string{
		"", " ", "  ", "\t", "good", "GOOD", "The food is GOOD and the service is bad.",
		"not good", "not very good", "never so good", "never this good", "without doubt good",
		"without a doubt good", "no good", "no problem at all", "no, nor good", "no doubt or good",
		"it is not bad at all", "isn't good", "isnt good", "ain't great", "wasn't the worst",
		"kind of good", "sort of bad", "Kind Of good", "just enough good", "the bomb", "this is the bomb",
		"you are the shit", "bad ass movie", "yeah right great", "kiss of death today", "a movie to die for",
		"at least good", "very least good", "the least good", "least good", "Least good", "LEAST good",
		"good but bad", "bad BUT good", "but", "good but", "but but good bad",
		"VERY GOOD indeed", "VERY good indeed", "very GOOD indeed", "ALL CAPS SENTENCE GOOD",
		"good!", "good!!", "good!!!!!!!", "good?", "good??", "good???", "good?????", "bad!!!", "bad??",
		":) :( :-) :D <3 </3 ;) :P", "(good)", "...good...", "'good'", "\"good\"", "--good--", "g!", "!!",
		"good  bad", " good bad ", "good\tbad", "good\u00a0bad", "café is good", "NAÏVE GOOD plan", "ÉNORME succès",
		"good \xff bad", "\xff\xfe", "I ❤ this 😀 and 😢", "😀😀😀", "x😀y", "good 👍", "ok\U0001F600",
		"extremely bad", "EXTREMELY bad but fine", "barely good", "hardly bad", "not extremely good",
		"The president's plan didn’t fail", "no no no", "No good", "uh-uh good", "uhuh good", "despite good",
	} {
		check(t, a, sia, s)
	}
}

// TestPolarityScoresFixtures compares every sentence of the fixtures
// corpus, raw and flattened as the stages score them.
func TestPolarityScoresFixtures(t *testing.T) {
	a, sia := Default(), govader.NewSentimentIntensityAnalyzer()
	n := 0
	err := fs.WalkDir(fixtures.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fixtures.FS, path)
		if err != nil {
			return err
		}
		text := string(b)
		for _, s := range voice.Sentences(text) {
			check(t, a, sia, text[s[0]:s[1]])
			check(t, a, sia, voice.Flatten(text[s[0]:s[1]]))
			n++
		}
		for _, line := range strings.Split(text, "\n") {
			check(t, a, sia, line)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("compared %d fixture sentences, want at least 100", n)
	}
}

var vocab = []string{
	"good", "bad", "great", "terrible", "GOOD", "BAD", "Great", "not", "no", "never", "without", "doubt",
	"isn't", "don't", "cannot", "nor", "or", "very", "VERY", "extremely", "barely", "kind", "of", "sort",
	"just", "enough", "but", "BUT", "But", "so", "this", "the", "bomb", "shit", "bad", "ass", "yeah", "right",
	"kiss", "death", "to", "die", "for", "at", "least", "LEAST", "upper", "hand", "!", "?", "!!", "???",
	":)", ":(", ":D", "<3", "😀", "😢", "❤", "war", "peace", "attack", "killed", "agreement", "hope", "fear",
	"(good)", "bad,", "good.", "'great'", "\"bad\"", "--", "...", "café", "ÉNORME", "naïve", "\xff", "",
	"a", "an", "it", "is", "was", "summit", "Russia", "NATO", "U.S.", "praised", "condemned", "lol", "LOL",
	"wtf", "haha", "fucking", "kinda", "sorta", "despite", "wasn't", "uh-uh", "sucks", "love", "hate",
}

var seps = []string{" ", " ", " ", " ", " ", "  ", "\t", "\u00a0", ", ", "! ", "? "}

func TestPolarityScoresGenerated(t *testing.T) {
	a, sia := Default(), govader.NewSentimentIntensityAnalyzer()
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for k := range 1 + r.IntN(14) {
			if k > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(vocab[r.IntN(len(vocab))])
		}
		check(t, a, sia, b.String())
		if t.Failed() {
			return
		}
	}
}

func FuzzPolarityScores(f *testing.F) {
	for _, s := range []string{"good", "not VERY good!!", "kind of the bomb but bad", "😀 :) \xff"} {
		f.Add(s)
	}
	a, sia := Default(), govader.NewSentimentIntensityAnalyzer()
	f.Fuzz(func(t *testing.T, s string) { check(t, a, sia, s) })
}

func BenchmarkPolarityScores(b *testing.B) {
	s := "The summit was hailed as a great success, but critics warned of a dangerous new alliance."
	b.Run("fork", func(b *testing.B) {
		a := Default()
		b.ReportAllocs()
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			a.PolarityScores(s)
		}
	})
	b.Run("govader", func(b *testing.B) {
		sia := govader.NewSentimentIntensityAnalyzer()
		b.ReportAllocs()
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			sia.PolarityScores(s)
		}
	})
}

func ExampleAnalyzer_PolarityScores() {
	s := Default().PolarityScores("The talks were a great success.")
	fmt.Printf("%.4f\n", s.Compound)
	// Output: 0.8316
}
