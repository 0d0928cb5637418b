package figures

import "testing"

// TestParseRules holds one case per unit, counted and carry rule: the
// unit and counted phrase of every figure, in text order.
func TestParseRules(t *testing.T) {
	type want struct{ text, unit, counted string }
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"carry counted", "It offers 435 homes by open sale and 187 by tender.",
			[]want{{"435", "", "homes"}, {"187", "", "homes"}}},
		{"carry unit", "The highest forecast is 84.75 cents, while the lowest is 74.07.",
			[]want{{"84.75 cents", "cent", ""}, {"74.07", "cent", ""}}},
		{"carry points past share", "The index lost 162.31 points, or 2.14%, to fall to 7,425.81.",
			[]want{{"162.31 points", "point", ""}, {"2.14%", "%", ""}, {"7,425.81", "point", ""}}},
		{"share carried after by", "The DAX rose by 2 percent but the Nasdaq fell by 1.",
			[]want{{"2 percent", "%", ""}, {"1", "%", ""}}},
		{"share not carried", "Shares rose 5% to 120.",
			[]want{{"5%", "%", ""}, {"120", "", ""}}},
		{"no carry after of", "It delivered 63,150 cars, short of estimates of 64,900.",
			[]want{{"63,150", "", "cars"}, {"64,900", "", ""}}},
		{"no carry from a modifier", "If they carried 122 mm rockets, the number would be closer to 500,000.",
			[]want{{"122 mm", "mm", ""}, {"500,000", "", ""}}},
		{"no carry from a duration", "Some 68400 people were jobless for two years and 95800 for longer.",
			[]want{{"Some 68400", "", "people"}, {"two years", "year", ""}, {"95800", "", "people"}}},
		{"carry forward or", "It costs about 8 or $9.",
			[]want{{"about 8", "USD", ""}, {"$9", "USD", ""}}},
		{"carry forward of", "He raised 280 million of the 1.5 billion shekels.",
			[]want{{"280 million", "ILS", ""}, {"1.5 billion shekels", "ILS", ""}}},
		{"no carry across sentences", "They sold 435 homes. Another 20 were empty.",
			[]want{{"435", "", "homes"}, {"20", "", ""}}},
		{"fraction whole", "A third of the population lives there. Half the condos sold.",
			[]want{{"A third", "", "population"}, {"Half", "", "condos"}}},
		{"calibre before noun", "They could hold more than 4.8 million 152 mm artillery shells.",
			[]want{{"more than 4.8 million", "", "152 mm artillery shells"}, {"152 mm", "mm", ""}}},
		{"ascii pound", "It was worth up to PS2.7m, after a PS6m bonus.",
			[]want{{"up to PS2.7m", "GBP", ""}, {"PS6m", "GBP", "bonus"}}},
		{"ascii pound not a console", "The PS5 sold well.", nil},
		{"ascii yen", "Nintendo fell to Y=28,030.", []want{{"Y=28,030", "JPY", ""}}},
		{"spaced pence", "Unite fell 68 p at 1112 p.", []want{{"68 p", "pence", ""}, {"1112 p", "pence", ""}}},
		{"fold", "Revenue grew sixfold.", []want{{"sixfold", "times", ""}}},
		{"hyphen fold", "a 3-fold rise", []want{{"3-fold", "times", ""}}},
		{"second", "a 4.3 second dash", []want{{"4.3 second", "second", ""}}},
		{"age of", "children under the age of 5 years died", []want{{"5 years", "year of age", ""}}},
		{"bhp", "a 640bhp engine", []want{{"640bhp", "bhp", ""}}},
		{"metric hp", "It makes 300 PS.", []want{{"300 PS", "hp", ""}}},
		{"million before plural", "with 2.7m combined digital and physical sales",
			[]want{{"2.7m", "", "combined digital and physical sales"}}},
		{"metre before singular", "the 100m final", []want{{"100m", "m", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) != len(tt.want) {
				t.Fatalf("Parse(%q) = %d figures %+v, want %d", tt.in, len(qs), qs, len(tt.want))
			}
			for i, w := range tt.want {
				q := qs[i]
				if q.Text != w.text || q.Unit != w.unit || q.Counted != w.counted {
					t.Errorf("Parse(%q)[%d] = %q %q %q, want %q %q %q", tt.in, i, q.Text, q.Unit, q.Counted, w.text, w.unit, w.counted)
				}
			}
		})
	}
}
