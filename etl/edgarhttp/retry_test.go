package edgarhttp

import (
	"net/http"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 1, 11, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"2", 2 * time.Second, true},
		{" 0 ", 0, true},
		{"-5", 0, false},
		{"99999999999", time.Minute, true},
		{"3600", time.Minute, true},
		{now.Add(30 * time.Second).Format(http.TimeFormat), 30 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{now.Add(time.Hour).Format(http.TimeFormat), time.Minute, true},
		{"Thursday, 11-Jan-24 12:00:10 GMT", 10 * time.Second, true},
		{"soon", 0, false},
	} {
		got, ok := parseRetryAfter(tc.in, now, time.Minute)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoffFullJitter(t *testing.T) {
	c := &Client{backoffBase: 10 * time.Millisecond, backoffMax: 80 * time.Millisecond}
	for attempt := range 70 {
		ceil := min(c.backoffMax, c.backoffBase<<min(attempt, 30))
		for range 50 {
			if d := c.backoff(attempt, 0); d < 0 || d > ceil {
				t.Fatalf("backoff(%d) = %v, outside [0, %v]", attempt, d, ceil)
			}
		}
	}
	if d := c.backoff(3, 7*time.Second); d != 7*time.Second {
		t.Errorf("backoff with Retry-After 7s = %v", d)
	}
}

// TestLimiterBound checks the limiter's arithmetic without a clock: with
// burst 1, n+1 requests span at least n/rate, which must exceed one second.
func TestLimiterBound(t *testing.T) {
	for _, r := range []float64{1, 2.5, 4, 9.99, 10} {
		l := newLimiter(r)
		if l.Burst() != 1 {
			t.Errorf("rate %v: burst %d, want 1", r, l.Burst())
		}
		allowed := int(r)
		if span := float64(allowed) / float64(l.Limit()); span <= 1 {
			t.Errorf("rate %v: %d+1 requests fit in %.3f s", r, allowed, span)
		}
	}
}
