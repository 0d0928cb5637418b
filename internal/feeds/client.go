package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// robotsAgent is the name framewatch looks for in robots.txt groups.
const robotsAgent = "framewatch"

// client is the one polite HTTP client of a fetch. It is safe for
// concurrent use.
type client struct {
	cfg       Config
	userAgent string
	retry     *retryablehttp.Client

	mu    sync.Mutex
	hosts map[string]*host // by scheme://host
}

// host is what the client knows of one site.
type host struct {
	limiter *rate.Limiter
	once    sync.Once
	robots  *robotstxt.Group // nil: everything allowed
	err     error            // robots.txt could not be read: nothing allowed
}

func newClient(cfg Config, version string, base http.RoundTripper) *client {
	if base == nil {
		base = http.DefaultTransport
	}
	c := &client{cfg: cfg, hosts: map[string]*host{}}
	product := cfg.UserAgent
	if product == "" {
		product = "framewatch/" + version
	}
	c.userAgent = fmt.Sprintf("%s (+%s)", product, cfg.Contact)
	hc := &http.Client{
		Timeout:   cfg.Timeout, // per attempt, reading the body included
		Transport: &politeTransport{c: c, base: base},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > cfg.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", cfg.MaxRedirects)
			}
			return nil
		},
	}
	rc := retryablehttp.NewClient()
	rc.HTTPClient = hc
	rc.Logger = nil
	rc.RetryMax = cfg.Retries
	rc.RetryWaitMin = 500 * time.Millisecond
	rc.RetryWaitMax = cfg.RetryWaitMax
	rc.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if resp != nil && retryAfter(resp) > cfg.RetryWaitMax {
			return false, nil // not worth waiting for: fail with the reason
		}
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	c.retry = rc
	return c
}

// retryAfter is the wait a 429 or 503 response asks for (0 if none).
func retryAfter(resp *http.Response) time.Duration {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		return 0
	}
	if resp.Header.Get("Retry-After") == "" {
		return 0
	}
	// DefaultBackoff parses Retry-After (seconds or an HTTP date) when the
	// header is there; its other branch is the exponential backoff.
	return retryablehttp.DefaultBackoff(0, 0, 0, resp)
}

// politeTransport waits for the host's turn before every attempt (retries
// included) and sets the User-Agent.
type politeTransport struct {
	c    *client
	base http.RoundTripper
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	h := t.c.host(req.URL)
	if err := h.limiter.Wait(req.Context()); err != nil {
		return nil, err
	}
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", t.c.userAgent)
	return t.base.RoundTrip(req)
}

func hostKey(u *url.URL) string { return strings.ToLower(u.Scheme + "://" + u.Host) }

func (c *client) host(u *url.URL) *host {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := hostKey(u)
	h := c.hosts[k]
	if h == nil {
		h = &host{limiter: rate.NewLimiter(rate.Every(c.cfg.HostInterval), 1)}
		c.hosts[k] = h
	}
	return h
}

// allowed reports whether robots.txt lets framewatch fetch u, reading the
// site's robots.txt once per run. Following RFC 9309, a missing robots.txt
// (4xx) allows everything, and one that cannot be read (5xx, network
// error) allows nothing.
func (c *client) allowed(ctx context.Context, u *url.URL) error {
	h := c.host(u)
	h.once.Do(func() {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		body, status, _, err := c.get(ctx, ru.String(), nil, 512<<10)
		if err != nil && status == 0 {
			h.err = fmt.Errorf("robots.txt unreadable: %w", err)
			return
		}
		data, err := robotstxt.FromStatusAndBytes(status, body)
		if err != nil {
			h.err = fmt.Errorf("robots.txt unreadable: %w", err)
			return
		}
		if status >= 500 {
			h.err = fmt.Errorf("robots.txt unreadable: http %d", status)
			return
		}
		h.robots = data.FindGroup(robotsAgent)
		if d := h.robots.CrawlDelay; d > c.cfg.HostInterval {
			h.limiter.SetLimit(rate.Every(d))
		}
	})
	if h.err != nil {
		return h.err
	}
	if h.robots != nil {
		p := u.EscapedPath()
		if p == "" {
			p = "/"
		}
		if u.RawQuery != "" {
			p += "?" + u.RawQuery
		}
		if !h.robots.Test(p) {
			return errors.New("disallowed by robots.txt")
		}
	}
	return nil
}

// response is a fetched body and what the fetcher needs of its headers.
type response struct {
	status       int
	header       http.Header
	finalURL     string
	etag, lastMo string
}

// get fetches rawURL with the extra request headers hdr, reading at most
// limit bytes of body. A non-2xx status other than 304 is an error
// carrying the status; status is 0 when no response came.
func (c *client) get(ctx context.Context, rawURL string, hdr http.Header, limit int64) (body []byte, status int, resp *response, err error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, 0, nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	r, err := c.retry.Do(req)
	if err != nil {
		if r != nil {
			r.Body.Close()
		}
		return nil, 0, nil, c.cleanErr(err)
	}
	defer r.Body.Close()
	resp = &response{status: r.StatusCode, header: r.Header, finalURL: r.Request.URL.String(),
		etag: r.Header.Get("ETag"), lastMo: r.Header.Get("Last-Modified")}
	if r.StatusCode == http.StatusNotModified {
		return nil, r.StatusCode, resp, nil
	}
	if r.StatusCode < 200 || r.StatusCode > 299 {
		msg := fmt.Sprintf("http %d %s", r.StatusCode, http.StatusText(r.StatusCode))
		if d := retryAfter(r); d > c.cfg.RetryWaitMax {
			msg += fmt.Sprintf(" (Retry-After %s exceeds retry_wait_max %s)", d, c.cfg.RetryWaitMax)
		}
		return nil, r.StatusCode, resp, errors.New(msg)
	}
	body, err = io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return nil, r.StatusCode, resp, fmt.Errorf("reading body: %w", c.cleanErr(err))
	}
	if int64(len(body)) > limit {
		return nil, r.StatusCode, resp, fmt.Errorf("body larger than %d bytes", limit)
	}
	return body, r.StatusCode, resp, nil
}

// cleanErr names a timeout plainly and drops the url.Error wrapping
// ("Get \"http://…\": …"): the ledger names the URL already.
func (c *client) cleanErr(err error) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("timeout after %s", c.cfg.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
