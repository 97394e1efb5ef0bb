// Package edgarhttp is the EDGAR HTTP client: fair-access rate limit,
// retries, on-disk cache.
//
// One Client serves a whole process: its rate limiter is shared by every
// goroutine that calls it, so SEC's limit of 10 requests per second per user
// holds however many workers fetch at once. Every request carries the
// declared User-Agent (New refuses to start without a contact e-mail).
//
// Fetch downloads a file once into the cache directory, which mirrors the
// URL (CacheDir/www.sec.gov/Archives/edgar/data/320193/0000320193-24-000005.txt),
// and answers from the cache afterwards; files that change (the current
// quarter's full-index, the daily-index) are re-downloaded when older than
// the Request's MaxAge. A file appears in the cache only once it is
// complete: it is streamed to a temporary file in the same directory and
// renamed after its length has been checked.
//
// Failures: 429, 5xx and connection errors (resets, early EOF, stalls) are
// retried with exponential backoff and full jitter, honouring Retry-After;
// 404 is not retried (ErrNotFound); repeated 403 — EDGAR's page for
// undeclared automated tools — stops the client (ErrBlocked). Every retry
// waits for the rate limiter like any other request.
//
// Typical use by a fetch command:
//
//	c, err := edgarhttp.New(edgarhttp.Config{UserAgent: "Jane Analyst jane@example.com", Logger: log})
//	for _, q := range edgarhttp.QuartersBetween(from, to) {
//		req := edgarhttp.Request{Path: q.FullIndexPath("master")}
//		if q == edgarhttp.QuarterOf(time.Now()) {
//			req.MaxAge = 12 * time.Hour // the current quarter's index grows every day
//		}
//		res, err := c.Fetch(ctx, req) // res.Path is the cached file
//		...
//	}
package edgarhttp

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Defaults used for the zero values of Config fields.
const (
	DefaultBaseURL       = "https://www.sec.gov"
	DefaultDataURL       = "https://data.sec.gov"
	DefaultRateLimit     = 10.0 // requests per second: SEC's fair-access maximum
	MaxRateLimit         = 10.0 // a higher Config.RateLimit is refused
	DefaultMaxRetries    = 5
	DefaultBackoffBase   = time.Second
	DefaultBackoffMax    = time.Minute
	DefaultRetryAfterMax = 10 * time.Minute // SEC's rate block lasts about 10 minutes
	DefaultBlockAfter    = 3
	DefaultStallTimeout  = time.Minute
)

// rateMargin widens the spacing between requests by 10% beyond the
// configured rate, so that scheduling and network jitter (two requests sent
// 1/r apart but seen closer together by the server) do not push a window
// over the limit.
const rateMargin = 1.1

// Config configures a Client. Only UserAgent is required.
type Config struct {
	// BaseURL serves /Archives/... and /files/company_tickers.json.
	// Default https://www.sec.gov.
	BaseURL string
	// DataURL serves the submissions JSON (/submissions/CIK##########.json).
	// Default https://data.sec.gov.
	DataURL string
	// UserAgent is sent with every request. SEC requires it to name the
	// requester with a contact e-mail address: "Jane Analyst jane@example.com".
	UserAgent string
	// RateLimit is the most requests in any one-second window, across all
	// goroutines, retries included. Default 10; more than 10 is refused.
	RateLimit float64
	// CacheDir is the root of the on-disk cache. Default
	// os.UserCacheDir()/edgarload (~/.cache/edgarload on Linux).
	CacheDir string
	// MaxRetries is how many times a failed request is retried after its
	// first attempt. 0 means DefaultMaxRetries; negative means never retry.
	MaxRetries int
	// HTTPClient sends the requests. Default: a client on a clone of
	// http.DefaultTransport (transparent gzip, proxies from the environment).
	HTTPClient *http.Client
	// Logger receives a debug line per download and a warning per retry.
	// Default: discard.
	Logger *slog.Logger

	// BackoffBase and BackoffMax shape the retry delay: a uniformly random
	// duration in [0, min(BackoffMax, BackoffBase·2^retry)] ("full jitter").
	// Defaults 1 s and 1 min; tests set them to milliseconds.
	BackoffBase time.Duration
	BackoffMax  time.Duration
	// RetryAfterMax caps a server's Retry-After. Default 10 min.
	RetryAfterMax time.Duration
	// BlockAfter is the number of consecutive 403 answers (across all
	// requests) after which the client stops with ErrBlocked. Default 3.
	BlockAfter int
	// StallTimeout aborts (and retries) a request that receives no byte —
	// no response headers, no body data — for this long. Default 1 min.
	StallTimeout time.Duration
}

// Client downloads EDGAR files into the cache. It is safe for concurrent use;
// use one Client per process so that its rate limit covers all requests.
type Client struct {
	base, data    string
	userAgent     string
	cacheDir      string
	http          *http.Client
	log           *slog.Logger
	limiter       *rate.Limiter
	maxRetries    int
	backoffBase   time.Duration
	backoffMax    time.Duration
	retryAfterMax time.Duration
	blockAfter    int32
	stallTimeout  time.Duration

	consecutive403 atomic.Int32
	blockMu        sync.Mutex
	blocked        *BlockedError

	requests, bytes, hits, retries, downloads atomic.Int64
}

// Stats are the client's counters since New, for a progress display.
type Stats struct {
	Requests  int64 // HTTP requests sent, retries included
	Bytes     int64 // response body bytes received (after transparent gzip decoding)
	CacheHits int64 // Fetch calls answered from the cache without a request
	Retries   int64 // failed attempts that were retried
	Downloads int64 // files written to the cache
}

