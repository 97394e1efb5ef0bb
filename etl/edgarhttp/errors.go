package edgarhttp

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// ErrNotFound matches (errors.Is) a NotFoundError: EDGAR answered 404 or 410.
var ErrNotFound = errors.New("edgarhttp: not found")

// ErrBlocked matches (errors.Is) a BlockedError: the client stopped after
// repeated 403 answers and sends no more requests.
var ErrBlocked = errors.New("edgarhttp: blocked by EDGAR")

// NotFoundError is EDGAR's 404 (or 410) for a URL. It is never retried.
type NotFoundError struct {
	URL        string
	StatusCode int
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("edgarhttp: GET %s: %d %s", e.URL, e.StatusCode, http.StatusText(e.StatusCode))
}

// Is reports whether target is ErrNotFound.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// StatusError is an HTTP answer the client did not accept: a status that
// is not retried (400, 401, …) or the last of a retried one (429, 5xx).
type StatusError struct {
	URL        string
	StatusCode int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("edgarhttp: GET %s: %d %s", e.URL, e.StatusCode, http.StatusText(e.StatusCode))
}

// BlockedError says that EDGAR refused Count requests in a row with 403
// Forbidden, its answer to undeclared automated tools and to clients over
// the fair-access rate. The client that returned it sends no more requests.
type BlockedError struct {
	URL       string // the last URL refused
	Count     int    // consecutive 403 answers
	UserAgent string // the User-Agent that was sent
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("edgarhttp: EDGAR answered %d requests in a row with 403 Forbidden (last: %s), "+
		"its block page for undeclared automated tools and for clients over the fair-access limit; stopping. "+
		"SEC fair access asks for at most 10 requests per second and a User-Agent naming you with a contact e-mail "+
		"(sent: %q); fix it with edgar.user_agent, EDGARLOAD_EDGAR_USER_AGENT or --user-agent "+
		"(e.g. \"Jane Analyst jane@example.com\"), and wait: SEC lifts a rate block about 10 minutes after the traffic stops",
		e.Count, e.URL, e.UserAgent)
}

// Is reports whether target is ErrBlocked.
func (e *BlockedError) Is(target error) bool { return target == ErrBlocked }

// retryable marks an attempt's failure as worth another attempt, after
// at least the server's Retry-After when it gave one.
type retryable struct {
	err   error
	after time.Duration
}

func (r *retryable) Error() string { return r.err.Error() }
func (r *retryable) Unwrap() error { return r.err }
