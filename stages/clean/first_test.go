package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

func TestFirstOf(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
		starts  string // bytes that must be in the set
		not     string // bytes that must not be
	}{
		{`(?i)^(?:share|print)$`, true, "sSpP", "xX1 "},
		{`(?i)^(?:\d+ comments?)$`, true, "0123456789", "cC"},
		{`^(?:source|quelle)\s*:.*$`, true, "sq", "SQx"},
		{`(?i)^(?:.*all rights reserved.*)$`, false, "", ""},
		{`(?i)^(?:\(?(?:photo|image) by x)$`, true, "(pPiI", "xb"},
		{`^(?:©|\(c\))$`, true, "(\xc2\xe2", "c"},
		{`^(?:x*)$`, false, "", ""}, // matches the empty line
		{`(?i)^(?:-?end-|\[?ad\]?)$`, true, "-eE[aA", "dD"},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			f := firstOf(tt.pattern, syntax.Perl)
			if f.ok != tt.ok {
				t.Fatalf("firstOf(%q).ok = %v, want %v", tt.pattern, f.ok, tt.ok)
			}
			for i := range len(tt.starts) {
				if !f.has(tt.starts[i]) {
					t.Errorf("firstOf(%q) lacks %q", tt.pattern, tt.starts[i])
				}
			}
			for i := range len(tt.not) {
				if f.has(tt.not[i]) {
					t.Errorf("firstOf(%q) has %q", tt.pattern, tt.not[i])
				}
			}
		})
	}
}

// FuzzFirstSet checks the filter never rejects a line a shipped rule
// matches: it may only skip work, never change what is furniture.
func FuzzFirstSet(f *testing.F) {
	for _, s := range []string{"Share this article", "© 2024 Reuters", "(END)", "burs-ah/jj", "[ad]", "Ékrit", "12 comments", "\xffx", "  Print"} {
		f.Add(s)
	}
	type compiled struct {
		re    *regexp.Regexp
		first firstSet
	}
	var rules []compiled
	for _, r := range defaultRules {
		p := `(?i)^(?:` + r.pattern + `)$`
		rules = append(rules, compiled{regexp.MustCompile(p), firstOf(p, syntax.Perl)})
	}
	f.Fuzz(func(t *testing.T, line string) {
		if line == "" {
			return
		}
		for _, r := range rules {
			if r.re.MatchString(line) && !r.first.has(line[0]) {
				t.Fatalf("%s matches %q but its first set lacks %q", r.re, line, line[0])
			}
		}
	})
}

func TestDashOrSlash(t *testing.T) {
	for _, s := range []string{"", "abc", "LONDON - x", "a/b", "PARIS — x", "BERLIN – x", "é", "\xe2\x80", "“quoted”"} {
		if got, want := dashOrSlash(s), strings.ContainsAny(s, "-—–/"); got != want {
			t.Errorf("dashOrSlash(%q) = %v, want %v", s, got, want)
		}
	}
}
