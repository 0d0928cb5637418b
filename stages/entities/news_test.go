package entities_test

import (
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/entities"
)

// TestWireCopy checks forms of modern wire copy on invented sentences:
// each want is "text|TYPE", each not a mention text that must not appear.
func TestWireCopy(t *testing.T) {
	tg, r := newStages(t, pipeline.EntityConfig{})
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"particles and inner title",
			"LONDON/BRUSSELS (Reuters) - European Commission President Marieke van der Berg said on Tuesday the bloc would act.",
			[]string{"LONDON|GPE", "BRUSSELS|GPE", "European Commission|ORG", "Marieke van der Berg|PERSON"},
			[]string{"LONDON/BRUSSELS", "Berg", "European Commission President Marieke"}},
		{"bin and al-",
			"Foreign Minister Karim bin Saleh and Hassan al-Rashidi met Jean-Luc de la Fontaine in Paris.",
			[]string{"Karim bin Saleh|PERSON", "Hassan al-Rashidi|PERSON", "Jean-Luc de la Fontaine|PERSON", "Paris|GPE"},
			[]string{"Karim", "Saleh"}},
		{"titles inside organisation spans",
			"WASHINGTON (Reuters) - U.S. House Speaker Nora Delacroix said on Thursday that Senate Majority Leader Tom Hadley was wrong.",
			[]string{"Nora Delacroix|PERSON", "Tom Hadley|PERSON", "Senate|ORG"},
			[]string{"House Speaker Nora Delacroix", "Senate Majority Leader Tom Hadley"}},
		{"U.S. Senate is one organisation",
			"Health Secretary Dana Whitfield told reporters the U.S. Senate would vote next week.",
			[]string{"Dana Whitfield|PERSON", "U.S. Senate|ORG"},
			[]string{"Health Secretary Dana Whitfield"}},
		{"holidays are no places",
			"Thanksgiving and Easter sales rose, while Ramadan and Diwali spending was flat over the Christmas holidays.",
			nil,
			[]string{"Thanksgiving", "Easter", "Ramadan", "Diwali", "Christmas"}},
		{"photo credit",
			"A worker walks past a shop in Madrid, Spain, March 3, 2020. REUTERS/Juan Ortega/Illustration",
			[]string{"Madrid|GPE", "Spain|GPE", "Juan Ortega|PERSON"},
			[]string{"REUTERS/Juan Ortega/Illustration", "Juan Ortega/Illustration"}},
		{"weekdays and scores end no name",
			"President Nora Delacroix Monday signed the bill. Midfielder Emeka Obi 55, Lukas Brandt 4-17 and Rafael Montoya scored.",
			[]string{"Nora Delacroix|PERSON", "Emeka Obi|PERSON", "Lukas Brandt|PERSON", "Rafael Montoya|PERSON"},
			[]string{"Nora Delacroix Monday", "Midfielder Emeka Obi", "Emeka Obi 55", "Lukas Brandt 4-17"}},
		{"squad list is no headline",
			"Squad: Tomas Ferreira, Lukas Brandt, Emeka Obi, Rafael Montoya, Pieter Jansen.",
			[]string{"Tomas Ferreira|PERSON", "Lukas Brandt|PERSON", "Rafael Montoya|PERSON", "Pieter Jansen|PERSON"},
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := analyse(t, tg, r, tc.text)
			for _, w := range tc.want {
				text, typ, _ := strings.Cut(w, "|")
				if m, ok := find(u, text); !ok || m.Type != typ {
					t.Errorf("%q: no mention %s in %+v", tc.text, w, u.Entities)
				}
			}
			for _, w := range tc.not {
				if _, ok := find(u, w); ok {
					t.Errorf("%q: unwanted mention %q", tc.text, w)
				}
			}
		})
	}
}

// TestRulesOff checks that every rule can be switched off by name and
// that an unknown name is refused.
func TestRulesOff(t *testing.T) {
	if _, err := entities.New(pipeline.EntityConfig{RulesOff: entities.Rules()}, nil); err != nil {
		t.Errorf("New(all rules off) = %v", err)
	}
	if _, err := entities.New(pipeline.EntityConfig{RulesOff: []string{"no-such-rule"}}, nil); err == nil {
		t.Error("New(unknown rule off) succeeded, want an error")
	}
	// With the particle rule off the name stays cut.
	tg, r := newStages(t, pipeline.EntityConfig{RulesOff: []string{"name-particles"}})
	u := analyse(t, tg, r, "Foreign Minister Karim bin Saleh met reporters.")
	if _, ok := find(u, "Karim bin Saleh"); ok {
		t.Errorf("name-particles off: found %q, want it cut", "Karim bin Saleh")
	}
}
