package etl

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"
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

// EnsureDatabase creates the database named in databaseURL if it is missing.
// It connects to that database first and only when the server says it does
// not exist (3D000) falls back to the "postgres" maintenance database to
// create it, so a loader that may not connect to the maintenance database
// (managed and hardened servers) works when its database exists. Loaders
// starting together may race to create it: losing is not an error.
func EnsureDatabase(ctx context.Context, databaseURL string) error {
	return ensureDatabase(ctx, databaseURL, Options{})
}

func ensureDatabase(ctx context.Context, databaseURL string, opts Options) error {
	// CREATE DATABASE copies a template and may take longer than a load's
	// statement timeout on a busy server; the connect timeout still holds.
	opts.StatementTimeout = 0
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
	exists, err := databaseExists(ctx, cfg)
	if err != nil {
		return wrapURLErr("connect to", databaseURL, err)
	}
	if exists {
		return nil
	}
	cfg.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return wrapURLErr(fmt.Sprintf("database %q does not exist; connect to the maintenance database to create it on", name), databaseURL, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	if createdConcurrently(err) {
		return nil
	}
	if err != nil {
		return wrapURLErr(fmt.Sprintf("create database %q on", name), databaseURL, err)
	}
	return nil
}

// databaseExists connects to the target database itself: true when that
// works, false (no error) when the server answers 3D000
// invalid_catalog_name, the error otherwise.
func databaseExists(ctx context.Context, cfg *pgx.ConnConfig) (bool, error) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err == nil {
		conn.Close(context.WithoutCancel(ctx))
		return true, nil
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "3D000" {
		return false, nil
	}
	return false, err
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

// Migrate runs the embedded goose migrations against databaseURL; see
// MigrateCommand for the commands. Progress is printed to out.
func Migrate(ctx context.Context, databaseURL, command string, out io.Writer) error {
	return MigrateCommand(ctx, databaseURL, MigrateRequest{Command: command}, out)
}

// MigrateRequest is one migrate command: "up" (apply all pending), "down"
// (roll back the latest), "down-to" (roll back to Version), "redo" (roll
// back the latest and apply it again), "reset" (roll back everything),
// "status" or "version". Rolling back a migration whose Down drops tables,
// columns or the schema needs Yes.
type MigrateRequest struct {
	Command string
	Version int64
	Yes     bool
	// Conn gives the connection settings (timeouts; application_name is
	// always set); with Conn.CreateDatabase, "up" first creates a missing
	// database.
	Conn Options
}

// MigrateCommand is Migrate with the full request.
func MigrateCommand(ctx context.Context, databaseURL string, req MigrateRequest, out io.Writer) error {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return wrapURLErr("parse database URL", databaseURL, err)
	}
	if req.Command == "up" && req.Conn.CreateDatabase {
		if err := ensureDatabase(ctx, databaseURL, req.Conn); err != nil {
			return err
		}
	}
	applyConnOptions(cfg, req.Conn)
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	if err := migrateDB(ctx, db, req, out); err != nil {
		return wrapURLErr("migrate "+req.Command, databaseURL, err)
	}
	return nil
}

// MigratePool is Migrate on an open pool.
func MigratePool(ctx context.Context, pool *pgxpool.Pool, command string, out io.Writer) error {
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	if err := migrateDB(ctx, db, MigrateRequest{Command: command}, out); err != nil {
		return fmt.Errorf("migrate %s: %w", command, err)
	}
	return nil
}

func migrateDB(ctx context.Context, db *sql.DB, req MigrateRequest, out io.Writer) error {
	if err := prepareVersionTable(ctx, db, out); err != nil {
		return err
	}
	p, err := newProvider(db)
	if err != nil {
		return err
	}
	// p.Close would close db, which the callers own.
	switch req.Command {
	case "up":
		if err := migrateUp(ctx, p, out); err != nil {
			return err
		}
		if err := commentVersionTable(ctx, db); err != nil {
			return err
		}
		return ensureReaderGrants(ctx, db, out)
	case "down", "down-to", "redo", "reset":
		return migrateDown(ctx, p, req, out)
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
		return fmt.Errorf("unknown migrate command %q (want up, down, down-to, redo, reset, status or version)", req.Command)
	}
	return nil
}

// newProvider is the goose provider of the embedded migrations, keeping
// its versions in VersionTable under a session lock.
func newProvider(db *sql.DB) (*goose.Provider, error) {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, fmt.Errorf("session locker: %w", err)
	}
	store, err := database.NewStore(database.DialectPostgres, VersionTable)
	if err != nil {
		return nil, fmt.Errorf("goose store: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectCustom, db, migrations.FS, goose.WithStore(store),
		goose.WithSessionLocker(locker), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return nil, fmt.Errorf("goose provider: %w", err)
	}
	return p, nil
}

func migrateUp(ctx context.Context, p *goose.Provider, out io.Writer) error {
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
	return nil
}

// migrateDown rolls back (down, down-to, reset) or re-applies (redo),
// refusing without req.Yes when a migration to roll back drops data.
func migrateDown(ctx context.Context, p *goose.Provider, req MigrateRequest, out io.Writer) error {
	current, err := p.GetDBVersion(ctx)
	if err != nil {
		return err
	}
	target := current
	switch req.Command {
	case "down", "redo":
		target = previousVersion(p, current)
	case "down-to":
		if req.Version < 0 || req.Version > current {
			return fmt.Errorf("down-to %d: the database is at version %d", req.Version, current)
		}
		target = req.Version
	case "reset":
		target = 0
	}
	if !req.Yes {
		if lossy := dataDroppingDowns(p, target, current); len(lossy) > 0 {
			return fmt.Errorf("%s would roll back %s, which drop data (tables, columns or the schema's contents): run it again with --yes to confirm",
				req.Command, strings.Join(lossy, ", "))
		}
	}
	var res []*goose.MigrationResult
	if current > target {
		res, err = p.DownTo(ctx, target)
	}
	for _, r := range res {
		fmt.Fprintln(out, r)
	}
	if err != nil {
		return err
	}
	if req.Command == "redo" && current > target {
		r, err := p.UpByOne(ctx)
		if r != nil {
			fmt.Fprintln(out, r)
		}
		return err
	}
	if len(res) == 0 {
		fmt.Fprintf(out, "nothing to roll back; current version: %d\n", current)
	}
	return nil
}

// previousVersion is the version below current among the migrations (0
// below the first).
func previousVersion(p *goose.Provider, current int64) int64 {
	prev := int64(0)
	for _, s := range p.ListSources() {
		if s.Version < current && s.Version > prev {
			prev = s.Version
		}
	}
	return prev
}

// dataDroppingDowns names the migrations in (target, current] whose Down
// section drops a table, a column or a schema.
func dataDroppingDowns(p *goose.Provider, target, current int64) []string {
	var names []string
	for _, s := range p.ListSources() {
		if s.Version <= target || s.Version > current {
			continue
		}
		body, err := fs.ReadFile(migrations.FS, path.Base(s.Path))
		if err != nil {
			names = append(names, path.Base(s.Path))
			continue
		}
		_, down, _ := strings.Cut(string(body), "-- +goose Down")
		if dropsData.MatchString(down) {
			names = append(names, path.Base(s.Path))
		}
	}
	return names
}

// dropsData matches a statement that loses rows or values.
var dropsData = regexp.MustCompile(`(?i)\bDROP\s+(TABLE|COLUMN|SCHEMA)\b|\bTRUNCATE\b|\bDELETE\s+FROM\b`)
