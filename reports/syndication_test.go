package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"

	"github.com/framewatch/framewatch/internal/syndication"
	"github.com/framewatch/framewatch/pipeline"
)

func TestSyndicationTables(t *testing.T) {
	wire := strings.Repeat("Ministers from twenty countries met in Geneva on Monday to discuss a ceasefire, officials said, and agreed to meet again. ", 3) +
		"The talks will continue next month in Vienna, where a draft agreement on prisoner exchanges is expected to be presented."
	own := strings.Repeat("The local football club opened its new stadium on Saturday in front of a crowd of twelve thousand supporters. ", 4)
	a := newAggregates()
	for _, u := range []*pipeline.Unit{
		{ID: "b#0", Outlet: "Beta", Date: "2026-12-03", Sketch: syndication.Sign("GENEVA (Wire) - " + wire)},
		{ID: "a#0", Outlet: "Alpha", Date: "2026-12-02", Sketch: syndication.Sign(wire)},
		{ID: "c#0", Outlet: "Gamma", Date: "2026-12-04", Sketch: syndication.Sign(strings.Replace(wire, "officials said", "a diplomat said", 1))},
		{ID: "c#1", Outlet: "Gamma", Date: "2026-12-04", Sketch: syndication.Sign(own)},
		{ID: "c#2", Outlet: "Gamma", Date: "2026-12-04"},
	} {
		a.addUnit(u)
	}
	check := func(name string, fn func(*aggregates, pipeline.Config) (dataframe.DataFrame, error), want string) {
		t.Helper()
		d, err := fn(a, pipeline.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := (&table{Name: name, df: d}).writeCSV(&b); err != nil {
			t.Fatal(err)
		}
		// The similarity is an estimate; its digits are checked apart.
		got := b.String()
		if !strings.HasPrefix(got, want) {
			t.Errorf("%s =\n%s\nwant it to start\n%s", name, got, want)
		}
	}
	check("syndication", syndicationTable, "cluster,earliest_outlet,earliest_unit,earliest_date,outlets,outlet_list,units,unit_list,similarity\n"+
		"1,Alpha,a#0,2026-12-02,3,Alpha; Beta; Gamma,3,a#0; b#0; c#0,0.")
	check("syndication_outlets", syndicationOutletsTable, "outlet,units,own,syndicated,syndicated_share\n"+
		"Alpha,1,1,0,0.0000\nBeta,1,0,1,1.0000\nGamma,3,2,1,0.3333\n")
}

// TestSyndicatedOnce: with report.syndicated: once, the copies of a story
// that another outlet carried first are left out of the aggregates, while
// the syndication tables are those of the default.
func TestSyndicatedOnce(t *testing.T) {
	wire := strings.Repeat("Ministers from twenty countries met in Geneva on Monday to discuss a ceasefire, officials said, and agreed to meet again. ", 3)
	own := strings.Repeat("The local football club opened its new stadium on Saturday in front of a crowd of twelve thousand supporters. ", 4)
	units := func() []*pipeline.Unit {
		return []*pipeline.Unit{
			{ID: "b#0", Outlet: "Beta", Date: "2026-12-03", Words: 60, Sketch: syndication.Sign("GENEVA (Wire) - " + wire)},
			{ID: "a#0", Outlet: "Alpha", Date: "2026-12-02", Words: 57, Sketch: syndication.Sign(wire)},
			{ID: "c#0", Outlet: "Gamma", Date: "2026-12-04", Words: 57, Sketch: syndication.Sign(strings.Replace(wire, "officials said", "a diplomat said", 1))},
			{ID: "c#1", Outlet: "Gamma", Date: "2026-12-04", Words: 72, Sketch: syndication.Sign(own)},
		}
	}
	per, once := newAggregates(), newAggregates()
	once.countOnce = true
	for _, u := range units() {
		per.addUnit(u)
	}
	for _, u := range units() {
		once.holdUnit(u)
	}
	per.settle()
	once.settle()
	if per.units != 4 || per.leftOut != 0 {
		t.Errorf("per outlet: %d units, %d left out; want 4, 0", per.units, per.leftOut)
	}
	if once.units != 2 || once.leftOut != 2 {
		t.Errorf("once: %d units, %d left out; want 2 (a#0, c#1), 2 (b#0, c#0)", once.units, once.leftOut)
	}
	if once.outlets["Beta"] != nil || once.outlets["Gamma"].units != 1 || once.outlets["Gamma"].words != 72 || once.outlets["Alpha"].units != 1 {
		t.Errorf("once: outlets %+v, want Alpha 1 unit, Gamma 1 (its own story), no Beta", once.outlets)
	}
	for _, tc := range []struct {
		name string
		fn   func(*aggregates, pipeline.Config) (dataframe.DataFrame, error)
	}{{"syndication", syndicationTable}, {"syndication_outlets", syndicationOutletsTable}} {
		var tables [2]bytes.Buffer
		for i, a := range []*aggregates{per, once} {
			d, err := tc.fn(a, pipeline.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			if err := (&table{Name: tc.name, df: d}).writeCSV(&tables[i]); err != nil {
				t.Fatal(err)
			}
		}
		if tables[0].String() != tables[1].String() {
			t.Errorf("%s differs when counting once:\n%s\nper outlet:\n%s", tc.name, tables[1].String(), tables[0].String())
		}
	}
}
