package lang

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/framewatch/framewatch/pipeline"
)

// Undetermined is the code of text too short to identify (ISO 639-2 "und").
const Undetermined = "und"

// PrefixBytes bounds the text identified per unit: the first 1,000 bytes
// (cut back to a word boundary) hold 150 or so words, as many as
// identification needs (the long evaluation set, about 80 words a text, is
// identified without error), and keep the cost of a long unit that of a
// short one.
const PrefixBytes = 1000

// MinWords is the fewest words of Latin-script text identified; shorter
// text ("NPR's Rachel Martin speaks with Rep.") too often looks like
// another language's trigrams.
const MinWords = 8

// detect identifies text (already cut to its prefix) as whatlanggo does,
// with the undetermined rules: the ISO 639-1 code, or Undetermined.
func detect(text string) (whatlanggo.Info, string) {
	info := whatlanggo.Detect(text)
	if info.Lang < 0 || info.Script == nil {
		return info, Undetermined
	}
	if info.Script == unicode.Latin && words(text) < MinWords {
		return info, Undetermined
	}
	if c, ok := langCodes[info.Lang]; ok {
		return info, c
	}
	return info, Undetermined
}

// prefix returns the first n bytes of s, cut back to the last space so no
// word or character is split.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexFunc(s[:n], unicode.IsSpace); i > n/2 {
		return s[:i]
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// MinProseShare is the least share of lower-case words (see proseShare)
// in Latin-script text that is identified. Prose in any Latin-script
// language has half or more (German, which capitalises its nouns, 0.5 to
// 0.6 in 80 words; the other languages of the evaluation set 0.6 to 0.8);
// results tables, scoreboards, company figures and name lists have 0.1 to
// 0.4, and whatlanggo takes their names and abbreviations for Javanese,
// Dutch or Polish (29 of the 1,393 English CoNLL-2003 wire stories were
// skipped that way). Such text is never skipped: it is "und" and analysed
// when whatlanggo gives it to a language not analysed.
const MinProseShare = 0.4

// proseShare returns the share of the words of s (as words counts them)
// that are lower-case words of two letters or more once the punctuation
// around them is trimmed: the running text between the names.
func proseShare(s string) float64 {
	n, lower := 0, 0
	for f := range strings.FieldsSeq(s) {
		if strings.IndexFunc(f, unicode.IsLetter) < 0 {
			continue
		}
		n++
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) >= 2 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) < 0 {
			lower++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(lower) / float64(n)
}

// words counts the space-separated words of s that hold a letter.
func words(s string) int {
	n := 0
	for f := range strings.FieldsSeq(s) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// Identifier is the "lang" stage. It is safe for concurrent use.
type Identifier struct {
	analysed []string
	// langs are the analysed languages whatlanggo knows, to weigh a
	// verdict against them (see Identify).
	langs []whatlanggo.Lang
	// english is set when English is analysed: then clearly English
	// text (see looksEnglish) is not given to whatlanggo at all.
	english bool
	// Margin is how clearly text must look like a language not analysed,
	// against the closest analysed one (whatlanggo's confidence between
	// the two, 0 to 1), to be skipped.
	Margin float64
}

// DefaultMargin is Identifier.Margin's default, chosen on the evaluation
// sets (see internal/tools/evallang): a false skip loses an English unit
// from every table, a false keep analyses one foreign unit with English
// models, so doubt keeps the unit.
const DefaultMargin = 0.5

// New returns the stage for the languages to analyse (ISO 639-1 codes; an
// empty list means pipeline.DefaultLanguages). An unknown code is an error.
func New(languages []string) (*Identifier, error) {
	if len(languages) == 0 {
		languages = pipeline.DefaultLanguages
	}
	var codes []string
	for _, c := range languages {
		c = strings.ToLower(strings.TrimSpace(c))
		if !Known(c) {
			return nil, fmt.Errorf("lang: languages: %q is not an ISO 639-1 language code whatlanggo identifies (for example en, de, fr)", c)
		}
		codes = append(codes, c)
	}
	slices.Sort(codes)
	x := &Identifier{analysed: slices.Compact(codes), Margin: DefaultMargin}
	x.english = slices.Contains(x.analysed, "en")
	for l, c := range langCodes {
		if slices.Contains(x.analysed, c) {
			x.langs = append(x.langs, l)
		}
	}
	slices.Sort(x.langs)
	return x, nil
}

// Identify returns the language of text as an ISO 639-1 code (ISO 639-3
// for a language without one), or Undetermined; only its first PrefixBytes
// are read. Text whose language is not analysed, but which is within
// Margin of an analysed language, is given that language. It is safe for
// concurrent use.
func (x *Identifier) Identify(text string) string {
	text = prefix(text, PrefixBytes)
	if x.english && looksEnglish(text) {
		return "en"
	}
	info, code := x.identify(text)
	if !x.Analyses(code) && info.Script == unicode.Latin && proseShare(text) < MinProseShare {
		// Names, numbers and abbreviations: no evidence of any language.
		return Undetermined
	}
	return code
}

// identify is Identify's verdict before the prose-share rule.
func (x *Identifier) identify(text string) (whatlanggo.Info, string) {
	info, code := detect(text)
	if x.Analyses(code) {
		return info, code
	}
	wl := map[whatlanggo.Lang]bool{info.Lang: true}
	for _, l := range x.langs {
		wl[l] = true
	}
	alt := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: wl})
	if alt.Lang == info.Lang && alt.Confidence >= x.Margin {
		return info, code
	}
	if alt.Lang != info.Lang {
		return info, langCodes[alt.Lang]
	}
	// The closest analysed language.
	best, bestConf := code, 2.0
	for _, l := range x.langs {
		pair := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{info.Lang: true, l: true}})
		if pair.Confidence < bestConf {
			best, bestConf = langCodes[l], pair.Confidence
		}
	}
	return info, best
}

