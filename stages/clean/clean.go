package clean

import (
	"context"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/pipeline"
)

// maxFurnitureBytes bounds the lines tested against furniture rules: real
// furniture is short, and long lines are body text.
const maxFurnitureBytes = 400

// maxWrapRunes is the longest line taken as hard-wrapped.
const maxWrapRunes = 100

// defaultRules are the shipped furniture rules, matched case-insensitively
// against a whole trimmed line of at most max bytes that contains need (in
// lower case; a cheap filter before the regular expression; "a|b" means
// either, and "^a" that the line starts with a, after any "("). Order
// matters only for the rule name recorded.
var defaultRules = []struct {
	name, pattern, need string
	max                 int
}{
	{"share", `(?:share (?:this|the) (?:article|story|page|post)\s*:?\s*|share\s*:?\s*)?(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|e-?mail|print|copy link|messenger|pinterest|flipboard|bluesky|threads|sms)\s*[,|·/•]?\s*){2,}`, "facebook|twitter|linkedin|whatsapp|mail", 120},
	{"share", `(?:share|share (?:this|the) (?:article|story|page|post)|share on \w+|share via \w+|print|print (?:this )?(?:article|page|story)|e-?mail|e-?mail (?:this )?(?:article|story|page)|save|save (?:this )?article|tweet|copy link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|bookmark)`, "", 40},
	{"comments", `(?:comments?(?: \(\d+\))?|\d+ comments?|comments are closed\.?|leave a (?:comment|reply)|add (?:a )?comment|show comments|view comments|join the (?:conversation|discussion)|discuss(?:ion)?(?: \(\d+\))?)`, "", 40},
	{"continued", `continued (?:in|on) (?:the )?next (?:column|page)\.?`, "continued", 40},
	{"advertisement", `(?:advertisement|advertising|anzeige|publicité|sponsored(?: content)?|\[?ad\]?|story continues below(?: advertisement)?)`, "", 40},
	{"copyright", `(?:©|\(c\)|copyright\s*(?:©|\(c\))|copyright\s+\d{4}).*`, "", 250},
	{"copyright", `.*all rights reserved.*`, "all rights reserved", 250},
	{"copyright", `(?:this )?material may not be published.*`, "material may not be published", 160},
	{"source", `source site\s*:.*`, "source site", 140},
	{"source", `(?:source|quelle)\s*:\s*\S.*`, "", 90},
	{"status", `(?:status|stand)\s*:\s*\d.*`, "", 70},
	{"status", `(?:published|updated|last updated|first published|posted)\s*:?\s*(?:on\s+)?\d.*`, "", 90},
	{"status", `(?:published|updated|last updated|first published|posted)\s*:?\s*(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+\d.*`, "", 90},
	{"status", `.*\bupdated\s+(?:\d+|an?|one)\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago`, "ago", 90},
	{"read-more", `(?:read more|read also|see also|more on this story|related(?: articles| stories| coverage| content)?|recommended(?: articles| stories)?|most read|top stories)\s*(?::.*)?`, "", 170},
	{"page", `page \d+ (?:of|/) \d+`, "page", 20},
	{"layout", `(?:skip to (?:main )?content|back to top|listen to (?:this )?(?:article|story)(?: .*)?|\d+ min(?:ute)?s? read|image caption|photo caption|enlarge (?:this )?image|toggle caption)`, "", 60},
	{"cookies", `.*\b(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|cookie (?:settings|policy|preferences|consent)|manage cookies|reject (?:all )?cookies)\b.*`, "cookie", 300},
	{"newsletter", `(?:sign up|subscribe|register)(?: now)?(?: for| to) (?:our|the) .*newsletters?.*|(?:follow us on|follow .{1,30} on) (?:twitter|x|facebook|instagram|telegram|threads|bluesky).*`, "", 120},
	{"caption", `(?:photo|photograph|photos|image|picture|video|foto|bild|credit|photo credit|illustration)\s*:\s*\S.*|\(?(?:photo|image|picture|illustration) by [^()]*\)?`, "", 120},
	{"caption", `.*getty images\)?`, "getty images", 120},
	{"account", `(?:sign in|log in|login|register|subscribe|subscribe now|open in app|download (?:the|our) app|listen|newsletter|follow|most popular|most viewed|trending|menu|search|close|home)`, "", 25},
	{"tags", `(?:tags|topics|filed under|more about)\s*:.*`, "", 160},
	{"end", `\(end\)|-?end-|burs?(?:-[a-z]{1,4})?/[a-z]{1,4}(?:/[a-z]{1,4})*|[a-z]{2,4}/[a-z]{2,4}(?:/[a-z]{2,4})?`, "", 20},
	{"contact", `for inquiries,? .*contact .*`, "contact", 200},
	// Wire credits name the staff, not the story's actors: "Reporting by
	// Josh Smith in Seoul; Additional reporting by …; Editing by …" (a
	// hard-wrapped credit leaves "; Additional" at a line's end), and AP's
	// "Associated Press writer … contributed to this report." The outlets
	// stage still reads authors from them (their Removal says "credit").
	{"credit", `\(?(?:additional |further )?(?:reporting|writing|editing|research|graphics|compiled|production|fact-checking)(?: and (?:reporting|writing|editing))? by (?-i:\p{Lu}[\pL'’.-]*(?:,?\s+(?:\p{Lu}[\pL'’.-]*|and|in|at|from|for|with|de|van|von|der|da|di|del|la|le|bin|al|el|dos|du))*)(?:\s*[;,]\s*(?:additional |further )?(?:reporting|writing|editing|research|graphics|compiled|production|fact-checking)(?: and (?:reporting|writing|editing))? by (?-i:\p{Lu}[\pL'’.-]*(?:,?\s+(?:\p{Lu}[\pL'’.-]*|and|in|at|from|for|with|de|van|von|der|da|di|del|la|le|bin|al|el|dos|du))*))*(?:\s*[;,]\s*(?:additional|further)?)?\.?\)?`, "^reporting|^additional|^further|^editing|^writing|^research|^graphics|^compiled|^production|^fact-checking", 300},
	{"credit", `.*\bcontribut(?:ed|es|ing) (?:to )?(?:this|the) (?:report|story|article|reporting)\.?\)?`, "contribut", 300},
	{"credit", `\(?(?:the )?associated press (?:writers?|reporters?|correspondents?|photographers?|videojournalists?) .*`, "^associated press|^the associated press", 250},
	{"standards", `our standards\s*:.*`, "^our standards", 120},
	{"read-more", `follow (?:\S+ ){0,4}coverage (?:of|at|on) .*`, "^follow", 200},
	{"review-archive", `all (?:press )?reviews (?:from|of) .*`, "reviews", 60},
}

