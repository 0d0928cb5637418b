package reports

import (
	"fmt"
	"slices"
	"strings"
)

// pdfReplacement stands, in PDF output only, for a character above U+FFFF
// (emoji such as 📰, rare CJK, musical symbols). fpdf maps UTF-8 fonts
// through a 16-bit table and panics on such a character, and Liberation
// Sans has no glyph for them anyway; U+25A1 WHITE SQUARE is in the font,
// so the reader sees that something was there. CSV, JSON, HTML, SVG and
// PNG keep the original characters.
const pdfReplacement = '□'

// pdfText returns s with every character above U+FFFF replaced by
// pdfReplacement. Every string handed to fpdf passes through it.
func pdfText(s string) string {
	for _, r := range s {
		if r > 0xFFFF {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF {
					return pdfReplacement
				}
				return r
			}, s)
		}
	}
	return s
}

// pdfTexts applies pdfText to every string of ss, copying only when one
// changes.
func pdfTexts(ss []string) []string {
	var out []string
	for i, s := range ss {
		if c := pdfText(s); c != s {
			if out == nil {
				out = slices.Clone(ss)
			}
			out[i] = c
		}
	}
	if out == nil {
		return ss
	}
	return out
}

// recoverAs turns a panic in the function deferring it into an error
// naming what was being written, so that a bug in a drawing library is a
// run error (exit code 1) with a message, never a crash that leaves a
// half-written run folder behind.
func recoverAs(what string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("reports: %s: panic: %v", what, r)
	}
}
