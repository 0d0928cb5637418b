package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Politeness defaults, documented in README.md ("Feeds").
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBodyBytes = 10 << 20
	DefaultMaxRedirects = 5
	DefaultRetries      = 3
	DefaultRetryWaitMax = 60 * time.Second
	DefaultHostInterval = 2 * time.Second
	DefaultMaxItems     = 100
	// DefaultSilentAfter is how long a feed may list nothing new before it
	// is flagged, until it has a usual interval (three dated items).
	DefaultSilentAfter = 48 * time.Hour
)

// Config is a feeds.yaml file: politeness settings and the feeds.
type Config struct {
	// Contact is a URL (or mailto:) where a site's operator reaches whoever
	// runs framewatch; it is sent in the User-Agent. Required.
	Contact string `yaml:"contact"`
	// UserAgent replaces the product part of the User-Agent
	// ("framewatch/VERSION"); the contact is always appended.
	UserAgent    string        `yaml:"user_agent"`
	Timeout      time.Duration `yaml:"timeout"`
	MaxBodyBytes int64         `yaml:"max_body_bytes"`
	MaxRedirects int           `yaml:"max_redirects"`
	// Retries is the number of further attempts (default 3; 0: none).
	Retries int `yaml:"retries"`
	// RetryWaitMax caps the wait between attempts; a Retry-After longer
	// than it is not waited for: the request fails with that reason.
	RetryWaitMax time.Duration `yaml:"retry_wait_max"`
	// HostInterval is the least time between two requests to one host; a
	// longer robots.txt Crawl-delay wins.
	HostInterval time.Duration `yaml:"host_interval"`
	Feeds        []Feed        `yaml:"feeds"`
}

// Feed is one feed and its outlet.
type Feed struct {
	URL string `yaml:"url"`
	// Name identifies the feed in the ledger (default: its URL).
	Name     string `yaml:"name"`
	Outlet   string `yaml:"outlet"`
	Country  string `yaml:"country"`
	Language string `yaml:"language"`
	// Per-feed limits; zero takes the file's (or the default) value.
	MaxItems     int           `yaml:"max_items"`
	MaxBodyBytes int64         `yaml:"max_body_bytes"`
	SilentAfter  time.Duration `yaml:"silent_after"`
}

// LoadConfig reads and checks a feeds.yaml file.
func LoadConfig(path string) (Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("feeds: %w", err)
	}
	return ParseConfig(b)
}

// ParseConfig parses a feeds.yaml document, fills in the defaults and
// checks it. Unknown keys are an error.
func ParseConfig(b []byte) (Config, error) {
	c := Config{Retries: DefaultRetries} // 0 is a valid value: no retries
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return c, fmt.Errorf("feeds: config: %w", err)
	}
	return c, c.fill()
}

func (c *Config) fill() error {
	if strings.TrimSpace(c.Contact) == "" {
		return errors.New("feeds: config: contact is required (a URL or mailto: address sent in the User-Agent)")
	}
	setDur(&c.Timeout, DefaultTimeout)
	setDur(&c.RetryWaitMax, DefaultRetryWaitMax)
	setDur(&c.HostInterval, DefaultHostInterval)
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = DefaultMaxRedirects
	}
	if c.Retries < 0 {
		return fmt.Errorf("feeds: config: retries %d is negative", c.Retries)
	}
	seen := map[string]bool{}
	for i := range c.Feeds {
		f := &c.Feeds[i]
		u, err := url.Parse(f.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("feeds: config: feed %d: url %q is not an http(s) URL", i+1, f.URL)
		}
		if strings.TrimSpace(f.Outlet) == "" {
			return fmt.Errorf("feeds: config: feed %s: outlet is required", f.URL)
		}
		if f.Name == "" {
			f.Name = f.URL
		}
		if seen[f.Name] {
			return fmt.Errorf("feeds: config: feed %q listed twice", f.Name)
		}
		seen[f.Name] = true
		f.Country = strings.ToUpper(strings.TrimSpace(f.Country))
		if f.MaxItems <= 0 {
			f.MaxItems = DefaultMaxItems
		}
		if f.MaxBodyBytes <= 0 {
			f.MaxBodyBytes = c.MaxBodyBytes
		}
	}
	return nil
}

func setDur(d *time.Duration, def time.Duration) {
	if *d <= 0 {
		*d = def
	}
}
