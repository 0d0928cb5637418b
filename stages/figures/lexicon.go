package figures

import "strings"

// Word classes of the lexicon. A word may belong to several.
const (
	wNum        uint32 = 1 << iota // cardinal number word: "seven", "twenty"
	wScale                         // "hundred", "thousand", "million"
	wAbbr                          // scale abbreviation glued to digits: "bn", "m", "k"
	wVague                         // "dozens", "hundreds", "thousands"
	wBound                         // bound word before a number: "about", "over"
	wChange                        // change verb before a number: "rose", "fell"
	wMonth                         // month name or abbreviation
	wWeekday                       // weekday name
	wOrdinal                       // "second", "third"
	wStop                          // function word: ends a counted noun phrase
	wSay                           // attribution verb: "said", "told"
	wLabel                         // label before an identifier number: "page", "section"
	wRel                           // "last", "next", "this"
	wDayRel                        // "yesterday", "today", "tomorrow"
	wPrep                          // preposition that may introduce a year: "in", "since"
	wAmPm                          // "am", "pm", "a.m"
	wZone                          // time zone: "GMT", "EDT"
	wPostBound                     // "plus"
	wPostChange                    // "higher", "lower"
	wChangeNoun                    // "increase", "drop" after a figure
	wNoOne                         // words after "one" that make it a pronoun
	wPron                          // personal pronoun that may be a claimant
	wPersonNoun                    // irregular plural nouns: "people"
	wFold                          // multiplier word: "sixfold", "tenfold"
)

// entry is what the lexicon knows about one lowercase word.
type entry struct {
	flags  uint32
	num    float64       // value of a number word
	scale  float64       // multiplier of a scale word or abbreviation
	bounds []boundPhrase // bound phrases starting with this word
	sign   float64       // +1 or -1 for change words
	month  int8          // 1..12
	wday   int8          // 0 (Sunday) .. 6
	rel    int8          // -1 last, 0 this, +1 next; day offset for wDayRel
	unit   []phrase
	prefix string // currency code when the word is a currency prefix ("USD", "Rs")
}

// phrase is a unit spelled with one or more words; the first word is the
// lexicon key, rest holds the following words in lowercase.
type phrase struct {
	rest []string
	unit string
	cur  bool // a currency
	dur  bool // a duration or time unit
}

// lexicon maps lowercase words to entries. It is built once at package
// initialisation and read-only afterwards.
var lexicon = map[string]*entry{}

func lx(w string) *entry {
	e := lexicon[w]
	if e == nil {
		e = &entry{}
		lexicon[w] = e
	}
	return e
}

func addFlag(f uint32, words string) {
	for _, w := range strings.Fields(words) {
		lx(w).flags |= f
	}
}

// addUnit registers every surface form (space-separated words inside one
// form, forms separated by "|") as unit u.
func addUnit(u string, forms string, cur, dur bool) {
	for _, f := range strings.Split(forms, "|") {
		ws := splitPhrase(f)
		if len(ws) == 0 {
			continue
		}
		e := lx(ws[0])
		e.unit = append(e.unit, phrase{rest: ws[1:], unit: u, cur: cur, dur: dur})
	}
}

// splitPhrase splits a lowercase phrase into the pieces the scanner makes
// of it: words, numbers and single symbols ("km/h" is "km", "/", "h").
func splitPhrase(f string) []string {
	var out []string
	l := asciiLower(f) // "µm" keeps its micro sign, as lookup does
	for _, t := range tokenize(nil, l) {
		out = append(out, l[t.s:t.e])
	}
	return out
}

