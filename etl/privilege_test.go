package etl

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/edgarload/edgarload/etl/internal/pgtest"
)

// TestLeastPrivilegeLoad loads with exactly the privileges the README
// documents for the loader login: it owns the edgar schema a DBA created
// and nothing else — it may not connect to the maintenance database,
// create databases, roles or other schemas. The load connects to its own
// database first, warns once with the SQL for the missing reader role, and
// grants the role read access on a later run once a DBA created it.
func TestLeastPrivilegeLoad(t *testing.T) {
	ctx := context.Background()
	c := pgtest.Start(t)
	admin, err := pgx.Connect(ctx, c.URL(""))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	for _, q := range []string{
		"CREATE ROLE loader LOGIN",
		"CREATE DATABASE edgar_min",
		"REVOKE CONNECT ON DATABASE postgres FROM PUBLIC",
		"REVOKE CONNECT ON DATABASE template1 FROM PUBLIC",
	} {
		if _, err := admin.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	dbAdmin, err := pgx.Connect(ctx, c.URL("edgar_min"))
	if err != nil {
		t.Fatal(err)
	}
	defer dbAdmin.Close(ctx)
	if _, err := dbAdmin.Exec(ctx, "CREATE SCHEMA edgar AUTHORIZATION loader"); err != nil {
		t.Fatal(err)
	}
	loaderURL := strings.Replace(c.URL("edgar_min"), "postgres://postgres@", "postgres://loader@", 1)

	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	pool, err := Connect(ctx, loaderURL, Options{CreateDatabase: true})
	if err != nil {
		t.Fatalf("connect as the least-privileged loader: %v", err)
	}
	defer pool.Close()
	fixtures := filepath.Join(repoRoot(t), "testdata", "filings")
	sum, err := Load(ctx, pool, []string{fixtures}, Options{Migrate: true}, log)
	if err != nil {
		t.Fatalf("load as the least-privileged loader: %v", err)
	}
	if sum.FilingsLoaded == 0 {
		t.Fatal("nothing loaded")
	}
	if n := strings.Count(logs.String(), "role edgar_reader does not exist"); n != 1 || !strings.Contains(logs.String(), "CREATE ROLE edgar_reader NOLOGIN") {
		t.Errorf("want one warning with the SQL for the reader role, got %d:\n%s", n, logs.String())
	}

	if _, err := admin.Exec(ctx, "CREATE ROLE edgar_reader NOLOGIN"); err != nil {
		t.Fatal(err)
	}
	logs.Reset()
	if _, err := Load(ctx, pool, []string{fixtures}, Options{Migrate: true}, log); err != nil {
		t.Fatalf("second load: %v", err)
	}
	var usage, sel bool
	if err := dbAdmin.QueryRow(ctx, "SELECT has_schema_privilege('edgar_reader', 'edgar', 'USAGE'), has_table_privilege('edgar_reader', 'edgar.filings', 'SELECT')").Scan(&usage, &sel); err != nil {
		t.Fatal(err)
	}
	if !usage || !sel || strings.Contains(logs.String(), "does not exist") {
		t.Errorf("after the DBA created the role: usage %v select %v, logs:\n%s", usage, sel, logs.String())
	}

	// A missing database, and no access to the maintenance database: the
	// error says what was tried.
	missing := strings.Replace(loaderURL, "/edgar_min", "/edgar_nope", 1)
	if _, err := Connect(ctx, missing, Options{CreateDatabase: true}); err == nil ||
		!strings.Contains(err.Error(), `database "edgar_nope" does not exist`) {
		t.Errorf("missing database: %v", err)
	}
}
