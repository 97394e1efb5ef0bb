package main

import (
	"context"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// contentChecksum is a digest of every data table without surrogate keys
// or load times: two databases that hold the same filings, however they
// were loaded, give the same digest.
const contentChecksum = `
SELECT md5(string_agg(t || ':' || x, E'\n' ORDER BY t, x)) FROM (
  SELECT 'filings' AS t, (to_jsonb(f) - 'filing_id' - 'loaded_at' - 'source_path')::text AS x FROM edgar.filings f
  UNION ALL SELECT 'registrants', (to_jsonb(r) - 'registrant_id')::text FROM edgar.registrants r
  UNION ALL SELECT 'filing_registrants', f.accession_number || (to_jsonb(c) - 'filing_id' - 'registrant_id')::text
    FROM edgar.filing_registrants c JOIN edgar.filings f USING (filing_id)
  UNION ALL SELECT 'former_names', r.cik || (to_jsonb(n) - 'registrant_id')::text
    FROM edgar.registrant_former_names n JOIN edgar.registrants r USING (registrant_id)
  UNION ALL SELECT 'items', f.accession_number || (to_jsonb(c) - 'filing_id')::text FROM edgar.items c JOIN edgar.filings f USING (filing_id)
  UNION ALL SELECT 'exhibits', f.accession_number || (to_jsonb(c) - 'filing_id')::text FROM edgar.exhibits c JOIN edgar.filings f USING (filing_id)
  UNION ALL SELECT 'signers', f.accession_number || (to_jsonb(c) - 'filing_id')::text FROM edgar.signers c JOIN edgar.filings f USING (filing_id)
  UNION ALL SELECT 'documents', f.accession_number || (to_jsonb(c) - 'filing_id')::text FROM edgar.documents c JOIN edgar.filings f USING (filing_id)
  UNION ALL SELECT 'securities', f.accession_number || (to_jsonb(c) - 'filing_id')::text FROM edgar.securities c JOIN edgar.filings f USING (filing_id)
) d(t, x)`

func checksum(t *testing.T, conn *pgx.Conn) string {
	t.Helper()
	var sum *string
	if err := conn.QueryRow(context.Background(), contentChecksum).Scan(&sum); err != nil {
		t.Fatal(err)
	}
	if sum == nil {
		return ""
	}
	return *sum
}

// TestKilledLoadsLoseNothing SIGKILLs the real binary at 20 points of a
// load (after a growing number of committed filings), reruns it to the end
// each time, and requires tables identical to a clean load's: a kill never
// leaves a half-written filing, and the rerun completes the rest.
func TestKilledLoadsLoseNothing(t *testing.T) {
	bin := buildBinary(t)
	inputs := inventFilings(t, 150)
	load := func(dbURL string) *exec.Cmd {
		cmd := exec.Command(bin, "load", "--batch-size", "3", "--workers", "2", "--log-level", "error", inputs, fixtures(t))
		cmd.Env = append(os.Environ(), "EDGARLOAD_DATABASE_URL="+dbURL)
		return cmd
	}
	cleanURL, cleanConn := freshDatabase(t)
	if out, err := load(cleanURL).CombinedOutput(); err != nil {
		t.Fatalf("clean load: %v\n%s", err, out)
	}
	want := checksum(t, cleanConn)
	if want == "" {
		t.Fatal("clean load wrote nothing")
	}
	killed := 0
	for point := 1; point <= 20; point++ {
		dbURL, conn := freshDatabase(t)
		if err := runMigrate(t, dbURL); err != nil {
			t.Fatal(err)
		}
		cmd := load(dbURL)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after (point-1)*7 filings have committed (or at once for the
		// first point), wherever the loader is then.
		threshold := (point - 1) * 7
		deadline := time.Now().Add(time.Minute)
		for time.Now().Before(deadline) {
			var n int
			if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM edgar.filings`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n >= threshold {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err != nil {
			killed++ // it was still running: a real kill
		}
		if out, err := load(dbURL).CombinedOutput(); err != nil {
			t.Fatalf("point %d: rerun after the kill: %v\n%s", point, err, out)
		}
		if got := checksum(t, conn); got != want {
			t.Errorf("point %d (after %d filings): tables differ from a clean load", point, threshold)
		}
		var running int
		if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM edgar.load_runs WHERE status = 'running'`).Scan(&running); err != nil {
			t.Fatal(err)
		}
		if running > 1 {
			t.Errorf("point %d: %d runs still running after the rerun", point, running)
		}
	}
	t.Logf("%d of 20 kills hit a running load; every rerun gave the clean load's tables", killed)
	if killed < 15 {
		t.Errorf("only %d of 20 kills hit a running load", killed)
	}
}
