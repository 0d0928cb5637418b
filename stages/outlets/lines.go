package outlets

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/pipeline"
)

// textLine is one logical line of a document: a line of Doc.Clean (where
// hard wraps are already joined), or a furniture line the cleaner removed.
type textLine struct {
	start, end int    // offsets in Doc.Text of the trimmed line
	text       string // trimmed, inner whitespace runs collapsed
	rule       string // furniture rule when removed, else ""
	runes      int
}

func (l textLine) removed() bool { return l.rule != "" }

// logicalLines splits d into lines. It reads Doc.Clean when the clean stage
// ran (Clean has Text's length) and Doc.Text otherwise; removed furniture
// comes back from Doc.Removed, so that its evidence is not lost.
func logicalLines(d *pipeline.Doc) []textLine {
	cleaned := d.Clean != "" && len(d.Clean) == len(d.Text)
	src := d.Text
	if cleaned {
		src = d.Clean
	}
	var ls []textLine
	for start := 0; start < len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		s := src[start:end]
		t := strings.TrimSpace(s)
		if t != "" {
			off := start + strings.Index(s, t)
			ls = append(ls, newLine(off, off+len(t), t, ""))
		}
		start = end + 1
	}
	if cleaned {
		for _, r := range d.Removed {
			if r.Start < 0 || r.End > len(d.Text) || r.Start > r.End || strings.TrimSpace(r.Text) == "" {
				continue
			}
			rule := r.Rule
			if rule == "" {
				rule = "removed"
			}
			ls = append(ls, newLine(r.Start, r.End, strings.TrimSpace(r.Text), rule))
		}
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].start < ls[j].start })
	}
	return ls
}

func newLine(start, end int, t, rule string) textLine {
	t = collapse(t)
	return textLine{start: start, end: end, text: t, rule: rule, runes: utf8.RuneCountInString(t)}
}

// collapse replaces runs of whitespace by one space.
func collapse(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// stripMarkup removes markdown heading marks and emphasis around a line.
func stripMarkup(s string) string {
	s = strings.TrimLeft(s, "#> ")
	for {
		t := strings.TrimSpace(s)
		for _, m := range []string{"**", "__", "*", "_"} {
			if len(t) > 2*len(m) && strings.HasPrefix(t, m) && strings.HasSuffix(t, m) {
				t = t[len(m) : len(t)-len(m)]
			}
		}
		if t == s {
			return s
		}
		s = t
	}
}

// trimSpan shrinks [start,end) of text so that it neither starts nor ends
// with whitespace.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}
