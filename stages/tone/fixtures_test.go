package tone

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/golden"
)

// TestFixturesGolden scores each fixture article as one unit.
func TestFixturesGolden(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, dir := range []string{"corpus/papers", "corpus/wire"} {
		ents, err := fs.ReadDir(fixtures.FS, dir)
		if err != nil {
			t.Skipf("fixtures not available: %v", err)
		}
		for _, e := range ents {
			b, err := fs.ReadFile(fixtures.FS, path.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			d := unitDoc(string(b))
			if err := s.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			tn := d.Units[0].Tone
			fmt.Fprintf(&out, "%s\ttone=%.4f\tpositive=%.4f\tnegative=%.4f\tpolarity=%.4f\twords=%d\tmean=%.4f\tsentences=%d\n",
				path.Join(path.Base(dir), e.Name()), tn.Tone, tn.Positive, tn.Negative, tn.Polarity, tn.Words, tn.Mean, len(tn.Sentences))
		}
	}
	golden.Assert(t, "testdata/fixtures_tone.golden", out.Bytes())
}
