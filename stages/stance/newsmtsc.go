package stance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// newsmtscLine is one line of a NewsMTSC JSONL file.
type newsmtscLine struct {
	Sentence string `json:"sentence_normalized"`
	Targets  []struct {
		From     int     `json:"from"`
		To       int     `json:"to"`
		Mention  string  `json:"mention"`
		Polarity float64 `json:"polarity"`
	} `json:"targets"`
}

// ReadNewsMTSC reads a NewsMTSC split (JSON Lines; Hamborg & Donnay, EACL
// 2021) into examples, one per target. Polarity 2.0 is negative, 4.0
// neutral, 6.0 positive. The from/to offsets count characters; they are
// converted to byte offsets, and a mention that does not match its offsets
// is looked up by its text. Every other target of the sentence becomes one
// of the example's Others.
func ReadNewsMTSC(r io.Reader) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	var out []Example
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l newsmtscLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return out, fmt.Errorf("stance: newsmtsc line %d: %w", line, err)
		}
		runeToByte := make([]int, 0, len(l.Sentence)+1)
		for i := range l.Sentence {
			runeToByte = append(runeToByte, i)
		}
		runeToByte = append(runeToByte, len(l.Sentence))
		spans := make([]Span, len(l.Targets))
		for i, t := range l.Targets {
			sp := Span{-1, -1}
			if t.From >= 0 && t.To >= t.From && t.To < len(runeToByte) {
				a, b := runeToByte[t.From], runeToByte[t.To]
				if l.Sentence[a:b] == t.Mention {
					sp = Span{a, b}
				}
			}
			if sp.Start < 0 && t.Mention != "" {
				if k := strings.Index(l.Sentence, t.Mention); k >= 0 {
					sp = Span{k, k + len(t.Mention)}
				}
			}
			spans[i] = sp
		}
		for i, t := range l.Targets {
			if spans[i].Start < 0 {
				continue
			}
			var class int
			switch t.Polarity {
			case 2:
				class = 0
			case 4:
				class = 1
			case 6:
				class = 2
			default:
				return out, fmt.Errorf("stance: newsmtsc line %d: polarity %v", line, t.Polarity)
			}
			var others []Span
			for j, o := range spans {
				if j != i && o.Start >= 0 {
					others = append(others, o)
				}
			}
			out = append(out, Example{Instance: Instance{Sentence: l.Sentence, Target: spans[i], Others: others}, Class: class})
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("stance: newsmtsc: %w", err)
	}
	return out, nil
}
