package reports

import (
	"strings"

	"github.com/go-gota/gota/dataframe"

	"github.com/framewatch/framewatch/internal/syndication"
	"github.com/framewatch/framewatch/pipeline"
)

// syndicationThreshold is the estimated Jaccard similarity of word
// shingles from which two units of different outlets are one story: wire
// copy with a new lead, a dropped paragraph or a reworded attribution
// stays well above it, different stories on one event stay far below.
const syndicationThreshold = 0.5

// clusters returns the syndicated stories of the aggregated units,
// computed once per run.
func (a *aggregates) clusters() []syndication.Cluster {
	if a.syndicated == nil {
		a.syndicated = syndication.Clusters(a.sketches, syndicationThreshold)
		if a.syndicated == nil {
			a.syndicated = []syndication.Cluster{}
		}
	}
	return a.syndicated
}

// syndicationTable is syndication: one row per story that units of two
// outlets or more carry, ordered by its earliest source.
func syndicationTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	var id, units []int
	var outlet, unit, date, outletList, unitList []string
	var nOutlets []int
	var sim []float64
	for i, c := range a.clusters() {
		first := a.sketches[c.Members[0]]
		var us []string
		for _, m := range c.Members {
			us = append(us, a.sketches[m].ID)
		}
		id, units, nOutlets = append(id, i+1), append(units, len(c.Members)), append(nOutlets, len(c.Outlets))
		outlet, unit, date = append(outlet, first.Outlet), append(unit, first.ID), append(date, first.Date)
		outletList, unitList = append(outletList, strings.Join(c.Outlets, "; ")), append(unitList, strings.Join(us, "; "))
		sim = append(sim, c.Similarity)
	}
	df := dataframe.New(ints("cluster", id), strs("earliest_outlet", outlet), strs("earliest_unit", unit), strs("earliest_date", date),
		ints("outlets", nOutlets), strs("outlet_list", outletList), ints("units", units), strs("unit_list", unitList), floats("similarity", sim))
	return df, df.Err
}

// syndicatedUnits counts per outlet the units that republish a story
// another outlet carried first.
func (a *aggregates) syndicatedUnits() map[string]int {
	n := map[string]int{}
	for _, c := range a.clusters() {
		first := a.sketches[c.Members[0]].Outlet
		for _, m := range c.Members[1:] {
			if o := a.sketches[m].Outlet; o != first {
				n[o]++
			}
		}
	}
	return n
}

// syndicationOutletsTable is syndication_outlets: per outlet, its units,
// how many are its own copy and how many republish another outlet's
// earlier story, and the syndicated share.
func syndicationOutletsTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	syn := a.syndicatedUnits()
	var names []string
	var units, own, synd []int
	var share []float64
	all := map[string]bool{}
	for name := range a.outlets {
		all[name] = true
	}
	for name := range syn {
		all[name] = true // with report.syndicated: once, an outlet may hold copies only
	}
	for _, name := range sortedKeys(all) {
		n := 0 // the outlet's units, its copies included
		if o := a.outlets[name]; o != nil {
			n = o.units
		}
		if a.countOnce {
			n += syn[name] // left out of o.units by settle
		}
		names, units = append(names, name), append(units, n)
		own, synd = append(own, n-syn[name]), append(synd, syn[name])
		s := 0.0
		if n > 0 {
			s = float64(syn[name]) / float64(n)
		}
		share = append(share, s)
	}
	df := dataframe.New(strs("outlet", names), ints("units", units), ints("own", own), ints("syndicated", synd), floats("syndicated_share", share))
	return df, df.Err
}
