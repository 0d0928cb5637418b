package pipeline

import (
	"strings"
	"testing"
)

func TestParseConfigPNGDPI(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		ok   bool
	}{
		{"report:\n  png_dpi: 150\n", true},
		{"report:\n  png_dpi: 72\n", true},
		{"report:\n  png_dpi: 600\n", true},
		{"", true},
		{"report:\n  png_dpi: 601\n", false},
		{"report:\n  png_dpi: 71\n", false},
		{"report:\n  png_dpi: -1\n", false},
	} {
		_, err := ParseConfig([]byte(tt.yaml))
		if tt.ok != (err == nil) {
			t.Errorf("ParseConfig(%q) = %v, want ok %v", tt.yaml, err, tt.ok)
		}
		if err != nil && (!strings.Contains(err.Error(), "report.png_dpi") || !strings.Contains(err.Error(), "72 to 600")) {
			t.Errorf("ParseConfig(%q) = %v, want the key and the range named", tt.yaml, err)
		}
	}
}

func TestAnalysedLanguages(t *testing.T) {
	cfg, err := ParseConfig([]byte("languages: [en, de]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(cfg.AnalysedLanguages(), ","); got != "en,de" {
		t.Errorf("AnalysedLanguages() = %s, want en,de", got)
	}
	if got := strings.Join(DefaultConfig().AnalysedLanguages(), ","); got != "en" {
		t.Errorf("default AnalysedLanguages() = %s, want en", got)
	}
}

func TestParseConfigSyndicated(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		ok   bool
	}{
		{"report:\n  syndicated: once\n", true},
		{"report:\n  syndicated: per_outlet\n", true},
		{"", true},
		{"report:\n  syndicated: twice\n", false},
	} {
		cfg, err := ParseConfig([]byte(tt.yaml))
		if tt.ok != (err == nil) {
			t.Errorf("ParseConfig(%q) = %v, want ok %v", tt.yaml, err, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "report.syndicated") {
			t.Errorf("ParseConfig(%q) = %v, want the key named", tt.yaml, err)
		}
		if tt.yaml == "" && cfg.Hash() != DefaultConfig().Hash() {
			t.Error("the default changed the configuration hash")
		}
	}
}
