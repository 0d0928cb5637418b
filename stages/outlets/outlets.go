package outlets

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline"
)

// Unknown is the outlet of a unit without evidence.
const Unknown = "unknown"

// Evidence kinds recorded in Unit.Evidence, strongest first.
const (
	EvMeta      = "meta"
	EvURL       = "url"
	EvDateline  = "dateline"
	EvSource    = "source-line"
	EvMasthead  = "masthead"
	EvCopyright = "copyright"
	EvSignoff   = "signoff"
	EvSection   = "review-section"
)

// Detector is the outlets stage. It is safe for concurrent use.
type Detector struct {
	reg *registry.Registry
}

// New returns a Detector using the shipped registry extended by
// cfg.Registry.
func New(cfg pipeline.OutletConfig) (*Detector, error) {
	reg := registry.Default()
	if len(cfg.Registry) > 0 {
		reg = registry.New(cfg.Registry)
	}
	return &Detector{reg: reg}, nil
}

// Name is "outlets".
func (*Detector) Name() string { return "outlets" }

// Process sets d.Units: one article unit for a plain document, or a
// review-intro unit and one review-quote unit per section for a press
// review. A document of only whitespace gets no units.
func (x *Detector) Process(ctx context.Context, d *pipeline.Doc) error {
	d.Units = x.Units(d)
	return nil
}

// info is what the document as a whole says about itself.
type info struct {
	outlet, country, evidence string
	date, author, title       string
	given                     string // the metadata's own name, for EvMeta and EvURL
	unmatched                 bool   // given is not in the registry
}

// Units computes the units of d without modifying it.
func (x *Detector) Units(d *pipeline.Doc) []*pipeline.Unit {
	span := d.Clean
	if len(span) != len(d.Text) {
		span = d.Text
	}
	ls := logicalLines(d)
	doc := x.describe(d, ls)
	secs := findSections(d.Text)
	if len(secs) < 2 {
		secs = x.findLeads(d.Text)
	}
	if len(secs) < 2 {
		s, e := trimSpan(span, 0, len(span))
		if s == e {
			return nil
		}
		return []*pipeline.Unit{x.unit(d, 0, pipeline.KindArticle, doc, s, e)}
	}
	var units []*pipeline.Unit
	if s, e := trimSpan(span, 0, secs[0].lineStart); s < e {
		units = append(units, x.unit(d, 0, pipeline.KindReviewIntro, doc, s, e))
	}
	for i, sec := range secs {
		end := len(span)
		if i+1 < len(secs) {
			end = secs[i+1].lineStart
		}
		s, e := trimSpan(span, sec.bodyStart, end)
		if s == e {
			continue // a section line with nothing under it
		}
		q := info{date: doc.date, evidence: EvSection, country: sec.country}
		if o, ok := x.reg.Lookup(sec.name); ok {
			q.outlet = o.Name
		} else {
			q.outlet = sec.name
		}
		if !sec.lead {
			q.title, q.author = sectionHead(d.Text[s:e])
		}
		units = append(units, x.unit(d, len(units), pipeline.KindReviewQuote, q, s, e))
	}
	return units
}

func (x *Detector) unit(d *pipeline.Doc, i int, kind string, in info, s, e int) *pipeline.Unit {
	outlet := in.outlet
	if outlet == "" {
		outlet = Unknown
	}
	return &pipeline.Unit{
		ID:              d.ID + "#" + strconv.Itoa(i),
		Index:           i,
		Kind:            kind,
		Outlet:          outlet,
		Country:         in.country,
		Date:            in.date,
		Author:          in.author,
		Title:           in.title,
		Evidence:        in.evidence,
		OutletGiven:     in.given,
		OutletUnmatched: in.unmatched,
		Start:           s,
		End:             e,
	}
}

