package workspace

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

const (
	hashStride  = 1 << 30
	testVersion = "v1"
	testConfig  = "cfg1"
)

// testDoc returns a deterministic analysed document n in variant v (a
// changed text), shaped like a real one: two units, a few dozen
// annotations.
func testDoc(n, v int) *pipeline.Doc {
	text := strings.Repeat(fmt.Sprintf("Report %d, revision %d. Kim Jong-un met Russian officials in Pyongyang. ", n, v), 20)
	d := &pipeline.Doc{
		ID:      fmt.Sprintf("doc-%05d", n),
		Source:  fmt.Sprintf("corpus/wire/doc-%05d.txt", n),
		Format:  "txt",
		Hash:    fmt.Sprintf("%064x", n*hashStride+v),
		Text:    text,
		Clean:   text,
		Meta:    pipeline.Meta{Title: fmt.Sprintf("Story %d", n), Outlet: "Yonhap", Date: "2024-06-19"},
		Status:  pipeline.StatusOK,
		Removed: []pipeline.Removal{{Start: 0, End: 6, Rule: "byline", Text: "Report"}},
	}
	half := len(text) / 2
	for ui, span := range [][2]int{{0, half}, {half, len(text)}} {
		u := &pipeline.Unit{
			ID: fmt.Sprintf("%s#%d", d.ID, ui), Index: ui, Kind: pipeline.KindArticle,
			Outlet: "Yonhap", Country: "South Korea",
			Date:  fmt.Sprintf("2024-06-%02d", 1+(n+ui)%28),
			Start: span[0], End: span[1], Words: 140, SentCount: 10,
			Tone: &pipeline.Tone{Tone: -1.5, Positive: 2, Negative: 3.5, Polarity: 5.5, Words: 140, Mean: -0.1},
		}
		for i := range 10 {
			o := span[0] + i*70
			u.Entities = append(u.Entities, pipeline.Mention{Start: o + 27, End: o + 38, Text: "Kim Jong-un", Type: pipeline.EntPerson, Entity: "Kim Jong-un"})
			u.Tone.Sentences = append(u.Tone.Sentences, float64(i%3)-1)
			u.Stances = append(u.Stances, pipeline.StanceMention{Start: o + 43, End: o + 50, Text: "Russian", Target: "Russia", Voice: pipeline.VoiceOwn, Score: -0.25, Label: "negative"})
			u.Terms = append(u.Terms, pipeline.TermCount{Term: fmt.Sprintf("term%d", i), Count: i + 1})
		}
		u.Figures = []pipeline.Figure{{Start: span[0] + 7, End: span[0] + 8, Text: "1", Value: float64(n), Low: float64(n), High: float64(n), Unit: "", Counted: "reports", ClaimedBy: "Yonhap"}}
		u.Dates = []pipeline.DateMention{{Start: span[0], End: span[0] + 6, Text: "Report", Date: u.Date}}
		u.Frames = []pipeline.FrameScore{{Frame: "security", Score: 0.6}, {Frame: "economy", Score: 0.4}}
		d.Units = append(d.Units, u)
	}
	return d
}

// bare returns what a source emits for testDoc(n, v): no analysis yet.
func bare(n, v int) *pipeline.Doc {
	d := testDoc(n, v)
	d.Units, d.Removed = nil, nil
	return d
}

func key(d *pipeline.Doc) Key { return DocKey(d, testVersion, testConfig) }

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func open(t testing.TB, dir string, opt Options) *Workspace {
	t.Helper()
	w, err := Open(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// rawDB opens the workspace database without the workspace, as another
// reader (WAL allows it while the workspace is open).
func rawDB(t testing.TB, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(dir+"/"+DBFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t testing.TB, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM docs`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// smallPages makes Rest read 7 rows per query, to test paging on few
// documents; the returned func restores the page size.
func smallPages() func() {
	old := restPage
	restPage = 7
	return func() { restPage = old }
}
