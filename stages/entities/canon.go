package entities

import (
	"bufio"
	"embed"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/entities/ner"
	"golang.org/x/text/unicode/norm"
)

//go:embed data/*.txt
var dataFS embed.FS

// readTable reads a two-column data file (name TAB value).
func readTable(name string) [][2]string {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic(err) // embedded at build time
	}
	var out [][2]string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		k, v, _ := strings.Cut(line, "\t")
		out = append(out, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
	}
	return out
}

// Key is the form under which entity names are compared: lower case,
// diacritics removed, a leading "the" dropped, and only letters and digits
// kept, so "Kim Jong-un", "Kim Jong Un" and "KIM JONG-UN" share one key.
func Key(s string) string {
	var buf [64]byte
	return string(appendKey(buf[:0], s))
}

// lowerIn returns m[strings.ToLower(s)] without allocating for short ASCII
// words (the common case on every token).
func lowerIn[V any](m map[string]V, s string) V {
	var buf [32]byte
	if len(s) > len(buf) {
		return m[strings.ToLower(s)]
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return m[string(b)]
}

// appendKey appends the Key of s to dst; lookups use it with a scratch
// buffer so that they do not allocate.
func appendKey(dst []byte, s string) []byte {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return appendKeyUnicode(dst, s)
		}
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			dst = append(dst, c)
		case 'A' <= c && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		}
	}
	return dst
}

