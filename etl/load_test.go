package etl

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/migrations"
	"github.com/edgarload/edgarload/parser"
)

func TestMigrateUpDownUp(t *testing.T) {
	ctx := context.Background()
	_, u := newDB(t) // a migrated copy; take it all the way down and up again
	var out strings.Builder
	files, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("embedded migrations: %v %v", files, err)
	}
	latest := files[len(files)-1]
	if err := MigrateCommand(ctx, u, MigrateRequest{Command: "reset"}, &out); err == nil || !strings.Contains(err.Error(), "--yes") ||
		!strings.Contains(err.Error(), "00001_schema.sql") {
		t.Fatalf("reset without --yes: %v, want a refusal naming --yes and 00001_schema.sql", err)
	}
	for i := 0; i < len(files); i++ {
		if err := MigrateCommand(ctx, u, MigrateRequest{Command: "down", Yes: true}, &out); err != nil {
			t.Fatalf("down %d: %v", i, err)
		}
	}
	if err := Migrate(ctx, u, "version", &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "version: 0") {
		t.Errorf("after %d downs: %s", len(files), out.String())
	}
	if err := Migrate(ctx, u, "up", &out); err != nil {
		t.Fatalf("up again: %v", err)
	}
	out.Reset()
	if err := Migrate(ctx, u, "status", &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "Pending") || !strings.Contains(out.String(), latest) {
		t.Errorf("status after up:\n%s", out.String())
	}
	if err := Migrate(ctx, u, "sideways", io.Discard); err == nil {
		t.Error("unknown command accepted")
	}
	// Every table and column is commented for analysts.
	p, err := Connect(ctx, u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var missing []string
	rows, err := p.Query(ctx, `
		SELECT c.relname || coalesce('.' || a.attname, '')
		FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'edgar'
		LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		WHERE c.relkind IN ('r', 'v')
		  AND (obj_description(c.oid, 'pg_class') IS NULL OR (a.attname IS NOT NULL AND col_description(c.oid, a.attnum) IS NULL))
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		missing = append(missing, s)
	}
	if len(missing) > 0 {
		t.Errorf("tables/columns without COMMENT: %v", missing)
	}
	// edgar_reader may read the views and tables, and nothing more.
	tx, err := p.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL ROLE edgar_reader"); err != nil {
		t.Fatalf("edgar_reader: %v", err)
	}
	if _, err := tx.Exec(ctx, "SELECT * FROM edgar.filing_overview, edgar.registrants LIMIT 1"); err != nil {
		t.Errorf("edgar_reader cannot read: %v", err)
	}
	if _, err := tx.Exec(ctx, "DELETE FROM edgar.filings"); err == nil {
		t.Error("edgar_reader can delete")
	}
}

func TestEnsureDatabase(t *testing.T) {
	ctx := context.Background()
	name := templateDB + "_ensure"
	u := dbURL(name)
	for i := 0; i < 2; i++ { // the second call finds it
		if err := EnsureDatabase(ctx, u); err != nil {
			t.Fatalf("EnsureDatabase #%d: %v", i, err)
		}
	}
	pool, err := Connect(ctx, dbURL("postgres"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if n := count(t, pool, "SELECT count(*) FROM pg_database WHERE datname = $1", name); n != 1 {
		t.Errorf("database %s: %d rows", name, n)
	}
	if _, err := pool.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
		t.Fatal(err)
	}
}

func TestLoadSeedExactRows(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	path := writeFiling(t, dir, "sonus.txt", sonusSubmission())
	sum := load(t, pool, Options{}, path)
	if sum.FilesSeen != 1 || sum.FilingsLoaded != 1 || sum.FilingsUnchanged != 0 || sum.FilingsRejected != 0 {
		t.Errorf("summary: %+v", sum)
	}
	want := map[string]int64{"filings": 1, "registrants": 1, "filing_registrants": 1, "registrant_former_names": 1,
		"items": 1, "exhibits": 1, "signers": 1, "documents": 2, "securities": 1}
	for k, v := range want {
		if sum.Rows[k] != v {
			t.Errorf("Rows[%s] = %d, want %d (all: %v)", k, sum.Rows[k], v, sum.Rows)
		}
	}
	data, _ := os.ReadFile(path)
	ctx := context.Background()
	checks := []struct {
		q, want string
	}{
		{`SELECT concat_ws('|', accession_number, source_sha256, form_type, period_of_report, filed_at,
			to_char(accepted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), date_of_change, effectiveness_date, document_count,
			item_information::text, shape, source_path, source_bytes, parser_version, emerging_growth_company, amendment_flag)
			FROM edgar.filings`,
			strings.Join([]string{"0000950135-04-003612", sha256Hex(data), "8-K", "2004-07-29", "2004-07-29",
				"2004-07-29 20:05:12", "2004-07-29", "2", `{"Results of Operations and Financial Condition"}`, "submission",
				path, itoa(len(data)), parser.Version}, "|")},
		{`SELECT concat_ws('|', cik, name, name_normalized, sic, irs_number, state_of_incorporation, fiscal_year_end,
			business_street1, business_street2, business_city, business_state, business_zip, business_phone,
			mail_street1, mail_city, mail_state, mail_zip, mail_phone, attributes_as_of) FROM edgar.registrants`,
			"1105472|SONUS NETWORKS INC|SONUS NETWORKS|3661|043387074|DE|1231|250 APOLLO DRIVE|CHELMSFORD|MA|01824|9786148100|250 APOLLO DRIVE|CHELMSFORD|MA|01824|2004-07-29"},
		{`SELECT concat_ws('|', r.cik, n.name, n.changed_on) FROM edgar.registrant_former_names n JOIN edgar.registrants r USING (registrant_id)`,
			"1105472|SONUS NETWORKS CORP|1999-05-11"},
		{`SELECT concat_ws('|', role, ordinal, cik, name, sic, irs_number, state_of_incorporation, fiscal_year_end, form_type,
			sec_act, file_number, film_number, business_street1, business_city, business_state, business_zip, business_phone,
			mail_street1, mail_zip, mail_phone) FROM edgar.filing_registrants`,
			"filer|1|1105472|SONUS NETWORKS INC|3661|043387074|DE|1231|8-K|1934 Act|000-30229|04938465|250 APOLLO DRIVE|CHELMSFORD|MA|01824|9786148100|250 APOLLO DRIVE|01824"},
		{`SELECT concat_ws('|', ordinal, code, number_as_filed, part, title, text, source) FROM edgar.items`,
			"1|2.02|12|Results of Operations and Financial Condition|On July 29, 2004 at 8:15 a.m., Sonus Networks, Inc. will host a conference call.|body"},
		{`SELECT concat_ws('|', ordinal, number, type, sequence, filename, description, text) FROM edgar.exhibits`,
			"1|99.1|EX-99.1|2|b51449snexv99w1.txt|Script of Sonus Networks, Inc. for conference call|Good morning and welcome."},
		{`SELECT concat_ws('|', ordinal, name, title, signed_on, signed_for) FROM edgar.signers`,
			"1|Albert A. Notini|President and Chief Operating Officer|2004-07-29|SONUS NETWORKS, INC."},
		{`SELECT string_agg(concat_ws('|', ordinal, sequence, type, filename, description, bytes), ';' ORDER BY ordinal) FROM edgar.documents`,
			"1|1|8-K|b51449sne8vk.txt|FORM 8-K|3116;2|2|EX-99.1|b51449snexv99w1.txt|SCRIPT OF CONFERENCE CALL|20480"},
		{`SELECT concat_ws('|', ordinal, title, trading_symbol, exchange) FROM edgar.securities`, "1|Common Stock|SONS|NASDAQ"},
		{`SELECT concat_ws('|', status, files_seen, filings_loaded, filings_unchanged, filings_rejected, inputs::text, parser_version,
			rows->>'filings', finished_at IS NOT NULL) FROM edgar.load_runs`,
			"succeeded|1|1|0|0|{" + path + "}|" + parser.Version + "|1|t"},
		{`SELECT concat_ws('|', accession_number, form_type, registrant_name, cik, item_codes::text, exhibit_count, signer_count) FROM edgar.filing_overview`,
			"0000950135-04-003612|8-K|SONUS NETWORKS INC|1105472|{2.02}|1|1"},
		{`SELECT concat_ws('|', code, accession_number, registrant_name, filed_at) FROM edgar.item_filings`,
			"2.02|0000950135-04-003612|SONUS NETWORKS INC|2004-07-29"},
	}
	for _, c := range checks {
		var got string
		if err := pool.QueryRow(ctx, c.q).Scan(&got); err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.q, got, c.want)
		}
	}
	for _, tab := range dataTables {
		if n := count(t, pool, "SELECT count(*) FROM edgar."+tab); int64(n) != want[tab] {
			t.Errorf("%s has %d rows, want %d", tab, n, want[tab])
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestReloadIsNoOp(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	writeFiling(t, dir, "sonus.txt", sonusSubmission())
	writeFiling(t, dir, "sonus-bare.txt", sonusBare())
	for i := 0; i < 5; i++ {
		writeFiling(t, dir, "nw/"+itoa(i)+".txt", northwind(i))
	}
	first := load(t, pool, Options{BatchSize: 3, Workers: 2}, dir)
	if first.FilingsLoaded != 7 {
		t.Fatalf("first load: %+v", first)
	}
	before := rawDump(t, pool)
	second := load(t, pool, Options{BatchSize: 3, Workers: 2}, dir)
	if second.FilingsLoaded != 0 || second.FilingsUnchanged != 7 || len(second.Rows) != 0 {
		t.Errorf("second load: %+v", second)
	}
	compareDumps(t, "reload", before, rawDump(t, pool))
	if n := count(t, pool, "SELECT count(*) FROM edgar.load_runs WHERE status = 'succeeded'"); n != 2 {
		t.Errorf("%d succeeded runs, want 2", n)
	}

	// A new parser version rewrites the filing (same sha) in place.
	f := northwind(1)
	f.ParserVersion = "9.9.9"
	f.Items = f.Items[:1]
	other := t.TempDir()
	// Same bytes are needed for the same sha: write the changed filing under
	// the old file's name and content, parsed differently.
	old, err := os.ReadFile(filepath.Join(dir, "nw", "1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(other, "1.txt")
	if err := os.WriteFile(p, old, 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Parse: func(string, []byte) (*parser.Filing, error) { return f, nil }}
	third := load(t, pool, opts, p)
	if third.FilingsLoaded != 1 {
		t.Errorf("new parser version: %+v", third)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.items JOIN edgar.filings USING (filing_id) WHERE accession_number = $1`, *f.AccessionNumber); n != 1 {
		t.Errorf("items after reparse: %d, want 1", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.filings WHERE parser_version = '9.9.9' AND source_path = $1`, p); n != 1 {
		t.Errorf("reparsed filing row not replaced")
	}
}

// TestRegistrantMatchingOrderIndependent loads a bare document (no CIK) and
// the full submission of the same company in both orders, and together.
func TestRegistrantMatchingOrderIndependent(t *testing.T) {
	dir := t.TempDir()
	bare := writeFiling(t, dir, "bare/sonus-8k.txt", sonusBare())
	full := writeFiling(t, dir, "full/0000950135-04-003612.txt", sonusSubmission())
	later := sonusSubmission() // a later filing with a new address
	later.AccessionNumber = sp("0000950135-05-000001")
	later.FiledAt, later.PeriodOfReport = sp("2005-02-01"), sp("2005-02-01")
	later.Registrants[0].BusinessAddress = &parser.Address{Street1: "7 TECHNOLOGY PARK DRIVE", City: "WESTFORD", State: "MA", Zip: "01886"}
	later.Registrants[0].SIC = nil
	laterPath := writeFiling(t, dir, "later/0000950135-05-000001.txt", later)

	var dumps []map[string]string
	pool, _ := newDB(t)
	for _, order := range [][]string{{bare, full, laterPath}, {laterPath, full, bare}, {full, bare, laterPath}, {dir}} {
		resetDB(t, pool)
		for _, p := range order {
			load(t, pool, Options{}, p)
		}
		if n := count(t, pool, "SELECT count(*) FROM edgar.registrants"); n != 1 {
			t.Errorf("order %v: %d registrants, want 1", order, n)
		}
		var got string
		if err := pool.QueryRow(context.Background(), `SELECT concat_ws('|', cik, name, sic, irs_number, business_street1, business_city, business_phone, attributes_as_of) FROM edgar.registrants`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := "1105472|SONUS NETWORKS INC|3661|043387074|7 TECHNOLOGY PARK DRIVE|WESTFORD|2005-02-01"; got != want {
			t.Errorf("order %v: registrant %s, want %s", order, got, want)
		}
		dumps = append(dumps, semanticDump(t, pool))
	}
	for i := 1; i < len(dumps); i++ {
		compareDumps(t, "load orders", dumps[0], dumps[i])
	}
}

func TestBadInputRejected(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	writeFiling(t, dir, "a.txt", northwind(1))
	writeFiling(t, dir, "c.txt", northwind(2))
	bad := filepath.Join(dir, "b-shopping-list.txt")
	if err := os.WriteFile(bad, []byte("eggs\nmilk\x00\xff\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badAcc := northwind(3)
	badAcc.AccessionNumber = sp("12-34")
	badAccPath := writeFiling(t, dir, "d-bad-accession.txt", badAcc)
	missing := filepath.Join(dir, "does-not-exist.txt")

	sum := load(t, pool, Options{Workers: 3}, dir, missing)
	if sum.FilesSeen != 5 || sum.FilingsLoaded != 2 || sum.FilingsRejected != 3 {
		t.Errorf("summary: %+v", sum)
	}
	rows, err := pool.Query(context.Background(), "SELECT source_path, coalesce(source_sha256, ''), stage, error FROM edgar.load_rejects ORDER BY source_path")
	if err != nil {
		t.Fatal(err)
	}
	type rej struct{ path, sha, stage, err string }
	var got []rej
	for rows.Next() {
		var r rej
		if err := rows.Scan(&r.path, &r.sha, &r.stage, &r.err); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if len(got) != 3 {
		t.Fatalf("rejects: %+v", got)
	}
	want := []struct{ path, stage string }{{bad, "parse"}, {badAccPath, "load"}, {missing, "read"}}
	for i, w := range want {
		if got[i].path != w.path || got[i].stage != w.stage || !strings.Contains(got[i].err, w.path) {
			t.Errorf("reject %d = %+v, want path %s stage %s and an error naming the file", i, got[i], w.path, w.stage)
		}
		if (got[i].sha == "") != (w.stage == "read") {
			t.Errorf("reject %d sha %q", i, got[i].sha)
		}
	}
	if n := count(t, pool, "SELECT count(*) FROM edgar.filings"); n != 2 {
		t.Errorf("%d filings, want 2", n)
	}
}

// TestDatabaseErrorFailsBatch makes the database refuse one filing: the load
// fails naming it, and the batch committed before stays.
func TestDatabaseErrorFailsBatch(t *testing.T) {
	pool, _ := newDB(t)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, `
		CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$;
		CREATE TRIGGER boom BEFORE INSERT ON edgar.filings FOR EACH ROW WHEN (NEW.form_type = 'BOOM') EXECUTE FUNCTION boom();`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiling(t, dir, "a.txt", northwind(1))
	f := northwind(2)
	f.FormType = "BOOM"
	boom := writeFiling(t, dir, "b.txt", f)
	writeFiling(t, dir, "c.txt", northwind(3))
	_, err := Load(ctx, pool, []string{dir}, Options{Workers: 1, BatchSize: 1, Parse: jsonParse}, testLogger(t))
	if err == nil || !strings.Contains(err.Error(), boom) {
		t.Fatalf("Load error %v, want one naming %s", err, boom)
	}
	if n := count(t, pool, "SELECT count(*) FROM edgar.filings"); n != 1 {
		t.Errorf("%d filings, want the 1 committed before the failure", n)
	}
	var status, msg string
	if err := pool.QueryRow(ctx, "SELECT status, error FROM edgar.load_runs").Scan(&status, &msg); err != nil {
		t.Fatal(err)
	}
	if status != "failed" || !strings.Contains(msg, "boom") {
		t.Errorf("run: %s %s", status, msg)
	}
}

// TestSameAccessionTwoShapes loads a feed (.nc) and a complete submission of
// one filing in both orders: the submission wins either way.
func TestSameAccessionTwoShapes(t *testing.T) {
	dir := t.TempDir()
	sub := writeFiling(t, dir, "0000950135-04-003612.txt", sonusSubmission())
	feed := sonusSubmission()
	feed.Shape = parser.ShapeFeed
	feed.Items, feed.Exhibits, feed.Signers = nil, nil, nil
	feed.Registrants[0].Name = "SONUS NETWORKS INC /FEED/"
	nc := writeFiling(t, dir, "0000950135-04-003612.nc", feed)

	var dumps []map[string]string
	pool, _ := newDB(t)
	for _, order := range [][]string{{nc, sub}, {sub, nc}, {dir}} {
		resetDB(t, pool)
		var loaded, unchanged int
		for _, p := range order {
			s := load(t, pool, Options{}, p)
			loaded += s.FilingsLoaded
			unchanged += s.FilingsUnchanged
		}
		// The feed is reported unchanged when the submission is already
		// there; loaded first, it is replaced by the submission.
		if wantUnchanged := map[bool]int{true: 0, false: 1}[order[0] == nc]; unchanged != wantUnchanged || loaded+unchanged != 2 {
			t.Errorf("order %v: %d loaded, %d unchanged", order, loaded, unchanged)
		}
		var shape, path string
		if err := pool.QueryRow(context.Background(), "SELECT shape, source_path FROM edgar.filings").Scan(&shape, &path); err != nil {
			t.Fatal(err)
		}
		if shape != "submission" || path != sub {
			t.Errorf("order %v: stored %s from %s", order, shape, path)
		}
		if n := count(t, pool, "SELECT count(*) FROM edgar.items"); n != 1 {
			t.Errorf("order %v: %d items", order, n)
		}
		dumps = append(dumps, semanticDump(t, pool))
	}
	for i := 1; i < len(dumps); i++ {
		compareDumps(t, "shape orders", dumps[0], dumps[i])
	}
}

func TestArchiveInputs(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	members := map[string][]byte{}
	for i := 1; i <= 3; i++ {
		b, err := json.Marshal(northwind(i))
		if err != nil {
			t.Fatal(err)
		}
		members["filings/"+itoa(i)+".txt"] = b
	}
	members["filings/.DS_Store"] = []byte("junk")

	var tgz bytes.Buffer
	gz := gzip.NewWriter(&tgz)
	tw := tar.NewWriter(gz)
	for _, name := range []string{"filings/1.txt", "filings/2.txt", "filings/.DS_Store"} {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(members[name])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(members[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	tgzPath := filepath.Join(dir, "batch.tar.gz")
	if err := os.WriteFile(tgzPath, tgz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, err := zw.Create("filings/3.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(members["filings/3.txt"]); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(dir, "more.zip")
	if err := os.WriteFile(zipPath, zb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.tgz")
	if err := os.WriteFile(broken, []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}

	sum := load(t, pool, Options{}, dir)
	if sum.FilesSeen != 4 || sum.FilingsLoaded != 3 || sum.FilingsRejected != 1 {
		t.Errorf("summary: %+v", sum)
	}
	for _, p := range []string{tgzPath + "!filings/1.txt", tgzPath + "!filings/2.txt", zipPath + "!filings/3.txt"} {
		if n := count(t, pool, "SELECT count(*) FROM edgar.filings WHERE source_path = $1", p); n != 1 {
			t.Errorf("no filing from %s", p)
		}
	}
	if n := count(t, pool, "SELECT count(*) FROM edgar.load_rejects WHERE stage = 'read' AND source_path = $1", broken); n != 1 {
		t.Errorf("broken archive not rejected")
	}
}

func TestExampleQueries(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	writeFiling(t, dir, "sonus.txt", sonusSubmission())
	for i := 0; i < 4; i++ {
		writeFiling(t, dir, itoa(i)+".txt", northwind(i))
	}
	load(t, pool, Options{}, dir)
	files, err := fsGlob("queries/examples/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 4 {
		t.Fatalf("%d example queries, want at least 4", len(files))
	}
	// Queries marked "-- data: corpus" need real-looking filings to return
	// rows (TestAnalystViewsOnDemoData and TestAnalystCorpus require them).
	checkExamples(t, pool, false)
}

func TestNormalizeMatchesSQL(t *testing.T) {
	pool, _ := newDB(t)
	inputs := []string{"", "  ", "04-3387074", "043387074", "000000000", "00-0000000", "Sonus Networks, Inc.",
		"SONUS NETWORKS INC", "The Coca-Cola Company", "APPLE COMPUTER INC /CA/", "Apple Computer, Inc. /ca/",
		"AT&T Corp.", "L.L.C. Holdings LLC", "000-30229", "0-30229", "001-12951", "333-140273-01", "File No. 0-30229",
		"Société Générale S.A.", "  co  ", "1-800-FLOWERS.COM, Inc.", "1 800 FLOWERS COM INC", "U.S. Bancorp \\DE\\",
		"US BANCORP /DE/", "A B C D", "AT&T", "A B1 C", "Macy’s, Inc.", "MACY'S INC", "x y", "Quillfeather Instruments Corp", "BERKSHIRE HATHAWAY INC/DE"}
	for _, in := range inputs {
		var irs, file, name *string
		if err := pool.QueryRow(context.Background(), "SELECT edgar.normalize_irs_number($1), edgar.normalize_file_number($1), edgar.normalize_name($1)", in).
			Scan(&irs, &file, &name); err != nil {
			t.Fatal(err)
		}
		if g, s := normalizeIRS(in), deref(irs); g != s {
			t.Errorf("IRS %q: Go %q, SQL %q", in, g, s)
		}
		if g, s := normalizeFileNumber(in), deref(file); g != s {
			t.Errorf("file number %q: Go %q, SQL %q", in, g, s)
		}
		if g, s := normalizeName(in), deref(name); g != s {
			t.Errorf("name %q: Go %q, SQL %q", in, g, s)
		}
	}
	for _, shape := range []string{"submission", "feed", "header", "document-html", "document-xml", "document-text", "other"} {
		if n := count(t, pool, "SELECT edgar.shape_rank($1)", shape); n != shapeRank(shape) {
			t.Errorf("shape %s: SQL rank %d, Go %d", shape, n, shapeRank(shape))
		}
	}
	if normalizeIRS("04-3387074") != normalizeIRS("043387074") || normalizeFileNumber("000-30229") != normalizeFileNumber("0-30229") ||
		normalizeName("Sonus Networks, Inc.") != normalizeName("SONUS NETWORKS INC") ||
		normalizeName("1-800-FLOWERS.COM, Inc.") != normalizeName("1 800 FLOWERS COM INC") ||
		normalizeName("U.S. Bancorp") != normalizeName("US BANCORP /DE/") || normalizeName("Acme L.L.C.") != "ACME" {
		t.Error("equivalent identifiers normalize differently")
	}
}

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://loader:s3cret@db:5432/edgar?sslmode=require": "postgres://loader:xxxxx@db:5432/edgar?sslmode=require",
		"postgres://loader@db/edgar":                             "postgres://loader@db/edgar",
		"postgres://db/edgar?password=s3cret&user=u":             "postgres://db/edgar?password=xxxxx&user=u",
		"host=db user=u password=s3cret dbname=edgar":            "host=db user=u password=xxxxx dbname=edgar",
		"host=db password='s3 cret' dbname=edgar":                "host=db password=xxxxx dbname=edgar",
		"postgres://u:s3cret@db:badport/x":                       "postgres://u:xxxxx@db:badport/x",
		"connect to postgres://u:s3cr@t@db/x: refused":           "connect to postgres://u:xxxxx@db/x: refused",
		"no password here, see https://example.com/docs":         "no password here, see https://example.com/docs",
		"postgres://u:p@ss/w@rd@127.0.0.1:1/db":                  "postgres://u:xxxxx@127.0.0.1:1/db",
		"open postgres://u:s3cret/x@y@127.0.0.1:1/db: refused":   "open postgres://u:xxxxx@127.0.0.1:1/db: refused",
		"postgres://u:s3cret@@127.0.0.1/db and user@example.com": "postgres://u:xxxxx@127.0.0.1/db and user@example.com",
	} {
		got := RedactURL(in)
		if got != want || strings.Contains(got, "s3cret") {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorsNeverShowPassword(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{
		"postgres://u:s3cret@127.0.0.1:1/x?sslmode=disable&connect_timeout=2",
		"postgres://u:s3cret@db:badport/x",
		"host=127.0.0.1 port=1 user=u password=s3cret dbname=x connect_timeout=2",
		"postgres://u:s3cret/w@rd@127.0.0.1:1/x?connect_timeout=2",
		"postgres://u:s3c@ret/w@rd@127.0.0.1:1/x?connect_timeout=2",
	} {
		_, err := Connect(ctx, u, Options{CreateDatabase: true})
		if err == nil {
			t.Fatalf("Connect(%s) succeeded", RedactURL(u))
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("error shows the password: %v", err)
		}
		if err := Migrate(ctx, u, "up", io.Discard); err == nil || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Migrate error: %v", err)
		}
	}
}

// TestConflictingIRSKeepsCompaniesApart: a bare document naming a company
// like an existing one but with another IRS number is another company, in
// either order.
func TestConflictingIRSKeepsCompaniesApart(t *testing.T) {
	dir := t.TempDir()
	bare := sonusBare()
	bare.Registrants[0].IRSNumber = "11-1111111"
	bare.Registrants[0].FileNumber = ""
	b := writeFiling(t, dir, "bare.txt", bare)
	full := writeFiling(t, dir, "full.txt", sonusSubmission())
	pool, _ := newDB(t)
	for _, order := range [][]string{{b, full}, {full, b}, {dir}} {
		resetDB(t, pool)
		for _, p := range order {
			load(t, pool, Options{}, p)
		}
		if n := count(t, pool, "SELECT count(*) FROM edgar.registrants"); n != 2 {
			t.Errorf("order %v: %d registrants, want 2", order, n)
		}
		if n := count(t, pool, "SELECT count(*) FROM edgar.registrants WHERE cik = 1105472 AND irs_number = '043387074'"); n != 1 {
			t.Errorf("order %v: CIK registrant missing or merged", order)
		}
	}
}

// TestConcurrentLoaders runs two loads of the same inputs at once: batches
// serialize on the advisory lock, nothing fails, and the result equals one
// load's.
func TestConcurrentLoaders(t *testing.T) {
	dir := t.TempDir()
	writeFiling(t, dir, "sonus.txt", sonusSubmission())
	writeFiling(t, dir, "sonus-bare.txt", sonusBare())
	for i := 0; i < 30; i++ {
		writeFiling(t, dir, "nw/"+itoa(i)+".txt", northwind(i))
	}
	pool, _ := newDB(t)
	load(t, pool, Options{BatchSize: 4}, dir)
	want := semanticDump(t, pool)

	resetDB(t, pool)
	errs := make(chan error, 2)
	sums := make(chan Summary, 2)
	for i := 0; i < 2; i++ {
		go func() {
			s, err := Load(context.Background(), pool, []string{dir}, Options{BatchSize: 4, Parse: jsonParse}, testLogger(t))
			sums <- s
			errs <- err
		}()
	}
	loaded := 0
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			t.Errorf("concurrent load: %v", err)
		}
		loaded += (<-sums).FilingsLoaded
	}
	if loaded != 32 {
		t.Errorf("%d filings loaded by the two runs together, want 32", loaded)
	}
	compareDumps(t, "concurrent loads", want, semanticDump(t, pool))
}
