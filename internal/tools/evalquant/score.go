package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/framewatch/framewatch/stages/figures"
)

// item is one NewsQuant sentence.
type item struct {
	Text       string `json:"text"`
	Quantities []struct {
		Change         string `json:"change"`
		Value          string `json:"value"`
		Unit           string `json:"unit"`
		NormalizedUnit string `json:"normalized_unit"`
	} `json:"quantities"`
}

func decode(r io.Reader) ([]item, error) {
	var items []item
	if err := json.NewDecoder(r).Decode(&items); err != nil {
		return nil, fmt.Errorf("evalquant: decode: %w", err)
	}
	return items, nil
}

// qv is a value or a range with a CQE-style unit.
type qv struct {
	lo, hi  float64
	isRange bool
	unit    string
}

// metrics are the CQE counts.
type metrics struct {
	gold, pred, value, valueUnit int
}

func (m metrics) write(w io.Writer) {
	p, r, f := prf(m.value, m.gold, m.pred)
	fmt.Fprintf(w, "eval newsquant value_precision %.3f\n", p)
	fmt.Fprintf(w, "eval newsquant value_recall %.3f\n", r)
	fmt.Fprintf(w, "eval newsquant value_f1 %.3f\n", f)
	p, r, f = prf(m.valueUnit, m.gold, m.pred)
	fmt.Fprintf(w, "eval newsquant value_unit_precision %.3f\n", p)
	fmt.Fprintf(w, "eval newsquant value_unit_recall %.3f\n", r)
	fmt.Fprintf(w, "eval newsquant value_unit_f1 %.3f\n", f)
	fmt.Fprintf(w, "eval newsquant gold %d\n", m.gold)
	fmt.Fprintf(w, "eval newsquant predicted %d\n", m.pred)
}

func prf(tp, gold, pred int) (float64, float64, float64) {
	if gold == 0 || pred == 0 || tp == 0 {
		return 0, 0, 0
	}
	p := float64(tp) / float64(pred)
	r := float64(tp) / float64(gold)
	return p, r, 2 * p * r / (p + r)
}

// goldValue reads a NewsQuant value: "6.0", "4800000", or a range "a-b".
func goldValue(s string) (qv, error) {
	s = strings.TrimSpace(s)
	if i := strings.Index(s[min(1, len(s)):], "-"); i >= 0 && !strings.ContainsAny(s, "eE") {
		i++
		a, err1 := strconv.ParseFloat(strings.TrimSpace(s[:i]), 64)
		b, err2 := strconv.ParseFloat(strings.TrimSpace(s[i+1:]), 64)
		if err1 != nil || err2 != nil {
			return qv{}, fmt.Errorf("evalquant: bad range %q", s)
		}
		return qv{lo: a, hi: b, isRange: true}, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return qv{}, fmt.Errorf("evalquant: bad value %q: %w", s, err)
	}
	return qv{lo: v, hi: v}, nil
}

func isClose(a, b float64) bool { return math.Abs(a-b) <= 1e-8+1e-5*math.Abs(b) }

func valuesMatch(g, m qv) bool {
	if g.isRange != m.isRange {
		return false
	}
	return isClose(m.lo, g.lo) && isClose(m.hi, g.hi)
}

// score follows calculate_metrics of the CQE evaluation: for each gold
// quantity (sorted by unit), the first prediction with a matching value
// counts for value (at most once per gold quantity); when its unit also
// matches it counts for value+unit and is used up.
func score(items []item, log io.Writer) (metrics, error) {
	var m metrics
	for _, it := range items {
		qs, err := figures.Parse(it.Text)
		if err != nil {
			return m, err
		}
		preds := make([]qv, 0, len(qs))
		for _, q := range qs {
			preds = append(preds, predicted(q))
		}
		golds := make([]qv, 0, len(it.Quantities))
		for _, g := range it.Quantities {
			v, err := goldValue(g.Value)
			if err != nil {
				return m, err
			}
			v.unit = strings.ToLower(g.NormalizedUnit)
			golds = append(golds, v)
		}
		m.gold += len(golds)
		m.pred += len(preds)
		sort.SliceStable(preds, func(i, j int) bool { return preds[i].unit < preds[j].unit })
		sort.SliceStable(golds, func(i, j int) bool { return golds[i].unit < golds[j].unit })
		left := len(golds)
		tags := append([]qv(nil), preds...)
		valHit, unitHit := 0, 0
		for _, g := range golds {
			for k, t := range tags {
				if !valuesMatch(g, t) {
					continue
				}
				if left > 0 {
					m.value++
					valHit++
					left--
				}
				if t.unit == g.unit {
					m.valueUnit++
					unitHit++
					tags = append(tags[:k:k], tags[k+1:]...)
					sort.SliceStable(tags, func(i, j int) bool { return tags[i].unit < tags[j].unit })
					break
				}
			}
		}
		if log != nil && (valHit < len(golds) || valHit < len(preds) || unitHit < len(golds)) {
			fmt.Fprintf(log, "%s\n  gold:", it.Text)
			for _, g := range golds {
				fmt.Fprintf(log, " %s", g)
			}
			fmt.Fprintf(log, "\n  pred:")
			for i, q := range qs {
				fmt.Fprintf(log, " %s{%q}", predicted(q), qs[i].Text)
			}
			fmt.Fprintln(log)
		}
	}
	return m, nil
}

func (v qv) String() string {
	if v.isRange {
		return fmt.Sprintf("[%g-%g %s]", v.lo, v.hi, v.unit)
	}
	return fmt.Sprintf("[%g %s]", v.lo, v.unit)
}

// predicted converts a parsed quantity to CQE's value and unit names.
// NewsQuant gives falls as positive numbers with change "down", so a
// change is compared by its size.
func predicted(q figures.Quantity) qv {
	v := qv{lo: q.Value, hi: q.Value}
	if q.Bound == "range" {
		v = qv{lo: q.Low, hi: q.High, isRange: true}
	}
	if q.Bound == "change" && v.lo < 0 {
		v.lo, v.hi = -v.lo, -v.hi
	}
	v.unit = cqeUnit(q.Unit, q.Counted)
	if q.Unit == "" && q.Value > 0 && q.Value < 1 && !strings.ContainsAny(q.Text, "0123456789") {
		// CQE writes a spelled fraction as a share of its whole: "% condo".
		v.unit = "% " + v.unit
	}
	return v
}
