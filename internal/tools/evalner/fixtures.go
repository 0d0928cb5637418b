package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

// goldUnit is one unit of fixtures/gold/entities.json: the mentions it must
// hold, in order.
type goldUnit struct {
	Source   string `json:"source"`
	Record   int    `json:"record"`
	Unit     int    `json:"unit"`
	Mentions []struct {
		Text   string `json:"text"`
		Type   string `json:"type"`
		Entity string `json:"entity"`
		Actor  string `json:"actor"`
	} `json:"mentions"`
}

// fixtureRecall runs the fixture corpus (folder corpus) through the
// product's stages and returns how many of the entity gold's mentions it
// finds, in order, with their text, type, entity and actor, out of how
// many (the matching of stages/entities' TestFixtureGold, which sees the
// same gold through the stages alone).
func fixtureRecall(ctx context.Context, corpus string, cfg pipeline.Config, errs io.Writer) (found, total int, err error) {
	b, err := fixtures.FS.ReadFile("gold/entities.json")
	if err != nil {
		return 0, 0, fmt.Errorf("evalner: %w", err)
	}
	var gold []goldUnit
	if err := json.Unmarshal(b, &gold); err != nil {
		return 0, 0, fmt.Errorf("evalner: entity gold: %w", err)
	}
	want := map[string][]goldUnit{} // document key -> its gold units
	for _, g := range gold {
		k := filepath.ToSlash(g.Source)
		if g.Record > 0 {
			k += ":" + strconv.Itoa(g.Record)
		}
		want[k] = append(want[k], g)
		total += len(g.Mentions)
	}
	st, err := productStagesOf(cfg)
	if err != nil {
		return 0, 0, err
	}
	seen := 0
	// A duplicate is not analysed again; its first copy's units stand for
	// it, as in the product's reports.
	byHash := map[string][]*pipeline.Unit{}
	sink := pipeline.SinkFunc(func(_ context.Context, d *pipeline.Doc) error {
		units := d.Units
		switch d.Status {
		case pipeline.StatusOK:
			byHash[d.Hash] = units
		case pipeline.StatusDuplicate:
			units = byHash[d.Hash]
		}
		rel, err := filepath.Rel(corpus, d.Source)
		if err != nil {
			return nil
		}
		for _, g := range want[filepath.ToSlash(rel)] {
			seen++
			if g.Unit >= len(units) {
				if errs != nil {
					fmt.Fprintf(errs, "FIXTURE %s#%d missing: the document has %d units\n", g.Source, g.Unit, len(units))
				}
				continue
			}
			ms := units[g.Unit].Entities
			j := 0
			for _, w := range g.Mentions {
				k := j
				for k < len(ms) && !(ms[k].Text == w.Text && ms[k].Type == w.Type && ms[k].Entity == w.Entity && ms[k].Actor == w.Actor) {
					k++
				}
				if k == len(ms) {
					if errs != nil {
						fmt.Fprintf(errs, "FIXTURE %s#%d missing %s|%s|%s|%s\n", g.Source, g.Unit, w.Text, w.Type, w.Entity, w.Actor)
					}
					continue
				}
				found++
				j = k + 1
			}
		}
		return nil
	})
	src := &ingest.Source{Paths: []string{corpus}, Config: cfg.Ingest}
	if _, err := pipeline.Run(ctx, src, st, sink, pipeline.Options{}); err != nil {
		return 0, 0, err
	}
	if seen != len(gold) {
		return 0, 0, fmt.Errorf("evalner: %d of %d gold units found in %s", seen, len(gold), strings.TrimSuffix(corpus, "/"))
	}
	return found, total, nil
}
