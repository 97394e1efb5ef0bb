package etl

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The tests run against a real PostgreSQL named by EDGARLOAD_TEST_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres). TestMain creates a
// template database edgarload_test_<random>, migrates it, and every test gets
// its own copy of it; all are dropped at the end. An unreachable server fails
// the run.

var (
	testServerURL string // the maintenance database URL
	templateDB    string
	dbCounter     atomic.Int64
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	testServerURL = os.Getenv("EDGARLOAD_TEST_DATABASE_URL")
	if testServerURL == "" {
		testServerURL = "postgres://postgres@127.0.0.1:5432/postgres"
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix)
	templateDB = fmt.Sprintf("edgarload_test_%d_%s", time.Now().Unix(), hex.EncodeToString(suffix))
	admin, err := pgx.Connect(ctx, testServerURL)
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: PostgreSQL unreachable at %s (set EDGARLOAD_TEST_DATABASE_URL): %v\n", RedactURL(testServerURL), err)
		return 1
	}
	defer admin.Close(context.Background())
	dropStaleDatabases(ctx, admin)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+templateDB); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: create test database: %v\n", err)
		return 1
	}
	defer func() {
		_, _ = admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+templateDB+" WITH (FORCE)")
	}()
	if err := Migrate(ctx, dbURL(templateDB), "up", io.Discard); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: migrate test database: %v\n", err)
		return 1
	}
	return m.Run()
}

// dbURL is the test server URL pointing at database name.
func dbURL(name string) string {
	if u, err := url.Parse(testServerURL); err == nil && u.Scheme != "" {
		u.Path = "/" + name
		return u.String()
	}
	return testServerURL + " dbname=" + name // keyword/value form
}

// newDB creates a fresh migrated database for one test (a copy of the
// template) and returns a pool on it; both are dropped when the test ends.
func newDB(tb testing.TB) (*pgxpool.Pool, string) {
	tb.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("%s_%d", templateDB, dbCounter.Add(1))
	admin, err := pgx.Connect(ctx, testServerURL)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE "+templateDB); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	pool, err := pgxpool.New(ctx, dbURL(name))
	if err != nil {
		tb.Fatalf("pool: %v", err)
	}
	tb.Cleanup(func() {
		pool.Close()
		a, err := pgx.Connect(ctx, testServerURL)
		if err != nil {
			tb.Errorf("connect: %v", err)
			return
		}
		defer a.Close(ctx)
		if _, err := a.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop database: %v", err)
		}
	})
	return pool, dbURL(name)
}

// dropStaleDatabases drops test databases left behind by killed runs (fuzz
// workers are killed without cleanup): those created over an hour ago and
// not in use.
func dropStaleDatabases(ctx context.Context, admin *pgx.Conn) {
	rows, err := admin.Query(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'edgarload\_test\_%'`)
	if err != nil {
		return
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, n := range names {
		parts := strings.Split(n, "_")
		if len(parts) < 4 {
			continue
		}
		created, err := strconv.ParseInt(parts[2], 10, 64)
		if err != nil || time.Since(time.Unix(created, 0)) < time.Hour {
			continue
		}
		_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{n}.Sanitize()) // fails while in use: fine
	}
}
