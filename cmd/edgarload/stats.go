package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/etl/stats"
)

// newStatsCmd is `edgarload stats`: counts per table, form type and year,
// and the last load runs with their rejects.
func newStatsCmd(ctx context.Context, config func(*cobra.Command) (Config, *slog.Logger, error), stdout io.Writer) *cobra.Command {
	var asJSON bool
	var runs, rejects int
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Show rows per table, filings per form type and year, and the last load runs with their rejects",
		Example: `  edgarload stats
  edgarload stats --json | jq '.runs[0].rejects'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runs < 0 || rejects < 0 {
				return fmt.Errorf("--runs and --rejects must not be negative")
			}
			c, _, err := config(cmd)
			if err != nil {
				return err
			}
			pool, err := etl.Connect(ctx, c.Database.URL, c.verifyOptions())
			if err != nil {
				return err
			}
			defer pool.Close()
			s, err := stats.Read(ctx, pool, runs, rejects)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			}
			return printStats(stdout, s)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (tables, forms, years, runs) instead of text")
	cmd.Flags().IntVar(&runs, "runs", 5, "load runs to show, newest first")
	cmd.Flags().IntVar(&rejects, "rejects", 10, "rejects to show per run")
	return cmd
}

// printStats writes the statistics as aligned text sections.
func printStats(w io.Writer, s *stats.Stats) error {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\trows\tbytes\t")
	for _, t := range s.Tables {
		fmt.Fprintf(tw, "%s\t%d\t%d\t\n", t.Name, t.Rows, t.Bytes)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nfilings per form type (%d filings):\n", s.Filings())
	for _, f := range s.Forms {
		fmt.Fprintf(w, "  %-20s %8d\n", f.FormType, f.Filings)
	}
	fmt.Fprintln(w, "\nfilings per year:")
	for _, y := range s.Years {
		year := "unknown"
		if y.Year != nil {
			year = fmt.Sprint(*y.Year)
		}
		fmt.Fprintf(w, "  %-8s %8d\n", year, y.Filings)
	}
	fmt.Fprintln(w, "\nlast load runs:")
	for _, r := range s.Runs {
		took := "running"
		if r.FinishedAt != nil {
			took = r.FinishedAt.Sub(r.StartedAt).Round(time.Millisecond).String()
		}
		fmt.Fprintf(w, "  run %d %s %s (%s): %d files, %d loaded, %d unchanged, %d rejected\n", r.ID, r.StartedAt.UTC().Format(time.RFC3339),
			r.Status, took, r.FilesSeen, r.Loaded, r.Unchanged, r.Rejected)
		if r.Error != nil {
			fmt.Fprintf(w, "    error: %s\n", etl.RedactURL(*r.Error))
		}
		for _, j := range r.Rejects {
			fmt.Fprintf(w, "    reject (%s) %s: %s\n", j.Stage, j.Path, oneLine(j.Error, 200))
		}
		if len(r.Rejects) < r.Rejected {
			fmt.Fprintf(w, "    ... %d more rejects in edgar.load_rejects (run_id = %d)\n", r.Rejected-len(r.Rejects), r.ID)
		}
	}
	return nil
}

// oneLine is s on one line, cut to max bytes.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		s = s[:max] + "..."
	}
	return s
}
