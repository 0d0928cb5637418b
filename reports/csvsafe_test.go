package reports

import "testing"

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Le Monde", "Le Monde"},
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{`+cmd|' /C calc'!A0`, `'+cmd|' /C calc'!A0`},
		{"@SUM(1+1)", "'@SUM(1+1)"},
		{"-2+3", "'-2+3"},
		{"\tx", "'\tx"},
		{"\r=1", "'\r=1"},
		{"-0.25", "-0.25"},
		{"+5", "+5"},
		{"-1e3", "-1e3"},
		{"-1.5E-2", "-1.5E-2"},
		{"-", "'-"},
		{"-.", "'-."},
		{"-1e", "'-1e"},
		{"-Inf", "'-Inf"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := safeCell(tt.in); got != tt.want {
			t.Errorf("safeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
