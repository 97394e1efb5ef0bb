package etl

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/etl/internal/dbtest"
	edgarsql "github.com/edgarload/edgarload/sql"
)

// corpusInputs are the corpus folders TestLoadCorpus loads.
func corpusInputs(t *testing.T) []string {
	t.Helper()
	corpus := filepath.Join(sharedDir(t), "corpus")
	var inputs []string
	for _, d := range []string{"submissions", "feed", "headers", "primary", "exhibits"} {
		inputs = append(inputs, filepath.Join(corpus, d))
	}
	return inputs
}

// loadCorpusInto loads the corpus into a fresh database and returns it.
func loadCorpusInto(t *testing.T, opts Options) (*pgxpool.Pool, string) {
	t.Helper()
	inputs := corpusInputs(t)
	pool, url := newDB(t)
	opts.BatchSize = 50
	sum, err := Load(context.Background(), pool, inputs, opts, quietLogger())
	if err != nil {
		t.Fatal(err)
	}
	if sum.FilingsRejected != 0 {
		t.Errorf("%d corpus inputs rejected", sum.FilingsRejected)
	}
	// What autovacuum does after a load: statistics for the planner, and
	// the GIN pending lists merged into the indexes.
	if _, err := pool.Exec(context.Background(), "VACUUM ANALYZE"); err != nil {
		t.Fatal(err)
	}
	return pool, url
}

// TestAnalystCorpus loads ../shared/corpus and checks what analysts and BI
// tools use: every analyst view and edgar.search return rows, a search
// uses the GIN indexes, every example query returns rows, and a read-only
// login sees the foreign keys and can write nothing.
func TestAnalystCorpus(t *testing.T) {
	pool, url := loadCorpusInto(t, Options{})
	ctx := context.Background()
	t.Run("views", func(t *testing.T) { checkAnalystViews(t, pool) })
	t.Run("search", func(t *testing.T) { checkSearch(t, pool) })
	t.Run("search uses GIN", func(t *testing.T) { checkSearchPlan(t, pool) })
	t.Run("examples", func(t *testing.T) { checkExamples(t, pool, true) })
	t.Run("read-only login", func(t *testing.T) { checkReadOnlyLogin(t, pool, url) })
	t.Run("documents", func(t *testing.T) {
		// Every document has a SHA-256; prose documents have text,
		// binary ones none.
		if n := count(t, pool, `SELECT count(*) FROM edgar.documents d JOIN edgar.filings f USING (filing_id)
			WHERE f.shape IN ('submission', 'feed') AND d.sha256 IS NULL`); n != 0 {
			t.Errorf("%d documents of submissions without sha256", n)
		}
		if n := count(t, pool, `SELECT count(*) FROM edgar.documents WHERE type = 'GRAPHIC' AND text IS NOT NULL`); n != 0 {
			t.Errorf("%d graphics with text", n)
		}
		if n := count(t, pool, `SELECT count(*) FROM edgar.documents d JOIN edgar.filings f USING (filing_id)
			WHERE f.form_type IN ('DEF 14A', '6-K', 'S-1', 'SC 13D', '424B5', '424B4', '424B2', '20-F') AND d.text IS NOT NULL`); n == 0 {
			t.Error("no document text stored for forms without items (6-K, SC 13D, 424B...)")
		}
		// Each text is indexed once: a document's own tsvector only when
		// no item or exhibit row holds its text.
		if n := count(t, pool, `SELECT count(*) FROM edgar.documents WHERE (text IS NULL) <> (searched_as IS NULL)
			OR (text_search IS NOT NULL) <> (searched_as IS NOT DISTINCT FROM 'document')`); n != 0 {
			t.Errorf("%d documents whose searched_as disagrees with text or text_search", n)
		}
		if n := count(t, pool, `SELECT count(DISTINCT searched_as) FROM edgar.documents`); n != 3 {
			t.Errorf("documents searched as %d of document, items, exhibit", n)
		}
	})
	var filings int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM edgar.filings").Scan(&filings); err != nil {
		t.Fatal(err)
	}
	t.Logf("corpus: %d filings, %.0f bytes per filing with document text", filings, float64(edgarBytes(t, pool))/float64(filings))
}

