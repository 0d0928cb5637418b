package quotes

import (
	"strings"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// entityRank orders the entity types a speaker phrase may hold: the
// speaker is the person before the organisation or outlet before the
// place ("Russian Foreign Minister Sergei Lavrov" is Lavrov, "the Kremlin
// spokesman" the Kremlin).
var entityRank = map[string]int{
	pipeline.EntPerson: 5, pipeline.EntOutlet: 4, pipeline.EntOrg: 3, pipeline.EntGPE: 2, pipeline.EntNORP: 1,
}

// speakerEntity returns the canonical entity and state actor of q's
// speaker: the best-ranked entity mention inside the phrase, or for "he"
// and "she" the last person named before it in the unit.
func speakerEntity(u *pipeline.Unit, q *pipeline.Quote) (entity, actor string) {
	best, rank := -1, 0
	for i, m := range u.Entities {
		if m.Start >= q.SpeakerStart && m.End <= q.SpeakerEnd && entityRank[m.Type] > rank {
			best, rank = i, entityRank[m.Type]
		}
	}
	if best < 0 {
		if p := strings.ToLower(q.Speaker); p == "he" || p == "she" {
			for i, m := range u.Entities {
				if m.Type == pipeline.EntPerson && m.End <= q.SpeakerStart {
					best = i
				}
			}
		}
	}
	if best < 0 {
		return "", ""
	}
	m := u.Entities[best]
	entity, actor = m.Entity, m.Actor
	if entity == "" {
		entity = m.Text
	}
	if actor == "" {
		// "Kremlin spokesman Dmitry Peskov": the person stands for the
		// state actor another mention of the phrase names.
		for _, o := range u.Entities {
			if o.Start >= q.SpeakerStart && o.End <= q.SpeakerEnd && o.Actor != "" {
				actor = o.Actor
				break
			}
		}
	}
	return entity, actor
}

var expertWords = words("analyst analysts expert experts professor researcher researchers economist economists scholar scholars " +
	"academic academics scientist scientists historian historians fellow university institute think-tank")

var unnamedWords = words("official officials source sources spokesman spokeswoman spokesperson diplomat diplomats insider insiders " +
	"aide aides people person observers residents witnesses")

var officeWords = words("minister ministry president presidential spokesman spokeswoman spokesperson secretary ambassador " +
	"government governor mayor chancellor premier senator lawmaker lawmakers congressman parliament official officials " +
	"army military commander general police prosecutor prosecutors kremlin pentagon department agency embassy administration " +
	"cabinet white house")

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// sourceKind classifies q's speaker (see the package comment).
func sourceKind(u *pipeline.Unit, q *pipeline.Quote) string {
	named, outlet, place := false, false, false
	for _, m := range u.Entities {
		if m.Start < q.SpeakerStart || m.End > q.SpeakerEnd {
			continue
		}
		switch m.Type {
		case pipeline.EntOutlet:
			outlet = true
		case pipeline.EntPerson, pipeline.EntOrg:
			named = true
		case pipeline.EntGPE:
			place = true
		}
	}
	if outlet {
		return pipeline.SourceOutlet
	}
	ws := voice.Words(strings.ToLower(q.Speaker))
	has := func(set map[string]bool) bool {
		for _, w := range ws {
			if set[w.Lower] {
				return true
			}
		}
		return false
	}
	switch {
	case has(expertWords):
		return pipeline.SourceExpert
	case !named && !place && q.Entity == "" && has(unnamedWords):
		return pipeline.SourceUnnamed
	case q.Actor != "" || place || has(officeWords):
		return pipeline.SourceOfficial
	}
	return pipeline.SourceOther
}
