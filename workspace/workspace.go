package workspace

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/framewatch/framewatch/pipeline"
	json "github.com/goccy/go-json"
	"github.com/gofrs/flock"
	"golang.org/x/sync/errgroup"
	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// File names inside a workspace folder.
const (
	LockFile = "lock"
	InfoFile = "lock.info"
	DBFile   = "framewatch.db"
)

// Defaults for Options.
const (
	DefaultBatchSize     = 256
	DefaultFlushInterval = time.Second
)

// ErrLocked is wrapped by Open's error when another process holds the
// workspace lock.
var ErrLocked = errors.New("workspace: locked by another run")

// Options tune Open.
type Options struct {
	// Wait is how long Open polls for the lock when another run holds it;
	// 0 fails at once.
	Wait time.Duration
	// RunID is recorded on every row this session saves (updated_at_run).
	RunID string
	// BatchSize is the number of saved documents committed in one
	// transaction; 0 means DefaultBatchSize.
	BatchSize int
	// FlushInterval is the longest a saved document waits before its batch
	// is committed; 0 means DefaultFlushInterval.
	FlushInterval time.Duration
}

// Key identifies one analysis of one document: a result is reused only when
// all three fields match.
type Key struct {
	Hash       string // digest of the document's content, see DocKey
	Version    string // analysis version: models, lexicons, code
	ConfigHash string // pipeline.Config.Hash()
}

// DocKey returns the Key of d under an analysis version and configuration
// hash. Its Hash covers the exact text (offsets of stored annotations refer
// to it), the format, the metadata (a sidecar can change an outlet or a date
// without changing the text) and the source file without a record number (so
// that inserting a line into a JSONL export does not invalidate the records
// after it).
func DocKey(d *pipeline.Doc, version, configHash string) Key {
	h := sha256.New()
	meta, err := json.Marshal(d.Meta)
	if err != nil {
		panic(err) // Meta holds only strings.
	}
	for _, s := range []string{d.Text, d.Format, sourceFile(d), string(meta)} {
		fmt.Fprintf(h, "%d:", len(s))
		h.Write([]byte(s))
	}
	return Key{Hash: hex.EncodeToString(h.Sum(nil)[:16]), Version: version, ConfigHash: configHash}
}

// sourceFile is d.Source without the ":N" record number of JSONL and CSV
// records.
func sourceFile(d *pipeline.Doc) string {
	if d.Format != "jsonl" && d.Format != "csv" {
		return d.Source
	}
	i := strings.LastIndexByte(d.Source, ':')
	if i < 0 {
		return d.Source
	}
	for _, c := range d.Source[i+1:] {
		if c < '0' || c > '9' {
			return d.Source
		}
	}
	return d.Source[:i]
}

// Workspace is an open, locked workspace folder. Its methods are safe for
// concurrent use.
type Workspace struct {
	dir  string
	lock *flock.Flock
	db   *sql.DB
	opt  Options

	get, put *sql.Stmt

	// mu guards every field below; cond (on mu) is broadcast whenever the
	// writer goroutine takes, finishes or may take a batch.
	mu       sync.Mutex
	cond     *sync.Cond
	closed   bool
	index    map[string]Key // every stored, in-flight or pending doc_id
	intern   map[string]string
	pending  []row
	pendIdx  map[string]int // doc_id -> index in pending
	extPend  map[string]extract
	files    map[string]FileStat // source -> stored record
	filePend map[string]FileStat
	timer    *time.Timer
	due      bool  // the timer fired while a batch was in flight
	err      error // the last commit's error, reported by the next call

	// The batch handed to the writer goroutine, which commits it outside
	// mu. It stays readable (Restore, LoadHTML) until its commit ends;
	// nobody changes it while busy. A failed batch goes back to pending.
	infl      []row
	inflIdx   map[string]int
	extInfl   map[string]extract
	fileInfl  map[string]FileStat
	busy      bool   // a batch is in flight
	seq, done uint64 // batches handed over, and the last one finished
	quit      bool   // Close asks the writer to stop
	wg        sync.WaitGroup
}

