package feeds

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// manifestColumns are the sidecar manifest.csv columns a Store writes.
// file, outlet, country, date, url, author and title are ingest's own
// metadata fields; the others reach a run's manifest.json as extras.
var manifestColumns = []string{"file", "outlet", "country", "language", "date", "date_source",
	"url", "title", "author", "feed", "fetched", "text_hash"}

// Article is one saved page and its metadata.
type Article struct {
	File     string // relative to its outlet folder
	Outlet   string
	Country  string
	Language string
	Date     string // YYYY-MM-DD, or ""
	// DateSource says where Date came from: "feed" (the item's published
	// date), "feed-updated" (its updated date), "page" (the page's own
	// metadata) or "" (no date).
	DateSource string
	URL        string // canonical URL
	Title      string
	Author     string
	Feed       string // the feed's name
	Fetched    string // RFC 3339 UTC time of the fetch
	TextHash   string // ingest.Hash of the text ingest reads from the page
}

func (a Article) row() []string {
	return []string{a.File, a.Outlet, a.Country, a.Language, a.Date, a.DateSource,
		a.URL, a.Title, a.Author, a.Feed, a.Fetched, a.TextHash}
}

// Store is a folder of saved articles: DIR/<outlet>/<file>.html, each
// listed in DIR/<outlet>/manifest.csv. It is not safe for concurrent use.
type Store struct {
	dir     string
	folders map[string][]Article // outlet folder -> its articles, in saving order
	urls    map[string]bool
	texts   map[string]string // text hash -> URL
}

// OpenStore opens (creating) the store in dir. It removes what a killed
// fetch may have left: temporary files, and HTML files that no manifest
// lists.
func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	s := &Store{dir: dir, folders: map[string][]Article{}, urls: map[string]bool{}, texts: map[string]string{}}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	for _, e := range ents {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := s.load(e.Name()); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Store) load(folder string) error {
	p := filepath.Join(s.dir, folder)
	listed := map[string]bool{}
	f, err := os.Open(filepath.Join(p, "manifest.csv"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("feeds: %w", err)
	default:
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			return fmt.Errorf("feeds: %s: %w", filepath.Join(p, "manifest.csv"), err)
		}
		for i, r := range rows {
			if i == 0 || len(r) != len(manifestColumns) {
				continue // the header, or a row some other tool wrote
			}
			a := Article{r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]}
			s.folders[folder] = append(s.folders[folder], a)
			listed[a.File] = true
			s.urls[a.URL] = true
			if a.TextHash != "" {
				s.texts[a.TextHash] = a.URL
			}
		}
	}
	ents, err := os.ReadDir(p)
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	for _, e := range ents {
		n := e.Name()
		orphan := strings.HasPrefix(n, ".tmp-") || (strings.HasSuffix(n, ".html") && !listed[n])
		if orphan && e.Type().IsRegular() {
			if err := os.Remove(filepath.Join(p, n)); err != nil {
				return fmt.Errorf("feeds: %w", err)
			}
		}
	}
	return nil
}

// HasURL reports whether an article with this canonical URL is saved.
func (s *Store) HasURL(u string) bool { return s.urls[u] }

// TextOf returns the URL of the saved article with this text hash.
func (s *Store) TextOf(hash string) (string, bool) { u, ok := s.texts[hash]; return u, ok }

// Len is the number of saved articles.
func (s *Store) Len() int { return len(s.urls) }

// Save writes page as a new article: the HTML under a temporary name,
// renamed into place, then the outlet folder's manifest.csv the same way.
// a.File is set from the URL and date.
func (s *Store) Save(a *Article, page []byte) error {
	folder := Slug(a.Outlet)
	p := filepath.Join(s.dir, folder)
	if err := os.MkdirAll(p, 0o755); err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	sum := sha256.Sum256([]byte(a.URL))
	date := a.Date
	if date == "" {
		date = "undated"
	}
	a.File = date + "-" + hex.EncodeToString(sum[:6]) + ".html"
	if err := writeAtomic(filepath.Join(p, a.File), page); err != nil {
		return err
	}
	arts := append(s.folders[folder], *a)
	if err := writeManifest(filepath.Join(p, "manifest.csv"), arts); err != nil {
		return err
	}
	s.folders[folder] = arts
	s.urls[a.URL] = true
	if a.TextHash != "" {
		s.texts[a.TextHash] = a.URL
	}
	return nil
}

// Articles returns every saved article, by folder then file name.
func (s *Store) Articles() []Article {
	var out []Article
	for _, as := range s.folders {
		out = append(out, as...)
	}
	sort.Slice(out, func(i, j int) bool {
		fi, fj := Slug(out[i].Outlet), Slug(out[j].Outlet)
		if fi != fj {
			return fi < fj
		}
		return out[i].File < out[j].File
	})
	return out
}

func writeManifest(path string, arts []Article) error {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(manifestColumns)
	for _, a := range arts {
		_ = w.Write(a.row())
	}
	w.Flush()
	return writeAtomic(path, []byte(b.String()))
}

// writeAtomic writes b to path through a temporary file in the same
// folder, synced before the rename, so that path holds either its old
// content or all of b.
func writeAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("feeds: %w", err)
	}
	return nil
}

// Slug is the folder name of an outlet: lower case letters and digits,
// other runs of characters as one "-".
func Slug(outlet string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(outlet) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "outlet"
	}
	return b.String()
}
