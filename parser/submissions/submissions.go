// Package submissions reads the JSON that SEC publishes about registrants:
// the submissions API files CIK##########.json (company facts, former
// names, tickers and the filings.recent column arrays) and their older
// history pages CIK##########-submissions-NNN.json (the bare column
// arrays), company_tickers.json and company_tickers_exchange.json. It is
// pure: bytes in, typed values out (encoding/json; the big column arrays
// are decoded into typed slices, then turned into rows).
//
// An EDGAR directory listing (a filing folder's index.json) is recognized
// and refused with ErrDirectoryListing.
package submissions

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/edgarload/edgarload/parser/internal/codes"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is the kind of JSON file.
type Kind string

// The JSON files this package reads.
const (
	// Submissions is CIK##########.json of data.sec.gov/submissions.
	Submissions Kind = "submissions"
	// Page is an older-history page CIK##########-submissions-NNN.json.
	Page Kind = "submissions-page"
	// Tickers is company_tickers.json.
	Tickers Kind = "company_tickers"
	// TickersExchange is company_tickers_exchange.json.
	TickersExchange Kind = "company_tickers_exchange"
)

// ErrDirectoryListing is returned (wrapped) for an EDGAR directory listing
// (a filing folder's index.json): it describes a folder, it is not a filing.
var ErrDirectoryListing = errors.New("EDGAR directory listing, not a filing")

// ErrNotSubmissions is returned (wrapped) for JSON this package does not read.
var ErrNotSubmissions = errors.New("not a submissions, company_tickers or company_tickers_exchange JSON file")

// Document is one parsed JSON file.
type Document struct {
	Kind    Kind
	CIK     int64    // Submissions and Page: the registrant
	Company *Company // Submissions only
	Filings []Filing // Submissions (filings.recent) and Page
	Pages   []PageRef
	Tickers []Ticker // Tickers, TickersExchange (and, for Submissions, Company.Tickers as rows)
	// Malformed counts rows skipped because a required value was missing or
	// invalid (accession number, filing date, form; CIK or ticker);
	// MalformedRows holds the first MaxReported of them (from 1) with reasons.
	Malformed        int
	MalformedRows    []int
	MalformedReasons []string
}

// MaxReported bounds Document.MalformedRows.
const MaxReported = 10

// Company is the registrant facts of a submissions JSON file.
type Company struct {
	CIK                               int64
	Name                              string
	EntityType                        string
	SIC                               int // 0 when none
	SICDescription                    string
	OwnerOrg                          string
	InsiderTransactionForOwnerExists  *bool
	InsiderTransactionForIssuerExists *bool
	Tickers                           []string
	Exchanges                         []string // parallel to Tickers ("" when missing)
	EIN                               string
	LEI                               string
	Description                       string
	Website                           string
	InvestorWebsite                   string
	Category                          string
	FiscalYearEnd                     string // MMDD
	StateOfIncorporation              string
	StateOfIncorporationDescription   string
	Phone                             string
	Flags                             string
	Mailing                           Address
	Business                          Address
	FormerNames                       []FormerName
}

// Address is a mailing or business address of a submissions JSON file.
type Address struct {
	Street1, Street2, City, StateOrCountry, ZipCode, StateOrCountryDescription string
}

// FormerName is one formerNames entry; From and To are zero when absent.
type FormerName struct {
	Name     string
	From, To time.Time
}

// Filing is one row of the filings column arrays. Dates are zero when
// absent.
type Filing struct {
	AccessionNumber       string // NNNNNNNNNN-YY-NNNNNN
	FilingDate            time.Time
	ReportDate            time.Time
	AcceptanceDateTime    time.Time // as given (nominally UTC; EDGAR sometimes writes the Eastern clock)
	Act                   string
	Form                  string
	FileNumber            string
	FilmNumber            string
	Items                 string // comma list, e.g. "2.02,9.01"
	Size                  int64
	IsXBRL                bool
	IsInlineXBRL          bool
	PrimaryDocument       string
	PrimaryDocDescription string
}

// PageRef is one filings.files entry: an older-history page.
type PageRef struct {
	Name                 string
	FilingCount          int
	FilingFrom, FilingTo time.Time
}

// Ticker is one ticker of a registrant. Ordinal is its position among the
// registrant's tickers in the file, from 1.
type Ticker struct {
	CIK      int64
	Ticker   string
	Exchange string // "" when the file gives none (company_tickers.json)
	Title    string // company name given beside it ("" in submissions JSON)
	Ordinal  int
}

