package lang_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/lang"
)

func oneUnit(text string) *pipeline.Doc {
	return &pipeline.Doc{Text: text, Clean: text, Status: pipeline.StatusOK,
		Units: []*pipeline.Unit{{ID: "d#0", End: len(text)}}}
}

func TestProcess(t *testing.T) {
	x, err := lang.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, lang, skip string
	}{
		{"german", "Der russische Präsident ist zu einem Staatsbesuch in Nordkorea eingetroffen, und die Bundesregierung hat die Vereinbarung scharf kritisiert.", "de", "language de (not analysed)"},
		{"russian short", "Лидер КНДР Ким Чен Ын встретил его в аэропорту.", "ru", "language ru (not analysed)"},
		{"english", "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday, and the two signed a defence pact.", "en", ""},
		{"english short is undetermined", "NPR's Rachel Martin speaks with Rep.", "und", ""},
		{"names only", "Gary Cohn Criticizes Donald Trump’s Response to Charlottesville Protests", "en", ""},
		{"empty", "", "und", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := oneUnit(tt.text)
			if err := x.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			u := d.Units[0]
			if u.Lang != tt.lang || u.Skip != tt.skip {
				t.Errorf("Process(%q): lang %q skip %q, want %q %q", tt.text, u.Lang, u.Skip, tt.lang, tt.skip)
			}
			wantStatus := pipeline.StatusOK
			if tt.skip != "" {
				wantStatus = pipeline.StatusSkipped
			}
			if d.Status != wantStatus || (tt.skip != "" && d.Reason != tt.skip) {
				t.Errorf("Process(%q): status %s (%q), want %s", tt.text, d.Status, d.Reason, wantStatus)
			}
		})
	}
}

// TestMixedReview: a press review with one German quote keeps its English
// units and is still processed.
func TestMixedReview(t *testing.T) {
	x, _ := lang.New(nil)
	en := "The Kremlin has become a supplicant of the world's most isolated regime, which now sells it shells by the million. "
	de := "Die Bundesregierung hat die Vereinbarung zwischen Moskau und Pjöngjang scharf kritisiert und neue Sanktionen angekündigt. "
	text := en + de
	d := &pipeline.Doc{Text: text, Status: pipeline.StatusOK, Units: []*pipeline.Unit{
		{ID: "r#0", Start: 0, End: len(en)}, {ID: "r#1", Start: len(en), End: len(text)}}}
	if err := x.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Status != pipeline.StatusOK || !d.Units[0].Analysed() || d.Units[1].Analysed() || d.Units[1].Lang != "de" {
		t.Errorf("mixed review: status %s, units %+v %+v", d.Status, *d.Units[0], *d.Units[1])
	}
}

func TestConfiguredLanguages(t *testing.T) {
	x, err := lang.New([]string{"en", "DE"})
	if err != nil {
		t.Fatal(err)
	}
	d := oneUnit("Der russische Präsident ist zu einem Staatsbesuch in Nordkorea eingetroffen, und die Bundesregierung hat die Vereinbarung scharf kritisiert.")
	_ = x.Process(context.Background(), d)
	if !d.Units[0].Analysed() || d.Status != pipeline.StatusOK {
		t.Errorf("languages [en, de]: German unit skipped (%q)", d.Units[0].Skip)
	}
	for _, bad := range []string{"english", "xx", ""} {
		if _, err := lang.New([]string{bad}); err == nil || !strings.Contains(err.Error(), "languages") {
			t.Errorf("New([%q]) = %v, want an error naming the languages key", bad, err)
		}
	}
}

