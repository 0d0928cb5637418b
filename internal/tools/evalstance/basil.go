package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/reports"
)

// basilArticle is one BASIL article file.
type basilArticle struct {
	Source       string     `json:"source"`
	Title        string     `json:"title"`
	Date         string     `json:"date"`
	UUID         string     `json:"uuid"`
	Triplet      string     `json:"triplet-uuid"`
	MainEntities []string   `json:"main-entities"`
	Paragraphs   [][]string `json:"body-paragraphs"`
}

// basilAnn is one BASIL annotation file.
type basilAnn struct {
	Article map[string]string `json:"article-level-annotations"`
	Phrases []struct {
		Txt    string `json:"txt"`
		Start  int    `json:"start"`
		End    int    `json:"end"`
		Target string `json:"target"`
		Quote  string `json:"quote"`
	} `json:"phrase-level-annotations"`
}

// basilDoc is an article as framewatch reads it: the paragraphs separated
// by blank lines, the sentences of a paragraph by a space.
type basilDoc struct {
	art   basilArticle
	ann   basilAnn
	text  string
	sents [][]int // sents[p][s]: offset of sentence s of paragraph p
}

func readBasil(dir string) ([]*basilDoc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "articles", "*", "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	var out []*basilDoc
	for _, p := range paths {
		d := &basilDoc{}
		if err := readJSON(p, &d.art); err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "articles"), p)
		annPath := filepath.Join(dir, "annotations", strings.TrimSuffix(rel, ".json")+"_ann.json")
		if err := readJSON(annPath, &d.ann); err != nil {
			return nil, err
		}
		var b strings.Builder
		for pi, para := range d.art.Paragraphs {
			if pi > 0 {
				b.WriteString("\n\n")
			}
			offs := make([]int, len(para))
			for si, s := range para {
				if si > 0 {
					b.WriteString(" ")
				}
				offs[si] = b.Len()
				b.WriteString(s)
			}
			d.sents = append(d.sents, offs)
		}
		d.text = b.String()
		out = append(out, d)
	}
	return out, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// basilTargets configures one stance target per main entity of the corpus,
