package edgarhttp_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edgarload/edgarload/etl/edgarhttp"
	"github.com/edgarload/edgarload/etl/edgarhttp/edgartest"
)

const testUA = "Edgarload Tests tests@example.com"

// newClient returns a client on srv with millisecond backoffs; mod adjusts
// the config first.
func newClient(t *testing.T, srv *edgartest.Server, mod func(*edgarhttp.Config)) *edgarhttp.Client {
	t.Helper()
	cfg := edgarhttp.Config{
		BaseURL:     srv.URL,
		DataURL:     srv.URL,
		UserAgent:   testUA,
		CacheDir:    t.TempDir(),
		BackoffBase: time.Millisecond,
		BackoffMax:  5 * time.Millisecond,
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := edgarhttp.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testCtx bounds a test so that a hang fails it instead of the whole run.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func body(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "line %d of a fake EDGAR submission\n", i)
	}
	return b.Bytes()[:n]
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// assertNoPartial fails when dir holds a temporary file or a file at path.
func assertNoPartial(t *testing.T, c *edgarhttp.Client, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("cache file %s exists after a failed download (stat: %v)", path, err)
	}
	_ = filepath.WalkDir(c.CacheDir(), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".part") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}

func TestUserAgentOnEveryRequest(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	sub := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	js := edgarhttp.SubmissionsJSONPath(320193)
	srv.Add(sub, body(500))
	srv.Add(js, []byte(`{"cik":"320193"}`))
	srv.Inject(sub, edgartest.Unavailable(1))
	c := newClient(t, srv, nil)
	ctx := testCtx(t)
	if _, err := c.Fetch(ctx, edgarhttp.Request{Path: sub}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Fetch(ctx, edgarhttp.Request{Path: js, Data: true}); err != nil {
		t.Fatal(err)
	}
	_, _ = c.Fetch(ctx, edgarhttp.Request{Path: "/missing.txt"})
	reqs := srv.Requests()
	if len(reqs) != 4 {
		t.Fatalf("got %d requests, want 4 (503, retry, json, 404)", len(reqs))
	}
	for _, r := range reqs {
		if r.UserAgent != testUA {
			t.Errorf("%s sent User-Agent %q, want %q", r.Path, r.UserAgent, testUA)
		}
	}
}

func TestNewRefusesWithoutContact(t *testing.T) {
	t.Parallel()
	for _, ua := range []string{"", "   ", "edgarload/1.0", "Jane Analyst", "Jane jane@localhost", "Jane jane@example.com\r\nX: y"} {
		_, err := edgarhttp.New(edgarhttp.Config{UserAgent: ua, CacheDir: t.TempDir()})
		if err == nil {
			t.Errorf("New accepted User-Agent %q", ua)
			continue
		}
		if strings.ContainsAny(ua, "\r\n") {
			continue
		}
		if !errors.Is(err, edgarhttp.ErrNoUserAgent) {
			t.Errorf("User-Agent %q: error %v is not ErrNoUserAgent", ua, err)
		}
		for _, want := range []string{"edgar.user_agent", "EDGARLOAD_EDGAR_USER_AGENT", "--user-agent", "jane@example.com"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("User-Agent %q: error %q does not mention %s", ua, err, want)
			}
		}
	}
	for _, ua := range []string{"Jane Analyst jane@example.com", "Sample Company Name AdminContact@sample-company.com"} {
		c, err := edgarhttp.New(edgarhttp.Config{UserAgent: ua, CacheDir: t.TempDir()})
		if err != nil {
			t.Errorf("New refused User-Agent %q: %v", ua, err)
		} else if c.UserAgent() != ua {
			t.Errorf("UserAgent() = %q, want %q", c.UserAgent(), ua)
		}
	}
}

