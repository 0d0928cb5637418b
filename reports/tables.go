package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/framewatch/framewatch/internal/stats"
	"github.com/framewatch/framewatch/pipeline"
)

// table is one aggregate table: a gota frame with a fixed column order and
// a deterministic row order, written as <Name>.csv and <Name>.json.
type table struct {
	Name  string
	Title string
	df    dataframe.DataFrame
	rows  [][]string
}

// Columns returns the column names in order.
func (t *table) Columns() []string { return t.df.Names() }

// Len returns the number of rows.
func (t *table) Len() int { return t.df.Nrow() }

// figureColumns are the float columns that hold a cited figure: they are
// written as the figure is, not with four decimals ("1200000000000", not
// "1200000000000.0000"), as figures.csv writes them.
var figureColumns = map[string]bool{"value": true, "value_low": true, "value_high": true}

// Rows returns every row formatted as in the CSV file: floats with four
// decimals (NaN as ""; figureColumns as the figure is), integers, booleans and strings as they are. The
// rows are computed once; gota copies a whole column on every Col call.
func (t *table) Rows() [][]string {
	if t.rows != nil || t.Len() == 0 {
		return t.rows
	}
	n, m := t.df.Dims()
	cols := make([][]string, m)
	for j, name := range t.df.Names() {
		s := t.df.Col(name)
		cols[j] = make([]string, n)
		switch s.Type() {
		case series.Float:
			format := f4
			if figureColumns[name] {
				format = fnum
			}
			for i, v := range s.Float() {
				cols[j][i] = format(v)
			}
		case series.Int:
			vs, err := s.Int()
			for i := range cols[j] {
				if err == nil {
					cols[j][i] = strconv.Itoa(vs[i])
				} else if e := s.Elem(i); !e.IsNA() {
					v, _ := e.Int()
					cols[j][i] = strconv.Itoa(v)
				}
			}
		case series.Bool:
			vs, err := s.Bool()
			for i := range cols[j] {
				if err == nil {
					cols[j][i] = strconv.FormatBool(vs[i])
				}
			}
		default:
			copy(cols[j], s.Records())
		}
	}
	t.rows = make([][]string, n)
	for i := range n {
		row := make([]string, m)
		for j := range m {
			row[j] = cols[j][i]
		}
		t.rows[i] = row
	}
	return t.rows
}

func (t *table) writeCSV(w io.Writer) error {
	cw := newCSVWriter(w)
	if err := cw.Write(t.Columns()); err != nil {
		return err
	}
	if err := cw.WriteAll(t.Rows()); err != nil {
		return err
	}
	return cw.Error()
}

// writeJSON writes the table as an array of objects whose keys keep the
// column order; numbers have the CSV's precision, missing numbers are null.
func (t *table) writeJSON(w io.Writer) error {
	var b bytes.Buffer
	cols := t.Columns()
	types := t.df.Types()
	keys := make([]string, len(cols))
	for j, c := range cols {
		keys[j] = jsonString(c)
	}
	b.WriteString("[")
	for i, row := range t.Rows() {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, v := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(keys[j])
			b.WriteString(": ")
			switch types[j] {
			case series.Float, series.Int, series.Bool:
				if v == "" {
					v = "null"
				}
				b.WriteString(v)
			default:
				b.WriteString(jsonString(v))
			}
		}
		b.WriteString("}")
	}
	if t.Len() > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return `""`
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// frame builds a gota frame from columns, sorts it by order (a stable
// sort; gota builds grouped rows from a map, so every table is sorted
// before it is written) and selects cols in that order.
func frame(cols []series.Series, order []dataframe.Order, sel []string) (dataframe.DataFrame, error) {
	df := dataframe.New(cols...)
	if df.Err != nil {
		return df, fmt.Errorf("reports: %w", df.Err)
	}
	return arrange(df, order, sel)
}

// arrange sorts df by order and selects sel. gota v0.12.0's Arrange
// mis-sorts with three or more keys (from the third key on it subsets the
// column by the previous pass's relative permutation), so arrange applies
// one stable single-key Arrange per key, last key first, which gives the
// lexicographic order.
func arrange(df dataframe.DataFrame, order []dataframe.Order, sel []string) (dataframe.DataFrame, error) {
	if df.Nrow() > 1 {
		for i := len(order) - 1; i >= 0; i-- {
			df = df.Arrange(order[i])
			if df.Err != nil {
				return df, fmt.Errorf("reports: arrange: %w", df.Err)
			}
		}
	}
	df = df.Select(sel)
	if df.Err != nil {
		return df, fmt.Errorf("reports: select: %w", df.Err)
	}
	return df, nil
}

