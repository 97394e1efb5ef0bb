package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/etl/docs"
)

// newDocsCmd is `edgarload docs`: the schema reference (docs/schema.md)
// generated from the catalog of a migrated database.
func newDocsCmd(ctx context.Context, config func(*cobra.Command) (Config, *slog.Logger, error), stdout io.Writer) *cobra.Command {
	var out string
	var migrate bool
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "Write the schema reference (tables, views, columns, comments, Mermaid ER diagram) from the database catalog",
		Example: `  edgarload docs --database-url postgres://localhost/edgarload_docs --out docs/schema.md
  edgarload docs --out -    # to standard output`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, _, err := config(cmd)
			if err != nil {
				return err
			}
			if migrate {
				if c.Database.Create {
					if err := etl.EnsureDatabase(ctx, c.Database.URL); err != nil {
						return err
					}
				}
				if err := etl.Migrate(ctx, c.Database.URL, "up", io.Discard); err != nil {
					return err
				}
			}
			pool, err := etl.Connect(ctx, c.Database.URL, c.verifyOptions())
			if err != nil {
				return err
			}
			defer pool.Close()
			if out == "-" {
				md, err := docs.Generate(ctx, pool)
				if err != nil {
					return err
				}
				_, err = io.WriteString(stdout, md)
				return err
			}
			if err := docs.Write(ctx, pool, out); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s\n", out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "docs/schema.md", "file to write (- for standard output)")
	cmd.Flags().BoolVar(&migrate, "migrate", true, "apply pending migrations first (--migrate=false to document the database as it is)")
	return cmd
}
