package reports

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

// TestScale streams synthetic documents that look like real ones through a
// Writer and logs the peak heap (HeapInuse sampled every 5 ms) during
// Consume and during Close, and the time each takes. It is a manual check
// of the memory bound, not a CI test:
//
//	REPORTS_SCALE=1 go test -run TestScale -v ./reports/
//	REPORTS_SCALE=10000 go test -run TestScale -v ./reports/
//
// (1 means 100,000 documents; any larger number is the document count.)
func TestScale(t *testing.T) {
	env := os.Getenv("REPORTS_SCALE")
	if env == "" {
		t.Skip("set REPORTS_SCALE=1 to stream 100,000 documents")
	}
	n := 100_000
	if v, err := strconv.Atoi(env); err == nil && v > 1 {
		n = v
	}
	dir := filepath.Join(t.TempDir(), "out")
	w, err := NewWriter(dir, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
		}
	})
	defer func() { close(stop); wg.Wait() }()

	g := newScaleGen()
	t0 := time.Now()
	for i := range n {
		if err := w.Consume(context.Background(), g.doc(i)); err != nil {
			t.Fatal(err)
		}
	}
	consumed := time.Since(t0)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%d docs: consume %v, peak heap in use %d MB, live heap after GC %d MB",
		n, consumed.Round(time.Millisecond), peak.Load()>>20, ms.HeapAlloc>>20)
	peak.Store(0)
	t1 := time.Now()
	if err := w.Close(RunInfo{}); err != nil {
		t.Fatal(err)
	}
	closed := time.Since(t1)
	runtime.ReadMemStats(&ms)
	t.Logf("close %v, peak heap in use during close %d MB, sys %d MB",
		closed.Round(time.Millisecond), peak.Load()>>20, ms.Sys>>20)
	fi, _ := os.Stat(filepath.Join(dir, "report.html"))
	fp, _ := os.Stat(filepath.Join(dir, "report.pdf"))
	t.Logf("html %d KB, pdf %d KB", fi.Size()>>10, fp.Size()>>10)
}

// scaleGen makes documents like real ones: a ~3 KB text, 40 outlets, ~12
// entity mentions, ~5 figures, ~6 stance mentions and ~60 terms per unit,
// every annotation string a substring of the document's Text or Clean, as
// the stages make them.
type scaleGen struct {
	rng      *rand.Rand
	outlets  []string
	entities []string
	vocab    []string
	zipf     *rand.Zipf
	entZipf  *rand.Zipf
	counted  []string
}

func newScaleGen() *scaleGen {
	rng := rand.New(rand.NewPCG(3, 5))
	g := &scaleGen{rng: rng}
	syl := []string{"ka", "ro", "mi", "te", "lu", "sa", "vo", "ne", "di", "pa", "zu", "gre", "sto", "bri", "an", "el"}
	word := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		return b.String()
	}
	for i := range 40 {
		g.outlets = append(g.outlets, fmt.Sprintf("The %s %s %d", strings.ToUpper(word(1)[:1])+word(2), "Times", i))
	}
	for range 400 {
		n := word(2)
		g.entities = append(g.entities, strings.ToUpper(n[:1])+n[1:]+" "+strings.ToUpper(word(1)[:1])+word(2))
	}
	seen := map[string]bool{}
	for len(g.vocab) < 30_000 {
		w := word(2 + rng.IntN(3))
		if !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	for range 200 {
		g.counted = append(g.counted, word(2)+" "+word(3)+"s")
	}
	g.zipf = rand.NewZipf(rng, 1.1, 1, uint64(len(g.vocab)-1))
	g.entZipf = rand.NewZipf(rng, 1.2, 1, uint64(len(g.entities)-1))
	return g
}

var scaleUnits = []string{"", "%", "USD", "km", "year"}

func (g *scaleGen) doc(i int) *pipeline.Doc {
	rng := g.rng
	id := fmt.Sprintf("doc%06d", i)
	d := &pipeline.Doc{ID: id, Source: "corpus/" + id + ".txt", Format: "txt", Status: pipeline.StatusOK}
	if i%97 == 5 {
		d.Status, d.Reason = pipeline.StatusSkipped, "empty file"
		return d
	}
	var b strings.Builder
	type span struct{ start, end int }
	put := func(s string) span {
		st := b.Len()
		b.WriteString(s)
		b.WriteByte(' ')
		return span{st, st + len(s)}
	}
	outlet := g.outlets[rng.IntN(len(g.outlets))]
	so := put(outlet)
	st := put("Report " + strconv.Itoa(i) + " on the summit")
	sd := put(fmt.Sprintf("2024-%02d-%02d", 1+i*12/200_000%12, 1+rng.IntN(28)))
	var ents, terms []span
	type figSpan struct {
		val           float64
		unit, cnt, by span
	}
	var figs []figSpan
	var stances []span
	for range 12 {
		ents = append(ents, put(g.entities[g.entZipf.Uint64()]))
	}
	for range 5 {
		f := figSpan{val: float64(1 + rng.IntN(50)), cnt: put(g.counted[rng.IntN(len(g.counted))]),
			by: put(g.entities[g.entZipf.Uint64()])}
		put(strconv.Itoa(int(f.val)))
		f.unit = put(scaleUnits[rng.IntN(len(scaleUnits))])
		figs = append(figs, f)
	}
	for range 6 {
		stances = append(stances, put(testTargets[rng.IntN(len(testTargets))]))
	}
	for range 60 {
		terms = append(terms, put(g.vocab[g.zipf.Uint64()]))
	}
	for b.Len() < 3000 {
		put(g.vocab[g.zipf.Uint64()])
	}
	text := b.String()
	clean := strings.Clone(text)
	sub := func(s span) string { return text[s.start:s.end] }
	u := &pipeline.Unit{ID: id + "#0", Kind: pipeline.KindArticle, Outlet: sub(so), Date: sub(sd), Title: sub(st),
		Start: 0, End: len(text), Words: 500, SentCount: 25}
	for _, e := range ents {
		u.Entities = append(u.Entities, pipeline.Mention{Start: e.start, End: e.end, Text: sub(e), Type: pipeline.EntPerson, Entity: sub(e)})
	}
	for _, f := range figs {
		u.Figures = append(u.Figures, pipeline.Figure{Start: f.cnt.start, End: f.cnt.end, Text: sub(f.cnt), Value: f.val,
			Unit: sub(f.unit), Counted: sub(f.cnt), ClaimedBy: sub(f.by)})
	}
	for k, s := range stances {
		voice := pipeline.VoiceOwn
		if k%3 == 2 {
			voice = pipeline.VoiceQuoted
		}
		u.Stances = append(u.Stances, pipeline.StanceMention{Start: s.start, End: s.end, Text: sub(s), Target: sub(s),
			Voice: voice, Score: rng.Float64()*2 - 1})
	}
	for _, s := range terms {
		u.Terms = append(u.Terms, pipeline.TermCount{Term: clean[s.start:s.end], Count: 1 + rng.IntN(3)})
	}
	u.Tone = &pipeline.Tone{Tone: rng.Float64()*6 - 3, Words: 500}
	for _, f := range testFrames[:3+rng.IntN(5)] {
		u.Frames = append(u.Frames, pipeline.FrameScore{Frame: f, Score: rng.Float64()})
	}
	d.Text, d.Clean = text, clean
	d.Units = []*pipeline.Unit{u}
	return d
}
