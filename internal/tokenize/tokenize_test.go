package tokenize_test

import (
	"bufio"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/tokenize"
	prose "github.com/jdkato/prose/v3/tokenize"
)

var conll = flag.String("conll", "", "also compare on the words of this CoNLL file, one sentence a line (never read by default)")

// same reports the first difference between our tokens and prose's for s.
func same(t *testing.T, s string) {
	t.Helper()
	want := prose.New().Tokenize(s)
	got := tokenize.New().Tokenize(s)
	if len(got) != len(want) {
		t.Fatalf("Tokenize(%q) = %v, want %v", s, got, want)
	}
	for i := range got {
		if got[i].Text != want[i].Text || got[i].Start != want[i].Start || got[i].Tag != "" {
			t.Fatalf("Tokenize(%q)[%d] = %+v, want %+v", s, i, got[i], want[i])
		}
	}
}

func TestTable(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"contraction", "They'll say it isn't so.", "They 'll say it is n't so ."},
		{"curly", "“It’s Kim’s,” she said.", "“ It ’s Kim ’s , ” she said ."},
		{"abbreviations", "The U.S. met Jan. Gen. Smith.", "The U.S. met Jan. Gen. Smith ."},
		{"money", "($4.8 million)", "( $ 4.8 million )"},
		{"emoticon", "ok :) (-_-) :-(", "ok : ) (-_-) :-("},
		{"contraction at start", "'s's n'tn't", "'s's n'tn't"},
		{"spaces", "  a \t b\u00a0c ", "a b c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tk := range tokenize.New().Tokenize(tc.in) {
				got = append(got, tk.Text)
			}
			if s := strings.Join(got, " "); s != tc.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tc.in, s, tc.want)
			}
			same(t, tc.in)
		})
	}
}

// TestSameAsProse compares with prose on every line of the fixtures corpus,
// on the corpus with every line break turned into a space, and on generated
// strings built from tricky pieces.
func TestSameAsProse(t *testing.T) {
	n := 0
	err := fs.WalkDir(fixtures.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fixtures.FS, path)
		if err != nil {
			return err
		}
		same(t, string(b))
		for line := range strings.Lines(string(b)) {
			same(t, line)
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d fixture lines", n)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for k := r.IntN(8); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
		}
		same(t, b.String())
	}
	// Every short string over an alphabet of the bytes the scanners
	// branch on.
	const alpha = "aAnN'’.$“”‘(:)-sltU \t"
	runes := []rune(alpha)
	var gen func(prefix string, depth int)
	gen = func(prefix string, depth int) {
		same(t, prefix)
		if depth == 0 {
			return
		}
		for _, c := range runes {
			gen(prefix+string(c), depth-1)
		}
	}
	gen("", 4)
}

var seps = []string{" ", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "", "\u3000"}

var pieces = []string{
	"https://www.reuters.com/world/asia-pacific/kim-putin-2024-06-19/", "http://example.org/a?b=c&d=e#f", "www.kcna.kp",
	"press@kcna.kp", "j.smith@nytimes.com", "#Ukraine", "#NorthKorea2024", "@KremlinRussia_E", "@jdkato",
	":)", ":-(", ";)", ":D", "XD", "xD", "<3", "(-_-)", "¯\\(ツ)/¯", ":P", "(:", "o.O", "^_^", ":')",
	"don't", "DON'T", "can't", "won’t", "it's", "It’s", "they'll", "We're", "I'm", "y'all", "'s", "n't", "rock'n'roll", "o'clock", "Kim's", "Kim’s", "Jones'",
	"\"Quote\"", "“quote”", "‘single’", "'single'", "«guillemets»", "„German“", "``tex''", "\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "{", "}",
	"well-known", "Kim Jong-un", "--", "—", "–", "-", "self-", "-based",
	"...", "…", "wait...", "so…", "etc.", "e.g.", "i.e.", "U.S.", "U.S.A.", "U.K.", "u.s.", "A.B", "Jan.", "Feb.", "Sept.", "Mr.", "Mrs.", "Dr.", "St.", "Inc.", "Co.", "Ltd.", "No.", "Gen.", "Lt.", "ABC.", "Abcd.", "A.", "V.",
	"4.8", "4,800,000", "1.234,56", "$4.8", "$", "€5", "£3.50", "¥100", "US$20", "20%", "3/4", "2024-06-19", "19.06.2024", "10:30", "+82", "-3.5", "1st", "42nd", "'90s", "1990s",
	"Süddeutsche", "Zürich", "naïve", "façade", "Москва", "Пхеньян", "김정은", "平壤", "北京市", "東京", "مرحبا", "שלום", "🇰🇵", "🙂", "👍🏽", "🚀🚀", "é", "e\u0301",
	"(Reuters)", "(AP)", "[1]", "(see above).", "end.\"", "end.”", "said:", "said;", "really?!", "what?\"", "(U.S.)", "\"U.S.\"", "Jan.,", "(Jan.)",
	"**bold**", "_it_", "<b>", "&amp;", "a/b", "a\\b", "x\x00y", "\xff", "\xe2\x80", "a\xe2\x80\x9d",
	"SEOUL", "Putin", "Kim", "the", "a", "and", "N'Djamena", "n'", "N’T", "'LL", "'Re", "'M",
}

// TestCoNLL compares on a CoNLL file given with -conll.
func TestCoNLL(t *testing.T) {
	if *conll == "" {
		t.Skip("no -conll file")
	}
	f, err := os.Open(*conll)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "-DOCSTART-") {
			if len(words) > 0 {
				same(t, strings.Join(words, " "))
				n++
			}
			words = words[:0]
			continue
		}
		words = append(words, fields[0])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d sentences", n)
}

func FuzzSameAsProse(f *testing.F) {
	for _, p := range pieces {
		f.Add(p)
	}
	f.Add("They'll say “it’s Kim’s,” ($4.8) U.S. Jan. :)")
	f.Fuzz(func(t *testing.T, s string) { same(t, s) })
}

func BenchmarkTokenize(b *testing.B) {
	s := strings.Repeat("SEOUL, June 19 (Reuters) - North Korean leader Kim Jong Un welcomed Russian President Vladimir Putin to Pyongyang on Wednesday, state media said. Analysts said the pact was \"a threat\" to 4.8 million people. ", 20)
	for _, bc := range []struct {
		name string
		fn   func(string) int
	}{
		{"fork", func(s string) int { return len(tokenize.New().Tokenize(s)) }},
		{"prose", func(s string) int { return len(prose.New().Tokenize(s)) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			n := 0
			for b.Loop() {
				n += bc.fn(s)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

func ExampleTokenizer_Tokenize() {
	for _, tk := range tokenize.New().Tokenize("They'll meet in the U.S. on Jan. 5.") {
		fmt.Printf("%d:%s ", tk.Start, tk.Text)
	}
	fmt.Println()
	// Output: 0:They 4:'ll 8:meet 13:in 16:the 20:U.S. 25:on 28:Jan. 33:5 34:.
}
