package indexload

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/edgarload/edgarload/parser/edgarindex"
	edgarsql "github.com/edgarload/edgarload/sql"
)

var accRe = regexp.MustCompile(`[0-9]{10}-[0-9]{2}-[0-9]{6}`)

// indexKeys reads an index file without the reader under test: every line
// pointing into edgar/data/ is an entry; its CIK is the first |-field
// (master.idx) or the third blank-separated field from the right
// (fixed width), its accession number the one in the file name.
func indexKeys(t *testing.T, path string) (lines int, keys map[string]bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(zr); err != nil {
			t.Fatal(err)
		}
		data = b.Bytes()
	}
	keys = map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if !strings.Contains(line, "edgar/data/") {
			continue
		}
		lines++
		var cik, file string
		if f := strings.Split(line, "|"); len(f) == 5 {
			cik, file = f[0], f[4]
		} else {
			f := strings.Fields(line)
			cik, file = f[len(f)-3], f[len(f)-1]
		}
		keys[accRe.FindString(file)+"/"+cik] = true
	}
	return lines, keys
}

func TestLoadSharedIndexSamples(t *testing.T) {
	pool := newDB(t)
	batchSize = 1000 // cross batch boundaries on the 4,000-line daily files
	t.Cleanup(func() { batchSize = BatchSize })
	dir := filepath.Join(sharedCorpus(t), "index")
	files, _ := filepath.Glob(filepath.Join(dir, "*.idx*"))
	if len(files) != 5 {
		t.Fatalf("%d index samples, want 5: %v", len(files), files)
	}
	total := map[string]bool{}
	for _, f := range files {
		lines, keys := indexKeys(t, f)
		res := loadFile(t, pool, f)
		if res.Entries != lines || res.Inserted != len(keys) || res.Duplicates != lines-len(keys) || res.Updated != 0 || res.Unchanged != 0 || res.Malformed != 0 {
			t.Errorf("%s: %+v; want %d entries, %d inserted", filepath.Base(f), res, lines, len(keys))
		}
		if n := queryInt(t, pool, "SELECT count(*) FROM edgar.index_entries WHERE index_source = $1", filepath.Base(f)); n != len(keys) {
			t.Errorf("%s: %d rows, want %d", filepath.Base(f), n, len(keys))
		}
		for k := range keys {
			total[k] = true
		}
	}
	if n := queryInt(t, pool, "SELECT count(*) FROM edgar.index_entries"); n != len(total) {
		t.Errorf("%d rows, want %d", n, len(total))
	}
	// badform: a long name shifting the columns, and one filing listed
	// under two form types (1-A, 1-A POS): the first is kept.
	bad := loadFile(t, pool, filepath.Join(dir, "badform.idx.txt"))
	if bad.Realigned != 1 || bad.Duplicates != 1 || bad.Unchanged != 9 {
		t.Errorf("badform reload: %+v", bad)
	}
	if got := queryString(t, pool, "SELECT company_name || ' ' || cik || ' ' || date_filed FROM edgar.index_entries WHERE accession_number = '9999999997-21-003146'"); got != "UNITED PLANNERS' FINANCIAL SERVICES OF AMERICA A LIMITED PARTNER 820694 2021-02-24" {
		t.Errorf("long-name entry: %s", got)
	}
	if got := queryString(t, pool, "SELECT form_type FROM edgar.index_entries WHERE accession_number = '0001477932-21-001700'"); got != "1-A" {
		t.Errorf("1-A / 1-A POS entry kept as %s", got)
	}
	// A second load changes nothing.
	before := queryString(t, pool, "SELECT max(loaded_at)::text FROM edgar.index_entries")
	for _, f := range files {
		res := loadFile(t, pool, f)
		if res.Inserted != 0 || res.Updated != 0 || res.Unchanged != res.Entries-res.Duplicates {
			t.Errorf("reload %s: %+v", filepath.Base(f), res)
		}
	}
	if after := queryString(t, pool, "SELECT max(loaded_at)::text FROM edgar.index_entries"); after != before {
		t.Errorf("reload rewrote rows: loaded_at %s -> %s", before, after)
	}
	if got := queryString(t, pool, "SELECT concat_ws('|', cik, company_name, form_type, date_filed, file_name) FROM edgar.index_entries WHERE accession_number = '9999999997-02-056978'"); got != "1095785|SAGE CAPITAL LP|REGDEX|1993-12-30|edgar/data/1095785/9999999997-02-056978.txt" {
		t.Errorf("master entry: %s", got)
	}
}

