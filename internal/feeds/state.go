package feeds

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// state is what a fetch keeps between runs, besides the articles: per
// feed, its conditional-GET validators and the dates it listed.
type state struct {
	Feeds map[string]*feedState `json:"feeds"` // by feed name
}

type feedState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Dates are the newest distinct item dates seen, newest first (at most
	// keepDates): the usual interval is the median gap between them.
	Dates []time.Time `json:"dates,omitempty"`
	// LastNew is the run that last saved a new item; FirstRun the first
	// run that read the feed (silence of an undated feed counts from them).
	LastNew  time.Time `json:"last_new,omitzero"`
	FirstRun time.Time `json:"first_run,omitzero"`
}

const keepDates = 50

func statePath(dir string) string { return filepath.Join(dir, ".feeds", "state.json") }

func readState(dir string) (*state, error) {
	s := &state{Feeds: map[string]*feedState{}}
	b, err := os.ReadFile(statePath(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, fmt.Errorf("feeds: %s: %w", statePath(dir), err)
	}
	if s.Feeds == nil {
		s.Feeds = map[string]*feedState{}
	}
	return s, nil
}

func (s *state) write(dir string) error {
	if err := os.MkdirAll(filepath.Dir(statePath(dir)), 0o755); err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	return writeAtomic(statePath(dir), append(b, '\n'))
}

// addDates merges item dates into the feed's newest distinct dates.
func (f *feedState) addDates(ds []time.Time) {
	seen := map[int64]bool{}
	all := append(append([]time.Time{}, f.Dates...), ds...)
	out := all[:0]
	for _, d := range all {
		d = d.UTC()
		if !seen[d.Unix()] {
			seen[d.Unix()] = true
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].After(out[j]) })
	if len(out) > keepDates {
		out = out[:keepDates]
	}
	f.Dates = out
}

// silentAfter is how long the feed may list nothing new before it is
// flagged: the configured value, else three times the median gap between
// its item dates (at least an hour), else DefaultSilentAfter.
func (f *feedState) silentAfter(configured time.Duration) time.Duration {
	if configured > 0 {
		return configured
	}
	if len(f.Dates) < 3 {
		return DefaultSilentAfter
	}
	gaps := make([]time.Duration, 0, len(f.Dates)-1)
	for i := 1; i < len(f.Dates); i++ {
		gaps = append(gaps, f.Dates[i-1].Sub(f.Dates[i]))
	}
	sort.Slice(gaps, func(i, j int) bool { return gaps[i] < gaps[j] })
	return max(3*gaps[len(gaps)/2], time.Hour)
}

// silent reports whether the feed has gone silent at time now.
func (f *feedState) silent(now time.Time, configured time.Duration) (bool, time.Duration) {
	after := f.silentAfter(configured)
	last := f.LastNew
	if len(f.Dates) > 0 && f.Dates[0].After(last) {
		last = f.Dates[0]
	}
	if last.IsZero() {
		last = f.FirstRun
	}
	return !last.IsZero() && now.Sub(last) > after, after
}