// Detect reports whether head, the first bytes of the file called name
// (gzip is decompressed as far as head goes), is JSON this package
// reads — or an EDGAR directory listing, which Parse refuses with a clear
// error (so that a loader routes it here rather than to the filing parser).
// It looks at the top-level keys that head holds whole, in any order.
func Detect(name string, head []byte) bool {
	_ = name
	head = gunzipHead(head)
	k := kindOf(topKeys(head))
	if k == Tickers {
		return bytes.Contains(head, []byte(`"cik_str"`))
	}
	return k != ""
}

// Parse reads one JSON file; name (its path or base name) gives the CIK of
// a history page, whose content does not carry it.
func Parse(name string, data []byte) (*Document, error) {
	keys := topKeys(data)
	switch kindOf(keys) {
	case Submissions:
		return parseSubmissions(data)
	case Page:
		return parsePage(name, data)
	case Tickers:
		return parseTickers(data)
	case TickersExchange:
		return parseTickersExchange(data)
	case listing:
		return nil, ErrDirectoryListing
	}
	if !json.Valid(data) {
		return nil, fmt.Errorf("%w: not valid JSON", ErrNotSubmissions)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%w: not a JSON object with keys", ErrNotSubmissions)
	}
	return nil, fmt.Errorf("%w: top-level keys %q", ErrNotSubmissions, keys[:min(len(keys), 5)])
}

// listing is the kind of an EDGAR directory listing (refused).
const listing Kind = "directory-listing"

// kindOf tells the kind of a file from its top-level keys.
func kindOf(keys []string) Kind {
	has := map[string]bool{}
	for _, k := range keys {
		has[k] = true
	}
	switch {
	case has["directory"]:
		return listing
	case has["cik"] && (has["filings"] || has["entityType"] || has["sicDescription"] || has["name"]):
		return Submissions
	case has["accessionNumber"]:
		return Page
	case has["fields"]:
		return TickersExchange
	case len(keys) > 0 && allDigits(keys[0]):
		return Tickers
	}
	return ""
}

// topKeys returns the keys of the top-level JSON object in data (after a
// UTF-8 byte order mark), as far as data holds them whole: a cut head
// gives the keys before the cut.
func topKeys(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return keys
		}
		k, ok := t.(string)
		if !ok {
			return keys
		}
		keys = append(keys, k)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return keys
		}
	}
	return keys
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func gunzipHead(head []byte) []byte {
	if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
		return head
	}
	gz, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(gz) // a cut stream gives what it could
	return out
}

// rawSubmissions is the submissions JSON as encoding/json sees it.
type rawSubmissions struct {
	CIK                               flexString   `json:"cik"`
	EntityType                        flexString   `json:"entityType"`
	SIC                               flexString   `json:"sic"`
	SICDescription                    flexString   `json:"sicDescription"`
	OwnerOrg                          flexString   `json:"ownerOrg"`
	InsiderTransactionForOwnerExists  *flexInt     `json:"insiderTransactionForOwnerExists"`
	InsiderTransactionForIssuerExists *flexInt     `json:"insiderTransactionForIssuerExists"`
	Name                              flexString   `json:"name"`
	Tickers                           []flexString `json:"tickers"`
	Exchanges                         []flexString `json:"exchanges"`
	EIN                               flexString   `json:"ein"`
	LEI                               flexString   `json:"lei"`
	Description                       flexString   `json:"description"`
	Website                           flexString   `json:"website"`
	InvestorWebsite                   flexString   `json:"investorWebsite"`
	Category                          flexString   `json:"category"`
	FiscalYearEnd                     flexString   `json:"fiscalYearEnd"`
	StateOfIncorporation              flexString   `json:"stateOfIncorporation"`
	StateOfIncorporationDescription   flexString   `json:"stateOfIncorporationDescription"`
	Addresses                         struct {
		Mailing  rawAddress `json:"mailing"`
		Business rawAddress `json:"business"`
	} `json:"addresses"`
	Phone       flexString `json:"phone"`
	Flags       flexString `json:"flags"`
	FormerNames []struct {
		Name flexString `json:"name"`
		From flexString `json:"from"`
		To   flexString `json:"to"`
	} `json:"formerNames"`
	Filings struct {
		Recent columns `json:"recent"`
		Files  []struct {
			Name        flexString `json:"name"`
			FilingCount flexInt    `json:"filingCount"`
			FilingFrom  flexString `json:"filingFrom"`
			FilingTo    flexString `json:"filingTo"`
		} `json:"files"`
	} `json:"filings"`
}

