package tone

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/internal/vader"
	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// Scorer is the "tone" stage. It is safe for concurrent use: the VADER
// analyzer is built once and only read afterwards.
type Scorer struct {
	sia *vader.Analyzer
	// classes maps a lower-cased word to its class for count, so that a
	// word costs one lookup.
	classes map[string]int8
}

// Word classes for count: the sign of a lexicon word's valence, or
// negator (which wins over a valence, as in count's first version).
const negator int8 = 2

// wordClasses is built once per process and only read.
var wordClasses = sync.OnceValue(func() map[string]int8 {
	m := map[string]int8{}
	vader.Default().Lexicon(func(w string, v float64) {
		switch {
		case v > 0:
			m[w] = 1
		case v < 0:
			m[w] = -1
		}
	})
	for w := range negators {
		m[w] = negator
	}
	return m
})

// New builds the stage, loading VADER's lexicon once.
func New() (*Scorer, error) {
	return &Scorer{sia: vader.Default(), classes: wordClasses()}, nil
}

// Name returns "tone".
func (s *Scorer) Name() string { return "tone" }

// Process sets u.Tone for every unit of d.
func (s *Scorer) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.Analysed() {
			continue
		}
		if err := d.CheckSpan(u); err != nil {
			return fmt.Errorf("tone: %w", err)
		}
		t := s.Unit(text, u)
		u.Tone = &t
	}
	return nil
}

// Unit scores one unit of text (the document's clean text).
func (s *Scorer) Unit(text string, u *pipeline.Unit) pipeline.Tone {
	// Scores of the text stage's sentences are kept on them (see
	// pipeline.Sentence) for the stance stage; sents[i] is u.Sentences[i]
	// when the text stage ran.
	var sents [][2]int
	own := len(u.Sentences) > 0
	if own {
		for _, st := range u.Sentences {
			sents = append(sents, [2]int{st.Start, st.End})
		}
	} else {
		for _, st := range voice.Sentences(text[u.Start:u.End]) {
			sents = append(sents, [2]int{st[0] + u.Start, st[1] + u.Start})
		}
	}
	var t pipeline.Tone
	var pos, neg int
	for i, st := range sents {
		if st[0] < u.Start || st[1] > u.End || st[0] >= st[1] {
			continue
		}
		norm := Normalize(text[st[0]:st[1]])
		if norm == "" {
			continue
		}
		p, n, w := s.count(norm)
		if w == 0 {
			continue
		}
		pos += p
		neg += n
		t.Words += w
		ps := s.sia.PolarityScores(norm)
		t.Sentences = append(t.Sentences, round(ps.Compound))
		if own {
			us := &u.Sentences[i]
			us.Scored, us.VPositive, us.VNegative, us.VComp = true, ps.Positive, ps.Negative, ps.Compound
		}
	}
	if t.Words > 0 {
		t.Positive = round(100 * float64(pos) / float64(t.Words))
		t.Negative = round(100 * float64(neg) / float64(t.Words))
		t.Tone = round(t.Positive - t.Negative)
		t.Polarity = round(t.Positive + t.Negative)
	}
	if len(t.Sentences) > 0 {
		var sum float64
		for _, c := range t.Sentences {
			sum += c
		}
		t.Mean = round(sum / float64(len(t.Sentences)))
	}
	return t
}

// Sentence returns VADER's compound score of one sentence, after
// Normalize.
func (s *Scorer) Sentence(sentence string) float64 {
	return s.sia.PolarityScores(Normalize(sentence)).Compound
}

var negators = map[string]bool{
	"not": true, "no": true, "never": true, "n't": true, "nor": true, "without": true,
	"neither": true, "nothing": true, "none": true, "nobody": true, "cannot": true,
}

// count returns the number of positive and negative lexicon words and of
// all words in a normalised sentence. A word within three words after a
// negator counts with the opposite polarity, as in VADER.
func (s *Scorer) count(norm string) (pos, neg, words int) {
	scope := 0
	// Normalize leaves single spaces between words, so splitting on ' '
	// is strings.Fields without allocating the slice.
	for rest := norm; rest != ""; {
		f := rest
		if k := strings.IndexByte(rest, ' '); k >= 0 {
			f, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		w := strings.ToLower(trimWord(f))
		if w == "" || !hasLetter(w) {
			continue
		}
		words++
		neg1 := scope > 0
		if scope > 0 {
			scope--
		}
		c := s.classes[w]
		if c == negator || strings.HasSuffix(w, "n't") {
			scope = 3
			continue
		}
		v := c
		if neg1 {
			v = -v
		}
		switch {
		case v > 0:
			pos++
		case v < 0:
			neg++
		}
	}
	return pos, neg, words
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }

// trimWord is strings.TrimFunc(f, notWordRune), trimming ASCII bytes
// without decoding runes.
func trimWord(f string) string {
	i, j := 0, len(f)
	for i < j && f[i] < utf8.RuneSelf && !wordByte(f[i]) {
		i++
	}
	for j > i && f[j-1] < utf8.RuneSelf && !wordByte(f[j-1]) {
		j--
	}
	f = f[i:j]
	if f != "" && (f[0] >= utf8.RuneSelf || f[len(f)-1] >= utf8.RuneSelf) {
		return strings.TrimFunc(f, notWordRune)
	}
	return f
}

// wordByte is !notWordRune for an ASCII byte.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\''
}

func hasLetter(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Normalize prepares text for VADER, which splits on single spaces only:
// see voice.Flatten.
func Normalize(s string) string { return voice.Flatten(s) }

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Writes lists the fields the tone stage writes (pipeline.Writer).
func (*Scorer) Writes() []string {
	return []string{"Units[].Tone", "Units[].Sentences[].Scored", "Units[].Sentences[].VPositive", "Units[].Sentences[].VNegative", "Units[].Sentences[].VComp"}
}
