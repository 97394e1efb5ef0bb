package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// TestCountInputs: the total for the load bar counts regular files under
// the paths, and "-" as one.
func TestCountInputs(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "sub/b.txt", "sub/deeper/c.nc"} {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got atomic.Int64
	done := make(chan struct{})
	countInputs(context.Background(), []string{dir, "-"}, func(n int64) {
		got.Store(n)
		if n == 4 {
			close(done)
		}
	})
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("count stuck at %d, want 4", got.Load())
	}
}

// TestProgressLogLines: without a terminal, progress is a log record with
// the total, numbers for rates and an ETA.
func TestProgressLogLines(t *testing.T) {
	var buf bytes.Buffer
	p := newNamedProgress(&buf, "json", "load", 0, slog.New(slog.NewJSONHandler(&buf, nil)))
	p.setTotal(10)
	p.lastLine = time.Now().Add(-time.Minute)
	p.done(100)
	var r map[string]any
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatalf("%v: %q", err, buf.String())
	}
	if r["msg"] != "load progress" || r["total"] != float64(10) || r["files"] != float64(1) || r["bytes"] != float64(100) {
		t.Errorf("record %v", r)
	}
	for _, k := range []string{"filings_per_second", "eta_seconds", "elapsed_seconds"} {
		if _, ok := r[k].(float64); !ok {
			t.Errorf("%s = %#v, want a number", k, r[k])
		}
	}
	p.finish()
}
