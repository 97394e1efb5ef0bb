package edgarhttp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// Request names one file to fetch: either a full URL, or a Path on BaseURL
// (or on DataURL when Data is set).
type Request struct {
	// URL is an absolute http(s) URL without query. Exclusive with Path.
	URL string
	// Path starts with "/", e.g. SubmissionPath(320193, "0000320193-24-000005").
	Path string
	// Data selects DataURL (submissions JSON) instead of BaseURL for Path.
	Data bool
	// MaxAge says how long a cached copy stays good. 0: forever (EDGAR's
	// archives are immutable); > 0: re-downloaded once the cached file is
	// older than MaxAge (the current quarter's full-index, the daily-index,
	// the submissions JSON, company_tickers.json); < 0: always re-downloaded.
	MaxAge time.Duration
}

// Result tells where a fetched file is.
type Result struct {
	URL    string // the URL fetched
	Path   string // the cache file, complete
	Cached bool   // true when no request was made
	Bytes  int64  // the file's size
}

// Fetch makes sure the file req names is in the cache and returns where.
// A cached file younger than req.MaxAge (any cached file when MaxAge is 0)
// is returned without a request; otherwise the file is downloaded, retried
// on transient failures, and replaces the cached one only when complete.
//
// Errors: ErrNotFound (404/410, not retried), ErrBlocked (the client has
// stopped after repeated 403s), a *StatusError after the retries ran out or
// for a status that is not retried, ctx's error when ctx ends, and errors
// naming the URL or cache file for everything else.
func (c *Client) Fetch(ctx context.Context, req Request) (Result, error) {
	t, err := c.target(req)
	if err != nil {
		return Result{}, err
	}
	if res, ok, err := c.cached(t, req.MaxAge); err != nil || ok {
		return res, err
	}
	return c.download(ctx, t)
}

// Open fetches req like Fetch and opens the cache file. The caller closes it.
// Compressed files (master.gz) are returned as stored, not decompressed.
func (c *Client) Open(ctx context.Context, req Request) (io.ReadCloser, error) {
	res, err := c.Fetch(ctx, req)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(res.Path)
	if err != nil {
		return nil, fmt.Errorf("edgarhttp: opening cached %s: %w", res.URL, err)
	}
	return f, nil
}

// CachePath returns the cache file req maps to, whether or not it exists.
func (c *Client) CachePath(req Request) (string, error) {
	t, err := c.target(req)
	return t.file, err
}

// cached answers from the cache when the file is there and fresh enough.
func (c *Client) cached(t target, maxAge time.Duration) (Result, bool, error) {
	if maxAge < 0 {
		return Result{}, false, nil
	}
	fi, err := os.Stat(t.file)
	if errors.Is(err, fs.ErrNotExist) {
		return Result{}, false, nil
	}
	if err != nil {
		return Result{}, false, fmt.Errorf("edgarhttp: cache file for %s: %w", t.url, err)
	}
	if !fi.Mode().IsRegular() {
		return Result{}, false, fmt.Errorf("edgarhttp: cache file %s for %s is not a regular file", t.file, t.url)
	}
	if maxAge > 0 && time.Since(fi.ModTime()) > maxAge {
		return Result{}, false, nil
	}
	c.hits.Add(1)
	return Result{URL: t.url, Path: t.file, Cached: true, Bytes: fi.Size()}, true, nil
}

// download runs attempts until one succeeds, one fails for good, the
// retries run out or ctx ends. Every attempt first waits for the limiter.
func (c *Client) download(ctx context.Context, t target) (Result, error) {
	for attempt := 0; ; attempt++ {
		if err := c.blockedErr(); err != nil {
			return Result{}, err
		}
		if err := c.limiter.Wait(ctx); err != nil {
			return Result{}, fmt.Errorf("edgarhttp: GET %s: waiting for the rate limit: %w", t.url, err)
		}
		if err := c.blockedErr(); err != nil { // blocked while this one waited
			return Result{}, err
		}
		start := time.Now()
		n, err := c.attempt(ctx, t)
		if err == nil {
			c.downloads.Add(1)
			c.log.Debug("edgar download", "url", t.url, "bytes", n, "attempt", attempt+1, "elapsed", time.Since(start))
			return Result{URL: t.url, Path: t.file, Bytes: n}, nil
		}
		var re *retryable
		if !errors.As(err, &re) {
			return Result{}, err
		}
		if attempt >= c.maxRetries {
			return Result{}, fmt.Errorf("edgarhttp: GET %s: giving up after %d attempts: %w", t.url, attempt+1, re.err)
		}
		wait := c.backoff(attempt, re.after)
		c.retries.Add(1)
		c.log.Warn("edgar retry", "url", t.url, "attempt", attempt+1, "error", re.err, "wait", wait)
		if err := sleep(ctx, wait); err != nil {
			return Result{}, fmt.Errorf("edgarhttp: GET %s: waiting to retry: %w", t.url, err)
		}
	}
}

// errStalled is the cancellation cause of an attempt whose watchdog fired.
var errStalled = errors.New("no data received within the stall timeout")