type row struct {
	id, source, minDate, maxDate string
	key                          Key
	data                         string
}

// Open creates dir if needed, takes its lock, opens the database and brings
// its schema up to date.
//
// When another process holds the lock, Open polls for opt.Wait (with
// backoff, until ctx is done) and then returns an error that wraps ErrLocked
// and names the holder. Runs recorded as running by a process that died are
// marked interrupted.
func Open(ctx context.Context, dir string, opt Options) (*Workspace, error) {
	if dir == "" {
		return nil, errors.New("workspace: empty folder name")
	}
	if strings.ContainsRune(dir, '?') {
		return nil, fmt.Errorf("workspace: folder name %q must not contain '?'", dir)
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBatchSize
	}
	if opt.FlushInterval <= 0 {
		opt.FlushInterval = DefaultFlushInterval
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("workspace: create state folder: %w", err)
	}
	lock, err := acquire(ctx, dir, opt.Wait)
	if err != nil {
		return nil, err
	}
	w := &Workspace{dir: dir, lock: lock, opt: opt, intern: map[string]string{},
		pendIdx: map[string]int{}, inflIdx: map[string]int{}}
	w.cond = sync.NewCond(&w.mu)
	if err := w.open(ctx); err != nil {
		if w.db != nil {
			w.db.Close()
		}
		w.unlock()
		return nil, err
	}
	w.wg.Go(w.writer)
	return w, nil
}

// Dir returns the workspace folder.
func (w *Workspace) Dir() string { return w.dir }

func (w *Workspace) dbPath() string { return filepath.Join(w.dir, DBFile) }

// dsn opens the database in WAL mode, so a killed writer never corrupts it
// and readers do not block the writer, with synchronous=FULL so that a
// committed batch survives a power cut too (batching keeps the fsyncs
// rare), and a busy timeout in case a person inspects the file with the
// sqlite3 shell during a run.
func dsn(path string) string {
	return path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
}

