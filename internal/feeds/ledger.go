package feeds

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Ledger is the coverage record of one fetch run.
type Ledger struct {
	// ID names the run: its start time, 2026-12-08T023000Z, with "-2",
	// "-3" for further runs in the same second. IDs sort as runs do.
	ID string `json:"id"`
	// Run is the fetch's start time (RFC 3339, UTC).
	Run   string       `json:"run"`
	Feeds []FeedLedger `json:"feeds"`
}

// FeedLedger is what one feed gave in one run. Every item that was new
// but is not saved is a Failure with its reason, or a duplicate.
type FeedLedger struct {
	Feed     string `json:"feed"` // the feed's name
	URL      string `json:"url"`
	Outlet   string `json:"outlet"`
	Country  string `json:"country,omitempty"`
	Language string `json:"language,omitempty"`
	// Status is "ok", "not_modified" (304) or "failed" (Error says why).
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
	// Listed items in the feed; New ones not saved before; Fetched pages;
	// Extracted pages with main text, saved unless Duplicates; Failed new
	// items (see Failures).
	Listed     int       `json:"listed"`
	New        int       `json:"new"`
	Fetched    int       `json:"fetched"`
	Extracted  int       `json:"extracted"`
	Saved      int       `json:"saved"`
	Duplicates int       `json:"duplicates"`
	Failed     int       `json:"failed"`
	Failures   []Failure `json:"failures,omitempty"`
	// NewestItem is the newest item date the feed has listed, this run or
	// before (RFC 3339), "" if none was dated.
	NewestItem string `json:"newest_item,omitempty"`
	// Silent is set when the feed has listed nothing new for longer than
	// SilentAfter (its usual interval, see README).
	Silent      bool   `json:"silent"`
	SilentAfter string `json:"silent_after"`
}

// Failure is one item that could not be saved.
type Failure struct {
	URL    string `json:"url"`
	Reason string `json:"reason"`
}

// NotModified reports whether the feed answered 304.
func (f FeedLedger) NotModified() bool { return f.Status == StatusNotModified }

// Feed statuses.
const (
	StatusOK          = "ok"
	StatusNotModified = "not_modified"
	StatusFailed      = "failed"
)

// ledgerDir holds one JSON file per fetch run.
func ledgerDir(dir string) string { return filepath.Join(dir, ".feeds", "ledger") }

func writeLedger(dir string, l *Ledger) error {
	d := ledgerDir(dir)
	if err := os.MkdirAll(d, 0o755); err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	t, _ := time.Parse(time.RFC3339, l.Run)
	base := t.UTC().Format("2006-01-02T150405Z")
	l.ID = base
	// Two runs in one second keep both ledgers.
	for seq := 2; ; seq++ {
		if _, err := os.Lstat(filepath.Join(d, l.ID+".json")); errors.Is(err, fs.ErrNotExist) {
			break
		}
		l.ID = fmt.Sprintf("%s-%d", base, seq)
	}
	name := l.ID + ".json"
	b, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	return writeAtomic(filepath.Join(d, name), append(b, '\n'))
}

// ReadLedgers returns every run's ledger kept in the fetch folder dir,
// oldest first; none when dir has no ledger.
func ReadLedgers(dir string) ([]Ledger, error) {
	ents, err := os.ReadDir(ledgerDir(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	var out []Ledger
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".json") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(ledgerDir(dir), e.Name()))
		if err != nil {
			return nil, fmt.Errorf("feeds: %w", err)
		}
		var l Ledger
		if err := json.Unmarshal(b, &l); err != nil {
			return nil, fmt.Errorf("feeds: ledger %s: %w", e.Name(), err)
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
