package reports

import (
	"fmt"
	"strings"
)

// Newsworthiness of a claim: how much a reader comparing coverage cares
// about a figure. Money, casualties and military figures (weapons,
// troops) score 3, percentages 2; a figure attributed to someone adds 1,
// and each outlet beyond the first that cites it adds 1 (at most 3).
// Counts of generic things ("2 countries", "5 years", "2 leaders") and
// durations score 0 whatever cites them: they are context, not findings.
// Claims scoring at least minNews are drawn in the claims chart and can
// conflict; the others are in claims.csv only.
const minNews = 3

// casualtyWords and militaryWords are word prefixes of counted things
// that make a figure a casualty or military figure.
var (
	casualtyWords = []string{"killed", "dead", "death", "casualt", "wounded", "injur", "victim", "fatalit", "civilian",
		"refugee", "displaced", "prisoner", "hostage", "missing", "evacuee", "live", "body"}
	militaryWords = []string{"troop", "soldier", "shell", "missile", "rocket", "drone", "tank", "weapon", "ammunition",
		"munition", "artillery", "warhead", "bomb", "jet", "aircraft", "warship", "submarine", "personnel", "fighter",
		"force", "howitzer", "battalion", "brigade", "mercenar", "conscript", "reservist", "landmine", "cartridge"}
	// trivialCounted are counted things that say nothing by themselves.
	trivialCounted = map[string]bool{
		"country": true, "nation": true, "leader": true, "side": true, "time": true, "year": true, "month": true,
		"week": true, "day": true, "hour": true, "minute": true, "decade": true, "century": true, "way": true,
		"thing": true, "part": true, "point": true, "member": true, "state": true, "party": true, "talk": true,
		"meeting": true, "trip": true, "visit": true, "document": true, "agreement": true, "treaty": true,
		"article": true, "page": true, "word": true, "question": true, "step": true, "issue": true, "other": true,
		"one": true, "term": true, "summit": true, "occasion": true, "round of talk": true, "area": true, "region": true,
		"city": true, "capital": true, "official": true, "minister": true, "president": true, "man": true, "woman": true, "men": true, "women": true, "people": true, "person": true,
		"child": true, "children": true, "family": true, "group": true, "company": true, "firm": true, "container": true,
	}
	durationUnits = map[string]bool{"year": true, "month": true, "week": true, "day": true, "hour": true, "minute": true,
		"second": true, "decade": true, "century": true}
)

// hasWordPrefix reports whether some word of s starts with one of ps.
func hasWordPrefix(s string, ps []string) bool {
	for _, w := range strings.Fields(s) {
		for _, p := range ps {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// currencies are the ISO 4217 codes the figures stage writes as units.
var currencies = map[string]bool{}

func init() {
	for _, c := range strings.Fields("AED AUD BRL BTC CAD CHF CNY CZK DKK EUR GBP HKD HUF IDR ILS INR JPY KPW KRW MXN MYR " +
		"NGN NOK NZD PHP PKR PLN RUB SAR SEK SGD THB TRY TWD UAH USD VND ZAR CENT PENCE") {
		currencies[c] = true
	}
}

// isMoney reports whether a unit (in any case) is a currency or a price
// ("USD per barrel").
func isMoney(unit string) bool {
	u := strings.ToUpper(unit)
	if i := strings.Index(u, " PER "); i >= 0 {
		u = u[:i]
	}
	return currencies[u]
}

// trivial reports whether a claim counts a generic thing or a duration
// and nothing else marks it.
func (c *claim) trivial() bool {
	if isMoney(c.Unit) || c.Unit == "%" || c.Unit == "percentage point" {
		return false
	}
	if hasWordPrefix(c.Counted, casualtyWords) || hasWordPrefix(c.Counted, militaryWords) {
		return false
	}
	if durationUnits[c.Unit] {
		return true
	}
	if c.Unit != "" {
		return false // measures: km, barrels, tons
	}
	return c.Counted == "" || trivialCounted[c.Counted] || trivialCounted[lastWord(c.Counted)]
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// score sets c.News and c.Why.
func (c *claim) score() {
	c.News, c.Why = 0, nil
	if c.trivial() {
		c.Why = []string{"generic count"}
		return
	}
	add := func(n int, why string) {
		c.News += n
		c.Why = append(c.Why, why)
	}
	switch {
	case isMoney(c.Unit):
		add(3, "money")
	case hasWordPrefix(c.Counted, casualtyWords):
		add(3, "casualties")
	case hasWordPrefix(c.Counted, militaryWords):
		add(3, "weapons or troops")
	case c.Unit == "%" || c.Unit == "percentage point":
		add(2, "percentage")
	}
	if len(c.ClaimedBy) > 0 {
		add(1, "attributed")
	}
	if n := len(c.Outlets); n > 1 {
		add(min(3, n-1), fmt.Sprintf("%d outlets", n))
	}
}

// newsworthy reports whether c is drawn and may conflict.
func (c claim) newsworthy() bool { return c.News >= minNews }
