package indexload

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/parser/submissions"
	edgarsql "github.com/edgarload/edgarload/sql"
)

// loadJSON loads a submissions, history-page or tickers JSON file in one
// transaction.
func loadJSON(ctx context.Context, pool *pgxpool.Pool, name string, r io.Reader, res *Result) error {
	data, err := io.ReadAll(io.LimitReader(r, MaxJSONBytes+1))
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if len(data) > MaxJSONBytes {
		return fmt.Errorf("larger than %d bytes", MaxJSONBytes)
	}
	doc, err := submissions.Parse(name, data)
	if err != nil {
		return err
	}
	res.Kind = string(doc.Kind)
	res.Malformed, res.MalformedLines, res.MalformedReasons = doc.Malformed, doc.MalformedRows, doc.MalformedReasons
	res.Tickers = len(doc.Tickers)
	base := filepath.Base(name)
	err = inTx(ctx, pool, func(tx pgx.Tx) error {
		if doc.Company != nil {
			if err := writeCompany(ctx, tx, doc.Company, doc.Pages, base, res); err != nil {
				return err
			}
		}
		if doc.Kind != submissions.Page {
			if err := writeTickers(ctx, tx, doc, base, res); err != nil {
				return err
			}
		}
		return writeJSONEntries(ctx, pool, tx, doc, base, res)
	})
	if err != nil {
		return err
	}
	res.Unchanged = res.Entries - res.Duplicates - res.Inserted - res.Updated
	return nil
}

func writeJSONEntries(ctx context.Context, pool *pgxpool.Pool, tx pgx.Tx, doc *submissions.Document, base string, res *Result) error {
	res.Entries = len(doc.Filings)
	if len(doc.Filings) == 0 {
		return nil
	}
	company := ""
	if doc.Company != nil {
		company = doc.Company.Name
	}
	seen := map[entryKey]struct{}{}
	rows := make([][]any, 0, len(doc.Filings))
	for _, f := range doc.Filings {
		k := keyOf(f.AccessionNumber, doc.CIK)
		if _, dup := seen[k]; dup {
			res.Duplicates++
			continue
		}
		seen[k] = struct{}{}
		rows = append(rows, jsonRow(doc.CIK, company, f, base))
	}
	return writeEntries(ctx, pool, rows, res, tx)
}

// writeCompany upserts the company facts, its SIC description and its
// former names.
func writeCompany(ctx context.Context, tx pgx.Tx, c *submissions.Company, pages []submissions.PageRef, base string, res *Result) error {
	var sic any
	if c.SIC > 0 {
		sic = c.SIC
	}
	var pageNames []string
	for _, p := range pages {
		if p.Name != "" {
			pageNames = append(pageNames, p.Name)
		}
	}
	var history any
	if len(pageNames) > 0 {
		history = pageNames
	}
	tag, err := tx.Exec(ctx, edgarsql.IndexUpsertSubmissionCompany,
		c.CIK, text(c.Name), text(c.EntityType), sic, text(c.Category), text(c.EIN), text(c.LEI), text(c.Description),
		text(c.Website), text(c.InvestorWebsite), text(c.FiscalYearEnd), text(c.StateOfIncorporation),
		text(c.StateOfIncorporationDescription), text(c.Phone), text(c.Flags), text(c.OwnerOrg),
		c.InsiderTransactionForOwnerExists, c.InsiderTransactionForIssuerExists,
		text(c.Business.Street1), text(c.Business.Street2), text(c.Business.City), text(c.Business.StateOrCountry),
		text(c.Business.ZipCode), text(c.Business.StateOrCountryDescription),
		text(c.Mailing.Street1), text(c.Mailing.Street2), text(c.Mailing.City), text(c.Mailing.StateOrCountry),
		text(c.Mailing.ZipCode), text(c.Mailing.StateOrCountryDescription), history, base)
	if err != nil {
		return fmt.Errorf("upsert submission_companies: %w", err)
	}
	count(res, "submission_companies", tag.RowsAffected())
	if c.SIC > 0 && c.SICDescription != "" {
		tag, err := tx.Exec(ctx, edgarsql.IndexUpsertSICCode, c.SIC, c.SICDescription, base)
		if err != nil {
			return fmt.Errorf("upsert sic_codes: %w", err)
		}
		count(res, "sic_codes", tag.RowsAffected())
	}
	ordinals := make([]int32, len(c.FormerNames))
	names := make([]string, len(c.FormerNames))
	from := make([]*time.Time, len(c.FormerNames))
	to := make([]*time.Time, len(c.FormerNames))
	for i, fn := range c.FormerNames {
		ordinals[i], names[i], from[i], to[i] = int32(i+1), fn.Name, datePtr(fn.From), datePtr(fn.To)
	}
	if len(names) > 0 {
		tag, err := tx.Exec(ctx, edgarsql.IndexUpsertFormerNames, c.CIK, base, ordinals, names, from, to)
		if err != nil {
			return fmt.Errorf("upsert submission_former_names: %w", err)
		}
		count(res, "submission_former_names", tag.RowsAffected())
	}
	tag, err = tx.Exec(ctx, edgarsql.IndexDeleteStaleFormerNames, c.CIK, len(names))
	if err != nil {
		return fmt.Errorf("delete stale submission_former_names: %w", err)
	}
	count(res, "submission_former_names", tag.RowsAffected())
	return nil
}

// writeTickers replaces the tickers the file gives: a submissions file
// those of its CIK, a company_tickers*.json file the whole list.
func writeTickers(ctx context.Context, tx pgx.Tx, doc *submissions.Document, base string, res *Result) error {
	source := string(doc.Kind)
	complete := doc.Kind != submissions.Submissions
	n := len(doc.Tickers)
	ciks, ordinals := make([]int64, n), make([]int32, n)
	tickers, exchanges, names := make([]string, n), make([]*string, n), make([]*string, n)
	for i, t := range doc.Tickers {
		ciks[i], ordinals[i], tickers[i] = t.CIK, int32(t.Ordinal), t.Ticker
		exchanges[i], names[i] = strPtr(t.Exchange), strPtr(t.Title)
	}
	if n > 0 {
		tag, err := tx.Exec(ctx, edgarsql.IndexUpsertTickers, source, base, ciks, ordinals, tickers, exchanges, names)
		if err != nil {
			return fmt.Errorf("upsert registrant_tickers: %w", err)
		}
		count(res, "registrant_tickers", tag.RowsAffected())
	}
	if doc.Kind == submissions.Submissions && n == 0 {
		ciks = []int64{doc.CIK} // the company has no tickers (any more): drop its old ones
		ordinals = []int32{0}
	}
	if n == 0 && complete {
		// An empty complete list would delete every ticker of that source:
		// more likely a broken download than the truth.
		return nil
	}
	tag, err := tx.Exec(ctx, edgarsql.IndexDeleteStaleTickers, source, ciks, ordinals, complete)
	if err != nil {
		return fmt.Errorf("delete stale registrant_tickers: %w", err)
	}
	count(res, "registrant_tickers", tag.RowsAffected())
	return nil
}

func count(res *Result, table string, n int64) {
	if n > 0 {
		res.Rows[table] += n
	}
}

func datePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
