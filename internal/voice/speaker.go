package voice

import "strings"

// Speaker is who reports a piece of speech: the speaker phrase [Start,
// End) ("Kremlin spokesman Dmitry Peskov", "officials", "he") and the
// reporting verb, lower-cased ("said", "according to"). A zero Speaker
// (Start == End) is speech attributed to no one in its sentence.
type Speaker struct {
	Start, End int
	Verb       string
}

// maxSpeakerWords bounds a speaker phrase before its verb ("Russian
// Foreign Minister Sergei Lavrov said").
const maxSpeakerWords = 6

// SpeakerOf finds the speaker of content (a quotation or an attributed
// clause) in the text [from, to) around it, usually its sentence: the
// speech verb (see Attributions) outside content nearest to it, and the
// speaker phrase beside the verb: "X said (that) CONTENT", "CONTENT, X
// said", "CONTENT, said X", "according to X, CONTENT", "CONTENT,
// according to X". A phrase stops at a comma, a colon, a quotation mark
// or the sentence's edge.
func SpeakerOf(text string, from, to int, content Span) Speaker {
	from, to = max(0, from), min(len(text), to)
	if from >= to {
		return Speaker{}
	}
	ws := words(text, from, to, nil)
	best, bestDist := -1, len(text)+1
	for i, w := range ws {
		if w.Start >= content.Start && w.End <= content.End {
			continue
		}
		if !speechVerbs[w.Lower] && !(w.Lower == "according" && i+1 < len(ws) && ws[i+1].Lower == "to") {
			continue
		}
		d := content.Start - w.End
		if w.Start >= content.End {
			d = w.Start - content.End
		}
		if d >= 0 && d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return Speaker{}
	}
	v := ws[best]
	if v.Lower == "according" {
		// "according to X": X runs to the next stop.
		s, e := phraseAfter(text, ws, best+2, content)
		return Speaker{Start: s, End: e, Verb: "according to"}
	}
	sp := Speaker{Verb: v.Lower}
	if v.Start >= content.End {
		// "CONTENT, X said" or "CONTENT, said X".
		if s, e := phraseBetween(text, content.End, v.Start); e > s {
			if clauseWords[strings.ToLower(text[s:e])] {
				return sp // "“…” and warned": the speaker is further back
			}
			sp.Start, sp.End = s, e
		} else {
			sp.Start, sp.End = phraseAfter(text, ws, best+1, content)
		}
		return sp
	}
	// "X said (that) CONTENT": the words before the verb back to a stop.
	k := best
	for k > 0 && best-k < maxSpeakerWords && !stopBetween(text, ws[k-1].End, ws[k].Start) && !clauseWords[ws[k-1].Lower] {
		k--
	}
	if k > 0 && clauseWords[ws[k-1].Lower] && k == best {
		// "... and said", "which says": the speaker is further back, in
		// a clause the patterns do not read.
		return Speaker{Verb: sp.Verb}
	}
	if k < best {
		sp.Start, sp.End = ws[k].Start, ws[best-1].End
	} else if s, e := phraseAfter(text, ws, best+1, content); e > s {
		sp.Start, sp.End = s, e // "Speaking in Minsk, said X": rare but read
	}
	return sp
}

// stopBetween reports whether text[a:b], the gap between two words, holds
// a punctuation mark that ends a speaker phrase.
func stopBetween(text string, a, b int) bool {
	return strings.ContainsAny(text[a:b], ",:;.!?\"“”„«»()—–")
}

// phraseBetween returns the words of text[a:b] after its last stop, as a
// span (empty when none).
func phraseBetween(text string, a, b int) (int, int) {
	seg := text[a:b]
	if k := strings.LastIndexAny(seg, ",:;\"“”„«»—–"); k >= 0 {
		a += k + 1
		seg = text[a:b]
	}
	s := a + len(seg) - len(strings.TrimLeft(seg, " \t\n\r'’"))
	e := b - (len(seg) - len(strings.TrimRight(seg, " \t\n\r'’")))
	if e <= s {
		return 0, 0
	}
	return s, e
}

// phraseAfter returns the words from ws[i] up to the next stop, outside
// content and at most maxSpeakerWords long.
func phraseAfter(text string, ws []Word, i int, content Span) (int, int) {
	if i >= len(ws) || ws[i].Start >= content.Start && ws[i].End <= content.End {
		return 0, 0
	}
	j := i
	for j+1 < len(ws) && j-i+1 < maxSpeakerWords && !stopBetween(text, ws[j].End, ws[j+1].Start) &&
		!(ws[j+1].Start >= content.Start && ws[j+1].End <= content.End) && !adjuncts[ws[j+1].Lower] {
		j++
	}
	return ws[i].Start, ws[j].End
}

// clauseWords end a speaker phrase read backwards from its verb: "the
// treaty, which Moscow says", "Kim arrived and said".
var clauseWords = map[string]bool{
	"and": true, "but": true, "or": true, "which": true, "who": true, "that": true, "while": true,
	"as": true, "when": true, "because": true, "if": true, "what": true, "where": true,
}
