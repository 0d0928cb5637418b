package narrative

import (
	"slices"
	"strings"
	"unicode"

	"github.com/framewatch/framewatch/stages/roles"
)

// determiners are dropped from the front of a role phrase before matching.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "this": true, "these": true, "those": true, "that": true, "some": true, "many": true}

// noHeads are words that never match as a head word: pronouns and words
// too generic to name an actor.
var noHeads = map[string]bool{"we": true, "us": true, "he": true, "him": true, "she": true, "they": true, "them": true,
	"it": true, "i": true, "you": true, "his": true, "her": true, "its": true, "their": true, "our": true, "who": true,
	"one": true, "others": true, "other": true, "all": true, "new": true, "state": true}

// phraseWords returns a phrase's words: lower case, letters and digits
// (inner hyphens and dots kept), possessive 's dropped, each singularised
// (a trailing s dropped from words of four letters or more, not ss).
func phraseWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '.' && r != '\''
	}) {
		w = strings.Trim(w, "-.'")
		w = strings.TrimSuffix(w, "'s")
		w = strings.ReplaceAll(w, ".", "")
		if len(w) >= 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// normal is a phrase's words without leading determiners, joined by
// spaces.
func normal(s string) []string {
	ws := phraseWords(s)
	for len(ws) > 0 && determiners[ws[0]] {
		ws = ws[1:]
	}
	return ws
}

// headCut are words that end a role phrase's head noun phrase ("a lack of
// export infrastructure" has the head "lack").
var headCut = map[string]bool{"of": true, "in": true, "on": true, "for": true, "who": true, "that": true, "which": true,
	"from": true, "with": true, "at": true, "to": true, "and": true, "built": true, "under": true, "by": true}

// head returns the head word of a role phrase: the last word before the
// first of headCut, "" for a pronoun or generic word.
func head(ws []string) string {
	end := len(ws)
	for i, w := range ws {
		if i > 0 && headCut[w] {
			end = i
			break
		}
	}
	if end == 0 {
		return ""
	}
	h := ws[end-1]
	if noHeads[h] {
		return ""
	}
	return h
}

// MatchActor returns the index in actors (most mentioned first) of the
// actor a coded role phrase names, or -1. The phrase matches an actor
// whose canonical name or one of whose mention texts equals it once both
// are normalised (lower case, leading determiners and possessives
// dropped, words singularised); failing that, the first actor whose name
// or mention texts contain the phrase's head word (the last word before
// "of", "in", "who" and the like: "President Donald Trump" → "trump",
// "a lack of export infrastructure" → "lack"). Pronouns never match.
func MatchActor(phrase string, actors []roles.Actor) int {
	p := normal(phrase)
	if len(p) == 0 {
		return -1
	}
	key := strings.Join(p, " ")
	for i, a := range actors {
		if strings.Join(normal(a.Name), " ") == key {
			return i
		}
		for _, t := range a.Texts {
			if strings.Join(normal(t), " ") == key {
				return i
			}
		}
	}
	h := head(p)
	if h == "" {
		return -1
	}
	for i, a := range actors {
		if slices.Contains(phraseWords(a.Name), h) {
			return i
		}
		for _, t := range a.Texts {
			if slices.Contains(phraseWords(t), h) {
				return i
			}
		}
	}
	return -1
}

// RoleRows groups role rows by article id, in file order.
func RoleRows(rows []Role) map[string][]Role {
	by := map[string][]Role{}
	for _, r := range rows {
		switch r.Role {
		case "hero", "villain", "victim":
			by[r.ID] = append(by[r.ID], r)
		}
	}
	return by
}

// LabelActors sets each unit's role examples' classes from the coded
// rows: an actor takes the role most rows matched to it give (ties: the
// earlier row's), none when no row matches it.
func LabelActors(units []Unit, rows map[string][]Role) {
	for ui := range units {
		u := &units[ui]
		votes := make([][len(roles.Classes)]int, len(u.Actors))
		first := make([][len(roles.Classes)]int, len(u.Actors))
		for k, r := range rows[u.Article.ID] {
			i := MatchActor(r.Entity, u.Actors)
			if i < 0 {
				continue
			}
			c := slices.Index(roles.Classes[:], r.Role)
			if votes[i][c] == 0 {
				first[i][c] = k
			}
			votes[i][c]++
		}
		for i := range u.RoleExamples {
			best := 0
			for c := 1; c < len(roles.Classes); c++ {
				if votes[i][c] > votes[i][best] || votes[i][c] > 0 && votes[i][c] == votes[i][best] && first[i][c] < first[i][best] {
					best = c
				}
			}
			u.RoleExamples[i].Class = best
		}
	}
}

// CrossValidateRoles returns, per unit and actor, the class a model
// trained on the other folds (fold = unit index % k) gives the actor, none
// for actors past roles.MaxActors (the stage gives them no role).
func CrossValidateRoles(units []Unit, k int, opt roles.TrainOptions) [][]int {
	out := make([][]int, len(units))
	for fold := range k {
		var train []roles.Example
		for i, u := range units {
			if i%k != fold {
				train = append(train, u.RoleExamples...)
			}
		}
		m := roles.Train(train, opt)
		for i, u := range units {
			if i%k != fold {
				continue
			}
			out[i] = make([]int, len(u.RoleExamples))
			for j, ex := range u.RoleExamples {
				if j >= roles.MaxActors {
					continue
				}
				p := m.Probs(ex)
				best := 0
				for c := 1; c < len(p); c++ {
					if p[c] > p[best] {
						best = c
					}
				}
				out[i][j] = best
			}
		}
	}
	return out
}