func TestRateLimitChecks(t *testing.T) {
	t.Parallel()
	for _, r := range []float64{10.5, 11, 100, -1} {
		if _, err := edgarhttp.New(edgarhttp.Config{UserAgent: testUA, RateLimit: r, CacheDir: t.TempDir()}); err == nil {
			t.Errorf("New accepted RateLimit %v", r)
		}
	}
	for _, r := range []float64{0, 0.5, 4, 10} {
		if _, err := edgarhttp.New(edgarhttp.Config{UserAgent: testUA, RateLimit: r, CacheDir: t.TempDir()}); err != nil {
			t.Errorf("New refused RateLimit %v: %v", r, err)
		}
	}
}

// TestRateLimitAcrossGoroutines fetches distinct files from 8 goroutines,
// with some 503s so that retries are part of the traffic, and checks the
// server never saw more than the limit in any one-second window.
func TestRateLimitAcrossGoroutines(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		limit float64
		files int
	}{{10, 25}, {4, 12}} {
		t.Run(fmt.Sprint(tc.limit), func(t *testing.T) {
			t.Parallel()
			srv := edgartest.NewServer(t)
			var paths []string
			for i := range tc.files {
				p := edgarhttp.SubmissionPath(int64(1000+i), fmt.Sprintf("0000000%03d-24-000001", i))
				srv.Add(p, body(2000))
				if i%5 == 0 {
					srv.Inject(p, edgartest.Unavailable(1))
				}
				paths = append(paths, p)
			}
			c := newClient(t, srv, func(cfg *edgarhttp.Config) { cfg.RateLimit = tc.limit })
			fetchAll(t, c, paths, 8)
			want := len(paths) + (len(paths)+4)/5
			if got := len(srv.Requests()); got != want {
				t.Fatalf("server saw %d requests, want %d", got, want)
			}
			if n := edgartest.MaxPerSecond(srv.Times()); n > int(tc.limit) {
				t.Errorf("%d requests in one second at rate limit %v", n, tc.limit)
			}
		})
	}
}

func fetchAll(t *testing.T, c *edgarhttp.Client, paths []string, workers int) {
	t.Helper()
	ctx := testCtx(t)
	work := make(chan string)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				if _, err := c.Fetch(ctx, edgarhttp.Request{Path: p}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
}

func TestRetryAfterHonoured(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.FullIndexPath(2004, 3, "master")
	srv.Add(p, body(300))
	srv.Inject(p, edgartest.TooManyRequests(1, "1"))
	c := newClient(t, srv, nil)
	if _, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p}); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d requests, want 2", len(reqs))
	}
	if gap := reqs[1].Time.Sub(reqs[0].Time); gap < time.Second {
		t.Errorf("retry came %v after a 429 with Retry-After: 1", gap)
	}
	if s := c.Stats(); s.Retries != 1 || s.Requests != 2 || s.Downloads != 1 {
		t.Errorf("stats %+v, want 1 retry, 2 requests, 1 download", s)
	}
}

func TestRetryAfterCapped(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := "/files/company_tickers.json"
	srv.Add(p, []byte(`{}`))
	srv.Inject(p, edgartest.TooManyRequests(1, "3600"))
	c := newClient(t, srv, func(cfg *edgarhttp.Config) { cfg.RetryAfterMax = 10 * time.Millisecond })
	if _, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p}); err != nil {
		t.Fatal(err) // a missing cap would hit the test's 15 s deadline instead
	}
}

func TestUnavailableTwiceThenSuccess(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	want := body(10_000)
	srv.Add(p, want)
	srv.Inject(p, edgartest.Unavailable(2))
	c := newClient(t, srv, nil)
	res, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, res.Path); !bytes.Equal(got, want) {
		t.Errorf("cached %d bytes, want the %d served", len(got), len(want))
	}
	if res.Cached || res.Bytes != int64(len(want)) {
		t.Errorf("result %+v", res)
	}
	if s := c.Stats(); s.Requests != 3 || s.Retries != 2 {
		t.Errorf("stats %+v, want 3 requests and 2 retries", s)
	}
}

func TestRetriesRunOut(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := "/Archives/edgar/data/1/0000000001-24-000001.txt"
	srv.Add(p, body(10))
	srv.Inject(p, edgartest.Status(500, 0))
	c := newClient(t, srv, func(cfg *edgarhttp.Config) { cfg.MaxRetries = 2 })
	_, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p})
	var se *edgarhttp.StatusError
	if !errors.As(err, &se) || se.StatusCode != 500 {
		t.Fatalf("error %v, want a StatusError 500", err)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests, want 3 (1 + 2 retries)", n)
	}
}

