package figures

import (
	"math"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"North Korea sent about 1 million units of ammunition and dozens of missiles.",
		"more than 4.8 million artillery shells", "between 3 and 5 years", "$1.5bn", "₩5 trillion",
		"Prices rose by 5% to $7.36 billion from $6.78 billion a year earlier.",
		"one and a half hours", "twenty-four", "a dozen", "hundreds of thousands of people",
		"fell 3 points", "a two-day visit", "152 mm", "325,000 barrels per day", "$52 a barrel",
		"Page 2 of 3", "Call 202-555-0100", "© 2024 Reuters", "June 18, 2024 at 10:37 a.m.",
		"one of the largest", "the second trip", "18.06.2024", "2024/06/19 11:02 KST", "GMT+1",
		"from $800,000 to $1.3 million", "1/16 of a pint", "two-thirds of", ".534 FG", "3-5 days",
		"US$84 billion", "USD -5", "a 15-year-old", "7- or 8-inch", "1,200€", "sub-7 nm",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qs, err := Parse(s)
		if err != nil {
			return
		}
		for _, q := range qs {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("Parse(%q): bad span %d:%d %q", s, q.Start, q.End, q.Text)
			}
			if bad(q.Value) || bad(q.Low) || bad(q.High) {
				t.Fatalf("Parse(%q): bad value %+v", s, q)
			}
			out := Format(q)
			back, err := Parse(out)
			if err != nil || len(back) != 1 {
				t.Fatalf("Parse(Format(%+v)) = Parse(%q) = %+v, want one quantity", q, out, back)
			}
			b := back[0]
			if !same(b.Value, q.Value) || !same(b.Low, q.Low) || !same(b.High, q.High) || b.Unit != q.Unit || b.Bound != q.Bound {
				t.Fatalf("Parse(Format(%+v)) = Parse(%q) = %+v", q, out, b)
			}
		}
		ds, err := ParseDates(s, "2024-06-19")
		if err != nil {
			return
		}
		for _, d := range ds {
			if d.Start < 0 || d.End > len(s) || d.Start >= d.End || s[d.Start:d.End] != d.Text {
				t.Fatalf("ParseDates(%q): bad span %d:%d %q", s, d.Start, d.End, d.Text)
			}
		}
	})
}

func bad(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

func same(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}
