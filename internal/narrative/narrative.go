// Package narrative reads the narrative-framing evaluation data
// (Frermann et al. 2023: climate-change articles coded by people with five
// generic news frames and the actors they cast as hero, villain or victim)
// and runs its articles through framewatch's own pipeline, so that
// training (internal/tools/trainframes) and evaluation
// (internal/tools/evalframes) see exactly what `framewatch run` computes.
package narrative

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/framewatch/framewatch/stages/frames"
	"github.com/framewatch/framewatch/stages/roles"
)

// Codes are the data's frame columns in frames.NewsIDs order.
var Codes = [5]string{"CO", "HI", "EC", "MO", "RE"}

// Article is one coded article.
type Article struct {
	ID, Source, Date, Text string
	Labels                 [5]bool // frames.NewsIDs order
}

// OutletKey is the source as one outlet: lower case, letters and digits
// only, so that "The Huffington Post" and "thehuffingtonpost" are one.
func (a Article) OutletKey() string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, a.Source)
}

// Role is one coded actor role.
type Role struct {
	ID, Entity, Group, Role string
}

func readTSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("narrative: %s: %w", path, err)
		}
		rows = append(rows, rec)
	}
}

// Read reads articles_metadata.tsv and role_and_frame_annoations.tsv from
// dir. Rows with the wrong number of fields are skipped and counted.
func Read(dir string) (arts []Article, roles []Role, skipped int, err error) {
	rows, err := readTSV(filepath.Join(dir, "articles_metadata.tsv"))
	if err != nil {
		return nil, nil, 0, err
	}
	if len(rows) == 0 {
		return nil, nil, 0, fmt.Errorf("narrative: articles_metadata.tsv is empty")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, need := range append([]string{"ID", "source", "date", "text"}, Codes[:]...) {
		if _, ok := col[need]; !ok {
			return nil, nil, 0, fmt.Errorf("narrative: articles_metadata.tsv: no %s column", need)
		}
	}
	for _, r := range rows[1:] {
		if len(r) != len(rows[0]) || strings.TrimSpace(r[col["text"]]) == "" {
			skipped++
			continue
		}
		a := Article{ID: r[col["ID"]], Source: r[col["source"]], Date: r[col["date"]], Text: r[col["text"]]}
		for f, c := range Codes {
			a.Labels[f] = r[col[c]] == "True"
		}
		arts = append(arts, a)
	}
	rrows, err := readTSV(filepath.Join(dir, "role_and_frame_annoations.tsv"))
	if err != nil {
		return nil, nil, 0, err
	}
	for i, r := range rrows {
		if i == 0 {
			continue
		}
		if len(r) < 4 {
			skipped++
			continue
		}
		roles = append(roles, Role{ID: r[0], Entity: r[1], Group: r[2], Role: r[3]})
	}
	return arts, roles, skipped, nil
}

// Unit is what the pipeline found in one article.
type Unit struct {
	Article  Article
	Example  frames.NewsExample // Labels set from the article
	Frames   []pipeline.FrameScore
	News     []pipeline.NewsFrame
	Entities []pipeline.Mention
	Stances  []pipeline.StanceMention
	Text     string // the unit's body
	Start    int    // the unit's offset in the document
	// Roles are the roles stage's output; Actors every actor of the unit
	// (most mentioned first, so Roles covers the first roles.MaxActors)
	// and RoleExamples their role-model examples, in Actors order.
	Roles        []pipeline.ActorRole
	Actors       []roles.Actor
	RoleExamples []roles.Example
}

// Analyse writes arts as JSON Lines into a temporary folder and runs them
// through ingest and every analysis stage (analysis.Stages with the
// default configuration), returning one Unit per article that came
// through with exactly one unit, in input order.
func Analyse(ctx context.Context, arts []Article) ([]Unit, error) {
	tmp, err := os.MkdirTemp("", "framewatch-narrative-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "narrative.jsonl")
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	enc := json.NewEncoder(f)
	byID := map[string]Article{}
	for _, a := range arts {
		byID[a.ID] = a
		if err := enc.Encode(map[string]string{"id": a.ID, "outlet": a.Source, "date": a.Date, "text": a.Text}); err != nil {
			f.Close()
			return nil, err
		}
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	cfg := pipeline.DefaultConfig()
	st, err := analysis.Stages(cfg)
	if err != nil {
		return nil, err
	}
	actors := roles.NewWithModel(nil)
	var out []Unit
	sink := pipeline.SinkFunc(func(_ context.Context, d *pipeline.Doc) error {
		a, ok := byID[d.ID]
		if !ok || d.Status != pipeline.StatusOK || len(d.Units) != 1 {
			return nil
		}
		u := d.Units[0]
		ex := frames.NewsExampleOf(u.LexWords, u.Frames)
		ex.Labels = a.Labels
		nu := Unit{Article: a, Example: ex, Frames: u.Frames, News: u.NewsFrames,
			Entities: u.Entities, Stances: u.Stances, Text: d.Body()[u.Start:u.End], Start: u.Start, Roles: u.Roles}
		nu.Actors = actors.Actors(u)
		for _, act := range nu.Actors {
			nu.RoleExamples = append(nu.RoleExamples, roles.ExampleOf(u, act))
		}
		out = append(out, nu)
		return nil
	})
	src := &ingest.Source{Paths: []string{path}, Config: cfg.Ingest}
	if _, err := pipeline.Run(ctx, src, st, sink, pipeline.Options{}); err != nil {
		return nil, err
	}
	return out, nil
}
