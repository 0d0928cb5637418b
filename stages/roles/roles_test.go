package roles

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

// unitOf builds a one-unit document from text with the given entity
// mentions (text, type) and one sentence per line.
func unitOf(text string, ents ...[2]string) *pipeline.Doc {
	d := &pipeline.Doc{ID: "d", Text: text, Clean: text, Status: pipeline.StatusOK}
	u := &pipeline.Unit{ID: "d#0", End: len(text)}
	for _, e := range ents {
		from := 0
		for {
			i := strings.Index(text[from:], e[0])
			if i < 0 {
				break
			}
			s := from + i
			u.Entities = append(u.Entities, pipeline.Mention{Start: s, End: s + len(e[0]), Text: e[0], Type: e[1], Entity: e[0]})
			from = s + len(e[0])
		}
	}
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if line == "" {
			continue
		}
		u.Sentences = append(u.Sentences, pipeline.Sentence{Start: start, End: start + len(line)})
		start += len(line)
	}
	d.Units = []*pipeline.Unit{u}
	return d
}

func TestActors(t *testing.T) {
	d := unitOf("Fossil fuel companies lobbied against the rule, Acme said.\nFarmers in Iowa lost their crops to drought.\nAcme praised the farmers.\n",
		[2]string{"Acme", pipeline.EntOrg}, [2]string{"Iowa", pipeline.EntGPE})
	s := NewWithModel(nil)
	s.fillWords(d)
	var got []string
	for _, a := range s.Actors(d.Units[0]) {
		got = append(got, a.Name+"/"+a.Kind)
	}
	want := "Acme/ORG,farmers/stakeholder:public,fossil fuel companies/stakeholder:industry,climate policy/stakeholder:policy,Iowa/GPE,extreme weather/stakeholder:nature"
	if strings.Join(got, ",") != want {
		t.Errorf("Actors = %s\nwant     %s", strings.Join(got, ","), want)
	}
}

func TestProcessRolesAndEvidence(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := unitOf("Farmers lost their homes and crops to the floods.\nThe oil companies blamed for the damage refused to pay.\nFarmers suffered again.\n")
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	u := d.Units[0]
	if len(u.Roles) == 0 || len(u.Roles) > MaxActors {
		t.Fatalf("Roles = %+v, want 1 to %d", u.Roles, MaxActors)
	}
	for _, r := range u.Roles {
		switch r.Role {
		case pipeline.RoleHero, pipeline.RoleVillain, pipeline.RoleVictim, pipeline.RoleNone:
		default:
			t.Errorf("role %q of %s", r.Role, r.Actor)
		}
		if r.Score <= 0 || r.Score > 1 {
			t.Errorf("score %v of %s", r.Score, r.Actor)
		}
		// The evidence is a whole sentence mentioning the actor.
		ev := d.Text[r.Start:r.End]
		if !strings.HasSuffix(ev, "\n") {
			t.Errorf("evidence of %s = %q, want a sentence", r.Actor, ev)
		}
	}
	if u.Roles[0].Actor != "farmers" {
		t.Errorf("first actor = %s, want the most mentioned, farmers", u.Roles[0].Actor)
	}
}

func TestModelRoundTrip(t *testing.T) {
	exs := []Example{
		{Feats: []string{"s:blamed", "t:ORG"}, Class: 2},
		{Feats: []string{"s:praised", "t:ORG"}, Class: 1},
		{Feats: []string{"s:lost", "t:stakeholder:public"}, Class: 3},
		{Feats: []string{"s:said", "t:ORG"}, Class: 0},
	}
	m := Train(exs, TrainOptions{MinCount: 1, L2: 1e-3, Iters: 200, Rate: 2})
	var buf bytes.Buffer
	if err := WriteModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	r, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, ex := range exs {
		p := r.Probs(ex)
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		if best != ex.Class {
			t.Errorf("example %d: class %d after a round trip, want %d (%v)", i, best, ex.Class, p)
		}
	}
	if _, err := ReadModel(strings.NewReader("not gzip")); err == nil {
		t.Error("ReadModel of garbage succeeded")
	}
}

func BenchmarkRoles(b *testing.B) {
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	line := "Fossil fuel companies lobbied against the rule in Iowa, Acme said, while farmers lost crops to drought.\n"
	text := strings.Repeat(line, 50)
	d := unitOf(text, [2]string{"Acme", pipeline.EntOrg}, [2]string{"Iowa", pipeline.EntGPE})
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Units[0].LexWords = nil // split the words each time, as in a run without frames
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
