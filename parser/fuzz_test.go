package parser

import (
	"encoding/json"
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
	f.Add("0000000000-00-000000-index.htm", []byte(`<div id="formName"><strong>Form 8-K</strong> - Current report:</div><div id="secNum">SEC Accession No. 0000000000-00-000001</div><div class="infoHead">Items</div><div class="info">Item 2.02: Results<br/></div><table class="tableFile"><tr><td>1</td><td>8-K</td><td>a.htm</td><td>8-K</td><td>12</td></tr></table><div class="mailer">Business Address <span class="mailerAddress">1 MAIN ST</span><span class="mailerAddress">TOWN <span class="mailerAddress">MA</span> 01234</span></div><div class="companyInfo"><span class="companyName">ACME (Filer) CIK: 0000000001</span><p class="identInfo">EIN.: 1 | SIC: 3571</p></div>`))
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

// FuzzParseParts feeds two arbitrary files as one filing folder: no panic,
// and the same parts in either order give the same filing.
func FuzzParseParts(f *testing.F) {
	f.Add("0000000000-00-000001/a.htm", []byte("<html>FORM 8-K Item 2.02 Results</html>"), "0000000000-00-000001/ex99.htm", []byte("Exhibit 99.1 press release"))
	f.Fuzz(func(t *testing.T, n1 string, d1 []byte, n2 string, d2 []byte) {
		a, errA := ParseParts("folder", []Part{{n1, d1}, {n2, d2}})
		b, errB := ParseParts("folder", []Part{{n2, d2}, {n1, d1}})
		if (errA == nil) != (errB == nil) {
			t.Fatalf("order changes the outcome: %v / %v", errA, errB)
		}
		if errA != nil {
			return
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if n1 != n2 && string(ja) != string(jb) {
			t.Fatalf("order changes the filing:\n%s\n%s", ja, jb)
		}
	})
}