type rawAddress struct {
	Street1                   flexString `json:"street1"`
	Street2                   flexString `json:"street2"`
	City                      flexString `json:"city"`
	StateOrCountry            flexString `json:"stateOrCountry"`
	ZipCode                   flexString `json:"zipCode"`
	StateOrCountryDescription flexString `json:"stateOrCountryDescription"`
}

func (a rawAddress) address() Address {
	return Address{Street1: a.Street1.s(), Street2: a.Street2.s(), City: a.City.s(), StateOrCountry: a.StateOrCountry.s(),
		ZipCode: a.ZipCode.s(), StateOrCountryDescription: a.StateOrCountryDescription.s()}
}

func parseSubmissions(data []byte) (*Document, error) {
	var raw rawSubmissions
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("submissions JSON: %w", err)
	}
	cik, err := strconv.ParseInt(strings.TrimSpace(raw.CIK.s()), 10, 64)
	if err != nil || cik <= 0 {
		return nil, fmt.Errorf("submissions JSON: cik %q is not a positive number", raw.CIK.s())
	}
	c := &Company{
		CIK: cik, Name: raw.Name.s(), EntityType: raw.EntityType.s(), SICDescription: raw.SICDescription.s(),
		OwnerOrg: raw.OwnerOrg.s(), EIN: codes.IRSNumber(raw.EIN.s()), LEI: raw.LEI.s(), Description: raw.Description.s(),
		Website: raw.Website.s(), InvestorWebsite: raw.InvestorWebsite.s(), Category: raw.Category.s(),
		FiscalYearEnd: raw.FiscalYearEnd.s(), StateOfIncorporation: raw.StateOfIncorporation.s(),
		StateOfIncorporationDescription: raw.StateOfIncorporationDescription.s(), Phone: raw.Phone.s(),
		Flags: raw.Flags.s(), Mailing: raw.Addresses.Mailing.address(), Business: raw.Addresses.Business.address(),
		InsiderTransactionForOwnerExists:  raw.InsiderTransactionForOwnerExists.boolPtr(),
		InsiderTransactionForIssuerExists: raw.InsiderTransactionForIssuerExists.boolPtr(),
	}
	if n, err := strconv.Atoi(strings.TrimSpace(raw.SIC.s())); err == nil && n > 0 {
		c.SIC = n
	}
	doc := &Document{Kind: Submissions, CIK: cik, Company: c}
	for i, t := range raw.Tickers {
		ex := ""
		if i < len(raw.Exchanges) {
			ex = raw.Exchanges[i].s()
		}
		if t.s() == "" {
			continue
		}
		c.Tickers = append(c.Tickers, t.s())
		c.Exchanges = append(c.Exchanges, ex)
		doc.Tickers = append(doc.Tickers, Ticker{CIK: cik, Ticker: t.s(), Exchange: ex, Ordinal: len(c.Tickers)})
	}
	for _, fn := range raw.FormerNames {
		if fn.Name.s() == "" {
			continue
		}
		c.FormerNames = append(c.FormerNames, FormerName{Name: fn.Name.s(), From: isoDate(fn.From.s()), To: isoDate(fn.To.s())})
	}
	for _, f := range raw.Filings.Files {
		doc.Pages = append(doc.Pages, PageRef{Name: f.Name.s(), FilingCount: int(f.FilingCount),
			FilingFrom: isoDate(f.FilingFrom.s()), FilingTo: isoDate(f.FilingTo.s())})
	}
	if err := raw.Filings.Recent.rows(doc); err != nil {
		return nil, fmt.Errorf("submissions JSON filings.recent: %w", err)
	}
	return doc, nil
}

var pageNameRe = regexp.MustCompile(`(?i)CIK0*([0-9]{1,10})-submissions-[0-9]+\.json`)

func parsePage(name string, data []byte) (*Document, error) {
	m := pageNameRe.FindStringSubmatch(path.Base(strings.ReplaceAll(name, "\\", "/")))
	if m == nil {
		return nil, errors.New("submissions page: no CIK in the file name (want CIK##########-submissions-NNN.json)")
	}
	cik, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil || cik <= 0 {
		return nil, fmt.Errorf("submissions page: CIK %q in the file name is not a positive number", m[1])
	}
	var cols columns
	if err := json.Unmarshal(data, &cols); err != nil {
		return nil, fmt.Errorf("submissions page: %w", err)
	}
	doc := &Document{Kind: Page, CIK: cik}
	if err := cols.rows(doc); err != nil {
		return nil, fmt.Errorf("submissions page: %w", err)
	}
	return doc, nil
}

