// Package dbtest gives database tests a real PostgreSQL (never a mock): a
// migrated template database per test binary and a fresh copy of it per
// test. The server is EDGARLOAD_TEST_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres); an unreachable server fails
// the run. Test databases are named edgarload_test_<unix time>_<random>
// (copies add _N); those left by killed runs are dropped after an hour.
// It is imported by tests only.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"

	"github.com/edgarload/edgarload/migrations"
)

// Server is the test server with its migrated template database.
type Server struct {
	URL      string // the maintenance database URL
	Template string // the template database's name
	copies   atomic.Int64
}

// Setup creates and migrates (with migrate) the template database; the
// returned function drops it.
func Setup(migrate func(ctx context.Context, databaseURL string) error) (*Server, func(), error) {
	s := &Server{URL: os.Getenv("EDGARLOAD_TEST_DATABASE_URL")}
	if s.URL == "" {
		s.URL = "postgres://postgres@127.0.0.1:5432/postgres"
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix)
	s.Template = fmt.Sprintf("edgarload_test_%d_%s", time.Now().Unix(), hex.EncodeToString(suffix))
	admin, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return nil, nil, fmt.Errorf("PostgreSQL unreachable (set EDGARLOAD_TEST_DATABASE_URL): %w", err)
	}
	defer admin.Close(context.Background())
	dropStale(ctx, admin)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+s.Template); err != nil {
		return nil, nil, fmt.Errorf("create test database: %w", err)
	}
	drop := func() {
		a, err := pgx.Connect(context.Background(), s.URL)
		if err != nil {
			return
		}
		defer a.Close(context.Background())
		_, _ = a.Exec(context.Background(), "DROP DATABASE IF EXISTS "+s.Template+" WITH (FORCE)")
	}
	if err := migrate(ctx, s.DBURL(s.Template)); err != nil {
		drop()
		return nil, nil, fmt.Errorf("migrate test database: %w", err)
	}
	return s, drop, nil
}

// GooseUp applies the embedded migrations with goose directly (for
// packages whose tests may not import etl).
func GooseUp(ctx context.Context, databaseURL string) error {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return err
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	// The same version table as etl.VersionTable, in the edgar schema.
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS edgar"); err != nil {
		return err
	}
	store, err := database.NewStore(database.DialectPostgres, "edgar.goose_db_version")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectCustom, db, migrations.FS, goose.WithStore(store), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// DBURL is the server URL pointing at database name.
func (s *Server) DBURL(name string) string {
	if u, err := url.Parse(s.URL); err == nil && u.Scheme != "" {
		u.Path = "/" + name
		return u.String()
	}
	return s.URL + " dbname=" + name // keyword/value form
}

// NewDB creates a fresh migrated database for one test (a copy of the
// template) and returns a pool on it and its URL; both go when the test
// ends.
func (s *Server) NewDB(tb testing.TB) (*pgxpool.Pool, string) {
	tb.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("%s_%d", s.Template, s.copies.Add(1))
	admin, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE "+s.Template); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	pool, err := pgxpool.New(ctx, s.DBURL(name))
	if err != nil {
		tb.Fatalf("pool: %v", err)
	}
	tb.Cleanup(func() {
		pool.Close()
		a, err := pgx.Connect(ctx, s.URL)
		if err != nil {
			tb.Errorf("connect: %v", err)
			return
		}
		defer a.Close(ctx)
		if _, err := a.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop database: %v", err)
		}
	})
	return pool, s.DBURL(name)
}

// dropStale drops test databases left behind by killed runs (fuzz workers
// are killed without cleanup): those created over an hour ago and not in
// use.
func dropStale(ctx context.Context, admin *pgx.Conn) {
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
