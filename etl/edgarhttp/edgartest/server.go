// Package edgartest is a fake EDGAR for tests (import it from _test.go files
// only): an httptest server that serves EDGAR's paths from an in-memory map
// or a directory tree, records every request, and injects faults per path.
//
//	srv := edgartest.NewServer(t)
//	srv.Add(edgarhttp.FullIndexPath(2004, 3, "master"), edgartest.MasterIndex(entries))
//	srv.Add("/Archives/edgar/data/320193/0000320193-24-000005.txt", body)
//	srv.Inject("/Archives/edgar/data/320193/0000320193-24-000005.txt", edgartest.Unavailable(2))
//	c, _ := edgarhttp.New(edgarhttp.Config{BaseURL: srv.URL, DataURL: srv.URL, UserAgent: "T t@example.com", CacheDir: t.TempDir()})
//	...
//	if n := edgartest.MaxPerSecond(srv.Times()); n > 10 { t.Errorf(...) }
//
// One server stands in for both www.sec.gov and data.sec.gov: use its URL as
// Config.BaseURL and Config.DataURL. A path ending in .gz that is not stored
// is served as the gzip of the stored path without .gz (master.idx.gz), or
// of the .idx file (master.gz → master.idx), as EDGAR's full-index has both.
package edgartest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Request is one request the server received.
type Request struct {
	Time           time.Time // when the handler started
	Method         string
	Path           string
	UserAgent      string
	AcceptEncoding string
}

// Server is a fake EDGAR. Its methods are safe for concurrent use.
type Server struct {
	// URL is the server's base URL (http://127.0.0.1:PORT), for
	// Config.BaseURL and Config.DataURL.
	URL string

	srv *httptest.Server

	mu           sync.Mutex
	files        map[string][]byte
	dirs         []string
	faults       map[string][]*Fault
	requests     []Request
	gzipEncoding bool
}

// NewServer starts a fake EDGAR that serves nothing yet; it is closed when
// the test ends.
func NewServer(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{files: map[string][]byte{}, faults: map[string][]*Fault{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	tb.Cleanup(s.Close)
	return s
}

// Close shuts the server down, cutting open connections.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// Add serves body at urlPath ("/Archives/edgar/data/320193/0000320193-24-000005.txt"),
// replacing what was there.
func (s *Server) Add(urlPath string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[urlPath] = bytes.Clone(body)
}

// AddDir serves the files under root at their relative paths:
// root/Archives/edgar/full-index/2004/QTR3/master.idx is
// /Archives/edgar/full-index/2004/QTR3/master.idx. Files added with Add win.
func (s *Server) AddDir(root string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dirs = append(s.dirs, root)
}

// SetGzipEncoding makes the server compress every response with
// Content-Encoding: gzip (and no Content-Length) when the request accepts
// gzip, as www.sec.gov does.
func (s *Server) SetGzipEncoding(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gzipEncoding = on
}

// Inject queues faults for urlPath. Each answers its Times requests (all of
// them when Times is 0) before the next fault in the queue takes over; once
// the queue is used up the path is served normally.
func (s *Server) Inject(urlPath string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range faults {
		s.faults[urlPath] = append(s.faults[urlPath], &f)
	}
}

// ClearFaults drops the faults still queued for urlPath.
func (s *Server) ClearFaults(urlPath string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.faults, urlPath)
}

// Requests returns every request received so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestsFor returns the requests received for urlPath.
func (s *Server) RequestsFor(urlPath string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Path == urlPath {
			out = append(out, r)
		}
	}
	return out
}

// Times returns the arrival times of every request, for MaxPerSecond.
func (s *Server) Times() []time.Time {
	reqs := s.Requests()
	ts := make([]time.Time, len(reqs))
	for i, r := range reqs {
		ts[i] = r.Time
	}
	return ts
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	fault := s.record(r)
	if fault != nil && fault.Kind == FaultStatus {
		fault.writeStatus(w)
		return
	}
	if fault != nil && fault.Kind == FaultReset {
		resetConnection(w)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, ok := s.lookup(r.URL.Path)
	if !ok {
		http.Error(w, "Not Found", http.StatusNotFound)
		return
	}
	s.writeBody(w, r, body, fault)
}

// record logs r and returns the fault that answers it, if any.
func (s *Server) record(r *http.Request) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{
		Time:           time.Now(),
		Method:         r.Method,
		Path:           r.URL.Path,
		UserAgent:      r.UserAgent(),
		AcceptEncoding: r.Header.Get("Accept-Encoding"),
	})
	q := s.faults[r.URL.Path]
	if len(q) == 0 {
		return nil
	}
	f := q[0]
	if f.Times > 0 {
		f.served++
		if f.served >= f.Times {
			s.faults[r.URL.Path] = q[1:]
		}
	}
	return f
}

// lookup finds the body of urlPath in the map, the directories, or as the
// gzip of a stored file.
func (s *Server) lookup(urlPath string) ([]byte, bool) {
	if b, ok := s.stored(urlPath); ok {
		return b, true
	}
	if !strings.HasSuffix(urlPath, ".gz") {
		return nil, false
	}
	plain := strings.TrimSuffix(urlPath, ".gz")
	b, ok := s.stored(plain)
	if !ok && path.Ext(plain) == "" {
		b, ok = s.stored(plain + ".idx")
	}
	if !ok {
		return nil, false
	}
	return gzipBytes(b), true
}

func (s *Server) stored(urlPath string) ([]byte, bool) {
	s.mu.Lock()
	b, ok := s.files[urlPath]
	dirs := append([]string(nil), s.dirs...)
	s.mu.Unlock()
	if ok {
		return b, true
	}
	clean := path.Clean("/" + urlPath)
	if clean != urlPath {
		return nil, false
	}
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, filepath.FromSlash(clean)))
		if err == nil {
			return b, true
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, false
		}
	}
	return nil, false
}

// writeBody sends body, shaped by a hang-up or slow fault, gzip-encoded
// when the server is set to and the client accepts it.
func (s *Server) writeBody(w http.ResponseWriter, r *http.Request, body []byte, fault *Fault) {
	s.mu.Lock()
	encode := s.gzipEncoding && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && fault == nil
	s.mu.Unlock()
	w.Header().Set("Content-Type", contentType(r.URL.Path))
	w.Header().Set("Last-Modified", time.Now().UTC().Format(http.TimeFormat))
	if encode {
		body = gzipBytes(body)
		w.Header().Set("Content-Encoding", "gzip")
		w.Header()["Content-Length"] = nil // chunked, as a compressing server sends
	} else {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	if r.Method == http.MethodHead {
		return
	}
	switch {
	case fault != nil && fault.Kind == FaultHangUp:
		hangUp(w, body, fault.After)
	case fault != nil && fault.Kind == FaultSlow:
		slowly(w, r, body, fault.Chunk, fault.Delay)
	default:
		_, _ = w.Write(body)
	}
}

func contentType(urlPath string) string {
	switch path.Ext(urlPath) {
	case ".json":
		return "application/json"
	case ".gz":
		return "application/x-gzip"
	case ".zip":
		return "application/zip"
	case ".htm", ".html":
		return "text/html"
	}
	return "text/plain"
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}