func TestConnectionResetThenSuccess(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	want := body(5000)
	srv.Add(p, want)
	srv.Inject(p, edgartest.Reset(1))
	c := newClient(t, srv, nil)
	res, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, res.Path); !bytes.Equal(got, want) {
		t.Errorf("cached %d bytes, want %d", len(got), len(want))
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestHangUpMidBodyThenSuccess(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	want := body(200_000)
	srv.Add(p, want)
	srv.Inject(p, edgartest.HangUp(2, 70_000))
	c := newClient(t, srv, nil)
	res, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, res.Path); !bytes.Equal(got, want) {
		t.Errorf("cached %d bytes, want %d", len(got), len(want))
	}
	if s := c.Stats(); s.Requests != 3 || s.Retries != 2 || s.Bytes < 2*70_000+200_000 {
		t.Errorf("stats %+v, want 3 requests, 2 retries, ≥ %d bytes", s, 2*70_000+200_000)
	}
	assertNoPartial(t, c, "/nonexistent")
}

// TestKilledDownloadLeavesNothing: a download cut midway with no retry left
// leaves neither the cache file nor its temporary file, and the next Fetch
// downloads the file again.
func TestKilledDownloadLeavesNothing(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	want := body(100_000)
	srv.Add(p, want)
	srv.Inject(p, edgartest.HangUp(1, 50_000))
	c := newClient(t, srv, func(cfg *edgarhttp.Config) { cfg.MaxRetries = -1 })
	ctx := testCtx(t)
	if _, err := c.Fetch(ctx, edgarhttp.Request{Path: p}); err == nil {
		t.Fatal("Fetch of a cut body succeeded")
	}
	file, err := c.CachePath(edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	assertNoPartial(t, c, file)
	res, err := c.Fetch(ctx, edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	if res.Cached || !bytes.Equal(readFile(t, res.Path), want) {
		t.Errorf("second Fetch: %+v, content %d bytes", res, len(readFile(t, res.Path)))
	}
}

// TestCancelMidBody cancels the context while the body trickles in.
func TestCancelMidBody(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	want := body(10_000)
	srv.Add(p, want)
	srv.Inject(p, edgartest.Slow(1, 1000, 20*time.Millisecond))
	c := newClient(t, srv, nil)
	ctx, cancel := context.WithCancel(testCtx(t))
	done := make(chan error, 1)
	go func() {
		_, err := c.Fetch(ctx, edgarhttp.Request{Path: p})
		done <- err
	}()
	for c.Stats().Bytes == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Fetch after cancel: %v, want context.Canceled", err)
	}
	file, _ := c.CachePath(edgarhttp.Request{Path: p})
	assertNoPartial(t, c, file)
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1 (no retry after cancel)", n)
	}
	res, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, res.Path), want) {
		t.Error("second Fetch did not store the whole file")
	}
}

// TestCancelDuringBackoff: a retry wait of an hour ends when ctx does.
func TestCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := "/files/company_tickers.json"
	srv.Add(p, []byte(`{}`))
	srv.Inject(p, edgartest.TooManyRequests(0, "3600"))
	c := newClient(t, srv, func(cfg *edgarhttp.Config) { cfg.RetryAfterMax = time.Hour })
	ctx, cancel := context.WithCancel(testCtx(t))
	done := make(chan error, 1)
	go func() {
		_, err := c.Fetch(ctx, edgarhttp.Request{Path: p})
		done <- err
	}()
	for c.Stats().Retries == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Fetch: %v, want context.Canceled", err)
	}
}

func TestStallRetried(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	want := body(3000)
	srv.Add(p, want)
	srv.Inject(p, edgartest.Slow(1, 1000, time.Hour))
	c := newClient(t, srv, func(cfg *edgarhttp.Config) { cfg.StallTimeout = 100 * time.Millisecond })
	res, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, res.Path), want) || c.Stats().Retries != 1 {
		t.Errorf("after a stall: stats %+v", c.Stats())
	}
}

