// Package indexload loads EDGAR's index files (master/form/company/xbrl/
// crawler.idx, plain or gzip) and SEC's JSON (submissions, history pages,
// company_tickers*.json) into the edgar schema: edgar.index_entries, and
// the registrant facts in edgar.submission_companies, edgar.sic_codes,
// edgar.registrant_tickers and edgar.submission_former_names.
//
// Index files are streamed: entries go to the database in batches, each
// in one transaction (COPY into a temporary staging table, then one merge
// that writes only rows whose values change), so a 50 MB quarterly index
// never sits in memory. A JSON file is loaded in one transaction. Loads are
// idempotent: loading a file again reports every entry unchanged and
// writes nothing. The package reads with parser/edgarindex and
// parser/submissions and does not import etl, so that etl may call it.
package indexload

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/parser/edgarindex"
	"github.com/edgarload/edgarload/parser/submissions"
	edgarsql "github.com/edgarload/edgarload/sql"
)

// BatchSize is the number of index entries written per transaction.
const BatchSize = 5000

// batchSize is BatchSize, lowered by tests to cross batch boundaries.
var batchSize = BatchSize

// MaxJSONBytes bounds a JSON file (the largest submissions files are a few MB).
const MaxJSONBytes = 512 << 20

// ErrNotIndexOrJSON is returned (wrapped, naming the file) for a file that
// is neither an EDGAR index file nor JSON this package loads.
var ErrNotIndexOrJSON = errors.New("not an EDGAR index file (master/form/company/xbrl/crawler.idx) or SEC JSON (submissions, company_tickers)")

// Result reports what loading one file did.
type Result struct {
	Name string // the file, as given
	// Kind is the index format (master, form, company, crawler) or the
	// JSON kind (submissions, submissions-page, company_tickers,
	// company_tickers_exchange).
	Kind string
	// Entries read from the file (index lines, or JSON filings rows).
	Entries int
	// What became of them in edgar.index_entries.
	Inserted, Updated, Unchanged int
	// Duplicates are entries listed again in the same file under the same
	// accession number and CIK (EDGAR lists a filing with two form types
	// twice); the first is kept, the others are counted here and not written.
	Duplicates int
	// Malformed lines (index) or rows (JSON) skipped, with the line or row
	// numbers (from 1) and reasons of the first few.
	Malformed        int
	MalformedLines   []int
	MalformedReasons []string
	// Realigned counts fixed-width index lines whose columns were shifted
	// (long names) and read from the right.
	Realigned int
	// Rows counts rows inserted, updated or deleted in the registrant-fact
	// tables, by table name (submission_companies, sic_codes,
	// registrant_tickers, submission_former_names).
	Rows map[string]int64
	// Tickers read from a company_tickers*.json file or a submissions file.
	Tickers int
}

// IsIndexOrJSON reports whether head, the first bytes of the file called
// name (4 KiB is plenty; gzip-compressed bytes are looked into), is a file
// LoadFile loads — or an EDGAR directory listing (index.json), which
// LoadFile refuses with a clear error. A loader can use it to route files
// here instead of to the filing parser.
func IsIndexOrJSON(name string, head []byte) bool {
	return edgarindex.Detect(name, head) || submissions.Detect(name, head)
}

// LoadFile loads one index or JSON file read from r (gzip is recognized
// by its magic bytes, whatever the name); name, the file's path, names it
// in errors and gives the source columns its base name (and a history
// page its CIK). Entries of index batches committed before an error stay
// loaded; loading the file again completes it.
func LoadFile(ctx context.Context, pool *pgxpool.Pool, name string, r io.Reader) (Result, error) {
	res := Result{Name: name, Rows: map[string]int64{}}
	br, err := decompressed(r)
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return res, fmt.Errorf("%s: read: %w", name, err)
	}
	switch {
	case edgarindex.Detect(name, head):
		err = loadIndex(ctx, pool, name, br, &res)
	case submissions.Detect(name, head):
		err = loadJSON(ctx, pool, name, br, &res)
	default:
		err = ErrNotIndexOrJSON
	}
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	return res, nil
}

// decompressed returns r buffered, gunzipped when it starts with the gzip
// magic bytes.
func decompressed(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return bufio.NewReaderSize(gz, 64<<10), nil
	}
	return br, nil
}