type rule struct {
	name  string
	re    *regexp.Regexp
	need  []string // lower-case substrings the line must contain one of, or none
	max   int      // longest line tested, in bytes
	first firstSet // the bytes a match can start with
}

// Cleaner is the clean stage. It is safe for concurrent use.
type Cleaner struct {
	rules []rule
}

// New compiles the shipped furniture rules and cfg.Furniture. An invalid
// configured pattern is an error.
func New(cfg pipeline.CleanConfig) (*Cleaner, error) {
	c := &Cleaner{}
	for _, r := range defaultRules {
		p := `(?i)^(?:` + r.pattern + `)$`
		c.rules = append(c.rules, rule{r.name, regexp.MustCompile(p), needs(r.need), r.max, firstOf(p, syntax.Perl)})
	}
	for i, p := range cfg.Furniture {
		p = `^(?:` + p + `)$`
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("clean: furniture pattern %d %q: %w", i+1, cfg.Furniture[i], err)
		}
		c.rules = append(c.rules, rule{"custom", re, nil, maxFurnitureBytes, firstOf(p, syntax.Perl)})
	}
	return c, nil
}

// Name is "clean".
func (c *Cleaner) Name() string { return "clean" }

// Process sets d.Clean and d.Removed from d.Text.
func (c *Cleaner) Process(ctx context.Context, d *pipeline.Doc) error {
	d.Clean, d.Removed = c.Clean(d.Text)
	return nil
}

// line is one line of the text: [start,end) excludes the line break and
// the "\r" of "\r\n"; brk is the offset of the break ("\r" or "\n"), or -1
// for the last line.
type line struct {
	start, end int
	brk        int
	runes      int // length of the right-trimmed content in runes
	kind       kind
}

