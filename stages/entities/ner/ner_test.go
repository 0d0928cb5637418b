package ner_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/stages/entities/ner"
)

const sample = `EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
Smith NNP I-NP B-PER

-DOCSTART- -X- O O

BRUSSELS NNP I-NP I-LOC
`

func TestReadCoNLL(t *testing.T) {
	docs, err := ner.ReadCoNLL(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0]) != 2 || len(docs[1]) != 1 {
		t.Fatalf("ReadCoNLL shape = %d docs, want 2 (2 and 1 sentences)", len(docs))
	}
	var got []string
	for _, y := range docs[0][1].Gold {
		got = append(got, ner.LabelString(y))
	}
	if want := "B-PER I-PER B-PER"; strings.Join(got, " ") != want {
		t.Errorf("IOB1 -> BIO = %q, want %q", strings.Join(got, " "), want)
	}
	if _, err := ner.ReadCoNLL(strings.NewReader("word X-FOO\n")); err == nil {
		t.Error("ReadCoNLL accepted a bad label")
	}
}

func TestSpansAndCounts(t *testing.T) {
	docs, _ := ner.ReadCoNLL(strings.NewReader(sample))
	gold := docs[0][1].Gold
	if got := fmt.Sprint(ner.Spans(gold, nil)); got != "[{0 2 0} {2 3 0}]" {
		t.Errorf("Spans = %s", got)
	}
	var c ner.Counts
	c.Add(gold, gold)
	c.Add(docs[0][0].Gold, make([]uint8, 5))
	p, r, f := c.PRF(-1)
	if p != 1 || r != 0.5 || f < 0.66 || f > 0.67 {
		t.Errorf("PRF = %v %v %v, want 1 0.5 0.667", p, r, f)
	}
}

func TestWriteLoad(t *testing.T) {
	docs, _ := ner.ReadCoNLL(strings.NewReader(sample))
	for _, d := range docs {
		for k := range d {
			d[k].Tags = make([]string, len(d[k].Words))
		}
	}
	m := ner.Train(docs, ner.TrainOptions{Epochs: 3, Seed: 1})
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := ner.Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := m2.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || m2.Features() != m.Features() {
		t.Error("model changed across Write/Load")
	}
	c := m2.Evaluate(docs)
	if _, _, f := c.PRF(-1); f < 0.99 {
		t.Errorf("training-set F1 = %v, want 1", f)
	}
	if _, err := ner.Load(strings.NewReader("junk")); err == nil {
		t.Error("Load accepted junk")
	}
}

func TestList(t *testing.T) {
	for _, name := range []string{ner.ListCountries, ner.ListCities, ner.ListDemonyms, ner.ListOrgs, ner.ListOutlets, ner.ListFirstNames, ner.ListTitles, ner.ListRegions} {
		if len(ner.List(name)) < 50 {
			t.Errorf("List(%q) has %d entries", name, len(ner.List(name)))
		}
	}
}