// TestFixturesSentences: every invented sentence of fixtures/lang is
// skipped (none is taken for English), and the fixtures' own articles,
// all English, are analysed.
func TestFixturesSentences(t *testing.T) {
	x, _ := lang.New(nil)
	b, err := fixtures.FS.ReadFile("lang/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n, english := 0, 0
	for _, line := range strings.Split(string(b), "\n") {
		code, text, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		d := oneUnit(text)
		_ = x.Process(context.Background(), d)
		n++
		if d.Units[0].Analysed() {
			english++
			t.Logf("%s sentence analysed as %s: %q", code, d.Units[0].Lang, text)
		}
	}
	// One sentence is short text by design; a few may pass for English,
	// never more than one in twenty.
	if n < 80 || english*20 > n {
		t.Errorf("%d of %d sentences in other languages analysed, want at most 1 in 20", english, n)
	}
	texts, _ := fixtures.Articles()
	for _, text := range texts {
		if !utf8.ValidString(text) {
			continue // bad/latin1.txt, French in Latin-1: a failed input
		}
		d := oneUnit(text)
		_ = x.Process(context.Background(), d)
		if !d.Units[0].Analysed() {
			t.Errorf("fixture article skipped as %s: %.60q", d.Units[0].Lang, text)
		}
	}
}

func TestDetectBoundedPrefix(t *testing.T) {
	// English for the first 1,000 bytes, German after: only the prefix
	// is read.
	en := strings.Repeat("The president met the leader in the capital on Wednesday. ", 20)
	de := strings.Repeat("Der Präsident traf den Staatschef am Mittwoch in der Hauptstadt. ", 200)
	x, _ := lang.New(nil)
	if got := x.Identify(en + de); got != "en" {
		t.Errorf("Identify(english prefix + german) = %q, want en", got)
	}
	// A prefix cut inside a multi-byte character stays valid.
	long := strings.Repeat("Лидер", 400)
	if got := x.Identify(long); got == "en" || got == lang.Undetermined {
		t.Errorf("Identify(no spaces) = %q, want a Cyrillic-script language", got)
	}
}

func BenchmarkProcess(b *testing.B) {
	x, _ := lang.New(nil)
	texts, n := fixtures.Articles()
	docs := make([]*pipeline.Doc, len(texts))
	for i, t := range texts {
		docs[i] = oneUnit(t)
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, d := range docs {
			d.Status = pipeline.StatusOK
			_ = x.Process(context.Background(), d)
		}
	}
}

// TestTablesAreAnalysed: English results tables, scoreboards and name
// lists hold few running words, and whatlanggo takes their names for
// another language (the cricket scores read as French); they are analysed.
func TestTablesAreAnalysed(t *testing.T) {
	x, _ := lang.New(nil)
	for _, s := range []string{
		"SOCCER - POLISH FIRST DIVISION RESULTS.\n\nWARSAW 2026-05-03\n\nResults of Polish first division matches on Sunday:\n\nWisla Krakow 2 Lech Poznan 1\n\nLegia Warszawa 0 Rakow Czestochowa 0\n\nPogon Szczecin 3 Jagiellonia Bialystok 2\n\nGornik Zabrze 1 Zaglebie Lubin 1\n\nStandings: Legia 18 points, Rakow 17, Pogon 15, Wisla 14.",
		"BADMINTON - THAILAND OPEN RESULTS.\n\nBANGKOK 2026-05-03\n\nResults in the Thailand Open on Sunday:\n\nMen's singles: Kunlavut Vitidsarn (Thailand) beat Anthony Sinisuka Ginting (Indonesia) 21-17 21-19\n\nWomen's singles: Ratchanok Intanon (Thailand) beat Gregoria Mariska Tunjung (Indonesia) 21-12 18-21 21-15\n\nMen's doubles: Fajar Alfian / Muhammad Rian Ardianto (Indonesia) beat Kittinupong Kedren / Dechapol Puavaranukroh (Thailand) 21-18 21-16",
		"CRICKET - ENGLISH COUNTY SCORES.\n\nLONDON 2026-05-03\n\nClose of play scores on Sunday:\n\nAt Taunton: Somerset 312-7 (T. Banton 88, L. Gregory 54; J. Porter 3-61) v Essex\n\nAt Hove: Sussex 245 (O. Carter 71; M. Parkinson 4-55) v Kent 18-1\n\nAt Chester-le-Street: Durham 401-5 dec (A. Lees 132, B. Raine 66 not out) v Hampshire 55-2",
	} {
		if got := x.Identify(s); !x.Analyses(got) {
			t.Errorf("Identify(%.40q…) = %q, not analysed", s, got)
		}
	}
}