// TestLeanLoadWithoutText loads the corpus with SkipDocumentText: no
// document text is stored (SHA-256s are), and the schema takes less room
// than with text.
func TestLeanLoadWithoutText(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the corpus twice")
	}
	lean, _ := loadCorpusInto(t, Options{SkipDocumentText: true})
	full, _ := loadCorpusInto(t, Options{})
	if n := count(t, lean, "SELECT count(*) FROM edgar.documents WHERE text IS NOT NULL"); n != 0 {
		t.Errorf("lean load stored %d document texts", n)
	}
	if n := count(t, lean, "SELECT count(*) FROM edgar.documents WHERE sha256 IS NOT NULL"); n == 0 {
		t.Error("lean load stored no document SHA-256")
	}
	if n := count(t, lean, "SELECT count(*) FROM edgar.items WHERE text IS NOT NULL"); n == 0 {
		t.Error("lean load dropped item text (only document text is optional)")
	}
	filings := count(t, full, "SELECT count(*) FROM edgar.filings")
	if l := count(t, lean, "SELECT count(*) FROM edgar.filings"); l != filings {
		t.Errorf("lean load has %d filings, full %d", l, filings)
	}
	lb, fb := edgarBytes(t, lean), edgarBytes(t, full)
	if lb >= fb {
		t.Errorf("lean load takes %d bytes, not less than %d with text", lb, fb)
	}
	t.Logf("bytes per filing (%d filings, tables + indexes + TOAST): %.0f with document text, %.0f without (documents.text alone: %d bytes)",
		filings, float64(fb)/float64(filings), float64(lb)/float64(filings), count(t, full, "SELECT coalesce(sum(pg_column_size(text)), 0)::bigint FROM edgar.documents"))
}

