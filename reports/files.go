package reports

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// outDir is the output folder. It is the only place in reports that
// touches the file system; everything else writes to an io.Writer.
type outDir struct {
	root    string
	written []string // relative paths, for the manifest
}

func newOutDir(root string) (*outDir, error) {
	if err := os.MkdirAll(filepath.Join(root, "charts"), 0o755); err != nil {
		return nil, fmt.Errorf("reports: %w", err)
	}
	return &outDir{root: root}, nil
}

// streamFile is an open, buffered output file.
type streamFile struct {
	f *os.File
	*bufio.Writer
}

// create opens name (relative to the output folder) for streaming.
func (o *outDir) create(name string) (*streamFile, error) {
	s, err := o.createTemp(name)
	if err != nil {
		return nil, err
	}
	o.written = append(o.written, name)
	return s, nil
}

// createTemp opens name like create but leaves it out of files: it is a
// scratch file that the caller removes before the run ends.
func (o *outDir) createTemp(name string) (*streamFile, error) {
	f, err := os.Create(filepath.Join(o.root, filepath.FromSlash(name)))
	if err != nil {
		return nil, fmt.Errorf("reports: %w", err)
	}
	return &streamFile{f: f, Writer: bufio.NewWriterSize(f, 64<<10)}, nil
}

// open opens name (relative to the output folder) for reading.
func (o *outDir) open(name string) (io.ReadCloser, error) {
	f, err := os.Open(filepath.Join(o.root, filepath.FromSlash(name)))
	if err != nil {
		return nil, fmt.Errorf("reports: %w", err)
	}
	return f, nil
}

// remove deletes name (relative to the output folder); a missing file is
// not an error.
func (o *outDir) remove(name string) error {
	if err := os.Remove(filepath.Join(o.root, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reports: %w", err)
	}
	return nil
}

// Close flushes and closes the file.
func (s *streamFile) Close() error {
	err := s.Flush()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("reports: %w", err)
	}
	return nil
}

// write creates name and fills it with fn.
func (o *outDir) write(name string, fn func(io.Writer) error) error {
	s, err := o.create(name)
	if err != nil {
		return err
	}
	if err := fn(s); err != nil {
		return errors.Join(err, s.Close())
	}
	return s.Close()
}

// files lists every file written so far, sorted.
func (o *outDir) files() []string {
	out := slices.Clone(o.written)
	slices.Sort(out)
	return out
}
