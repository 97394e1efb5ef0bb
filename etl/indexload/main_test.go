package indexload

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/etl/internal/dbtest"
)

// The tests run against a real PostgreSQL, as etl's do (etl/internal/dbtest):
// a migrated template database and a copy per test. Migrating with goose
// directly (dbtest.GooseUp, not etl.Migrate) keeps this package's tests free
// of an etl import, so that etl may import this package.

var testServer *dbtest.Server

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	srv, drop, err := dbtest.Setup(dbtest.GooseUp)
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: %v\n", err)
		return 1
	}
	defer drop()
	testServer = srv
	return m.Run()
}

// newDB returns a pool on a fresh migrated database, dropped when the test ends.
func newDB(t *testing.T) *pgxpool.Pool {
	t.Helper()
	pool, _ := testServer.NewDB(t)
	return pool
}

// repoRoot is the module root (where go.mod is).
func repoRoot(t *testing.T) string { t.Helper(); return dbtest.RepoRoot(t) }

// sharedCorpus is ../shared/corpus beside the checkout (see dbtest.SharedDir).
func sharedCorpus(t *testing.T) string {
	t.Helper()
	return filepath.Join(dbtest.SharedDir(t), "corpus")
}

func testdata(t *testing.T, parts ...string) string {
	t.Helper()
	return filepath.Join(append([]string{repoRoot(t), "testdata"}, parts...)...)
}

func queryInt(t *testing.T, pool *pgxpool.Pool, q string, args ...any) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func queryString(t *testing.T, pool *pgxpool.Pool, q string, args ...any) string {
	t.Helper()
	var s *string
	if err := pool.QueryRow(context.Background(), q, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if s == nil {
		return "<NULL>"
	}
	return *s
}

func loadFile(t *testing.T, pool *pgxpool.Pool, path string) Result {
	t.Helper()
	res, err := loadPath(context.Background(), pool, path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return res
}