// entryKey identifies an index entry: the accession number's 18 digits and the CIK.
type entryKey struct {
	acc uint64
	cik int64
}

func keyOf(accession string, cik int64) entryKey {
	n, _ := strconv.ParseUint(strings.ReplaceAll(accession, "-", ""), 10, 64)
	return entryKey{n, cik}
}

// loadIndex streams an index file into edgar.index_entries.
func loadIndex(ctx context.Context, pool *pgxpool.Pool, name string, r io.Reader, res *Result) error {
	base := filepath.Base(name)
	seen := map[entryKey]struct{}{}
	batch := make([][]any, 0, batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := writeEntries(ctx, pool, batch, res, nil)
		batch = batch[:0]
		return err
	}
	st, err := edgarindex.Read(r, func(e edgarindex.Entry) error {
		k := keyOf(e.Accession, e.CIK)
		if _, dup := seen[k]; dup {
			res.Duplicates++
			return nil
		}
		seen[k] = struct{}{}
		batch = append(batch, indexRow(e, base))
		if len(batch) >= batchSize {
			return flush()
		}
		return ctx.Err()
	})
	res.Kind = string(st.Format)
	res.Entries = st.Entries
	res.Malformed, res.MalformedLines, res.MalformedReasons = st.Malformed, st.MalformedLines, st.MalformedReasons
	res.Realigned = st.Realigned
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	res.Unchanged = res.Entries - res.Duplicates - res.Inserted - res.Updated
	return nil
}

// entryColumns are the staged columns of edgar.index_entries, in the
// order of the rows built by indexRow and jsonRow.
var entryColumns = []string{"accession_number", "cik", "company_name", "form_type", "date_filed", "file_name",
	"report_date", "acceptance_datetime", "primary_document", "primary_doc_description", "items", "size",
	"is_xbrl", "is_inline_xbrl", "act", "file_number", "film_number", "index_source", "json_source", "source"}

func indexRow(e edgarindex.Entry, source string) []any {
	return []any{e.Accession, e.CIK, text(e.CompanyName), e.FormType, e.DateFiled, text(e.FileName),
		nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, source, nil, source}
}

func jsonRow(cik int64, company string, f submissions.Filing, source string) []any {
	return []any{f.AccessionNumber, cik, text(company), f.Form, f.FilingDate,
		fmt.Sprintf("edgar/data/%d/%s.txt", cik, f.AccessionNumber),
		date(f.ReportDate), timestamp(f.AcceptanceDateTime), text(f.PrimaryDocument), text(f.PrimaryDocDescription),
		items(f.Items), f.Size, f.IsXBRL, f.IsInlineXBRL, text(f.Act), text(f.FileNumber), text(f.FilmNumber),
		nil, source, source}
}

// writeEntries writes one batch of entry rows in a transaction of its own,
// or in tx when given (JSON files write everything in one transaction).
func writeEntries(ctx context.Context, pool *pgxpool.Pool, rows [][]any, res *Result, tx pgx.Tx) error {
	if tx == nil {
		return inTx(ctx, pool, func(tx pgx.Tx) error { return writeEntries(ctx, pool, rows, res, tx) })
	}
	if _, err := tx.Exec(ctx, edgarsql.IndexCreateStaging); err != nil {
		return fmt.Errorf("create staging table: %w", err)
	}
	n, err := tx.CopyFrom(ctx, pgx.Identifier{"stage_index_entries"}, entryColumns, pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("copy index entries: %w", err)
	}
	if n != int64(len(rows)) {
		return fmt.Errorf("copy index entries: copied %d of %d rows", n, len(rows))
	}
	merged, err := tx.Query(ctx, edgarsql.IndexMergeEntries)
	if err != nil {
		return fmt.Errorf("merge index entries: %w", err)
	}
	inserted, err := pgx.CollectRows(merged, pgx.RowTo[bool])
	if err != nil {
		return fmt.Errorf("merge index entries: %w", err)
	}
	for _, ins := range inserted {
		if ins {
			res.Inserted++
		} else {
			res.Updated++
		}
	}
	return nil
}

// inTx runs fn in a transaction holding the index-load lock.
func inTx(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, edgarsql.IndexLock); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// text is s, or NULL when empty.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// date is t, or NULL when zero.
func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func timestamp(t time.Time) any { return date(t) }

// items splits a JSON items list ("2.02,9.01") into codes; NULL when empty.
func items(s string) any {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
