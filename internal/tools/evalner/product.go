package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/framewatch/framewatch/stages/entities/ner"
)

// productStages are the stages the product runs up to and including
// entities, in pipeline order; the later stages do not touch mentions.
var productStages = []string{"clean", "outlets", "lang", "text", "entities"}

// gold is one gold entity: a byte span of the built document and its
// CoNLL type (an index into ner.Types).
type gold struct {
	Start, End, Type int
}

// built is one CoNLL document rendered as news text, with its gold spans.
type built struct {
	Text string
	Gold []gold
}

// noSpaceBefore are tokens written against the word before them.
var noSpaceBefore = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "!": true, "?": true, ")": true, "]": true, "}": true,
	"%": true, "'s": true, "'S": true, "n't": true, "N'T": true, "'re": true, "'ve": true, "'ll": true,
	"'d": true, "'m": true, "...": true,
}

// noSpaceAfter are tokens written against the word after them.
var noSpaceAfter = map[string]bool{"(": true, "[": true, "{": true, "$": true}

// buildDoc renders one CoNLL document as a wire story would read: tokens
// detokenised (no space before "," "." ")" and the like, none after "(",
// double quotes attached to the words they enclose), one paragraph per
// sentence, so that the headline and the dateline ("LONDON 1996-08-30")
// stand on their own lines. Gold entities become byte spans of that text.
func buildDoc(doc []ner.Sentence) built {
	var b strings.Builder
	var out built
	for k, s := range doc {
		if k > 0 {
			b.WriteString("\n\n")
		}
		starts := make([]int, len(s.Words))
		open := false // inside a double quotation
		glue := true  // no space before the next token
		for i, w := range s.Words {
			quote := w == `"`
			closing := quote && open
			if !glue && !noSpaceBefore[w] && !closing {
				b.WriteByte(' ')
			}
			starts[i] = b.Len()
			b.WriteString(w)
			glue = noSpaceAfter[w] || quote && !open
			if quote {
				open = !open
			}
		}
		for _, sp := range ner.Spans(s.Gold, nil) {
			last := s.Words[sp.End-1]
			out.Gold = append(out.Gold, gold{Start: starts[sp.Start], End: starts[sp.End-1] + len(last), Type: sp.Type})
		}
	}
	b.WriteByte('\n')
	out.Text = b.String()
	return out
}

// typeIndex maps framewatch's entity types onto CoNLL's (an index into
// ner.Types): PERSON = PER; ORG and OUTLET = ORG; GPE and LOC = LOC; NORP
// and MISC = MISC.
func typeIndex(t string) int {
	switch t {
	case pipeline.EntPerson:
		return 0
	case pipeline.EntOrg, pipeline.EntOutlet:
		return 1
	case pipeline.EntGPE, pipeline.EntLoc:
		return 2
	}
	return 3
}

// productStagesOf builds the stages as framewatch run does and keeps those
// up to and including entities.
func productStagesOf(cfg pipeline.Config) ([]pipeline.Stage, error) {
	all, err := analysis.Stages(cfg)
	if err != nil {
		return nil, err
	}
	var st []pipeline.Stage
	for _, s := range all {
		if slices.Contains(productStages, s.Name()) {
			st = append(st, s)
		}
	}
	return st, nil
}

// productRun writes docs as .txt files into a temporary folder and runs
// them through ingest and the product's stages (built by analysis.Stages,
// as framewatch run builds them), then scores every mention against the
// gold spans: exact byte span and type. Mistakes are written to errs when
// it is not nil.
func productRun(ctx context.Context, docs [][]ner.Sentence, cfg pipeline.Config, errs io.Writer) (ner.Counts, error) {
	var c ner.Counts
	dir, err := os.MkdirTemp("", "evalner-")
	if err != nil {
		return c, fmt.Errorf("evalner: %w", err)
	}
	defer os.RemoveAll(dir)
	golds := map[string]built{}
	for i, d := range docs {
		bd := buildDoc(d)
		name := fmt.Sprintf("doc%04d.txt", i)
		golds[name] = bd
		if err := os.WriteFile(filepath.Join(dir, name), []byte(bd.Text), 0o644); err != nil {
			return c, fmt.Errorf("evalner: %w", err)
		}
	}
	st, err := productStagesOf(cfg)
	if err != nil {
		return c, err
	}
	// A duplicate text is not analysed again: it is scored with the
	// mentions of its first copy, as the product would count it.
	byHash := map[string][]pipeline.Mention{}
	seen := 0
	sink := pipeline.SinkFunc(func(_ context.Context, d *pipeline.Doc) error {
		name := filepath.Base(d.Source)
		bd, ok := golds[name]
		if !ok {
			return fmt.Errorf("evalner: unexpected document %s", d.Source)
		}
		seen++
		var ms []pipeline.Mention
		switch d.Status {
		case pipeline.StatusOK:
			for _, u := range d.Units {
				ms = append(ms, u.Entities...)
			}
			byHash[d.Hash] = ms
		case pipeline.StatusDuplicate:
			ms = byHash[d.Hash]
		default:
			fmt.Fprintf(os.Stderr, "evalner: %s %s: %s\n", name, d.Status, d.Reason)
		}
		score(&c, name, bd, ms, errs)
		return nil
	})
	src := &ingest.Source{Paths: []string{dir}, Config: cfg.Ingest}
	if _, err := pipeline.Run(ctx, src, st, sink, pipeline.Options{}); err != nil {
		return c, err
	}
	if seen != len(docs) {
		return c, fmt.Errorf("evalner: %d documents written, %d came back", len(docs), seen)
	}
	return c, nil
}

// score adds one document's matches to c.
func score(c *ner.Counts, name string, bd built, ms []pipeline.Mention, errs io.Writer) {
	want := map[gold]bool{}
	for _, g := range bd.Gold {
		want[g] = true
	}
	got := map[gold]bool{}
	for _, m := range ms {
		p := gold{Start: m.Start, End: m.End, Type: typeIndex(m.Type)}
		if got[p] {
			continue
		}
		got[p] = true
		if want[p] {
			c.TP[p.Type]++
			continue
		}
		c.FP[p.Type]++
		if errs != nil {
			fmt.Fprintf(errs, "FP %s %s %q | %s\n", name, ner.Types[p.Type], bd.Text[p.Start:p.End], lineOf(bd.Text, p))
		}
	}
	for _, g := range bd.Gold {
		if got[g] {
			continue
		}
		c.FN[g.Type]++
		if errs != nil {
			fmt.Fprintf(errs, "FN %s %s %q | %s\n", name, ner.Types[g.Type], bd.Text[g.Start:g.End], lineOf(bd.Text, g))
		}
	}
}

// lineOf returns the line around span g, for error listings.
func lineOf(text string, g gold) string {
	a := strings.LastIndexByte(text[:g.Start], '\n') + 1
	b := strings.IndexByte(text[g.End:], '\n')
	if b < 0 {
		b = len(text)
	} else {
		b += g.End
	}
	return text[a:b]
}
