package figures

import (
	"strconv"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
)

// Format writes q in a canonical English form that Parse reads back to the
// same value, range, unit and bound: "about USD 4,800,000", "between 3 and
// 5 km", "down 3 point". Counted and offsets are not part of it.
func Format(q Quantity) string {
	var b strings.Builder
	v := q.Value
	switch q.Bound {
	case pipeline.BoundApprox:
		b.WriteString("about ")
	case pipeline.BoundMin:
		b.WriteString("more than ")
	case pipeline.BoundMax:
		b.WriteString("up to ")
	case pipeline.BoundRange:
		b.WriteString("between ")
	case pipeline.BoundChange:
		if v < 0 {
			b.WriteString("down ")
			v = -v
		} else {
			b.WriteString("up ")
		}
	}
	unit, prefix := q.Unit, ""
	cur := unit
	if i := strings.Index(unit, " per "); i >= 0 {
		cur = unit[:i]
	}
	if IsCurrency(cur) && cur != "cent" && cur != "pence" {
		prefix = cur + " "
		unit = strings.TrimPrefix(unit, cur)
		unit = strings.TrimPrefix(unit, " ")
	}
	if q.Bound == pipeline.BoundRange && q.Low > q.High {
		b.Reset()
		b.WriteString("from ")
	}
	b.WriteString(prefix)
	if q.Bound == pipeline.BoundRange {
		b.WriteString(formatNumber(q.Low))
		if q.Low > q.High {
			b.WriteString(" to ")
		} else {
			b.WriteString(" and ")
		}
		b.WriteString(prefix)
		b.WriteString(formatNumber(q.High))
	} else {
		b.WriteString(formatNumber(v))
	}
	if unit != "" {
		b.WriteString(surface(unit))
	}
	return b.String()
}

// surface writes a unit the way Parse reads it: "%" and single letters
// glued, other forms after a space, rates as "X per Y".
func surface(unit string) string {
	if strings.HasPrefix(unit, "per ") {
		return " per " + denominator(unit[4:])
	}
	if i := strings.Index(unit, " per "); i >= 0 {
		return surface(unit[:i]) + " per " + denominator(unit[i+5:])
	}
	s, ok := unitSurface[unit]
	if !ok {
		s = unit
	}
	if s == "%" || len([]rune(s)) == 1 {
		return s
	}
	return " " + s
}

// formatNumber writes v with thousands separators, so that a bare "2000"
// is not read back as a year.
func formatNumber(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	b.WriteString(frac)
	return b.String()
}

// denominator writes the unit after "per" in a form of two letters or more.
func denominator(d string) string {
	if s, ok := unitSurface[d]; ok {
		return s
	}
	return d
}
