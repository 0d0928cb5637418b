package entities

import (
	"fmt"
	"slices"
)

// rule is one post-processing rule applied to the model's spans. Each can
// be switched off (pipeline.EntityConfig.RulesOff), so that the evaluation
// tool can measure what it is worth on the product; README's Accuracy
// section keeps that table.
type rule int

const (
	ruleHeadline    rule = iota // title-case headlines: unknown multi-word persons dropped
	ruleGazType                 // gazetteer types over the model's (countries and cities GPE, ...)
	ruleExtendOrgs              // organisation names cut at "for"/"of" rejoined
	ruleFixPersons              // person spans split at lower-case words, joined to a capitalised word before
	ruleOutlets                 // registry outlets tagged OUTLET over the model
	ruleKnown                   // shipped leaders and countries fill the model's gaps
	ruleTitles                  // leading titles stripped, "Minister X" a person
	rulePropagate               // a later mention of a known person's name or surname retyped PERSON
	ruleBreaks                  // mentions split at line breaks and capitalised datelines
	ruleCredits                 // credit words ("Editing by") are no names
	rulePeriod                  // a final period is not part of a name
	ruleParticles               // names cut at "van der", "bin", "al-" joined
	ruleInnerTitles             // "Commission President X": the title splits an organisation from a person
	ruleHolidays                // holidays are no entities
	ruleEdges                   // scores, weekdays and common words at a name's end, sports roles at its start, are no part of it
	nRules
)

// ruleNames are the rules' names, in rule order.
var ruleNames = [nRules]string{
	"headline-persons", "gazetteer-types", "extend-orgs", "fix-persons", "outlets",
	"known-names", "strip-titles", "propagate-persons", "breaks", "credit-words", "final-period",
	"name-particles", "inner-titles", "holidays", "name-edges",
}

// Rules returns the names of the post-processing rules that
// pipeline.EntityConfig.RulesOff can switch off.
func Rules() []string { return slices.Clone(ruleNames[:]) }

// ruleSet holds which rules are on.
type ruleSet [nRules]bool

// newRuleSet turns every rule on except those named in off; an unknown
// name is an error.
func newRuleSet(off []string) (ruleSet, error) {
	var rs ruleSet
	for i := range rs {
		rs[i] = true
	}
	for _, name := range off {
		i := slices.Index(ruleNames[:], name)
		if i < 0 {
			return rs, fmt.Errorf("entities: unknown rule %q", name)
		}
		rs[i] = false
	}
	return rs, nil
}