// columns is a filings column-array block (filings.recent, or a page).
type columns struct {
	AccessionNumber       []flexString `json:"accessionNumber"`
	FilingDate            []flexString `json:"filingDate"`
	ReportDate            []flexString `json:"reportDate"`
	AcceptanceDateTime    []flexString `json:"acceptanceDateTime"`
	Act                   []flexString `json:"act"`
	Form                  []flexString `json:"form"`
	FileNumber            []flexString `json:"fileNumber"`
	FilmNumber            []flexString `json:"filmNumber"`
	Items                 []flexString `json:"items"`
	Size                  []flexInt    `json:"size"`
	IsXBRL                []flexInt    `json:"isXBRL"`
	IsInlineXBRL          []flexInt    `json:"isInlineXBRL"`
	PrimaryDocument       []flexString `json:"primaryDocument"`
	PrimaryDocDescription []flexString `json:"primaryDocDescription"`
}

// rows checks that every column has one value per accession number and
// appends the rows to doc, skipping (and counting) malformed ones.
func (c *columns) rows(doc *Document) error {
	n := len(c.AccessionNumber)
	for _, col := range []struct {
		name string
		len  int
	}{
		{"filingDate", len(c.FilingDate)}, {"reportDate", len(c.ReportDate)}, {"acceptanceDateTime", len(c.AcceptanceDateTime)},
		{"act", len(c.Act)}, {"form", len(c.Form)}, {"fileNumber", len(c.FileNumber)}, {"filmNumber", len(c.FilmNumber)},
		{"items", len(c.Items)}, {"size", len(c.Size)}, {"isXBRL", len(c.IsXBRL)}, {"isInlineXBRL", len(c.IsInlineXBRL)},
		{"primaryDocument", len(c.PrimaryDocument)}, {"primaryDocDescription", len(c.PrimaryDocDescription)},
	} {
		// A column missing altogether is allowed (older files lack some);
		// one of another length means the arrays do not line up.
		if col.len != 0 && col.len != n {
			return fmt.Errorf("column %s has %d values, accessionNumber has %d", col.name, col.len, n)
		}
	}
	if n > 0 && (len(c.FilingDate) == 0 || len(c.Form) == 0) {
		return errors.New("columns filingDate and form are required")
	}
	for i := 0; i < n; i++ {
		f := Filing{
			AccessionNumber:       normalizeAccession(c.AccessionNumber[i].s()),
			FilingDate:            isoDate(c.FilingDate[i].s()),
			ReportDate:            isoDate(at(c.ReportDate, i)),
			AcceptanceDateTime:    isoTime(at(c.AcceptanceDateTime, i)),
			Act:                   at(c.Act, i),
			Form:                  strings.TrimSpace(c.Form[i].s()),
			FileNumber:            at(c.FileNumber, i),
			FilmNumber:            at(c.FilmNumber, i),
			Items:                 at(c.Items, i),
			PrimaryDocument:       at(c.PrimaryDocument, i),
			PrimaryDocDescription: at(c.PrimaryDocDescription, i),
		}
		if i < len(c.Size) {
			f.Size = int64(c.Size[i])
		}
		if i < len(c.IsXBRL) {
			f.IsXBRL = c.IsXBRL[i] != 0
		}
		if i < len(c.IsInlineXBRL) {
			f.IsInlineXBRL = c.IsInlineXBRL[i] != 0
		}
		switch {
		case f.AccessionNumber == "":
			doc.malformed(i+1, fmt.Sprintf("accessionNumber %q is not NNNNNNNNNN-YY-NNNNNN", c.AccessionNumber[i].s()))
		case f.FilingDate.IsZero():
			doc.malformed(i+1, fmt.Sprintf("filingDate %q is not YYYY-MM-DD", c.FilingDate[i].s()))
		case f.Form == "":
			doc.malformed(i+1, "empty form")
		default:
			doc.Filings = append(doc.Filings, f)
		}
	}
	return nil
}

func (d *Document) malformed(row int, reason string) {
	d.Malformed++
	if len(d.MalformedRows) < MaxReported {
		d.MalformedRows = append(d.MalformedRows, row)
		d.MalformedReasons = append(d.MalformedReasons, reason)
	}
}

func at(col []flexString, i int) string {
	if i < len(col) {
		return col[i].s()
	}
	return ""
}

var accessionRe = regexp.MustCompile(`^[0-9]{10}-[0-9]{2}-[0-9]{6}$`)

