package voice

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

func TestQuoted(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		target string // first occurrence is checked
		review bool
		want   bool
	}{
		{"plain own voice", "Russia sent troops to the border on Monday.", "Russia", false, false},
		{"straight quotes", `The minister said "Russia is a threat" in Paris.`, "Russia", false, true},
		{"curly quotes", "He called it “a betrayal by Moscow” last week.", "Moscow", false, true},
		{"guillemets", "Le Monde écrit «Moscou ment» ce matin.", "Moscou", false, true},
		{"low-high quotes", "Die Zeitung schrieb „Moskau lügt“ am Montag.", "Moskau", false, true},
		{"outside quotes", `"We will win," said Putin.`, "Putin", false, false},
		{"said that clause", "Officials said that Russia had violated the treaty.", "Russia", false, true},
		{"speaker stays own", "Moscow said the talks had failed.", "Moscow", false, false},
		{"trailing attribution", "Pyongyang is supplying shells, the official said.", "Pyongyang", false, true},
		{"according to leading", "According to Kyiv, Russia fired 40 missiles.", "Russia", false, true},
		{"according to trailing", "Russia fired 40 missiles, according to Kyiv.", "Russia", false, true},
		{"according to speaker own", "Russia fired 40 missiles, according to Kyiv.", "Kyiv", false, false},
		{"told addressee", "Kim told reporters the alliance was strong.", "alliance", false, true},
		{"title abbreviation", "Mr. Putin arrived. Officials said Kim waited.", "Putin", false, false},
		{"unclosed quote ends at paragraph", "\"Russia will pay\n\nChina abstained.", "China", false, false},
		{"review quote is own voice", `"Russia is isolating itself," the paper writes.`, "Russia", true, false},
		{"quote inside review is quoted", `The paper argues Washington erred. As one envoy put it, "Moscow wins" here and everywhere in the region today.`, "Moscow", true, true},
		{"participle then speaker", "Speaking in Minsk, Lukashenko said Russia would win.", "Russia", false, true},
		{"participle speaker own", "Speaking in Minsk, Lukashenko said Russia would win.", "Lukashenko", false, false},
		{"relative clause speaker", "Russia, which denies the charge, said that Kyiv lied.", "Russia", false, false},
		{"trailing with time", "Seoul will respond, the minister said on Tuesday.", "Seoul", false, true},
		{"said everything is not speech", "The image said everything about Russia in 2024.", "Russia", false, false},
		{"parenthetical before tells", "The Kremlin, of course, tells a different story.", "Kremlin", false, false},
		{"inverted said", "Russia will respond, said Peskov.", "Russia", false, true},
		{"noun claims not attribution", "The claims about Russia were false.", "Russia", false, false},
		{"attribution stops at but", "She said she supported the deal, but otherwise did not delve into Russia.", "Russia", false, false},
		{"attribution before but", "She said she supported Russia, but otherwise did not delve into details.", "Russia", false, true},
		{"attribution stops at even though", "He said Kyiv lied -- even though Russia fired first.", "Russia", false, false},
		{"quote across paragraphs", "\"Wal-Mart may be big.\n\nBut Russia can be challenged in court.\"\n\nDukes left.", "Russia", false, true},
		{"after quote across paragraphs", "\"Wal-Mart may be big.\n\nBut they can be challenged.\"\n\nRussia left.", "Russia", false, false},
		{"quote mark repeated per paragraph", "“The first part.\n\n“The second part, about Russia.”\n\nChina abstained.", "Russia", false, true},
		{"open quote without close stays in paragraph", "“Russia will pay\n\nChina abstained. Later “Moscow” spoke.", "China", false, false},
		{"nested curly quote", "“He called it “a war of choice” and Russia lost,” she said.", "Russia", false, true},
		{"curly closed by straight", "“Russia lost,\" said Peskov, and China won.", "Russia", false, true},
		{"statement after colon", "Trump tweeted on Sunday:\n\nRussia is a great friend.\n\nOthers disagreed.", "Russia", false, true},
		{"after colon statement", "Trump tweeted on Sunday:\n\nIt is a great day.\n\nRussia disagreed.", "Russia", false, false},
		{"colon without cue", "CNN shared footage of the arrest:\n\nRussia denied it.", "Russia", false, false},
		{"speech verb inside quote", "“I came to say that it is wrong,” Mr. Obama said to Russia's applause.", "Russia", false, false},
		{"trailing after closing quote", "“We advocated for them,” Mr. Ryan said, facing Russia.", "Russia", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.text, tt.target)
			if i < 0 {
				t.Fatalf("target %q not in text", tt.target)
			}
			spans := Unit(tt.text, tt.review)
			if got := Quoted(spans, i, i+len(tt.target)); got != tt.want {
				t.Errorf("Quoted(%q, %q) = %v, want %v (spans %v)", tt.text, tt.target, got, tt.want, spans)
			}
		})
	}
}