// edgarBytes is the size of the edgar schema's tables with their indexes
// and TOAST.
func edgarBytes(t *testing.T, pool *pgxpool.Pool) int64 {
	t.Helper()
	var n int64
	if _, err := pool.Exec(context.Background(), "CHECKPOINT"); err != nil {
		t.Fatal(err)
	}
	if err := pool.QueryRow(context.Background(), `SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'edgar' AND c.relkind = 'r'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// analystViews are the views of sql/views (one file per view).
func analystViews(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(edgarsql.Views, "views/*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no views in sql/views: %v", err)
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, strings.TrimSuffix(filepath.Base(n), ".sql"))
	}
	return out
}

func checkAnalystViews(t *testing.T, pool *pgxpool.Pool) {
	ctx := context.Background()
	for _, v := range analystViews(t) {
		if n := count(t, pool, "SELECT count(*) FROM edgar."+v); n == 0 {
			t.Errorf("edgar.%s returned no rows on the corpus", v)
		}
		// Counts are integer, not bigint; cik10 and edgar_url are set
		// wherever the CIK and accession number are.
		rows, err := pool.Query(ctx, `SELECT column_name, data_type FROM information_schema.columns
			WHERE table_schema = 'edgar' AND table_name = $1`, v)
		if err != nil {
			t.Fatal(err)
		}
		cols, err := pgx.CollectRows(rows, pgx.RowToStructByPos[struct{ Name, Type string }])
		if err != nil {
			t.Fatal(err)
		}
		has := map[string]bool{}
		for _, c := range cols {
			has[c.Name] = true
			if c.Type == "bigint" && !strings.HasSuffix(c.Name, "_id") && c.Name != "cik" {
				t.Errorf("edgar.%s.%s is bigint: counts are integer", v, c.Name)
			}
		}
		if !has["cik10"] || !has["edgar_url"] {
			t.Errorf("edgar.%s lacks cik10 or edgar_url", v)
			continue
		}
		if n := count(t, pool, fmt.Sprintf(`SELECT count(*) FROM edgar.%s WHERE cik IS NOT NULL AND (cik10 !~ '^[0-9]{10}$'
			OR edgar_url !~ '^https://www\.sec\.gov/Archives/edgar/data/[0-9]+/[0-9]{18}/[0-9]{10}-[0-9]{2}-[0-9]{6}-index\.htm$')`, v)); n != 0 {
			t.Errorf("edgar.%s: %d rows with a malformed cik10 or edgar_url", v, n)
		}
		if n := count(t, pool, "SELECT count(*) FROM edgar."+v+" WHERE edgar_url IS NOT NULL"); n == 0 {
			t.Errorf("edgar.%s: no row has an edgar_url", v)
		}
	}
	var url string
	if err := pool.QueryRow(ctx, `SELECT edgar.filing_index_url(320193, '0000320193-24-000005')`).Scan(&url); err != nil {
		t.Fatal(err)
	}
	if want := "https://www.sec.gov/Archives/edgar/data/320193/000032019324000005/0000320193-24-000005-index.htm"; url != want {
		t.Errorf("filing_index_url = %s, want %s", url, want)
	}
}

func checkSearch(t *testing.T, pool *pgxpool.Pool) {
	ctx := context.Background()
	for _, q := range []string{`"press release"`, `merger OR acquisition`, `dividend -preferred`} {
		start := time.Now()
		rows, err := pool.Query(ctx, `SELECT filing_id, matched_in, item_code, exhibit_number, document_ordinal, rank, snippet FROM edgar.search($1)`, q)
		if err != nil {
			t.Fatal(err)
		}
		n, highlighted, places := 0, 0, map[string]int{}
		for rows.Next() {
			var id int64
			var in string
			var code, num *string
			var ord *int32
			var rank float32
			var snippet string
			if err := rows.Scan(&id, &in, &code, &num, &ord, &rank, &snippet); err != nil {
				t.Fatal(err)
			}
			n++
			places[in]++
			if strings.Contains(snippet, "<b>") {
				highlighted++
			}
			if (in == "item") != (code != nil) || (in == "document") != (ord != nil) {
				t.Errorf("%s: %s hit with item %v, document %v", q, in, code, ord)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("edgar.search(%s) returned no rows", q)
		}
		// The snippet is taken from around the first place a query stem
		// appears (edgar.search_window): a phrase or a stem found first
		// elsewhere can leave a snippet without a highlight.
		if highlighted*2 < n {
			t.Errorf("edgar.search(%s): only %d of %d snippets highlight a match", q, highlighted, n)
		}
		t.Logf("edgar.search(%s): %d rows %v in %s", q, n, places, time.Since(start).Round(time.Millisecond))
	}
}

// checkSearchPlan requires that the plan of a search reads the GIN indexes
// (the planner chooses them on the loaded corpus; nothing is forced).
func checkSearchPlan(t *testing.T, pool *pgxpool.Pool) {
	rows, err := pool.Query(context.Background(), `EXPLAIN SELECT * FROM edgar.search('"material weakness"')`)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	plan := strings.Join(lines, "\n")
	for _, idx := range []string{"items_text_search_idx", "exhibits_text_search_idx", "documents_text_search_idx"} {
		if !strings.Contains(plan, idx) {
			t.Errorf("search plan does not use %s:\n%s", idx, plan)
		}
	}
}

// checkExamples runs every example query; on the corpus (all) each must
// return rows, on the synthetic filings of TestExampleQueries those not
// marked "-- data: corpus".
func checkExamples(t *testing.T, pool *pgxpool.Pool, all bool) {
	files, err := fsGlob("queries/examples/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		q := files[name]
		start := time.Now()
		rows, err := pool.Query(context.Background(), q)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if n == 0 && (all || !strings.Contains(q, "\n-- data: corpus")) {
			t.Errorf("%s returned no rows", name)
		}
		t.Logf("%s: %d rows in %s", name, n, time.Since(start).Round(time.Millisecond))
	}
}

// checkReadOnlyLogin connects as a LOGIN role in edgar_reader: it can read
// every table and view, sees every foreign key through information_schema,
// and can write nothing.
func checkReadOnlyLogin(t *testing.T, pool *pgxpool.Pool, url string) {
	ctx := context.Background()
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	role := "edgarload_test_bi_" + hex.EncodeToString(suffix)
	if _, err := pool.Exec(ctx, "CREATE ROLE "+role+" LOGIN IN ROLE edgar_reader"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = pool.Exec(context.Background(), "DROP ROLE IF EXISTS "+role) })
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.User = role
	reader, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close(ctx)

	var wantFKs int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE n.nspname = 'edgar' AND c.contype = 'f'`).Scan(&wantFKs); err != nil {
		t.Fatal(err)
	}
	var refs, fkConstraints int
	if err := reader.QueryRow(ctx, `SELECT (SELECT count(*) FROM information_schema.referential_constraints WHERE constraint_schema = 'edgar'),
		(SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = 'edgar' AND constraint_type = 'FOREIGN KEY')`).Scan(&refs, &fkConstraints); err != nil {
		t.Fatal(err)
	}
	if wantFKs == 0 || refs != wantFKs || fkConstraints != wantFKs {
		t.Errorf("read-only login sees %d referential_constraints and %d FOREIGN KEY table_constraints, want %d", refs, fkConstraints, wantFKs)
	}

	rows, err := pool.Query(ctx, `SELECT c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'edgar' AND c.relkind IN ('r', 'v') ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	rels, err := pgx.CollectRows(rows, pgx.RowToStructByPos[struct{ Name, Kind string }])
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels {
		if _, err := reader.Exec(ctx, "SELECT * FROM edgar."+r.Name+" LIMIT 1"); err != nil {
			t.Errorf("read-only login cannot read edgar.%s: %v", r.Name, err)
		}
	}
	if _, err := reader.Exec(ctx, `SELECT count(*) FROM edgar.search('merger')`); err != nil {
		t.Errorf("read-only login cannot search: %v", err)
	}
	for _, stmt := range []string{
		"INSERT INTO edgar.load_runs (inputs, parser_version) VALUES ('{x}', 'x')",
		"UPDATE edgar.filings SET form_type = 'X'",
		"DELETE FROM edgar.signers",
		"TRUNCATE edgar.items",
		"CREATE TABLE edgar.scratch (x int)",
		"CREATE TABLE public.scratch (x int)",
		"CREATE VIEW edgar.scratch AS SELECT 1 AS x",
		"ALTER TABLE edgar.filings ADD COLUMN x int",
		"SELECT edgar.lock_batch()",
	} {
		_, err := reader.Exec(ctx, stmt)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "42501" {
			t.Errorf("read-only login: %s: got %v, want insufficient_privilege", stmt, err)
		}
	}
}

// quietLogger discards the log of a corpus load (a few hundred lines).
func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestAnalystViewsOnDemoData loads testdata/filings as `make demo` does
// (real parser): the analyst views, edgar.search and every example query
// return rows there too;
// the fixtures' 8-K/A (0000999001-24-000019) is linked to the 8-K it cites.
func TestAnalystViewsOnDemoData(t *testing.T) {
	pool, _ := newDB(t)
	fixtures := filepath.Join(dbtest.RepoRoot(t), "testdata", "filings")
	if _, err := Load(context.Background(), pool, []string{fixtures}, Options{}, quietLogger()); err != nil {
		t.Fatal(err)
	}
	for _, v := range analystViews(t) {
		if n := count(t, pool, "SELECT count(*) FROM edgar."+v); n == 0 {
			t.Errorf("edgar.%s returned no rows on testdata/filings", v)
		}
	}
	checkExamples(t, pool, true) // every example query returns rows after make demo too
	if n := count(t, pool, "SELECT count(*) FROM edgar.amendments a JOIN edgar.filings f ON f.filing_id = a.amended_filing_id WHERE f.accession_number = '0000999001-24-000012'"); n != 1 {
		t.Errorf("the fixtures' 8-K/A is linked to %d filings, want its original", n)
	}
	if n := count(t, pool, "SELECT count(*) FROM edgar.search('acquisition OR revenue')"); n == 0 {
		t.Error("edgar.search returned no rows on testdata/filings")
	}
}
