package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/framewatch/framewatch/pipeline"
)

// Source reads PATHs (files, folders read recursively, or "-" for JSON Lines
// on Stdin) in a deterministic order. It implements pipeline.Source.
type Source struct {
	// Paths are the PATH arguments, read in this order.
	Paths []string
	// Stdin is read, as JSON Lines, for the path "-".
	Stdin io.Reader
	// Config limits what is read.
	Config pipeline.IngestConfig
	// SizeHint, when positive, is the number of documents expected (the
	// size of the last run, say); it only presizes bookkeeping.
	SizeHint int
	// HTMLCache, when set, remembers what extraction found in each page,
	// so that an unchanged page is not extracted again by the next run.
	HTMLCache HTMLCache

	// Known, when set, is asked about each .txt, .md and .html file before
	// it is read. When it returns ok, the file is not read: its document
	// gets the returned Hash, Unread set and no text, and the caller must
	// restore its stored analysis or call Load before analysing it.
	Known func(f File) (hash string, ok bool)

	// KnownExport, when set, is asked about each JSON Lines or CSV file
	// (File as for Known) before it is read. When it returns ok, the file
	// is not read: the documents it gave when it was last read (told to
	// ReadExport then) are emitted again, those that had text as unread
	// documents with their Hash (see Known), the others with their status
	// and reason.
	KnownExport func(f File) (recs []ExportRecord, ok bool)
	// ReadExport, when set, is told every document a JSON Lines or CSV file
	// gave when it was read, for KnownExport next time.
	ReadExport func(f File, recs []ExportRecord)

	// Exclude lists folders left out of the walk (framewatch's own output
	// and workspace folders, when they lie inside a PATH: a run must not
	// analyse the last run's tables). Paths are compared after
	// filepath.Abs and filepath.Clean.
	Exclude []string
	// excluded are the Exclude folders the walk met, in walk order.
	excluded []string

	// serial turns prefetching off, so that tests can compare.
	serial bool
}

// Excluded returns the Exclude folders that the last Docs call met inside
// its paths and left out.
func (s *Source) Excluded() []string { return s.excluded }

