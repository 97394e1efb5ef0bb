package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/etl/verify"
)

// newVerifyCmd is `edgarload verify`: consistency checks of the database
// against itself; exit 1 when any finds a problem.
func newVerifyCmd(ctx context.Context, config func(*cobra.Command) (Config, *slog.Logger, error), stdout io.Writer) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Check the edgar schema against itself (orphans, document counts, missing items, stuck runs); exit 1 on a problem",
		Example: `  edgarload verify
  edgarload verify --json | jq '.[] | select(.problems > 0)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, _, err := config(cmd)
			if err != nil {
				return err
			}
			pool, err := etl.Connect(ctx, c.Database.URL, c.verifyOptions())
			if err != nil {
				return err
			}
			defer pool.Close()
			checks, err := verify.Run(ctx, pool)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(checks); err != nil {
					return err
				}
			} else {
				for _, ch := range checks {
					mark := "ok  "
					if ch.Problems > 0 {
						mark = "FAIL"
					}
					fmt.Fprintf(stdout, "%s %-70s %d\n", mark, ch.Name, ch.Problems)
					for _, e := range ch.Examples {
						fmt.Fprintf(stdout, "       %s\n", e)
					}
				}
			}
			if n := verify.Failed(checks); n > 0 {
				return fmt.Errorf("verify: %d of %d checks found problems", n, len(checks))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the checks as JSON")
	return cmd
}
