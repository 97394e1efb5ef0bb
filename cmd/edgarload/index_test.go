package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestIndexLoad runs `edgarload index load` on the invented index and JSON
// fixtures (directories load in sorted order: company.* before master.*) into a database the command creates, twice, then with a file
// that is not an index file among good ones.
func TestIndexLoad(t *testing.T) {
	dbURL, _ := newDatabaseURL(t)
	env := map[string]string{"EDGARLOAD_DATABASE_URL": dbURL, "EDGARLOAD_LOG_LEVEL": "warn"}
	root, _ := filepath.Abs(filepath.Join("..", "..", "testdata"))
	idx, js := filepath.Join(root, "index"), filepath.Join(root, "json")
	code, out, errOut := runCLI(t, env, "index", "load", idx, js)
	if code != 0 {
		t.Fatalf("first load: exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{
		filepath.Join(idx, "master.2024QTR1.idx") + " (master): 8 entries read, 5 inserted, 0 updated, 2 unchanged, 1 duplicates, 4 malformed\n",
		"  malformed at 19 (CIK \"12X45\" is not a positive number); 20 (",
		filepath.Join(idx, "company.20240215.idx.gz") + " (company): 4 entries read, 4 inserted, 0 updated, 0 unchanged, 0 duplicates, 1 malformed, 1 realigned\n",
		filepath.Join(js, "CIK0000999001.json") + " (submissions): 3 entries read, 1 inserted, 2 updated, 0 unchanged, 0 duplicates, 1 malformed, 2 tickers\n",
		fmt.Sprintf("  %-32s %8d rows written\n", "registrant_tickers", 2),
		"total: 6 files (0 failed): 17 entries read, 12 inserted, 2 updated, 2 unchanged, 1 duplicates, 8 malformed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("first load output lacks %q:\n%s", want, out)
		}
	}
	conn := connectTo(t, dbURL)
	var n int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM edgar.index_entries").Scan(&n); err != nil || n != 12 {
		t.Errorf("index_entries: %d rows (%v), want 12", n, err)
	}
	code, out, errOut = runCLI(t, env, "index", "load", "--migrate=false", idx, js)
	if code != 0 || !strings.Contains(out, "total: 6 files (0 failed): 17 entries read, 0 inserted, 0 updated, 16 unchanged") || strings.Contains(out, "rows written") {
		t.Errorf("second load: exit %d\n%s\n%s", code, out, errOut)
	}
	bad := filepath.Join(root, "bad", "shopping-list.txt")
	code, out, errOut = runCLI(t, env, "index", "load", bad, filepath.Join(idx, "master.2024QTR1.idx"))
	if code != 1 {
		t.Errorf("a file that is not an index file: exit %d", code)
	}
	if !strings.Contains(errOut, bad+": not an EDGAR index file") || !strings.Contains(out, "master.2024QTR1.idx (master): 8 entries read, 0 inserted") ||
		!strings.Contains(out, "total: 2 files (1 failed)") {
		t.Errorf("mixed load:\n%s\n%s", out, errOut)
	}
	if code, _, _ := runCLI(t, env, "index", "load"); code == 0 {
		t.Error("index load without paths: exit 0")
	}
}

// connectTo connects to dbURL (created by the command under test); the
// connection closes before the database is dropped.
func connectTo(t *testing.T, dbURL string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}
