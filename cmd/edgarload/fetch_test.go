package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgarload/edgarload/etl/edgarhttp"
	"github.com/edgarload/edgarload/etl/edgarhttp/edgartest"
)

// corpusEightKs serves the corpus's complete 8-K submissions from a fake
// EDGAR whose 2004 QTR3 master.idx lists them (with a 10-K and an 8-K/A
// that must not be fetched), and returns the accessions listed as 8-K.
func corpusEightKs(t *testing.T) (*edgartest.Server, []string) {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "submissions")
	files, err := os.ReadDir(dir)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("shared corpus absent: %v", err)
		}
		t.Fatal(err)
	}
	accRe := regexp.MustCompile(`(?m)^\s*ACCESSION NUMBER:\s*(\d{10}-\d{2}-\d{6})\s*$`)
	cikRe := regexp.MustCompile(`(?m)^\s*CENTRAL INDEX KEY:\s*0*(\d+)\s*$`)
	formRe := regexp.MustCompile(`(?m)^\s*CONFORMED SUBMISSION TYPE:\s*(\S.*?)\s*$`)
	srv := edgartest.NewServer(t)
	var entries []edgartest.IndexEntry
	var want []string
	day := 0
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		acc, cik, form := accRe.FindSubmatch(data), cikRe.FindSubmatch(data), formRe.FindSubmatch(data)
		if acc == nil || cik == nil || form == nil {
			continue
		}
		n, _ := strconv.ParseInt(string(cik[1]), 10, 64)
		e := edgartest.IndexEntry{CIK: n, Company: "CORPUS " + string(cik[1]), Form: string(form[1]),
			Filed: time.Date(2004, 7, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day%90), Accession: string(acc[1])}
		day++
		entries = append(entries, e)
		srv.Add(edgarhttp.SubmissionPath(n, e.Accession), data)
		if e.Form == "8-K" {
			want = append(want, e.Accession)
		}
	}
	srv.Add(edgarhttp.FullIndexPath(2004, 3, "master"), edgartest.MasterIndex(entries))
	if len(want) < 20 {
		t.Fatalf("only %d 8-Ks in the corpus", len(want))
	}
	return srv, want
}

// TestFetchLoadsEveryListed8K runs `edgarload fetch --form 8-K --from
// 2004-07-01 --to 2004-09-30` against a fake EDGAR: every 8-K it lists is
// loaded, nothing else is downloaded, every request carries the
// User-Agent, the rate stays within 10/s, and a second fetch downloads
// nothing.
func TestFetchLoadsEveryListed8K(t *testing.T) {
	srv, want := corpusEightKs(t)
	dbURL, _ := newDatabaseURL(t)
	env := map[string]string{
		"EDGARLOAD_EDGAR_BASE_URL":   srv.URL,
		"EDGARLOAD_EDGAR_DATA_URL":   srv.URL,
		"EDGARLOAD_EDGAR_USER_AGENT": "Edgarload Tests tests@example.com",
		"EDGARLOAD_EDGAR_CACHE_DIR":  t.TempDir(),
		"EDGARLOAD_DATABASE_URL":     dbURL,
		"EDGARLOAD_LOG_LEVEL":        "warn",
	}
	args := []string{"fetch", "--form", "8-K", "--from", "2004-07-01", "--to", "2004-09-30"}
	code, out, errOut := runCLI(t, env, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, out, errOut)
	}
	t.Log(strings.TrimSpace(out))
	conn := connectTo(t, dbURL)
	var got []string
	rows, err := conn.Query(context.Background(), `SELECT accession_number FROM edgar.filings ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	rows.Close()
	if strings.Join(got, " ") != strings.Join(sorted(want), " ") {
		t.Errorf("loaded %d filings %v,\nwant the %d listed 8-Ks %v", len(got), got, len(want), sorted(want))
	}
	for _, r := range srv.Requests() {
		if r.UserAgent != env["EDGARLOAD_EDGAR_USER_AGENT"] {
			t.Fatalf("%s requested without the User-Agent", r.Path)
		}
	}
	if n := edgartest.MaxPerSecond(srv.Times()); n > 10 {
		t.Errorf("%d requests in one second", n)
	}
	var inputs string
	if err := conn.QueryRow(context.Background(), `SELECT array_to_string(inputs, ' ') FROM edgar.load_runs`).Scan(&inputs); err != nil || !strings.Contains(inputs, "--form 8-K") {
		t.Errorf("run ledger inputs %q (%v)", inputs, err)
	}

	before := len(srv.Requests())
	code, out, errOut = runCLI(t, env, args...)
	if code != 0 {
		t.Fatalf("second fetch: exit %d: %s\n%s", code, out, errOut)
	}
	if n := len(srv.Requests()) - before; n != 0 {
		t.Errorf("second fetch made %d requests", n)
	}
}

func TestFetchRefusesWithoutUserAgent(t *testing.T) {
	code, _, errOut := runCLI(t, map[string]string{"EDGARLOAD_EDGAR_CACHE_DIR": t.TempDir()},
		"fetch", "--form", "8-K", "--no-load")
	if code == 0 || !strings.Contains(errOut, "User-Agent") || !strings.Contains(errOut, "EDGARLOAD_EDGAR_USER_AGENT") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	code, _, errOut = runCLI(t, map[string]string{"EDGARLOAD_EDGAR_USER_AGENT": "A a@example.com", "EDGARLOAD_EDGAR_RATE_LIMIT": "11"},
		"fetch", "--form", "8-K", "--no-load")
	if code == 0 || !strings.Contains(errOut, "rate_limit") {
		t.Errorf("rate limit 11: exit %d: %s", code, errOut)
	}
	code, _, errOut = runCLI(t, map[string]string{"EDGARLOAD_EDGAR_USER_AGENT": "A a@example.com"},
		"fetch", "--from", "2004-13-01", "--no-load")
	if code != 2 {
		t.Errorf("bad date: exit %d, want 2: %s", code, errOut)
	}
}

func sorted(s []string) []string {
	return slices.Sorted(slices.Values(s))
}