func TestNotFoundNotRetried(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	c := newClient(t, srv, nil)
	p := edgarhttp.SubmissionPath(1, "0000000001-99-000001")
	_, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p})
	if !errors.Is(err, edgarhttp.ErrNotFound) {
		t.Fatalf("error %v, want ErrNotFound", err)
	}
	var nf *edgarhttp.NotFoundError
	if !errors.As(err, &nf) || !strings.HasSuffix(nf.URL, p) {
		t.Errorf("error %#v does not name the URL", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
	file, _ := c.CachePath(edgarhttp.Request{Path: p})
	assertNoPartial(t, c, file)
}

func TestRepeated403Blocks(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	a, b := edgarhttp.FullIndexPath(2024, 1, "master"), edgarhttp.FullIndexPath(2024, 2, "master")
	srv.Add(a, body(10))
	srv.Add(b, body(10))
	srv.Inject(a, edgartest.Blocked())
	c := newClient(t, srv, nil)
	ctx := testCtx(t)
	_, err := c.Fetch(ctx, edgarhttp.Request{Path: a})
	if !errors.Is(err, edgarhttp.ErrBlocked) {
		t.Fatalf("error %v, want ErrBlocked", err)
	}
	for _, want := range []string{"User-Agent", "10 requests per second", testUA, "--user-agent"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("block error %q does not mention %q", err, want)
		}
	}
	if n := len(srv.Requests()); n != edgarhttp.DefaultBlockAfter {
		t.Errorf("%d requests before stopping, want %d", n, edgarhttp.DefaultBlockAfter)
	}
	if _, err := c.Fetch(ctx, edgarhttp.Request{Path: b}); !errors.Is(err, edgarhttp.ErrBlocked) {
		t.Errorf("Fetch after the block: %v, want ErrBlocked", err)
	}
	if n := len(srv.Requests()); n != edgarhttp.DefaultBlockAfter {
		t.Errorf("a blocked client sent another request (%d in all)", n)
	}
}

func Test403OnceIsRetried(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.FullIndexPath(2024, 1, "master")
	srv.Add(p, body(10))
	srv.Inject(p, edgartest.Status(403, 2))
	c := newClient(t, srv, nil)
	if _, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p}); err != nil {
		t.Fatalf("two 403s then 200: %v", err)
	}
}