// isExcluded reports whether folder path is one of s.Exclude.
func (s *Source) isExcluded(path string) bool {
	if len(s.Exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, e := range s.Exclude {
		if x, err := filepath.Abs(e); err == nil && filepath.Clean(x) == abs {
			return true
		}
	}
	return false
}

// maxExportRecords is the most records of one export file that are kept
// for ReadExport (a few hundred bytes each, without their text): a larger
// export is read again by every run, so that memory stays bounded.
var maxExportRecords = 50000

// ExportRecord is one document a JSON Lines or CSV file gave, as the file
// gave it (before send made its ID unique and marked duplicates, which a
// replay does again): enough to emit it again without reading the file.
type ExportRecord struct {
	ID     string          `json:"id"`
	Final  string          `json:"final_id"` // its ID once made unique
	Source string          `json:"source"`
	Format string          `json:"format"`
	Status pipeline.Status `json:"status,omitempty"` // "": a record with text
	Reason string          `json:"reason,omitempty"`
	Hash   string          `json:"hash,omitempty"`
	Meta   pipeline.Meta   `json:"meta"`
	// Dup is set when send found the record's text earlier in the input;
	// a replay marks it again if it still is.
	Dup bool `json:"dup,omitempty"`
}

// doc is the document rec stands for, unread when it had text.
func (rec ExportRecord) doc() *pipeline.Doc {
	d := &pipeline.Doc{ID: rec.ID, Source: rec.Source, Format: rec.Format, Status: rec.Status, Reason: rec.Reason, Meta: rec.Meta}
	d.Meta.Extra = maps.Clone(rec.Meta.Extra)
	if rec.Status == "" {
		d.Hash, d.Unread = rec.Hash, true
	}
	return d
}

// File describes an input file for Source.Known: its path, size,
// modification time (Unix nanoseconds) and the metadata its sidecar
// manifest gives it.
type File struct {
	Path          string
	Size, ModTime int64
	Meta          pipeline.Meta
}

// fileOf describes the file at path, with stat fi and sidecar metadata
// meta, for Known and KnownExport.
func fileOf(path string, fi os.FileInfo, meta pipeline.Meta) File {
	return File{Path: path, Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Meta: meta}
}

// Load reads the file of d, a document this Source emitted with Unread
// set, as the first read would have: it sets Text, Hash, Meta, Status and
// Reason and clears Unread. The ID is kept.
func (s *Source) Load(ctx context.Context, d *pipeline.Doc) {
	if d.Format == FormatJSONL || d.Format == FormatCSV {
		s.loadRecord(ctx, d)
		return
	}
	r := s.newReader(ctx, nil, 0) // no Known: the file is read
	got := r.loadFile(d.Source, d.ID, d.Format, d.Meta)
	d.Text, d.Hash, d.Meta, d.Unread = got.Text, got.Hash, got.Meta, false
	if got.Status != "" {
		d.Status, d.Reason = got.Status, got.Reason
	}
}

// errFound stops loadRecord's read at the record it wants.
var errFound = errors.New("ingest: record found")

// loadRecord is Load for a record of a JSON Lines or CSV file (Source
// "PATH:N"): it reads the file up to that record. Meta is kept: it holds
// the sidecar metadata the file had when it was listed.
func (s *Source) loadRecord(ctx context.Context, d *pipeline.Doc) {
	d.Unread = false
	i := strings.LastIndexByte(d.Source, ':')
	if i < 0 {
		d.Status, d.Reason = pipeline.StatusFailed, "record source without a record number"
		return
	}
	var got *pipeline.Doc
	r := s.newReader(ctx, func(x *pipeline.Doc) error {
		if x.Source == d.Source {
			got = x
			return errFound
		}
		return nil
	}, 0)
	err := r.readFile(d.Source[:i], "", pipeline.Meta{})
	if got == nil {
		d.Status, d.Reason = pipeline.StatusFailed, "record no longer in its file"
		if err != nil && !errors.Is(err, errFound) {
			d.Reason += ": " + err.Error()
		}
		return
	}
	d.Text, d.Hash = got.Text, got.Hash
	if got.Status != pipeline.StatusOK && got.Status != pipeline.StatusDuplicate {
		d.Status, d.Reason = got.Status, got.Reason
	}
}

func (s *Source) newReader(ctx context.Context, emit func(*pipeline.Doc) error, sizeHint int) *reader {
	limit := s.Config.MaxFileBytes
	if limit <= 0 {
		limit = defaultMaxFileBytes
	}
	return &reader{
		cache:   s.HTMLCache,
		ctx:     ctx,
		emit:    emit,
		limit:   limit,
		maxText: s.Config.MaxTextBytes,
		maxPage: s.Config.MaxHTMLBytes,
		used:    make(map[string]int, sizeHint),
		hashes:  make(map[string]string, sizeHint),
		serial:  s.serial,
		src:     s,
	}
}

// HTMLCache stores the text and metadata extracted from HTML pages under a
// digest of the page's bytes. Implementations must be safe for concurrent
// use: Source calls them from several prefetch goroutines at once.
type HTMLCache interface {
	LoadHTML(key string) (text string, meta pipeline.Meta, ok bool)
	StoreHTML(key, text string, meta pipeline.Meta)
}

var _ pipeline.Source = (*Source)(nil)

// defaultMaxFileBytes applies when Config.MaxFileBytes is not set.
const defaultMaxFileBytes = 20 << 20

// Formats, as written to Doc.Format.
const (
	FormatText     = "txt"
	FormatMarkdown = "md"
	FormatHTML     = "html"
	FormatJSONL    = "jsonl"
	FormatCSV      = "csv"
)

// formatOf maps a lowercased file extension to its format.
var formatOf = map[string]string{
	".txt":      FormatText,
	".md":       FormatMarkdown,
	".markdown": FormatMarkdown,
	".html":     FormatHTML,
	".htm":      FormatHTML,
	".jsonl":    FormatJSONL,
	".ndjson":   FormatJSONL,
	".csv":      FormatCSV,
}

// SidecarReason is the reason of a manifest.csv sidecar's skip: it is
// listed in the run's manifest like every file of the input, but holds
// metadata, not documents.
const SidecarReason = "manifest.csv sidecar: metadata, not a document"

// stdinID is the file ID of standard input, used for records without an id.
const stdinID = "stdin"

// Docs reads every PATH and calls emit once per document, in order, from
// the calling goroutine. It returns an error wrapped as "ingest: ..." when a
// PATH does not exist or a folder given as PATH cannot be read, emit's error
// when emit fails, and ctx's error when ctx is cancelled (checked before
// every document). Problems with single files and records are emitted as
// documents with Status skipped or failed.
func (s *Source) Docs(ctx context.Context, emit func(*pipeline.Doc) error) error {
	for _, p := range s.Paths {
		if p == "-" {
			if s.Stdin == nil {
				return errors.New("ingest: path \"-\" given but no standard input")
			}
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	memo := &hookMemo{known: map[string]knownAnswer{}, exports: map[string]exportAnswer{}}
	var cache HTMLCache = s.HTMLCache
	if cache == nil {
		cache = &passCache{m: map[string]htmlDoc{}}
	}
	plan, err := s.plan(ctx, s.SizeHint, memo, cache)
	if err != nil {
		return err
	}
	if pc, ok := cache.(*passCache); ok {
		pc.mu.Lock()
		pc.frozen = true
		pc.mu.Unlock()
	}
	r := s.newReader(ctx, emit, s.SizeHint)
	r.known, r.knownExport = memo.wrap(s.Known, s.KnownExport, false)
	r.readExport = s.ReadExport
	r.cache = cache
	r.plan = plan
	return s.each(r, false)
}

// each reads every PATH with r; standard input is left out when noStdin
// (it can be read only once).
func (s *Source) each(r *reader, noStdin bool) error {
	s.excluded = nil
	for _, p := range s.Paths {
		var err error
		if p == "-" {
			if noStdin {
				continue
			}
			err = r.readJSONL(s.Stdin, "-", stdinID, pipeline.Meta{}, false)
		} else if fi, serr := os.Stat(p); serr != nil {
			return fmt.Errorf("ingest: %w", serr)
		} else if fi.IsDir() {
			err = r.walk(p, p, "", nil, true)
		} else {
			name := filepath.Base(p)
			err = r.readFile(p, strings.TrimSuffix(name, filepath.Ext(name)), siblingMeta(p))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// siblingMeta returns the metadata that the manifest.csv next to a file
// given as PATH has for it. A broken manifest is reported when its folder
// is read, not here.
func siblingMeta(p string) pipeline.Meta {
	name := filepath.Base(p)
	if isManifest(name) {
		return pipeline.Meta{}
	}
	m, err := readManifest(filepath.Join(filepath.Dir(p), "manifest.csv"), "")
	if err != nil {
		return pipeline.Meta{}
	}
	meta, _ := m.lookup(name)
	return meta
}

// reader is the state of one Docs call.
type reader struct {
	src         *Source // for Exclude; the walk runs on one goroutine
	cache       HTMLCache
	known       func(File) (string, bool)
	knownExport func(File) ([]ExportRecord, bool)
	readExport  func(File, []ExportRecord)
	// recording, while an export file is read, collects what send is
	// given, for readExport.
	recording bool
	recorded  []ExportRecord
	ctx       context.Context
	emit      func(*pipeline.Doc) error
	limit     int64
	maxText   int64             // Config.MaxTextBytes: a document's text is cut past it
	maxPage   int64             // Config.MaxHTMLBytes: a page is cut past it before extraction
	used      map[string]int    // doc ID -> highest "~N" suffix handed out
	hashes    map[string]string // text hash -> first doc ID
	serial    bool              // no prefetching
	// plan, in the second pass, names the winner of every text that
	// several documents have (see dedup.go).
	plan map[string]string
	// planner, in the first pass, is offered every document with text
	// instead of marking duplicates.
	planner *planner
}

// send gives d a unique ID, marks duplicates and emits it.
func (r *reader) send(d *pipeline.Doc) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if r.recording && len(r.recorded) >= maxExportRecords {
		// Too many to keep in memory: this export will be read again.
		r.recording, r.recorded = false, nil
	}
	var rec ExportRecord // d as given, for a recording
	if r.recording {
		rec = ExportRecord{ID: d.ID, Source: d.Source, Format: d.Format, Status: d.Status, Reason: d.Reason, Meta: d.Meta}
		rec.Meta.Extra = maps.Clone(d.Meta.Extra)
	}
	if d.Status == "" {
		d.Status = pipeline.StatusOK
	}
	if id, note := r.uniqueID(d.ID); note != "" {
		d.ID = id
		if d.Reason == "" {
			d.Reason = note
		} else {
			d.Reason += "; " + note
		}
	}
	// An unread document (Known said its file is unchanged) has no text
	// but its stored hash, and counts for duplicates as if it had been
	// read.
	if d.Status == pipeline.StatusOK && (d.Text != "" || d.Unread && d.Hash != "") {
		if d.Hash == "" { // loadFile hashes ahead, in a prefetch worker
			d.Hash = Hash(d.Text)
		}
		if r.planner != nil {
			r.planner.offer(d)
		} else if first, dup := r.winner(d.Hash, d.ID, nil); dup {
			d.Status = pipeline.StatusDuplicate
			d.DuplicateOf = first
			d.Reason = "duplicate of " + first
		}
	}
	if r.recording {
		rec.Final = d.ID
		if rec.Status == "" {
			rec.Hash, rec.Dup = d.Hash, d.Status == pipeline.StatusDuplicate
		}
		r.recorded = append(r.recorded, rec)
	}
	return r.emit(d)
}

// winner returns the ID of the document that text hash h is kept under
// and whether the document id is a duplicate of it: the plan's winner when
// the plan names one, else the first document with the text (recorded in
// r.hashes, or in local when local is not nil).
func (r *reader) winner(h, id string, local map[string]string) (string, bool) {
	if w, ok := r.plan[h]; ok {
		return w, w != id
	}
	if first, ok := r.hashes[h]; ok {
		return first, true
	}
	if local == nil {
		r.hashes[h] = id
		return id, false
	}
	if first, ok := local[h]; ok {
		return first, true
	}
	local[h] = id
	return id, false
}

// uniqueID returns id, or id with a "~N" suffix when id is taken, and a
// note saying so.
func (r *reader) uniqueID(id string) (string, string) {
	got, renamed := uniqueIn(id, func(k string) (int, bool) { n, ok := r.used[k]; return n, ok },
		func(k string, n int) { r.used[k] = n })
	if !renamed {
		return got, ""
	}
	return got, fmt.Sprintf("id %q already used, renamed %q", id, got)
}

// uniqueIn returns id, or id with the first free "~N" suffix, given the
// IDs handed out (get: an ID's highest suffix so far) and records it with
// set.
func uniqueIn(id string, get func(string) (int, bool), set func(string, int)) (string, bool) {
	n, taken := get(id)
	if !taken {
		set(id, 1)
		return id, false
	}
	for k := n + 1; ; k++ {
		c := id + "~" + strconv.Itoa(k)
		if _, ok := get(c); !ok {
			set(id, k)
			set(c, 1)
			return c, true
		}
	}
}

// replayable reports whether emitting recs again gives every record the ID
// it had and leaves each record a duplicate or not as it was. Otherwise
// some record would need its text after all (its stored analysis is filed
// under another ID, or it has none, being a duplicate then), one record at
// a time: the file is read instead.
func (r *reader) replayable(recs []ExportRecord) bool {
	used := map[string]int{} // IDs handed out by the replay, over r.used
	get := func(k string) (int, bool) {
		if n, ok := used[k]; ok {
			return n, true
		}
		n, ok := r.used[k]
		return n, ok
	}
	hashes := map[string]string{}
	for _, rec := range recs {
		if id, _ := uniqueIn(rec.ID, get, func(k string, n int) { used[k] = n }); id != rec.Final {
			return false
		}
		if rec.Status != "" || rec.Hash == "" {
			continue
		}
		if _, dup := r.winner(rec.Hash, rec.Final, hashes); dup != rec.Dup {
			return false
		}
	}
	return true
}

// joinPath joins a PATH argument, kept as the user gave it, and a
// slash-separated path relative to it.
func joinPath(arg, rel string) string {
	if rel == "" {
		return arg
	}
	if strings.HasSuffix(arg, "/") || strings.HasSuffix(arg, string(os.PathSeparator)) {
		return arg + filepath.FromSlash(rel)
	}
	return arg + string(os.PathSeparator) + filepath.FromSlash(rel)
}

// isManifest reports whether a file name is a sidecar manifest.
func isManifest(name string) bool { return strings.EqualFold(name, "manifest.csv") }

// walk reads folder dir (arg joined with rel) recursively. Entries are
// visited in lexical order of their slash-separated paths: sorting each
// folder's entries by name, with "/" appended to folder names, gives the
// same order as sorting full paths.
func (r *reader) walk(arg, dir, rel string, mans []*manifest, root bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if root {
			return fmt.Errorf("ingest: %w", err)
		}
		return r.send(&pipeline.Doc{ID: rel, Source: dir, Status: pipeline.StatusFailed, Reason: err.Error()})
	}
	type entry struct {
		key     string
		name    string
		dir     bool
		regular bool
	}
	list := make([]entry, 0, len(entries))
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.IsDir() {
				isDir = true
			}
		}
		key := name
		if isDir {
			if p := filepath.Join(dir, name); r.src.isExcluded(p) {
				r.src.excluded = append(r.src.excluded, p)
				continue
			}
			key += "/"
		}
		list = append(list, entry{key, name, isDir, e.Type().IsRegular()})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].key < list[j].key })

	// Manifests apply to the whole folder, so they are read first; their
	// own entries are emitted in order with the other files.
	manErr := map[string]error{}
	for _, e := range list {
		if e.dir || !isManifest(e.name) {
			continue
		}
		m, err := readManifest(filepath.Join(dir, e.name), rel)
		if err != nil {
			manErr[e.name] = err
			continue
		}
		mans = append(mans[:len(mans):len(mans)], m)
	}

	// Single-document files are read, decoded and hashed ahead by a few
	// workers; the loop below takes their documents in order.
	var jobs []*loadJob
	jobOf := make([]int, len(list))
	for i, e := range list {
		jobOf[i] = -1
		if r.serial || e.dir || !e.regular || isManifest(e.name) {
			continue
		}
		switch formatOf[strings.ToLower(filepath.Ext(e.name))] {
		case FormatText, FormatMarkdown, FormatHTML:
			jobOf[i] = len(jobs)
			childRel := joinRel(rel, e.name)
			jobs = append(jobs, &loadJob{path: joinPath(arg, childRel), id: path2id(rel, e.name),
				format: formatOf[strings.ToLower(filepath.Ext(e.name))], meta: lookupMeta(mans, childRel)})
		}
	}
	var pf *prefetcher
	if len(jobs) > 1 {
		pf = r.startPrefetch(jobs)
		defer pf.stop()
	}

	for i, e := range list {
		if k := jobOf[i]; k >= 0 {
			d, err := pf.get(k)
			if err != nil {
				return err
			}
			if d == nil { // a lone file: no pool
				j := jobs[k]
				d = r.loadFile(j.path, j.id, j.format, j.meta)
			}
			if err := r.send(d); err != nil {
				return err
			}
			continue
		}
		childRel := joinRel(rel, e.name)
		childPath := joinPath(arg, childRel)
		switch {
		case e.dir:
			info, err := os.Lstat(childPath)
			if err == nil && info.Mode()&fs.ModeSymlink != 0 {
				// Following folder links could loop forever.
				d := &pipeline.Doc{ID: childRel, Source: childPath, Status: pipeline.StatusSkipped,
					Reason: "symbolic link to a folder"}
				if err := r.send(d); err != nil {
					return err
				}
				continue
			}
			if err := r.walk(arg, childPath, childRel, mans, false); err != nil {
				return err
			}
		case isManifest(e.name):
			// Listed, so that every file of the input shows up in the
			// run's manifest, but never analysed.
			d := &pipeline.Doc{ID: path2id(rel, e.name), Source: childPath, Format: FormatCSV,
				Status: pipeline.StatusSkipped, Reason: SidecarReason}
			if err := manErr[e.name]; err != nil {
				d.Status, d.Reason = pipeline.StatusFailed, "invalid manifest.csv sidecar: "+err.Error()
			}
			if err := r.send(d); err != nil {
				return err
			}
		default:
			if err := r.readFile(childPath, path2id(rel, e.name), lookupMeta(mans, childRel)); err != nil {
				return err
			}
		}
	}
	return nil
}

// lookupMeta returns what the innermost manifest that lists rel says of it.
func lookupMeta(mans []*manifest, rel string) pipeline.Meta {
	for i := len(mans) - 1; i >= 0; i-- {
		if m, ok := mans[i].lookup(rel); ok {
			return m
		}
	}
	return pipeline.Meta{}
}

// loadJob is one file for the prefetch workers; done receives its
// document.
type loadJob struct {
	path, id, format string
	meta             pipeline.Meta
	done             chan *pipeline.Doc // buffered: a worker never waits
}

// prefetcher runs loadFile on the jobs of one folder with a few workers,
// at most window jobs ahead of the one the walk takes next. Its
// goroutines end in stop, which walk defers, so none outlives Docs.
type prefetcher struct {
	ctx    context.Context
	cancel context.CancelFunc
	jobs   []*loadJob
	work   chan *loadJob // never holds more than window jobs, so sends never block
	window int
	next   int // jobs[:next] were handed to the workers
	wg     sync.WaitGroup
}

func (r *reader) startPrefetch(jobs []*loadJob) *prefetcher {
	n := min(runtime.GOMAXPROCS(0), len(jobs))
	ctx, cancel := context.WithCancel(r.ctx)
	p := &prefetcher{ctx: ctx, cancel: cancel, jobs: jobs, window: 2 * n}
	p.work = make(chan *loadJob, p.window)
	for _, j := range jobs {
		j.done = make(chan *pipeline.Doc, 1)
	}
	for range n {
		p.wg.Go(func() {
			for j := range p.work {
				if ctx.Err() != nil {
					continue // stopping: drain without reading
				}
				j.done <- r.loadFile(j.path, j.id, j.format, j.meta)
			}
		})
	}
	return p
}

