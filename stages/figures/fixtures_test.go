package figures

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/golden"
	"github.com/framewatch/framewatch/pipeline"
)

type goldFigures struct {
	Source  string `json:"source"`
	Record  int    `json:"record"`
	Unit    int    `json:"unit"`
	Figures []struct {
		Text      string  `json:"text"`
		Value     float64 `json:"value"`
		Low       float64 `json:"low"`
		High      float64 `json:"high"`
		Unit      string  `json:"unit"`
		Counted   string  `json:"counted"`
		Bound     string  `json:"bound"`
		ClaimedBy string  `json:"claimed_by"`
	} `json:"figures"`
	Dates []struct {
		Text string `json:"text"`
		Date string `json:"date"`
	} `json:"dates"`
	NotFigures []string `json:"not_figures"`
}

type goldUnits struct {
	Source string `json:"source"`
	Record int    `json:"record"`
	Units  []struct {
		Kind   string `json:"kind"`
		Outlet string `json:"outlet"`
		Date   string `json:"date"`
	} `json:"units"`
}

type goldEntities struct {
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

// locate finds the gold mentions in text in order, tolerating hard wraps,
// as the entity stage would report them.
func locate(text string, g goldEntities) []pipeline.Mention {
	var out []pipeline.Mention
	from := 0
	for _, m := range g.Mentions {
		s, e := find(text, m.Text, from)
		if s < 0 {
			continue
		}
		out = append(out, pipeline.Mention{Start: s, End: e, Text: text[s:e], Type: m.Type, Entity: m.Entity, Actor: m.Actor})
		from = s + 1
	}
	return out
}

// find locates phrase in text from byte from, any whitespace run matching
// a space.
func find(text, phrase string, from int) (int, int) {
	words := strings.Fields(phrase)
	for from < len(text) {
		k := strings.Index(text[from:], words[0])
		if k < 0 {
			return -1, -1
		}
		start := from + k
		end := start + len(words[0])
		ok := true
		for _, w := range words[1:] {
			n := end
			for n < len(text) && (text[n] == ' ' || text[n] == '\n' || text[n] == '\r') {
				n++
			}
			if n == end || !strings.HasPrefix(text[n:], w) {
				ok = false
				break
			}
			end = n + len(w)
		}
		if ok {
			return start, end
		}
		from = start + 1
	}
	return -1, -1
}

var (
	tagRe    = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	sectionR = regexp.MustCompile(`(?m)^.+ \([A-Z]{2}\) /\s*$`)
)

// fixtureText returns the text of a gold entry's document, or of its
// review section when the entry names a review unit: the figures stage
// sees whole documents here, since stages may not import the outlets stage.
func fixtureText(t *testing.T, source string, record, unit int) string {
	t.Helper()
	b, err := fixtures.FS.ReadFile("corpus/" + source)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case strings.HasSuffix(source, ".jsonl"):
		line := bytes.Split(b, []byte("\n"))[record-1]
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"text", "body"} {
			if s, ok := m[k].(string); ok && s != "" {
				return s
			}
		}
		t.Fatalf("%s:%d: no text", source, record)
	case strings.HasSuffix(source, ".csv"):
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := 0
		for i, h := range rows[0] {
			if h == "body" || h == "text" {
				col = i
			}
		}
		return rows[record][col]
	case strings.HasSuffix(source, ".html"):
		return html.UnescapeString(tagRe.ReplaceAllString(string(b), " "))
	case strings.HasPrefix(source, "reviews/") && unit > 0:
		s := string(b)
		locs := sectionR.FindAllStringIndex(s, -1)
		if unit-1 >= len(locs) {
			t.Fatalf("%s: no review section %d", source, unit)
		}
		end := len(s)
		if unit < len(locs) {
			end = locs[unit][0]
		}
		return s[locs[unit-1][1]:end]
	}
	return string(b)
}

