package ixbrl

import (
	"bytes"
	"fmt"
	"github.com/edgarload/edgarload/parser/internal/corpus"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/textconv"
)

func boolp(b bool) *bool { return &b }

func TestExtractFixture(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "acme-8k-ixbrl.htm"))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	got, ok := Extract(b)
	if !ok {
		t.Fatalf("Extract found no cover")
	}
	want := Cover{
		RegistrantName:     "ACME WIDGETS HOLDINGS, INC.",
		CIK:                "0009990001",
		DocumentType:       "8-K",
		PeriodEndDate:      "2024-03-15",
		IncorporationState: "DE",
		FileNumber:         "001-99999",
		TaxID:              "99-1234567",
		AddressLine1:       "100 Example Parkway",
		AddressLine2:       "Suite 400",
		City:               "Springfield",
		StateOrProvince:    "IL",
		PostalCode:         "62701",
		CityAreaCode:       "217",
		LocalPhoneNumber:   "555-0100",
		Securities: []Security{
			{Title: "Common Stock, $0.01 par value", TradingSymbol: "ACMW", Exchange: "NASDAQ"},
			{Title: "4.500% Notes due 2031", TradingSymbol: "ACMW31", Exchange: "NYSEAMER"},
		},
		EmergingGrowthCompany:            boolp(true),
		AmendmentFlag:                    boolp(false),
		WrittenCommunications:            boolp(false), // fixed-false wins over the ☒ glyph
		SolicitingMaterial:               boolp(true),
		PreCommencementTenderOffer:       boolp(false),
		PreCommencementIssuerTenderOffer: boolp(false),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Extract:\n got %+v\nwant %+v", got, want)
		for _, f := range []struct {
			name string
			g, w *bool
		}{{"EGC", got.EmergingGrowthCompany, want.EmergingGrowthCompany}, {"Written", got.WrittenCommunications, want.WrittenCommunications},
			{"Soliciting", got.SolicitingMaterial, want.SolicitingMaterial}, {"Tender", got.PreCommencementTenderOffer, want.PreCommencementTenderOffer},
			{"Issuer", got.PreCommencementIssuerTenderOffer, want.PreCommencementIssuerTenderOffer}, {"Amend", got.AmendmentFlag, want.AmendmentFlag}} {
			if (f.g == nil) != (f.w == nil) || (f.g != nil && *f.g != *f.w) {
				t.Errorf("%s: got %v want %v", f.name, deref(f.g), deref(f.w))
			}
		}
	}
}

