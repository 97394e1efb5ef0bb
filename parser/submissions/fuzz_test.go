package submissions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary JSON to Parse: it must never panic, and what
// it returns must be complete and safe for PostgreSQL.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "json", "*.json"))
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), data)
		}
	}
	f.Add("CIK0000000001-submissions-001.json", []byte(`{"accessionNumber":["000000000124000001"],"filingDate":["2024-01-01"],"form":["8-K"]}`))
	f.Add("x.json", []byte(`{"directory":{"item":[]}}`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := Parse(name, data)
		_ = Detect(name, data)
		if err != nil {
			if doc != nil {
				t.Fatal("a document and an error")
			}
			return
		}
		for _, fl := range doc.Filings {
			if len(fl.AccessionNumber) != 20 || fl.FilingDate.IsZero() || fl.Form == "" {
				t.Fatalf("incomplete filing %+v", fl)
			}
			for _, s := range []string{fl.Form, fl.Items, fl.PrimaryDocument, fl.PrimaryDocDescription, fl.FileNumber, fl.FilmNumber, fl.Act} {
				if !clean(s) {
					t.Fatalf("unsafe text %q", s)
				}
			}
		}
		for _, tk := range doc.Tickers {
			if tk.CIK <= 0 || tk.Ticker == "" || tk.Ordinal <= 0 || !clean(tk.Ticker) || !clean(tk.Title) || !clean(tk.Exchange) {
				t.Fatalf("bad ticker %+v", tk)
			}
		}
		if c := doc.Company; c != nil {
			for _, s := range []string{c.Name, c.SICDescription, c.Business.Street1, c.Phone} {
				if !clean(s) {
					t.Fatalf("unsafe text %q", s)
				}
			}
		}
	})
}

func clean(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }
