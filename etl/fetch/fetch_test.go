package fetch

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/edgarload/edgarload/etl/edgarhttp"
	"github.com/edgarload/edgarload/etl/edgarhttp/edgartest"
	"github.com/edgarload/edgarload/etl/shard"
	"github.com/edgarload/edgarload/parser/edgarindex"
)

const testUA = "Edgarload Tests tests@example.com"

// fakeEDGAR serves a 2004 QTR3 master.idx of invented filings and their
// submissions: n 8-Ks (CIK 999001...), plus a 10-K, an 8-K/A, an 8-K of
// another quarter and an 8-K after --to that must not be fetched.
func fakeEDGAR(t *testing.T, n int) (*edgartest.Server, []edgartest.IndexEntry) {
	t.Helper()
	srv := edgartest.NewServer(t)
	var entries, eightKs []edgartest.IndexEntry
	add := func(e edgartest.IndexEntry, serve bool) {
		entries = append(entries, e)
		if serve {
			srv.Add(edgarhttp.SubmissionPath(e.CIK, e.Accession), []byte(fmt.Sprintf(
				"<SEC-DOCUMENT>%s.txt\n<SEC-HEADER>\nACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t%s\n</SEC-HEADER>\n</SEC-DOCUMENT>\n",
				e.Accession, e.Accession, e.Form)))
		}
	}
	for i := range n {
		e := edgartest.IndexEntry{CIK: int64(999001 + i%5), Company: fmt.Sprintf("INVENTED CO %d", i%5), Form: "8-K",
			Filed: time.Date(2004, 7, 1+i%60, 0, 0, 0, 0, time.UTC), Accession: fmt.Sprintf("0000999001-04-%06d", i+1)}
		if e.Filed.Month() > 9 {
			e.Filed = time.Date(2004, 9, 30, 0, 0, 0, 0, time.UTC)
		}
		add(e, true)
		eightKs = append(eightKs, e)
	}
	add(edgartest.IndexEntry{CIK: 999001, Company: "INVENTED CO 0", Form: "10-K", Filed: time.Date(2004, 8, 2, 0, 0, 0, 0, time.UTC), Accession: "0000999001-04-900001"}, false)
	add(edgartest.IndexEntry{CIK: 999002, Company: "INVENTED CO 1", Form: "8-K/A", Filed: time.Date(2004, 8, 3, 0, 0, 0, 0, time.UTC), Accession: "0000999001-04-900002"}, true)
	srv.Add(edgarhttp.FullIndexPath(2004, 3, "master"), edgartest.MasterIndex(entries))
	srv.Add(edgarhttp.FullIndexPath(2004, 1, "master"), edgartest.MasterIndex(nil))
	srv.Add(edgarhttp.FullIndexPath(2004, 2, "master"), edgartest.MasterIndex(nil))
	// Another quarter, never read for a Q3 selection.
	srv.Add(edgarhttp.FullIndexPath(2004, 4, "master"), edgartest.MasterIndex([]edgartest.IndexEntry{
		{CIK: 999001, Company: "INVENTED CO 0", Form: "8-K", Filed: time.Date(2004, 10, 4, 0, 0, 0, 0, time.UTC), Accession: "0000999001-04-800001"}}))
	return srv, eightKs
}

func newClient(t *testing.T, srv *edgartest.Server, cache string) *edgarhttp.Client {
	t.Helper()
	c, err := edgarhttp.New(edgarhttp.Config{BaseURL: srv.URL, DataURL: srv.URL, UserAgent: testUA, CacheDir: cache,
		BackoffBase: time.Millisecond, BackoffMax: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var q3 = Selection{Forms: []string{"8-K"}, From: time.Date(2004, 7, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2004, 9, 30, 0, 0, 0, 0, time.UTC)}

func accessions(es []edgarindex.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Accession)
	}
	sort.Strings(out)
	return out
}

func want(es []edgartest.IndexEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Accession)
	}
	sort.Strings(out)
	return out
}

