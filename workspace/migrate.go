package workspace

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema changes in order; migrations[i] takes the
// database from user_version i to i+1. Append only: never edit a released
// step.
var migrations = []string{
	// v1: per-document results and runs.
	`CREATE TABLE docs (
		doc_id      TEXT PRIMARY KEY,
		hash        TEXT NOT NULL,
		version     TEXT NOT NULL,
		config_hash TEXT NOT NULL,
		source      TEXT NOT NULL,
		data        TEXT NOT NULL
	);
	CREATE TABLE runs (
		run_id    TEXT PRIMARY KEY,
		started   TEXT NOT NULL,
		finished  TEXT NOT NULL DEFAULT '',
		processed INTEGER NOT NULL DEFAULT 0,
		cached    INTEGER NOT NULL DEFAULT 0,
		failed    INTEGER NOT NULL DEFAULT 0,
		status    TEXT NOT NULL
	);`,
	// v2: unit date range for --since/--until, and the run that last wrote
	// each row. Existing rows get their dates from their stored units.
	`ALTER TABLE docs ADD COLUMN min_date TEXT NOT NULL DEFAULT '';
	ALTER TABLE docs ADD COLUMN max_date TEXT NOT NULL DEFAULT '';
	ALTER TABLE docs ADD COLUMN updated_at_run TEXT NOT NULL DEFAULT '';
	UPDATE docs SET
		min_date = coalesce((SELECT min(substr(json_extract(u.value, '$.date'), 1, 10))
			FROM json_each(docs.data, '$.units') AS u
			WHERE json_extract(u.value, '$.date') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'), ''),
		max_date = coalesce((SELECT max(substr(json_extract(u.value, '$.date'), 1, 10))
			FROM json_each(docs.data, '$.units') AS u
			WHERE json_extract(u.value, '$.date') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'), '');`,
	// v3: what a published run reported, so that a re-run over an
	// unchanged corpus can reuse its report instead of rebuilding it.
	`ALTER TABLE runs ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
	ALTER TABLE runs ADD COLUMN report TEXT NOT NULL DEFAULT '';`,
	// v4: text and metadata extracted from HTML pages, keyed by the page's
	// digest, so unchanged pages are not extracted again.
	`CREATE TABLE extracts (
		key  TEXT PRIMARY KEY,
		text TEXT NOT NULL,
		meta TEXT NOT NULL
	);`,
	// v5: size, modification time and sidecar metadata of each input file
	// whose analysis is stored, with the document's text hash and key, so
	// that a re-run need not read an unchanged file.
	`CREATE TABLE files (
		source  TEXT PRIMARY KEY,
		size    INTEGER NOT NULL,
		mtime   INTEGER NOT NULL,
		meta    TEXT NOT NULL,
		doc_id  TEXT NOT NULL,
		hash    TEXT NOT NULL,
		doc_key TEXT NOT NULL
	);`,
	// v6: a covering index for the index Open loads (each document's ID
	// and key), so that loading it reads the index's pages rather than
	// every row with its stored analysis: a third less time to open a
	// large workspace, which an unchanged re-run pays first.
	`CREATE INDEX docs_keys ON docs (doc_id, hash, version, config_hash);`,
}

// SchemaVersion returns the schema version this package writes (the
// database's user_version), for the manifest.
func SchemaVersion() int { return len(migrations) }

// migrate applies the missing migrations, each in its own transaction
// together with its user_version, so a crash leaves the database at one
// version or the next.
func migrate(ctx context.Context, db *sql.DB) error {
	return migrateTo(ctx, db, len(migrations))
}

func migrateTo(ctx context.Context, db *sql.DB, target int) error {
	var v int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this framewatch understands (%d); use a newer framewatch or another --state folder", v, len(migrations))
	}
	for ; v < target; v++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate to v%d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to v%d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to v%d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to v%d: %w", v+1, err)
		}
	}
	return nil
}
