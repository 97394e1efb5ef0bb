package etl

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/edgarload/edgarload/migrations"
)

// Connect opens a pool on databaseURL, first creating the database when
// opts.CreateDatabase is set and it is missing.
func Connect(ctx context.Context, databaseURL string, opts Options) (*pgxpool.Pool, error) {
	if opts.CreateDatabase {
		if err := EnsureDatabase(ctx, databaseURL); err != nil {
			return nil, err
		}
	}
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, wrapURLErr("parse database URL", databaseURL, err)
	}
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

// EnsureDatabase creates the database named in databaseURL if it is missing,
// connecting to the "postgres" maintenance database of the same server.
func EnsureDatabase(ctx context.Context, databaseURL string) error {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return wrapURLErr("parse database URL", databaseURL, err)
	}
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
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // duplicate_database: created concurrently
		return nil
	}
	if err != nil {
		return wrapURLErr(fmt.Sprintf("create database %q on", name), databaseURL, err)
	}
	return nil
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