type kind uint8

const (
	kText kind = iota
	kBlank
	kFurniture
	kList
	kHeading // markdown heading, table row, block quote
	kSection // press-review section line
	kDateline
	kByline
)

var (
	listRe     = regexp.MustCompile(`^\s*(?:[-*•–·▪●]|\d{1,3}[.)])\s+\S`)
	headingRe  = regexp.MustCompile(`^\s*(?:#{1,6}\s|\||>)`)
	sectionRe  = regexp.MustCompile(`^\s*[\pL\pN"'“„«‘].{0,100}?\s*\(\p{Lu}{2}\)\s*/\s*$`)
	datelineRe = regexp.MustCompile(`^\p{Lu}[\p{Lu} .,'’-]{1,40}(?:,[^()\n]{0,40})?\s*(?:\([^()\n]{1,30}\)\s*)?(?:-{1,2}|—|–)\s|^\p{Lu}[\p{Lu} .'’-]{1,40},[^/\n]{1,30}/\s*[\pL-]{2,20}\s*/`)
	bylineRe   = regexp.MustCompile(`^\s*(?:By|BY|Von|Par|Por|Di|Av|Door)\s+\p{Lu}`)
)

// Clean returns text with furniture blanked and hard wraps joined, and the
// removals made. len(clean) == len(text); where text is valid UTF-8, so is
// clean, with the same rune boundaries outside replaced runs.
func (c *Cleaner) Clean(text string) (string, []pipeline.Removal) {
	lines := splitLines(text)
	if len(lines) == 0 {
		return text, nil
	}
	buf := []byte(text)
	var removed []pipeline.Removal
	for i := range lines {
		l := &lines[i]
		s := text[l.start:l.end]
		trimmed := strings.TrimSpace(s)
		if trimmed == "" {
			l.kind = kBlank
			continue
		}
		if name, ok := c.furniture(trimmed); ok {
			l.kind = kFurniture
			off := l.start + strings.Index(s, trimmed)
			removed = append(removed, pipeline.Removal{Start: off, End: off + len(trimmed), Rule: name, Text: trimmed})
			blank(buf, l.start, l.end)
			continue
		}
		l.runes = utf8.RuneCountInString(strings.TrimRightFunc(s, unicode.IsSpace))
		rt := strings.TrimRightFunc(s, unicode.IsSpace)
		head := rt[:min(len(rt), 100)]
		// c, the first non-space byte, rules out most line kinds before
		// their regular expressions run.
		c := trimmed[0]
		switch {
		case strings.HasSuffix(rt, "/") && sectionRe.MatchString(s):
			l.kind = kSection
		case (c == '#' || c == '|' || c == '>') && headingRe.MatchString(s):
			l.kind = kHeading
		case (c == '-' || c == '*' || c >= '0' && c <= '9' || c >= 0x80) && listRe.MatchString(s):
			l.kind = kList
		case startsUpper(s) && dashOrSlash(head) && datelineRe.MatchString(s):
			l.kind = kDateline
		case strings.IndexByte("BVPDA", c) >= 0 && l.runes <= 80 && bylineRe.MatchString(s):
			l.kind = kByline
		}
	}
	w := wrapWidth(text, lines)
	for i := 0; i+1 < len(lines); i++ {
		if joins(text, lines, i, w) {
			blank(buf, lines[i].brk, lines[i+1].start)
		}
	}
	return string(buf), removed
}