// Stats returns a snapshot of the counters.
func (c *Client) Stats() Stats {
	return Stats{
		Requests:  c.requests.Load(),
		Bytes:     c.bytes.Load(),
		CacheHits: c.hits.Load(),
		Retries:   c.retries.Load(),
		Downloads: c.downloads.Load(),
	}
}

// CacheDir returns the root of the client's cache.
func (c *Client) CacheDir() string { return c.cacheDir }

// UserAgent returns the User-Agent the client sends.
func (c *Client) UserAgent() string { return c.userAgent }

// New checks cfg, fills in the defaults, creates the cache directory and
// returns a Client.
func New(cfg Config) (*Client, error) {
	ua, err := checkUserAgent(cfg.UserAgent)
	if err != nil {
		return nil, err
	}
	rl, err := checkRateLimit(cfg.RateLimit)
	if err != nil {
		return nil, err
	}
	base, err := checkBaseURL("BaseURL", cfg.BaseURL, DefaultBaseURL)
	if err != nil {
		return nil, err
	}
	data, err := checkBaseURL("DataURL", cfg.DataURL, DefaultDataURL)
	if err != nil {
		return nil, err
	}
	dir, err := cacheDir(cfg.CacheDir)
	if err != nil {
		return nil, err
	}
	c := &Client{
		base:          base,
		data:          data,
		userAgent:     ua,
		cacheDir:      dir,
		http:          cfg.HTTPClient,
		log:           cfg.Logger,
		limiter:       newLimiter(rl),
		maxRetries:    orDefault(cfg.MaxRetries, DefaultMaxRetries),
		backoffBase:   orDefault(cfg.BackoffBase, DefaultBackoffBase),
		backoffMax:    orDefault(cfg.BackoffMax, DefaultBackoffMax),
		retryAfterMax: orDefault(cfg.RetryAfterMax, DefaultRetryAfterMax),
		blockAfter:    int32(orDefault(cfg.BlockAfter, DefaultBlockAfter)),
		stallTimeout:  orDefault(cfg.StallTimeout, DefaultStallTimeout),
	}
	if c.maxRetries < 0 {
		c.maxRetries = 0
	}
	if c.http == nil {
		c.http = defaultHTTPClient()
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	return c, nil
}

func orDefault[T int | time.Duration](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}

// ErrNoUserAgent is returned by New when Config.UserAgent has no contact
// e-mail address; the error's text says which setting to fill in.
var ErrNoUserAgent = errors.New("edgarhttp: SEC fair access requires a User-Agent naming you with a contact e-mail address")

var emailRE = regexp.MustCompile(`[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}`)

func checkUserAgent(ua string) (string, error) {
	ua = strings.TrimSpace(ua)
	if strings.ContainsAny(ua, "\r\n\x00") {
		return "", fmt.Errorf("edgarhttp: User-Agent %q contains a line break or NUL", ua)
	}
	if !emailRE.MatchString(ua) {
		got := "it is empty"
		if ua != "" {
			got = fmt.Sprintf("%q has no e-mail address", ua)
		}
		return "", fmt.Errorf("%w (%s): set edgar.user_agent in the config file, "+
			"EDGARLOAD_EDGAR_USER_AGENT in the environment or --user-agent on the command line, "+
			"e.g. \"Jane Analyst jane@example.com\"", ErrNoUserAgent, got)
	}
	return ua, nil
}

func checkRateLimit(r float64) (float64, error) {
	switch {
	case r == 0:
		return DefaultRateLimit, nil
	case math.IsNaN(r) || r < 0:
		return 0, fmt.Errorf("edgarhttp: rate limit %v requests/s must be positive", r)
	case r > MaxRateLimit:
		return 0, fmt.Errorf("edgarhttp: rate limit %v requests/s refused: SEC fair access allows at most %v requests per second", r, MaxRateLimit)
	}
	return r, nil
}

// newLimiter returns a limiter under which no closed one-second window holds
// more than max(1, floor(perSecond)) requests.
//
// A token bucket of burst b and rate r admits up to b + r·T events in a
// window of length T, and the closed window admits one more at its edge:
// burst 1 at rate r gives r+1 in one second. With burst 1, consecutive
// requests are at least 1/r apart, so n requests span at least (n-1)/r, and
// a one-second window holds n = floor(R)+1 of them only if floor(R)/r <= 1.
// Rate floor(R)/1.1 keeps floor(R)/r = 1.1 > 1 with a 10% margin for
// jitter, at a sustained throughput of 9.1 requests/s for R = 10.
func newLimiter(perSecond float64) *rate.Limiter {
	n := perSecond
	if n >= 1 {
		n = math.Floor(n)
	}
	return rate.NewLimiter(rate.Limit(n/rateMargin), 1)
}

func checkBaseURL(field, v, def string) (string, error) {
	if v == "" {
		v = def
	}
	u, err := url.Parse(v)
	if err != nil {
		return "", fmt.Errorf("edgarhttp: %s %q: %w", field, v, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("edgarhttp: %s %q must be an http or https URL without query", field, v)
	}
	return strings.TrimRight(v, "/"), nil
}

func cacheDir(dir string) (string, error) {
	if dir == "" {
		user, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("edgarhttp: no cache directory given and no user cache directory: %w", err)
		}
		dir = filepath.Join(user, "edgarload")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("edgarhttp: cache directory %s: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("edgarhttp: creating cache directory: %w", err)
	}
	return abs, nil
}

func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16 // keep a connection per worker instead of 2
	return &http.Client{Transport: t}
}
