package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
	"github.com/framewatch/framewatch/reports"
	"github.com/framewatch/framewatch/workspace"
)

// cacheStage restores a document's stored analysis from the workspace; the
// runner then skips every later stage for it. It runs as a stage so that
// decoding stored results is spread over the workers. While the sink
// speculates that the whole corpus is unchanged it only checks that a
// result is stored, and leaves decoding to the sink if it is ever needed.
type cacheStage struct {
	sink *runSink
	src  *ingest.Source // to read a file the source skipped
}

func (c *cacheStage) Name() string { return "cache" }

func (c *cacheStage) Process(ctx context.Context, d *pipeline.Doc) error {
	s := c.sink
	if d.Unread {
		// The source did not read the file: its stored record says it is
		// unchanged. Use the stored key; if no analysis is stored under
		// it for this version and configuration, read the file after all.
		if f, ok := s.ws.File(d.Source); ok && f.DocID == d.ID {
			k := workspace.Key{Hash: f.Key, Version: s.version, ConfigHash: s.cfgHash}
			if s.lazy.Load() {
				if s.ws.Has(d.ID, k) {
					d.Cached = true
					s.checked.Store(d, checkedDoc{k, true})
					return nil
				}
			} else if ok, err := s.ws.Restore(d, k); err == nil && ok {
				s.checked.Store(d, checkedDoc{k, false})
				return nil
			}
		}
		c.src.Load(ctx, d)
		if d.Status != pipeline.StatusOK {
			return nil
		}
	}
	k := workspace.DocKey(d, s.version, s.cfgHash)
	if s.lazy.Load() {
		lazy := s.ws.Has(d.ID, k)
		d.Cached = lazy
		s.checked.Store(d, checkedDoc{k, lazy})
		return nil
	}
	s.checked.Store(d, checkedDoc{k, false})
	// A result that cannot be restored is simply analysed again.
	if ok, err := s.ws.Restore(d, k); err != nil || !ok {
		d.Cached = false
	}
	return nil
}

// storeStage encodes every freshly analysed document for the workspace and
// renders its lines of the report's streamed files. Encoding is most of
// the cost of saving a result, and rendering most of the cost of
// reporting a document; as a stage they run on the workers instead of in
// the sink's single goroutine, which only queues the encoded row and
// copies the lines (on many cores that goroutine would otherwise bound
// the run).
type storeStage struct{ sink *runSink }

func (c *storeStage) Name() string { return "store" }

func (c *storeStage) Process(ctx context.Context, d *pipeline.Doc) error {
	if d.Cached || d.Status != pipeline.StatusOK || d.Failed() {
		return nil
	}
	// An error is left to the sink's own attempt, which reports it.
	if data, err := workspace.Encode(d); err == nil {
		c.sink.encoded.Store(d, data)
	}
	if rows, err := reports.RenderRows(d); err == nil {
		c.sink.rows.Store(d, rows)
	}
	return nil
}

// runSink saves fresh results to the workspace and hands every document to
// the report writer in input order.
//
// When an earlier run published a report, the sink first speculates that
// nothing changed: it holds compact copies of the documents (no text, no
// results) and feeds the writer nothing. The first document that needs
// analysis ends the speculation: the held documents are restored and
// written, and the rest of the run streams as usual. If the speculation
// holds to the end and the run's fingerprint equals the earlier run's, the
// earlier report is republished instead of rebuilt.
type runSink struct {
	ws               *workspace.Workspace
	tmp              string
	cfg              pipeline.Config
	version, cfgHash string
	since, until     string
	seen             map[string]bool
	log              *slog.Logger
	fp               hash.Hash

	speculating bool
	readAll     bool        // --full: known never spares a read (there is no cache stage)
	lazy        atomic.Bool // the cache stage checks without restoring
	checked     sync.Map    // *pipeline.Doc -> checkedDoc, from the cache stage
	stats       sync.Map    // source path -> workspace.FileStat (size, time, meta) seen by ingest
	encoded     sync.Map    // *pipeline.Doc -> its workspace.Encode form, from the store stage
	rows        sync.Map    // *pipeline.Doc -> its *reports.Rows, from the store stage
	exports     sync.Map    // export file path -> its workspace.FileStat (size, time, meta) seen by ingest
	held        []heldDoc
	w           *reports.Writer

	consumed, processed, cached, skipped, duplicates, failed int
	restoredRest                                             int
}

