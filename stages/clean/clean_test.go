package clean_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/golden"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/clean"
)

func newCleaner(t testing.TB, extra ...string) *clean.Cleaner {
	t.Helper()
	c, err := clean.New(pipeline.CleanConfig{Furniture: extra})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkInvariant fails t unless out has in's length and, where in is valid
// UTF-8, is valid UTF-8 with a rune boundary wherever in has one.
func checkInvariant(t testing.TB, in, out string) {
	t.Helper()
	if len(out) != len(in) {
		t.Fatalf("len(Clean) = %d, want %d", len(out), len(in))
	}
	if !utf8.ValidString(in) {
		return
	}
	if !utf8.ValidString(out) {
		t.Fatalf("Clean(%q) = %q: invalid UTF-8", in, out)
	}
	for i := range len(in) {
		if utf8.RuneStart(in[i]) && !utf8.RuneStart(out[i]) {
			t.Fatalf("Clean(%q): rune boundary at %d lost", in, i)
		}
	}
}

func TestWrapJoining(t *testing.T) {
	c := newCleaner(t)
	tests := []struct {
		name, in, want string
	}{
		{
			name: "hard wrapped paragraph",
			in:   "SEOUL (Reuters) - Russian President Vladimir Putin arrived in\nPyongyang early on Wednesday for his first visit to North Korea in 24\nyears, as North Korean leader Kim Jong Un vowed support.\n",
			want: "SEOUL (Reuters) - Russian President Vladimir Putin arrived in Pyongyang early on Wednesday for his first visit to North Korea in 24 years, as North Korean leader Kim Jong Un vowed support.\n",
		},
		{
			name: "crlf",
			in:   "The visit, Putin's second trip to the country after a stop in\r\n2000, comes nine months after Kim travelled to Russia's Far East\r\nlast September.\r\n",
			want: "The visit, Putin's second trip to the country after a stop in  2000, comes nine months after Kim travelled to Russia's Far East  last September.\r\n",
		},
		{
			name: "paragraph break kept",
			in:   "Kim is expected to spend several more days in Russia, visiting\naircraft factories.\n\nWestern officials fear Pyongyang could supply the Kremlin with\nshells.",
			want: "Kim is expected to spend several more days in Russia, visiting aircraft factories.\n\nWestern officials fear Pyongyang could supply the Kremlin with shells.",
		},
		{
			name: "heading followed by title case",
			in:   "Shells for technology\nWestern and South Korean intelligence agencies say North Korea\nhas shipped millions of shells.",
			want: "Shells for technology\nWestern and South Korean intelligence agencies say North Korea has shipped millions of shells.",
		},
		{
			name: "wrapped headline",
			in:   "Putin arrives in North Korea for rare visit as Kim pledges \"full\nsupport\"\n\nBy Josh Smith",
			want: "Putin arrives in North Korea for rare visit as Kim pledges \"full support\"\n\nBy Josh Smith",
		},
		{
			name: "list items",
			in:   "The duties announced on Wednesday are:\n- 17.4% for BYD\n- 20% for Geely\n* 38.1% for SAIC\n• 21% for others\n1. first\n2) second",
			want: "The duties announced on Wednesday are:\n- 17.4% for BYD\n- 20% for Geely\n* 38.1% for SAIC\n• 21% for others\n1. first\n2) second",
		},
		{
			name: "wrapped list item continues in lower case",
			in:   "- the first item is long enough that it has to wrap onto the\n  next line",
			want: "- the first item is long enough that it has to wrap onto the   next line",
		},
		{
			name: "review section lines",
			in:   "Le Monde (FR) /\nEurope finally defends itself\nThe Paris daily welcomes the decision:\n\"For once.\"\n\nHospodářské noviny (CZ) /\nAn axis\nThe paper warns:",
			want: "Le Monde (FR) /\nEurope finally defends itself\nThe Paris daily welcomes the decision:\n\"For once.\"\n\nHospodářské noviny (CZ) /\nAn axis\nThe paper warns:",
		},
		{
			name: "dateline starts a paragraph",
			in:   "Defense minister says N. Korea shipped about 1 million rounds to\nRussia since last year\nSeoul, June 19 (Yonhap) -- North Korea has sent about 1 million\nunits of ammunition.",
			want: "Defense minister says N. Korea shipped about 1 million rounds to Russia since last year\nSeoul, June 19 (Yonhap) -- North Korea has sent about 1 million units of ammunition.",
		},
		{
			name: "markdown heading",
			in:   "## Shells for technology\nWestern and South Korean intelligence agencies say North Korea",
			want: "## Shells for technology\nWestern and South Korean intelligence agencies say North Korea",
		},
		{
			name: "long lines are not wrapped text",
			in:   strings.Repeat("word ", 30) + "\n" + strings.Repeat("next ", 30),
			want: strings.Repeat("word ", 30) + "\n" + strings.Repeat("next ", 30),
		},
		{
			name: "indented line starts a paragraph",
			in:   "The first paragraph ends with a line that is rather long, here\n    The second paragraph is indented.",
			want: "The first paragraph ends with a line that is rather long, here\n    The second paragraph is indented.",
		},
		{name: "empty", in: "", want: ""},
		{name: "only breaks", in: "\n\r\n\n", want: "\n\r\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := c.Clean(tt.in)
			checkInvariant(t, tt.in, got)
			if got != tt.want {
				t.Errorf("Clean(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFurniture(t *testing.T) {
	c := newCleaner(t, `(?i)more from our partners`, `Zum Seitenanfang`)
	tests := []struct {
		line, rule string // rule "" means kept
	}{
		{"Share this article", "share"},
		{"Print", "share"},
		{"E-mail", "share"},
		{"Comments (12)", "comments"},
		{"Comments are closed.", "comments"},
		{"Continued in next column", "continued"},
		{"Advertisement", "advertisement"},
		{"**Advertisement**", "advertisement"},
		{"© 2024 Reuters. All rights reserved.", "copyright"},
		{"Copyright 2024 The Associated Press. All rights reserved. This", "copyright"},
		{"material may not be published, broadcast, rewritten or redistributed.", "copyright"},
		{"This material may not be published, broadcast, rewritten or redistributed", "copyright"},
		{"© The New York Times Company 2024", "copyright"},
		{"Source site: tagesschau.de", "source"},
		{"Source: The Guardian", "source"},
		{"Status: 18.06.2024 10:37 a.m.", "status"},
		{"Published: September 13, 2023 - 18:42", "status"},
		{"Updated 9:48 AM GMT+1, October 30, 2024", "status"},
		{"June 12, 2024 4:05 PM GMT+2 Updated 5 hours ago", "status"},
		{"Read more:", "read-more"},
		{"Read more: Putin lands in Pyongyang", "read-more"},
		{"Page 2 of 3", "page"},
		{"We use cookies to improve your experience. Accept all cookies", "cookies"},
		{"(END)", "end"},
		{"burs-ah/jj", "end"},
		{"More from our partners", "custom"},
		{"Photograph: Jane Doe/AP", "caption"},
		{"Photo: Reuters", "caption"},
		{"(Photo by Jane Doe/Getty Images)", "caption"},
		{"Sign in", "account"},
		{"Subscribe", "account"},
		{"Topics: North Korea, Russia", "tags"},
		{"Zum Seitenanfang", "custom"},
		{"Share this article: Facebook X LinkedIn Email", "share"},
		{"Facebook | Twitter | WhatsApp", "share"},
		{"Reporting by David Morgan and Richard Cowan; Editing by Scott Malone and Diane Craft", "credit"},
		{"(Reporting by Josh Smith in Seoul; Additional reporting by Ju-min Park; Editing by Ed Davies)", "credit"},
		{"Reporting by Julia Marsh and Piotr Nowak in Brussels; Additional", "credit"},
		{"Writing by Andrew Osborn; Editing by Alex Richardson.", "credit"},
		{"Associated Press writer Hyung-jin Kim in Seoul, South Korea, contributed to this report.", "credit"},
		{"Our Standards: The Thomson Reuters Trust Principles.", "standards"},
		{"Follow AP's coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine", "read-more"},
		// Kept: body text that merely mentions these words.
		{"Putin said the deal would be published on Friday.", ""},
		{"The source said talks would continue.", ""},
		{"Copyright law in the EU is complex and was debated at length in parliament.", ""},
		{"Print media in Russia are under state control.", ""},
		{"zum seitenanfang", ""}, // custom patterns are case-sensitive
		{"June 19, 2024", ""},
		{"Reporting by the newspaper showed the ministry had ignored the warnings.", ""},
		{"Share prices fell on Facebook and Twitter after the ruling.", ""},
		{"Editing by committee has slowed the bill, Johnson said.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			in := "Intro line.\n\n  " + tt.line + "\r\n\nLast line."
			got, rm := c.Clean(in)
			checkInvariant(t, in, got)
			if tt.rule == "" {
				if len(rm) != 0 || got != in {
					t.Errorf("Clean(%q) removed %+v, want nothing", tt.line, rm)
				}
				return
			}
			if len(rm) != 1 {
				t.Fatalf("Clean(%q) removed %+v, want one %s removal", tt.line, rm, tt.rule)
			}
			r := rm[0]
			if r.Rule != tt.rule || r.Text != tt.line || in[r.Start:r.End] != tt.line {
				t.Errorf("Clean(%q) removal = %+v, want rule %s", tt.line, r, tt.rule)
			}
			if want := "Intro line.\n\n" + strings.Repeat(" ", 2+len(tt.line)) + "\r\n\nLast line."; got != want {
				t.Errorf("Clean(%q) = %q, want %q", tt.line, got, want)
			}
		})
	}
}

func TestNewInvalidPattern(t *testing.T) {
	_, err := clean.New(pipeline.CleanConfig{Furniture: []string{"ok", "(unclosed"}})
	if err == nil || !strings.HasPrefix(err.Error(), "clean: ") {
		t.Fatalf("New(invalid) error = %v, want a clean: error", err)
	}
}

func TestProcess(t *testing.T) {
	c := newCleaner(t)
	if c.Name() != "clean" {
		t.Errorf("Name() = %q", c.Name())
	}
	d := &pipeline.Doc{Text: "Share this article\n\nTitle\n\nBody text that wraps at a narrow width so that it\ncontinues here.\n"}
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	checkInvariant(t, d.Text, d.Clean)
	if len(d.Removed) != 1 || d.Removed[0].Rule != "share" {
		t.Errorf("Removed = %+v", d.Removed)
	}
	if !strings.Contains(d.Clean, "width so that it continues here.") {
		t.Errorf("Clean = %q: wrap not joined", d.Clean)
	}
}

// TestFixturesGolden records what the cleaner does to the fixture corpus:
// each removal and each line of the cleaned text.
func TestFixturesGolden(t *testing.T) {
	c := newCleaner(t)
	for _, dir := range []string{"wire", "papers", "reviews"} {
		entries, err := fs.ReadDir(fixtures.FS, "corpus/"+dir)
		if err != nil {
			t.Skipf("no fixtures: %v", err)
		}
		var out strings.Builder
		for _, e := range entries {
			b, err := fs.ReadFile(fixtures.FS, path.Join("corpus", dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			in := string(b)
			got, rm := c.Clean(in)
			checkInvariant(t, in, got)
			out.WriteString("=== " + e.Name() + "\n")
			for _, r := range rm {
				j, _ := json.Marshal(r)
				out.WriteString("removed " + string(j) + "\n")
			}
			for l := range strings.SplitSeq(got, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					out.WriteString("| " + l + "\n")
				}
			}
		}
		golden.Assert(t, "testdata/"+dir+".golden", []byte(out.String()))
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "\n", "\r\n\r\n", "Share this article\n\nBody.",
		"SEOUL (Reuters) - Russian President Vladimir Putin arrived in\nPyongyang early on Wednesday.",
		"Le Monde (FR) /\nTitle\nText\n\nNZZ (CH) /\nTitle\n", "Hospodářské noviny (CZ) /\nÜber\r\nnächste",
		"- a\n- b\n1. c", "\xff\xfe\n\xc3", "© 2024 Reuters\nmaterial may not be published, broadcast",
	} {
		f.Add(s)
	}
	c := newCleaner(f, `x+`)
	f.Fuzz(func(t *testing.T, in string) {
		out, rm := c.Clean(in)
		checkInvariant(t, in, out)
		for _, r := range rm {
			if r.Start < 0 || r.End > len(in) || r.Start > r.End || in[r.Start:r.End] != r.Text {
				t.Fatalf("bad removal %+v", r)
			}
		}
		// Line breaks are either kept or turned into spaces, never moved.
		for i := range len(in) {
			if out[i] != in[i] && out[i] != ' ' {
				t.Fatalf("byte %d changed to %q", i, out[i])
			}
		}
	})
}

func BenchmarkClean(b *testing.B) {
	c := newCleaner(b)
	texts, n := fixtures.Articles()
	if len(texts) == 0 {
		b.Skip("no fixtures")
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range texts {
			c.Clean(s)
		}
	}
}
