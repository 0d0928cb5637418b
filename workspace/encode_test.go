package workspace

import (
	"bytes"
	"context"
	stdjson "encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
)

// TestEncodeLikeEncodingJSON checks that Encode (goccy/go-json, for speed)
// writes exactly what encoding/json writes, and that what it writes
// decodes to the same document with either, for fully analysed fixture
// articles and for awkward strings and numbers: stored results must not
// depend on which encoder wrote them.
func TestEncodeLikeEncodingJSON(t *testing.T) {
	stages, err := analysis.Stages(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	texts, _ := fixtures.Articles()
	src := pipeline.SourceFunc(func(ctx context.Context, emit func(*pipeline.Doc) error) error {
		for i, text := range texts {
			d := &pipeline.Doc{ID: string(rune('a' + i%26)), Source: "fixture", Format: "txt", Text: text}
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	})
	var docs []*pipeline.Doc
	sink := pipeline.SinkFunc(func(_ context.Context, d *pipeline.Doc) error {
		docs = append(docs, d)
		return nil
	})
	if _, err := pipeline.Run(context.Background(), src, stages, sink, pipeline.Options{}); err != nil {
		t.Fatal(err)
	}
	odd := testDoc(7, 1)
	odd.Meta.Title = "<b>Tom & Jerry</b> \u2028 \u2029 \x00 \"quoted\" \\ \t é 🙂 \xff"
	odd.Meta.Extra = map[string]string{"z": "1", "a": "2", "M": "<3"}
	odd.Units[0].Figures[0].Value = 1e21
	odd.Units[0].Figures[0].Low = 1e-7
	odd.Units[0].Figures[0].High = math.Copysign(0, -1)
	odd.Units[0].Tone.Mean = 0.1 + 0.2
	docs = append(docs, odd)
	if len(docs) < 10 {
		t.Fatalf("only %d documents analysed", len(docs))
	}
	for _, d := range docs {
		want, err := stdjson.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: Encode differs from encoding/json at byte %d:\n got  …%.80s\n want …%.80s", d.ID, i, got[i:], want[i:])
			continue
		}
		var a, b pipeline.Doc
		if err := stdjson.Unmarshal([]byte(got), &a); err != nil {
			t.Fatal(err)
		}
		if err := decode([]byte(got), &b); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: decoded documents differ between encoding/json and the workspace's decoder", d.ID)
		}
		if !bytes.Contains(want, []byte(`"doc_id"`)) {
			t.Errorf("%s: no doc_id in %s", d.ID, want)
		}
	}
}