// get returns the document of job k, which must be taken in order, or
// ctx's error. On a nil prefetcher it returns nil, nil.
func (p *prefetcher) get(k int) (*pipeline.Doc, error) {
	if p == nil {
		return nil, nil
	}
	for p.next < len(p.jobs) && p.next < k+p.window {
		p.work <- p.jobs[p.next]
		p.next++
	}
	select {
	case d := <-p.jobs[k].done:
		p.jobs[k] = nil // let the document go once sent
		return d, nil
	case <-p.ctx.Done():
		return nil, p.ctx.Err()
	}
}

// stop ends the workers and waits for them.
func (p *prefetcher) stop() {
	p.cancel()
	close(p.work)
	p.wg.Wait()
}

func joinRel(rel, name string) string {
	if rel == "" {
		return name
	}
	return rel + "/" + name
}

// path2id is the document ID derived from a file: its slash-separated path
// relative to the PATH argument, without extension.
func path2id(rel, name string) string {
	return joinRel(rel, strings.TrimSuffix(name, filepath.Ext(name)))
}

// readFile reads one file found at path, whose derived ID is id; meta comes
// from a sidecar manifest.
func (r *reader) readFile(path, id string, meta pipeline.Meta) error {
	ext := strings.ToLower(filepath.Ext(path))
	format, known := formatOf[ext]
	if !known {
		d := &pipeline.Doc{ID: id, Source: path, Status: pipeline.StatusSkipped, Meta: meta}
		if ext == "" {
			d.Reason = "unsupported file type (no extension)"
		} else {
			d.Reason = "unsupported file type " + ext
		}
		return r.send(d)
	}
	if format != FormatJSONL && format != FormatCSV {
		return r.send(r.loadFile(path, id, format, meta))
	}
	d := &pipeline.Doc{ID: id, Source: path, Format: format}
	fi, status, reason := r.stat(path)
	if fi == nil {
		d.Status, d.Reason = status, reason
		return r.send(d)
	}
	file := fileOf(path, fi, meta)
	if r.knownExport != nil {
		// The first pass needs only the records' IDs and hashes, which an
		// unchanged file gives again whether replayable or not.
		if recs, ok := r.knownExport(file); ok && (r.planner != nil || r.replayable(recs)) {
			for _, rec := range recs {
				if err := r.send(rec.doc()); err != nil {
					return err
				}
			}
			return nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		d.Status, d.Reason = pipeline.StatusFailed, err.Error()
		return r.send(d)
	}
	defer f.Close()
	in, _ := decodeUTF16(f)
	if r.readExport != nil && r.planner == nil {
		r.recording, r.recorded = true, nil
		defer func() { r.recording, r.recorded = false, nil }()
	}
	if format == FormatJSONL {
		err = r.readJSONL(in, path, id, meta, true)
	} else {
		err = r.readCSV(in, path, id, meta)
	}
	if err == nil && r.recording && len(r.recorded) > 0 {
		r.readExport(file, r.recorded)
	}
	return err
}

// stat checks that path is a regular file within the size limit. When it
// is not, it returns nil and the status and reason of the document.
func (r *reader) stat(path string) (fi os.FileInfo, status pipeline.Status, reason string) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, pipeline.StatusFailed, err.Error()
	}
	if !fi.Mode().IsRegular() {
		return nil, pipeline.StatusSkipped, "not a regular file"
	}
	if fi.Size() > r.limit {
		return nil, pipeline.StatusSkipped, fmt.Sprintf("file too large (%d bytes > limit %d)", fi.Size(), r.limit)
	}
	return fi, "", ""
}

// loadFile reads a single-document file (text, Markdown or HTML) and
// returns its document, ready for send: Status is empty when the text is
// fine, and Hash is then set. A file Known says is unchanged is not read.
// It depends on no other document and touches no state of r but the HTML
// cache, so prefetch workers call it concurrently.
func (r *reader) loadFile(path, id, format string, meta pipeline.Meta) *pipeline.Doc {
	d := &pipeline.Doc{ID: id, Source: path, Format: format}
	fi, status, reason := r.stat(path)
	if fi == nil {
		d.Status, d.Reason = status, reason
		return d
	}
	if r.known != nil {
		if h, ok := r.known(fileOf(path, fi, meta)); ok {
			d.Meta, d.Hash, d.Unread = meta, h, true
			return d
		}
	}
	f, err := os.Open(path)
	if err != nil {
		d.Status, d.Reason = pipeline.StatusFailed, err.Error()
		return d
	}
	defer f.Close()
	size := fi.Size()
	in, utf16 := decodeUTF16(f)
	maxRead := r.limit
	if utf16 {
		maxRead = r.limit/2*3 + 3 // two UTF-16 bytes make at most three UTF-8 bytes
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + bytes.MinRead) // one allocation for the usual case
	if _, err := buf.ReadFrom(io.LimitReader(in, maxRead+1)); err != nil {
		d.Status, d.Reason = pipeline.StatusFailed, err.Error()
		return d
	}
	b := buf.Bytes()
	if int64(len(b)) > maxRead { // the file grew since Stat
		d.Status, d.Reason = pipeline.StatusSkipped, fmt.Sprintf("file too large (more than limit %d bytes)", r.limit)
		return d
	}
	d.Meta = meta
	if format == FormatHTML {
		b = htmlToUTF8(b)
	}
	text, skip, fail := decodeText(b)
	switch {
	case skip != "":
		d.Status, d.Reason = pipeline.StatusSkipped, skip
		return d
	case fail != "":
		d.Status, d.Reason = pipeline.StatusFailed, fail
		return d
	}
	if format == FormatHTML {
		text = cutPage(d, text, r.maxPage)
		h, err := r.extractHTML(text)
		if err != nil {
			d.Status, d.Reason = pipeline.StatusSkipped, "no main text found in html: "+err.Error()
			return d
		}
		if strings.TrimSpace(h.Text) == "" {
			d.Status, d.Reason = pipeline.StatusSkipped, "no main text found in html"
			return d
		}
		text = h.Text
		fillMeta(&d.Meta, h.Meta)
	}
	checkMeta(d)
	d.Text = text
	blankText(d)
	cutText(d, r.maxText)
	if d.Text != "" {
		d.Hash = Hash(d.Text)
	}
	return d
}