// durations, measures and currencies, by normalised unit.
var (
	durUnits = [][2]string{
		{"year", "year|years|yr|yrs"},
		{"month", "month|months"},
		{"week", "week|weeks|wk|wks"},
		{"day", "day|days"},
		{"hour", "hour|hours|hr|hrs|h"},
		{"minute", "minute|minutes|min|mins"},
		{"second", "seconds|second|sec|secs|s"},
		{"decade", "decade|decades"},
		{"century", "century|centuries"},
		{"millisecond", "millisecond|milliseconds|ms"},
		{"night", "night|nights"},
	}
	measureUnits = [][2]string{
		{"%", "%|percent|per cent|pct|per-cent|percentage|pc|p.c."},
		{"percentage point", "percentage point|percentage points|percentage-point|pp|ppt|ppts"},
		{"basis point", "basis point|basis points|bps|bp|basis-point"},
		{"point", "point|points|pts|pt"},
		{"km", "km|kilometre|kilometres|kilometer|kilometers|kms"},
		{"m", "m|metre|metres|meter|meters"},
		{"cm", "cm|centimetre|centimetres|centimeter|centimeters"},
		{"mm", "mm|millimetre|millimetres|millimeter|millimeters"},
		{"µm", "µm|μm|micrometre|micrometres|micrometer|micrometers|micron|microns"},
		{"nm", "nm|nanometre|nanometres|nanometer|nanometers"},
		{"mile", "mile|miles|mi"},
		{"nautical mile", "nautical mile|nautical miles|nmi"},
		{"foot", "foot|feet|ft|′"},
		{"inch", "inch|inches|″"},
		{"yard", "yard|yards|yd|yds"},
		{"kg", "kg|kgs|kilogram|kilograms|kilo|kilos"},
		{"g", "g|gram|grams|gramme|grammes"},
		{"mg", "mg|milligram|milligrams"},
		{"ton", "ton|tons|tonne|tonnes|metric ton|metric tons|metric tonne|metric tonnes"},
		{"lb", "lb|lbs|pound|pounds"},
		{"ounce", "ounce|ounces|oz"},
		{"litre", "litre|litres|liter|liters|l"},
		{"ml", "ml|millilitre|millilitres|milliliter|milliliters"},
		{"gallon", "gallon|gallons|gal"},
		{"pint", "pint|pints"},
		{"quart", "quart|quarts"},
		{"barrel", "barrel|barrels|bbl"},
		{"barrel per day", "barrels per day|barrels a day|barrel per day|bpd|b/d"},
		{"cubic metre", "cubic metre|cubic metres|cubic meter|cubic meters|m3|bcm"},
		{"cubic foot", "cubic foot|cubic feet|cu ft"},
		{"square km", "square kilometre|square kilometres|square kilometer|square kilometers|sq km|km2"},
		{"square metre", "square metre|square metres|square meter|square meters|sq m|m2|sqm"},
		{"square foot", "square foot|square feet|sq ft|sqft"},
		{"square mile", "square mile|square miles|sq mi"},
		{"acre", "acre|acres"},
		{"hectare", "hectare|hectares|ha"},
		{"mph", "mph|m.p.h.|miles per hour|miles an hour|mile per hour"},
		{"km/h", "km/h|km/hr|kph|kmh|kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour"},
		{"m/s", "m/s|metres per second|meters per second"},
		{"knot", "knot|knots|kt|kts"},
		{"mpg", "mpg|miles per gallon"},
		{"°C", "c|celsius|centigrade|degrees celsius|degrees centigrade|°c|degc|deg c"},
		{"°F", "f|fahrenheit|degrees fahrenheit|°f|degf|deg f"},
		{"degree", "degree|degrees|deg"},
		{"W", "watt|watts|w"},
		{"kW", "kw|kilowatt|kilowatts"},
		{"MW", "mw|megawatt|megawatts"},
		{"GW", "gw|gigawatt|gigawatts"},
		{"kWh", "kwh|kilowatt-hour|kilowatt-hours|kilowatt hour|kilowatt hours"},
		{"MWh", "mwh|megawatt-hour|megawatt-hours|megawatt hour|megawatt hours"},
		{"GWh", "gwh|gigawatt-hour|gigawatt-hours|gigawatt hour|gigawatt hours"},
		{"TWh", "twh|terawatt-hour|terawatt-hours|terawatt hour|terawatt hours"},
		{"V", "volt|volts|v"},
		{"kV", "kv|kilovolt|kilovolts"},
		{"mAh", "mah|milliampere-hour|milliampere-hours"},
		{"Hz", "hz|hertz"},
		{"kHz", "khz|kilohertz"},
		{"MHz", "mhz|megahertz"},
		{"GHz", "ghz|gigahertz"},
		{"B", "byte|bytes"},
		{"KB", "kb|kilobyte|kilobytes"},
		{"MB", "mb|megabyte|megabytes"},
		{"GB", "gb|gigabyte|gigabytes"},
		{"TB", "tb|terabyte|terabytes"},
		{"Mbps", "mbps|mbit/s|megabits per second"},
		{"Gbps", "gbps|gigabits per second"},
		{"hp", "hp|horsepower|PS"},
		{"bhp", "bhp|brake horsepower"},
		{"lb-ft", "lb-ft|pound-feet|pound-foot|lb ft|foot-pounds|ft-lb"},
		{"Nm", "newton metres|newton meters|newton-metres|newton-meters"},
		{"Pa", "pascal|pascals|pa"},
		{"kPa", "kpa|kilopascal|kilopascals"},
		{"MPa", "mpa|megapascal|megapascals"},
		{"GPa", "gpa|gigapascal|gigapascals"},
		{"psi", "psi"},
		{"ksi", "ksi"},
		{"times", "times|x|fold"},
		{"point per game", "ppg|points per game"},
		{"rebound per game", "rpg|rebounds per game"},
		{"assist per game", "apg|assists per game"},
		{"K", "kelvin|k"},
		{"rpm", "rpm|revolutions per minute"},
		{"ppm", "ppm|parts per million"},
		{"ppb", "ppb|parts per billion"},
		{"dB", "db|decibel|decibels"},
		{"calorie", "calorie|calories|kcal"},
		{"megaton", "megaton|megatons|megatonne|megatonnes"},
		{"kiloton", "kiloton|kilotons|kilotonne|kilotonnes"},
		{"gigaton", "gigaton|gigatons|gigatonne|gigatonnes"},
		{"light year", "light year|light years|light-year|light-years"},
		{"carat", "carat|carats"},
		{"teu", "teu|teus"},
		{"year of age", "year-old|year-olds|years old|year old|years-old"},
		{"month of age", "month-old|month-olds|months old"},
	}
	currencyUnits = [][2]string{
		{"USD", "dollar|dollars|usd|us dollar|us dollars|u.s. dollars|american dollars|greenbacks|bucks"},
		{"CAD", "canadian dollar|canadian dollars|cad"},
		{"AUD", "australian dollar|australian dollars|aud"},
		{"NZD", "new zealand dollar|new zealand dollars|nzd"},
		{"HKD", "hong kong dollar|hong kong dollars|hkd"},
		{"SGD", "singapore dollar|singapore dollars|sgd"},
		{"TWD", "taiwan dollar|taiwan dollars|taiwanese dollars|new taiwan dollars|twd"},
		{"EUR", "euro|euros|eur"},
		{"GBP", "pound sterling|pounds sterling|sterling|gbp"},
		{"JPY", "yen|jpy|japanese yen"},
		{"CNY", "yuan|renminbi|rmb|cny|chinese yuan"},
		{"KRW", "won|krw|south korean won|korean won"},
		{"RUB", "ruble|rubles|rouble|roubles|rub|russian rubles|russian roubles"},
		{"INR", "rupee|rupees|inr|crore rupees"},
		{"PKR", "pakistani rupees|pkr"},
		{"CHF", "swiss franc|swiss francs|franc|francs|chf"},
		{"MYR", "ringgit|myr"},
		{"ILS", "shekel|shekels|new shekels|ils|nis"},
		{"UAH", "hryvnia|hryvnias|hryvnas|uah"},
		{"TRY", "lira|liras|lire|turkish lira|try"},
		{"ZAR", "rand|zar"},
		{"MXN", "peso|pesos|mxn"},
		{"BRL", "reais|brl"},
		{"THB", "baht|thb"},
		{"IDR", "rupiah|idr"},
		{"VND", "dong|vnd"},
		{"SEK", "swedish krona|swedish kronor|kronor|sek"},
		{"NOK", "norwegian krone|norwegian kroner|nok"},
		{"DKK", "danish krone|danish kroner|dkk"},
		{"PLN", "zloty|zlotys|zlotych|pln"},
		{"CZK", "koruna|czech crowns|czk"},
		{"DKK", "danish crowns"},
		{"SEK", "swedish crowns"},
		{"NOK", "norwegian crowns"},
		{"HUF", "forint|forints|huf"},
		{"NGN", "naira|ngn"},
		{"KPW", "north korean won|kpw"},
		{"PHP", "philippine peso|philippine pesos|php"},
		{"SAR", "riyal|riyals|sar"},
		{"AED", "dirham|dirhams|aed"},
		{"BTC", "bitcoin|bitcoins|btc"},
		{"cent", "cent|cents|¢"},
		{"pence", "pence|penny|p"},
	}
	// currencyPrefix maps words standing before a number to currencies.
	currencyPrefix = map[string]string{
		"usd": "USD", "us": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
		"rmb": "CNY", "krw": "KRW", "rub": "RUB", "inr": "INR", "rs": "INR", "chf": "CHF",
		"cad": "CAD", "aud": "AUD", "hkd": "HKD", "sgd": "SGD", "myr": "MYR", "rm": "MYR",
		"ils": "ILS", "nis": "ILS", "uah": "UAH", "zar": "ZAR", "brl": "BRL", "sek": "SEK",
		"nok": "NOK", "dkk": "DKK", "pln": "PLN", "twd": "TWD", "nzd": "NZD", "mxn": "MXN",
		"try": "TRY", "idr": "IDR", "thb": "THB", "huf": "HUF", "czk": "CZK", "aed": "AED",
		"sar": "SAR", "ngn": "NGN", "vnd": "VND", "pkr": "PKR", "btc": "BTC",
		"kpw": "KPW", "php": "PHP",
	}
	// dollarPrefix maps the letters glued before "$" to currencies.
	dollarPrefix = map[string]string{
		"us": "USD", "u.s.": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "a": "AUD", "au": "AUD",
		"hk": "HKD", "s": "SGD", "nz": "NZD", "r": "BRL", "nt": "TWD", "mx": "MXN",
	}
	// signCurrency maps currency signs to currencies; "$" is configurable.
	signCurrency = map[rune]string{
		'€': "EUR", '£': "GBP", '¥': "JPY", '₩': "KRW", '₽': "RUB", '₹': "INR", '₪': "ILS",
		'₺': "TRY", '₴': "UAH", '₦': "NGN", '฿': "THB", '₫': "VND", '₱': "PHP", '元': "CNY",
		'₿': "BTC",
	}
)

