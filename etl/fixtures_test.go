package etl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/parser"
)

func sp(s string) *string { return &s }
func ip(i int) *int       { return &i }
func i64p(i int64) *int64 { return &i }
func bp(b bool) *bool     { return &b }

// jsonParse is the test parser: inputs are parser.Filing values as JSON.
func jsonParse(path string, data []byte) (*parser.Filing, error) {
	var f parser.Filing
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%w: %v", parser.ErrNotFiling, err)
	}
	if f.FormType == "" && f.Shape == "" {
		return nil, errors.New("not a filing: no form type")
	}
	return &f, nil
}

// sonusSubmission is the seed 8-K as a complete submission would give it
// (header values plus body).
func sonusSubmission() *parser.Filing {
	return &parser.Filing{
		AccessionNumber: sp("0000950135-04-003612"),
		FormType:        "8-K",
		PeriodOfReport:  sp("2004-07-29"),
		FiledAt:         sp("2004-07-29"),
		AcceptedAt:      sp("2004-07-29T16:05:12"),
		DateOfChange:    sp("2004-07-29"),
		DocumentCount:   ip(2),
		ItemInformation: []string{"Results of Operations and Financial Condition"},
		Shape:           parser.ShapeSubmission,
		ParserVersion:   parser.Version,
		Registrants: []parser.Registrant{{
			Role: parser.RoleFiler, CIK: i64p(1105472), Name: "SONUS NETWORKS INC", SIC: ip(3661),
			IRSNumber: "043387074", StateOfIncorporation: "DE", FiscalYearEnd: "1231",
			FormType: "8-K", SECAct: "1934 Act", FileNumber: "000-30229", FilmNumber: "04938465",
			BusinessAddress: &parser.Address{Street1: "250 APOLLO DRIVE", City: "CHELMSFORD", State: "MA", Zip: "01824", Phone: "9786148100"},
			MailAddress:     &parser.Address{Street1: "250 APOLLO DRIVE", City: "CHELMSFORD", State: "MA", Zip: "01824"},
			FormerNames:     []parser.FormerName{{Name: "SONUS NETWORKS CORP", ChangedOn: sp("1999-05-11")}},
		}},
		Documents: []parser.Document{
			{Type: "8-K", Sequence: ip(1), Filename: "b51449sne8vk.txt", Description: "FORM 8-K", Bytes: 3116},
			{Type: "EX-99.1", Sequence: ip(2), Filename: "b51449snexv99w1.txt", Description: "SCRIPT OF CONFERENCE CALL", Bytes: 20480},
		},
		Items: []parser.Item{{Code: "2.02", NumberAsFiled: "12", Title: "Results of Operations and Financial Condition",
			Text: "On July 29, 2004 at 8:15 a.m., Sonus Networks, Inc. will host a conference call.", Source: "body"}},
		Exhibits: []parser.Exhibit{{Number: "99.1", Type: "EX-99.1", Sequence: ip(2), Filename: "b51449snexv99w1.txt",
			Description: "Script of Sonus Networks, Inc. for conference call", Text: "Good morning and welcome."}},
		Signers: []parser.Signer{{Name: "Albert A. Notini", Title: "President and Chief Operating Officer",
			Date: sp("2004-07-29"), For: "SONUS NETWORKS, INC."}},
		Securities: []parser.Security{{Title: "Common Stock", TradingSymbol: "SONS", Exchange: "NASDAQ"}},
	}
}

// sonusBare is the same 8-K as a bare primary document: no header, no CIK,
// cover-page values as printed.
func sonusBare() *parser.Filing {
	return &parser.Filing{
		FormType:       "8-K",
		PeriodOfReport: sp("2004-07-29"),
		Shape:          parser.ShapeText,
		ParserVersion:  parser.Version,
		Registrants: []parser.Registrant{{
			Role: parser.RoleFiler, Name: "SONUS NETWORKS, INC.", IRSNumber: "04-3387074",
			StateOfIncorporation: "DE", FileNumber: "000-30229",
			BusinessAddress: &parser.Address{Street1: "250 APOLLO DRIVE", City: "CHELMSFORD", State: "MA", Zip: "01824", Phone: "(978) 614-8100"},
		}},
		Items: []parser.Item{{Code: "2.02", NumberAsFiled: "12", Title: "Results of Operations and Financial Condition",
			Text: "On July 29, 2004 at 8:15 a.m., Sonus Networks, Inc. will host a conference call.", Source: "body"}},
		Exhibits: []parser.Exhibit{{Number: "99.1", Description: "Script of Sonus Networks, Inc. for conference call"}},
		Signers:  []parser.Signer{{Name: "Albert A. Notini", Title: "President and Chief Operating Officer", Date: sp("2004-07-29")}},
	}
}