// extractHTML extracts a page, through the cache when there is one.
func (r *reader) extractHTML(page string) (htmlDoc, error) {
	if r.cache == nil {
		return extractHTML([]byte(page))
	}
	sum := sha256.Sum256([]byte(page))
	key := hex.EncodeToString(sum[:])
	if text, meta, ok := r.cache.LoadHTML(key); ok {
		return htmlDoc{Text: text, Meta: meta}, nil
	}
	h, err := extractHTML([]byte(page))
	if err == nil {
		r.cache.StoreHTML(key, h.Text, h.Meta)
	}
	return h, err
}

func (r *reader) skip(d *pipeline.Doc, reason string) error {
	d.Status, d.Reason = pipeline.StatusSkipped, reason
	return r.send(d)
}

func (r *reader) fail(d *pipeline.Doc, reason string) error {
	d.Status, d.Reason = pipeline.StatusFailed, reason
	return r.send(d)
}

// recordDoc turns a parsed record into a document.
func recordDoc(rec *record, src, fileID, format string, n int, meta pipeline.Meta) *pipeline.Doc {
	d := &pipeline.Doc{ID: strings.TrimSpace(rec.vals[fieldID]), Source: src + ":" + strconv.Itoa(n), Format: format}
	if d.ID == "" {
		d.ID = fileID + ":" + strconv.Itoa(n)
	}
	d.Meta = rec.meta()
	fillMeta(&d.Meta, meta)
	checkMeta(d)
	d.Text = rec.vals[fieldText]
	if strings.TrimSpace(d.Text) == "" {
		d.Text = ""
		d.Status, d.Reason = pipeline.StatusSkipped, "empty text"
	}
	return d
}

