package workspace

import (
	"context"
	"fmt"
	"os"
	"strings"
)

// Prune forgets every stored document whose source file no longer exists
// (gone reports that; nil means os.Stat fails with "not exist"), with its
// file record, and returns how many documents it forgot. A record of a JSON
// Lines or CSV export is gone when the export is. Documents read from
// standard input ("-:N") have no file and are kept. Prune must be called
// before the run saves anything: it flushes what is pending first.
//
// Sources are paths as the run that stored them was given them, so a
// relative source is looked up from the current folder, as that run did.
func (w *Workspace) Prune(ctx context.Context, gone func(path string) bool) (int, error) {
	if gone == nil {
		gone = func(p string) bool {
			_, err := os.Lstat(p)
			return os.IsNotExist(err)
		}
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	rows, err := w.db.QueryContext(ctx, `SELECT doc_id, source FROM docs`)
	if err != nil {
		return 0, fmt.Errorf("workspace: prune: %w", err)
	}
	var ids, files []string
	checked := map[string]bool{} // file -> gone
	for rows.Next() {
		var id, source string
		if err := rows.Scan(&id, &source); err != nil {
			rows.Close()
			return 0, fmt.Errorf("workspace: prune: %w", err)
		}
		file := source
		if strings.HasPrefix(source, "-:") {
			continue
		}
		g, ok := checked[file]
		if !ok {
			g = gone(file)
			if g {
				// A record of an export: "path:N".
				if i := strings.LastIndexByte(source, ':'); i > 0 && allDigits(source[i+1:]) {
					file = source[:i]
					g = gone(file)
				}
			}
			checked[source] = g
		}
		if g {
			ids = append(ids, id)
			files = append(files, file)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("workspace: prune: %w", err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("workspace: prune: %w", err)
	}
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `DELETE FROM docs WHERE doc_id = ?`, id); err != nil {
			tx.Rollback()
			return 0, fmt.Errorf("workspace: prune: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM files WHERE source = ?`, files[i]); err != nil {
			tx.Rollback()
			return 0, fmt.Errorf("workspace: prune: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("workspace: prune: %w", err)
	}
	w.mu.Lock()
	for i, id := range ids {
		delete(w.index, id)
		delete(w.files, files[i])
	}
	w.mu.Unlock()
	return len(ids), nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