func (s *runSink) Consume(ctx context.Context, d *pipeline.Doc) error {
	s.consumed++
	s.seen[d.ID] = true
	switch {
	case d.Failed():
		s.failed++
		s.log.Warn("document failed", "source", d.Source, "reason", failure(d))
	case d.Status == pipeline.StatusSkipped:
		s.skipped++
		if wholeExport(d) {
			// An export skipped as a whole drops every record in it:
			// say so under cron too.
			s.log.Warn("export skipped: none of its records were read", "source", d.Source, "reason", d.Reason)
		} else {
			s.log.Info("document skipped", "source", d.Source, "reason", d.Reason)
		}
	case d.Status == pipeline.StatusDuplicate:
		s.duplicates++
	case d.Cached:
		s.cached++
	default:
		s.processed++
	}
	var key workspace.Key
	var lazy bool
	if v, ok := s.checked.LoadAndDelete(d); ok {
		// The stages never change what the key digests (text, format,
		// source, metadata), so the cache stage's key still holds.
		c := v.(checkedDoc)
		key, lazy = c.key, c.lazy
	} else if s.ws != nil && d.Status == pipeline.StatusOK {
		key = workspace.DocKey(d, s.version, s.cfgHash)
	}
	var rows *reports.Rows
	if v, ok := s.rows.LoadAndDelete(d); ok {
		rows = v.(*reports.Rows)
	}
	data := ""
	if v, ok := s.encoded.LoadAndDelete(d); ok {
		data = v.(string)
	}
	if s.ws != nil && d.Status == pipeline.StatusOK {
		if !d.Cached && !d.Failed() {
			if err := s.ws.SaveEncoded(d, key, data); err != nil {
				return err
			}
		}
		if f, ok := s.fileStat(d); ok && !d.Failed() && key.Hash != "" {
			f.DocID, f.Hash, f.Key = d.ID, d.Hash, key.Hash
			s.ws.RecordFile(f)
		}
	} else {
		s.stats.Delete(d.Source)
	}
	if !lazy && (s.since != "" || s.until != "") && d.Status == pipeline.StatusOK && !d.Failed() &&
		!workspace.InWindow(d, s.since, s.until) {
		// (A lazy document's dates are known once it is restored.)
		d.Excluded = "outside the --since/--until window"
	}
	fmt.Fprintf(s.fp, "%d:%s|%s|%s|%s|%s|%s|%t\n", len(d.ID), d.ID, d.Source, d.Status, d.Reason, d.DuplicateOf, key.Hash, d.Failed())

	if s.speculating {
		if d.Status == pipeline.StatusOK && !d.Cached {
			// A new or changed document: the report must be rebuilt.
			if err := s.stopSpeculating(ctx); err != nil {
				return err
			}
		} else {
			s.held = append(s.held, heldDoc{d: compact(d), key: key, lazy: lazy})
			return nil
		}
	}
	return s.write(ctx, heldDoc{d: d, key: key, lazy: lazy, rows: rows})
}

// checkedDoc is what the cache stage learnt about a document: its key
// and whether it is cached but not yet restored (lazy).
type checkedDoc struct {
	key  workspace.Key
	lazy bool
}

// heldDoc is a document consumed while speculating. When lazy, its stored
// result under key has not been restored yet.
type heldDoc struct {
	d    *pipeline.Doc
	key  workspace.Key
	lazy bool
	rows *reports.Rows // rendered by the store stage, or nil
}

// compact is a copy of d without its text, for holding while speculating.
func compact(d *pipeline.Doc) *pipeline.Doc {
	c := *d
	c.Text, c.Clean = "", ""
	for _, u := range c.Units {
		u.Tokens, u.Sentences, u.LexWords = nil, nil, nil
	}
	return &c
}

