package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/etl/indexload"
)

// newIndexCmd is `edgarload index`, with its `load` subcommand.
func newIndexCmd(ctx context.Context, config func(*cobra.Command) (Config, *slog.Logger, error), stdout, stderr io.Writer) *cobra.Command {
	indexCmd := &cobra.Command{
		Use:   "index",
		Short: "EDGAR index files (master/form/company.idx) and SEC JSON (submissions, company_tickers)",
	}
	loadCmd := &cobra.Command{
		Use:   "load FILE|DIR...",
		Short: "Load index files (plain or .gz) and submissions/tickers JSON into PostgreSQL; prints a summary per file",
		Example: `  edgarload index load full-index/2024/QTR1/master.idx
  edgarload index load submissions/CIK0000320193.json company_tickers.json
  edgarload index load daily-index/   # every .idx / .idx.gz / .json below it`,
		Args: existingInputs,
		RunE: func(cmd *cobra.Command, paths []string) error {
			c, _, err := config(cmd)
			if err != nil {
				return err
			}
			pool, err := etl.Connect(ctx, c.Database.URL, c.connOptions())
			if err != nil {
				return err
			}
			defer pool.Close()
			if c.Load.Migrate {
				if err := etl.MigratePool(ctx, pool, "up", io.Discard); err != nil {
					return err
				}
			}
			var total indexload.Result
			files := 0
			failed, err := indexload.LoadPaths(ctx, pool, paths, func(r indexload.Result, err error) {
				files++
				if err != nil {
					fmt.Fprintf(stderr, "edgarload: %v\n", err)
					return
				}
				printIndexResult(stdout, r)
				addResult(&total, r)
			})
			fmt.Fprintf(stdout, "total: %d files (%d failed): %d entries read, %d inserted, %d updated, %d unchanged, %d duplicates, %d malformed\n",
				files, failed, total.Entries, total.Inserted, total.Updated, total.Unchanged, total.Duplicates, total.Malformed)
			if err != nil {
				return err
			}
			if failed > 0 {
				return fmt.Errorf("%d file(s) could not be loaded", failed)
			}
			return nil
		},
	}
	loadCmd.Flags().Bool("migrate", true, "run pending migrations before loading (--migrate=false to skip)")
	indexCmd.AddCommand(loadCmd)
	return indexCmd
}

func printIndexResult(w io.Writer, r indexload.Result) {
	fmt.Fprintf(w, "%s (%s): %d entries read, %d inserted, %d updated, %d unchanged, %d duplicates, %d malformed",
		r.Name, r.Kind, r.Entries, r.Inserted, r.Updated, r.Unchanged, r.Duplicates, r.Malformed)
	if r.Realigned > 0 {
		fmt.Fprintf(w, ", %d realigned", r.Realigned)
	}
	if r.Tickers > 0 {
		fmt.Fprintf(w, ", %d tickers", r.Tickers)
	}
	fmt.Fprintln(w)
	if len(r.MalformedLines) > 0 {
		parts := make([]string, len(r.MalformedLines))
		for i, n := range r.MalformedLines {
			parts[i] = fmt.Sprintf("%d (%s)", n, r.MalformedReasons[i])
		}
		fmt.Fprintf(w, "  malformed at %s\n", strings.Join(parts, "; "))
	}
	for _, t := range []string{"submission_companies", "sic_codes", "registrant_tickers", "submission_former_names"} {
		if n := r.Rows[t]; n > 0 {
			fmt.Fprintf(w, "  %-32s %8d rows written\n", t, n)
		}
	}
}

func addResult(total *indexload.Result, r indexload.Result) {
	total.Entries += r.Entries
	total.Inserted += r.Inserted
	total.Updated += r.Updated
	total.Unchanged += r.Unchanged
	total.Duplicates += r.Duplicates
	total.Malformed += r.Malformed
}
