package frames

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// cue is one compiled cue: its words, each exact or a prefix.
type cue struct {
	words  []string
	prefix []bool
	frame  int
}

// Scorer is the "frames" stage. It is safe for concurrent use.
type Scorer struct {
	// exact indexes cues by their first word when it is exact; prefix
	// indexes prefixed first words by their first three bytes (shorter
	// prefixes by the whole prefix), and keyLen[k] says whether any key of
	// prefix has k bytes, so that a word is looked up only at those.
	exact  map[string][]int
	prefix map[string][]int
	keyLen [4]bool
	cues   []cue
	// news is the generic news-frame model, shared read-only.
	news *NewsModel
}

// New compiles the shipped cue lexicons plus cfg.Cues. A key of cfg.Cues
// may be a frame id ("security_defense") or its codebook name ("Security
// and defense"), case-insensitive.
func New(cfg pipeline.FrameConfig) (*Scorer, error) {
	news, err := DefaultNewsModel()
	if err != nil {
		return nil, err
	}
	s := &Scorer{exact: map[string][]int{}, prefix: map[string][]int{}, news: news}
	for i, id := range IDs {
		for _, c := range cues[id] {
			s.add(c, i)
		}
	}
	keys := make([]string, 0, len(cfg.Cues))
	for k := range cfg.Cues {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		i := frameIndex(k)
		if i < 0 {
			return nil, fmt.Errorf("frames: unknown frame %q in cues (want one of %s)", k, strings.Join(IDs, ", "))
		}
		for _, c := range cfg.Cues[k] {
			if strings.TrimSpace(c) == "" {
				return nil, fmt.Errorf("frames: empty cue for frame %q", k)
			}
			s.add(c, i)
		}
	}
	return s, nil
}

func frameIndex(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	for i, id := range IDs {
		if n == id || n == strings.ToLower(Names[id]) {
			return i
		}
	}
	return -1
}

func (s *Scorer) add(text string, frame int) {
	var c cue
	c.frame = frame
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(text, "’", "'"))) {
		p := strings.HasSuffix(w, "*")
		c.words = append(c.words, strings.TrimSuffix(w, "*"))
		c.prefix = append(c.prefix, p)
	}
	if len(c.words) == 0 {
		return
	}
	idx := len(s.cues)
	s.cues = append(s.cues, c)
	if c.prefix[0] {
		k := key3(c.words[0])
		s.prefix[k] = append(s.prefix[k], idx)
		s.keyLen[len(k)] = true
	} else {
		s.exact[c.words[0]] = append(s.exact[c.words[0]], idx)
	}
}

func key3(w string) string {
	if len(w) > 3 {
		return w[:3]
	}
	return w
}

// Name returns "frames".
func (s *Scorer) Name() string { return "frames" }

// Process sets u.Frames and u.NewsFrames for every unit of d. The unit's
// words are u.LexWords (the text stage's), split here when the text stage
// did not run (tests, benchmarks of this stage alone).
func (s *Scorer) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Body()
	var idx []int32
	for _, u := range d.Units {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.Analysed() {
			continue
		}
		if err := d.CheckSpan(u); err != nil {
			return fmt.Errorf("frames: %w", err)
		}
		words := u.LexWords
		if words == nil {
			words = voice.Words(text[u.Start:u.End])
		}
		u.Frames = s.score(s.counts(words))
		u.NewsFrames, idx = s.news.score(words, u.Frames, idx)
	}
	return nil
}

// Writes lists the fields the frames stage writes (pipeline.Writer).
func (*Scorer) Writes() []string { return []string{"Units[].Frames", "Units[].NewsFrames"} }

// Counts returns the number of cue matches per frame, in IDs order. At
// each word the longest matching cue wins; every frame with a cue of that
// length matching there counts it once, and the match consumes its words.
func (s *Scorer) Counts(text string) []int {
	return s.counts(voice.Words(text))
}

// counts is Counts over text's words.
func (s *Scorer) counts(ws []voice.Word) []int {
	counts := make([]int, len(IDs))
	hit := make([]bool, len(IDs))
	for i := 0; i < len(ws); {
		best := 0
		clear(hit)
		try := func(idx []int) {
			for _, ci := range idx {
				c := s.cues[ci]
				if !matches(c, ws, i) {
					continue
				}
				if len(c.words) > best {
					best = len(c.words)
					clear(hit)
				}
				if len(c.words) == best {
					hit[c.frame] = true
				}
			}
		}
		w := ws[i].Lower
		try(s.exact[w])
		for k := 1; k <= 3 && k <= len(w); k++ {
			if s.keyLen[k] {
				try(s.prefix[w[:k]])
			}
		}
		if best == 0 {
			i++
			continue
		}
		for f, h := range hit {
			if h {
				counts[f]++
			}
		}
		i += best
	}
	return counts
}

func matches(c cue, ws []voice.Word, i int) bool {
	if i+len(c.words) > len(ws) {
		return false
	}
	for k, cw := range c.words {
		w := ws[i+k].Lower
		if k > 0 && ws[i+k].Break {
			return false // a cue does not span punctuation
		}
		if c.prefix[k] {
			if !strings.HasPrefix(w, cw) {
				return false
			}
		} else if w != cw {
			return false
		}
	}
	return true
}

// Score returns the frame shares of text: one FrameScore per frame in IDs
// order, each its share of all cue matches (summing to 1), or all zero
// when no cue matches. Shares are rounded to six decimals.
func (s *Scorer) Score(text string) []pipeline.FrameScore {
	return s.score(s.Counts(text))
}

// score turns cue counts into frame shares.
func (s *Scorer) score(counts []int) []pipeline.FrameScore {
	total := 0
	for _, c := range counts {
		total += c
	}
	out := make([]pipeline.FrameScore, len(IDs))
	for i, id := range IDs {
		out[i].Frame = id
		if total > 0 {
			out[i].Score = math.Round(1e6*float64(counts[i])/float64(total)) / 1e6
		}
	}
	return out
}
