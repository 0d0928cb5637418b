package figures

import (
	"context"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func newDoc(text, date string) *pipeline.Doc {
	return &pipeline.Doc{ID: "d", Text: text, Clean: text,
		Units: []*pipeline.Unit{{ID: "d#0", Start: 0, End: len(text), Date: date}}}
}

func TestProcessClaimants(t *testing.T) {
	x, err := New(pipeline.FigureConfig{})
	if err != nil {
		t.Fatal(err)
	}
	text := "North Korea has sent about 1 million units of ammunition to Russia, Defense Minister Shin Won-sik said Wednesday. " +
		"According to Bloomberg, 300 tanks were moved. The economy grew 3%, the South Korean defense minister said."
	d := newDoc(text, "2024-06-19")
	i := strings.Index(text, "Shin Won-sik")
	d.Units[0].Entities = []pipeline.Mention{{Start: i, End: i + len("Shin Won-sik"), Text: "Shin Won-sik", Type: pipeline.EntPerson, Entity: "Shin Won-sik"}}
	if err := x.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []struct{ text, counted, claimed string }{
		{"about 1 million", "units of ammunition", "Shin Won-sik"},
		{"300", "tanks", "Bloomberg"},
		{"3%", "", "South Korean defense minister"},
	}
	figs := d.Units[0].Figures
	if len(figs) != len(want) {
		t.Fatalf("figures = %+v, want %d", figs, len(want))
	}
	for i, w := range want {
		f := figs[i]
		if f.Text != w.text || f.Counted != w.counted || f.ClaimedBy != w.claimed {
			t.Errorf("figure %d = {%q counted %q by %q}, want %+v", i, f.Text, f.Counted, f.ClaimedBy, w)
		}
		if text[f.Start:f.End] != f.Text {
			t.Errorf("figure %d offsets %d:%d do not give %q", i, f.Start, f.End, f.Text)
		}
	}
}

func TestProcessDates(t *testing.T) {
	x, _ := New(pipeline.FigureConfig{})
	text := "Putin arrived on June 18 at 10:37 a.m. after shipments since last September; talks were held on Tuesday and in 2023."
	d := newDoc(text, "2024-06-19")
	if err := x.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []struct{ text, date string }{
		{"June 18 at 10:37 a.m.", "2024-06-18"},
		{"last September", "2023-09"},
		{"Tuesday", "2024-06-18"},
		{"2023", "2023"},
	}
	ds := d.Units[0].Dates
	if len(ds) != len(want) {
		t.Fatalf("dates = %+v, want %d", ds, len(want))
	}
	for i, w := range want {
		if ds[i].Text != w.text || ds[i].Date != w.date {
			t.Errorf("date %d = %q %q, want %+v", i, ds[i].Text, ds[i].Date, w)
		}
	}
	if n := len(d.Units[0].Figures); n != 0 {
		t.Errorf("figures = %+v, want none", d.Units[0].Figures)
	}
}

func TestProcessNoUnits(t *testing.T) {
	x, _ := New(pipeline.FigureConfig{})
	d := &pipeline.Doc{Text: "5 tanks", Clean: "5 tanks"}
	if err := x.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

func TestNewConfig(t *testing.T) {
	if _, err := New(pipeline.FigureConfig{Dollar: "dollars"}); err == nil {
		t.Error("New(Dollar: dollars) = nil error, want one")
	}
	x, err := New(pipeline.FigureConfig{Dollar: "cad", Units: map[string]string{"sorties": "sortie", "combat sorties": "sortie"}})
	if err != nil {
		t.Fatal(err)
	}
	text := "Jets flew 40 combat sorties and the fuel cost $6 million."
	d := newDoc(text, "")
	if err := x.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []struct{ text, unit string }{{"40 combat sorties", "sortie"}, {"$6 million", "CAD"}}
	figs := d.Units[0].Figures
	if len(figs) != len(want) {
		t.Fatalf("figures = %+v, want %d", figs, len(want))
	}
	for i, w := range want {
		if figs[i].Text != w.text || figs[i].Unit != w.unit {
			t.Errorf("figure %d = %q %q, want %q %q", i, figs[i].Text, figs[i].Unit, w.text, w.unit)
		}
	}
}
