package workspace

import (
	"fmt"
	"time"
)

// Run statuses recorded by framewatch. Open marks runs still "running" (their
// process died: Open holds the lock) as "interrupted".
const (
	RunRunning     = "running"
	RunOK          = "ok"
	RunPartial     = "partial"
	RunFailed      = "failed"
	RunInterrupted = "interrupted"
)

// Run is one row of the runs table.
type Run struct {
	ID        string    `json:"run_id"`
	Started   time.Time `json:"started"`
	Finished  time.Time `json:"finished"` // zero while running
	Processed int       `json:"processed"`
	Cached    int       `json:"cached"`
	Failed    int       `json:"failed"`
	Status    string    `json:"status"`
	// Fingerprint digests everything the run's report was made from (see
	// the framewatch command); Report is the published run folder.
	Fingerprint string `json:"fingerprint,omitempty"`
	Report      string `json:"report,omitempty"`
}

// RecordRun inserts or replaces the run r.ID. It commits the pending batch
// first, so a run is never recorded as finished before its documents.
func (w *Workspace) RecordRun(r Run) error {
	if r.ID == "" {
		return fmt.Errorf("workspace: record run: empty run ID")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errClosed
	}
	if err := w.syncLocked(); err != nil {
		return err
	}
	_, err := w.db.Exec(`INSERT INTO runs (run_id, started, finished, processed, cached, failed, status, fingerprint, report)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (run_id) DO UPDATE SET started = excluded.started, finished = excluded.finished,
		processed = excluded.processed, cached = excluded.cached, failed = excluded.failed,
		status = excluded.status, fingerprint = excluded.fingerprint, report = excluded.report`,
		r.ID, formatTime(r.Started), formatTime(r.Finished), r.Processed, r.Cached, r.Failed, r.Status,
		r.Fingerprint, r.Report)
	if err != nil {
		return fmt.Errorf("workspace: record run %s: %w", r.ID, err)
	}
	return nil
}

// Runs returns every recorded run, oldest first.
func (w *Workspace) Runs() ([]Run, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil, errClosed
	}
	rows, err := w.db.Query(`SELECT run_id, started, finished, processed, cached, failed, status,
		fingerprint, report FROM runs ORDER BY started, run_id`)
	if err != nil {
		return nil, fmt.Errorf("workspace: runs: %w", err)
	}
	defer rows.Close()
	var runs []Run
	for rows.Next() {
		var r Run
		var started, finished string
		if err := rows.Scan(&r.ID, &started, &finished, &r.Processed, &r.Cached, &r.Failed, &r.Status,
			&r.Fingerprint, &r.Report); err != nil {
			return nil, fmt.Errorf("workspace: runs: %w", err)
		}
		if r.Started, err = parseTime(started); err == nil {
			r.Finished, err = parseTime(finished)
		}
		if err != nil {
			return nil, fmt.Errorf("workspace: run %s: %w", r.ID, err)
		}
		runs = append(runs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("workspace: runs: %w", err)
	}
	return runs, nil
}

// timeLayout has a fixed width, so that stored times sort as text.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(timeLayout, s)
}

// LastPublished returns the most recent run that published a report
// (status ok or partial, with a fingerprint), or false when there is none.
func (w *Workspace) LastPublished() (Run, bool, error) {
	runs, err := w.Runs()
	if err != nil {
		return Run{}, false, err
	}
	for i := len(runs) - 1; i >= 0; i-- {
		r := runs[i]
		if (r.Status == RunOK || r.Status == RunPartial) && r.Fingerprint != "" && r.Report != "" {
			return r, true, nil
		}
	}
	return Run{}, false, nil
}