func deref(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

func TestExtractNone(t *testing.T) {
	for _, in := range []string{
		"", "<html><body><p>FORM 8-K</p></body></html>",
		`<html><body><ix:nonNumeric name="us-gaap:Revenues" contextRef="c">1</ix:nonNumeric></body></html>`,
	} {
		if c, ok := Extract([]byte(in)); ok {
			t.Errorf("Extract(%q) = %+v, true; want false", in, c)
		}
	}
}

func TestTransforms(t *testing.T) {
	tests := []struct{ local, format, in, want string }{
		{"DocumentPeriodEndDate", "date-monthname-day-year-en", "November 22, 2024", "2024-11-22"},
		{"DocumentPeriodEndDate", "datemonthdayyearen", "Jan. 5, 2021", "2021-01-05"},
		{"DocumentPeriodEndDate", "date-month-day-year", "12/31/2023", "2023-12-31"},
		{"DocumentPeriodEndDate", "date-day-month-year", "31.12.2023", "2023-12-31"},
		{"DocumentPeriodEndDate", "", "2023-12-31", "2023-12-31"},
		{"EntityIncorporationStateCountryCode", "stateprovnameen", "Delaware", "DE"},
		{"EntityIncorporationStateCountryCode", "", "MD", "MD"},
		{"EntityAddressStateOrProvince", "stateprovnameen", "New York,", "NY"},
		{"SecurityExchangeName", "exchnameen", "New York Stock Exchange", "NYSE"},
		{"SecurityExchangeName", "exchnameen", "The NASDAQ Stock Market LLC", "NASDAQ"},
		{"SecurityExchangeName", "exchnameen", "Nasdaq Global Select Market", "NASDAQ"},
		{"SecurityExchangeName", "exchnameen", "NYSE Arca, Inc.", "NYSEArca"},
		{"SecurityExchangeName", "exchnameen", "Chicago Stock Exchange", "CHX"},
		{"SecurityExchangeName", "", "NYSE", "NYSE"},
		{"AmendmentFlag", "", "false", "false"},
		{"AmendmentFlag", "", "true", "true"},
		{"EntityEmergingGrowthCompany", "boolballotbox", "☐", "false"},
		{"EntityEmergingGrowthCompany", "boolballotbox", "☒", "true"},
		{"EntityEmergingGrowthCompany", "fixed-true", "☐", "true"},
		{"EntityEmergingGrowthCompany", "booleanfalse", "x", "false"},
		{"EntityEmergingGrowthCompany", "", "☒", ""},
		{"CityAreaCode", "", "(212)", "212"},
	}
	for _, tt := range tests {
		if got := transform(tt.local, tt.format, tt.in); got != tt.want {
			t.Errorf("transform(%s, %s, %q) = %q, want %q", tt.local, tt.format, tt.in, got, tt.want)
		}
	}
}

var (
	reISO   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	reCIK   = regexp.MustCompile(`^\d{1,10}$`)
	reTaxID = regexp.MustCompile(`^\d{2}-\d{7}$`)
	reCode  = regexp.MustCompile(`^[A-Z0-9]{2}$`)
)

// corpusDocs returns the documents of the primary corpus and the
// <TEXT> bodies of the documents inside the complete submission files.
func corpusDocs(t *testing.T) map[string][]byte {
	t.Helper()
	shared := corpus.Dir(t)
	docs := map[string][]byte{}
	dir := filepath.Join(shared, "corpus", "primary")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		docs[e.Name()] = b
	}
	dir = filepath.Join(shared, "corpus", "submissions")
	ents, err = os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read submissions: %v", err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		for i, rest := 0, b; ; i++ {
			s := bytes.Index(rest, []byte("<TEXT>"))
			if s < 0 {
				break
			}
			rest = rest[s+len("<TEXT>"):]
			end := bytes.Index(rest, []byte("</TEXT>"))
			if end < 0 {
				end = len(rest)
			}
			docs[fmt.Sprintf("%s#%d", e.Name(), i+1)] = rest[:end]
			rest = rest[end:]
		}
	}
	return docs
}

// TestExtractCorpus runs Extract on every document of the corpus and, for
// those that carry dei tags, checks the values against the rendered cover
// page text.
func TestExtractCorpus(t *testing.T) {
	docs := corpusDocs(t)
	tagged, covers := 0, 0
	for name, b := range docs {
		hasDei := bytes.Contains(b, []byte(`name="dei:EntityRegistrantName"`))
		if hasDei {
			tagged++
		}
		c, ok := Extract(b)
		if !ok {
			if hasDei {
				t.Errorf("%s: dei tags present but no cover", name)
			}
			continue
		}
		covers++
		if hasDei {
			checkCover(t, name, b, c)
		}
	}
	if tagged < 30 {
		t.Fatalf("only %d dei-tagged documents in the corpus", tagged)
	}
	t.Logf("%d documents, %d with dei:EntityRegistrantName, %d covers extracted", len(docs), tagged, covers)
}

// checkCover compares an extracted cover with the text of its document.
func checkCover(t *testing.T, name string, b []byte, c Cover) {
	t.Helper()
	has := func(fact string) bool { return bytes.Contains(b, []byte(`"dei:`+fact+`"`)) }
	text := strings.ToUpper(textconv.HTMLToText(b))
	alnum := alnumOnly(text)
	if c.RegistrantName == "" || !strings.Contains(alnum, alnumOnly(c.RegistrantName)) {
		t.Errorf("%s: registrant name %q not on the page", name, c.RegistrantName)
	}
	if !reCIK.MatchString(c.CIK) {
		t.Errorf("%s: CIK %q", name, c.CIK)
	}
	if c.DocumentType == "" {
		t.Errorf("%s: no document type", name)
	}
	if strings.HasPrefix(c.DocumentType, "8-K") || strings.HasPrefix(c.DocumentType, "10-") {
		if has("DocumentPeriodEndDate") && !reISO.MatchString(c.PeriodEndDate) {
			t.Errorf("%s: period %q", name, c.PeriodEndDate)
		}
		if has("EntityIncorporationStateCountryCode") && !reCode.MatchString(c.IncorporationState) ||
			has("EntityAddressStateOrProvince") && !reCode.MatchString(c.StateOrProvince) {
			t.Errorf("%s: state codes %q %q", name, c.IncorporationState, c.StateOrProvince)
		}
		if has("EntityTaxIdentificationNumber") && (!reTaxID.MatchString(c.TaxID) || !strings.Contains(text, c.TaxID)) {
			t.Errorf("%s: tax id %q", name, c.TaxID)
		}
		if has("EntityFileNumber") && (c.FileNumber == "" || !strings.Contains(text, c.FileNumber)) {
			t.Errorf("%s: file number %q", name, c.FileNumber)
		}
		if has("EntityAddressCityOrTown") && (c.City == "" || !strings.Contains(text, strings.ToUpper(c.City))) {
			t.Errorf("%s: city %q", name, c.City)
		}
		if has("AmendmentFlag") && c.AmendmentFlag == nil || has("EntityEmergingGrowthCompany") && c.EmergingGrowthCompany == nil {
			t.Errorf("%s: amendment/EGC flags missing", name)
		}
	}
	if has("WrittenCommunications") && c.WrittenCommunications == nil {
		t.Errorf("%s: 8-K without check boxes", name)
	}
	for _, s := range c.Securities {
		switch s.Exchange {
		case "NYSE", "NASDAQ", "NYSEAMER", "NYSEArca", "CHX", "CBOE", "CboeBZX", "IEX", "BX", "PHLX":
		default:
			t.Errorf("%s: exchange %q not a dei code", name, s.Exchange)
		}
		if s.Title == "" || !strings.Contains(alnum, alnumOnly(s.Title)) {
			t.Errorf("%s: security title %q not on the page", name, s.Title)
		}
	}
}

