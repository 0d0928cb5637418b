package outlets

import (
	"regexp"
	"strings"
)

// section is one press-review section: the "NAME (CC) /" line at
// [lineStart, bodyStart).
type section struct {
	lineStart, bodyStart int
	name, country        string
}

var (
	sectionLineRe = regexp.MustCompile(`^[ \t]*([\pL\pN"'“„«‘][^\n]{0,100}?)[ \t]*\((\p{Lu}{2})\)[ \t]*/[ \t]*\r?$`)
	roleRe        = regexp.MustCompile(`^(?i:columnist|commentator|historian|editor(?:-in-chief)?|chief editor|author|guest author|journalist|analyst|economist|political (?:scientist|analyst)|political expert|politologist|correspondent|blogger|writer|publicist|professor|sociologist|philosopher|politician|expert|lawyer|reporter|essayist|publisher)\s+(\p{Lu}[\pL'’-]+(?:\s\p{Lu}[\pL'’.-]+){1,3})`)
	speakerRe     = regexp.MustCompile(`^(\p{Lu}[\pL'’-]+(?:\s\p{Lu}[\pL'’.-]+){1,3})\s+(?:writes|says|argues|comments|believes|warns|sees|notes|thinks|criticises|criticizes|asks|observes|explains|fears|calls|praises|doubts|expects|welcomes|concludes|points|wonders|is|has)\b`)
	notNameRe     = regexp.MustCompile(`^(?:The|A|An|This|That|These|Those|In|On|For|Its|His|Her|Their|Our|One|Both)\b`)
)

// findSections returns the press-review section lines of text, in order.
// A line is a section line when it is "NAME (CC) /", NAME being an outlet
// or a commentator (any script, at most eight words, not ending in
// sentence punctuation) and CC a two-letter country code.
func findSections(text string) []section {
	var secs []section
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 1
		}
		// The cheap test first: section lines end in "/".
		if l := strings.TrimRight(text[start:end], " \t\r"); strings.HasSuffix(l, "/") {
			if m := sectionLineRe.FindStringSubmatch(text[start:end]); m != nil && plausibleName(m[1]) {
				secs = append(secs, section{lineStart: start, bodyStart: next, name: strings.TrimSpace(m[1]), country: m[2]})
			}
		}
		start = next
	}
	if len(secs) < 2 {
		return nil
	}
	return secs
}

func plausibleName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(strings.Fields(s)) > 8 {
		return false
	}
	return !strings.ContainsAny(s[len(s)-1:], ".!?:;,\"")
}

// sectionHead returns a section body's headline (its first line) and the
// commentator named in its second line ("Columnist Piotr Kowal sees ...",
// "Andrey Zubov writes ..."), if any.
func sectionHead(body string) (title, author string) {
	var ls []string
	for l := range strings.SplitSeq(body, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			ls = append(ls, t)
			if len(ls) == 2 {
				break
			}
		}
	}
	if len(ls) == 0 {
		return "", ""
	}
	// A headline is short and is not itself the quote.
	if h := stripMarkup(ls[0]); len(h) <= 200 && !strings.HasPrefix(h, "\"") && !strings.HasPrefix(h, "“") && !strings.HasPrefix(h, "„") && !strings.HasPrefix(h, "«") {
		title = collapse(h)
	}
	rest := ls
	if title != "" {
		rest = ls[1:]
	}
	for _, l := range rest {
		if m := roleRe.FindStringSubmatch(l); m != nil {
			return title, m[1]
		}
		if m := speakerRe.FindStringSubmatch(l); m != nil && !notNameRe.MatchString(m[1]) {
			return title, m[1]
		}
	}
	return title, ""
}