func TestQuotedPhraseHoldingAttribution(t *testing.T) {
	text := "Ms. Harf said that Mrs. Clinton was the only secretary of state who sent emails."
	spans := Spans(text)
	if Quoted(spans, 0, len(text)) {
		t.Errorf("Quoted(%q) = true, want false: the phrase holds its own attribution (spans %v)", text, spans)
	}
	i := strings.Index(text, "Mrs. Clinton")
	if !Quoted(spans, i, len(text)) {
		t.Errorf("Quoted(%q) = false, want true (spans %v)", text[i:], spans)
	}
	if s := NewSpeech(text); s.Quoted(0, len(text)) || !s.Quoted(i, len(text)) {
		t.Errorf("Speech.Quoted disagrees with Quoted on %q", text)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"One. Two! Three?", 3},
		{"Mr. Putin met Kim in the U.S. Army base. Then left.", 2},
		{`"We won." He left.`, 2},
		{"Line one\nLine two", 2},
		{"", 0},
	}
	for _, tt := range tests {
		if got := Sentences(tt.text); len(got) != tt.want {
			t.Errorf("Sentences(%q) = %v, want %d sentences", tt.text, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	ws := Words("Don’t stop, well-being matters")
	var got []string
	for _, w := range ws {
		got = append(got, w.Lower)
	}
	if strings.Join(got, "|") != "don't|stop|well-being|matters" {
		t.Errorf("Words lower = %v", got)
	}
	if !ws[0].Break || ws[1].Break || !ws[2].Break {
		t.Errorf("Words breaks = %v", ws)
	}
}

func FuzzSpans(f *testing.F) {
	for _, s := range []string{`"a" b`, "«x» „y“ “z”", "X said that y. According to Z, w.", "\"open\n\nnext", "a, said b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, review := range []bool{false, true} {
			for _, sp := range Unit(s, review) {
				if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
					t.Fatalf("Unit(%q) span %v out of range", s, sp)
				}
			}
		}
		for _, st := range Sentences(s) {
			if st[0] < 0 || st[1] > len(s) || st[0] > st[1] {
				t.Fatalf("Sentences(%q) span %v out of range", s, st)
			}
		}
	})
}

func ExampleSpans() {
	text := `Moscow said the talks failed. "It is over," one diplomat added.`
	for _, s := range Spans(text) {
		fmt.Printf("%s %q\n", s.Kind, text[s.Start:s.End])
	}
	// Output:
	// attributed "the talks failed"
	// quote "\"It is over,\""
	// attributed "It is over"
}

func TestFlatten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"It’s  great", "It's great"},
		{"“Wonderful”\nnews", `" Wonderful " news`},
		{"a\u00a0b\t c", "a b c"},
		{"«Non»", `" Non "`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Flatten(tt.in); got != tt.want {
			t.Errorf("Flatten(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// flattenRef is Flatten as first written, rune by rune, to check the
// byte fast paths against.
func flattenRef(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		switch r {
		case '’', '‘', '`', '´':
			r = '\''
		case '“', '”', '„', '«', '»', '"':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("\" ")
			space = true
			continue
		}
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSpace(b.String())
}

func TestFlattenMatchesReference(t *testing.T) {
	parts := []string{"a", "Word", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\"", "`", "'", "’", "‘", "´",
		"“", "”", "„", "«", "»", "é", "\xff", ".", "!", "\u0085", "x y"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := Flatten(s), flattenRef(s); got != want {
			t.Fatalf("Flatten(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFlatten(f *testing.F) {
	for _, s := range []string{"", "a b", " a  b ", "“x”", "it’s\t\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Flatten(s), flattenRef(s); got != want {
			t.Errorf("Flatten(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestWordsASCIIMatchesUTF8(t *testing.T) {
	parts := []string{"a", "Word", "US", " ", "'", "-", "’", "x'", "'s", "don't", "well-known", "--", "9", ".", "é", "\n"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := "[" + b.String() + "]"
		got, want := words(s, 1, len(s)-1, nil), wordsUTF8(s, 1, len(s)-1, nil)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("words(%q) = %v, want %v", s, got, want)
		}
	}
}
