package etl

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/edgarload/edgarload/parser"
)

// TestCoverFactsLoaded loads a filing whose registrant carries cover facts
// (a stale header), checks the cover_* columns, reloads it unchanged, and
// reparses it with a newer parser version that finds none.
func TestCoverFactsLoaded(t *testing.T) {
	pool, _ := newDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	f := northwind(0)
	r := &f.Registrants[0]
	r.CoverName = "Northwind Harbor Holdings, Inc."
	r.CoverIRSNumber = "39-7654321"
	r.CoverStateOfIncorporation = "MN"
	r.CoverFileNumber = "0-12345"
	r.CoverAddress = &parser.Address{Street1: "7 Harbor Way", Street2: "Suite 3", City: "Duluth", State: "MN", Zip: "55802", Phone: "(218) 555-0107"}
	other := northwind(1) // no cover facts
	writeFiling(t, dir, "nw0.json", f)
	writeFiling(t, dir, "nw1.json", other)
	if s := load(t, pool, Options{}, dir); s.FilingsLoaded != 2 {
		t.Fatalf("first load: %+v", s)
	}
	const q = `SELECT concat_ws('|', fr.cover_name, fr.cover_irs_number, fr.cover_state_of_incorporation, fr.cover_file_number,
		fr.cover_street1, fr.cover_street2, fr.cover_city, fr.cover_state, fr.cover_zip, fr.cover_phone)
		FROM edgar.filing_registrants fr JOIN edgar.filings USING (filing_id) WHERE accession_number = $1`
	coverRow := func(acc string) string {
		t.Helper()
		var s string
		if err := pool.QueryRow(ctx, q, acc).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got, want := coverRow(*f.AccessionNumber), "Northwind Harbor Holdings, Inc.|39-7654321|MN|0-12345|7 Harbor Way|Suite 3|Duluth|MN|55802|(218) 555-0107"; got != want {
		t.Errorf("cover facts = %q, want %q", got, want)
	}
	if got := coverRow(*other.AccessionNumber); got != "" {
		t.Errorf("filing without cover facts has %q", got)
	}
	// The header's values still name the registrant.
	if n := count(t, pool, `SELECT count(*) FROM edgar.registrants WHERE cik = 999001 AND name = 'NORTHWIND HARBOR 0 CORP' AND state_of_incorporation = 'WI'`); n != 1 {
		t.Errorf("registrant not named by the header: %d rows", n)
	}

	before := rawDump(t, pool)
	again := load(t, pool, Options{}, dir)
	if again.FilingsLoaded != 0 || again.FilingsUnchanged != 2 {
		t.Errorf("reload: %+v", again)
	}
	compareDumps(t, "reload", before, rawDump(t, pool))

	// A newer parser version that finds no cover facts replaces them.
	data, err := os.ReadFile(filepath.Join(dir, "nw0.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "nw0.json")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	plain := northwind(0)
	plain.ParserVersion = "9.9.9"
	if s := load(t, pool, Options{Parse: func(string, []byte) (*parser.Filing, error) { return plain, nil }}, p); s.FilingsLoaded != 1 {
		t.Fatalf("reparse: %+v", s)
	}
	if got := coverRow(*f.AccessionNumber); got != "" {
		t.Errorf("cover facts after reparse = %q, want none", got)
	}
}
