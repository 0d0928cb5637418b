package outlets

import (
	"iter"
	"regexp"
	"strings"
)

// section is one press-review section: the "NAME (CC) /" line at
// [lineStart, bodyStart).
type section struct {
	lineStart, bodyStart int
	name, country        string
	// lead: the section is a paragraph opened by its outlet ("The
	// Guardian (UK): …"), with no headline line under it.
	lead bool
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
	for start, end := range textLines(text) {
		// The cheap test first: section lines end in "/".
		if l := strings.TrimRight(text[start:end], " \t\r"); strings.HasSuffix(l, "/") {
			if m := sectionLineRe.FindStringSubmatch(text[start:end]); m != nil && plausibleName(m[1]) {
				secs = append(secs, section{lineStart: start, bodyStart: min(end+1, len(text)), name: strings.TrimSpace(m[1]), country: m[2]})
			}
		}
	}
	if len(secs) < 2 {
		return nil
	}
	return secs
}

// leadRe is a paragraph opened by the outlet it quotes: "The Guardian
// (UK): …", "**Le Monde** (Paris): …", "Die Welt writes: …". The name is
// group 1, the parenthesis group 2.
var leadRe = regexp.MustCompile(`^[ \t]*(?:[*_]{1,2})?([\pL\pN][^\n:()*_]{0,60}?)(?:[*_]{1,2})?[ \t]*(?:\(([^()\n]{2,30})\))?[ \t]*(?:(?:writes|says|comments|argues|notes|observes|warns|believes|thinks|concludes|asks|adds)[ \t]*)?(?:[*_]{1,2})?:[ \t]+\S`)

// minLeads is the fewest outlet-led paragraphs that make a press review:
// one or two such paragraphs also occur in ordinary reports ("Reuters:
// …"), a dozen quoted papers do not.
const minLeads = 3

// findLeads returns the paragraphs of text opened by a quoted outlet, when
// there are at least minLeads of them from at least two outlets: the
// press-review form of reviews that set each paper's name at the start of
// its paragraph instead of on a "NAME (CC) /" line. The name must be an
// outlet the registry knows, or carry a two-letter country code.
func (x *Detector) findLeads(text string) []section {
	var secs []section
	outlets := map[string]bool{}
	prevBlank := true
	for start, end := range textLines(text) {
		line := text[start:end]
		blank := strings.TrimSpace(line) == ""
		if prevBlank && !blank && strings.IndexByte(line, ':') > 0 {
			if m := leadRe.FindStringSubmatchIndex(line); m != nil {
				name := strings.TrimSpace(line[m[2]:m[3]])
				paren := ""
				if m[4] >= 0 {
					paren = strings.TrimSpace(line[m[4]:m[5]])
				}
				country := ""
				if len(paren) == 2 && isUpper(paren) {
					country = paren
					if country == "UK" {
						country = "GB"
					}
				}
				o, known := x.reg.Lookup(name)
				if (known || country != "") && plausibleName(name) {
					if country == "" {
						country = o.Country
					}
					key := name
					if known {
						key = o.Name
					}
					outlets[key] = true
					// The body starts after the colon that ends the lead.
					colon := start + m[1] - 1
					for colon > start && text[colon] != ':' {
						colon--
					}
					secs = append(secs, section{lineStart: start, bodyStart: colon + 1, name: name, country: country, lead: true})
				}
			}
		}
		prevBlank = blank
	}
	if len(secs) < minLeads || len(outlets) < 2 {
		return nil
	}
	return secs
}

// textLines yields the start and end (before its "\n") of every line of
// text.
func textLines(text string) iter.Seq2[int, int] {
	return func(yield func(start, end int) bool) {
		for start := 0; start < len(text); {
			end, next := len(text), len(text)
			if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
				end, next = start+i, start+i+1
			}
			if !yield(start, end) {
				return
			}
			start = next
		}
	}
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
