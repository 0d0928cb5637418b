package pipeline

import "slices"

// DefaultLanguages are the languages analysed when the configuration names
// none: framewatch's models and lexicons are English.
var DefaultLanguages = []string{"en"}

// AnalysedLanguages returns the configured languages key (ISO 639-1 codes):
// units identified as another language are not given to the analyses. The
// lang stage validates the codes.
func (c Config) AnalysedLanguages() []string {
	if len(c.Languages) == 0 {
		return slices.Clone(DefaultLanguages)
	}
	return slices.Clone(c.Languages)
}
