package feeds

import (
	"net/url"
	"testing"
)

// FuzzCanonical checks that Canonical never panics and that the canonical
// form of an http(s) URL is again an absolute http(s) URL.
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"HTTP://Example.COM:80/a/?utm_source=x&b=2&a=1#top", "https://x/%zz", "http://[::1]:443/", "not a url", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Canonical(s)
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return
		}
		v, err := url.Parse(c)
		if err != nil || v.Host == "" {
			t.Errorf("Canonical(%q) = %q, not an absolute URL (%v)", s, c, err)
		}
	})
}