// alnumOnly keeps the upper-cased letters and digits of s.
func alnumOnly(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		}
		return -1
	}, s)
}

func TestExtractKnownValues(t *testing.T) {
	dir := filepath.Join(corpus.Dir(t), "corpus", "primary")
	b, err := os.ReadFile(filepath.Join(dir, "0000320193-24-000005-aapl-20240201.htm"))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	c, ok := Extract(b)
	if !ok {
		t.Fatal("no cover")
	}
	if c.RegistrantName != "Apple Inc." || c.CIK != "0000320193" || c.PeriodEndDate != "2024-02-01" ||
		c.IncorporationState != "CA" || c.TaxID != "94-2404110" || c.FileNumber != "001-36743" ||
		c.City != "Cupertino" || c.StateOrProvince != "CA" || c.PostalCode != "95014" {
		t.Errorf("Apple cover: %+v", c)
	}
	if len(c.Securities) != 9 || c.Securities[0] != (Security{"Common Stock, $0.00001 par value per share", "AAPL", "NASDAQ"}) {
		t.Errorf("Apple securities: %+v", c.Securities)
	}
	if c.EmergingGrowthCompany == nil || *c.EmergingGrowthCompany || c.WrittenCommunications == nil || *c.WrittenCommunications {
		t.Errorf("Apple check boxes wrong")
	}
}

func FuzzExtract(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "acme-8k-ixbrl.htm")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`<html xmlns:dei="http://xbrl.sec.gov/dei/2023"><ix:nonNumeric name="dei:DocumentType" continuedAt="a"><ix:continuation id="a" continuedAt="a">x`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, ok := Extract(b)
		if !ok && !reflect.DeepEqual(c, Cover{}) {
			t.Fatalf("not ok but cover %+v", c)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	dir := filepath.Join(corpus.Dir(b), "corpus", "primary")
	data, err := os.ReadFile(filepath.Join(dir, "amzn-10-k-2025-02-07.html"))
	if err != nil {
		b.Skipf("benchmark file absent: %v", err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Extract(data)
	}
}

// TestReaderFedByRenderer checks that a Reader fed the text renderer's
// tokens (one tokenisation, as the parser reads documents) finds exactly
// what Extract, tokenising on its own, finds.
func TestReaderFedByRenderer(t *testing.T) {
	docs := corpusDocs(t)
	docs["fixture"] = []byte(`<html xmlns:dei="http://xbrl.sec.gov/dei/2023"><body>` +
		"<ix:nonNumeric name=\"dei:EntityRegistrantName\" contextRef=\"c\" continuedAt=\"k\">Acme\r\n</ix:nonNumeric>" +
		`<div style="display:none"><ix:continuation id="k">Corp</ix:continuation></div></body></html>`)
	for name, b := range docs {
		want, wantOK := Extract(b)
		r := NewReader()
		if _, tapped := textconv.HTMLToTextTap(b, r); !tapped {
			continue // a legacy charset: the parser calls Extract
		}
		got, ok := r.Cover()
		if ok != wantOK || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fed by the renderer %v %+v, Extract %v %+v", name, ok, got, wantOK, want)
		}
	}
}