func strs(name string, v []string) series.Series    { return series.New(v, series.String, name) }
func ints(name string, v []int) series.Series       { return series.New(v, series.Int, name) }
func floats(name string, v []float64) series.Series { return series.New(v, series.Float, name) }
func bools(name string, v []bool) series.Series     { return series.New(v, series.Bool, name) }

// buildTables computes every aggregate table, in the order the reports show
// them.
func buildTables(a *aggregates, cfg pipeline.Config) ([]*table, error) {
	builders := []struct {
		name, title string
		fn          func(*aggregates, pipeline.Config) (dataframe.DataFrame, error)
	}{
		{"overview", "Outlets", overviewTable},
		{"stance", "Stance by outlet and target", stanceTable},
		{"frames", "Frame shares by outlet", framesTable},
		{"sources", "Who gets a voice: sources by outlet", sourcesTable},
		{"news_frames", "Generic news frames by outlet", newsFramesTable},
		{"actor_roles", "Actor roles by outlet", rolesTable},
		{"top_entities", "Top entities by outlet", topEntitiesTable},
		{"distinctive_terms", "Distinctive terms by outlet", termsTable},
		{"claims", "Figures cited across outlets", claimsTable},
		{"failures", "Documents not fully analysed", failuresTable},
		{"outlets_unmatched", "Outlet names not in the registry", outletsUnmatchedTable},
		{"languages", "Languages by outlet", languagesTable},
		{"trends_tone", "Tone over time", trendsToneTable},
		{"trends_stance", "Stance over time", trendsStanceTable},
		{"coverage", "Coverage over time", coverageTable},
		{"syndication", "Stories several outlets carry (syndicated copy)", syndicationTable},
		{"syndication_outlets", "Own and syndicated copy by outlet", syndicationOutletsTable},
	}
	var out []*table
	for _, b := range builders {
		df, err := b.fn(a, cfg)
		if err != nil {
			return nil, fmt.Errorf("reports: table %s: %w", b.name, err)
		}
		out = append(out, &table{Name: b.name, Title: b.title, df: df})
	}
	return out, nil
}

func findTable(ts []*table, name string) *table {
	for _, t := range ts {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// targets returns every stance target seen, sorted.
func (a *aggregates) targets() []string {
	set := map[string]bool{}
	for k := range a.stance {
		set[k.target] = true
	}
	return sortedKeys(set)
}

func (a *aggregates) outletNames() []string { return sortedKeys(a.outlets) }

// mentionsColumn names the overview column counting mentions of target.
func mentionsColumn(target string) string { return "mentions_" + target }

func overviewTable(a *aggregates, cfg pipeline.Config) (dataframe.DataFrame, error) {
	names := a.outletNames()
	targets := a.targets()
	n := len(names)
	country, first, last := make([]string, n), make([]string, n), make([]string, n)
	units, words, toneN, figs, smen := make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	tone, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n)
	sample := make([]string, n)
	per := make([][]int, len(targets))
	for t := range per {
		per[t] = make([]int, n)
	}
	for i, name := range names {
		o := a.outlets[name]
		country[i], first[i], last[i] = o.country, o.first, o.last
		units[i], words[i], toneN[i], figs[i] = o.units, o.words, len(o.tones), o.figures
		sample[i] = sampleOf(name, o.units, minUnits(cfg))
		if len(o.tones) > 0 {
			tone[i], lo[i], hi[i] = stats.Bootstrap(o.tones, stats.BootstrapIters, stats.BootstrapSeed)
		} else {
			tone[i], lo[i], hi[i] = math.NaN(), math.NaN(), math.NaN()
		}
		for t, target := range targets {
			c := a.stance[stanceKey{name, target, pipeline.VoiceOwn}].len() + a.stance[stanceKey{name, target, pipeline.VoiceQuoted}].len()
			per[t][i] = c
			smen[i] += c
		}
	}
	cols := []series.Series{strs("outlet", names), strs("country", country), ints("units", units), ints("words", words),
		strs("first_date", first), strs("last_date", last), floats("tone", tone), floats("tone_low", lo), floats("tone_high", hi),
		ints("tone_units", toneN), ints("figures", figs), ints("stance_mentions", smen), strs("sample", sample)}
	sel := []string{"outlet", "country", "units", "words", "first_date", "last_date", "tone", "tone_low", "tone_high", "tone_units", "figures", "stance_mentions", "sample"}
	for t, target := range targets {
		cols = append(cols, ints(mentionsColumn(target), per[t]))
		sel = append(sel, mentionsColumn(target))
	}
	return frame(cols, []dataframe.Order{dataframe.Sort("outlet")}, sel)
}

// stanceVoices are the voices of stance.csv; "all" pools own and quoted.
var stanceVoices = []string{"all", pipeline.VoiceOwn, pipeline.VoiceQuoted}

func stanceTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	var outlet, target, voice, lbl []string
	var score, lo, hi, rel, relLo, relHi []float64
	var men []int
	names := a.outletNames()
	targets := a.targets()
	// corpus[t][v] pools every outlet's scores of target t in voice v:
	// the sample an outlet's relative score is measured against.
	corpus := make([][][]float32, len(targets))
	for ti, t := range targets {
		corpus[ti] = make([][]float32, len(stanceVoices))
		for _, name := range names {
			own := a.stance[stanceKey{name, t, pipeline.VoiceOwn}]
			quoted := a.stance[stanceKey{name, t, pipeline.VoiceQuoted}]
			corpus[ti][1] = own.appendTo(corpus[ti][1])
			corpus[ti][2] = quoted.appendTo(corpus[ti][2])
			corpus[ti][0] = quoted.appendTo(own.appendTo(corpus[ti][0]))
		}
	}
	for _, name := range names {
		for ti, t := range targets {
			own := a.stance[stanceKey{name, t, pipeline.VoiceOwn}].appendTo(nil)
			quoted := a.stance[stanceKey{name, t, pipeline.VoiceQuoted}].appendTo(nil)
			for vi, v := range stanceVoices {
				var xs []float32
				switch v {
				case "all":
					xs = append(slices.Clone(own), quoted...)
				case pipeline.VoiceOwn:
					xs = own
				default:
					xs = quoted
				}
				if len(xs) == 0 {
					continue
				}
				m, l, h := stats.Bootstrap(xs, stats.BootstrapIters, stats.BootstrapSeed)
				r, rl, rh := stats.BootstrapDiff(xs, corpus[ti][vi], stats.BootstrapIters, stats.BootstrapSeed)
				outlet, target, voice = append(outlet, name), append(target, t), append(voice, v)
				score, lo, hi = append(score, m), append(lo, l), append(hi, h)
				rel, relLo, relHi = append(rel, r), append(relLo, rl), append(relHi, rh)
				men = append(men, len(xs))
				lbl = append(lbl, stats.Label(l, h, len(xs)))
			}
		}
	}
	// Other voices a stage may report are pooled into "all" only.
	return frame([]series.Series{strs("outlet", outlet), strs("target", target), strs("voice", voice), floats("score", score),
		floats("low", lo), floats("high", hi), ints("mentions", men), strs("label", lbl),
		floats("relative", rel), floats("relative_low", relLo), floats("relative_high", relHi)},
		[]dataframe.Order{dataframe.Sort("outlet"), dataframe.Sort("target")},
		[]string{"outlet", "target", "voice", "score", "low", "high", "mentions", "label", "relative", "relative_low", "relative_high"})
}

func framesTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	names := a.outletNames()
	fcols := frameColumns(a.frames)
	units := make([]int, len(names))
	shares := make([][]float64, len(fcols))
	for j := range shares {
		shares[j] = make([]float64, len(names))
	}
	for i, name := range names {
		o := a.outlets[name]
		units[i] = o.frameUnits
		var total float64
		for _, f := range fcols {
			total += o.frameSum[f]
		}
		for j, f := range fcols {
			if total > 0 {
				shares[j][i] = o.frameSum[f] / total
			}
		}
	}
	cols := []series.Series{strs("outlet", names), ints("units", units)}
	sel := []string{"outlet", "units"}
	for j, f := range fcols {
		cols = append(cols, floats(f, shares[j]))
		sel = append(sel, f)
	}
	return frame(cols, []dataframe.Order{dataframe.Sort("outlet")}, sel)
}

func topN(cfg pipeline.Config) int {
	if cfg.Report.TopEntities > 0 {
		return cfg.Report.TopEntities
	}
	return 10
}

func topEntitiesTable(a *aggregates, cfg pipeline.Config) (dataframe.DataFrame, error) {
	var outlet, entity, typ []string
	var rank, men, units []int
	for _, name := range a.outletNames() {
		o := a.outlets[name]
		keys := make([]entityKey, 0, len(o.entities))
		for k := range o.entities {
			// An outlet naming itself (bylines, copyright lines) says
			// nothing about its coverage.
			if k.typ == pipeline.EntOutlet && k.entity == name {
				continue
			}
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(x, y entityKey) int {
			cx, cy := o.entities[x], o.entities[y]
			if cx.mentions != cy.mentions {
				return cy.mentions - cx.mentions
			}
			return cmpStrings(x.entity, y.entity, x.typ, y.typ)
		})
		for i, k := range keys[:min(len(keys), topN(cfg))] {
			outlet, entity, typ = append(outlet, name), append(entity, k.entity), append(typ, k.typ)
			rank, men, units = append(rank, i+1), append(men, o.entities[k].mentions), append(units, o.entities[k].units)
		}
	}
	return frame([]series.Series{strs("outlet", outlet), ints("rank", rank), strs("entity", entity), strs("type", typ),
		ints("mentions", men), ints("units", units)},
		[]dataframe.Order{dataframe.Sort("outlet"), dataframe.Sort("rank")},
		[]string{"outlet", "rank", "entity", "type", "mentions", "units"})
}

