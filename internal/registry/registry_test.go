package registry_test

import (
	"encoding/json"
	"io/fs"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline"
)

func TestLookup(t *testing.T) {
	r := registry.Default()
	tests := []struct {
		in, name, country string // name "" means not found
	}{
		{"The New York Times", "The New York Times", "US"},
		{"new york times", "The New York Times", "US"},
		{"NYT", "The New York Times", "US"},
		{"The New York Times Company", "The New York Times", "US"},
		{"Guardian", "The Guardian", "GB"},
		{"the guardian", "The Guardian", "GB"},
		{"AP", "Associated Press", "US"},
		{"The Associated Press", "Associated Press", "US"},
		{"apnews.com", "Associated Press", "US"},
		{"AFP", "Agence France-Presse", "FR"},
		{"Agence France Presse", "Agence France-Presse", "FR"},
		{"Reuters", "Reuters", "GB"},
		{"Yonhap News Agency", "Yonhap", "KR"},
		{"tagesschau.de", "tagesschau", "DE"},
		{"Hospodarske noviny", "Hospodářské noviny", "CZ"},
		{"HOSPODÁŘSKÉ NOVINY", "Hospodářské noviny", "CZ"},
		{"Новая газета", "Novaya Gazeta", "RU"},
		{"Novaya Gazeta Europe", "Novaya Gazeta Europe", "RU"},
		{"Коммерсантъ", "Kommersant", "RU"},
		{"ТАСС", "TASS", "RU"},
		{"/TASS/", "TASS", "RU"},
		{"РИА Новости", "RIA Novosti", "RU"},
		{"euro|topics", "eurotopics", "DE"},
		{"F.A.Z.", "Frankfurter Allgemeine Zeitung", "DE"},
		{"Sueddeutsche Zeitung", "Süddeutsche Zeitung", "DE"},
		{"Neue Zuercher Zeitung", "Neue Zürcher Zeitung", "CH"},
		{"Kyiv Independent", "The Kyiv Independent", "UA"},
		{"Korea Herald", "The Korea Herald", "KR"},
		{"POLITICO Europe", "Politico Europe", "BE"},
		{"  Le   Monde  ", "Le Monde", "FR"},
		{"Libération", "Libération", "FR"},
		{"Liberation", "Libération", "FR"},
		{"El Pais", "El País", "ES"},
		{"Denník N", "Denník N", "SK"},
		{"Népszava", "Népszava", "HU"},
		{"Al-Jazeera", "Al Jazeera", "QA"},
		{"Xinhua News Agency", "Xinhua", "CN"},
		{"The Economist", "The Economist", "GB"},
		{"Economist", "The Economist", "GB"},
		{"Der Spiegel", "Der Spiegel", "DE"},
		{"Daily Planet", "", ""},
		{"", "", ""},
		{"The", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			o, ok := r.Lookup(tt.in)
			if ok != (tt.name != "") || o.Name != tt.name || o.Country != tt.country {
				t.Errorf("Lookup(%q) = %q %q %v, want %q %q", tt.in, o.Name, o.Country, ok, tt.name, tt.country)
			}
		})
	}
}

func TestDefaultRegistry(t *testing.T) {
	r := registry.Default()
	if n := len(registry.Entries()); r.Len() != n {
		t.Errorf("default registry has %d outlets for %d entries: entries share a name or alias", r.Len(), n)
	}
	if r.Len() < 150 {
		t.Errorf("default registry has %d outlets, want 150+", r.Len())
	}
	seen := map[string]bool{}
	for _, o := range r.Outlets() {
		if o.Name == "" || seen[o.Name] {
			t.Errorf("empty or duplicate outlet name %q", o.Name)
		}
		seen[o.Name] = true
		if len(o.Country) != 2 {
			t.Errorf("%s: country %q is not ISO alpha-2", o.Name, o.Country)
		}
		if got, ok := r.Lookup(o.Name); !ok || got.Name != o.Name {
			t.Errorf("Lookup(%q) = %q, %v: a canonical name must find itself", o.Name, got.Name, ok)
		}
	}
}

// TestGoldOutlets checks that every outlet of the fixtures' gold registry
// is in the shipped registry under the same name and country.
func TestGoldOutlets(t *testing.T) {
	b, err := fs.ReadFile(fixtures.FS, "gold/outlets.json")
	if err != nil {
		t.Skipf("no gold outlets: %v", err)
	}
	var gold []pipeline.OutletEntry
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	r := registry.Default()
	for _, g := range gold {
		for _, n := range append([]string{g.Name}, g.Aliases...) {
			o, ok := r.Lookup(n)
			if !ok || o.Name != g.Name || o.Country != g.Country {
				t.Errorf("Lookup(%q) = %q %q %v, want %q %q", n, o.Name, o.Country, ok, g.Name, g.Country)
			}
		}
	}
}

func TestNewExtra(t *testing.T) {
	r := registry.New([]pipeline.OutletEntry{
		{Name: "Daily Planet", Aliases: []string{"The Planet"}, Country: "us", Kind: "newspaper"},
		{Name: "NYTimes", Aliases: []string{"NYT"}, Country: "US"}, // renames a shipped outlet
	})
	if o, ok := r.Lookup("the daily planet"); !ok || o.Name != "Daily Planet" || o.Country != "US" {
		t.Errorf("Lookup(daily planet) = %+v, %v", o, ok)
	}
	if o, ok := r.Lookup("Planet"); !ok || o.Name != "Daily Planet" {
		t.Errorf("Lookup(Planet) = %+v, %v", o, ok)
	}
	if o, ok := r.Lookup("New York Times"); !ok || o.Name != "NYTimes" {
		t.Errorf("Lookup(New York Times) = %+v, %v: configured entry should win", o, ok)
	}
	if r.Len() != registry.Default().Len()+1 {
		t.Errorf("Len() = %d, want %d", r.Len(), registry.Default().Len()+1)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The New York Times", "the new york times"},
		{"F.A.Z.", "faz"},
		{"euro|topics", "eurotopics"},
		{"Hospodářské  noviny", "hospodarske noviny"},
		{"Jyllands-Posten", "jyllands posten"},
		{"AT&T", "at and t"},
		{"L’Opinion", "lopinion"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := registry.Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	r := registry.Default()
	names := []string{"The New York Times", "Hospodářské noviny", "Новая газета", "unknown outlet", "AFP"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			r.Lookup(n)
		}
	}
}
