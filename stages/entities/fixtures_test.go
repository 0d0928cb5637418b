package entities_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/registry"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/entities"
)

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
	NotSame [][2]string `json:"not_same"`
}

var tagRe = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// fixtureText returns the text of one gold document: the file, the JSONL
// line or the CSV row; HTML has its tags turned into line breaks.
func fixtureText(t *testing.T, g goldUnit) string {
	t.Helper()
	b, err := fixtures.FS.ReadFile("corpus/" + g.Source)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	switch {
	case strings.HasSuffix(g.Source, ".jsonl"):
		line := strings.Split(s, "\n")[g.Record-1]
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"text", "body"} {
			if v, ok := rec[f].(string); ok {
				return v
			}
		}
	case strings.HasSuffix(g.Source, ".csv"):
		rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range rows[0] {
			if h == "body" {
				return rows[g.Record][i]
			}
		}
	case strings.HasSuffix(g.Source, ".html"):
		s = tagRe.ReplaceAllString(s, "\n")
		return html.UnescapeString(s)
	}
	return s
}

// joinWraps imitates the cleaner: a line break inside a paragraph of
// hard-wrapped lines becomes a space (same length).
func joinWraps(s string) string {
	lines := strings.Split(s, "\n")
	b := []byte(s)
	pos := 0
	for i, l := range lines[:len(lines)-1] {
		pos += len(l)
		next := lines[i+1]
		if len(strings.TrimSpace(l)) > 55 && strings.TrimSpace(next) != "" {
			b[pos] = ' '
		}
		pos++
	}
	return string(b)
}

var outletNames = sync0()

func sync0() []string {
	var names []string
	for _, o := range registry.Default().Outlets() {
		names = append(names, o.Name)
		names = append(names, o.Aliases...)
	}
	return names
}

// TestFixtureGold runs text and entities over the fixture documents (each
// as one unit) and checks that the gold mentions occur in order with their
// type, canonical entity and actor, and that must-not-merge names stay
// apart.
func TestFixtureGold(t *testing.T) {
	b, err := fixtures.FS.ReadFile("gold/entities.json")
	if err != nil {
		t.Skip("no entity gold")
	}
	var gold []goldUnit
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	tg, _ := newStages(t, pipeline.EntityConfig{})
	r, err := entities.New(pipeline.EntityConfig{}, outletNames)
	if err != nil {
		t.Fatal(err)
	}
	total, found := 0, 0
	for _, g := range gold {
		text := fixtureText(t, g)
		d := &pipeline.Doc{Text: text, Clean: joinWraps(text), Units: []*pipeline.Unit{{Start: 0, End: len(text)}}}
		if err := tg.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if err := r.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		ms := d.Units[0].Entities
		j := 0
		for _, w := range g.Mentions {
			total++
			k := j
			for k < len(ms) && !(ms[k].Text == w.Text && ms[k].Type == w.Type && ms[k].Entity == w.Entity && ms[k].Actor == w.Actor) {
				k++
			}
			if k == len(ms) {
				var near []string
				for _, m := range ms {
					if m.Text == w.Text || m.Entity == w.Entity {
						near = append(near, m.Text+"|"+m.Type+"|"+m.Entity+"|"+m.Actor)
					}
				}
				t.Logf("%s#%d: missing %s|%s|%s|%s (have %v)", g.Source, g.Unit, w.Text, w.Type, w.Entity, w.Actor, near)
				continue
			}
			found++
			j = k + 1
		}
		// Must-not-merge names are distinct entities: the entities of
		// mentions written as (or named) one never include the other.
		for _, p := range g.NotSame {
			sets := [2]map[string]bool{{}, {}}
			for k, name := range p {
				for _, m := range ms {
					if m.Text == name || m.Entity == name {
						sets[k][m.Entity] = true
					}
				}
			}
			if len(sets[0]) == 0 || len(sets[1]) == 0 {
				t.Errorf("%s: %q or %q not found", g.Source, p[0], p[1])
			}
			for e := range sets[0] {
				if sets[1][e] {
					t.Errorf("%s: %q and %q merged into %q", g.Source, p[0], p[1], e)
				}
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("gold mentions found: %d/%d (%.3f)", found, total, recall)
	// Known miss: "Vietnam" as a mere travel destination has no actor in
	// the gold, but countries always stand for themselves here.
	if recall < 0.97 {
		t.Errorf("gold mention recall %.3f, want >= 0.97", recall)
	}
}