// northwind returns an invented company's filing number n (distinct
// accession numbers and dates).
func northwind(n int) *parser.Filing {
	return &parser.Filing{
		AccessionNumber: sp(fmt.Sprintf("0000999001-%02d-%06d", 10+n%80, n)),
		FormType:        "8-K",
		PeriodOfReport:  sp(fmt.Sprintf("20%02d-02-14", 10+n%15)),
		FiledAt:         sp(fmt.Sprintf("20%02d-02-15", 10+n%15)),
		AcceptedAt:      sp(fmt.Sprintf("20%02d-02-15T16:35:12", 10+n%15)),
		Shape:           parser.ShapeSubmission,
		ParserVersion:   parser.Version,
		Registrants: []parser.Registrant{{
			Role: parser.RoleFiler, CIK: i64p(999001 + int64(n%7)), Name: fmt.Sprintf("NORTHWIND HARBOR %d CORP", n%7),
			IRSNumber: fmt.Sprintf("39%07d", n%7), StateOfIncorporation: "WI", FileNumber: fmt.Sprintf("001-355%02d", n%7),
			BusinessAddress: &parser.Address{Street1: fmt.Sprintf("%d LAKESHORE PARKWAY", 100+n), City: "MILWAUKEE", State: "WI", Zip: "53202"},
			FormerNames:     []parser.FormerName{{Name: "NORTHWIND ENERGY GROUP INC", ChangedOn: sp("2011-03-01")}},
		}},
		Items: []parser.Item{
			{Code: "2.02", NumberAsFiled: "2.02", Title: "Results of Operations and Financial Condition", Text: strings.Repeat("Revenue grew. ", 40), Source: "body"},
			{Code: "9.01", NumberAsFiled: "9.01", Title: "Financial Statements and Exhibits", Text: "(d) Exhibits.", Source: "body"},
		},
		Exhibits:  []parser.Exhibit{{Number: "99.1", Type: "EX-99.1", Sequence: ip(2), Filename: "ex99-1.htm", Description: "Press release", Text: strings.Repeat("Northwind reports results. ", 80)}},
		Signers:   []parser.Signer{{Name: "Jane Q. Harbor", Title: "Chief Financial Officer", Date: sp("2024-02-15"), For: "NORTHWIND HARBOR HOLDINGS CORP"}},
		Documents: []parser.Document{{Type: "8-K", Sequence: ip(1), Filename: "nw8k.htm", Bytes: 4000}, {Type: "EX-99.1", Sequence: ip(2), Filename: "ex99-1.htm", Bytes: 9000}},
	}
}

// writeFiling writes f as JSON to dir/name and returns the path.
func writeFiling(t testing.TB, dir, name string, f *parser.Filing) string {
	t.Helper()
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// load runs Load with the JSON parser and fails the test on error.
func load(t testing.TB, pool *pgxpool.Pool, opts Options, paths ...string) Summary {
	t.Helper()
	if opts.Parse == nil {
		opts.Parse = jsonParse
	}
	sum, err := Load(context.Background(), pool, paths, opts, testLogger(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return sum
}

// dataTables are the tables a reload must leave untouched.
var dataTables = []string{"registrants", "registrant_former_names", "filings", "filing_registrants",
	"items", "exhibits", "signers", "documents", "securities"}

// rawDump renders every data table row by row, with each row's xmin, so
// that a rewrite of identical values is detected too.
func rawDump(t testing.TB, pool *pgxpool.Pool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, tab := range dataTables {
		var s *string
		q := fmt.Sprintf(`SELECT string_agg(t.xmin::text || ' ' || t::text, E'\n' ORDER BY t::text) FROM edgar.%s t`, tab)
		if err := pool.QueryRow(context.Background(), q).Scan(&s); err != nil {
			t.Fatalf("dump %s: %v", tab, err)
		}
		out[tab] = deref(s)
	}
	return out
}

// semanticDump renders the data tables without surrogate keys or load
// times, so that two databases loaded in different orders compare equal.
func semanticDump(t testing.TB, pool *pgxpool.Pool) map[string]string {
	t.Helper()
	qs := map[string]string{
		"registrants": `SELECT to_jsonb(r) - 'registrant_id' FROM edgar.registrants r`,
		"registrant_former_names": `SELECT jsonb_build_object('cik', r.cik, 'reg', r.name) || (to_jsonb(n) - 'registrant_id')
			FROM edgar.registrant_former_names n JOIN edgar.registrants r USING (registrant_id)`,
		"filings": `SELECT to_jsonb(f) - 'filing_id' - 'loaded_at' FROM edgar.filings f`,
		"filing_registrants": `SELECT jsonb_build_object('f', coalesce(f.accession_number, f.source_sha256), 'reg', r.name, 'regcik', r.cik)
			|| (to_jsonb(c) - 'filing_id' - 'registrant_id')
			FROM edgar.filing_registrants c JOIN edgar.filings f USING (filing_id) JOIN edgar.registrants r USING (registrant_id)`,
	}
	for _, tab := range []string{"items", "exhibits", "signers", "documents", "securities"} {
		qs[tab] = fmt.Sprintf(`SELECT jsonb_build_object('f', coalesce(f.accession_number, f.source_sha256)) || (to_jsonb(c) - 'filing_id')
			FROM edgar.%s c JOIN edgar.filings f USING (filing_id)`, tab)
	}
	out := map[string]string{}
	for tab, q := range qs {
		var s *string
		if err := pool.QueryRow(context.Background(), `SELECT string_agg(x::text, E'\n' ORDER BY x::text) FROM (`+q+`) AS d(x)`).Scan(&s); err != nil {
			t.Fatalf("dump %s: %v", tab, err)
		}
		out[tab] = deref(s)
	}
	return out
}

func compareDumps(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	for tab := range a {
		if a[tab] != b[tab] {
			t.Errorf("%s: table %s differs:\n--- first\n%s\n--- second\n%s", what, tab, a[tab], b[tab])
		}
	}
}

func count(t testing.TB, pool *pgxpool.Pool, q string, args ...any) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// resetDB empties the data tables and ledgers and restarts their ids, so
// one database can serve several load orders in a test.
func resetDB(t testing.TB, pool *pgxpool.Pool) {
	t.Helper()
	if _, err := pool.Exec(context.Background(),
		"TRUNCATE edgar.registrants, edgar.filings, edgar.load_runs RESTART IDENTITY CASCADE"); err != nil {
		t.Fatalf("reset: %v", err)
	}
}