// describe finds the document's outlet, country, date, author and title.
func (x *Detector) describe(d *pipeline.Doc, ls []textLine) info {
	var in info
	head := header(ls)
	var o registry.Outlet
	o, in.outlet, in.evidence, in.given = x.outletOf(d, ls, head)
	in.country = o.Country
	in.unmatched = in.given != "" && o.Name == ""
	if c := strings.TrimSpace(d.Meta.Country); c != "" && (in.evidence == EvMeta || in.evidence == EvURL || in.country == "") && in.outlet != "" {
		in.country = strings.ToUpper(c)
	}
	in.date = dateOf(d, ls, head)
	in.author = x.authorOf(d, ls, head)
	in.title = x.titleOf(d, ls, head)
	return in
}

// header is the number of leading lines before the first body paragraph:
// mastheads, titles, datelines and bylines live there.
func header(ls []textLine) int {
	n, kept := 0, 0
	for i, l := range ls {
		if l.removed() {
			n = i + 1
			continue // page furniture does not push the headline down
		}
		if l.runes > 150 {
			return i
		}
		n = i + 1
		if kept++; kept > 12 {
			break
		}
	}
	return n
}

var (
	wireDatelineRe  = regexp.MustCompile(`^(?:\p{Lu}[\p{L} .'’-]{1,40}?(?:,[^()\n]{1,40}?)?\s*)?\(([^()\n]{2,40})\)\s*(?:-{1,2}|—|–)`)
	tassDatelineRe  = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,40},[^/\n]{1,30}?/\s*([\pL-]{2,20})\s*/`)
	sourceRe        = regexp.MustCompile(`(?i)^(?:source(?: site)?|quelle|via)\s*:\s*(.{2,80})$`)
	copyrightMarkRe = regexp.MustCompile(`(?i)^(?:\s*(?:©|\(c\)|copyright\b|\d{4}(?:\s*[-–]\s*\d{4})?\b)[\s,]*)+`)
	copyrightEndRe  = regexp.MustCompile(`(?i)\s*(?:\ball rights reserved\b.*|\.\s.*|[|;].*|,?\s*\d{4}\s*\.?\s*$|\.$)`)
	writerCreditRe  = regexp.MustCompile(`^(.{2,60}?)\s+(?:staff\s+)?(?:writers?|correspondents?|reporters?)\s+.{2,120}\bcontributed\b`)
	mastheadSepRe   = regexp.MustCompile(`\s+[—–|·-]\s+|\s*[|·:]\s*|,\s+`)
	corporateRe     = regexp.MustCompile(`(?i)[\s,]+(?:company|co\.?|inc\.?|ltd\.?|llc|l\.?p\.?|gmbh|ag|plc|group|media|s\.a\.)$`)
)

// outletOf returns the document's outlet, its name and the evidence kind,
// or "" without evidence. For metadata evidence it also returns the name
// as the input gave it; an outlet the registry does not know is then
// returned empty, and name is the given name (a web address as its
// host).
func (x *Detector) outletOf(d *pipeline.Doc, ls []textLine, head int) (o registry.Outlet, name, evidence, given string) {
	if m := collapse(strings.TrimSpace(d.Meta.Outlet)); m != "" {
		if o, ok := x.reg.Match(m); ok {
			return o, o.Name, EvMeta, m
		}
		if h := registry.Host(m); h != "" {
			return registry.Outlet{}, h, EvMeta, m
		}
		return registry.Outlet{}, m, EvMeta, m
	}
	// A record's web address names its site; a site the registry does
	// not know counts only when the text names no outlet either.
	host := registry.Host(d.Meta.URL)
	if host != "" {
		if o, ok := x.reg.Match(host); ok {
			return o, o.Name, EvURL, host
		}
	}
	if o, ev := x.textOutlet(ls, head); ev != "" {
		return o, o.Name, ev, ""
	}
	if host != "" {
		return registry.Outlet{}, host, EvURL, host
	}
	return registry.Outlet{}, "", "", ""
}

// textOutlet returns the outlet the text names and the evidence kind, or
// "" without evidence.
func (x *Detector) textOutlet(ls []textLine, head int) (registry.Outlet, string) {
	for _, l := range ls {
		if l.removed() {
			continue
		}
		for _, re := range []*regexp.Regexp{wireDatelineRe, tassDatelineRe} {
			if m := re.FindStringSubmatch(l.text); m != nil {
				if o, ok := x.reg.Lookup(m[1]); ok {
					return o, EvDateline
				}
			}
		}
	}
	for _, l := range ls {
		if m := sourceRe.FindStringSubmatch(l.text); m != nil {
			for _, name := range []string{m[1], strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == '/' || r == ';' })[0]} {
				if o, ok := x.lookupName(name); ok {
					return o, EvSource
				}
			}
		}
	}
	for i := 0; i < head && i < 4; i++ {
		if o, ok := x.masthead(ls[i]); ok {
			return o, EvMasthead
		}
	}
	for _, l := range ls {
		if name := copyrightHolder(l); name != "" {
			for range 2 {
				if o, ok := x.lookupName(name); ok {
					return o, EvCopyright
				}
				name = strings.TrimSpace(corporateRe.ReplaceAllString(name, ""))
			}
		}
	}
	// Sign-offs and credits close the text.
	for i := len(ls) - 1; i >= 0 && i >= len(ls)-6; i-- {
		if o, ok := x.signoff(ls[i]); ok {
			return o, EvSignoff
		}
	}
	return registry.Outlet{}, ""
}

// copyrightHolder returns the holder named by a copyright line ("© 2024
// Reuters. All rights reserved." → "Reuters", "© The New York Times
// Company 2024" → "The New York Times Company"), or "".
func copyrightHolder(l textLine) string {
	if l.runes > 250 {
		return ""
	}
	loc := copyrightMarkRe.FindStringIndex(l.text)
	if loc == nil || !strings.ContainsAny(strings.ToLower(l.text[:loc[1]]), "©(c") {
		return ""
	}
	name := l.text[loc[1]:]
	if e := copyrightEndRe.FindStringIndex(name); e != nil {
		name = name[:e[0]]
	}
	return strings.TrimSpace(name)
}

// lookupName looks s up as a name, a web address or a slug (see
// registry.Match).
func (x *Detector) lookupName(s string) (registry.Outlet, bool) { return x.reg.Match(s) }

// masthead recognises a line that names the outlet at the top of a text:
// "The Kyiv Independent", "Gazeta Wyborcza | Opinion", "POLITICO Europe —
// October 4, 2024", "# euro|topics: Kim visits Putin".
func (x *Detector) masthead(l textLine) (registry.Outlet, bool) {
	if l.removed() || l.runes > 100 {
		return registry.Outlet{}, false
	}
	t := stripMarkup(l.text)
	if o, ok := x.reg.Lookup(t); ok {
		return o, true
	}
	for _, loc := range mastheadSepRe.FindAllStringIndex(t, 4) {
		if loc[0] == 0 {
			continue
		}
		prefix := stripMarkup(t[:loc[0]])
		if strings.Contains(t[loc[0]:loc[1]], ":") && rubric[strings.ToLower(prefix)] {
			continue // "Focus: ..." is a rubric, not the magazine
		}
		if o, ok := x.reg.Lookup(prefix); ok {
			return o, true
		}
	}
	return registry.Outlet{}, false
}

// rubric lists outlet names that are also common headline rubrics.
var rubric = map[string]bool{"focus": true, "time": true, "dawn": true, "standard": true, "presse": true, "sun": true, "mirror": true, "independent": true, "stern": true, "welt": true, "zeit": true, "information": true, "opinion": true}

// signoff recognises closing credits: "Jane Roe, ARD Tokyo, tagesschau,
// 18.06.2024 09:55 a.m." and "Associated Press writer X contributed to
// this report."
func (x *Detector) signoff(l textLine) (registry.Outlet, bool) {
	if l.runes > 200 {
		return registry.Outlet{}, false
	}
	if m := writerCreditRe.FindStringSubmatch(l.text); m != nil {
		if o, ok := x.reg.Lookup(m[1]); ok {
			return o, true
		}
	}
	parts := strings.Split(l.text, ",")
	if len(parts) < 2 || l.removed() || l.runes > 120 || !personRe.MatchString(strings.TrimSpace(parts[0])) {
		return registry.Outlet{}, false
	}
	// An exact part wins over one whose first word is an outlet
	// ("ARD Tokyo"), which counts only in a dated sign-off.
	for i := len(parts) - 1; i >= 1; i-- {
		if o, ok := x.reg.Lookup(strings.TrimSpace(parts[i])); ok {
			return o, true
		}
	}
	if len(findDates(l.text)) == 0 {
		return registry.Outlet{}, false
	}
	for i := 1; i < len(parts); i++ {
		f := strings.Fields(parts[i])
		if len(f) == 2 {
			if o, ok := x.reg.Lookup(f[0]); ok {
				return o, true
			}
		}
	}
	return registry.Outlet{}, false
}

// dateOf returns the document's ISO date: metadata first, then the first
// complete date on a short line (time stamps, datelines, sign-offs), then a
// date without a year completed from the document's other dates.
func dateOf(d *pipeline.Doc, ls []textLine, head int) string {
	if iso := ParseDate(d.Meta.Date); iso != "" {
		return iso
	}
	var partial *dateMatch
	for pass := 0; pass < 2; pass++ {
		for i, l := range ls {
			if (pass == 0) != (i < head) || l.runes > 100 {
				continue
			}
			for _, m := range findDates(l.text) {
				if m.year != 0 {
					return m.iso()
				}
				if partial == nil {
					partial = &m
				}
			}
		}
	}
	// Body paragraphs lend a year to a yearless date, and may start with a
	// dateline's yearless date ("Seoul, June 19 (Yonhap) --").
	year := 0
	for _, l := range ls {
		if l.runes <= 100 {
			continue
		}
		for _, m := range findDates(l.text) {
			if m.year != 0 {
				if year == 0 {
					year = m.year
				}
			} else if partial == nil && m.start < 60 {
				partial = &m
			}
		}
		if year != 0 && partial != nil {
			break
		}
	}
	if partial == nil || year == 0 || !valid(year, partial.month, partial.day) {
		return ""
	}
	partial.year = year
	return partial.iso()
}

var (
	bylineRe    = regexp.MustCompile(`^(?:By|BY|by|Von|von|Par|par|Por|por|Di|di|Av|av)\s+(\p{Lu}.{1,150})$`)
	reportingRe = regexp.MustCompile(`(?i)^reporting by\s+([^;)]{2,150})`)
	nameSplitRe = regexp.MustCompile(`\s*(?:,|;|&|\||\b(?:and|AND|And|und|UND|et|ET|y)\b)\s*`)
	roleWordRe  = regexp.MustCompile(`(?i)\b(?:staff|writer|correspondent|reporter|editor|contributor|columnist|bureau|chief|analyst|news|desk|agency|online|staff writer|senior|political|foreign)\b`)
	nameCutRe   = regexp.MustCompile(`\s+(?:in|at|from|for|aus|à|en|w)\s+.*$`)
	personRe    = regexp.MustCompile(`^\p{Lu}[\pL'’.-]*(?:\s+(?:\p{Lu}[\pL'’.-]*|van|von|de|der|den|da|di|del|la|le|bin|al))*\s+\p{Lu}[\pL'’.-]*$`)
)

