package workspace

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/framewatch/framewatch/pipeline"
)

func docBytes(b *testing.B) int64 {
	j, err := json.Marshal(testDoc(1, 0))
	if err != nil {
		b.Fatal(err)
	}
	return int64(len(j))
}

// BenchmarkSave measures storing one analysed document (JSON encoding,
// batched upsert, amortised commit).
func BenchmarkSave(b *testing.B) {
	w := open(b, b.TempDir(), Options{})
	defer w.Close()
	const n = 4096
	ds := make([]*docKey, n)
	for i := range n {
		d := testDoc(i, 0)
		ds[i] = &docKey{d: d, k: key(d)}
	}
	b.SetBytes(docBytes(b))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		dk := ds[i%n]
		if err := w.Save(dk.d, dk.k); err != nil {
			b.Fatal(err)
		}
		i++
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRestore measures restoring one committed document: index
// lookup, one prepared query, JSON decoding.
func BenchmarkRestore(b *testing.B) {
	dir := b.TempDir()
	w := open(b, dir, Options{})
	const n = 1024
	ds := make([]*docKey, n)
	for i := range n {
		d := testDoc(i, 0)
		ds[i] = &docKey{d: bare(i, 0), k: key(d)}
		if err := w.Save(d, ds[i].k); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	w = open(b, dir, Options{})
	defer w.Close()
	b.SetBytes(docBytes(b))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		dk := ds[i%n]
		dk.d.Units, dk.d.Cached = nil, false
		if ok, err := w.Restore(dk.d, dk.k); !ok || err != nil {
			b.Fatalf("Restore = %v, %v", ok, err)
		}
		i++
	}
}

// BenchmarkRestoreMiss measures the cost of a document that is not stored:
// a map lookup.
func BenchmarkRestoreMiss(b *testing.B) {
	w := open(b, b.TempDir(), Options{})
	defer w.Close()
	d := bare(1, 0)
	k := key(d)
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := w.Restore(d, k); ok || err != nil {
			b.Fatalf("Restore = %v, %v", ok, err)
		}
	}
}

// BenchmarkDocKey measures hashing a document for its Key.
func BenchmarkDocKey(b *testing.B) {
	d := bare(1, 0)
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		DocKey(d, testVersion, testConfig)
	}
}

type docKey struct {
	d *pipeline.Doc
	k Key
}

// BenchmarkCorpus10k measures a whole corpus of 10,000 documents: saving
// every result (a first run's workspace cost) and, after reopening,
// restoring every one (an unchanged re-run's cost). Report per corpus.
func BenchmarkCorpus10k(b *testing.B) {
	const n = 10000
	docs := make([]*pipeline.Doc, n)
	bares := make([]*pipeline.Doc, n)
	keys := make([]Key, n)
	for i := range n {
		docs[i] = testDoc(i, 0)
		bares[i] = bare(i, 0)
		keys[i] = key(docs[i])
	}
	dir := b.TempDir()
	b.Run("save", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			os.RemoveAll(dir)
			w := open(b, dir, Options{})
			for i, d := range docs {
				if err := w.Save(d, keys[i]); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("restore", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			w := open(b, dir, Options{})
			for i, d := range bares {
				d.Units, d.Removed, d.Cached = nil, nil, false
				if ok, err := w.Restore(d, keys[i]); !ok || err != nil {
					b.Fatalf("Restore = %v, %v", ok, err)
				}
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