func (w *Workspace) open(ctx context.Context) error {
	path := filepath.Join(w.dir, DBFile)
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return fmt.Errorf("workspace: open %s: %w", path, err)
	}
	w.db = db
	// Two connections: one for the writer goroutine's transaction, one for
	// the reads and run records made under mu, so that a read never waits
	// for a commit (WAL readers do not block the writer). SQLite has a
	// single writer anyway; the _pragma settings apply to every connection.
	db.SetMaxOpenConns(2)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	if err := db.PingContext(ctx); err != nil {
		return fmt.Errorf("workspace: open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE runs SET status = 'interrupted' WHERE status = 'running'`); err != nil {
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	if err := w.loadIndex(ctx); err != nil {
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	if w.get, err = db.PrepareContext(ctx, `SELECT data FROM docs WHERE doc_id = ?`); err != nil {
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	w.put, err = db.PrepareContext(ctx, `INSERT INTO docs
		(doc_id, hash, version, config_hash, source, min_date, max_date, updated_at_run, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (doc_id) DO UPDATE SET
		hash = excluded.hash, version = excluded.version, config_hash = excluded.config_hash,
		source = excluded.source, min_date = excluded.min_date, max_date = excluded.max_date,
		updated_at_run = excluded.updated_at_run, data = excluded.data`)
	if err != nil {
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	return nil
}

// loadIndex reads the key of every stored document, so that a miss costs no
// query and a hit costs one.
func (w *Workspace) loadIndex(ctx context.Context) error {
	// The documents' keys and the files' records are independent: they
	// load at once, on the two connections.
	var g errgroup.Group
	g.Go(func() error {
		rows, err := w.db.QueryContext(ctx, `SELECT doc_id, hash, version, config_hash FROM docs`)
		if err != nil {
			return err
		}
		defer rows.Close()
		index := make(map[string]Key)
		for rows.Next() {
			var id string
			var k Key
			if err := rows.Scan(&id, &k.Hash, &k.Version, &k.ConfigHash); err != nil {
				return err
			}
			index[id] = w.internKey(k)
		}
		w.index = index
		return rows.Err()
	})
	g.Go(func() error {
		frows, err := w.db.QueryContext(ctx, `SELECT source, size, mtime, meta, doc_id, hash, doc_key FROM files`)
		if err != nil {
			return err
		}
		defer frows.Close()
		files := make(map[string]FileStat)
		for frows.Next() {
			var f FileStat
			if err := frows.Scan(&f.Source, &f.Size, &f.ModTime, &f.Meta, &f.DocID, &f.Hash, &f.Key); err != nil {
				return err
			}
			files[f.Source] = f
		}
		w.files = files
		return frows.Err()
	})
	return g.Wait()
}

// FileStat is what a run learnt about an input file whose analysis it
// stored or found stored: the file's size, modification time (Unix
// nanoseconds) and sidecar metadata digest, and its document's ID, text
// hash and key hash (Key.Hash). A later run that finds the same size, time
// and metadata may take the document as unchanged without reading it.
type FileStat struct {
	Source        string
	Size, ModTime int64
	Meta          string
	DocID, Hash   string
	Key           string
}

// File returns the stored record of source.
func (w *Workspace) File(source string) (FileStat, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if f, ok := w.filePend[source]; ok {
		return f, true
	}
	if f, ok := w.fileInfl[source]; ok {
		return f, true
	}
	f, ok := w.files[source]
	return f, ok
}

// RecordFile stores f with the next batch of results, unless the same
// record is stored already.
func (w *Workspace) RecordFile(f FileStat) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	if old, ok := w.files[f.Source]; ok && old == f {
		if _, pend := w.filePend[f.Source]; !pend {
			return
		}
	}
	if w.filePend == nil {
		w.filePend = map[string]FileStat{}
	}
	w.filePend[f.Source] = f
	if w.timer == nil {
		w.timer = time.AfterFunc(w.opt.FlushInterval, w.flushTimer)
	}
}

// internKey shares the version and config strings, which nearly every row
// has in common.
func (w *Workspace) internKey(k Key) Key {
	for _, s := range []*string{&k.Version, &k.ConfigHash} {
		if v, ok := w.intern[*s]; ok {
			*s = v
		} else {
			w.intern[*s] = *s
		}
	}
	return k
}

// Close commits the pending batch, stops the writer goroutine, closes the
// database (which checkpoints the WAL) and releases the lock. It is safe to
// call more than once.
func (w *Workspace) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	err := w.syncLocked()
	w.quit = true
	w.cond.Broadcast()
	w.mu.Unlock()
	w.wg.Wait()
	for _, st := range []*sql.Stmt{w.get, w.put} {
		if st != nil {
			st.Close()
		}
	}
	if cerr := w.db.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("workspace: close database: %w", cerr)
	}
	if uerr := w.unlock(); uerr != nil && err == nil {
		err = uerr
	}
	return err
}

// Len returns the number of stored (or pending) documents.
func (w *Workspace) Len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.index)
}

// Stale returns how many stored documents were analysed under another
// version or configuration. Rest returns them as they are; a run that does
// not re-read them can warn that the report mixes analyses.
func (w *Workspace) Stale(version, configHash string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, k := range w.index {
		if k.Version != version || k.ConfigHash != configHash {
			n++
		}
	}
	return n
}

// Restore fills d from the stored result when d.ID was saved under exactly
// k, sets d.Cached and returns true. It restores Units with all their
// annotations, Removed, Status and Reason, and keeps what the source set
// (Text, Clean, Meta, Source, Hash). It returns false when there is no such
// result; on an error (an unreadable row) d is untouched and should be
// analysed again.
func (w *Workspace) Restore(d *pipeline.Doc, k Key) (bool, error) {
	data, err := w.load(d.ID, k)
	if data == nil || err != nil {
		return false, err
	}
	// Decoding, the bulk of the cost, runs outside the lock so that
	// concurrent Restores (from a pool of workers) decode in parallel.
	var s pipeline.Doc
	if err := decode(data, &s); err != nil {
		return false, fmt.Errorf("workspace: restore %s: %w", d.ID, err)
	}
	d.Units = s.Units
	d.Removed = s.Removed
	d.Status = s.Status
	d.Reason = s.Reason
	d.Errors = nil
	d.Cached = true
	return true, nil
}