func appendKeyUnicode(dst []byte, s string) []byte {
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// keyed reports whether the key of s is in set, without allocating for
// ASCII names.
func keyed(set map[string]bool, s string) bool {
	var buf [64]byte
	return set[string(appendKey(buf[:0], s))]
}

// canon holds the tables used to name, type and map entities.
type canon struct {
	alias     map[string]string // key -> canonical name
	display   map[string]string // key -> gazetteer spelling
	actor     map[string]string // key of canonical name -> actor
	country   map[string]bool   // keys of countries
	place     map[string]bool   // keys of countries, cities, regions
	geo       map[string]bool   // keys of non-political places (LOC)
	demonym   map[string]string // key -> singular demonym display
	orgs      map[string]bool   // keys of shipped organisations
	title     map[string]bool   // lower-case title and role words
	leaderSur map[string]string // surname key -> leader, when unique
	// gazTypes lets the gazetteers override the model's type (see typeOf).
	gazTypes bool
}

func newCanon(cfg pipeline.EntityConfig) *canon {
	c := &canon{
		alias: map[string]string{}, display: map[string]string{}, actor: map[string]string{},
		country: map[string]bool{}, place: map[string]bool{}, geo: map[string]bool{},
		demonym: map[string]string{}, orgs: map[string]bool{}, title: map[string]bool{},
		leaderSur: map[string]string{}, gazTypes: true,
	}
	setDisplay := func(name string) {
		if _, ok := c.display[Key(name)]; !ok {
			c.display[Key(name)] = name
		}
	}
	for _, e := range ner.List(ner.ListCountries) {
		canonical := e.Name
		if e.Value != "" {
			canonical = e.Value
			c.alias[Key(e.Name)] = canonical
		}
		c.country[Key(e.Name)] = true
		c.place[Key(e.Name)] = true
		c.actor[Key(canonical)] = canonical
		setDisplay(e.Name)
	}
	for _, e := range ner.List(ner.ListCities) {
		c.place[Key(e.Name)] = true
		setDisplay(e.Name)
	}
	for _, e := range ner.List(ner.ListRegions) {
		c.place[Key(e.Name)] = true
		setDisplay(e.Name)
	}
	for _, g := range geoNames {
		c.geo[Key(g)] = true
	}
	for _, e := range ner.List(ner.ListDemonyms) {
		k := Key(e.Name)
		name := e.Name
		if strings.HasSuffix(k, "s") {
			if d, ok := c.demonym[k[:len(k)-1]]; ok {
				name = d
			}
		}
		c.demonym[k] = name
		if e.Value != "" {
			c.actor[k] = e.Value
		}
	}
	for _, e := range ner.List(ner.ListOrgs) {
		c.orgs[Key(e.Name)] = true
		if e.Value != "" {
			c.alias[Key(e.Name)] = e.Value
			c.orgs[Key(e.Value)] = true
		}
		setDisplay(e.Name)
	}
	for _, e := range ner.List(ner.ListOutlets) {
		setDisplay(e.Name)
	}
	for _, e := range ner.List(ner.ListTitles) {
		for _, w := range strings.Fields(e.Name) {
			c.title[w] = true
			c.title[Key(w)] = true
		}
	}
	for _, kv := range readTable("seats.txt") {
		c.actor[Key(kv[0])] = kv[1]
	}
	sur := map[string][]string{}
	for _, kv := range readTable("leaders.txt") {
		c.actor[Key(kv[0])] = kv[1]
		c.alias[Key(kv[0])] = kv[0]
		s := surname(strings.Fields(kv[0]))
		sur[Key(s)] = append(sur[Key(s)], kv[0])
	}
	for s, names := range sur {
		if len(names) == 1 {
			c.leaderSur[s] = names[0]
		}
	}
	for _, kv := range readTable("aliases.txt") {
		c.alias[Key(kv[0])] = kv[1]
		if _, ok := c.alias[Key(kv[1])]; !ok {
			c.alias[Key(kv[1])] = kv[1]
		}
	}
	// Configured tables are applied in sorted order, so that two entries
	// with the same key resolve the same way on every run.
	for _, from := range slices.Sorted(maps.Keys(cfg.Aliases)) {
		to := cfg.Aliases[from]
		c.alias[Key(from)] = to
		c.alias[Key(to)] = to
	}
	for _, name := range slices.Sorted(maps.Keys(cfg.Actors)) {
		actor := cfg.Actors[name]
		c.actor[Key(name)] = actor
		if c.alias[Key(actor)] == "" {
			c.actor[Key(actor)] = actor
		}
	}
	return c
}

// geoNames are places that are not states or cities (type LOC).
var geoNames = []string{
	"Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Central America",
	"Middle East", "Near East", "Far East", "Balkans", "Baltics", "Caucasus", "Scandinavia", "Siberia",
	"Arctic", "Antarctica", "Pacific", "Atlantic", "Indian Ocean", "Mediterranean", "Black Sea",
	"Baltic Sea", "Red Sea", "Sea of Japan", "East Sea", "Yellow Sea", "South China Sea", "East China Sea",
	"Persian Gulf", "Gulf", "Korean Peninsula", "Sahara", "Sahel", "Himalayas", "Alps", "Eurasia",
	"Indo-Pacific", "Asia-Pacific", "West", "East", "Global South",
}

// geoHeads end names of geographic features.
var geoHeads = map[string]bool{
	"sea": true, "ocean": true, "river": true, "mountains": true, "mount": true, "lake": true,
	"gulf": true, "strait": true, "bay": true, "peninsula": true, "valley": true, "desert": true,
	"island": true, "islands": true, "coast": true, "canal": true, "straits": true, "hills": true,
	"cosmodrome": true, "airport": true, "square": true, "bridge": true, "base": true, "port": true,
	"palace": true, "stadium": true, "cathedral": true,
}

// eastAsianSurnames are family names written first in Korean and Chinese
// names ("Kim Jong Un", "Xi Jinping").
var eastAsianSurnames = map[string]bool{
	"kim": true, "lee": true, "park": true, "pak": true, "choi": true, "choe": true, "jung": true, "chung": true,
	"kang": true, "cho": true, "yoon": true, "yun": true, "jang": true, "lim": true, "han": true, "oh": true,
	"seo": true, "shin": true, "kwon": true, "hwang": true, "ahn": true, "song": true, "ryu": true, "hong": true,
	"jeon": true, "ko": true, "moon": true, "yang": true, "son": true, "bae": true, "baek": true, "heo": true,
	"nam": true, "ri": true, "ro": true, "roh": true, "chun": true,
	"xi": true, "li": true, "wang": true, "zhang": true, "liu": true, "chen": true, "zhao": true, "huang": true,
	"zhou": true, "wu": true, "xu": true, "sun": true, "hu": true, "zhu": true, "gao": true, "lin": true,
	"he": true, "guo": true, "ma": true, "luo": true, "deng": true, "jiang": true, "mao": true, "wen": true,
	"qin": true, "cai": true, "yi": true,
}

var particles = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "bin": true, "ibn": true, "abu": true, "de": true, "di": true,
	"da": true, "von": true, "van": true, "der": true, "den": true, "le": true, "la": true, "du": true, "dos": true,
}

