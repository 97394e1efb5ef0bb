// Package stats reads the health figures of a loaded edgar schema for
// `edgarload stats`: rows and size per table, filings per form type and per
// year, and the last load runs with their rejects.
package stats

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	edgarsql "github.com/edgarload/edgarload/sql"
)

// Stats is everything `edgarload stats` reports.
type Stats struct {
	Tables []Table `json:"tables"`
	Forms  []Form  `json:"forms"`
	Years  []Year  `json:"years"`
	Runs   []Run   `json:"runs"`
}

// Table is one table of the edgar schema with its exact row count and its
// size on disk (indexes and TOAST included).
type Table struct {
	Name  string `json:"table"`
	Rows  int64  `json:"rows"`
	Bytes int64  `json:"bytes"`
}

// Form is the number of filings of one form type.
type Form struct {
	FormType string `json:"form_type"`
	Filings  int64  `json:"filings"`
}

// Year is the number of filings of one year (Year nil: no date known).
type Year struct {
	Year    *int  `json:"year"`
	Filings int64 `json:"filings"`
}

// Run is one load run of edgar.load_runs with some of its rejects.
type Run struct {
	ID         int64      `json:"run_id"`
	StartedAt  time.Time  `json:"started_at"`
	FinishedAt *time.Time `json:"finished_at"`
	Status     string     `json:"status"`
	FilesSeen  int        `json:"files_seen"`
	Loaded     int        `json:"filings_loaded"`
	Unchanged  int        `json:"filings_unchanged"`
	Rejected   int        `json:"filings_rejected"`
	Error      *string    `json:"error"`
	Rejects    []Reject   `json:"rejects"`
}

// Reject is one input a run could not load.
type Reject struct {
	Path  string `json:"path"`
	Stage string `json:"stage"`
	Error string `json:"error"`
}

// Read reads the statistics: the last runs load runs with up to
// rejectsPerRun rejects each.
func Read(ctx context.Context, pool *pgxpool.Pool, runs, rejectsPerRun int) (*Stats, error) {
	s := &Stats{}
	var err error
	if s.Tables, err = collect(ctx, pool, "tables", edgarsql.StatsTables, pgx.RowToStructByPos[Table]); err != nil {
		return nil, err
	}
	if s.Forms, err = collect(ctx, pool, "forms", edgarsql.StatsForms, pgx.RowToStructByPos[Form]); err != nil {
		return nil, err
	}
	if s.Years, err = collect(ctx, pool, "years", edgarsql.StatsYears, pgx.RowToStructByPos[Year]); err != nil {
		return nil, err
	}
	if s.Runs, err = collect(ctx, pool, "runs", edgarsql.StatsRuns, scanRun, runs, rejectsPerRun); err != nil {
		return nil, err
	}
	return s, nil
}

// collect runs one statistics query and scans its rows.
func collect[T any](ctx context.Context, pool *pgxpool.Pool, what, query string, scan pgx.RowToFunc[T], args ...any) ([]T, error) {
	rows, err := pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("stats: %s: %w", what, err)
	}
	out, err := pgx.CollectRows(rows, scan)
	if err != nil {
		return nil, fmt.Errorf("stats: %s: %w", what, err)
	}
	return out, nil
}

// scanRun scans one row of runs.sql.
func scanRun(row pgx.CollectableRow) (Run, error) {
	var r Run
	var rejects []byte
	if err := row.Scan(&r.ID, &r.StartedAt, &r.FinishedAt, &r.Status, &r.FilesSeen, &r.Loaded, &r.Unchanged,
		&r.Rejected, &r.Error, &rejects); err != nil {
		return r, err
	}
	if err := json.Unmarshal(rejects, &r.Rejects); err != nil {
		return r, fmt.Errorf("rejects of run %d: %w", r.ID, err)
	}
	return r, nil
}

// Filings is the number of filings (the rows of edgar.filings).
func (s *Stats) Filings() int64 {
	for _, t := range s.Tables {
		if t.Name == "filings" {
			return t.Rows
		}
	}
	return 0
}
