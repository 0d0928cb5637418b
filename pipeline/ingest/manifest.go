package ingest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/framewatch/framewatch/pipeline"
)

// manifest is a folder's sidecar manifest.csv: metadata for the files in
// that folder (and below it), keyed by slash-separated path relative to it.
type manifest struct {
	dir   string // folder, relative to the PATH argument ("" for the PATH itself)
	files map[string]pipeline.Meta
}

// readManifest reads the manifest at p, found in folder dir (relative to
// the PATH argument). Columns: file (required), outlet, country, date, url,
// author, title, matched case-insensitively under the same names as in
// JSON Lines and CSV input; other columns go to Meta.Extra.
func readManifest(p, dir string) (*manifest, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	// A manifest has one short row per file; the document size limit is a
	// generous bound.
	if fi.Size() > defaultMaxFileBytes {
		return nil, fmt.Errorf("too large (%d bytes)", fi.Size())
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	if at := invalidUTF8(b); at >= 0 {
		return nil, fmt.Errorf("invalid utf-8 at byte %d", at)
	}
	b = []byte(strings.TrimPrefix(string(b), string(bom)))
	cr := newCSVReader(strings.NewReader(string(b)))
	cols, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, errors.New("empty")
		}
		return nil, err
	}
	fileCol := -1
	for i, c := range cols {
		if strings.EqualFold(strings.TrimSpace(c), fieldFile) {
			fileCol = i
			break
		}
	}
	if fileCol < 0 {
		return nil, errors.New("no file column")
	}
	hdr := newCSVHeader(cols)
	m := &manifest{dir: dir, files: map[string]pipeline.Meta{}}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name := cleanRel(row[fileCol])
		if name == "" {
			continue
		}
		rec := newRecord()
		for i, v := range row {
			if i == fileCol {
				continue
			}
			rec.set(hdr[i], v)
		}
		if _, dup := m.files[name]; dup {
			return nil, fmt.Errorf("file %q listed twice", name)
		}
		meta := rec.meta()
		// A manifest describes files; text and id columns make no sense
		// there and are kept as extras rather than dropped.
		for _, k := range []string{fieldID, fieldText} {
			if v := rec.vals[k]; v != "" {
				if meta.Extra == nil {
					meta.Extra = map[string]string{}
				}
				meta.Extra[rec.names[k]] = v
			}
		}
		m.files[name] = meta
	}
	return m, nil
}

// cleanRel normalises a manifest file name to a clean slash-separated
// relative path.
func cleanRel(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\\", "/"))
	if s == "" {
		return ""
	}
	return strings.TrimPrefix(path.Clean("/"+s), "/")
}

// lookup returns the metadata for the file at rel (relative to the PATH
// argument).
func (m *manifest) lookup(rel string) (pipeline.Meta, bool) {
	if m.dir != "" {
		if !strings.HasPrefix(rel, m.dir+"/") {
			return pipeline.Meta{}, false
		}
		rel = rel[len(m.dir)+1:]
	}
	meta, ok := m.files[rel]
	if ok && meta.Extra != nil {
		// Each document gets its own Extra map, so that later writes to
		// one document do not leak into another.
		extra := make(map[string]string, len(meta.Extra))
		for k, v := range meta.Extra {
			extra[k] = v
		}
		meta.Extra = extra
	}
	return meta, ok
}