// boundPhrase is a bound expression before a number ("more than").
type boundPhrase struct {
	rest  []string
	bound string
}

// boundList maps bounds to their phrases, longest first where one phrase
// begins another.
var boundList = [][2]string{
	{"approx", "about|around|approximately|roughly|some|nearly|almost|circa|approx|" +
		"an estimated|estimated|close to|more like|an average of|on average|almost exactly|" +
		"nearly|just about|something like|in the region of|on the order of|of about|~"},
	{"min", "more than|over|above|at least|in excess of|upwards of|upward of|no less than|" +
		"no fewer than|not less than|just over|well over|just above|well above|a little over|" +
		"a little more than|slightly more than|a minimum of|minimum of|north of|as few as|as little as|" +
		"exceeding|beyond|greater than|higher than|>"},
	{"max", "less than|fewer than|under|below|at most|up to|as many as|as much as|no more than|" +
		"not more than|just under|just below|well under|well below|slightly less than|" +
		"a maximum of|maximum of|barely|lower than|<"},
}

// perDenom lists the singular words that may follow "per" or "a" after a
// quantity to form a rate ("$52 a barrel", "20 per week"), with their
// normalised form. Only time words and trade units may follow "a".
var perDenom = map[string]struct {
	norm   string
	afterA bool
}{
	"barrel": {"barrel", true}, "share": {"share", true}, "gallon": {"gallon", true},
	"ton": {"ton", true}, "tonne": {"ton", true}, "day": {"day", true}, "week": {"week", true},
	"month": {"month", true}, "year": {"year", true}, "hour": {"hour", true}, "night": {"night", true},
	"head": {"head", true}, "litre": {"litre", true}, "liter": {"litre", true}, "kilo": {"kg", true},
	"kg": {"kg", false}, "minute": {"minute", false}, "second": {"second", false},
	"person": {"person", false}, "capita": {"capita", false}, "game": {"game", false},
	"ounce": {"ounce", true}, "pound": {"lb", true}, "unit": {"unit", false}, "annum": {"year", false},
	"mile": {"mile", false}, "km": {"km", false}, "kilometre": {"km", false}, "kilometer": {"km", false},
	"kwh": {"kWh", false}, "mwh": {"MWh", false}, "square": {"square", false}, "student": {"student", false},
	"vehicle": {"vehicle", false}, "household": {"household", false}, "resident": {"resident", false},
	"quarter": {"quarter", true}, "session": {"session", false}, "match": {"match", false},
	"piece": {"piece", true}, "seat": {"seat", false},
}