// Apple's submissions JSON and history page, Tesla's pretty-printed one,
// company_tickers.json; the directory listing and the filing-index pages
// are refused by name.
func TestLoadSharedJSON(t *testing.T) {
	pool := newDB(t)
	dir := filepath.Join(sharedCorpus(t), "json")
	accessions := map[string]bool{}
	for _, f := range []string{"CIK0000320193.json", "CIK0000320193-submissions-001.json"} {
		var cols struct {
			AccessionNumber []string `json:"accessionNumber"`
			Filings         struct {
				Recent struct {
					AccessionNumber []string `json:"accessionNumber"`
				} `json:"recent"`
			} `json:"filings"`
		}
		data, _ := os.ReadFile(filepath.Join(dir, f))
		if err := json.Unmarshal(data, &cols); err != nil {
			t.Fatal(err)
		}
		want := len(cols.AccessionNumber) + len(cols.Filings.Recent.AccessionNumber)
		for _, a := range append(cols.AccessionNumber, cols.Filings.Recent.AccessionNumber...) {
			accessions[a] = true
		}
		res := loadFile(t, pool, filepath.Join(dir, f))
		if res.Entries != want || res.Inserted != want || res.Malformed != 0 {
			t.Errorf("%s: %+v, want %d entries inserted", f, res, want)
		}
	}
	if n := queryInt(t, pool, "SELECT count(*) FROM edgar.index_entries WHERE cik = 320193"); n != len(accessions) {
		t.Errorf("Apple: %d entries, want %d", n, len(accessions))
	}
	checks := map[string]string{
		"SELECT string_agg(concat_ws('|', ticker, exchange, ordinal), ',') FROM edgar.registrant_tickers WHERE cik = 320193 AND source = 'submissions'":                                                                     "AAPL|Nasdaq|1",
		"SELECT description FROM edgar.sic_codes WHERE sic = 3571":                                                                                                                                                          "Electronic Computers",
		"SELECT string_agg(concat_ws('|', name, valid_from, valid_to), ',' ORDER BY ordinal) FROM edgar.submission_former_names WHERE cik = 320193":                                                                         "APPLE INC|2007-01-10|2019-08-05,APPLE COMPUTER INC|1994-01-26|2007-01-04,APPLE COMPUTER INC/ FA|1997-07-28|1997-07-28",
		"SELECT concat_ws('|', name, entity_type, sic, category, ein, fiscal_year_end, state_of_incorporation, phone, business_city, mail_street1, history_pages::text) FROM edgar.submission_companies WHERE cik = 320193": "Apple Inc.|operating|3571|Large accelerated filer|942404110|0930|CA|(408) 996-1010|CUPERTINO|ONE APPLE PARK WAY|{CIK0000320193-submissions-001.json}",
		"SELECT concat_ws('|', name, sic_description, tickers::text, exchanges::text) FROM edgar.company_profile WHERE cik = 320193":                                                                                        "Apple Inc.|Electronic Computers|{AAPL}|{Nasdaq}",
		"SELECT count(*)::text FROM edgar.company_former_names WHERE cik = 320193 AND source = 'submissions'":                                                                                                               "3",
		// JSON rows: derived file name, JSON columns; a page gives no company name.
		"SELECT concat_ws('|', company_name, form_type, date_filed, file_name, report_date, acceptance_datetime AT TIME ZONE 'UTC', primary_document, size, is_xbrl, json_source, index_source IS NULL) FROM edgar.index_entries WHERE accession_number = '0000320193-23-000079'": "Apple Inc.|4|2023-08-08|edgar/data/320193/0000320193-23-000079.txt|2023-08-05|2023-08-08 18:30:28|xslF345X05/wk-form4_1691533817.xml|10893|f|CIK0000320193.json|t",
		"SELECT count(*)::text FROM edgar.index_entries WHERE json_source = 'CIK0000320193-submissions-001.json' AND company_name IS NULL":                                                                                                                                        "988",
		"SELECT count(*)::text FROM edgar.index_entries WHERE cik = 320193 AND form_type = '8-K' AND items IS NOT NULL AND date_filed > '2005-01-01'":                                                                                                                             "",
	}
	eightKs := queryInt(t, pool, "SELECT count(*) FROM edgar.index_entries WHERE cik = 320193 AND form_type = '8-K' AND date_filed > '2005-01-01'")
	checks["SELECT count(*)::text FROM edgar.index_entries WHERE cik = 320193 AND form_type = '8-K' AND items IS NOT NULL AND date_filed > '2005-01-01'"] = fmt.Sprint(eightKs)
	if eightKs == 0 {
		t.Error("no Apple 8-Ks after 2005")
	}
	for q, want := range checks {
		if got := queryString(t, pool, q); got != want {
			t.Errorf("%s\n got %s\nwant %s", q, got, want)
		}
	}

	tesla := loadFile(t, pool, filepath.Join(dir, "company_submission.json"))
	if tesla.Kind != "submissions" || tesla.Inserted != 1001 {
		t.Errorf("Tesla: %+v", tesla)
	}
	var tickers map[string]any
	data, _ := os.ReadFile(filepath.Join(dir, "company_tickers.json"))
	if err := json.Unmarshal(data, &tickers); err != nil {
		t.Fatal(err)
	}
	res := loadFile(t, pool, filepath.Join(dir, "company_tickers.json"))
	if res.Kind != "company_tickers" || res.Tickers != len(tickers) || res.Rows["registrant_tickers"] != int64(len(tickers)) || res.Entries != 0 {
		t.Errorf("company_tickers: %+v, want %d tickers", res, len(tickers))
	}
	if n := queryInt(t, pool, "SELECT count(*) FROM edgar.registrant_tickers WHERE source = 'company_tickers'"); n != len(tickers) {
		t.Errorf("%d company_tickers rows, want %d", n, len(tickers))
	}
	if got := queryString(t, pool, "SELECT concat_ws('|', ticker, company_name) FROM edgar.registrant_tickers WHERE source = 'company_tickers' AND cik = 320193"); got != "AAPL|Apple Inc." {
		t.Errorf("AAPL in company_tickers: %s", got)
	}

	// Second loads change nothing.
	for _, f := range []string{"CIK0000320193.json", "CIK0000320193-submissions-001.json", "company_submission.json", "company_tickers.json"} {
		res := loadFile(t, pool, filepath.Join(dir, f))
		if res.Inserted != 0 || res.Updated != 0 || len(res.Rows) != 0 || res.Unchanged != res.Entries {
			t.Errorf("reload %s: %+v", f, res)
		}
	}

	// Not loadable, each named with a clear reason.
	listing := filepath.Join(dir, "0001213900-24-004875-index.json")
	_, err := loadPath(context.Background(), pool, listing)
	if err == nil || !strings.Contains(err.Error(), listing) || !strings.Contains(err.Error(), "EDGAR directory listing, not a filing") {
		t.Errorf("directory listing: %v", err)
	}
	pages, _ := filepath.Glob(filepath.Join(sharedCorpus(t), "index", "filing-index_*"))
	for _, p := range pages {
		_, err := loadPath(context.Background(), pool, p)
		if !errors.Is(err, ErrNotIndexOrJSON) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// The invented fixtures: malformed lines, duplicates, a gzip daily
// company.idx with a wrapped header, and JSON filling in the JSON columns
// of entries an index file gave without taking over their names.
func TestFixturesPrecedenceAndIdempotency(t *testing.T) {
	pool := newDB(t)
	master := loadFile(t, pool, testdata(t, "index", "master.2024QTR1.idx"))
	if master.Kind != "master" || master.Entries != 8 || master.Inserted != 7 || master.Duplicates != 1 || master.Malformed != 4 ||
		fmt.Sprint(master.MalformedLines) != "[19 20 21 22]" {
		t.Errorf("master fixture: %+v", master)
	}
	company := loadFile(t, pool, testdata(t, "index", "company.20240215.idx.gz"))
	if company.Kind != "company" || company.Entries != 4 || company.Inserted != 2 || company.Unchanged != 2 || company.Malformed != 1 || company.Realigned != 1 {
		t.Errorf("company fixture: %+v", company)
	}
	sub := loadFile(t, pool, testdata(t, "json", "CIK0000999001.json"))
	if sub.Entries != 3 || sub.Updated != 2 || sub.Inserted != 1 || sub.Malformed != 1 || sub.Tickers != 2 {
		t.Errorf("submissions fixture: %+v", sub)
	}
	want := map[string]int64{"submission_companies": 1, "sic_codes": 1, "registrant_tickers": 2, "submission_former_names": 2}
	if fmt.Sprint(sub.Rows) != fmt.Sprint(want) {
		t.Errorf("rows %v, want %v", sub.Rows, want)
	}
	row := "SELECT concat_ws('|', company_name, form_type, report_date, items::text, act, file_number, index_source, json_source, source) FROM edgar.index_entries WHERE accession_number = $1 AND cik = 999001"
	const merged = "NORTHWIND HARBOR HOLDINGS CORP|8-K|2024-02-14|{2.02,9.01}|34|001-39999|master.2024QTR1.idx|CIK0000999001.json|CIK0000999001.json"
	if got := queryString(t, pool, row, "0000999001-24-000012"); got != merged {
		t.Errorf("index entry after JSON: %s", got)
	}
	if got := queryString(t, pool, row, "0000999001-23-000031"); got != "Northwind Harbor Holdings Corp.|10-Q|2023-09-30|34|001-39999|CIK0000999001.json|CIK0000999001.json" {
		t.Errorf("JSON-only entry: %s", got)
	}
	// Reloading the index files clears nothing and changes nothing.
	for _, f := range []string{"master.2024QTR1.idx", "company.20240215.idx.gz"} {
		res := loadFile(t, pool, testdata(t, "index", f))
		if res.Inserted != 0 || res.Updated != 0 {
			t.Errorf("reload %s: %+v", f, res)
		}
	}
	if got := queryString(t, pool, row, "0000999001-24-000012"); got != merged {
		t.Errorf("after reloading the index: %s", got)
	}
	page := loadFile(t, pool, testdata(t, "json", "CIK0000999001-submissions-001.json"))
	if page.Kind != "submissions-page" || page.Inserted != 2 {
		t.Errorf("page: %+v", page)
	}
	if got := queryString(t, pool, row, "0000999001-96-000001"); got != "10-K405|000-00999|CIK0000999001-submissions-001.json|CIK0000999001-submissions-001.json" {
		t.Errorf("page entry (18-digit accession): %s", got)
	}
	for _, f := range []string{"CIK0000999001.json", "CIK0000999001-submissions-001.json"} {
		res := loadFile(t, pool, testdata(t, "json", f))
		if res.Inserted != 0 || res.Updated != 0 || len(res.Rows) != 0 {
			t.Errorf("reload %s: %+v", f, res)
		}
	}

	// A newer submissions JSON: one ticker and one former name fewer, a new SIC description.
	data, err := os.ReadFile(testdata(t, "json", "CIK0000999001.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	doc["tickers"], doc["exchanges"] = []string{"NWHH"}, []string{"NYSE"}
	doc["formerNames"] = doc["formerNames"].([]any)[:1]
	doc["sicDescription"] = "Electric Services (utilities)"
	newer := filepath.Join(t.TempDir(), "CIK0000999001.json")
	writeJSON(t, newer, doc)
	res := loadFile(t, pool, newer)
	if res.Rows["registrant_tickers"] != 2 || res.Rows["submission_former_names"] != 1 || res.Rows["sic_codes"] != 1 || res.Rows["submission_companies"] != 0 {
		t.Errorf("newer JSON: %+v", res)
	}
	if got := queryString(t, pool, "SELECT string_agg(ticker || '|' || exchange, ',') FROM edgar.registrant_tickers WHERE cik = 999001 AND source = 'submissions'"); got != "NWHH|NYSE" {
		t.Errorf("tickers after the newer JSON: %s", got)
	}

	// Ticker lists: a complete list replaces the previous one.
	tick := loadFile(t, pool, testdata(t, "json", "company_tickers.json"))
	if tick.Tickers != 3 || tick.Malformed != 1 || tick.Rows["registrant_tickers"] != 3 {
		t.Errorf("company_tickers fixture: %+v", tick)
	}
	ex := loadFile(t, pool, testdata(t, "json", "company_tickers_exchange.json"))
	if ex.Kind != "company_tickers_exchange" || ex.Tickers != 3 || ex.Malformed != 1 {
		t.Errorf("company_tickers_exchange fixture: %+v", ex)
	}
	shorter := filepath.Join(t.TempDir(), "company_tickers.json")
	writeJSON(t, shorter, map[string]any{"0": map[string]any{"cik_str": 999001, "ticker": "NWHH", "title": "Northwind Harbor Holdings Corp."}})
	res = loadFile(t, pool, shorter)
	if res.Rows["registrant_tickers"] != 2 {
		t.Errorf("shorter company_tickers: %+v", res)
	}
	if got := queryString(t, pool, "SELECT string_agg(source || ':' || ticker || ':' || coalesce(exchange, '-'), ',' ORDER BY source, cik, ordinal) FROM edgar.registrant_tickers"); got != "company_tickers:NWHH:-,company_tickers_exchange:NWHH:Nasdaq,company_tickers_exchange:NWHH-PA:NYSE,company_tickers_exchange:LTMI:-,submissions:NWHH:NYSE" {
		t.Errorf("tickers: %s", got)
	}
	if got := queryString(t, pool, "SELECT concat_ws('|', name, sic_description, tickers::text, exchanges::text) FROM edgar.company_profile WHERE cik = 999001"); got != "Northwind Harbor Holdings Corp.|Electric Services (utilities)|{NWHH}|{NYSE}" {
		t.Errorf("profile: %s", got)
	}
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestNotIndexOrJSON(t *testing.T) {
	pool := newDB(t)
	for _, f := range []string{testdata(t, "bad", "shopping-list.txt"), testdata(t, "bad", "random.bin"), testdata(t, "filings", "0000999001-24-000012.txt")} {
		head, _ := os.ReadFile(f)
		if IsIndexOrJSON(f, head) {
			t.Errorf("IsIndexOrJSON(%s) = true", f)
		}
		_, err := loadPath(context.Background(), pool, f)
		if !errors.Is(err, ErrNotIndexOrJSON) || !strings.HasPrefix(err.Error(), f+": ") {
			t.Errorf("%s: %v", f, err)
		}
	}
	_, err := LoadFile(context.Background(), pool, "broken.idx.gz", bytes.NewReader([]byte{0x1f, 0x8b, 8, 0, 0}))
	if err == nil || !strings.Contains(err.Error(), "broken.idx.gz") {
		t.Errorf("broken gzip: %v", err)
	}
	for _, f := range []string{testdata(t, "index", "master.2024QTR1.idx"), testdata(t, "index", "company.20240215.idx.gz"), testdata(t, "json", "company_tickers.json")} {
		head, _ := os.ReadFile(f)
		if !IsIndexOrJSON(f, head[:min(len(head), 4096)]) {
			t.Errorf("IsIndexOrJSON(%s) = false", f)
		}
	}
	if n := queryInt(t, pool, "SELECT count(*) FROM edgar.index_entries"); n != 0 {
		t.Errorf("%d rows from files that are not index files", n)
	}
}

func TestLoadPathsReportsEachFile(t *testing.T) {
	pool := newDB(t)
	dir := t.TempDir()
	for _, f := range []string{"index/master.2024QTR1.idx", "json/company_tickers.json", "bad/shopping-list.txt"} {
		b, err := os.ReadFile(testdata(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_ = os.WriteFile(filepath.Join(dir, ".hidden.idx"), []byte("x"), 0o644)
	var names []string
	failed, err := LoadPaths(context.Background(), pool, []string{dir, filepath.Join(dir, "missing.idx")}, func(r Result, err error) {
		names = append(names, fmt.Sprintf("%s:%v", filepath.Base(r.Name), err != nil))
	})
	if err != nil || failed != 2 {
		t.Errorf("failed %d, err %v", failed, err)
	}
	if got := strings.Join(names, " "); got != "company_tickers.json:false master.2024QTR1.idx:false shopping-list.txt:true missing.idx:true" {
		t.Errorf("reports: %s", got)
	}
}

// Entries (SQL) and Selection.Match (pure) pick the same entries.
func TestEntriesSelection(t *testing.T) {
	pool := newDB(t)
	path := testdata(t, "index", "master.2024QTR1.idx")
	loadFile(t, pool, path)
	sel := Selection{Forms: []string{"8-K", "8-K/A"}, From: time.Date(2024, 1, 10, 15, 0, 0, 0, time.Local), To: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)}
	got, err := Entries(context.Background(), pool, sel)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	var want []string
	if _, err := edgarindex.Read(f, func(e edgarindex.Entry) error {
		if sel.Match(e) {
			want = append(want, e.Accession+"/"+fmt.Sprint(e.CIK))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, e := range got {
		have = append(have, e.Accession+"/"+fmt.Sprint(e.CIK))
	}
	if fmt.Sprint(have) != "[0000999501-24-000004/999501 0000999001-24-000012/999001 0000999001-24-000012/999002]" || len(want) != len(have) {
		t.Errorf("Entries %v, Match %v", have, want)
	}
	all, err := Entries(context.Background(), pool, Selection{CIKs: []int64{999501}, Limit: 2})
	if err != nil || len(all) != 2 || all[0].CompanyName != "LARKSPUR TIDEWATER MILLS INC" || all[0].DateFiled.Format("2006-01-02") != "2024-01-09" {
		t.Errorf("by CIK: %+v %v", all, err)
	}
}

// The new tables and views are readable by edgar_reader, and the analyst
// queries of sql/queries/index return rows.
func TestReaderRoleAndExampleQueries(t *testing.T) {
	pool := newDB(t)
	for _, f := range []string{"index/master.2024QTR1.idx", "json/CIK0000999001.json"} {
		loadFile(t, pool, testdata(t, f))
	}
	loadFile(t, pool, filepath.Join(sharedCorpus(t), "json", "CIK0000320193.json"))
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL ROLE edgar_reader"); err != nil {
		t.Fatalf("edgar_reader: %v", err)
	}
	for _, rel := range []string{"index_entries", "sic_codes", "submission_companies", "registrant_tickers", "submission_former_names", "company_profile", "company_former_names"} {
		if _, err := tx.Exec(ctx, "SELECT * FROM edgar."+rel+" LIMIT 1"); err != nil {
			t.Errorf("edgar_reader cannot read %s: %v", rel, err)
		}
	}
	if _, err := tx.Exec(ctx, "DELETE FROM edgar.index_entries"); err == nil {
		t.Error("edgar_reader can delete")
	}
	_ = tx.Rollback(ctx)

	names, err := fs.Glob(edgarsql.Queries, "queries/index/*.sql")
	if err != nil || len(names) < 2 {
		t.Fatalf("index example queries: %v %v", names, err)
	}
	for _, n := range names {
		b, _ := fs.ReadFile(edgarsql.Queries, n)
		if !strings.HasPrefix(string(b), "--") {
			t.Errorf("%s has no leading comment", n)
		}
		rows, err := pool.Query(ctx, string(b))
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		count := 0
		for rows.Next() {
			count++
		}
		if err := rows.Err(); err != nil {
			t.Errorf("%s: %v", n, err)
		}
		if count == 0 {
			t.Errorf("%s returned no rows", n)
		}
	}
}
