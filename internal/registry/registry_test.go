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

// kinds is the vocabulary of Outlet.Kind in the shipped registry.
var kinds = map[string]bool{"agency": true, "newspaper": true, "magazine": true, "broadcaster": true, "digital": true,
	"state-media": true, "blog": true, "review": true, "commentator": true}

// TestEveryAliasOneOutlet checks the shipped data file: every name and
// alias finds its own outlet and no other, by Lookup and by Match, every
// folded name (the slug "thehuffingtonpost" of "The Huffington Post")
// belongs to one outlet only, and every outlet has a known kind.
func TestEveryAliasOneOutlet(t *testing.T) {
	r := registry.Default()
	slugs := map[string]string{}
	for _, e := range registry.Entries() {
		if !kinds[e.Kind] {
			t.Errorf("%s: kind %q is not one of %v", e.Name, e.Kind, kinds)
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if o, ok := r.Lookup(n); !ok || o.Name != e.Name {
				t.Errorf("Lookup(%q) = %q, %v, want %q", n, o.Name, ok, e.Name)
			}
			if o, ok := r.Match(n); !ok || o.Name != e.Name {
				t.Errorf("Match(%q) = %q, %v, want %q", n, o.Name, ok, e.Name)
			}
			if registry.Host(n) != "" {
				continue // sites share folds by design: independent.co.uk, independent.ie
			}
			f := registry.Fold(n)
			if other, ok := slugs[f]; ok && other != e.Name {
				t.Errorf("%q of %s and an alias of %s both fold to %q", n, e.Name, other, f)
			}
			slugs[f] = e.Name
		}
	}
}

func TestMatch(t *testing.T) {
	r := registry.Default()
	tests := []struct{ in, want string }{ // want "" means not found
		// case, spacing, a leading "the"
		{"the huffington post", "HuffPost"},
		{"THE DAILY CALLER", "The Daily Caller"},
		{"Daily  Caller", "The Daily Caller"},
		// slugs and short forms
		{"thehuffingtonpost", "HuffPost"},
		{"huffingtonpost", "HuffPost"},
		{"TheHuffingtonPost", "HuffPost"},
		{"thedailycaller", "The Daily Caller"},
		{"dailycaller", "The Daily Caller"},
		{"theguardian", "The Guardian"},
		{"breitbart", "Breitbart"},
		{"breitbartnews", "Breitbart"},
		{"nytimes", "The New York Times"},
		{"foxnews", "Fox News"},
		{"washingtonpost", "The Washington Post"},
		{"motherjones", "Mother Jones"},
		{"politicususa", "Politicus USA"},
		{"drudgereport", "Drudge Report"},
		{"dailymail", "Daily Mail"},
		{"nypost", "New York Post"},
		{"vice", "Vice News"},
		{"metro", "Metro UK"},
		// domains and web addresses
		{"theguardian.com", "The Guardian"},
		{"www.theguardian.com", "The Guardian"},
		{"https://www.theguardian.com/world/2016/nov/09/x", "The Guardian"},
		{"http://edition.cnn.com/2016/politics/x.html", "CNN"},
		{"https://uk.news.yahoo.com/x", "Yahoo News"},
		{"www.huffingtonpost.co.uk", "HuffPost UK"},
		{"https://www.huffingtonpost.com/entry/x", "HuffPost"},
		{"foxnews.com:443", "Fox News"},
		{"https://dailycaller.com/2016/11/08/x/", "The Daily Caller"},
		{"https://web.archive.org/web/20161108000000/http://www.breitbart.com/big-government/x/", "Breitbart"},
		{"https://www.bbc.co.uk/news/uk-politics-1", "BBC"},
		{"https://standard.co.uk/news", "Evening Standard"},
		// renames keep the old name
		{"The Huffington Post", "HuffPost"},
		{"HuffPost", "HuffPost"},
		// close names stay apart
		{"The Times", "The Times"},
		{"Times", "The Times"},
		{"thetimes", "The Times"},
		{"The New York Times", "The New York Times"},
		{"The Times of India", "The Times of India"},
		{"timesofindia", "The Times of India"},
		{"Times of Israel", "The Times of Israel"},
		{"Time", "Time"},
		{"The Sun", "The Sun"},
		{"thesun", "The Sun"},
		{"The Baltimore Sun", "The Baltimore Sun"},
		{"baltimoresun", "The Baltimore Sun"},
		{"New York Post", "New York Post"},
		{"The Washington Post", "The Washington Post"},
		{"The Denver Post", "The Denver Post"},
		{"Jerusalem Post", "The Jerusalem Post"},
		{"HuffPost UK", "HuffPost UK"},
		{"Daily Mail", "Daily Mail"},
		{"The Mail on Sunday", "The Mail on Sunday"},
		{"The Sunday Times", "The Sunday Times"},
		{"Independent", "The Independent"},
		{"Irish Independent", "Irish Independent"},
		// not outlets
		{"Post", ""},
		{"Daily Planet", ""},
		{"dailyplanet.com", ""},
		{"https://example.org/news", ""},
		{"U.S.", ""},
		{"3.5", ""},
		{"", ""},
		{"the", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			o, ok := r.Match(tt.in)
			if ok != (tt.want != "") || o.Name != tt.want {
				t.Errorf("Match(%q) = %q, %v, want %q", tt.in, o.Name, ok, tt.want)
			}
		})
	}
}