// recordFail is a failed document for record n of a file.
func recordFail(src, fileID, format string, n int, reason string) *pipeline.Doc {
	return &pipeline.Doc{
		ID:     fileID + ":" + strconv.Itoa(n),
		Source: src + ":" + strconv.Itoa(n),
		Format: format,
		Status: pipeline.StatusFailed,
		Reason: reason,
	}
}

// readJSONL streams JSON Lines from in. src names the input in Doc.Source;
// sniff enables the binary-file test (not for standard input, where
// peeking could block).
func (r *reader) readJSONL(in io.Reader, src, fileID string, meta pipeline.Meta, sniff bool) error {
	br := bufio.NewReaderSize(in, 64<<10)
	fileDoc := &pipeline.Doc{ID: fileID, Source: src, Format: FormatJSONL}
	if sniff {
		// A binary-looking start skips the file only when no line of it
		// is a JSON record: one bad record must not drop the others.
		head, _ := br.Peek(sniffLen)
		if isBinary(head) && !holdsJSONRecord(head) {
			return r.skip(fileDoc, "binary file")
		}
	}
	if head, _ := br.Peek(3); string(head) == string(bom) {
		br.Discard(3) //nolint:errcheck // the bytes were just peeked
	}
	lr := &lineReader{r: br, max: r.limit}
	records := 0
	for n := 1; ; n++ {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err == errLineTooLong {
			records++
			if err := r.send(recordFail(src, fileID, FormatJSONL, n,
				fmt.Sprintf("line %d longer than limit of %d bytes", n, r.limit))); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return r.send(recordFail(src, fileID, FormatJSONL, n, err.Error()))
		}
		if isBlank(line) {
			continue
		}
		records++
		var d *pipeline.Doc
		var fe *fieldError
		if at := invalidUTF8(line); at >= 0 {
			d = recordFail(src, fileID, FormatJSONL, n, fmt.Sprintf("invalid utf-8 on line %d at byte %d", n, at))
		} else if at := bytes.IndexByte(line, 0); at >= 0 {
			d = recordFail(src, fileID, FormatJSONL, n, fmt.Sprintf("binary data (NUL byte) on line %d at byte %d", n, at))
		} else if rec, err := parseJSONRecord(line); errors.As(err, &fe) {
			d = recordFail(src, fileID, FormatJSONL, n, fmt.Sprintf("invalid record on line %d: %v", n, err))
		} else if err != nil {
			d = recordFail(src, fileID, FormatJSONL, n, fmt.Sprintf("invalid json on line %d: %v", n, err))
		} else {
			d = recordDoc(rec, src, fileID, FormatJSONL, n, meta)
			if reason := binaryText(d.Text); reason != "" {
				d = recordFail(src, fileID, FormatJSONL, n, fmt.Sprintf("%s in the text of line %d", reason, n))
			}
			blankText(d)
			cutText(d, r.maxText)
		}
		if err := r.send(d); err != nil {
			return err
		}
	}
	if records == 0 {
		return r.skip(fileDoc, "empty file")
	}
	return nil
}

