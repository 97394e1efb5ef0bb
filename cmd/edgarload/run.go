package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/parser"
)

// version is set at build time with -ldflags "-X main.version=..."; it
// falls back to the module version recorded by the Go toolchain.
var version = ""

// run is the whole program behind main, with its environment passed in so
// that tests can call it directly. It returns the process exit code: 0, 1
// on an error, 2 on a usage error, 130 when ctx was cancelled (a signal).
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	var configPath string
	root := &cobra.Command{
		Use:           "edgarload",
		Short:         "Load SEC EDGAR filings into PostgreSQL",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&configPath, "config", "", "config file (default: edgarload.yaml in the working directory, if present)")
	pf.String("database-url", "", "PostgreSQL URL or DSN (default: libpq defaults and PG* variables)")
	pf.Bool("create-db", true, "create the database named in the URL when it does not exist")
	pf.String("log-level", "info", "log level: debug, info, warn, error")
	pf.String("log-format", "text", "log format: text or json")

	config := func(cmd *cobra.Command) (Config, *slog.Logger, error) {
		c, err := loadConfig(configPath, cmd.Flags(), getenv)
		if err != nil {
			return c, nil, err
		}
		level, _ := parseLevel(c.Log.Level)
		opts := &slog.HandlerOptions{Level: level}
		var h slog.Handler = slog.NewTextHandler(stderr, opts)
		if c.Log.Format == "json" {
			h = slog.NewJSONHandler(stderr, opts)
		}
		return c, slog.New(h), nil
	}

	var textOnly bool
	parseCmd := &cobra.Command{
		Use:   "parse PATH...",
		Short: "Parse filings (- for standard input) and print one JSON object per filing (JSON Lines); no database",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			w := bufio.NewWriter(stdout)
			defer w.Flush()
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			var failed []error
			err := etl.WalkInputs(ctx, paths, func(in etl.Input) error {
				data, err := in.Read()
				if err != nil {
					failed = append(failed, err)
					fmt.Fprintf(stderr, "edgarload: %v\n", err)
					return nil
				}
				if textOnly {
					return printText(w, stderr, in, data, &failed)
				}
				f, err := etl.ParseInput(in)
				if err != nil {
					failed = append(failed, err)
					fmt.Fprintf(stderr, "edgarload: %v\n", err)
					return nil
				}
				return enc.Encode(f)
			})
			if err != nil {
				return err
			}
			if len(failed) > 0 {
				return fmt.Errorf("%d input(s) could not be parsed", len(failed))
			}
			return nil
		},
	}
	parseCmd.Flags().BoolVar(&textOnly, "text", false, "print the extracted plain text of each primary document instead of JSON")

	loadCmd := &cobra.Command{
		Use:   "load PATH...",
		Short: "Parse filings (files, directories, archives; - for standard input) and upsert them into PostgreSQL",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			c, log, err := config(cmd)
			if err != nil {
				return err
			}
			opts := c.loadOptions()
			pool, err := etl.Connect(ctx, c.Database.URL, opts)
			if err != nil {
				return err
			}
			defer pool.Close()
			sum, err := etl.Load(ctx, pool, paths, opts, log)
			printSummary(stdout, sum)
			return err
		},
	}
	lf := loadCmd.Flags()
	lf.Int("workers", defaults["load.workers"].(int), "parser goroutines")
	lf.Int("batch-size", defaults["load.batch_size"].(int), "filings per database transaction")
	lf.Bool("migrate", true, "run pending migrations before loading (--migrate=false to skip)")
	lf.Bool("retry-rejects", false, "parse again inputs this parser version already rejected with the same bytes (skipped by default)")
	lf.Int64("max-file-bytes", 0, "largest input (file, member, bundle) in bytes; 0: 1 GiB")
	lf.Int64("max-archive-bytes", 0, "bytes decompressed out of one archive or compressed file; 0: 256 GiB, -1: no cap")
	lf.Float64("max-expansion-ratio", 0, "largest expansion of one compressed stream (bomb guard); 0: 200, -1: no check")
	lf.Int64("max-inflight-bytes", 0, "input bytes read but not yet written; 0: 32 MiB")
	lf.Bool("store-text", true, "store the plain text of every document in edgar.documents.text (--store-text=false: a lean load)")

	migrateCmd := &cobra.Command{
		Use:       "migrate up|down|status|version",
		Short:     "Apply, roll back or inspect the embedded schema migrations",
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		ValidArgs: []string{"up", "down", "status", "version"},
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := config(cmd)
			if err != nil {
				return err
			}
			if args[0] == "up" && c.Database.Create {
				if err := etl.EnsureDatabase(ctx, c.Database.URL); err != nil {
					return err
				}
			}
			return etl.Migrate(ctx, c.Database.URL, args[0], stdout)
		},
	}

	versionCmd := &cobra.Command{
		Use:   "version",
		Short: "Print edgarload's version and its parser version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintf(stdout, "edgarload %s (parser %s)\n", buildVersion(), parser.Version)
		},
	}

	root.AddCommand(parseCmd, loadCmd, newFetchCmd(ctx, config, stdout, stderr), newIndexCmd(ctx, config, stdout, stderr), migrateCmd,
		newVerifyCmd(ctx, config, stdout), versionCmd)
	root.AddCommand(newStatsCmd(ctx, config, stdout))
	root.AddCommand(newDocsCmd(ctx, config, stdout))
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintf(stderr, "edgarload: %s\n", etl.RedactURL(err.Error()))
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "edgarload: interrupted (%v)\n", context.Cause(ctx))
			return exitInterrupted
		}
		var usage interface{ Usage() }
		if errors.As(err, &usage) {
			return 2
		}
		return 1
	}
	return 0
}

