package transforms

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/framewatch/framewatch/pipeline"

	// The file systems a PATH URL may name, besides local paths.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
)

// isURL reports whether a PATH names a file or folder on one of the SDK's
// file systems (gs://bucket/prefix, s3://bucket/prefix, memfs://...)
// rather than a local path.
func isURL(p string) bool {
	i := strings.Index(p, "://")
	return i > 0 && !strings.ContainsAny(p[:i], `/\.`)
}

// maxDepth is how many folder levels under a PATH URL are listed: object
// stores have no folders, and some of the SDK's file systems (S3) match
// "*" within one level only.
const maxDepth = 12

// stage copies the files under the PATH URL u (or the file u itself) into
// a new folder under tmp, keeping their names relative to u, and returns
// the local path to give pipeline/ingest: the folder, or the one file's
// copy. Ingest then reads it exactly as it reads a local PATH (the same
// IDs, sidecar manifests, formats and failure rows), one file at a time
// from disk, so memory stays bounded whatever the corpus.
func stage(ctx context.Context, u, tmp string) (string, error) {
	fsys, err := filesystem.New(ctx, u)
	if err != nil {
		return "", fmt.Errorf("transforms: %s: %w", u, err)
	}
	defer fsys.Close()
	root := strings.TrimSuffix(u, "/")
	// A PATH that names one object is that file.
	if got, err := fsys.List(ctx, root); err == nil && len(got) == 1 && got[0] == root {
		local := filepath.Join(tmp, path.Base(root))
		return local, copyFile(ctx, fsys, root, local)
	}
	seen := map[string]bool{}
	var files []string
	pattern := root
	for range maxDepth {
		pattern += "/*"
		got, err := fsys.List(ctx, pattern)
		if err != nil {
			return "", fmt.Errorf("transforms: list %s: %w", pattern, err)
		}
		for _, f := range got {
			if !seen[f] {
				seen[f] = true
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		return "", fmt.Errorf("transforms: %s: no such file or folder", u)
	}
	slices.Sort(files)
	dir := filepath.Join(tmp, "path")
	for _, f := range files {
		rel := strings.TrimPrefix(f, root+"/")
		if rel == f || strings.HasSuffix(rel, "/") {
			continue // a folder marker object
		}
		local := filepath.Join(dir, filepath.FromSlash(rel))
		if !strings.HasPrefix(local, dir+string(filepath.Separator)) {
			return "", fmt.Errorf("transforms: %s: object name %q leaves its folder", u, rel)
		}
		if err := copyFile(ctx, fsys, f, local); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// copyFile copies the object name to the local file local.
func copyFile(ctx context.Context, fsys filesystem.Interface, name, local string) error {
	if err := os.MkdirAll(filepath.Dir(local), 0o755); err != nil {
		return err
	}
	r, err := fsys.OpenRead(ctx, name)
	if err != nil {
		return fmt.Errorf("transforms: read %s: %w", name, err)
	}
	defer r.Close()
	w, err := os.Create(local)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return fmt.Errorf("transforms: read %s: %w", name, err)
	}
	return w.Close()
}

// unstage gives a document read from a staged copy its PATH URL back: its
// source (and a reason naming the file) reads as the URL, not the copy.
func unstage(d *pipeline.Doc, local, u string) {
	u = strings.TrimSuffix(u, "/")
	fix := func(s string) string {
		return strings.ReplaceAll(s, local, u)
	}
	if strings.HasPrefix(d.Source, local) {
		d.Source = u + filepath.ToSlash(strings.TrimPrefix(d.Source, local))
	}
	d.Reason = fix(d.Reason)
	for i, n := range d.Notes {
		d.Notes[i] = fix(n)
	}
}