// familyFirst reports whether a multi-word name is written family name
// first: its first word is an East Asian family name and its last is not.
func familyFirst(words []string) bool {
	if len(words) < 2 {
		return false
	}
	if !lowerIn(eastAsianSurnames, words[0]) {
		return false
	}
	// "Duyeon Kim" has the family name last; "Kim Jong Un" first. Two
	// family names ("Lee Kim") read as western order.
	return !lowerIn(eastAsianSurnames, words[len(words)-1]) || len(words) > 2
}

// surname returns the family name of a full name.
func surname(words []string) string {
	switch {
	case len(words) == 0:
		return ""
	case familyFirst(words):
		return words[0]
	}
	// Keep particles with the surname: "Ursula von der Leyen" -> "von der Leyen".
	i := len(words) - 1
	for i > 1 && lowerIn(particles, words[i-1]) {
		i--
	}
	return strings.Join(words[i:], " ")
}

// personName normalises the spelling of a person's name: all-capital or
// all-lower-case words are title-cased, middle initials ("Vladimir V.
// Putin") are dropped, and in family-first names the syllable after a
// hyphen is lower-cased ("Kim Dong-Yop" -> "Kim Dong-yop").
func personName(s string) string {
	words := strings.Fields(s)
	ff := familyFirst(words)
	out := words[:0:0]
	for i, w := range words {
		if i > 0 && i < len(words)-1 && len(words) > 2 && isInitial(w) {
			continue
		}
		w = fixCase(w)
		if ff {
			if j := strings.IndexByte(w, '-'); j > 0 && j+1 < len(w) {
				w = w[:j+1] + strings.ToLower(w[j+1:])
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// isInitial reports whether w is an initial such as "V." or "J.".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w[size:] == "."
}

// fixCase title-cases a word written all in upper or all in lower case.
func fixCase(w string) string {
	upper, lower := 0, 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	if (upper > 1 && lower == 0) || (upper == 0 && lower > 0) {
		r, size := utf8.DecodeRuneInString(w)
		return string(unicode.ToUpper(r)) + strings.ToLower(w[size:])
	}
	return w
}

// isAllCaps reports whether w has at least two letters, all upper case.
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// person is a full name seen earlier in a document.
type person struct {
	name    string // canonical
	key     string // Key(name)
	surname string // key of the family name
}

// docLinks is the per-document state for linking short forms.
type docLinks struct {
	persons []person
	actors  map[string]string // person entity -> actor found from context
}

// name returns the canonical entity for a mention of type typ, and whether
// it was linked to a person.
func (c *canon) name(text, typ string, links *docLinks) string {
	k := Key(text)
	if typ == pipeline.EntPerson {
		words := strings.Fields(text)
		if a, ok := c.alias[k]; ok && len(words) > 1 {
			c.addPerson(links, a)
			return a
		}
		if len(words) == 1 || (len(words) > 1 && lowerIn(particles, words[0])) {
			for i := len(links.persons) - 1; i >= 0; i-- {
				if links.persons[i].surname == k {
					return links.persons[i].name
				}
			}
			if a, ok := c.alias[k]; ok {
				return a
			}
			if l, ok := c.leaderSur[k]; ok {
				return l
			}
			return personName(text)
		}
		n := personName(text)
		if a, ok := c.alias[Key(n)]; ok {
			n = a
		}
		c.addPerson(links, n)
		return n
	}
	if a, ok := c.alias[k]; ok {
		return a
	}
	if typ == pipeline.EntNORP {
		if d, ok := c.demonym[k]; ok {
			return d
		}
	}
	if d, ok := c.display[k]; ok {
		return d
	}
	if len(text) > 4 && strings.EqualFold(text[:4], "the ") {
		text = text[4:]
	}
	words := strings.Fields(text)
	allCaps := true
	for _, w := range words {
		if !isAllCaps(w) {
			allCaps = false
		}
	}
	if allCaps && len(words) > 1 || allCaps && len(text) > 5 {
		for i, w := range words {
			words[i] = fixCase(w)
		}
		return strings.Join(words, " ")
	}
	return text
}

func (c *canon) addPerson(links *docLinks, name string) {
	words := strings.Fields(name)
	if len(words) < 2 {
		return
	}
	links.persons = append(links.persons, person{name: name, key: Key(name), surname: Key(surname(words))})
}

// actorOf returns the state actor a mention stands for, or "".
func (c *canon) actorOf(entity, text, typ string) string {
	if a, ok := c.actor[Key(entity)]; ok {
		return a
	}
	if a, ok := c.actor[Key(text)]; ok && typ != pipeline.EntPerson {
		return a
	}
	if typ == pipeline.EntOrg {
		// "Russian Defence Ministry", "North Korean army": a state body
		// named after its country.
		words := strings.Fields(text)
		for n := min(3, len(words)-1); n >= 1; n-- {
			k := Key(strings.Join(words[:n], " "))
			a, ok := c.actor[k]
			if !ok || !(c.country[k] || c.demonym[k] != "") {
				continue
			}
			for _, w := range words[n:] {
				if lowerIn(stateBodies, w) {
					return a
				}
			}
		}
	}
	return ""
}

// orgHeads end names of organisations ("Kookmin University").
var orgHeads = map[string]bool{
	"university": true, "institute": true, "center": true, "centre": true, "council": true, "ministry": true,
	"agency": true, "bank": true, "party": true, "committee": true, "commission": true, "foundation": true,
	"corporation": true, "corp": true, "corp.": true, "company": true, "group": true, "association": true,
	"organization": true, "organisation": true, "court": true, "assembly": true, "parliament": true,
	"army": true, "navy": true, "service": true, "office": true, "department": true, "academy": true,
	"college": true, "school": true, "hospital": true, "federation": true, "fund": true, "inc": true,
	"inc.": true, "ltd": true, "ltd.": true, "bureau": true, "authority": true, "alliance": true,
	"studies": true, "forum": true, "command": true, "duma": true, "fleet": true,
}

var stateBodies = map[string]bool{
	"ministry": true, "government": true, "army": true, "navy": true, "forces": true, "military": true,
	"embassy": true, "parliament": true, "defence": true, "defense": true, "foreign": true, "cabinet": true,
	"presidency": true, "kremlin": true, "administration": true, "air": true, "guard": true,
}

// typeOf maps a CoNLL type onto framewatch's types. Shipped gazetteers
// override the model where it is unreliable on news text: countries and
// cities are GPE, known organisations and names ending in an
// organisation word ORG, names ending in a geographic feature LOC.
func (c *canon) typeOf(conll int, text string) string {
	var buf [64]byte
	kb := appendKey(buf[:0], text)
	lastWord := text
	if i := strings.LastIndexByte(text, ' '); i >= 0 {
		lastWord = text[i+1:]
	}
	multi := len(lastWord) < len(text)
	if c.gazTypes && ner.Types[conll] != "PER" {
		switch {
		case c.country[string(kb)] || c.alias[string(kb)] != "" && c.country[Key(c.alias[string(kb)])]:
			return pipeline.EntGPE
		case c.place[string(kb)] && !c.orgs[string(kb)] && (ner.Types[conll] != "ORG" || c.geo[string(kb)] || c.actor[string(kb)] != ""):
			// A city the model calls an organisation is a club or a
			// team named after it ("Barcelona", "Leeds", "PHILADELPHIA"),
			// an organisation under CoNLL's guidelines. A country stays a
			// country (national teams are LOC there), and so does a
			// capital, which stands for its government ("Kyiv has urged").
			if c.geo[string(kb)] {
				return pipeline.EntLoc
			}
			return pipeline.EntGPE
		case multi && lowerIn(geoHeads, lastWord):
			return pipeline.EntLoc
		case multi && lowerIn(orgHeads, lastWord):
			return pipeline.EntOrg
		}
	}
	switch ner.Types[conll] {
	case "PER":
		return pipeline.EntPerson
	case "ORG":
		return pipeline.EntOrg
	case "LOC":
		switch {
		case !c.gazTypes:
		case c.orgs[string(kb)] && !c.place[string(kb)]:
			return pipeline.EntOrg // "the Kremlin", "the White House"
		case c.geo[string(kb)]:
			return pipeline.EntLoc
		case multi && strings.HasPrefix(strings.ToLower(text), "mount "):
			return pipeline.EntLoc
		}
		return pipeline.EntGPE
	default:
		if c.gazTypes && c.orgs[string(kb)] && !c.place[string(kb)] {
			return pipeline.EntOrg
		}
		if _, ok := c.demonym[string(kb)]; ok {
			return pipeline.EntNORP
		}
		return pipeline.EntMisc
	}
}
