package syndication

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

const wire = "Leaders of the European Union agreed on Thursday to extend sanctions against Russia for another six months, diplomats said after a summit in Brussels. " +
	"The decision, which needs no further vote, keeps in place restrictions on banks, energy companies and exports of military technology that were first imposed in 2014. " +
	"Hungary had threatened to block the extension but relented after talks with the Commission president late on Wednesday, two officials told reporters. " +
	"The sanctions will now run until the end of July, when the bloc's 27 governments must decide again whether to renew them."

const other = "The city council adopted its budget for next year on Wednesday after a debate that lasted well into the night. " +
	"Spending on schools rises by four percent while the road maintenance fund is frozen at this year's level, and the opposition voted against it, " +
	"saying the plan relies on optimistic forecasts of tax revenue and on the sale of two car parks that the council has tried to sell for a decade without success."

func items() []Item {
	return []Item{
		{ID: "b/1", Outlet: "Beta", Date: "2026-12-03", Sketch: Sign("BRUSSELS (Wire) - " + wire + " Reporting by Jan Novak.")},
		{ID: "a/1", Outlet: "Alpha", Date: "2026-12-03", Sketch: Sign(wire)},
		{ID: "c/1", Outlet: "Gamma", Date: "2026-12-04", Sketch: Sign(strings.Replace(wire, "two officials told reporters", "officials said", 1))},
		{ID: "a/2", Outlet: "Alpha", Date: "2026-12-02", Sketch: Sign(other)},
		{ID: "a/3", Outlet: "Alpha", Date: "2026-12-02", Sketch: Sign(other + " Updated.")}, // one outlet's own copies
		{ID: "d/1", Outlet: "Delta", Date: "2026-12-01", Sketch: Sign("Short wire brief.")},
	}
}

func TestClustersWireCopy(t *testing.T) {
	its := items()
	cs := Clusters(its, 0.5)
	if len(cs) != 1 {
		t.Fatalf("Clusters = %d clusters, want the one wire story", len(cs))
	}
	c := cs[0]
	var ids []string
	for _, i := range c.Members {
		ids = append(ids, its[i].ID)
	}
	if got := strings.Join(ids, " "); got != "a/1 b/1 c/1" {
		t.Errorf("members = %s, want a/1 (earliest, first by id) b/1 c/1", got)
	}
	if got := strings.Join(c.Outlets, " "); got != "Alpha Beta Gamma" {
		t.Errorf("outlets = %s", got)
	}
	if c.Similarity < 0.6 || c.Similarity >= 1 {
		t.Errorf("similarity = %.3f, want high but below 1 (the copies are edited)", c.Similarity)
	}
}

func TestClustersOrderIndependent(t *testing.T) {
	want := describe(items(), Clusters(items(), 0.5))
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 20 {
		its := items()
		r.Shuffle(len(its), func(i, j int) { its[i], its[j] = its[j], its[i] })
		if got := describe(its, Clusters(its, 0.5)); got != want {
			t.Fatalf("shuffle %d: %s, want %s", n, got, want)
		}
	}
}

func describe(its []Item, cs []Cluster) string {
	var b strings.Builder
	for _, c := range cs {
		for _, i := range c.Members {
			b.WriteString(its[i].ID + " ")
		}
		fmt.Fprintf(&b, "%.4f; ", c.Similarity)
	}
	return b.String()
}

func TestSimilarity(t *testing.T) {
	for _, tt := range []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{"same", wire, wire, 1, 1},
		{"case and punctuation", wire, strings.ToUpper(strings.ReplaceAll(wire, ",", "")), 1, 1},
		{"unrelated", wire, other, 0, 0.1},
		{"too short", "a few words", "a few words", 0, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if s := Similarity(Sign(tt.a), Sign(tt.b)); s < tt.lo || s > tt.hi {
				t.Errorf("Similarity = %.3f, want [%g, %g]", s, tt.lo, tt.hi)
			}
		})
	}
}

func TestSignStable(t *testing.T) {
	// Sketches are stored with analyses: they must not change between
	// builds. The first slots of a fixed text pin the hash seeds.
	if got, want := fmt.Sprint(Sign(wire)[:4]), "[34862676 601980 2641355 3976634]"; got != want {
		t.Fatalf("Sign(wire)[:4] = %s, want %s: stored sketches would no longer match", got, want)
	}
}