// readCSV streams a CSV file with a header row.
func (r *reader) readCSV(in io.Reader, src, fileID string, meta pipeline.Meta) error {
	br := bufio.NewReaderSize(in, 64<<10)
	fileDoc := &pipeline.Doc{ID: fileID, Source: src, Format: FormatCSV}
	head, _ := br.Peek(sniffLen)
	if isBinary(head) && !csvHeaderLine(head) {
		// Judged by its header row: a file whose first line is a
		// readable header is an export, and its records are judged one
		// by one.
		return r.skip(fileDoc, "binary file")
	}
	if isBlank(head) && len(head) < sniffLen {
		return r.skip(fileDoc, "empty file")
	}
	if string(head[:min(3, len(head))]) == string(bom) {
		br.Discard(3) //nolint:errcheck // the bytes were just peeked
	}
	cr := newCSVReader(br)
	cols, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return r.skip(fileDoc, "empty file")
		}
		return r.fail(fileDoc, "invalid csv header: "+err.Error())
	}
	hdr := newCSVHeader(cols)
	if !hdr.has(fieldText) {
		return r.fail(fileDoc, "csv has no text column (text, body or content)")
	}
	for i, c := range hdr {
		if at := invalidUTF8([]byte(c)); at >= 0 {
			return r.fail(fileDoc, fmt.Sprintf("invalid utf-8 in csv header column %d", i+1))
		}
	}
	records := 0
	for n := 1; ; n++ {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		records++
		var d *pipeline.Doc
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			d = recordFail(src, fileID, FormatCSV, n, "invalid csv: "+err.Error())
		case err != nil:
			return r.send(recordFail(src, fileID, FormatCSV, n, err.Error()))
		default:
			d = nil
			for i, f := range row {
				if at := invalidUTF8([]byte(f)); at >= 0 {
					line, _ := cr.FieldPos(i)
					d = recordFail(src, fileID, FormatCSV, n,
						fmt.Sprintf("invalid utf-8 in record %d (line %d) column %d at byte %d", n, line, i+1, at))
					break
				}
			}
			if d == nil {
				for i, f := range row {
					if at := strings.IndexByte(f, 0); at >= 0 {
						line, _ := cr.FieldPos(i)
						d = recordFail(src, fileID, FormatCSV, n,
							fmt.Sprintf("binary data (NUL byte) in record %d (line %d) column %d at byte %d", n, line, i+1, at))
						break
					}
				}
			}
			if d == nil {
				d = recordDoc(hdr.record(row), src, fileID, FormatCSV, n, meta)
				if reason := binaryText(d.Text); reason != "" {
					line, _ := cr.FieldPos(0)
					d = recordFail(src, fileID, FormatCSV, n, fmt.Sprintf("%s in the text of record %d (line %d)", reason, n, line))
				}
				blankText(d)
				cutText(d, r.maxText)
			}
		}
		if err := r.send(d); err != nil {
			return err
		}
	}
	if records == 0 {
		return r.skip(fileDoc, "no records")
	}
	return nil
}