func TestPlanSelects(t *testing.T) {
	srv, eightKs := fakeEDGAR(t, 12)
	c := newClient(t, srv, t.TempDir())
	ctx := context.Background()
	plan, err := Plan(ctx, c, q3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := accessions(plan); !slices.Equal(got, want(eightKs)) {
		t.Errorf("8-Ks of Q3 2004: %v, want %v", got, want(eightKs))
	}
	if n := len(srv.RequestsFor(edgarhttp.FullIndexPath(2004, 4, "master"))); n != 0 {
		t.Errorf("Q4 index read %d times for a Q3 selection", n)
	}
	sel := q3
	sel.Forms, sel.Amendments = []string{"8-k"}, true
	plan, _ = Plan(ctx, c, sel, Options{})
	if len(plan) != len(eightKs)+1 {
		t.Errorf("with amendments: %d filings, want %d", len(plan), len(eightKs)+1)
	}
	sel = q3
	sel.CIKs = []int64{999002}
	sel.From = time.Date(2004, 7, 1, 0, 0, 0, 0, time.UTC)
	sel.To = time.Date(2004, 7, 31, 0, 0, 0, 0, time.UTC)
	plan, _ = Plan(ctx, c, sel, Options{})
	for _, e := range plan {
		if e.CIK != 999002 || e.DateFiled.Month() != time.July || e.FormType != "8-K" {
			t.Errorf("selected %+v", e)
		}
	}
	if len(plan) == 0 {
		t.Error("nothing selected for one CIK in July")
	}
	plan, err = Plan(ctx, c, Selection{Accessions: []string{"000099900104000003"}, To: q3.To}, Options{})
	if err != nil || len(plan) != 1 || plan[0].Accession != "0000999001-04-000003" {
		t.Errorf("by accession: %v %v", plan, err)
	}
	if _, err := Plan(ctx, c, Selection{Accessions: []string{"not-an-accession"}}, Options{}); err == nil {
		t.Error("a malformed accession was accepted")
	}
}

// TestPlanShards: the plans of shards 0..N-1 of one selection are
// disjoint and together the unsharded plan, for N from 1 to 7.
func TestPlanShards(t *testing.T) {
	srv, _ := fakeEDGAR(t, 40)
	c := newClient(t, srv, t.TempDir())
	ctx := context.Background()
	full, err := Plan(ctx, c, q3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 7; n++ {
		var union []string
		for k := range n {
			sel := q3
			sel.Shard = shard.Spec{K: k, N: n}
			plan, err := Plan(ctx, c, sel, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n > 1 && len(plan) == len(full) {
				t.Errorf("shard %d/%d planned everything", k, n)
			}
			union = append(union, accessions(plan)...)
		}
		sort.Strings(union)
		if !slices.Equal(union, accessions(full)) {
			t.Errorf("N=%d: the shards planned %d filings between them, want each of the %d once", n, len(union), len(full))
		}
	}
}

// Downloads respect the rate limit across workers and send the User-Agent
// every time; 429 with Retry-After and 503 are retried; a missing filing is
// reported and skipped.
func TestDownloadFairAccess(t *testing.T) {
	srv, eightKs := fakeEDGAR(t, 30)
	c := newClient(t, srv, t.TempDir())
	ctx := context.Background()
	plan, err := Plan(ctx, c, q3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv.Inject(edgarhttp.SubmissionPath(plan[3].CIK, plan[3].Accession), edgartest.TooManyRequests(1, "1"))
	srv.Inject(edgarhttp.SubmissionPath(plan[7].CIK, plan[7].Accession), edgartest.Unavailable(2))
	srv.Inject(edgarhttp.SubmissionPath(plan[9].CIK, plan[9].Accession), edgartest.Status(404, 0))
	var mu sync.Mutex
	var got, missing []string
	err = Download(ctx, c, plan, Options{Workers: 8}, func(d Downloaded) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, d.Entry.Accession)
		return nil
	}, func(e edgarindex.Entry, err error) { missing = append(missing, e.Accession) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(eightKs)-1 || len(missing) != 1 || missing[0] != plan[9].Accession {
		t.Errorf("downloaded %d, missing %v; want %d and %s", len(got), missing, len(eightKs)-1, plan[9].Accession)
	}
	if n := edgartest.MaxPerSecond(srv.Times()); n > 10 {
		t.Errorf("%d requests in one second (limit 10)", n)
	}
	for _, r := range srv.Requests() {
		if r.UserAgent != testUA {
			t.Fatalf("request %s without the User-Agent: %q", r.Path, r.UserAgent)
		}
	}
	limited := srv.RequestsFor(edgarhttp.SubmissionPath(plan[3].CIK, plan[3].Accession))
	if len(limited) != 2 || limited[1].Time.Sub(limited[0].Time) < time.Second {
		t.Errorf("429 with Retry-After 1: %d requests, retried after %v", len(limited), limited[len(limited)-1].Time.Sub(limited[0].Time))
	}
	if n := len(srv.RequestsFor(edgarhttp.SubmissionPath(plan[7].CIK, plan[7].Accession))); n != 3 {
		t.Errorf("503 twice then success: %d requests", n)
	}
}

// A fetch killed midway resumes without downloading again what it has; a
// second complete fetch downloads nothing.
func TestDownloadResumes(t *testing.T) {
	srv, _ := fakeEDGAR(t, 12)
	cache := t.TempDir()
	c := newClient(t, srv, cache)
	plan, err := Plan(context.Background(), c, q3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var first []string
	err = Download(ctx, c, plan, Options{Workers: 1}, func(d Downloaded) error {
		first = append(first, d.Entry.Accession)
		if len(first) == 5 {
			cancel() // killed
		}
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("killed download: %v", err)
	}
	before := len(srv.Requests())
	// A new process: a new client on the same cache.
	c2 := newClient(t, srv, cache)
	var second []string
	if err := Download(context.Background(), c2, plan, Options{}, func(d Downloaded) error {
		second = append(second, d.Entry.Accession)
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	if len(second) != len(plan) {
		t.Errorf("resumed fetch handed on %d of %d filings", len(second), len(plan))
	}
	again := 0
	for _, r := range srv.Requests()[before:] {
		for _, a := range first {
			if r.Path == edgarhttp.SubmissionPath(999001, a) || slices.ContainsFunc(plan, func(e edgarindex.Entry) bool {
				return e.Accession == a && r.Path == edgarhttp.SubmissionPath(e.CIK, a)
			}) {
				again++
			}
		}
	}
	if again != 0 {
		t.Errorf("%d filings downloaded again after the resume", again)
	}
	if n := len(srv.Requests()) - before; n != len(plan)-len(first) {
		t.Errorf("resume made %d requests, want %d", n, len(plan)-len(first))
	}
	before = len(srv.Requests())
	c3 := newClient(t, srv, cache)
	if _, err := Plan(context.Background(), c3, q3, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Download(context.Background(), c3, plan, Options{}, func(Downloaded) error { return nil }, nil); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Requests()) - before; n != 0 {
		t.Errorf("a second complete fetch made %d requests", n)
	}
}
