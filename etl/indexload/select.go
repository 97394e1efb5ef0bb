package indexload

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/parser/edgarindex"
	edgarsql "github.com/edgarload/edgarload/sql"
)

// Selection picks index entries; a zero field matches everything.
type Selection struct {
	Forms    []string  // form types, exactly as EDGAR writes them ("8-K", "10-K/A")
	From, To time.Time // first and last filing date, inclusive
	CIKs     []int64
	Limit    int // at most this many entries (0: all)
}

// Match reports whether e is selected (for filtering while streaming an
// index file with edgarindex.Read, before anything is loaded).
func (s Selection) Match(e edgarindex.Entry) bool {
	if len(s.Forms) > 0 && !slices.Contains(s.Forms, e.FormType) {
		return false
	}
	if !s.From.IsZero() && e.DateFiled.Before(day(s.From)) {
		return false
	}
	if !s.To.IsZero() && e.DateFiled.After(day(s.To)) {
		return false
	}
	return len(s.CIKs) == 0 || slices.Contains(s.CIKs, e.CIK)
}

// Entries returns the loaded index entries (edgar.index_entries) that s
// selects, ordered by filing date, accession number and CIK; Line is 0.
func Entries(ctx context.Context, pool *pgxpool.Pool, s Selection) ([]edgarindex.Entry, error) {
	var forms []string
	var ciks []int64
	var from, to, limit any
	if len(s.Forms) > 0 {
		forms = s.Forms
	}
	if len(s.CIKs) > 0 {
		ciks = s.CIKs
	}
	if !s.From.IsZero() {
		from = day(s.From)
	}
	if !s.To.IsZero() {
		to = day(s.To)
	}
	if s.Limit > 0 {
		limit = s.Limit
	}
	rows, err := pool.Query(ctx, edgarsql.IndexSelectEntries, forms, from, to, ciks, limit)
	if err != nil {
		return nil, fmt.Errorf("select index entries: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (edgarindex.Entry, error) {
		var e edgarindex.Entry
		var name, file *string
		err := r.Scan(&e.Accession, &e.CIK, &name, &e.FormType, &e.DateFiled, &file)
		if name != nil {
			e.CompanyName = *name
		}
		if file != nil {
			e.FileName = *file
		}
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("select index entries: %w", err)
	}
	return out, nil
}

// day is t's calendar date at UTC midnight (index dates are dates).
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
