package figures

import (
	"math"
	"testing"
)

func TestParseForms(t *testing.T) {
	type want struct {
		text           string
		value, low, hi float64
		unit, bound    string
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"digits", "They fired 4.8 million artillery shells.", []want{{"4.8 million", 4.8e6, 4.8e6, 4.8e6, "", ""}}},
		{"separators", "A total of 1,250,000 people fled.", []want{{"1,250,000", 1250000, 1250000, 1250000, "", ""}}},
		{"glued bn", "Sales reached $1.5bn last year.", []want{{"$1.5bn", 1.5e9, 1.5e9, 1.5e9, "USD", ""}}},
		{"dollar", "Tickets cost $6 each.", []want{{"$6", 6, 6, 6, "USD", ""}}},
		{"one and a half", "The talks lasted one and a half hours.", []want{{"one and a half hours", 1.5, 1.5, 1.5, "hour", ""}}},
		{"twenty-four", "twenty-four soldiers died", []want{{"twenty-four", 24, 24, 24, "", ""}}},
		{"a dozen", "a dozen drones crashed", []want{{"a dozen", 12, 12, 12, "", ""}}},
		{"dozens of", "dozens of missiles were fired", []want{{"dozens", 12, 12, 120, "", "range"}}},
		{"hundreds of thousands", "hundreds of thousands of people marched", []want{{"hundreds of thousands", 1e5, 1e5, 1e6, "", "range"}}},
		{"percent", "Turnout was 64 per cent.", []want{{"64 per cent", 64, 64, 64, "%", ""}}},
		{"euro", "The fine is €3m.", []want{{"€3m", 3e6, 3e6, 3e6, "EUR", ""}}},
		{"pound", "It cost £20.", []want{{"£20", 20, 20, 20, "GBP", ""}}},
		{"yen", "It costs ¥500.", []want{{"¥500", 500, 500, 500, "JPY", ""}}},
		{"won sign", "a ₩5 trillion deal", []want{{"₩5 trillion", 5e12, 5e12, 5e12, "KRW", ""}}},
		{"won word", "worth 5 billion won", []want{{"5 billion won", 5e9, 5e9, 5e9, "KRW", ""}}},
		{"ruble sign", "paid ₽300", []want{{"₽300", 300, 300, 300, "RUB", ""}}},
		{"rubles", "paid 300 rubles", []want{{"300 rubles", 300, 300, 300, "RUB", ""}}},
		{"yuan", "a 20 billion yuan fund", []want{{"20 billion yuan", 2e10, 2e10, 2e10, "CNY", ""}}},
		{"USD code", "USD 5 million was sent", []want{{"USD 5 million", 5e6, 5e6, 5e6, "USD", ""}}},
		{"euros", "It cost 40 euros.", []want{{"40 euros", 40, 40, 40, "EUR", ""}}},
		{"US$", "revenue of US$84 billion", []want{{"US$84 billion", 84e9, 84e9, 84e9, "USD", ""}}},
		{"between", "between 3 and 5 years", []want{{"between 3 and 5 years", 3, 3, 5, "year", "range"}}},
		{"dash range", "3-5 days", []want{{"3-5 days", 3, 3, 5, "day", "range"}}},
		{"from to", "from 10 to 12 km", []want{{"from 10 to 12 km", 10, 10, 12, "km", "range"}}},
		{"scale carried", "$3 to $5 billion", []want{{"$3 to $5 billion", 3e9, 3e9, 5e9, "USD", "range"}}},
		{"about", "about 1 million units", []want{{"about 1 million", 1e6, 1e6, 1e6, "", "approx"}}},
		{"nearly", "nearly 300 tanks", []want{{"nearly 300", 300, 300, 300, "", "approx"}}},
		{"more than", "more than 4.8 million shells", []want{{"more than 4.8 million", 4.8e6, 4.8e6, 4.8e6, "", "min"}}},
		{"at least", "at least 10,000 containers", []want{{"at least 10,000", 1e4, 1e4, 1e4, "", "min"}}},
		{"up to", "up to 40 km", []want{{"up to 40 km", 40, 40, 40, "km", "max"}}},
		{"fewer than", "fewer than 20 people", []want{{"fewer than 20", 20, 20, 20, "", "max"}}},
		{"over", "over 500 troops", []want{{"over 500", 500, 500, 500, "", "min"}}},
		{"or more", "100 or more drones", []want{{"100 or more", 100, 100, 100, "", "min"}}},
		{"rose by", "Prices rose by 5%.", []want{{"5%", 5, 5, 5, "%", "change"}}},
		{"fell points", "The index fell 3 points.", []want{{"3 points", -3, -3, -3, "point", "change"}}},
		{"years", "He served 24 years in prison.", []want{{"24 years", 24, 24, 24, "year", ""}}},
		{"two-day", "a two-day state visit", []want{{"two-day", 2, 2, 2, "day", ""}}},
		{"mm", "152 mm rounds", []want{{"152 mm", 152, 152, 152, "mm", ""}}},
		{"tons", "5,000 tons of rice", []want{{"5,000 tons", 5000, 5000, 5000, "ton", ""}}},
		{"barrels", "1.2 million barrels per day", []want{{"1.2 million barrels per day", 1.2e6, 1.2e6, 1.2e6, "barrel per day", ""}}},
		{"a barrel", "more than $52 a barrel", []want{{"more than $52 a barrel", 52, 52, 52, "USD per barrel", "min"}}},
		{"age", "a 15-year-old boy", []want{{"15-year-old", 15, 15, 15, "year of age", ""}}},
		{"km", "a 40km trip", []want{{"40km", 40, 40, 40, "km", ""}}},
		{"percentage points", "up 2 percentage points", []want{{"2 percentage points", 2, 2, 2, "percentage point", "change"}}},
		{"negative", "a balance of $-50.8bn", []want{{"$-50.8bn", -50.8e9, -50.8e9, -50.8e9, "USD", ""}}},
		{"thousands of", "thousands of job cuts", []want{{"thousands", 1e3, 1e3, 1e4, "", "range"}}},
		{"half a million", "half a million people", []want{{"half a million", 5e5, 5e5, 5e5, "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Parse(%q) = %+v, want %d quantities", tt.in, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || !near(g.Value, w.value) || !near(g.Low, w.low) || !near(g.High, w.hi) || g.Unit != w.unit || g.Bound != w.bound {
					t.Errorf("Parse(%q)[%d] = {%q %v %v %v %q %q}, want %+v", tt.in, i, g.Text, g.Value, g.Low, g.High, g.Unit, g.Bound, w)
				}
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestParseTraps(t *testing.T) {
	tests := []struct{ name, in string }{
		{"year", "The treaty was signed in 2023."},
		{"date", "Putin arrived on June 18, 2024."},
		{"day month", "He left on 18 June."},
		{"time", "The train left at 10:37 a.m. local time."},
		{"time pm", "It ended at 5pm."},
		{"copyright", "Copyright 2024 Yonhap News Agency. All rights reserved."},
		{"copyright sign", "© 2019-2024 The Guardian"},
		{"one of", "It is one of the largest deals."},
		{"one way", "One way or another, it will end."},
		{"no one", "No one was hurt."},
		{"phone", "Call 202-555-0100 for details."},
		{"phone intl", "Call +44 20 7946 0958 now."},
		{"ordinal", "It was the second trip and the 96th-minute winner."},
		{"page", "Page 2 of 3"},
		{"section", "under Section 427 of the law"},
		{"product", "The iPhone 12 sold well."},
		{"identifier", "The G7 and COVID-19 and the F-35."},
		{"score", "The match ended 2-2 on aggregate."},
		{"list", "1. Introduction"},
		{"ratio", "open 24/7"},
		{"decade", "in the 1990s"},
		{"last-32", "a last-32 appearance"},
		{"years span", "between 2014 and 2017"},
		{"am", "It began at 3 a.m. local time."},
		{"PM", "Published 6:12 PM EDT"},
		{"zone", "Pyongyang time is GMT+9."},
		{"comments", "Comments (12)"},
		{"phone spaces", "Tel. +82 2 398 3114"},
		{"phone dashes", "Tel. +82-2-727-0114"},
		{"model", "Tesla's Model 3 sold well."},
		{"one in three", "roughly one in three cars"},
		{"lap time", "a lap of 1:36.6"},
		{"iso", "2024-06-19T10:38:07.190Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 0 {
				t.Errorf("Parse(%q) = %+v, want no figures", tt.in, got)
			}
		})
	}
}
