package etl

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser"
)

// FuzzNormalizeMatchesSQL checks that the Go normalizations agree with the
// SQL functions of the migrations on any input.
func FuzzNormalizeMatchesSQL(f *testing.F) {
	for _, s := range []string{"Sonus Networks, Inc.", "APPLE INC /CA/", "04-3387074", "000-30229", "Société Générale", "a\tb /x/ "} {
		f.Add(s)
	}
	pool, _ := newDB(f)
	f.Fuzz(func(t *testing.T, s string) {
		s = clean(s) // the loader only normalizes cleaned text
		var irs, file, name *string
		if err := pool.QueryRow(context.Background(), "SELECT edgar.normalize_irs_number($1), edgar.normalize_file_number($1), edgar.normalize_name($1)", s).
			Scan(&irs, &file, &name); err != nil {
			t.Fatal(err)
		}
		if normalizeIRS(s) != deref(irs) || normalizeFileNumber(s) != deref(file) || normalizeName(s) != deref(name) {
			t.Errorf("%q: Go (%q, %q, %q), SQL (%q, %q, %q)", s, normalizeIRS(s), normalizeFileNumber(s), normalizeName(s),
				deref(irs), deref(file), deref(name))
		}
	})
}

// FuzzPrepare feeds arbitrary filings to prepare: it must never panic, and
// every text value it produces must be valid UTF-8 without NUL.
func FuzzPrepare(f *testing.F) {
	for _, fl := range []*parser.Filing{sonusSubmission(), sonusBare(), northwind(3)} {
		b, _ := json.Marshal(fl)
		f.Add(b)
	}
	f.Add([]byte(`{"form_type":"8-K\u0000","shape":"feed","accession_number":"0000000000-00-000000","registrants":[{"role":"filer","name":"\u0000"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var fl parser.Filing
		if json.Unmarshal(data, &fl) != nil {
			return
		}
		p, err := prepare("fuzz.txt", sha256Hex(data), int64(len(data)), &fl)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		check := func(rows ...[]any) {
			for _, row := range rows {
				for _, v := range row {
					if s, ok := v.(string); ok && (!utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0) {
						t.Errorf("unsafe text %q", s)
					}
				}
			}
		}
		check(p.filing)
		for _, pt := range p.parties {
			check(pt.row)
		}
		check(p.items...)
		check(p.exhibits...)
		check(p.signers...)
		check(p.documents...)
		check(p.securities...)
	})
}
