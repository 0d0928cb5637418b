package stance

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/golden"
	"github.com/framewatch/framewatch/internal/stats"
	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/text"
	"github.com/framewatch/framewatch/stages/tone"
)

type goldStance struct {
	Pairs []struct {
		Target     string   `json:"target"`
		Hostile    []string `json:"hostile"`
		Favourable []string `json:"favourable"`
	} `json:"pairs"`
	Quoted []struct {
		Source string `json:"source"`
		Unit   int    `json:"unit"`
		Text   string `json:"text"`
		Voice  string `json:"voice"`
	} `json:"quoted"`
}

type goldUnits []struct {
	Source string `json:"source"`
	Units  []struct {
		Kind   string `json:"kind"`
		Outlet string `json:"outlet"`
	} `json:"units"`
}

func readGold(t *testing.T, name string, v any) {
	t.Helper()
	b, err := fs.ReadFile(fixtures.FS, "gold/"+name)
	if err != nil {
		t.Skipf("fixtures gold/%s not available: %v", name, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("gold/%s: %v", name, err)
	}
}

var hardBreak = regexp.MustCompile(`[^\n]\n[^\n]`)

var sectionLine = regexp.MustCompile(`(?m)^.+ \([A-Z]{2}\) /[ \t]*\r?$`)

// fixtureDoc builds a document with units for a plain-text fixture: one
// article unit, or for a press review an intro unit and one review-quote
// unit per "NAME (CC) /" section (the text after that line), with outlets
// from the gold units. The stance test needs no other stage.
func fixtureDoc(t *testing.T, source string, gu goldUnits) *pipeline.Doc {
	t.Helper()
	b, err := fs.ReadFile(fixtures.FS, "corpus/"+source)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	// Stand in for the cleaner: hard line breaks inside a paragraph become
	// spaces (length-preserving, as pipeline.Doc.Clean promises).
	clean := hardBreak.ReplaceAllStringFunc(text, func(m string) string {
		return m[:1] + " " + m[2:]
	})
	d := &pipeline.Doc{ID: source, Text: text, Clean: clean}
	var outlets []string
	for _, g := range gu {
		if g.Source == source {
			for _, u := range g.Units {
				outlets = append(outlets, u.Outlet)
			}
		}
	}
	secs := sectionLine.FindAllStringIndex(text, -1)
	if len(secs) == 0 {
		d.Units = []*pipeline.Unit{{ID: source + "#0", Kind: pipeline.KindArticle, End: len(text)}}
	} else {
		d.Units = append(d.Units, &pipeline.Unit{ID: source + "#0", Kind: pipeline.KindReviewIntro, End: secs[0][0]})
		for i, s := range secs {
			end := len(text)
			if i+1 < len(secs) {
				end = secs[i+1][0]
			}
			d.Units = append(d.Units, &pipeline.Unit{ID: source, Index: i + 1, Kind: pipeline.KindReviewQuote, Start: s[1], End: end})
		}
	}
	for i, u := range d.Units {
		if i < len(outlets) {
			u.Outlet = outlets[i]
		}
	}
	return d
}

func TestFixturesStance(t *testing.T) {
	var gs goldStance
	var gu goldUnits
	readGold(t, "stance.json", &gs)
	readGold(t, "units.json", &gu)
	c, err := New(pipeline.StanceConfig{Targets: []pipeline.Target{{
		Name:    "Russia",
		Aliases: []string{"Russian", "Russians", "Moscow", "Kremlin", "Putin", "Vladimir Putin", "Peskov", "Lavrov"},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, dir := range []string{"papers", "reviews"} {
		ents, err := fs.ReadDir(fixtures.FS, "corpus/"+dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			sources = append(sources, path.Join(dir, e.Name()))
		}
	}
	byOutlet := map[string][]float64{}
	var out bytes.Buffer
	for _, src := range sources {
		d := fixtureDoc(t, src, gu)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, u := range d.Units {
			for _, s := range u.Stances {
				fmt.Fprintf(&out, "%s#%d\t%d\t%s\t%s\t%s\t%s\t%.4f\n", src, u.Index, s.Start, s.Text, s.Target, s.Voice, s.Label, s.Score)
				if s.Voice == pipeline.VoiceOwn {
					byOutlet[u.Outlet] = append(byOutlet[u.Outlet], s.Score)
				}
			}
		}
	}
	golden.Assert(t, "testdata/fixtures_stance.golden", out.Bytes())
	for _, p := range gs.Pairs {
		if p.Target != "Russia" {
			continue
		}
		group := func(names []string) (scores []float64) {
			for _, n := range names {
				m, l, h := stats.Bootstrap(byOutlet[n], stats.BootstrapIters, stats.BootstrapSeed)
				t.Logf("%s: %d own-voice mentions, mean %.3f [%.3f, %.3f] %s", n, len(byOutlet[n]), m, l, h, stats.Label(l, h, len(byOutlet[n])))
				scores = append(scores, byOutlet[n]...)
			}
			return scores
		}
		hm, hl, hh := stats.Bootstrap(group(p.Hostile), 2000, stats.BootstrapSeed)
		fm, fl, fh := stats.Bootstrap(group(p.Favourable), 2000, stats.BootstrapSeed)
		t.Logf("hostile %.3f [%.3f, %.3f]; favourable %.3f [%.3f, %.3f]", hm, hl, hh, fm, fl, fh)
		if !(hh < fl) {
			t.Errorf("hostile outlets %v score %.3f [%.3f, %.3f], not below favourable %v %.3f [%.3f, %.3f]",
				p.Hostile, hm, hl, hh, p.Favourable, fm, fl, fh)
		}
		for _, h := range p.Hostile {
			for _, f := range p.Favourable {
				mh, _, _ := stats.Bootstrap(byOutlet[h], 0, 0)
				mf, _, _ := stats.Bootstrap(byOutlet[f], 0, 0)
				if mh >= mf {
					t.Errorf("%s mean %.3f not below %s mean %.3f", h, mh, f, mf)
				}
			}
		}
	}
}

func TestFixturesVoice(t *testing.T) {
	var gs goldStance
	var gu goldUnits
	readGold(t, "stance.json", &gs)
	readGold(t, "units.json", &gu)
	sort.SliceStable(gs.Quoted, func(i, j int) bool { return gs.Quoted[i].Source < gs.Quoted[j].Source })
	for _, q := range gs.Quoted {
		t.Run(q.Source+"/"+q.Text, func(t *testing.T) {
			d := fixtureDoc(t, q.Source, gu)
			if q.Unit >= len(d.Units) {
				t.Fatalf("unit %d not found", q.Unit)
			}
			u := d.Units[q.Unit]
			body := d.Clean[u.Start:u.End]
			i := strings.Index(body, q.Text)
			if i < 0 {
				t.Fatalf("passage not found in unit")
			}
			spans := voice.Unit(body, u.Kind == pipeline.KindReviewQuote)
			got := voice.Quoted(spans, i, i+len(q.Text))
			if want := q.Voice == "quoted"; got != want {
				t.Errorf("Quoted(%q) = %v, want %v", q.Text, got, want)
			}
		})
	}
}

// TestToneScoresReused checks that the stance of a mention is the same
// whether the tone stage scored its sentence beforehand (the stance stage
// then reads the stored VADER scores) or not (it scores the sentence
// itself): the stored scores must belong to the very sentence used.
func TestToneScoresReused(t *testing.T) {
	var gu goldUnits
	readGold(t, "units.json", &gu)
	tagger, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	toner, err := tone.New()
	if err != nil {
		t.Fatal(err)
	}
	// The units carry no entities: the target is found by its aliases.
	c, err := New(pipeline.StanceConfig{Targets: []pipeline.Target{{
		Name:    "Russia",
		Aliases: []string{"Russian", "Russians", "Moscow", "Kremlin", "Putin", "Peskov", "Lavrov"},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	reused, mentions := 0, 0
	for _, dir := range []string{"papers", "reviews"} {
		ents, err := fs.ReadDir(fixtures.FS, "corpus/"+dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			src := path.Join(dir, e.Name())
			d := fixtureDoc(t, src, gu)
			if err := tagger.Process(ctx, d); err != nil {
				t.Fatal(err)
			}
			if err := toner.Process(ctx, d); err != nil {
				t.Fatal(err)
			}
			if err := c.Process(ctx, d); err != nil {
				t.Fatal(err)
			}
			with := make([][]pipeline.StanceMention, len(d.Units))
			for i, u := range d.Units {
				with[i] = u.Stances
				mentions += len(u.Stances)
				for j := range u.Sentences {
					if u.Sentences[j].Scored {
						reused++
					}
					u.Sentences[j].Scored = false
				}
			}
			if err := c.Process(ctx, d); err != nil {
				t.Fatal(err)
			}
			for i, u := range d.Units {
				if !reflect.DeepEqual(with[i], u.Stances) {
					t.Errorf("%s unit %d: stances with the tone stage's scores\n%v\ndiffer from stances scored by the stance stage\n%v", src, i, with[i], u.Stances)
				}
			}
		}
	}
	if reused == 0 || mentions == 0 {
		t.Errorf("the tone stage scored %d sentences, stance found %d mentions: want both > 0", reused, mentions)
	}
}

// TestZubovNotFavourableToRussia: the Zubov section of the press-review
// fixture is hostile to the Kremlin ("A state that has to buy ammunition
// from Kim Jong Un is not a great power"); its "Putin once promised to
// make Russia great again" is Putin's promise, reported, not Zubov's
// praise, so the section's own voice must not read favourable to Russia.
func TestZubovNotFavourableToRussia(t *testing.T) {
	b, err := fs.ReadFile(fixtures.FS, "corpus/reviews/eurotopics-putin-pyongyang.txt")
	if err != nil {
		t.Fatal(err)
	}
	full := string(b)
	a := strings.Index(full, "Historian Andrey Zubov")
	e := strings.Index(full, "All press reviews")
	if a < 0 || e < a {
		t.Fatal("Zubov section not found in the fixture")
	}
	text := full[a:e]
	d := docWith(text, pipeline.KindReviewQuote, map[string][2]string{
		"Putin": {"Vladimir Putin", "Russia"}, "Russia": {"Russia", "Russia"}, "Kim Jong Un": {"Kim Jong Un", "North Korea"},
	})
	c, err := New(pipeline.StanceConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var own []float64
	for _, m := range d.Units[0].Stances {
		if m.Target == "Russia" && m.Voice == pipeline.VoiceOwn {
			own = append(own, m.Score)
		}
	}
	if len(own) == 0 {
		t.Fatalf("no own-voice mention of Russia: %+v", d.Units[0].Stances)
	}
	var sum float64
	for _, s := range own {
		sum += s
	}
	if lbl := stats.UnitLabel(own); lbl == stats.LabelFavourable || sum/float64(len(own)) > stats.NeutralBand {
		t.Errorf("Zubov toward Russia, own voice: scores %v, label %s: favourable", own, lbl)
	}
}
