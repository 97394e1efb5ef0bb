package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/spf13/cobra"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/etl/edgarhttp"
	"github.com/edgarload/edgarload/etl/fetch"
	"github.com/edgarload/edgarload/etl/shard"
	"github.com/edgarload/edgarload/parser/edgarindex"
)

// fetchFlags are the selection flags of `edgarload fetch`.
type fetchFlags struct {
	forms, ciks, tickers, accessions []string
	from, to                         string
	amendments, noLoad               bool
}

// newFetchCmd is `edgarload fetch`: pick filings from EDGAR's indexes,
// download their complete submissions and load them, in one pipeline.
func newFetchCmd(ctx context.Context, config func(*cobra.Command) (Config, *slog.Logger, error), stdout, stderr io.Writer) *cobra.Command {
	var ff fetchFlags
	cmd := &cobra.Command{
		Use:   "fetch --form F --from YYYY-MM-DD --to YYYY-MM-DD [--cik N] [--ticker T] [--accession A]",
		Short: "Download filings from EDGAR (fair access: User-Agent, ≤ 10 requests/s, cache) and load them",
		Long: `fetch reads EDGAR's quarterly full-index (and the daily-index for the current quarter),
selects the filings, downloads each complete submission (edgar/data/CIK/ACCESSION.txt) into the
cache directory and loads it, downloads overlapping with parsing and writing. Nothing is
downloaded twice: the cache keeps every file, and filings already loaded are not downloaded.
SEC requires a User-Agent naming you with a contact e-mail address (--user-agent or
EDGARLOAD_EDGAR_USER_AGENT).`,
		Example: `  edgarload fetch --user-agent "Jane Analyst jane@example.com" --form 8-K --from 2004-07-01 --to 2004-09-30
  edgarload fetch --form 10-K --ticker AAPL --from 2020-01-01
  edgarload fetch --accession 0000320193-24-000005 --no-load`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, log, err := config(cmd)
			if err != nil {
				return err
			}
			sel, err := ff.selection()
			if err != nil {
				return err
			}
			sel.Shard = c.Load.ShardSpec
			client, err := edgarhttp.New(edgarhttp.Config{BaseURL: c.Edgar.BaseURL, DataURL: c.Edgar.DataURL,
				UserAgent: c.Edgar.UserAgent, RateLimit: c.Edgar.RateLimit, CacheDir: c.Edgar.CacheDir, Logger: log})
			if errors.Is(err, edgarhttp.ErrNoUserAgent) {
				return usageError{err} // the message says where to set it
			}
			if err != nil {
				return fmt.Errorf("EDGAR client: %w", err)
			}
			return runFetch(ctx, c, log, client, sel, ff.noLoad, stdout, stderr)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&ff.forms, "form", nil, "form type to fetch, as EDGAR writes it (repeatable: --form 8-K --form 10-K)")
	f.BoolVar(&ff.amendments, "amendments", false, "also fetch the amendments of each --form (8-K/A with 8-K)")
	f.StringVar(&ff.from, "from", "", "first filing date, YYYY-MM-DD (default: the start of --to's quarter)")
	f.StringVar(&ff.to, "to", "", "last filing date, YYYY-MM-DD (default: today)")
	f.StringSliceVar(&ff.ciks, "cik", nil, "only this company's filings (repeatable)")
	f.StringSliceVar(&ff.tickers, "ticker", nil, "only this ticker's company (repeatable; resolved with SEC's company_tickers.json)")
	f.StringSliceVar(&ff.accessions, "accession", nil, "only this filing (repeatable)")
	f.BoolVar(&ff.noLoad, "no-load", false, "only download into the cache; load nothing")
	f.String("user-agent", "", `User-Agent sent to EDGAR: your name and e-mail address, e.g. "Jane Analyst jane@example.com"`)
	f.Float64("rate-limit", edgarhttp.DefaultRateLimit, "requests per second to EDGAR, at most 10")
	f.String("cache-dir", "", "where downloaded files are kept (default: the user's cache directory/edgarload)")
	f.Int("workers", 0, "parser goroutines (default: number of CPUs)")
	f.Int("batch-size", 200, "filings per database transaction")
	f.Bool("migrate", true, "run pending migrations before loading")
	f.String("shard", "", "fetch only shard K of N of the selection, by accession number (K from 0 to N-1)")
	return cmd
}

// selection turns the flags into a fetch.Selection.
func (ff fetchFlags) selection() (fetch.Selection, error) {
	sel := fetch.Selection{Forms: ff.forms, Amendments: ff.amendments, Tickers: ff.tickers, Accessions: ff.accessions}
	var err error
	if sel.From, err = parseDateFlag("from", ff.from); err != nil {
		return sel, err
	}
	if sel.To, err = parseDateFlag("to", ff.to); err != nil {
		return sel, err
	}
	for _, c := range ff.ciks {
		var n int64
		if _, err := fmt.Sscan(strings.TrimLeft(c, "0"), &n); err != nil || n <= 0 {
			return sel, usageError{fmt.Errorf("--cik %q is not a CIK", c)}
		}
		sel.CIKs = append(sel.CIKs, n)
	}
	return sel, nil
}

func parseDateFlag(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return t, usageError{fmt.Errorf("--%s %q is not a date (YYYY-MM-DD)", name, v)}
	}
	return t, nil
}

// usageError is an error in the command line (exit code 2).
type usageError struct{ error }

func (usageError) Usage() {}

