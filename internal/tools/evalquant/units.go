package main

import "strings"

// cqeNames maps framewatch's normalised units to the unit names of the
// CQE unit dictionary used by NewsQuant's normalized_unit.
var cqeNames = map[string]string{
	"%": "percentage", "percentage point": "percentage point", "basis point": "basis point", "point": "point",
	"USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan",
	"KRW": "south korean won", "RUB": "russian ruble", "INR": "indian rupee", "CAD": "canadian dollar",
	"AUD": "australian dollar", "HKD": "hong kong dollar", "SGD": "singapore dollar", "NZD": "new zealand dollar",
	"CHF": "swiss franc", "MYR": "malaysian ringgit", "ILS": "shekel", "cent": "cent", "pence": "point", "bhp": "brake horsepower", "pint": "pint", "quart": "quart",
	"TWD": "new taiwan dollar", "BRL": "brazilian real", "MXN": "mexican peso", "ZAR": "south african rand",
	"km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre", "µm": "micrometre", "nm": "nanometre",
	"mile": "mile", "foot": "foot", "inch": "inch", "yard": "yard", "kg": "kilogram", "g": "gram",
	"mg": "milligram", "ton": "ton", "lb": "pound-mass", "ounce": "ounce", "litre": "litre", "ml": "millilitre",
	"gallon": "gallon", "barrel": "barrel", "barrel per day": "barrel per day", "cubic metre": "cubic metre",
	"cubic foot": "cubic foot", "square km": "square kilometre", "square metre": "square metre",
	"square foot": "square foot", "square mile": "square mile", "acre": "acre", "hectare": "hectare",
	"mph": "mile per hour", "km/h": "kilometre per hour", "m/s": "metre per second", "knot": "knot",
	"mpg": "mile per gallon", "°C": "celsius", "°F": "fahrenheit", "degree": "degree", "W": "watt",
	"kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "kWh": "kilowatt hour", "MWh": "megawatt hour",
	"GWh": "gigawatt hour", "TWh": "terawatt hour", "V": "volt", "kV": "kilovolt", "mAh": "milliampere-hour",
	"Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "B": "byte", "KB": "kilobyte",
	"MB": "megabyte", "GB": "gigabyte", "TB": "terabyte", "Mbps": "megabit per second", "Gbps": "gigabit per second",
	"hp": "horsepower", "rpm": "revolutions per minute", "ppm": "parts-per-million", "ppb": "parts-per-billion",
	"dB": "decibel", "calorie": "calorie", "gigaton": "gigaton", "megaton": "megaton", "kiloton": "kiloton",
	"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "minute": "minute",
	"second": "second", "decade": "decade", "century": "century", "millisecond": "millisecond", "night": "night",
	"times": "count", "ksi": "kilopound per square inch", "psi": "pound-force per square inch",
	"lb-ft": "foot pound-force", "Nm": "newton metre", "Pa": "pascal", "kPa": "kilopascal", "MPa": "megapascal",
	"GPa": "gigapascal", "DKK": "danish krone", "SEK": "swedish krona", "NOK": "norwegian krone",
	"PLN": "polish zloty", "UAH": "ukrainian hryvnia", "TRY": "turkish lira", "THB": "thai baht",
	"IDR": "indonesian rupiah", "KPW": "north korean won", "SAR": "saudi riyal", "AED": "uae dirham",
	"BTC": "bitcoin", "CZK": "czech koruna", "HUF": "hungarian forint", "NGN": "nigerian naira",
	"VND": "vietnamese dong", "PKR": "pakistani rupee", "PHP": "philippine peso", "teu": "twenty-foot equivalent unit",
	"point per game": "point per game", "rebound per game": "rebound per game", "assist per game": "assist per game",
	"K":           "kelvin",
	"year of age": "year of age", "month of age": "month of age", "light year": "light-year", "carat": "carat",
}

// stopwords are dropped from counted phrases, as CQE does for noun-based
// units ("categories of products" is "category product").
var stopwords = map[string]bool{"of": true, "the": true, "a": true, "an": true, "and": true, "to": true,
	"in": true, "for": true, "on": true, "with": true, "at": true, "by": true, "from": true, "its": true,
	"their": true, "his": true, "her": true, "our": true}

// cqeUnit returns the CQE name of unit, or for a plain count the
// singularised counted phrase without stop words, or "-".
func cqeUnit(unit, counted string) string {
	if unit != "" {
		if i := strings.Index(unit, " per "); i >= 0 {
			return cqeUnit(unit[:i], "") + " per " + cqeUnit(unit[i+5:], "")
		}
		if n, ok := cqeNames[unit]; ok {
			return n
		}
		return strings.ToLower(unit)
	}
	var ws []string
	for _, w := range strings.Fields(strings.NewReplacer("’s", "", "'s", "").Replace(counted)) {
		l := strings.ToLower(w)
		if stopwords[l] {
			continue
		}
		// Like a lemmatiser, leave proper nouns ("Americans") alone.
		if w == l {
			l = singular(l)
		}
		ws = append(ws, l)
	}
	if len(ws) == 0 {
		return "-"
	}
	return strings.Join(ws, " ")
}

// singular is a small English singulariser for counted nouns.
func singular(w string) string {
	switch {
	case w == "people" || w == "news" || w == "series" || w == "species":
		return w
	case w == "children":
		return "child"
	case strings.HasSuffix(w, "men") && len(w) > 4:
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "uses") && len(w) > 5:
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}