// attempt sends one GET and, on 200, streams the body into the cache. A
// watchdog cancels the attempt when no byte arrives for stallTimeout.
func (c *Client) attempt(ctx context.Context, t target) (int64, error) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	watchdog := time.AfterFunc(c.stallTimeout, func() { cancel(errStalled) })
	defer watchdog.Stop()

	req, err := http.NewRequestWithContext(actx, http.MethodGet, t.url, nil)
	if err != nil {
		return 0, fmt.Errorf("edgarhttp: GET %s: %w", t.url, err)
	}
	req.Header.Set("User-Agent", c.userAgent)
	c.requests.Add(1)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, c.transportError(ctx, actx, t, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		c.consecutive403.Store(0)
		return c.store(ctx, actx, t, resp, func() { watchdog.Reset(c.stallTimeout) })
	}
	drain(resp.Body)
	return 0, c.statusError(t, resp)
}

// statusError classifies a non-200 answer.
func (c *Client) statusError(t target, resp *http.Response) error {
	code := resp.StatusCode
	if code != http.StatusForbidden {
		c.consecutive403.Store(0)
	}
	switch {
	case code == http.StatusNotFound || code == http.StatusGone:
		return &NotFoundError{URL: t.url, StatusCode: code}
	case code == http.StatusForbidden:
		if n := c.consecutive403.Add(1); n >= c.blockAfter {
			return c.block(&BlockedError{URL: t.url, Count: int(n), UserAgent: c.userAgent})
		}
		return &retryable{err: &StatusError{URL: t.url, StatusCode: code}}
	case code == http.StatusTooManyRequests || code >= 500:
		after, _ := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now(), c.retryAfterMax)
		return &retryable{err: &StatusError{URL: t.url, StatusCode: code}, after: after}
	default:
		return &StatusError{URL: t.url, StatusCode: code}
	}
}

// block stops the client: every later request fails with the first
// BlockedError.
func (c *Client) block(e *BlockedError) error {
	c.blockMu.Lock()
	defer c.blockMu.Unlock()
	if c.blocked == nil {
		c.blocked = e
		c.log.Error("edgar blocked", "url", e.URL, "consecutive_403", e.Count, "user_agent", e.UserAgent)
	}
	return c.blocked
}

func (c *Client) blockedErr() error {
	c.blockMu.Lock()
	defer c.blockMu.Unlock()
	if c.blocked == nil {
		return nil
	}
	return c.blocked
}

// store streams resp's body into a temporary file beside t.file and renames
// it into place once it is complete (its length matches Content-Length when
// the server sent one). On any failure the temporary file is removed, so the
// cache never holds a partial file under its real name.
func (c *Client) store(ctx, actx context.Context, t target, resp *http.Response, progress func()) (n int64, err error) {
	dir := filepath.Dir(t.file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("edgarhttp: cache directory for %s: %w", t.url, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(t.file)+".*.part")
	if err != nil {
		return 0, fmt.Errorf("edgarhttp: temporary file for %s: %w", t.url, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	n, err = c.copyBody(ctx, actx, t, tmp, resp.Body, progress)
	if err != nil {
		return n, err
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return n, &retryable{err: fmt.Errorf("edgarhttp: GET %s: body has %d bytes, Content-Length says %d", t.url, n, resp.ContentLength)}
	}
	if err := tmp.Sync(); err != nil {
		return n, fmt.Errorf("edgarhttp: writing %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return n, fmt.Errorf("edgarhttp: writing %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), t.file); err != nil {
		return n, fmt.Errorf("edgarhttp: moving %s into the cache: %w", t.url, err)
	}
	return n, nil
}

// copyBody copies body to w in chunks, counting bytes as they arrive and
// calling progress after each read (which feeds the stall watchdog).
func (c *Client) copyBody(ctx, actx context.Context, t target, w *os.File, body io.Reader, progress func()) (int64, error) {
	buf := make([]byte, 64<<10)
	var n int64
	for {
		k, rerr := body.Read(buf)
		if k > 0 {
			progress()
			if _, err := w.Write(buf[:k]); err != nil {
				return n, fmt.Errorf("edgarhttp: writing %s: %w", w.Name(), err)
			}
			n += int64(k)
			c.bytes.Add(int64(k))
		}
		if rerr == io.EOF {
			return n, nil
		}
		if rerr != nil {
			return n, c.transportError(ctx, actx, t, rerr)
		}
	}
}

// transportError classifies a failure to get or read a response: the
// caller's cancellation is final; a stall, reset, early EOF or other
// network error is retried.
func (c *Client) transportError(ctx, actx context.Context, t target, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("edgarhttp: GET %s: %w", t.url, context.Cause(ctx))
	}
	if errors.Is(context.Cause(actx), errStalled) {
		return &retryable{err: fmt.Errorf("edgarhttp: GET %s: %w (%v)", t.url, errStalled, c.stallTimeout)}
	}
	if permanentTransportError(err) {
		return fmt.Errorf("edgarhttp: GET %s: %w", t.url, err)
	}
	return &retryable{err: fmt.Errorf("edgarhttp: GET %s: %w", t.url, err)}
}

// drain reads a little of an unwanted body so the connection can be reused.
func drain(body io.Reader) {
	_, _ = io.CopyN(io.Discard, body, 64<<10)
}
