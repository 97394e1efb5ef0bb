package indexload

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"github.com/edgarload/edgarload/migrations"
)

// The tests run against a real PostgreSQL named by
// EDGARLOAD_TEST_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres), like etl's: TestMain
// creates and migrates a template database edgarload_test_<time>_<random>
// (etl's stale-database sweep recognizes the name), every test gets a copy,
// and all are dropped at the end. Migrating with goose directly (not
// etl.Migrate) keeps this package's tests free of an etl import, so that
// etl may import this package.

var (
	testServerURL string
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
		fmt.Fprintf(os.Stderr, "FAIL: PostgreSQL unreachable (set EDGARLOAD_TEST_DATABASE_URL): %v\n", err)
		return 1
	}
	defer admin.Close(context.Background())
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+templateDB); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: create test database: %v\n", err)
		return 1
	}
	defer func() {
		_, _ = admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+templateDB+" WITH (FORCE)")
	}()
	if err := migrate(ctx, dbURL(templateDB)); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: migrate test database: %v\n", err)
		return 1
	}
	return m.Run()
}

func migrate(ctx context.Context, u string) error {
	cfg, err := pgx.ParseConfig(u)
	if err != nil {
		return err
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

func dbURL(name string) string {
	u, err := url.Parse(testServerURL)
	if err != nil || u.Scheme == "" {
		return testServerURL + " dbname=" + name
	}
	u.Path = "/" + name
	return u.String()
}

// newDB returns a pool on a fresh migrated database, dropped when the test ends.
func newDB(t *testing.T) *pgxpool.Pool {
	t.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("%s_%d", templateDB, dbCounter.Add(1))
	admin, err := pgx.Connect(ctx, testServerURL)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE "+templateDB); err != nil {
		t.Fatalf("create database: %v", err)
	}
	pool, err := pgxpool.New(ctx, dbURL(name))
	if err != nil {
		t.Fatalf("pool: %v", err)
	}
	t.Cleanup(func() {
		pool.Close()
		a, err := pgx.Connect(ctx, testServerURL)
		if err != nil {
			t.Errorf("connect: %v", err)
			return
		}
		defer a.Close(ctx)
		if _, err := a.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database: %v", err)
		}
	})
	return pool
}

// repoRoot is the module root (where go.mod is).
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// sharedCorpus is ../shared/corpus beside the checkout: the test is
// skipped when it is absent and CI is unset, and fails when CI is set.
func sharedCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but the shared corpus is missing: %v", err)
		}
		t.Skipf("shared corpus not found at %s", dir)
	}
	return dir
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
