package submissions

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
)

func sharedJSON(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t), "corpus", "json", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "json", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// independent is what encoding/json alone says about a submissions file.
type independent struct {
	CIK     string   `json:"cik"`
	Tickers []string `json:"tickers"`
	Filings struct {
		Recent map[string][]any `json:"recent"`
	} `json:"filings"`
	FormerNames []map[string]any `json:"formerNames"`
}

func TestApple(t *testing.T) {
	data := sharedJSON(t, "CIK0000320193.json")
	if !Detect("CIK0000320193.json", data[:2048]) {
		t.Error("Detect: false")
	}
	doc, err := Parse("CIK0000320193.json", data)
	if err != nil {
		t.Fatal(err)
	}
	var ind independent
	if err := json.Unmarshal(data, &ind); err != nil {
		t.Fatal(err)
	}
	c := doc.Company
	if doc.Kind != Submissions || doc.CIK != 320193 || c.Name != "Apple Inc." || c.SIC != 3571 || c.SICDescription != "Electronic Computers" {
		t.Errorf("company %+v", c)
	}
	if len(c.Tickers) != 1 || c.Tickers[0] != "AAPL" || c.Exchanges[0] != "Nasdaq" || len(doc.Tickers) != 1 || doc.Tickers[0].Ordinal != 1 {
		t.Errorf("tickers %v %v %+v", c.Tickers, c.Exchanges, doc.Tickers)
	}
	if c.EIN != "942404110" || c.FiscalYearEnd != "0930" || c.StateOfIncorporation != "CA" || c.Phone != "(408) 996-1010" ||
		c.Category != "Large accelerated filer" || c.EntityType != "operating" || c.Business.City != "CUPERTINO" || c.Mailing.Street1 != "ONE APPLE PARK WAY" ||
		c.Business.Street2 != "" || c.InsiderTransactionForIssuerExists == nil || !*c.InsiderTransactionForIssuerExists {
		t.Errorf("company facts %+v", c)
	}
	if len(c.FormerNames) != len(ind.FormerNames) || c.FormerNames[1].Name != "APPLE COMPUTER INC" ||
		c.FormerNames[1].From.Format("2006-01-02") != "1994-01-26" || c.FormerNames[1].To.Format("2006-01-02") != "2007-01-04" {
		t.Errorf("former names %+v", c.FormerNames)
	}
	if n := len(ind.Filings.Recent["accessionNumber"]); len(doc.Filings) != n || n != 1000 || doc.Malformed != 0 {
		t.Errorf("%d filings (%d malformed), want %d", len(doc.Filings), doc.Malformed, n)
	}
	f := doc.Filings[0]
	if f.AccessionNumber != "0000320193-23-000079" || f.Form != "4" || f.FilingDate.Format("2006-01-02") != "2023-08-08" ||
		f.ReportDate.Format("2006-01-02") != "2023-08-05" || f.AcceptanceDateTime.Format("2006-01-02T15:04:05Z07:00") != "2023-08-08T18:30:28Z" ||
		f.Size != 10893 || f.IsXBRL || f.PrimaryDocument != "xslF345X05/wk-form4_1691533817.xml" || f.PrimaryDocDescription != "FORM 4" {
		t.Errorf("first filing %+v", f)
	}
	if len(doc.Pages) != 1 || doc.Pages[0].Name != "CIK0000320193-submissions-001.json" || doc.Pages[0].FilingCount != 988 {
		t.Errorf("pages %+v", doc.Pages)
	}
	eightKs := 0
	for _, f := range doc.Filings {
		if f.Form == "8-K" {
			eightKs++
			if f.Items == "" && f.FilingDate.Year() > 2005 {
				t.Errorf("8-K %s without items", f.AccessionNumber)
			}
		}
	}
	if eightKs == 0 {
		t.Error("no 8-K among Apple's recent filings")
	}
}

func TestApplePage(t *testing.T) {
	data := sharedJSON(t, "CIK0000320193-submissions-001.json")
	if !Detect("x.json", data[:2048]) {
		t.Error("Detect: false")
	}
	doc, err := Parse("/some/dir/CIK0000320193-submissions-001.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != Page || doc.CIK != 320193 || len(doc.Filings) != 988 || doc.Company != nil {
		t.Errorf("page: kind %s, CIK %d, %d filings", doc.Kind, doc.CIK, len(doc.Filings))
	}
	if _, err := Parse("page.json", data); err == nil || !strings.Contains(err.Error(), "CIK##########-submissions-NNN.json") {
		t.Errorf("page without a CIK in its name: %v", err)
	}
}

