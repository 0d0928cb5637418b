package frames

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"testing"

	"github.com/framewatch/framewatch/fixtures"
	"github.com/framewatch/framewatch/internal/golden"
	"github.com/framewatch/framewatch/pipeline"
)

// TestFixturesGolden records the three largest frame shares of each
// fixture article, scored as one unit.
func TestFixturesGolden(t *testing.T) {
	s, err := New(pipeline.FrameConfig{})
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
			fs := s.Score(string(b))
			sort.SliceStable(fs, func(i, j int) bool { return fs[i].Score > fs[j].Score })
			fmt.Fprintf(&out, "%s", path.Join(path.Base(dir), e.Name()))
			for _, f := range fs[:3] {
				fmt.Fprintf(&out, "\t%s=%.4f", f.Frame, f.Score)
			}
			out.WriteByte('\n')
		}
	}
	golden.Assert(t, "testdata/fixtures_frames.golden", out.Bytes())
}