func TestHost(t *testing.T) {
	tests := []struct{ in, want string }{
		{"theguardian.com", "theguardian.com"},
		{"www.TheGuardian.com", "theguardian.com"},
		{"https://www.theguardian.com/world?x=1#y", "theguardian.com"},
		{"//cnn.com/x", "cnn.com"},
		{"http://user@foxnews.com:8080/x", "foxnews.com"},
		{"https://web.archive.org/web/2016/https://www.nytimes.com/x", "nytimes.com"},
		{"The Guardian", ""},
		{"U.S", ""},
		{"3.5", ""},
		{"a.b_c.com", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := registry.Host(tt.in); got != tt.want {
			t.Errorf("Host(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Huffington Post", "huffingtonpost"},
		{"thehuffingtonpost", "huffingtonpost"},
		{"Huffington-Post", "huffingtonpost"},
		{"THE DAILY CALLER", "dailycaller"},
		{"The", "the"},
		{"Theo", "theo"},
		{"https://www.dailyplanet.com/x", "dailyplanet"},
		{"thedailyplanet.co.uk", "dailyplanet"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := registry.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	r := registry.Default()
	tests := []struct {
		in   string
		want string // first closest name, "" for none
	}{
		{"Politicus US", "Politicus USA"},
		{"Brietbart", "Breitbart"},
		{"Drudge", "Drudge Report"},
		{"dailycaler", "The Daily Caller"},
		{"zzqxw", ""},
	}
	for _, tt := range tests {
		names, dist := r.Closest(tt.in, 3)
		if len(names) != len(dist) || len(names) > 3 {
			t.Fatalf("Closest(%q) = %v, %v", tt.in, names, dist)
		}
		got := ""
		if len(names) > 0 {
			got = names[0]
		}
		if got != tt.want {
			t.Errorf("Closest(%q) = %v %v, want %q first", tt.in, names, dist, tt.want)
		}
		for i := 1; i < len(dist); i++ {
			if dist[i] < dist[i-1] {
				t.Errorf("Closest(%q) distances %v not sorted", tt.in, dist)
			}
		}
	}
}

func TestNewExtraSlug(t *testing.T) {
	// A configured outlet claims its slug before the shipped ones.
	r := registry.New([]pipeline.OutletEntry{{Name: "Daily Planet", Aliases: []string{"dailyplanet.com"}, Country: "US"}})
	for _, in := range []string{"dailyplanet", "thedailyplanet", "https://www.dailyplanet.com/x"} {
		if o, ok := r.Match(in); !ok || o.Name != "Daily Planet" {
			t.Errorf("Match(%q) = %q, %v, want Daily Planet", in, o.Name, ok)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	r := registry.Default()
	names := []string{"The New York Times", "thehuffingtonpost", "https://www.theguardian.com/world/x", "unknown outlet", "foxnews"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			r.Match(n)
		}
	}
}