// stopSpeculating writes the held documents and makes the cache stage
// restore results from now on.
func (s *runSink) stopSpeculating(ctx context.Context) error {
	s.speculating = false
	s.lazy.Store(false)
	held := s.held
	s.held = nil
	for _, h := range held {
		if err := s.write(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// write hands d to the report writer, restoring its stored results first
// when the cache stage only checked them.
func (s *runSink) write(ctx context.Context, h heldDoc) error {
	d := h.d
	if h.lazy {
		if ok, err := s.ws.Restore(d, h.key); err != nil || !ok {
			return fmt.Errorf("workspace: %s: stored result vanished during the run: %v", d.ID, err)
		}
		if (s.since != "" || s.until != "") && !workspace.InWindow(d, s.since, s.until) {
			d.Excluded = "outside the --since/--until window"
		}
	}
	w, err := s.writer()
	if err != nil {
		return err
	}
	return w.ConsumeRows(ctx, d, h.rows)
}

func (s *runSink) writer() (*reports.Writer, error) {
	if s.w == nil {
		w, err := reports.NewWriter(s.tmp, s.cfg)
		if err != nil {
			return nil, err
		}
		s.w = w
	}
	return s.w, nil
}

// report writes the held documents (if still speculating), then rest's
// documents, and closes the writer.
func (s *runSink) report(ctx context.Context, info reports.RunInfo, rest func(*reports.Writer) (int, error)) (err error) {
	// A panic while reports are written is a run error (exit code 1), so
	// that the run folder is removed and the workspace stays usable.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("report: panic: %v", r)
		}
	}()
	if s.speculating {
		if err := s.stopSpeculating(ctx); err != nil {
			return err
		}
	}
	w, err := s.writer()
	if err != nil {
		return err
	}
	n, err := rest(w)
	s.restoredRest = n
	if err != nil {
		return err
	}
	info.Earlier = n
	return w.Close(info)
}

// fingerprint digests everything the report is made from: this run's
// documents in order (ids, sources, statuses, content keys), every stored
// result, the window, the inputs, the configuration and the analysis
// version. Equal fingerprints give byte-identical reports.
func (s *runSink) fingerprint(stored string, inputs []string) string {
	fmt.Fprintf(s.fp, "stored %s\nwindow %s %s\nconfig %s\nversion %s\ninputs %q\n",
		stored, s.since, s.until, s.cfgHash, s.version, inputs)
	return hex.EncodeToString(s.fp.Sum(nil))
}

func failure(d *pipeline.Doc) string {
	if len(d.Errors) > 0 {
		var parts []string
		for _, e := range d.Errors {
			parts = append(parts, e.Stage+": "+e.Err)
		}
		return strings.Join(parts, "; ")
	}
	return d.Reason
}

// exportState is what the workspace keeps about an export file (JSON
// Lines, CSV): its size, modification time and sidecar metadata when it was
// read, and the documents it gave.
type exportState struct {
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"`
	Meta    string `json:"meta"`
	// Version and Config are the analysis version and configuration hash
	// of the run that read the file: what a file gives may depend on them,
	// so either changing means reading the file again.
	Version string                `json:"version"`
	Config  string                `json:"config"`
	Records []ingest.ExportRecord `json:"records"`
}

// knownExport is the source's KnownExport hook: it remembers the file (its
// records' file records are saved with their results, see fileStat) and,
// unless readAll, says the file is unchanged when its size, modification
// time and sidecar metadata equal those stored, and every record that had
// text (and was no duplicate) has its analysis stored for this version and
// configuration, so that none of them needs the file read after all.
func (s *runSink) knownExport(f ingest.File) ([]ingest.ExportRecord, bool) {
	cur, ok := statOf(f)
	if !ok {
		return nil, false
	}
	s.exports.Store(f.Path, cur)
	if s.readAll {
		return nil, false
	}
	data, ok := s.ws.LoadExport(f.Path)
	if !ok {
		return nil, false
	}
	var st exportState
	if json.Unmarshal([]byte(data), &st) != nil || st.Size != cur.Size || st.ModTime != cur.ModTime || st.Meta != cur.Meta ||
		st.Version != s.version || st.Config != s.cfgHash {
		return nil, false
	}
	for _, rec := range st.Records {
		if rec.Status != "" || rec.Dup {
			// Failed or skipped: emitted again as such. A duplicate has no
			// analysis of its own; should it be one no longer, the cache
			// stage reads it.
			continue
		}
		fs, ok := s.ws.File(rec.Source)
		if !ok || fs.DocID != rec.Final || fs.Hash != rec.Hash ||
			!s.ws.Has(fs.DocID, workspace.Key{Hash: fs.Key, Version: s.version, ConfigHash: s.cfgHash}) {
			return nil, false
		}
	}
	return st.Records, true
}

// readExport is the source's ReadExport hook: it stores what an export
// file gave, for knownExport next time.
func (s *runSink) readExport(f ingest.File, recs []ingest.ExportRecord) {
	cur, ok := statOf(f)
	if !ok {
		return
	}
	b, err := json.Marshal(exportState{Size: cur.Size, ModTime: cur.ModTime, Meta: cur.Meta,
		Version: s.version, Config: s.cfgHash, Records: recs})
	if err != nil {
		return
	}
	s.ws.StoreExport(f.Path, string(b))
}

// fileStat returns the file record to save with d's result: what Known
// was told about d's file, or for a record of an export file ("PATH:N")
// what KnownExport was told about the export file.
func (s *runSink) fileStat(d *pipeline.Doc) (workspace.FileStat, bool) {
	if v, ok := s.stats.LoadAndDelete(d.Source); ok {
		return v.(workspace.FileStat), true
	}
	if d.Format != ingest.FormatJSONL && d.Format != ingest.FormatCSV {
		return workspace.FileStat{}, false
	}
	i := strings.LastIndexByte(d.Source, ':')
	if i < 0 {
		return workspace.FileStat{}, false
	}
	v, ok := s.exports.Load(d.Source[:i])
	if !ok {
		return workspace.FileStat{}, false
	}
	f := v.(workspace.FileStat)
	f.Source = d.Source
	return f, true
}

// statOf is what the workspace records of f: its path, size, time and
// sidecar metadata (as JSON, to compare).
func statOf(f ingest.File) (workspace.FileStat, bool) {
	meta, err := json.Marshal(f.Meta)
	if err != nil {
		return workspace.FileStat{}, false
	}
	return workspace.FileStat{Source: f.Path, Size: f.Size, ModTime: f.ModTime, Meta: string(meta)}, true
}

// known is the source's Known hook: it remembers what it is told about
// every file (for the file record saved with the file's result) and, unless
// readAll, says a file is unchanged when its size, modification time and
// sidecar metadata equal the stored record's.
func (s *runSink) known(f ingest.File) (string, bool) {
	cur, ok := statOf(f)
	if !ok {
		return "", false
	}
	s.stats.Store(f.Path, cur)
	if s.readAll {
		return "", false
	}
	st, ok := s.ws.File(f.Path)
	if !ok || st.Size != cur.Size || st.ModTime != cur.ModTime || st.Meta != cur.Meta {
		return "", false
	}
	return st.Hash, true
}

// wholeExport reports whether d stands for a whole JSONL or CSV export (a
// file-level document: its Source has no ":N" record number) rather than
// one of its records.
func wholeExport(d *pipeline.Doc) bool {
	if d.Format != ingest.FormatJSONL && d.Format != ingest.FormatCSV || d.Reason == ingest.SidecarReason {
		// A sidecar manifest is metadata: skipping it drops nothing.
		return false
	}
	i := strings.LastIndexByte(d.Source, ':')
	if i < 0 || i == len(d.Source)-1 {
		return true
	}
	for _, c := range d.Source[i+1:] {
		if c < '0' || c > '9' {
			return true
		}
	}
	return false
}
