// Package verify checks a loaded edgar schema against itself — registrants
// no filing refers to, submissions whose stored documents differ from
// their header's count, 8-Ks whose header lists items that were not
// stored, load runs left "running", filings with a header but no party —
// for `edgarload verify`.
package verify

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	edgarsql "github.com/edgarload/edgarload/sql"
)

// Check is the outcome of one consistency check.
type Check struct {
	Name     string   `json:"check"`
	Problems int      `json:"problems"`
	Examples []string `json:"examples"`
}

// Run runs every check. A database error is returned; problems are in the
// checks (see Failed).
func Run(ctx context.Context, pool *pgxpool.Pool) ([]Check, error) {
	rows, err := pool.Query(ctx, edgarsql.VerifyChecks)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	checks, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Check, error) {
		var c Check
		err := r.Scan(&c.Name, &c.Problems, &c.Examples)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	return checks, nil
}

// Failed counts the checks that found a problem.
func Failed(checks []Check) int {
	n := 0
	for _, c := range checks {
		if c.Problems > 0 {
			n++
		}
	}
	return n
}
