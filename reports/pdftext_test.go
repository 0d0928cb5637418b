package reports

import (
	"strings"
	"testing"
)

func TestPDFTextReplacesAstral(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"ascii", "Reuters", "Reuters"},
		{"latin cyrillic", "Süddeutsche · Новая газета", "Süddeutsche · Новая газета"},
		{"emoji", "News 📰 Daily", "News □ Daily"},
		{"two emoji", "🤝🚀", "□□"},
		{"bmp symbol kept", "✓ €", "✓ €"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := pdfText(tc.in); got != tc.want {
				t.Errorf("pdfText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestPDFCanvasEmoji draws a string with a character above U+FFFF, which
// made fpdf panic in Output (generateCIDFontMap: index out of range).
func TestPDFCanvasEmoji(t *testing.T) {
	if b := drawTestPDF(t, "News 📰 Daily"); len(b) == 0 {
		t.Error("empty PDF")
	}
}

// TestRecoverAs checks that a panic in the report phase becomes an error
// naming what was being written.
func TestRecoverAs(t *testing.T) {
	err := func() (err error) {
		defer recoverAs("chart boom.pdf", &err)
		panic("index out of range [65536]")
	}()
	if err == nil || !strings.Contains(err.Error(), "chart boom.pdf") || !strings.Contains(err.Error(), "65536") {
		t.Errorf("recoverAs: err = %v, want one naming the chart and the panic", err)
	}
}
