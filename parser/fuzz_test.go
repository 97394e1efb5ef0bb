package parser

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes through every path of Parse (SGML
// envelopes, plain text, HTML, inline XBRL, ownership XML): it must never
// panic, and what it returns must be safe for PostgreSQL.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "filings", "*"))
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), data)
		}
	}
	f.Add("x.htm", []byte("<html><body><ix:nonNumeric name=\"dei:DocumentType\">8-K</ix:nonNumeric><table><tr><td>Item 2.02</td></tr></table>"))
	f.Add("x.nc", []byte("<SUBMISSION><ACCESSION-NUMBER>0000000000-00-000000<TYPE>8-K<FILER><COMPANY-DATA><CIK>1</COMPANY-DATA></FILER><DOCUMENT><TYPE>8-K<TEXT>FORM 8-K</TEXT></DOCUMENT>"))
	f.Add("x.xml", []byte("<ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></issuer></ownershipDocument>"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		fl, err := Parse(name, data)
		if err != nil {
			if fl != nil {
				t.Fatal("a filing and an error")
			}
			return
		}
		if fl.FormType == "" {
			t.Fatal("a filing without a form type")
		}
		for _, it := range fl.Items {
			if !utf8.ValidString(it.Text) || !cleanString(it.Text) {
				t.Fatalf("unsafe item text %q", it.Text)
			}
		}
		for _, r := range fl.Registrants {
			if !cleanString(r.Name) {
				t.Fatalf("unsafe name %q", r.Name)
			}
		}
	})
}