// Known reports whether code is the ISO 639-1 (or, for languages without
// one, ISO 639-3) code of a language Detect can return.
func Known(code string) bool {
	for _, c := range langCodes {
		if c == code {
			return true
		}
	}
	return false
}

// langCodes maps whatlanggo's languages to the codes Detect returns, built
// once: whatlanggo's own Iso6391 builds a map on every call.
var langCodes = func() map[whatlanggo.Lang]string {
	m := make(map[whatlanggo.Lang]string, len(whatlanggo.Langs))
	for l := range whatlanggo.Langs {
		if c := l.Iso6391(); c != "" {
			m[l] = c
		} else {
			// A language without a two-letter code: its three letters.
			m[l] = l.Iso6393()
		}
	}
	return m
}()

// Name returns "lang".
func (x *Identifier) Name() string { return "lang" }

// Analyses reports whether units in language code are analysed.
// Undetermined text is analysed.
func (x *Identifier) Analyses(code string) bool {
	return code == Undetermined || slices.Contains(x.analysed, code)
}

// Process sets Lang on every unit of d, and Skip on those in a language
// not analysed. When no unit is analysed, d is skipped with the first
// unit's reason.
func (x *Identifier) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	skipped := 0
	for _, u := range d.Units {
		if err := d.CheckSpan(u); err != nil {
			return fmt.Errorf("lang: %w", err)
		}
		u.Lang = x.Identify(text[u.Start:u.End])
		u.Skip = ""
		if !x.Analyses(u.Lang) {
			u.Skip = Reason(u.Lang)
			skipped++
		}
	}
	if skipped > 0 && skipped == len(d.Units) {
		d.Status, d.Reason = pipeline.StatusSkipped, d.Units[0].Skip
	}
	return nil
}

// Reason is the skip reason of a unit in language code.
func Reason(code string) string { return "language " + code + " (not analysed)" }

// englishShare is the share of English function words from which text is
// English without asking whatlanggo. English news prose has 35-45% of
// them; the other languages of the evaluation set have under 10% (Dutch
// "is", "in", "was" are the most), so a fifth leaves a wide gap on both
// sides.
const englishShare = 0.2

// functionWords are frequent English function words.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the of and to a in is that for on with as was by it at from his he
		said has have be are were an this which its who not but will had their they after been would
		or more than about into also her she our we you there when what than over against`) {
		m[w] = true
	}
	return m
}()

// looksEnglishWords is how many words looksEnglish reads at most: enough
// for the share to be clear (English news has 35-45%), few enough that it
// costs a couple of microseconds whatever the unit.
const looksEnglishWords = 80

// looksEnglish reports whether text has at least MinWords words, a share
// englishShare of them English function words, among its first
// looksEnglishWords words. It is a fast path: whatlanggo compares every
// text with the trigrams of each of some fifty Latin-script languages,
// which would cost a sizeable share of the analysis of an English news
// article. Text it does not accept goes to whatlanggo.
//
// Words are runs of letters, split at every other ASCII byte; a byte of a
// multi-byte character counts as a letter, so a word in another script is
// a word that is no English function word.
func looksEnglish(text string) bool {
	n, hits := 0, 0
	var buf [8]byte
	wl, ascii := 0, true
	for i := 0; i <= len(text) && n < looksEnglishWords; i++ {
		var c byte = ' '
		if i < len(text) {
			c = text[i]
		}
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			if wl < len(buf) {
				buf[wl] = c | 0x20
			}
			wl++
		case c >= 0x80:
			ascii = false
			wl++
		default:
			if wl > 0 {
				n++
				if ascii && wl <= len(buf) && functionWords[string(buf[:wl])] {
					hits++
				}
			}
			wl, ascii = 0, true
		}
	}
	return n >= MinWords && float64(hits) >= englishShare*float64(n)
}

// Writes lists the fields the lang stage writes (pipeline.Writer).
func (*Identifier) Writes() []string {
	return []string{"Units[].Lang", "Units[].Skip", "Status", "Reason"}
}