// Has reports whether id is stored (or pending) under exactly k, without
// reading the stored result.
func (w *Workspace) Has(id string, k Key) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	got, ok := w.index[id]
	return ok && got == k
}

// Fingerprint digests the key of every stored or pending document: it
// changes whenever a document is added, replaced or analysed differently.
func (w *Workspace) Fingerprint() string {
	w.mu.Lock()
	ids := make([]string, 0, len(w.index))
	for id := range w.index {
		ids = append(ids, id)
	}
	keys := make([]Key, len(ids))
	slices.Sort(ids)
	for i, id := range ids {
		keys[i] = w.index[id]
	}
	w.mu.Unlock()
	h := sha256.New()
	for i, id := range ids {
		k := keys[i]
		fmt.Fprintf(h, "%d:%s%d:%s%d:%s%d:%s", len(id), id, len(k.Hash), k.Hash, len(k.Version), k.Version, len(k.ConfigHash), k.ConfigHash)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// extract is a pending HTML extraction result.
type extract struct{ text, meta string }

// LoadHTML returns the text and metadata stored by StoreHTML under key. It
// implements ingest.HTMLCache.
func (w *Workspace) LoadHTML(key string) (string, pipeline.Meta, bool) {
	e, ok := w.loadExtract(key)
	if !ok {
		return "", pipeline.Meta{}, false
	}
	var meta pipeline.Meta
	if json.Unmarshal([]byte(e.meta), &meta) != nil {
		return "", pipeline.Meta{}, false
	}
	return e.text, meta, true
}

// loadExtract returns the extract stored, or waiting to be, under key.
func (w *Workspace) loadExtract(key string) (extract, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if e, ok := w.extPend[key]; ok {
		return e, true
	}
	if e, ok := w.extInfl[key]; ok {
		return e, true
	}
	var e extract
	if w.closed || w.db.QueryRow(`SELECT text, meta FROM extracts WHERE key = ?`, key).Scan(&e.text, &e.meta) != nil {
		return extract{}, false
	}
	return e, true
}

// storeExtract queues e under key for the next batch.
func (w *Workspace) storeExtract(key string, e extract) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	if w.extPend == nil {
		w.extPend = map[string]extract{}
	}
	w.extPend[key] = e
}

// StoreHTML remembers an HTML page's extracted text and metadata under key;
// it is committed with the next batch of results.
func (w *Workspace) StoreHTML(key, text string, meta pipeline.Meta) {
	b, err := json.Marshal(meta)
	if err != nil {
		return
	}
	w.storeExtract(key, extract{text, string(b)})
}

// LoadExport returns what StoreExport stored under key.
func (w *Workspace) LoadExport(key string) (string, bool) {
	e, ok := w.loadExtract(exportKey + key)
	return e.text, ok
}

// StoreExport remembers what an export file (JSON Lines, CSV) gave, under
// key; it is committed with the next batch of results, in the extracts
// table beside the HTML extractions.
func (w *Workspace) StoreExport(key, data string) {
	w.storeExtract(exportKey+key, extract{text: data})
}

// exportKey prefixes export keys in the extracts table, apart from the
// HTML cache's keys.
const exportKey = "export "

// load returns the stored JSON of id when it was saved under k, or nil.
func (w *Workspace) load(id string, k Key) ([]byte, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil, errClosed
	}
	if got, ok := w.index[id]; !ok || got != k {
		return nil, nil
	}
	if i, ok := w.pendIdx[id]; ok {
		return []byte(w.pending[i].data), nil
	}
	if i, ok := w.inflIdx[id]; ok {
		return []byte(w.infl[i].data), nil
	}
	var data []byte
	err := w.get.QueryRow(id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("workspace: restore %s: %w", id, err)
	}
	return data, nil
}