func TestPrettyPrintedTesla(t *testing.T) {
	doc, err := Parse("company_submission.json", sharedJSON(t, "company_submission.json"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.CIK != 1318605 || doc.Company.Name != "Tesla, Inc." || len(doc.Filings) != 1001 || doc.Company.SICDescription != "Motor Vehicles & Passenger Car Bodies" ||
		len(doc.Company.FormerNames) != 1 || doc.Company.FormerNames[0].Name != "TESLA MOTORS INC" {
		t.Errorf("tesla: CIK %d, %d filings, %+v", doc.CIK, len(doc.Filings), doc.Company)
	}
}

func TestCompanyTickers(t *testing.T) {
	data := sharedJSON(t, "company_tickers.json")
	if !Detect("company_tickers.json", data[:2048]) {
		t.Error("Detect: false")
	}
	doc, err := Parse("company_tickers.json", data)
	if err != nil {
		t.Fatal(err)
	}
	var ind map[string]map[string]any
	if err := json.Unmarshal(data, &ind); err != nil {
		t.Fatal(err)
	}
	if doc.Kind != Tickers || len(doc.Tickers)+doc.Malformed != len(ind) || doc.Malformed != 0 {
		t.Errorf("%d tickers + %d malformed, file has %d", len(doc.Tickers), doc.Malformed, len(ind))
	}
	if a := doc.Tickers[1]; a.CIK != 320193 || a.Ticker != "AAPL" || a.Title != "Apple Inc." || a.Ordinal != 1 || a.Exchange != "" {
		t.Errorf("second ticker %+v", a)
	}
}

func TestFixtures(t *testing.T) {
	doc, err := Parse("CIK0000999001.json", fixture(t, "CIK0000999001.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Filings) != 3 || doc.Malformed != 1 || doc.MalformedRows[0] != 3 || !strings.Contains(doc.MalformedReasons[0], "bogus") {
		t.Errorf("%d filings, malformed %d %v %v", len(doc.Filings), doc.Malformed, doc.MalformedRows, doc.MalformedReasons)
	}
	if len(doc.Tickers) != 2 || doc.Tickers[1].Ticker != "NWHH-PA" || doc.Tickers[1].Exchange != "NYSE" || doc.Tickers[1].Ordinal != 2 {
		t.Errorf("tickers %+v", doc.Tickers)
	}
	if doc.Company.LEI != "" || doc.Company.Mailing.Street2 != "" || doc.Company.Business.Street2 != "SUITE 9" || doc.Company.OwnerOrg != "01 Energy & Transportation" {
		t.Errorf("company %+v", doc.Company)
	}
	// Re-serialized with sorted keys ("addresses" first): still recognized.
	var m map[string]any
	if err := json.Unmarshal(fixture(t, "CIK0000999001.json"), &m); err != nil {
		t.Fatal(err)
	}
	sorted, _ := json.Marshal(m)
	if !Detect("x.json", sorted[:1024]) {
		t.Error("Detect: false on sorted keys")
	}
	if again, err := Parse("x.json", sorted); err != nil || again.CIK != 999001 || len(again.Filings) != 3 {
		t.Errorf("sorted keys: %v", err)
	}
	page, err := Parse("CIK0000999001-submissions-001.json", fixture(t, "CIK0000999001-submissions-001.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Filings) != 2 || page.Filings[1].AccessionNumber != "0000999001-96-000001" || !page.Filings[1].ReportDate.IsZero() {
		t.Errorf("page filings %+v", page.Filings)
	}
	tick, err := Parse("company_tickers.json", fixture(t, "company_tickers.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tick.Tickers) != 3 || tick.Malformed != 1 || tick.Tickers[2].Ticker != "NWHH-PA" || tick.Tickers[2].Ordinal != 2 {
		t.Errorf("company_tickers %+v malformed %d", tick.Tickers, tick.Malformed)
	}
	ex, err := Parse("company_tickers_exchange.json", fixture(t, "company_tickers_exchange.json"))
	if err != nil {
		t.Fatal(err)
	}
	if ex.Kind != TickersExchange || len(ex.Tickers) != 3 || ex.Malformed != 1 || ex.Tickers[1].Exchange != "NYSE" || ex.Tickers[2].Exchange != "" {
		t.Errorf("company_tickers_exchange %+v malformed %d", ex.Tickers, ex.Malformed)
	}
}

func TestDirectoryListingAndOthers(t *testing.T) {
	listing := sharedJSON(t, "0001213900-24-004875-index.json")
	if !Detect("0001213900-24-004875-index.json", listing) {
		t.Error("Detect: a directory listing must be routed here to be refused clearly")
	}
	if _, err := Parse("0001213900-24-004875-index.json", listing); !errors.Is(err, ErrDirectoryListing) ||
		err.Error() != "EDGAR directory listing, not a filing" {
		t.Errorf("directory listing: %v", err)
	}
	for name, in := range map[string]string{
		"array":      `[1,2]`,
		"other":      `{"hello":"world"}`,
		"empty":      `{}`,
		"not json":   `<html>`,
		"nothing":    ``,
		"bad cik":    `{"cik":"x","filings":{}}`,
		"ragged":     `{"cik":"1","filings":{"recent":{"accessionNumber":["0000000001-24-000001"],"filingDate":[],"form":["8-K"]}}}`,
		"no form":    `{"cik":"1","filings":{"recent":{"accessionNumber":["0000000001-24-000001"],"filingDate":["2024-01-01"]}}}`,
		"bad fields": `{"fields":["name"],"data":[]}`,
		"type":       `{"cik":"1","tickers":[{"a":1}]}`,
		"truncated":  `{"cik":"1","filings":{"recent":{"accessionNumber":["00`,
	} {
		if _, err := Parse(name, []byte(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if Detect("x", []byte(`{"hello":1}`)) || Detect("x", []byte("CIK|Company Name")) {
		t.Error("Detect: true on other input")
	}
}
