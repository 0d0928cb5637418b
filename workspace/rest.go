package workspace

import (
	"context"
	"fmt"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

// restPage is how many rows Rest reads per query. Reading in pages keeps
// memory bounded and frees the connection while fn runs, so fn may call
// Restore or Save. Tests lower it.
var restPage = 512

// Rest calls fn, in doc_id order, with every stored document whose ID is
// not in seen, restored as by Restore (Cached set; Text and Clean empty).
//
// With a date window (since and until are "YYYY-MM-DD", inclusive, either
// may be empty) it returns only the documents InWindow keeps; undated
// documents are left out of a window. Rest commits the pending batch first.
// It stops at fn's first error, or when ctx is done, and returns it.
func (w *Workspace) Rest(ctx context.Context, seen map[string]bool, since, until string, fn func(*pipeline.Doc) error) error {
	if err := CheckWindow(since, until); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	// Pages of IDs first: in the usual case every stored document was
	// part of this run (seen), and only their IDs are read, not their
	// stored analyses.
	after := ""
	for {
		var ids []string
		err := func() error {
			w.mu.Lock()
			defer w.mu.Unlock()
			if w.closed {
				return errClosed
			}
			rows, err := w.db.QueryContext(ctx, `SELECT doc_id FROM docs
				WHERE doc_id > ?1
				AND (?2 = '' OR max_date >= ?2)
				AND (?3 = '' OR (min_date <> '' AND min_date <= ?3))
				ORDER BY doc_id LIMIT ?4`, after, since, until, restPage)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					return err
				}
				ids = append(ids, id)
			}
			return rows.Err()
		}()
		if err != nil {
			return fmt.Errorf("workspace: read stored documents: %w", err)
		}
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			if seen[id] {
				continue
			}
			data, err := w.data(ctx, id)
			if err != nil {
				return fmt.Errorf("workspace: read stored document %s: %w", id, err)
			}
			d := new(pipeline.Doc)
			if err := decode(data, d); err != nil {
				return fmt.Errorf("workspace: restore %s: %w", id, err)
			}
			if since != "" || until != "" {
				if !InWindow(d, since, until) {
					continue
				}
			}
			d.Cached = true
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(ids) < restPage {
			return nil
		}
		after = ids[len(ids)-1]
	}
}

// data returns the stored analysis of the document id.
func (w *Workspace) data(ctx context.Context, id string) ([]byte, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil, errClosed
	}
	var data []byte
	err := w.db.QueryRowContext(ctx, `SELECT data FROM docs WHERE doc_id = ?1`, id).Scan(&data)
	return data, err
}

// CheckWindow reports whether since and until are empty or valid
// "YYYY-MM-DD" dates with since <= until.
func CheckWindow(since, until string) error {
	for _, s := range []struct{ name, v string }{{"since", since}, {"until", until}} {
		if s.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s.v); err != nil {
			return fmt.Errorf("workspace: %s %q: want a date as YYYY-MM-DD", s.name, s.v)
		}
	}
	if since != "" && until != "" && since > until {
		return fmt.Errorf("workspace: since %s is after until %s", since, until)
	}
	return nil
}

// InWindow reports whether at least one of d's units is dated within
// [since, until] (inclusive; an empty bound is open). A document without a
// dated unit is in no window, but every document is in the empty window.
// A run applies the same rule to the documents it analysed itself.
func InWindow(d *pipeline.Doc, since, until string) bool {
	if since == "" && until == "" {
		return true
	}
	for _, u := range d.Units {
		day := dateKey(u.Date)
		if day == "" {
			continue
		}
		if (since == "" || day >= since) && (until == "" || day <= until) {
			return true
		}
	}
	return false
}

// dateRange returns the first and last unit date of d as "YYYY-MM-DD", or
// "" when no unit is dated.
func dateRange(d *pipeline.Doc) (lo, hi string) {
	for _, u := range d.Units {
		day := dateKey(u.Date)
		if day == "" {
			continue
		}
		if lo == "" || day < lo {
			lo = day
		}
		if day > hi {
			hi = day
		}
	}
	return lo, hi
}

// dateKey returns the "YYYY-MM-DD" prefix of an ISO 8601 date or date-time,
// or "" when s does not start with one.
func dateKey(s string) string {
	if len(s) < 10 {
		return ""
	}
	for i, c := range []byte(s[:10]) {
		if i == 4 || i == 7 {
			if c != '-' {
				return ""
			}
		} else if c < '0' || c > '9' {
			return ""
		}
	}
	return s[:10]
}