// dashOrSlash reports whether s holds "-", "/", "—" or "–" (a faster
// strings.ContainsAny(s, "-—–/"), which loops rune by rune for a non-ASCII
// set).
func dashOrSlash(s string) bool {
	if strings.IndexByte(s, '-') >= 0 || strings.IndexByte(s, '/') >= 0 {
		return true
	}
	return strings.IndexByte(s, 0xE2) >= 0 && (strings.Contains(s, "—") || strings.Contains(s, "–"))
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func (c *Cleaner) furniture(trimmed string) (string, bool) {
	if len(trimmed) > maxFurnitureBytes {
		return "", false
	}
	t := strings.Trim(trimmed, "*_ \t")
	if t == "" {
		t = trimmed
	}
	lower := ""
	for _, r := range c.rules {
		if len(t) > r.max || !r.first.has(t[0]) && (t == trimmed || !r.first.has(trimmed[0])) {
			continue
		}
		if len(r.need) > 0 {
			if lower == "" {
				lower = strings.ToLower(t)
			}
			if !containsAny(lower, r.need) {
				continue
			}
		}
		if r.first.has(t[0]) && r.re.MatchString(t) || t != trimmed && r.first.has(trimmed[0]) && r.re.MatchString(trimmed) {
			return r.name, true
		}
	}
	return "", false
}

// needs splits a rule's need at "|" (nil for "").
func needs(need string) []string {
	if need == "" {
		return nil
	}
	return strings.Split(need, "|")
}

// containsAny reports whether lower holds one of subs ("^a": starts
// with a, after any "(").
func containsAny(lower string, subs []string) bool {
	for _, sub := range subs {
		if p, ok := strings.CutPrefix(sub, "^"); ok {
			if strings.HasPrefix(strings.TrimLeft(lower, "("), p) {
				return true
			}
		} else if strings.Contains(lower, sub) {
			return true
		}
	}
	return false
}

func splitLines(text string) []line {
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	start := 0
	for start <= len(text) {
		nl := strings.IndexByte(text[start:], '\n')
		if nl < 0 {
			if start < len(text) {
				lines = append(lines, line{start: start, end: len(text), brk: -1})
			}
			break
		}
		end := start + nl
		brk := end
		if end > start && text[end-1] == '\r' {
			end--
			brk = end
		}
		lines = append(lines, line{start: start, end: end, brk: brk})
		start += nl + 1
	}
	return lines
}

// blank overwrites buf[from:to] with spaces.
func blank(buf []byte, from, to int) {
	for i := from; i < to; i++ {
		buf[i] = ' '
	}
}

// wrapWidth estimates the column at which the text was hard-wrapped: the
// 90th percentile length of the lines that are followed by another text
// line, since those are the lines a wrap filled.
func wrapWidth(text string, lines []line) int {
	var ws []int
	for i := 0; i+1 < len(lines); i++ {
		a, b := lines[i], lines[i+1]
		if a.kind != kText || b.kind == kBlank || b.kind == kFurniture {
			continue
		}
		if a.runes <= maxWrapRunes && b.runes <= maxWrapRunes {
			ws = append(ws, a.runes)
		}
	}
	if len(ws) == 0 {
		return 0
	}
	slices.Sort(ws)
	if len(ws) < 3 {
		return ws[len(ws)-1]
	}
	return ws[len(ws)*9/10]
}

// joins reports whether the break after lines[i] is a hard wrap.
func joins(text string, lines []line, i, w int) bool {
	a, b := lines[i], lines[i+1]
	if a.brk < 0 || a.runes > maxWrapRunes || b.runes > maxWrapRunes {
		return false
	}
	switch a.kind {
	case kText, kList, kDateline:
	default:
		return false
	}
	if b.kind != kText {
		return false
	}
	if i > 0 && lines[i-1].kind == kSection {
		return false // a review section's headline
	}
	as := strings.TrimRightFunc(text[a.start:a.end], unicode.IsSpace)
	bs := text[b.start:b.end]
	first, _ := utf8.DecodeRuneInString(bs)
	indented := unicode.IsSpace(first)
	if indented {
		first, _ = utf8.DecodeRuneInString(strings.TrimLeftFunc(bs, unicode.IsSpace))
	}
	lower := unicode.IsLower(first)
	if a.kind == kList {
		return lower // a list item's wrapped continuation
	}
	if indented {
		return false // a new paragraph
	}
	last, _ := utf8.DecodeLastRuneInString(as)
	if last == ':' && strings.ContainsRune("\"“„«‘'", first) {
		return false // a quotation set off after its introduction
	}
	if lower && !strings.ContainsRune(".!?:", last) {
		return true
	}
	word := bs
	if j := strings.IndexFunc(bs, unicode.IsSpace); j >= 0 {
		word = bs[:j]
	}
	return a.runes+1+utf8.RuneCountInString(word) > w
}

// Writes lists the fields the clean stage writes (pipeline.Writer).
func (*Cleaner) Writes() []string { return []string{"Clean", "Removed"} }