// authorOf returns the authors, "; "-separated: metadata, a byline, a
// sign-off, or a Reuters-style "Reporting by" credit (reporters only).
func (x *Detector) authorOf(d *pipeline.Doc, ls []textLine, head int) string {
	if a := strings.TrimSpace(d.Meta.Author); a != "" {
		return joinNames(x.names(a))
	}
	for i := 0; i < head; i++ {
		if ls[i].removed() {
			continue
		}
		if m := bylineRe.FindStringSubmatch(stripMarkup(ls[i].text)); m != nil {
			if ns := x.names(m[1]); len(ns) > 0 {
				return joinNames(ns)
			}
		}
	}
	for i := len(ls) - 1; i >= 0 && i >= len(ls)-6; i-- {
		l := ls[i]
		if l.rule == "credit" {
			// A wire credit, blanked as furniture line by line: its
			// reporters are the authors. A hard-wrapped credit is read
			// from its first line on.
			text := l.text
			for i > 0 && ls[i-1].rule == "credit" {
				i--
				text = ls[i].text + " " + text
			}
			if m := reportingRe.FindStringSubmatch(strings.TrimLeft(text, "(")); m != nil {
				if ns := x.names(m[1]); len(ns) > 0 {
					return joinNames(ns)
				}
			}
			continue
		}
		if l.removed() || l.runes > 150 {
			continue
		}
		parts := strings.Split(l.text, ",")
		if len(parts) >= 3 {
			if _, ok := x.signoff(l); ok {
				if n := strings.TrimSpace(parts[0]); personRe.MatchString(n) {
					return n
				}
			}
		}
		if m := reportingRe.FindStringSubmatch(strings.TrimLeft(l.text, "(")); m != nil {
			if ns := x.names(m[1]); len(ns) > 0 {
				return joinNames(ns)
			}
		}
	}
	return ""
}

