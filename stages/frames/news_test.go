package frames

import (
	"bytes"
	"context"
	"testing"

	"github.com/framewatch/framewatch/internal/voice"
	"github.com/framewatch/framewatch/pipeline"
)

// newsExamples are invented units: conflict ones talk of clashes, the
// others of money.
func newsExamples() []NewsExample {
	var exs []NewsExample
	for i := range 20 {
		text := "lawmakers clash and attack rivals in a bitter fight"
		var lab [nNews]bool
		lab[0] = true
		if i%2 == 1 {
			text = "the budget costs taxpayers billions and jobs"
			lab = [nNews]bool{2: true}
		}
		ex := NewsExampleOf(voice.Words(text), nil)
		ex.Labels = lab
		exs = append(exs, ex)
	}
	return exs
}

// TestTrainNews checks that the model learns separable invented frames and
// survives a write/read round trip unchanged.
func TestTrainNews(t *testing.T) {
	m := TrainNews(newsExamples(), DefaultNewsTrainOptions())
	clash := NewsExampleOf(voice.Words("a bitter fight as rivals clash"), nil)
	money := NewsExampleOf(voice.Words("taxpayers pay the budget"), nil)
	if p := m.Prob(clash); p[0] <= p[2] {
		t.Errorf("Prob(clash) = %v, want conflict above economic", p)
	}
	if p := m.Prob(money); p[2] <= p[0] {
		t.Errorf("Prob(money) = %v, want economic above conflict", p)
	}
	var buf bytes.Buffer
	if err := WriteNewsModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	r, err := ReadNewsModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteNewsModel(&again, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("model changed in a write/read round trip")
	}
	if _, err := ReadNewsModel(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("ReadNewsModel(garbage) succeeded")
	}
}

// TestProcessNewsFrames checks that the stage sets the five news frames
// with probabilities in [0,1] on every unit.
func TestProcessNewsFrames(t *testing.T) {
	s, err := New(pipeline.FrameConfig{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Protesters clashed with police over the carbon tax, which will cost families."
	d := &pipeline.Doc{Text: text, Units: []*pipeline.Unit{{ID: "d#0", Start: 0, End: len(text)}}}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := d.Units[0].NewsFrames
	if len(got) != len(NewsIDs) {
		t.Fatalf("NewsFrames = %v, want %d frames", got, len(NewsIDs))
	}
	for i, f := range got {
		if f.Frame != NewsIDs[i] || f.Prob < 0 || f.Prob > 1 {
			t.Errorf("NewsFrames[%d] = %+v", i, f)
		}
	}
}