// termsPerOutlet is how many distinctive terms each outlet lists.
const termsPerOutlet = 15

func termsTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	var outlet, term []string
	var z []float64
	var count, rank []int
	for _, name := range a.outletNames() {
		o := a.outlets[name]
		scores := stats.FightinScores(o.terms, o.termTotal, a.terms, a.vocab, stats.FightinAlpha0)
		for i, s := range scores[:min(len(scores), termsPerOutlet)] {
			outlet, term, z = append(outlet, name), append(term, s.Term), append(z, s.Z)
			count, rank = append(count, s.Count), append(rank, i+1)
		}
	}
	return frame([]series.Series{strs("outlet", outlet), strs("term", term), floats("z", z), ints("count", count), ints("rank", rank)},
		[]dataframe.Order{dataframe.Sort("outlet"), dataframe.Sort("rank")},
		[]string{"outlet", "term", "z", "count", "rank"})
}

func claimsTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	cs := groupClaims(a.figureKeys)
	n := len(cs)
	id, unit, counted, outlets, by := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	val, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n)
	nout, men, news := make([]int, n), make([]int, n), make([]int, n)
	conflict := make([]bool, n)
	why := make([]string, n)
	for i, c := range cs {
		news[i], why[i] = c.News, strings.Join(c.Why, "; ")
		id[i], unit[i], counted[i] = c.ID, c.Unit, c.Counted
		outlets[i], by[i] = strings.Join(c.Outlets, "; "), strings.Join(c.ClaimedBy, "; ")
		val[i], lo[i], hi[i] = c.Value, c.Low, c.High
		nout[i], men[i], conflict[i] = len(c.Outlets), c.Mentions, c.Conflict
	}
	return frame([]series.Series{strs("claim_id", id), floats("value", val), floats("value_low", lo), floats("value_high", hi),
		strs("unit", unit), strs("counted", counted), ints("outlets", nout), strs("outlet_list", outlets), strs("claimed_by", by),
		ints("mentions", men), bools("conflict", conflict), ints("news", news), strs("news_reasons", why)},
		[]dataframe.Order{dataframe.Sort("claim_id")},
		[]string{"claim_id", "value", "value_low", "value_high", "unit", "counted", "outlets", "outlet_list", "claimed_by", "mentions", "conflict",
			"news", "news_reasons"})
}

// failureRows lists every document that was not fully analysed: skipped
// and failed inputs with their reason, and one row per stage error.
// Duplicates are analysed once and are not failures.
func failureRows(docs []docRow) (rows [][5]string) {
	for _, d := range docs {
		if d.Status != pipeline.StatusOK && d.Status != pipeline.StatusDuplicate {
			rows = append(rows, [5]string{d.ID, d.Source, string(d.Status), "", d.Reason})
		}
		for _, e := range d.Errors {
			rows = append(rows, [5]string{d.ID, d.Source, string(d.Status), e.Stage, e.Err})
		}
		for _, u := range d.SkippedUnits {
			rows = append(rows, [5]string{d.ID, d.Source, string(pipeline.StatusSkipped), "lang", "unit " + u.UnitID + ": " + u.Reason})
		}
	}
	return rows
}

// languagesTable counts units per outlet and language (ISO 639-1, "und"
// when too short to tell), and says whether that language is analysed, so
// that a reader sees what the other tables leave out.
func languagesTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	keys := make([]langKey, 0, len(a.langs))
	for k := range a.langs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y langKey) int { return cmpStrings(x.outlet, y.outlet, x.lang, y.lang) })
	n := len(keys)
	outlet, lang, units, analysed := make([]string, n), make([]string, n), make([]int, n), make([]bool, n)
	for i, k := range keys {
		c := a.langs[k]
		outlet[i], lang[i], units[i], analysed[i] = k.outlet, k.lang, c.units, c.analysed
	}
	return frame([]series.Series{strs("outlet", outlet), strs("language", lang), ints("units", units), bools("analysed", analysed)},
		[]dataframe.Order{dataframe.Sort("outlet"), dataframe.Sort("language")},
		[]string{"outlet", "language", "units", "analysed"})
}

func failuresTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	rows := failureRows(a.failed)
	cols := make([][]string, 5)
	for _, r := range rows {
		for j := range cols {
			cols[j] = append(cols[j], r[j])
		}
	}
	names := []string{"doc_id", "source", "status", "stage", "error"}
	ss := make([]series.Series, 5)
	for j := range ss {
		ss[j] = strs(names[j], cols[j])
	}
	// Input order is already deterministic and is what a reader expects.
	return frame(ss, nil, names)
}
