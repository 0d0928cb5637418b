package figures

import (
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func TestResolveClaimant(t *testing.T) {
	tests := []struct{ name, text, who, want string }{
		{"ministry to state", "x", "South Korea's defence ministry", "South Korea"},
		{"demonym body", "x", "Ukrainian military intelligence", "Ukraine"},
		{"white house", "x", "the White House", "United States"},
		{"surname from text", "The European Commission met. The Commission said so.", "Commission", "European Commission"},
		{"no title as first name", "Spokesman Peskov said so.", "Peskov", "Peskov"},
		{"plain", "x", "Reuters", "Reuters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := getParser(tt.text, nil, "")
			defer putParser(p)
			c := claimants{p: p, u: &pipeline.Unit{}, d: &pipeline.Doc{Text: tt.text}}
			if got := c.resolve(tt.who); got != tt.want {
				t.Errorf("resolve(%q) = %q, want %q", tt.who, got, tt.want)
			}
		})
	}
}
