package edgartest

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMaxInWindow(t *testing.T) {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(ms ...int) []time.Time {
		var ts []time.Time
		for _, m := range ms {
			ts = append(ts, t0.Add(time.Duration(m)*time.Millisecond))
		}
		return ts
	}
	for _, tc := range []struct {
		times []time.Time
		want  int
	}{
		{nil, 0},
		{at(0), 1},
		{at(0, 1000), 2}, // closed window: both edges count
		{at(0, 1001), 1},
		{at(1500, 0, 900, 100, 2600), 3}, // unsorted
		{at(0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000), 11},
		{at(0, 110, 220, 330, 440, 550, 660, 770, 880, 990, 1100), 10},
	} {
		if got := MaxPerSecond(tc.times); got != tc.want {
			t.Errorf("MaxPerSecond(%v) = %d, want %d", tc.times, got, tc.want)
		}
	}
}

func TestServerServesAndRecords(t *testing.T) {
	srv := NewServer(t)
	dir := t.TempDir()
	if err := writeTree(dir, "Archives/edgar/full-index/2004/QTR3/master.idx", "index\n"); err != nil {
		t.Fatal(err)
	}
	srv.AddDir(dir)
	srv.Add("/submissions/CIK0000320193.json", []byte(`{}`))
	srv.Inject("/submissions/CIK0000320193.json", TooManyRequests(1, "2"), Unavailable(1))

	get := func(p string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+p, nil)
		req.Header.Set("User-Agent", "T t@example.com")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	if resp, b := get("/Archives/edgar/full-index/2004/QTR3/master.idx"); resp.StatusCode != 200 || string(b) != "index\n" {
		t.Errorf("dir file: %d %q", resp.StatusCode, b)
	}
	resp, b := get("/Archives/edgar/full-index/2004/QTR3/master.gz")
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("master.gz: %d, %v", resp.StatusCode, err)
	}
	if plain, _ := io.ReadAll(zr); string(plain) != "index\n" {
		t.Errorf("master.gz holds %q", plain)
	}
	if resp, _ := get("/Archives/edgar/full-index/../../etc/passwd"); resp.StatusCode != 404 {
		t.Errorf("traversal: %d", resp.StatusCode)
	}
	if resp, _ := get("/submissions/CIK0000320193.json"); resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" {
		t.Errorf("first fault: %d %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if resp, _ := get("/submissions/CIK0000320193.json"); resp.StatusCode != 503 {
		t.Errorf("second fault: %d", resp.StatusCode)
	}
	if resp, b := get("/submissions/CIK0000320193.json"); resp.StatusCode != 200 || string(b) != "{}" {
		t.Errorf("after the faults: %d %q", resp.StatusCode, b)
	}
	reqs := srv.Requests()
	if len(reqs) != 6 || reqs[0].UserAgent != "T t@example.com" || len(srv.RequestsFor("/submissions/CIK0000320193.json")) != 3 {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestMasterIndexLayout(t *testing.T) {
	b := string(MasterIndex([]IndexEntry{{CIK: 320193, Company: "Apple Inc.", Form: "10-K",
		Filed: time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC), Accession: "0000320193-24-000123"}}))
	for _, want := range []string{"CIK|Company Name|Form Type|Date Filed|Filename\n---",
		"320193|Apple Inc.|10-K|2024-11-01|edgar/data/320193/0000320193-24-000123.txt\n", "November 1, 2024"} {
		if !strings.Contains(b, want) {
			t.Errorf("master.idx lacks %q:\n%s", want, b)
		}
	}
}

func writeTree(root, rel, content string) error {
	p := root + "/" + rel
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}