var errClosed = errors.New("workspace: closed")

// Save stores d's result under k, replacing any earlier result for d.ID. It
// stores only documents processed without errors (failed ones are retried
// by the next run) and ignores Cached ones (already stored).
//
// Saves are batched: the row is committed with its batch, after BatchSize
// documents or FlushInterval, or by Flush or Close, by the writer
// goroutine, so that Save does not wait for the disk. A Restore of d.ID
// sees it at once. Save blocks only when a full batch waits while the
// previous one is still being committed; it returns the error of the last
// commit, if that failed (its rows are retried with the next batch).
func (w *Workspace) Save(d *pipeline.Doc, k Key) error {
	return w.SaveEncoded(d, k, "")
}

// Encode returns the stored form of d's analysis, for SaveEncoded. It
// reads d only, so documents can be encoded concurrently. The encoder is
// goccy/go-json, which writes what encoding/json writes (checked by
// TestEncodeLikeEncodingJSON) two to three times faster.
func Encode(d *pipeline.Doc) (string, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("workspace: save %s: %w", d.ID, err)
	}
	return string(b), nil
}

// decode reads a stored analysis written by Encode into d.
func decode(data []byte, d *pipeline.Doc) error { return json.Unmarshal(data, d) }

// SaveEncoded is Save with d already encoded by Encode (encoding is most
// of a save's cost; callers with many workers do it on them). An empty
// data is encoded here.
func (w *Workspace) SaveEncoded(d *pipeline.Doc, k Key, data string) error {
	if d.Cached || d.Status != pipeline.StatusOK || d.Failed() {
		return nil
	}
	if d.ID == "" {
		return fmt.Errorf("workspace: save %s: document has no ID", d.Source)
	}
	if data == "" {
		var err error
		if data, err = Encode(d); err != nil {
			return err
		}
	}
	lo, hi := dateRange(d)
	r := row{id: d.ID, source: d.Source, minDate: lo, maxDate: hi, data: data}

	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errClosed
	}
	r.key = w.internKey(k)
	w.index[d.ID] = r.key
	if i, ok := w.pendIdx[d.ID]; ok {
		w.pending[i] = r
	} else {
		w.pendIdx[d.ID] = len(w.pending)
		w.pending = append(w.pending, r)
	}
	if len(w.pending) >= w.opt.BatchSize {
		for w.busy && len(w.pending) >= w.opt.BatchSize {
			w.cond.Wait()
		}
		err := w.err
		if len(w.pending) >= w.opt.BatchSize {
			w.handoverLocked()
		}
		return err
	}
	if w.timer == nil {
		w.timer = time.AfterFunc(w.opt.FlushInterval, w.flushTimer)
	}
	return nil
}

func (w *Workspace) flushTimer() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.timer = nil
	if w.closed {
		return
	}
	if w.busy {
		w.due = true // the writer hands pending over when it is done
		return
	}
	w.handoverLocked()
}

// Flush commits the pending batch and waits until everything saved before
// it is committed.
func (w *Workspace) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errClosed
	}
	return w.syncLocked()
}

// syncLocked waits for the batch in flight, hands the pending rows over and
// waits for their commit. It returns the last commit's error: on failure
// the rows are pending again, so a later call retries them (and a success
// clears the error).
func (w *Workspace) syncLocked() error {
	for w.busy {
		w.cond.Wait()
	}
	if !w.handoverLocked() {
		return w.err
	}
	for seq := w.seq; w.done < seq; {
		w.cond.Wait()
	}
	return w.err
}

// handoverLocked makes the pending rows the batch in flight, for the writer
// goroutine; it must not be busy. It reports false when nothing is pending.
func (w *Workspace) handoverLocked() bool {
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	w.due = false
	if len(w.pending) == 0 && len(w.extPend) == 0 && len(w.filePend) == 0 {
		return false
	}
	w.infl, w.pending = w.pending, w.infl[:0]
	w.inflIdx, w.pendIdx = w.pendIdx, w.inflIdx
	w.extInfl, w.extPend = w.extPend, w.extInfl
	w.fileInfl, w.filePend = w.filePend, w.fileInfl
	w.busy = true
	w.seq++
	w.cond.Broadcast()
	return true
}

