package etl

import (
	"context"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/etl/internal/dbtest"
)

// The tests run against a real PostgreSQL (see etl/internal/dbtest): a
// template database migrated with Migrate, and a copy of it per test.

var (
	testServer    *dbtest.Server
	testServerURL string // the maintenance database URL
	templateDB    string
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	srv, drop, err := dbtest.Setup(func(ctx context.Context, u string) error { return Migrate(ctx, u, "up", io.Discard) })
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: %s\n", RedactURL(err.Error()))
		return 1
	}
	defer drop()
	testServer, testServerURL, templateDB = srv, srv.URL, srv.Template
	return m.Run()
}

// dbURL is the test server URL pointing at database name.
func dbURL(name string) string { return testServer.DBURL(name) }

// newDB creates a fresh migrated database for one test (a copy of the
// template) and returns a pool on it; both are dropped when the test ends.
func newDB(tb testing.TB) (*pgxpool.Pool, string) {
	tb.Helper()
	return testServer.NewDB(tb)
}
