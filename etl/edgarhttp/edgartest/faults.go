package edgartest

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// FaultKind says how a Fault misbehaves.
type FaultKind int

const (
	// FaultStatus answers with Status, RetryAfter and Body.
	FaultStatus FaultKind = iota + 1
	// FaultReset resets the TCP connection before answering.
	FaultReset
	// FaultHangUp sends the headers (with the full Content-Length) and the
	// first After bytes of the file, then closes the connection.
	FaultHangUp
	// FaultSlow sends the file Chunk bytes at a time with Delay before each
	// chunk; it stops early when the client goes away.
	FaultSlow
)

// Fault is one misbehaviour injected with Server.Inject.
type Fault struct {
	Kind  FaultKind
	Times int // requests answered this way; 0: all of them, forever

	Status     int    // FaultStatus: the status code
	RetryAfter string // FaultStatus: the Retry-After header, if not empty
	Body       string // FaultStatus: the body; default: the status text

	After int // FaultHangUp: body bytes sent before hanging up

	Chunk int           // FaultSlow: bytes per write (default 1024)
	Delay time.Duration // FaultSlow: pause before each write

	served int
}

// Status answers times requests with code.
func Status(code, times int) Fault {
	return Fault{Kind: FaultStatus, Status: code, Times: times}
}

// TooManyRequests answers times requests with 429 and the given
// Retry-After ("2", or an HTTP date; "" for none).
func TooManyRequests(times int, retryAfter string) Fault {
	return Fault{Kind: FaultStatus, Status: http.StatusTooManyRequests, RetryAfter: retryAfter, Times: times}
}

// Unavailable answers times requests with 503.
func Unavailable(times int) Fault {
	return Status(http.StatusServiceUnavailable, times)
}

// BlockPage is the gist of the page EDGAR sends with its 403.
const BlockPage = `<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head><body>
<h1>Your Request Originates from an Undeclared Automated Tool</h1>
<p>To allow for equitable access to all users, SEC reserves the right to limit requests originating from
undeclared automated tools. Your request has been identified as part of a network of automated tools outside
of the acceptable policy and will be managed until action is taken to declare your traffic.</p>
<p>Please declare your traffic by updating your user agent to include company specific information.</p>
</body></html>`

// Blocked answers every request with 403 and EDGAR's block page.
func Blocked() Fault {
	return Fault{Kind: FaultStatus, Status: http.StatusForbidden, Body: BlockPage}
}

// Reset resets the connection of times requests before any answer.
func Reset(times int) Fault {
	return Fault{Kind: FaultReset, Times: times}
}

// HangUp cuts times responses after `after` body bytes.
func HangUp(times, after int) Fault {
	return Fault{Kind: FaultHangUp, Times: times, After: after}
}

// Slow sends times responses chunk bytes at a time, pausing delay before
// each chunk (or until the client goes away).
func Slow(times, chunk int, delay time.Duration) Fault {
	return Fault{Kind: FaultSlow, Times: times, Chunk: chunk, Delay: delay}
}

// String describes f for test logs.
func (f Fault) String() string {
	switch f.Kind {
	case FaultStatus:
		return fmt.Sprintf("%d×%d", f.Status, f.Times)
	case FaultReset:
		return fmt.Sprintf("reset×%d", f.Times)
	case FaultHangUp:
		return fmt.Sprintf("hang-up after %d bytes×%d", f.After, f.Times)
	case FaultSlow:
		return fmt.Sprintf("slow %d bytes/%v×%d", f.Chunk, f.Delay, f.Times)
	}
	return "no fault"
}

func (f *Fault) writeStatus(w http.ResponseWriter) {
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	body := f.Body
	if body == "" {
		body = http.StatusText(f.Status) + "\n"
	}
	if strings.HasPrefix(body, "<") {
		w.Header().Set("Content-Type", "text/html")
	} else {
		w.Header().Set("Content-Type", "text/plain")
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(body))
}

// resetConnection closes the connection with SO_LINGER 0, which sends a
// TCP RST: the client sees "connection reset by peer" (or EOF).
func resetConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

// hangUp sends the headers and the first after bytes of body, then closes
// the connection.
func hangUp(w http.ResponseWriter, body []byte, after int) {
	after = min(max(after, 0), len(body))
	rc := http.NewResponseController(w)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body[:after])
	_ = rc.Flush()
	conn, _, err := rc.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// slowly writes body chunk bytes at a time with delay before each chunk.
func slowly(w http.ResponseWriter, r *http.Request, body []byte, chunk int, delay time.Duration) {
	if chunk <= 0 {
		chunk = 1024
	}
	rc := http.NewResponseController(w)
	w.WriteHeader(http.StatusOK)
	_ = rc.Flush()
	for len(body) > 0 {
		t := time.NewTimer(delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
		}
		k := min(chunk, len(body))
		if _, err := w.Write(body[:k]); err != nil {
			return
		}
		_ = rc.Flush()
		body = body[k:]
	}
}
