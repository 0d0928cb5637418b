package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	in := `[
 {"text": "Prices rose 5% to $6 and 3 ships sailed.", "quantities": [
   {"change": "up", "value": "5", "unit": "%", "normalized_unit": "percentage", "referred_concepts": "-"},
   {"change": "=", "value": "6.0", "unit": "$", "normalized_unit": "dollar", "referred_concepts": "-"},
   {"change": "=", "value": "3", "unit": "ships", "normalized_unit": "ship", "referred_concepts": "-"}]},
 {"text": "It took between 3 and 5 years, in 2019.", "quantities": [
   {"change": "=", "value": "3-5", "unit": "years", "normalized_unit": "year", "referred_concepts": "-"}]},
 {"text": "Nothing here.", "quantities": [
   {"change": "=", "value": "7", "unit": "-", "normalized_unit": "-", "referred_concepts": "-"}]}
]`
	items, err := decode(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	m, err := score(items, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := metrics{gold: 5, pred: 4, value: 4, valueUnit: 4}
	if m != want {
		t.Errorf("score = %+v, want %+v", m, want)
	}
	var out bytes.Buffer
	m.write(&out)
	if !strings.Contains(out.String(), "eval newsquant value_f1 0.889\n") {
		t.Errorf("write: %s", out.String())
	}
}

func TestRunMissingSet(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run([]string{"-newsquant", "testdata/does-not-exist.json"}, &out, &errb); err != nil {
		t.Fatalf("run = %v, want nil", err)
	}
	if !strings.Contains(out.String(), "not found") {
		t.Errorf("stdout = %q", out.String())
	}
}

func TestCQEUnit(t *testing.T) {
	tests := []struct{ unit, counted, want string }{
		{"USD", "", "dollar"},
		{"%", "", "percentage"},
		{"USD per barrel", "", "dollar per barrel"},
		{"", "categories of products", "category product"},
		{"", "", "-"},
		{"", "fishermen", "fisherman"},
	}
	for _, tt := range tests {
		if got := cqeUnit(tt.unit, tt.counted); got != tt.want {
			t.Errorf("cqeUnit(%q, %q) = %q, want %q", tt.unit, tt.counted, got, tt.want)
		}
	}
}