func init() {
	small := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen"}
	for i, w := range small {
		e := lx(w)
		e.flags |= wNum
		e.num = float64(i)
	}
	for i, w := range small[2:] {
		e := lx(w + "fold")
		e.flags |= wFold
		e.num = float64(i + 2)
	}
	for w, v := range map[string]float64{"hundredfold": 100, "thousandfold": 1000, "twentyfold": 20} {
		e := lx(w)
		e.flags |= wFold
		e.num = v
	}
	// "Y=28,030": the ASCII form of "¥" must reach currencyAt.
	lx("y")
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		e := lx(w)
		e.flags |= wNum
		e.num = float64(20 + 10*i)
	}
	for w, s := range map[string]float64{"hundred": 1e2, "thousand": 1e3, "million": 1e6,
		"billion": 1e9, "trillion": 1e12, "dozen": 12, "lakh": 1e5, "crore": 1e7} {
		e := lx(w)
		e.flags |= wScale
		e.scale = s
	}
	for w, s := range map[string]float64{"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6,
		"bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tr": 1e12, "mil": 1e6} {
		e := lx(w)
		e.flags |= wAbbr
		e.scale = s
	}
	for w, s := range map[string]float64{"dozens": 12, "scores": 20, "tens": 10, "hundreds": 1e2,
		"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12} {
		e := lx(w)
		e.flags |= wVague
		e.scale = s
	}
	for w, s := range map[string]float64{
		"rose": 1, "rise": 1, "rises": 1, "risen": 1, "rising": 1, "increased": 1, "increase": 1,
		"increases": 1, "increasing": 1, "grew": 1, "grow": 1, "grows": 1, "growing": 1, "grown": 1,
		"gained": 1, "gain": 1, "gains": 1, "gaining": 1, "jumped": 1, "jump": 1, "jumps": 1,
		"climbed": 1, "climb": 1, "climbs": 1, "surged": 1, "surge": 1, "surges": 1, "soared": 1,
		"soars": 1, "advanced": 1, "advances": 1, "added": 1, "rallied": 1, "spiked": 1, "up": 1,
		"boosted": 1, "raised": 1, "widened": 1, "expanded": 1,
		"fell": -1, "fall": -1, "falls": -1, "falling": -1, "fallen": -1, "dropped": -1, "drop": -1,
		"drops": -1, "declined": -1, "decline": -1, "declines": -1, "slid": -1, "slide": -1,
		"slides": -1, "slipped": -1, "slip": -1, "lost": -1, "lose": -1, "loses": -1, "plunged": -1,
		"plunge": -1, "plunges": -1, "tumbled": -1, "tumble": -1, "sank": -1, "sink": -1,
		"shed": -1, "dipped": -1, "dip": -1, "eased": -1, "decreased": -1, "decrease": -1,
		"shrank": -1, "shrunk": -1, "contracted": -1, "down": -1, "slumped": -1, "plummeted": -1,
		"cut": -1, "reduced": -1, "retreated": -1, "narrowed": -1, "weakened": -1, "crashed": -1,
	} {
		e := lx(w)
		e.flags |= wChange
		e.sign = s
	}
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december"}
	abbr := []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	for i, w := range months {
		e := lx(w)
		e.flags |= wMonth
		e.month = int8(i + 1)
		if abbr[i] != "" {
			e = lx(abbr[i])
			e.flags |= wMonth
			e.month = int8(i + 1)
		}
	}
	e := lx("sept")
	e.flags |= wMonth
	e.month = 9
	for i, w := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		e := lx(w)
		e.flags |= wWeekday
		e.wday = int8(i)
	}
	for w, r := range map[string]int8{"last": -1, "past": -1, "previous": -1, "next": 1, "this": 0, "coming": 1} {
		e := lx(w)
		e.flags |= wRel
		e.rel = r
	}
	for w, r := range map[string]int8{"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0} {
		e := lx(w)
		e.flags |= wDayRel
		e.rel = r
	}
	addFlag(wOrdinal, "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "+
		"thirteenth fourteenth fifteenth twentieth thirtieth hundredth thousandth millionth last")
	addFlag(wStop, "a an the this that these those of in on at to for from by with without about as into onto "+
		"over under than then and or but nor so if while when where which who whom whose what why how "+
		"is are was were be been being am has have had having do does did will would shall should can could "+
		"may might must it its it's he she they we you i him her them us me my our your their his "+
		"said says say told tells according reported added more less most least each per via "+
		"since until till after before during between among across against through toward towards "+
		"up down out off again also just only even still not no yes very too all both some any "+
		"there here now ago last next earlier later year-on-year annually respectively alone "+
		"including include includes included within around near amid despite like unlike "+
		"higher lower rose fell increase decrease compared cheaper bigger smaller larger longer shorter "+
		"faster slower older younger greater better worse fewer ago apart old long wide tall deep high "+
		"apiece worldwide nationwide globally")
	addFlag(wSay, "said says say saying told tells tell stated states state estimated estimates estimate "+
		"reported reports report claimed claims claim announced announces added adds noted notes wrote writes "+
		"according believes believed thinks thought argued argues insisted insists confirmed confirms "+
		"revealed reveals disclosed discloses predicted predicts projected projects forecast forecasts "+
		"calculated calculates put warned warns showed shows suggested suggests alleged alleges indicated "+
		"indicates")
	addFlag(wLabel, "page pages section sections article articles chapter chapters no no. nos number row rows "+
		"room flight route gate platform seat item items paragraph rule resolution level grade class "+
		"phase stage step version model type channel highway interstate district ward precinct zone "+
		"track episode season game vol volume issue figure fig table annex appendix amendment covid "+
		"act bill exit pier terminal apartment unit lot block box suite floor building house hole "+
		"line lane road street avenue ave st. bus window door camp division brigade regiment battalion "+
		"corps fleet group squadron tier category cat level division league")
	addFlag(wPrep, "in since by until till from of before after during through to and between early "+
		"late mid end start beginning spring summer autumn fall winter year years year's fiscal "+
		"in-season or ,")
	addFlag(wAmPm, "am pm a.m p.m a.m. p.m.")
	addFlag(wZone, "gmt utc edt est cet cest bst kst jst msk pst pdt cst cdt mst mdt ist aest")
	addFlag(wPostBound, "plus")
	// Words that start figures or dates without another class need an
	// entry, since the scanner skips words the lexicon does not know.
	for _, w := range []string{"half", "minus", "sub", "mid", "between", "from", "a", "an", "aged", "copyright", "page"} {
		lx(w)
	}
	for w := range dollarPrefix {
		lx(w)
	}
	addFlag(wPostChange, "higher lower up down")
	addFlag(wChangeNoun, "increase increases rise rises gain gains jump jumps drop drops decline declines fall "+
		"falls cut cuts hike hikes surge surges growth decrease decreases reduction slump plunge")
	addFlag(wNoOne, "of another way who that which whom thing things another's day time point side "+
		"reason day's or such")
	addFlag(wPron, "he she they it we")
	addFlag(wPersonNoun, "people men women children police staff cattle personnel troops")

	for _, u := range durUnits {
		addUnit(u[0], u[1], false, true)
	}
	for _, u := range measureUnits {
		addUnit(u[0], u[1], false, false)
	}
	for _, u := range currencyUnits {
		addUnit(u[0], u[1], true, false)
	}
	for _, b := range boundList {
		for _, f := range strings.Split(b[1], "|") {
			ws := splitPhrase(f)
			e := lx(ws[0])
			e.flags |= wBound
			e.bounds = append(e.bounds, boundPhrase{rest: ws[1:], bound: b[0]})
		}
	}
	for w, c := range currencyPrefix {
		lx(w).prefix = c
	}
}

// unitKinds records, for every normalised unit of the built-in table,
// whether it is a currency and whether it is a duration.
var unitKinds = func() map[string][2]bool {
	m := map[string][2]bool{}
	for _, u := range durUnits {
		m[u[0]] = [2]bool{false, true}
	}
	for _, u := range measureUnits {
		m[u[0]] = [2]bool{false, false}
	}
	for _, u := range currencyUnits {
		m[u[0]] = [2]bool{true, false}
	}
	return m
}()

// unitSurface maps each normalised unit to a surface form Parse reads
// back to it, for Format: its first form of two letters or more.
var unitSurface = func() map[string]string {
	m := map[string]string{}
	for _, list := range [][][2]string{durUnits, measureUnits, currencyUnits} {
		for _, u := range list {
			for _, f := range strings.Split(u[1], "|") {
				if _, ok := m[u[0]]; !ok && (len([]rune(f)) >= 2 || f == "%") {
					m[u[0]] = f
				}
			}
		}
	}
	return m
}()

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// IsCurrency reports whether unit is one of the normalised currencies.
func IsCurrency(unit string) bool { return unitKinds[unit][0] }

// IsDuration reports whether unit is one of the normalised time units.
func IsDuration(unit string) bool { return unitKinds[unit][1] }