// joinLines blanks single line breaks as the cleaner does, keeping length.
func joinLines(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == '\n' && !(i+1 < len(b) && b[i+1] == '\n') && !(i > 0 && b[i-1] == '\n') {
			b[i] = ' '
		}
	}
	return string(b)
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestFixturesGold(t *testing.T) {
	var gold []goldFigures
	var units []goldUnits
	var ents []goldEntities
	for name, v := range map[string]any{"gold/figures.json": &gold, "gold/units.json": &units, "gold/entities.json": &ents} {
		b, err := fixtures.FS.ReadFile(name)
		if err != nil {
			t.Skipf("fixtures: %v", err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
	}
	x, err := New(pipeline.FigureConfig{})
	if err != nil {
		t.Fatal(err)
	}
	// Counted phrases and claimants are judged as a whole: the gold asks
	// for some that need more than rules ("duty for Geely" from "7.8% for
	// Tesla, 20% for Geely"), so the test holds the agreement rate.
	var figs, counted, claimed int
	defer func() {
		if figs == 0 {
			return
		}
		c, cl := float64(counted)/float64(figs), float64(claimed)/float64(figs)
		t.Logf("counted agree %d/%d (%.2f), claimed_by agree %d/%d (%.2f)", counted, figs, c, claimed, figs, cl)
		if c < 0.58 || cl < 0.78 {
			t.Errorf("counted agreement %.2f (want >= 0.58), claimed_by agreement %.2f (want >= 0.78)", c, cl)
		}
	}()
	for _, g := range gold {
		t.Run(fmt.Sprintf("%s:%d#%d", g.Source, g.Record, g.Unit), func(t *testing.T) {
			text := fixtureText(t, g.Source, g.Record, g.Unit)
			unit := &pipeline.Unit{Start: 0, End: len(text)}
			for _, u := range units {
				if u.Source == g.Source && u.Record == g.Record && g.Unit < len(u.Units) {
					w := u.Units[g.Unit]
					unit.Date, unit.Kind, unit.Outlet = w.Date, w.Kind, w.Outlet
				}
			}
			for _, e := range ents {
				if e.Source == g.Source && e.Record == g.Record && e.Unit == g.Unit {
					unit.Entities = locate(text, e)
				}
			}
			d := &pipeline.Doc{ID: g.Source, Text: text, Clean: joinLines(text), Units: []*pipeline.Unit{unit}}
			if err := x.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			u := d.Units[0]
			for _, w := range g.Figures {
				// The same text may occur twice (headline and body): take
				// the occurrence that agrees best with the gold.
				var got *pipeline.Figure
				best := -1
				for i := range u.Figures {
					f := &u.Figures[i]
					if collapse(f.Text) != w.Text {
						continue
					}
					score := 0
					if f.ClaimedBy == w.ClaimedBy {
						score += 2
					}
					if collapse(f.Counted) == w.Counted {
						score++
					}
					if score > best {
						got, best = f, score
					}
				}
				if got == nil {
					t.Errorf("figure %q not found; got %s", w.Text, figureTexts(u.Figures))
					continue
				}
				lo, hi := got.Low, got.High
				if got.Bound != pipeline.BoundRange {
					lo, hi = 0, 0
				}
				if !close(got.Value, w.Value) && !(w.Bound == pipeline.BoundRange && close(lo, w.Low)) ||
					!close(lo, w.Low) || !close(hi, w.High) || got.Unit != w.Unit || got.Bound != w.Bound {
					t.Errorf("figure %q = %v [%v,%v] %q %q, want %v [%v,%v] %q %q",
						w.Text, got.Value, lo, hi, got.Unit, got.Bound, w.Value, w.Low, w.High, w.Unit, w.Bound)
				}
				figs++
				if collapse(got.Counted) != w.Counted {
					t.Logf("figure %q counted %q, gold %q", w.Text, got.Counted, w.Counted)
				} else {
					counted++
				}
				if got.ClaimedBy != w.ClaimedBy {
					t.Logf("figure %q claimed by %q, gold %q", w.Text, got.ClaimedBy, w.ClaimedBy)
				} else {
					claimed++
				}
			}
			for _, w := range g.Dates {
				found := false
				for _, dm := range u.Dates {
					if collapse(dm.Text) == w.Text || strings.Contains(collapse(dm.Text), w.Text) {
						found = true
						if dm.Date != w.Date {
							t.Errorf("date %q = %q, want %q", w.Text, dm.Date, w.Date)
						}
						break
					}
				}
				if !found {
					t.Errorf("date %q not found; got %s", w.Text, dateTexts(u.Dates))
				}
			}
			flat := collapse(d.Text)
			for _, nf := range g.NotFigures {
				if !strings.Contains(flat, nf) {
					t.Errorf("not-figure %q is not in the text", nf)
					continue
				}
				for _, f := range u.Figures {
					ft := collapse(f.Text)
					if strings.Contains(nf, ft) && inside(d.Text, f, nf) {
						t.Errorf("not-figure %q extracted as figure %q", nf, ft)
					}
				}
			}
		})
	}
}

// inside reports whether figure f lies within an occurrence of nf.
func inside(text string, f pipeline.Figure, nf string) bool {
	words := strings.Fields(nf)
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], words[0])
		if k < 0 {
			return false
		}
		start := from + k
		end := start
		ok := true
		for _, w := range words {
			for end < len(text) && (text[end] == ' ' || text[end] == '\n' || text[end] == '\r' || text[end] == '\t') {
				end++
			}
			if !strings.HasPrefix(text[end:], w) {
				ok = false
				break
			}
			end += len(w)
		}
		if ok && f.Start >= start && f.End <= end {
			return true
		}
		from = start + 1
	}
	return false
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func figureTexts(fs []pipeline.Figure) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, " %q", collapse(f.Text))
	}
	return b.String()
}

func dateTexts(ds []pipeline.DateMention) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, " %q=%s", collapse(d.Text), d.Date)
	}
	return b.String()
}

// TestFixturesGolden records every figure and date the stage finds in the
// gold-annotated fixture units, so that any change in behaviour shows.
func TestFixturesGolden(t *testing.T) {
	var gold []goldFigures
	b, err := fixtures.FS.ReadFile("gold/figures.json")
	if err != nil {
		t.Skipf("fixtures: %v", err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	x, err := New(pipeline.FigureConfig{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	out.WriteString("source\tkind\tstart\tend\ttext\tvalue\tlow\thigh\tunit\tbound\tcounted\tclaimed_by\n")
	for _, g := range gold {
		text := fixtureText(t, g.Source, g.Record, g.Unit)
		d := &pipeline.Doc{Text: text, Clean: joinLines(text),
			Units: []*pipeline.Unit{{Start: 0, End: len(text), Date: "2024-06-19"}}}
		if err := x.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%s:%d#%d", g.Source, g.Record, g.Unit)
		for _, f := range d.Units[0].Figures {
			fmt.Fprintf(&out, "%s\tfigure\t%d\t%d\t%s\t%.6g\t%.6g\t%.6g\t%s\t%s\t%s\t%s\n", name, f.Start, f.End,
				collapse(f.Text), f.Value, f.Low, f.High, f.Unit, f.Bound, collapse(f.Counted), f.ClaimedBy)
		}
		for _, dm := range d.Units[0].Dates {
			fmt.Fprintf(&out, "%s\tdate\t%d\t%d\t%s\t%s\n", name, dm.Start, dm.End, collapse(dm.Text), dm.Date)
		}
	}
	golden.Assert(t, "testdata/fixtures.golden", out.Bytes())
}
