package text

import (
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/jdkato/prose/v3/segment"
)

// TestMayHaveSentences checks that every line the stage does not segment is
// one sentence (or none) for prose's segmenter, on the fixtures corpus and on
// generated lines, so that skipping the segmenter changes nothing.
func TestMayHaveSentences(t *testing.T) {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	check := func(line string) {
		if !mayHaveSentences(line) {
			if got := seg.Segment(line); len(got) > 1 {
				t.Fatalf("mayHaveSentences(%q) = false, but prose finds %d sentences: %+v", line, len(got), got)
			}
		}
	}
	skipped := 0
	err = fs.WalkDir(fixtures.FS, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fixtures.FS, path)
		if err != nil {
			return err
		}
		for line := range strings.Lines(string(b)) {
			line = strings.TrimRight(line, "\r\n")
			if !mayHaveSentences(line) {
				skipped++
			}
			check(line)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if skipped == 0 {
		t.Error("no fixture line skips the segmenter")
	}
	words := []string{
		"He", "left.", "Kim", "said", "U.S.", "Mr.", "Jan.", "4.8", "why?", "No!", "\"Go.\"", "“Go.”", "(see", "p.)", "...", "…", "Yahoo!",
		"e.g.", "a.m.", ".", "?", "!", "?!", "end.”", "(Reuters)", "-", "The", "the", "St.", "Inc.", "www.kcna.kp", "Ok?'", "x.[1]", "A.", "V.",
	}
	seps := []string{" ", "  ", "\t", "\u00a0", "\u3000", ""}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for k := r.IntN(6); k >= 0; k-- {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		check(b.String())
	}
}

func TestMayHaveSentencesTable(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"PYONGYANG", false},
		{"He left.", false},
		{"He left.  ", false},
		{"Why? Because.", true},
		{"4.8 million shells", true},
		{"U.S. officials said", true},
	}
	for _, tc := range tests {
		if got := mayHaveSentences(tc.in); got != tc.want {
			t.Errorf("mayHaveSentences(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