// names splits an author list into person names, dropping places ("in
// Seoul"), outlets and roles, and fixing ALL-CAPS names.
func (x *Detector) names(s string) []string {
	var out []string
	for _, p := range nameSplitRe.Split(s, -1) {
		p = strings.TrimSpace(nameCutRe.ReplaceAllString(strings.TrimSpace(p), ""))
		p = strings.Trim(p, " .:")
		if p == "" || strings.ContainsAny(p, "0123456789@/") {
			continue
		}
		if _, ok := x.reg.Lookup(p); ok || roleWordRe.MatchString(p) {
			continue
		}
		if isUpper(p) {
			p = titleCase(p)
		}
		if !personRe.MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func joinNames(ns []string) string { return strings.Join(ns, "; ") }

func isUpper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// titleCase turns "JANE O'NEILL-SMITH" into "Jane O'Neill-Smith".
func titleCase(s string) string {
	var b strings.Builder
	up := true
	run := 0 // letters since the last word boundary
	for _, r := range s {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		switch {
		case unicode.IsLetter(r):
			run++
			up = false
		case r == '\'' || r == '’':
			up = run == 1 // O'Neill, D'Alema; but not "Don't"
			run = 0
		default:
			up = true
			run = 0
		}
	}
	return b.String()
}

// titleOf returns the metadata title, else the first header line that
// reads as a headline.
func (x *Detector) titleOf(d *pipeline.Doc, ls []textLine, head int) string {
	if t := strings.TrimSpace(d.Meta.Title); t != "" {
		return collapse(t)
	}
	for i := 0; i < head; i++ {
		l := ls[i]
		if l.removed() || l.runes > 200 {
			continue
		}
		t := stripMarkup(l.text)
		switch {
		case t == "", sourceRe.MatchString(t), bylineRe.MatchString(t), wireDatelineRe.MatchString(t), tassDatelineRe.MatchString(t):
			continue
		case isDateLine(t):
			continue
		}
		if _, ok := x.masthead(l); ok && !strings.Contains(t, ": ") {
			continue
		}
		if j := strings.Index(t, ": "); j > 0 {
			if _, ok := x.reg.Lookup(t[:j]); ok {
				t = strings.TrimSpace(t[j+2:])
			}
		}
		if _, ok := x.reg.Lookup(t); ok {
			continue
		}
		if isUpper(t) && len(strings.Fields(t)) <= 3 && i+1 < head {
			continue // a kicker such as "EXCLUSIVE" or "WORLD NEWS"
		}
		return t
	}
	return ""
}

// isDateLine reports whether a line is mostly a date (with perhaps a time
// and a few words such as "Updated").
func isDateLine(s string) bool {
	ms := findDates(s)
	if len(ms) == 0 {
		return false
	}
	rest := s[:ms[0].start] + " " + s[ms[0].end:]
	words := 0
	for _, f := range strings.Fields(rest) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 && utf8.RuneCountInString(f) > 2 {
			words++
		}
	}
	return words <= 3
}

// Writes lists the fields the outlets stage writes (pipeline.Writer).
func (*Detector) Writes() []string { return []string{"Units"} }