// as an analyst would: the full name, and its last word as an alias when no
// other main entity shares it ("Trump", "Pelosi").
func basilTargets(docs []*basilDoc) []pipeline.Target {
	names := map[string]bool{}
	for _, d := range docs {
		for _, e := range d.art.MainEntities {
			names[strings.TrimSpace(e)] = true
		}
	}
	last := map[string]int{}
	for n := range names {
		f := strings.Fields(n)
		if len(f) > 1 {
			last[strings.ToLower(f[len(f)-1])]++
		}
	}
	var out []pipeline.Target
	for n := range names {
		t := pipeline.Target{Name: n, Entities: []string{n}}
		if f := strings.Fields(n); len(f) > 1 && last[strings.ToLower(f[len(f)-1])] == 1 && len(f[len(f)-1]) > 3 {
			t.Aliases = []string{f[len(f)-1]}
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b pipeline.Target) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// basilItem is one article × main entity with its human feeling.
type basilItem struct {
	outlet, entity string
	gold           int // 0 negative, 1 neutral, 2 positive
	pred, vader    int
	score          float64
	hasScore       bool
	n              int // own-voice mentions
	own, quoted    []float64
}

// runBasil runs the product's analysis chain on basil-dev and prints the
// article-level, outlet-ordering and voice figures.
func runBasil(dir string, stdout, voiceErrors, itemsOut io.Writer) error {
	docs, err := readBasil(dir)
	if err != nil {
		return fmt.Errorf("evalstance: %w", err)
	}
	cfg := pipeline.DefaultConfig()
	cfg.Stance.Targets = basilTargets(docs)
	stages, err := analysis.Stages(cfg)
	if err != nil {
		return fmt.Errorf("evalstance: %w", err)
	}
	ctx := context.Background()
	var items []basilItem
	var agree, spans int
	for i, bd := range docs {
		d := &pipeline.Doc{ID: fmt.Sprintf("basil-%d", i), Source: bd.art.UUID, Format: "txt", Text: bd.text,
			Meta: pipeline.Meta{Title: bd.art.Title, Outlet: bd.art.Source, Date: bd.art.Date}}
		for _, st := range stages {
			if err := st.Process(ctx, d); err != nil {
				return fmt.Errorf("evalstance: %s: %s: %w", bd.art.UUID, st.Name(), err)
			}
		}
		for _, e := range bd.art.MainEntities {
			e = strings.TrimSpace(e)
			g, ok := bd.ann.Article["author_feeling_"+strings.ReplaceAll(e, " ", "_")]
			if !ok {
				continue
			}
			it := basilItem{outlet: bd.art.Source, entity: e, gold: classOf(g), pred: 1, vader: 1}
			var scores, comps []float64
			for _, u := range d.Units {
				for _, m := range u.Stances {
					if m.Target == e && m.Voice != pipeline.VoiceOwn {
						it.quoted = append(it.quoted, m.Score)
					}
					if m.Target != e || m.Voice != pipeline.VoiceOwn {
						continue
					}
					scores = append(scores, m.Score)
					it.own = append(it.own, m.Score)
					for _, s := range u.Sentences {
						if s.Start <= m.Start && m.End <= s.End {
							comps = append(comps, s.VComp)
							break
						}
					}
				}
			}
			if len(scores) > 0 {
				mean, _, _, lbl := reports.UnitStance(scores)
				it.score, it.hasScore, it.n = mean, true, len(scores)
				switch lbl {
				case reports.LabelFavourable:
					it.pred = 2
				case reports.LabelAgainst:
					it.pred = 0
				}
			}
			if len(comps) > 0 {
				var c float64
				for _, x := range comps {
					c += x
				}
				c /= float64(len(comps))
				if c >= 0.05 {
					it.vader = 2
				} else if c <= -0.05 {
					it.vader = 0
				}
			}
			items = append(items, it)
		}
		// Voice: each phrase span's quoted / own voice, as the stance stage
		// decides it for a mention at that place.
		for _, u := range d.Units {
			speech := voice.NewSpeech(d.Text[u.Start:u.End])
			for _, p := range bd.ann.Phrases {
				a, ok := bd.locate(p.Txt, p.Start)
				if !ok || a < u.Start || a+len(p.Txt) > u.End {
					continue
				}
				q := speech.Quoted(a-u.Start, a+len(p.Txt)-u.Start)
				spans++
				if q == (p.Quote == "yes") {
					agree++
				} else if voiceErrors != nil {
					fmt.Fprintf(voiceErrors, "voice-miss gold=%s got=%v %q\n\tin %q\n", p.Quote, q, p.Txt, sentenceAround(d.Text, a))
				}
			}
		}
	}
	if itemsOut != nil {
		for _, it := range items {
			fmt.Fprintf(itemsOut, "item\t%s\t%s\t%d\t%d\t%.4f\t%v\t%d\t%s\t%s\n", it.outlet, it.entity, it.gold, it.pred, it.score, it.hasScore, it.n, floats(it.own), floats(it.quoted))
		}
	}
	golds := make([]int, len(items))
	preds := make([]int, len(items))
	vaders := make([]int, len(items))
	major := make([]int, len(items))
	counts := [3]int{}
	for i, it := range items {
		golds[i], preds[i], vaders[i] = it.gold, it.pred, it.vader
		counts[it.gold]++
	}
	mc := 0
	for k := range 3 {
		if counts[k] > counts[mc] {
			mc = k
		}
	}
	for i := range major {
		major[i] = mc
	}
	fmt.Fprintf(stdout, "eval basil-dev article_items %d\n", len(items))
	fmt.Fprintf(stdout, "eval basil-dev article_macro_f1 %.4f\n", macroF1(golds, preds))
	fmt.Fprintf(stdout, "eval basil-dev-majority article_macro_f1 %.4f\n", macroF1(golds, major))
	fmt.Fprintf(stdout, "eval basil-dev-vader article_macro_f1 %.4f\n", macroF1(golds, vaders))
	for _, o := range ordering(items) {
		fmt.Fprintf(stdout, "eval basil-dev ordering_%s %d\n", strings.ReplaceAll(o.entity, " ", "_"), o.right)
		fmt.Fprintf(stdout, "eval basil-dev ordering_%s_detail %s\n", strings.ReplaceAll(o.entity, " ", "_"), o.detail)
	}
	if spans > 0 {
		fmt.Fprintf(stdout, "eval basil-dev voice_spans %d\n", spans)
		fmt.Fprintf(stdout, "eval basil-dev voice_agreement %.4f\n", float64(agree)/float64(spans))
	}
	return nil
}

// sentenceAround is the paragraph holding offset a, for error listings.
func sentenceAround(text string, a int) string {
	lo := strings.LastIndex(text[:a], "\n\n")
	hi := strings.Index(text[a:], "\n\n")
	if hi < 0 {
		hi = len(text) - a
	}
	return text[lo+1 : a+hi]
}

// locate finds a phrase span in the document: the sentence holding txt at
// offset start.
func (bd *basilDoc) locate(txt string, start int) (int, bool) {
	if txt == "" {
		return 0, false
	}
	for pi, para := range bd.art.Paragraphs {
		for si, s := range para {
			if start >= 0 && start+len(txt) <= len(s) && s[start:start+len(txt)] == txt {
				return bd.sents[pi][si] + start, true
			}
		}
	}
	// Offsets may count characters rather than bytes: the first sentence
	// holding the text.
	for pi, para := range bd.art.Paragraphs {
		for si, s := range para {
			if k := strings.Index(s, txt); k >= 0 {
				return bd.sents[pi][si] + k, true
			}
		}
	}
	return 0, false
}

func classOf(s string) int {
	switch s {
	case "neg":
		return 0
	case "pos":
		return 2
	}
	return 1
}

// macroF1 is the unweighted mean F1 over the three classes.
func macroF1(gold, pred []int) float64 {
	var conf [3][3]int
	for i := range gold {
		conf[gold[i]][pred[i]]++
	}
	var sum float64
	for k := range 3 {
		tp := float64(conf[k][k])
		var fp, fn float64
		for j := range 3 {
			if j != k {
				fp += float64(conf[j][k])
				fn += float64(conf[k][j])
			}
		}
		if tp > 0 {
			p, r := tp/(tp+fp), tp/(tp+fn)
			sum += 2 * p * r / (p + r)
		}
	}
	return sum / 3
}

type orderResult struct {
	entity string
	right  int
	detail string
}

// ordering compares, for the three entities that are most often a main
// entity, the outlets' mean human feeling (−1, 0, +1) with their mean
// own-voice score: a pair of outlets is right when both order it the same
// way (a human tie is right when the scores differ by less than 0.05).
func ordering(items []basilItem) []orderResult {
	n := map[string]int{}
	for _, it := range items {
		n[it.entity]++
	}
	ents := make([]string, 0, len(n))
	for e := range n {
		ents = append(ents, e)
	}
	slices.SortFunc(ents, func(a, b string) int {
		if c := cmp.Compare(n[b], n[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	outlets := []string{"fox", "hpo", "nyt"}
	var out []orderResult
	for _, e := range ents[:min(3, len(ents))] {
		gold := map[string][2]float64{}
		pred := map[string][2]float64{}
		for _, it := range items {
			if it.entity != e {
				continue
			}
			g := gold[it.outlet]
			gold[it.outlet] = [2]float64{g[0] + float64(it.gold-1), g[1] + 1}
			p := pred[it.outlet]
			pred[it.outlet] = [2]float64{p[0] + it.score, p[1] + 1}
		}
		mean := func(m map[string][2]float64, o string) float64 {
			if m[o][1] == 0 {
				return math.NaN()
			}
			return m[o][0] / m[o][1]
		}
		r := orderResult{entity: e}
		var det []string
		for _, o := range outlets {
			det = append(det, fmt.Sprintf("%s:human=%+.2f,fw=%+.2f", o, mean(gold, o), mean(pred, o)))
		}
		r.detail = strings.Join(det, ";")
		for i := range outlets {
			for j := i + 1; j < len(outlets); j++ {
				dg := mean(gold, outlets[i]) - mean(gold, outlets[j])
				dp := mean(pred, outlets[i]) - mean(pred, outlets[j])
				switch {
				case math.IsNaN(dg) || math.IsNaN(dp):
				case dg == 0 && math.Abs(dp) < 0.05, dg*dp > 0:
					r.right++
				}
			}
		}
		out = append(out, r)
	}
	return out
}

func floats(xs []float64) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%.3f", x)
	}
	return b.String()
}