func TestCacheHitMakesNoRequest(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	srv.Add(p, body(1234))
	c := newClient(t, srv, nil)
	ctx := testCtx(t)
	first, err := c.Fetch(ctx, edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	wantFile := filepath.Join(c.CacheDir(), strings.ReplaceAll(strings.TrimPrefix(srv.URL, "http://"), ":", "_"),
		"Archives", "edgar", "data", "320193", "0000320193-24-000005.txt")
	if first.Path != wantFile {
		t.Errorf("cache file %s, want %s", first.Path, wantFile)
	}
	second, err := c.Fetch(ctx, edgarhttp.Request{URL: srv.URL + p})
	if err != nil {
		t.Fatal(err)
	}
	if !second.Cached || second.Path != first.Path || second.Bytes != 1234 {
		t.Errorf("second Fetch %+v, want the cached %s", second, first.Path)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
	if s := c.Stats(); s.CacheHits != 1 || s.Bytes != 1234 || s.Downloads != 1 {
		t.Errorf("stats %+v", s)
	}
	rc, err := c.Open(ctx, edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if b, _ := io.ReadAll(rc); len(b) != 1234 {
		t.Errorf("Open read %d bytes", len(b))
	}
}

// TestLeftoverTempFileIgnored: a temporary file left by a killed process
// is not taken for the file.
func TestLeftoverTempFileIgnored(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.SubmissionPath(320193, "0000320193-24-000005")
	srv.Add(p, body(100))
	c := newClient(t, srv, nil)
	file, _ := c.CachePath(edgarhttp.Request{Path: p})
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".123.part")
	if err := os.WriteFile(leftover, []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := c.Fetch(testCtx(t), edgarhttp.Request{Path: p})
	if err != nil || res.Cached || res.Bytes != 100 {
		t.Fatalf("Fetch beside a leftover: %+v, %v", res, err)
	}
}

func TestMaxAgeRefetch(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	p := edgarhttp.DailyIndexPath(time.Date(2024, 1, 11, 0, 0, 0, 0, time.UTC))
	srv.Add(p, []byte("morning\n"))
	c := newClient(t, srv, nil)
	ctx := testCtx(t)
	req := edgarhttp.Request{Path: p, MaxAge: time.Hour}
	res, err := c.Fetch(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	srv.Add(p, []byte("morning\nevening\n"))
	if again, _ := c.Fetch(ctx, req); !again.Cached {
		t.Errorf("a file younger than MaxAge was downloaded again")
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(res.Path, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Fetch(ctx, edgarhttp.Request{Path: p}); err != nil { // MaxAge 0: immutable, stays
		t.Fatal(err)
	}
	if got := string(readFile(t, res.Path)); got != "morning\n" {
		t.Errorf("an immutable request re-downloaded: %q", got)
	}
	fresh, err := c.Fetch(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if fresh.Cached || string(readFile(t, fresh.Path)) != "morning\nevening\n" {
		t.Errorf("a file older than MaxAge was not refreshed: %+v", fresh)
	}
	if _, err := c.Fetch(ctx, edgarhttp.Request{Path: p, MaxAge: -1}); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests, want 3 (first, refresh, MaxAge < 0)", n)
	}
}

func TestPathTraversalRefused(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	c := newClient(t, srv, nil)
	ctx := testCtx(t)
	for _, req := range []edgarhttp.Request{
		{Path: "/Archives/../../../etc/passwd"},
		{Path: "/Archives/edgar/%2e%2e/%2e%2e/x"},
		{Path: "/Archives/./x"},
		{Path: "/Archives//x"},
		{Path: "/Archives/edgar/"},
		{Path: "/"},
		{Path: "Archives/x"},
		{Path: `/Archives/..\..\x`},
		{Path: "/Archives/.x.123.part"},
		{Path: "/Archives/x?y=1"},
		{Path: "/Archives/x#frag"},
		{URL: "http://../Archives/x"},
		{URL: "file:///etc/passwd"},
		{URL: srv.URL + "/a/../../b"},
		{},
		{URL: srv.URL + "/a", Path: "/a"},
	} {
		if res, err := c.Fetch(ctx, req); err == nil {
			t.Errorf("Fetch(%+v) accepted: %+v", req, res)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("refused paths made %d requests", n)
	}
}

func TestGzipTransparent(t *testing.T) {
	t.Parallel()
	srv := edgartest.NewServer(t)
	srv.SetGzipEncoding(true)
	p := edgarhttp.FullIndexPath(2004, 3, "master")
	want := edgartest.MasterIndex([]edgartest.IndexEntry{
		{CIK: 1105472, Company: "SONUS NETWORKS INC", Form: "8-K", Filed: time.Date(2004, 7, 29, 0, 0, 0, 0, time.UTC), Accession: "0000950135-04-003612"},
	})
	srv.Add(p, want)
	c := newClient(t, srv, nil)
	ctx := testCtx(t)
	res, err := c.Fetch(ctx, edgarhttp.Request{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, res.Path); !bytes.Equal(got, want) {
		t.Errorf("cached %q, want the decoded index", got)
	}
	if ae := srv.Requests()[0].AcceptEncoding; !strings.Contains(ae, "gzip") {
		t.Errorf("Accept-Encoding %q", ae)
	}
	// A .gz file is stored as served, compressed.
	gz, err := c.Fetch(ctx, edgarhttp.Request{Path: edgarhttp.FullIndexPath(2004, 3, "master.gz")})
	if err != nil {
		t.Fatal(err)
	}
	if b := readFile(t, gz.Path); len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("master.gz not stored as gzip")
	}
}