// runFetch plans, downloads and (unless noLoad) loads.
func runFetch(ctx context.Context, c Config, log *slog.Logger, client *edgarhttp.Client, sel fetch.Selection, noLoad bool, stdout, stderr io.Writer) error {
	start := time.Now()
	plan, err := fetch.Plan(ctx, client, sel, fetch.Options{Log: log})
	if err != nil {
		return err
	}
	planned := len(plan)
	var pool *pgxpool.Pool
	if !noLoad {
		if pool, err = openForFetch(ctx, c); err != nil {
			return err
		}
		defer pool.Close()
		loaded, err := etl.LoadedAccessions(ctx, pool, accessionsOf(plan))
		if err != nil {
			return err
		}
		plan = skipLoaded(plan, loaded)
	}
	log.Info("fetch planned", "selected", planned, "to_download", len(plan), "already_loaded", planned-len(plan))
	prog := newProgress(stderr, c.Log.Format, len(plan), log)
	var missing atomic.Int64
	onMissing := func(e edgarindex.Entry, err error) {
		missing.Add(1)
		log.Warn("filing not on EDGAR", "accession", e.Accession, "cik", e.CIK, "error", err.Error())
	}
	report := func() {
		st := client.Stats()
		fmt.Fprintf(stdout, "fetch: %d selected, %d already loaded, %d downloaded into %s (%d requests, %d bytes, %d from cache, %d retries, %d missing) in %s\n",
			planned, planned-len(plan), len(plan)-int(missing.Load()), client.CacheDir(), st.Requests, st.Bytes, st.CacheHits,
			st.Retries, missing.Load(), time.Since(start).Round(time.Millisecond))
	}
	if noLoad {
		err := fetch.Download(ctx, client, plan, fetch.Options{Log: log}, func(d fetch.Downloaded) error {
			prog.done(d.Result.Bytes)
			return nil
		}, onMissing)
		prog.finish()
		report()
		return err
	}
	sum, loadErr, dlErr := downloadAndLoad(ctx, c, log, client, pool, plan, sel, prog, onMissing)
	prog.finish()
	printSummary(stdout, sum)
	report()
	if loadErr != nil {
		return loadErr
	}
	if dlErr != nil && ctx.Err() == nil {
		return dlErr
	}
	return ctx.Err()
}

// openForFetch connects to the database and runs pending migrations when
// load.migrate is set.
func openForFetch(ctx context.Context, c Config) (*pgxpool.Pool, error) {
	pool, err := etl.Connect(ctx, c.Database.URL, c.connOptions())
	if err != nil {
		return nil, err
	}
	if c.Load.Migrate {
		if err := etl.MigratePool(ctx, pool, "up", io.Discard); err != nil {
			pool.Close()
			return nil, err
		}
	}
	return pool, nil
}

// downloadAndLoad runs the download and the load as one pipeline: each
// finished download is handed to the loader as a new path.
func downloadAndLoad(ctx context.Context, c Config, log *slog.Logger, client *edgarhttp.Client, pool *pgxpool.Pool,
	plan []edgarindex.Entry, sel fetch.Selection, prog *progress, onMissing func(edgarindex.Entry, error)) (etl.Summary, error, error) {
	paths := make(chan string, 16)
	opts := c.loadOptions()
	opts.Migrate, opts.CreateDatabase = false, false // openForFetch did both
	opts.Paths, opts.RunInputs = paths, []string{"fetch " + describe(sel)}
	opts.Shard = shard.Spec{} // the plan is sharded already
	dctx, cancelDownload := context.WithCancel(ctx)
	defer cancelDownload()
	dlErr := make(chan error, 1)
	go func() {
		defer close(paths)
		dlErr <- fetch.Download(dctx, client, plan, fetch.Options{Log: log}, func(d fetch.Downloaded) error {
			prog.done(d.Result.Bytes)
			select {
			case paths <- d.Result.Path:
				return nil
			case <-dctx.Done():
				return dctx.Err()
			}
		}, onMissing)
	}()
	sum, loadErr := etl.Load(ctx, pool, nil, opts, log)
	cancelDownload()
	return sum, loadErr, <-dlErr
}

func accessionsOf(entries []edgarindex.Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Accession
	}
	return out
}

func skipLoaded(entries []edgarindex.Entry, loaded map[string]bool) []edgarindex.Entry {
	out := entries[:0:0]
	for _, e := range entries {
		if !loaded[e.Accession] {
			out = append(out, e)
		}
	}
	return out
}

// describe renders a selection for the run ledger.
func describe(s fetch.Selection) string {
	var parts []string
	for _, f := range s.Forms {
		parts = append(parts, "--form "+f)
	}
	if s.Amendments {
		parts = append(parts, "--amendments")
	}
	if !s.From.IsZero() {
		parts = append(parts, "--from "+s.From.Format(time.DateOnly))
	}
	if !s.To.IsZero() {
		parts = append(parts, "--to "+s.To.Format(time.DateOnly))
	}
	for _, c := range s.CIKs {
		parts = append(parts, fmt.Sprintf("--cik %d", c))
	}
	for _, t := range s.Tickers {
		parts = append(parts, "--ticker "+t)
	}
	for _, a := range s.Accessions {
		parts = append(parts, "--accession "+a)
	}
	if s.Shard.Split() {
		parts = append(parts, "--shard "+s.Shard.String())
	}
	return strings.Join(parts, " ")
}
