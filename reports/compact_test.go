package reports

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestFigureArenaRoundTrip(t *testing.T) {
	rows := []figureRow{
		{value: 4.8e6, low: 4.8e6, high: 4.8e6, outlet: 1, unit: 2, counted: 3},
		{value: 4.8, low: 4.8, high: 4.8, outlet: 0, unit: 0, counted: 0},
		{value: 0, low: 3, high: 5, bound: 7},
		{value: math.Copysign(0, -1), low: -1.5, high: math.MaxFloat64},
		{value: -12, low: -12, high: -3.25, claimed: 1 << 30},
		{value: 1 << 60, low: 1 << 60, high: 1 << 60},
		{value: 0.1, low: 0.2, high: 0.3, outlet: math.MaxInt32},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 { // enough to cross several chunks
		v := math.Round(r.NormFloat64()*1e6) / []float64{1, 10, 1000}[r.IntN(3)]
		rows = append(rows, figureRow{value: v, low: v, high: v + float64(r.IntN(3)),
			outlet: r.Int32N(50), unit: r.Int32N(20), counted: r.Int32N(5000), bound: r.Int32N(6), claimed: r.Int32N(300), when: r.Int32N(40)})
	}
	var fa figureArena
	for _, f := range rows {
		fa.add(f)
	}
	if fa.len() != len(rows) {
		t.Fatalf("len = %d, want %d", fa.len(), len(rows))
	}
	i := 0
	for got := range fa.all {
		want := rows[i]
		same := math.Float64bits(got.value) == math.Float64bits(want.value) &&
			math.Float64bits(got.low) == math.Float64bits(want.low) &&
			math.Float64bits(got.high) == math.Float64bits(want.high) &&
			got.outlet == want.outlet && got.unit == want.unit && got.counted == want.counted &&
			got.bound == want.bound && got.claimed == want.claimed && got.when == want.when
		if !same {
			t.Fatalf("figure %d = %+v, want %+v", i, got, want)
		}
		i++
	}
	if i != len(rows) {
		t.Errorf("iterated %d figures, want %d", i, len(rows))
	}
}

func TestScoreListKeepsOrder(t *testing.T) {
	var s scoreList
	var want []float32
	for i := range 5000 {
		x := float32(i)*0.5 - 7
		s.add(x)
		want = append(want, x)
	}
	got := s.appendTo(nil)
	if s.len() != len(want) || len(got) != len(want) {
		t.Fatalf("len = %d, appendTo gave %d, want %d", s.len(), len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("score %d = %v, want %v", i, got[i], want[i])
		}
	}
}