func printSummary(w io.Writer, s etl.Summary) {
	fmt.Fprintf(w, "run %d: %d files seen, %d filings loaded, %d unchanged, %d rejected in %s (%.1f filings/s)\n",
		s.RunID, s.FilesSeen, s.FilingsLoaded, s.FilingsUnchanged, s.FilingsRejected,
		s.Elapsed.Round(time.Millisecond), s.FilingsPerSecond())
	if s.RejectedBefore > 0 {
		fmt.Fprintf(w, "  %d inputs skipped: rejected before with the same bytes by this parser version (--retry-rejects to parse them again)\n", s.RejectedBefore)
	}
	if s.IndexFiles > 0 {
		fmt.Fprintf(w, "  %d EDGAR index/JSON files with %d entries loaded into edgar.index_entries\n", s.IndexFiles, s.IndexEntries)
	}
	printed := map[string]bool{}
	for _, t := range etl.TableNames {
		if n, ok := s.Rows[t]; ok {
			printed[t] = true
			fmt.Fprintf(w, "  %-32s %8d rows written\n", t, n)
		}
	}
	var rest []string
	for t := range s.Rows {
		if !printed[t] {
			rest = append(rest, t)
		}
	}
	sort.Strings(rest)
	for _, t := range rest {
		fmt.Fprintf(w, "  %-32s %8d rows written\n", t, s.Rows[t])
	}
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "devel"
}

// printText writes the plain text of an input's primary document (of each
// file, for a filing folder) for `parse --text`.
func printText(w io.Writer, stderr io.Writer, in etl.Input, data []byte, failed *[]error) error {
	type named struct {
		name string
		data []byte
	}
	files := []named{{in.Name, data}}
	if parts := in.Parts(); parts != nil {
		files = files[:0]
		for _, p := range parts {
			files = append(files, named{p.Name, p.Data})
		}
	}
	for _, f := range files {
		text, err := parser.ExtractText(f.name, f.data)
		if err != nil {
			*failed = append(*failed, err)
			fmt.Fprintf(stderr, "edgarload: %v\n", err)
			continue
		}
		if len(files) > 1 {
			if _, err := fmt.Fprintf(w, "==> %s <==\n", f.name); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, text); err != nil {
			return err
		}
	}
	return nil
}