func BenchmarkSign(b *testing.B) {
	text := strings.Repeat(wire+" ", 5)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sign(text)
	}
}

// BenchmarkClusters clusters 10,000 units: varied copies of two stories and
// of unrelated texts across 40 outlets, as a bench corpus of varied
// fixtures gives the report step.
func BenchmarkClusters(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields(wire + " " + other)
	var its []Item
	for i := range 10000 {
		var text string
		switch i % 3 {
		case 0:
			text = strings.Replace(wire, "Thursday", words[rng.IntN(len(words))], 1)
		case 1:
			text = strings.Replace(other, "Wednesday", words[rng.IntN(len(words))], 1)
		default:
			ws := make([]string, 60)
			for k := range ws {
				ws[k] = words[rng.IntN(len(words))]
			}
			text = strings.Join(ws, " ")
		}
		its = append(its, Item{ID: fmt.Sprint("u", i), Outlet: fmt.Sprint("outlet", i%40), Date: "2026-12-01", Sketch: Sign(text)})
	}
	b.ResetTimer()
	for b.Loop() {
		Clusters(its, 0.5)
	}
}

// naiveLinks is the components Clusters must find: every item compared
// with every earlier item of each of its buckets.
func naiveLinks(items []Item, threshold float64) map[string]string {
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	buckets := map[[rows + 1]uint32][]int{}
	for i, it := range items {
		for b := range bands {
			var k [rows + 1]uint32
			k[0] = uint32(b)
			copy(k[1:], it.Sketch[b*rows:(b+1)*rows])
			for _, j := range buckets[k] {
				if items[j].Outlet != it.Outlet && Similarity(it.Sketch, items[j].Sketch) >= threshold {
					parent[find(i)] = find(j)
				}
			}
			buckets[k] = append(buckets[k], i)
		}
	}
	// Each item named by the smallest ID of its component.
	least := map[int]string{}
	for i, it := range items {
		r := find(i)
		if l, ok := least[r]; !ok || it.ID < l {
			least[r] = it.ID
		}
	}
	out := map[string]string{}
	for i, it := range items {
		out[it.ID] = least[find(i)]
	}
	return out
}

// TestClustersAsComparingAll checks the grouped buckets against comparing
// every pair of a bucket, on varied copies across outlets.
func TestClustersAsComparingAll(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields(wire + " " + other)
	var its []Item
	for i := range 900 {
		base := []string{wire, other}[i%2]
		ws := strings.Fields(base)
		for range rng.IntN(12) {
			ws[rng.IntN(len(ws))] = words[rng.IntN(len(words))]
		}
		its = append(its, Item{ID: fmt.Sprintf("u%03d", i), Outlet: fmt.Sprint("o", rng.IntN(7)), Date: "2026-12-01", Sketch: Sign(strings.Join(ws, " "))})
	}
	want := naiveLinks(its, 0.5)
	got := map[string]string{}
	for _, c := range Clusters(its, 0.5) {
		l := its[c.Members[0]].ID
		for _, m := range c.Members {
			l = min(l, its[m].ID)
		}
		for _, m := range c.Members {
			got[its[m].ID] = l
		}
	}
	n := 0
	for id, w := range want {
		// Clusters lists only components spanning two outlets.
		if g, ok := got[id]; ok && g != w || !ok && countOf(want, w) > 1 && outletsOf(its, want, w) > 1 {
			t.Errorf("%s: in the cluster of %q, want %q", id, g, w)
			if n++; n > 5 {
				break
			}
		}
	}
	if len(got) < 100 {
		t.Fatalf("only %d items clustered: the test corpus has no syndication", len(got))
	}
}

func countOf(m map[string]string, v string) (n int) {
	for _, x := range m {
		if x == v {
			n++
		}
	}
	return n
}

func outletsOf(its []Item, comp map[string]string, v string) int {
	os := map[string]bool{}
	for _, it := range its {
		if comp[it.ID] == v {
			os[it.Outlet] = true
		}
	}
	return len(os)
}
