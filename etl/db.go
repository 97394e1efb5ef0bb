package etl

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/edgarload/edgarload/migrations"
)

// ApplicationName is the application_name of every connection edgarload
// opens (unless the URL sets one), so that pg_stat_activity shows it.
const ApplicationName = "edgarload"

// Connect opens a pool on databaseURL, first creating the database when
// opts.CreateDatabase is set and it is missing. Every connection gets
// application_name=edgarload and the session timeouts of opts (see
// Options.ConnectTimeout), unless the URL sets them.
func Connect(ctx context.Context, databaseURL string, opts Options) (*pgxpool.Pool, error) {
	if opts.CreateDatabase {
		if err := ensureDatabase(ctx, databaseURL, opts); err != nil {
			return nil, err
		}
	}
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, wrapURLErr("parse database URL", databaseURL, err)
	}
	applyConnOptions(cfg.ConnConfig, opts)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, wrapURLErr("connect to", databaseURL, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, wrapURLErr("connect to", databaseURL, err)
	}
	return pool, nil
}

// applyConnOptions sets the connect timeout, application_name and the
// session timeouts of opts on cfg, where the URL did not set them.
func applyConnOptions(cfg *pgx.ConnConfig, opts Options) {
	if cfg.ConnectTimeout == 0 && opts.ConnectTimeout > 0 {
		cfg.ConnectTimeout = opts.ConnectTimeout
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	set := func(k string, d time.Duration) {
		if _, ok := cfg.RuntimeParams[k]; !ok && d > 0 {
			cfg.RuntimeParams[k] = strconv.FormatInt(d.Milliseconds(), 10) + "ms"
		}
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = ApplicationName
	}
	set("statement_timeout", opts.StatementTimeout)
	set("lock_timeout", opts.LockTimeout)
	set("idle_in_transaction_session_timeout", opts.IdleInTransactionTimeout)
}

// EnsureDatabase creates the database named in databaseURL if it is missing,
// connecting to the "postgres" maintenance database of the same server.
// Loaders starting together may race to create it: losing is not an error.
func EnsureDatabase(ctx context.Context, databaseURL string) error {
	return ensureDatabase(ctx, databaseURL, Options{})
}

func ensureDatabase(ctx context.Context, databaseURL string, opts Options) error {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return wrapURLErr("parse database URL", databaseURL, err)
	}
	applyConnOptions(cfg, opts)
	name := cfg.Database
	if name == "" {
		return fmt.Errorf("database URL %s names no database", RedactURL(databaseURL))
	}
	if name == "postgres" {
		return nil
	}
	cfg.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return wrapURLErr("connect to maintenance database of", databaseURL, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return wrapURLErr(fmt.Sprintf("look up database %q on", name), databaseURL, err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	if createdConcurrently(err) {
		return nil
	}
	if err != nil {
		return wrapURLErr(fmt.Sprintf("create database %q on", name), databaseURL, err)
	}
	return nil
}

// createdConcurrently reports whether CREATE DATABASE failed because another
// session created the same database at the same time: 42P04
// duplicate_database, or 23505 unique_violation on
// pg_database_datname_index when both passed the existence check together.
func createdConcurrently(err error) bool {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return false
	}
	return pgErr.Code == "42P04" || (pgErr.Code == "23505" &&
		(pgErr.ConstraintName == "pg_database_datname_index" || strings.Contains(pgErr.Message, "pg_database_datname_index")))
}

// Migrate runs the embedded goose migrations against databaseURL. command
// is "up" (apply all pending), "down" (roll back the latest), "status" or
// "version"; progress is printed to out.
func Migrate(ctx context.Context, databaseURL, command string, out io.Writer) error {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return wrapURLErr("parse database URL", databaseURL, err)
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	if err := migrateDB(ctx, db, command, out); err != nil {
		return wrapURLErr("migrate "+command, databaseURL, err)
	}
	return nil
}

// MigratePool is Migrate on an open pool.
func MigratePool(ctx context.Context, pool *pgxpool.Pool, command string, out io.Writer) error {
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	if err := migrateDB(ctx, db, command, out); err != nil {
		return fmt.Errorf("migrate %s: %w", command, err)
	}
	return nil
}

func migrateDB(ctx context.Context, db *sql.DB, command string, out io.Writer) error {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return fmt.Errorf("session locker: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS,
		goose.WithSessionLocker(locker), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("goose provider: %w", err)
	}
	// p.Close would close db, which the callers own.
	switch command {
	case "up":
		res, err := p.Up(ctx)
		for _, r := range res {
			fmt.Fprintln(out, r)
		}
		if err != nil {
			return err
		}
		if len(res) == 0 {
			v, err := p.GetDBVersion(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "no migrations to run; current version: %d\n", v)
		}
	case "down":
		res, err := p.Down(ctx)
		if res != nil {
			fmt.Fprintln(out, res)
		}
		if err != nil {
			return err
		}
	case "status":
		st, err := p.Status(ctx)
		if err != nil {
			return err
		}
		for _, s := range st {
			applied := "Pending"
			if s.State == goose.StateApplied {
				applied = s.AppliedAt.UTC().Format("2006-01-02 15:04:05 UTC")
			}
			fmt.Fprintf(out, "%-25s %s\n", applied, s.Source.Path)
		}
	case "version":
		v, err := p.GetDBVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "version: %d\n", v)
	default:
		return fmt.Errorf("unknown migrate command %q (want up, down, status or version)", command)
	}
	return nil
}
