package clean

import (
	"regexp/syntax"
	"unicode"
)

// firstSet is the set of bytes a match of a furniture pattern can start
// with, as a cheap filter before the regular expression: a line whose first
// byte is not in the set cannot match. Bytes 0x80-0xFF stand for every
// non-ASCII rune (any one of them admits all).
type firstSet struct {
	ok  bool // false: the pattern can start with anything (or match empty)
	set [256]bool
}

// has reports whether a match may start with b.
func (f *firstSet) has(b byte) bool { return !f.ok || f.set[b] }

// firstOf computes the first-byte set of a parsed pattern. A pattern that
// can match the empty string, or start with any character, gets ok=false.
func firstOf(pattern string, flags syntax.Flags) firstSet {
	re, err := syntax.Parse(pattern, flags)
	if err != nil {
		return firstSet{}
	}
	var f firstSet
	nullable, all := first(re.Simplify(), &f.set)
	f.ok = !nullable && !all
	return f
}

// first adds the bytes that can start a match of re to set. It returns
// whether re can match the empty string (so what follows it can start a
// match too), and whether re can start with any rune at all.
func first(re *syntax.Regexp, set *[256]bool) (nullable, all bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true, false
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, false
		}
		addRune(set, re.Rune[0], re.Flags&syntax.FoldCase != 0)
		return false, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			for r := lo; r <= min(hi, 0x7f); r++ {
				set[r] = true
			}
			if hi >= 0x80 {
				addRune(set, 0x80, false)
			}
		}
		return false, false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false, true
	case syntax.OpCapture:
		return first(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		_, all = first(re.Sub[0], set)
		return true, all
	case syntax.OpPlus:
		return first(re.Sub[0], set)
	case syntax.OpRepeat:
		n, all := first(re.Sub[0], set)
		return n || re.Min == 0, all
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			n, a := first(sub, set)
			if a {
				return false, true
			}
			if !n {
				return false, false
			}
		}
		return true, false
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			n, a := first(sub, set)
			nullable = nullable || n
			all = all || a
		}
		return nullable, all
	}
	return true, true // unknown: no filter
}

// addRune adds the first byte of r's UTF-8 form to set (every non-ASCII
// rune as 0x80-0xFF), with its other cases when fold is set.
func addRune(set *[256]bool, r rune, fold bool) {
	add := func(r rune) {
		if r < 0x80 {
			set[r] = true
			return
		}
		for b := 0x80; b < 0x100; b++ {
			set[b] = true
		}
	}
	add(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			add(f)
		}
	}
}