// writer commits each batch handed over, outside mu, until Close.
func (w *Workspace) writer() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		for !w.busy && !w.quit {
			w.cond.Wait()
		}
		if !w.busy {
			return
		}
		rows, ext, files := w.infl, w.extInfl, w.fileInfl
		w.mu.Unlock()
		err := w.commit(rows, ext, files)
		w.mu.Lock()
		if err != nil {
			w.requeueLocked()
		} else {
			// Records loaded at open are kept current; new ones are not
			// kept in memory (the source asks about a file once per run,
			// before its record is made), so that a first run over a
			// large corpus does not hold one record per file.
			for k, f := range w.fileInfl {
				if _, ok := w.files[k]; ok {
					w.files[k] = f
				}
			}
		}
		w.err = err
		clear(w.infl)
		w.infl = w.infl[:0]
		clear(w.inflIdx)
		clear(w.extInfl)
		clear(w.fileInfl)
		w.busy = false
		w.done = w.seq
		if err == nil && w.due && !w.closed {
			w.handoverLocked()
		}
		w.cond.Broadcast()
	}
}

// requeueLocked puts the rows of a failed batch back in front of the
// pending ones; a pending row saved since replaces its in-flight one.
func (w *Workspace) requeueLocked() {
	rows := make([]row, 0, len(w.infl)+len(w.pending))
	for _, r := range w.infl {
		if _, ok := w.pendIdx[r.id]; !ok {
			rows = append(rows, r)
		}
	}
	rows = append(rows, w.pending...)
	clear(w.pendIdx)
	for i, r := range rows {
		w.pendIdx[r.id] = i
	}
	w.pending = rows
	for key, e := range w.extInfl {
		if _, ok := w.extPend[key]; !ok {
			if w.extPend == nil {
				w.extPend = map[string]extract{}
			}
			w.extPend[key] = e
		}
	}
	for key, f := range w.fileInfl {
		if _, ok := w.filePend[key]; !ok {
			if w.filePend == nil {
				w.filePend = map[string]FileStat{}
			}
			w.filePend[key] = f
		}
	}
}

// commit writes rows and HTML extracts in one transaction. The writer
// goroutine calls it without mu: nobody changes a batch in flight.
func (w *Workspace) commit(rows []row, ext map[string]extract, files map[string]FileStat) error {
	tx, err := w.db.Begin()
	if err != nil {
		return fmt.Errorf("workspace: begin: %s: %w", w.dbPath(), err)
	}
	st := tx.Stmt(w.put)
	for _, r := range rows {
		if _, err := st.Exec(r.id, r.key.Hash, r.key.Version, r.key.ConfigHash, r.source,
			r.minDate, r.maxDate, w.opt.RunID, r.data); err != nil {
			tx.Rollback()
			return fmt.Errorf("workspace: save %s to %s: %w", r.id, w.dbPath(), err)
		}
	}
	for key, e := range ext {
		if _, err := tx.Exec(`INSERT OR REPLACE INTO extracts (key, text, meta) VALUES (?, ?, ?)`, key, e.text, e.meta); err != nil {
			tx.Rollback()
			return fmt.Errorf("workspace: save an html extract to %s: %w", w.dbPath(), err)
		}
	}
	for _, f := range files {
		if _, err := tx.Exec(`INSERT OR REPLACE INTO files (source, size, mtime, meta, doc_id, hash, doc_key) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			f.Source, f.Size, f.ModTime, f.Meta, f.DocID, f.Hash, f.Key); err != nil {
			tx.Rollback()
			return fmt.Errorf("workspace: save a file record to %s: %w", w.dbPath(), err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("workspace: commit to %s: %w", w.dbPath(), err)
	}
	return nil
}