// normalizeAccession returns s as NNNNNNNNNN-YY-NNNNNN (18 bare digits are
// dashed), or "" when it is neither form.
func normalizeAccession(s string) string {
	s = strings.TrimSpace(s)
	if accessionRe.MatchString(s) {
		return s
	}
	if len(s) == 18 {
		if _, err := strconv.ParseUint(s, 10, 64); err == nil {
			return s[:10] + "-" + s[10:12] + "-" + s[12:]
		}
	}
	return ""
}

// isoDate reads the date at the start of s (YYYY-MM-DD, also the date part
// of an ISO timestamp); zero when there is none.
func isoDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil || t.Year() < 1900 {
		return time.Time{}
	}
	return t
}

// isoTime reads an acceptanceDateTime such as 2023-08-08T18:30:28.000Z;
// zero when it is not one.
func isoTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1900 {
			return t.UTC()
		}
	}
	return time.Time{}
}

func parseTickers(data []byte) (*Document, error) {
	var raw map[string]struct {
		CIK    flexInt    `json:"cik_str"`
		Ticker flexString `json:"ticker"`
		Title  flexString `json:"title"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("company_tickers JSON: %w", err)
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { // "2" before "10"
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) < len(keys[j])
		}
		return keys[i] < keys[j]
	})
	doc := &Document{Kind: Tickers}
	ordinal := map[int64]int{}
	for i, k := range keys {
		r := raw[k]
		t := Ticker{CIK: int64(r.CIK), Ticker: strings.TrimSpace(r.Ticker.s()), Title: r.Title.s()}
		if !doc.addTicker(i+1, t, ordinal) {
			continue
		}
	}
	return doc, nil
}

func parseTickersExchange(data []byte) (*Document, error) {
	var raw struct {
		Fields []string       `json:"fields"`
		Data   [][]flexString `json:"data"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("company_tickers_exchange JSON: %w", err)
	}
	pos := map[string]int{}
	for i, f := range raw.Fields {
		pos[f] = i
	}
	for _, need := range []string{"cik", "ticker"} {
		if _, ok := pos[need]; !ok {
			return nil, fmt.Errorf("company_tickers_exchange JSON: no %q in fields %v", need, raw.Fields)
		}
	}
	get := func(row []flexString, field string) string {
		if i, ok := pos[field]; ok && i < len(row) {
			return row[i].s()
		}
		return ""
	}
	doc := &Document{Kind: TickersExchange}
	ordinal := map[int64]int{}
	for i, row := range raw.Data {
		cik, _ := strconv.ParseInt(strings.TrimSpace(get(row, "cik")), 10, 64)
		t := Ticker{CIK: cik, Ticker: strings.TrimSpace(get(row, "ticker")), Exchange: get(row, "exchange"), Title: get(row, "name")}
		doc.addTicker(i+1, t, ordinal)
	}
	return doc, nil
}

// addTicker appends t (numbering it among its CIK's tickers) unless it
// lacks a CIK or a ticker, which counts as malformed row n.
func (d *Document) addTicker(n int, t Ticker, ordinal map[int64]int) bool {
	switch {
	case t.CIK <= 0:
		d.malformed(n, "no positive CIK")
		return false
	case t.Ticker == "":
		d.malformed(n, "empty ticker")
		return false
	}
	ordinal[t.CIK]++
	t.Ordinal = ordinal[t.CIK]
	d.Tickers = append(d.Tickers, t)
	return true
}

// flexString decodes a JSON string, number, boolean or null ("") into
// text safe for PostgreSQL (no NUL bytes, valid UTF-8).
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	var s string
	switch {
	case len(b) > 0 && b[0] == '"':
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	case string(b) == "null":
	case len(b) > 0 && (b[0] == '{' || b[0] == '['):
		return fmt.Errorf("want a string, got %.20s", b)
	default:
		s = string(b)
	}
	if strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s) {
		s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
	}
	*f = flexString(s)
	return nil
}

func (f flexString) s() string { return string(f) }

// flexInt decodes a JSON number, numeric string, boolean or null (0).
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	switch s {
	case "null", "", "false":
		*f = 0
		return nil
	case "true":
		*f = 1
		return nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		*f = flexInt(n)
		return nil
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil && x >= -9e18 && x <= 9e18 {
		*f = flexInt(x)
		return nil
	}
	return fmt.Errorf("want a number, got %.20s", b)
}

func (f *flexInt) boolPtr() *bool {
	if f == nil {
		return nil
	}
	b := *f != 0
	return &b
}
