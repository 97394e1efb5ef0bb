package cover

import (
	"encoding/json"
	"github.com/edgarload/edgarload/parser/internal/corpus"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/codes"
	"github.com/edgarload/edgarload/parser/internal/textconv"
)

// docText renders a document body as text the way the parser does.
func docText(b []byte) string {
	if textconv.IsHTML(b) {
		return textconv.HTMLToText(b)
	}
	return textconv.Decode(b)
}

func TestSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t), "seed", "sonus-networks-8-K-2004-07-29.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := Extract(docText(b))
	want := Cover{
		FormType: "8-K", DateOfReport: "2004-07-29", Name: "SONUS NETWORKS, INC.", State: "DE",
		FileNumber: "000-30229", IRSNumber: "04-3387074", Street1: "250 APOLLO DRIVE", City: "CHELMSFORD",
		StateCode: "MA", Zip: "01824", Phone: "(978) 614-8100",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("seed cover:\n got %+v\nwant %+v", got, want)
	}
}

// header holds the SGML header fields the cover is compared with.
type header struct {
	form, period, name, state, file, irs, city, addrState, zip string
}

var reHdr = regexp.MustCompile(`(?m)^\s*([A-Z][A-Z0-9 ()-]+):\s*(.*?)\s*$`)

// parseHeader reads the first filer's fields from a submission header.
func parseHeader(h string) header {
	var out header
	inBiz := false
	for _, m := range reHdr.FindAllStringSubmatch(h, -1) {
		k, v := m[1], m[2]
		switch k {
		case "BUSINESS ADDRESS":
			inBiz = out.city == ""
			continue
		case "MAIL ADDRESS", "FORMER COMPANY", "FILER", "SUBJECT COMPANY":
			inBiz = false
		}
		set := func(p *string) {
			if *p == "" {
				*p = v
			}
		}
		switch k {
		case "CONFORMED SUBMISSION TYPE":
			set(&out.form)
		case "CONFORMED PERIOD OF REPORT":
			set(&out.period)
		case "COMPANY CONFORMED NAME":
			set(&out.name)
		case "STATE OF INCORPORATION":
			set(&out.state)
		case "SEC FILE NUMBER":
			set(&out.file)
		case "IRS NUMBER":
			set(&out.irs)
		case "CITY":
			if inBiz {
				set(&out.city)
			}
		case "STATE":
			if inBiz {
				set(&out.addrState)
			}
		case "ZIP":
			if inBiz {
				set(&out.zip)
			}
		}
	}
	return out
}

var (
	reStateTag = regexp.MustCompile(`\s*[/\\][A-Z]{2,3}[/\\]\s*$`)
	reNonAlnum = regexp.MustCompile(`[^A-Z0-9 ]+`)
	reSuffix   = regexp.MustCompile(`\b(INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|LTD|LIMITED|THE|LLC|LP|PLC|NV|SA|AG)\b`)
)

// normName folds a company name for comparison.
func normName(s string) string {
	s = reStateTag.ReplaceAllString(s, "")
	s = strings.ToUpper(strings.ReplaceAll(s, "&", " AND "))
	s = strings.ReplaceAll(s, ".", "")
	s = reNonAlnum.ReplaceAllString(s, " ")
	s = reSuffix.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), "")
}

// digits keeps only the digits of s.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// normFile folds a commission file number: leading zeros of each part dropped.
func normFile(s string) string {
	parts := strings.Split(strings.TrimSpace(s), "-")
	for i, p := range parts {
		p = strings.TrimLeft(p, "0")
		if p == "" {
			p = "0"
		}
		parts[i] = p
	}
	return strings.Join(parts, "-")
}

// tally counts agreement per field.
type tally struct {
	ok, n map[string]int
}

func newTally() *tally { return &tally{ok: map[string]int{}, n: map[string]int{}} }

func (ta *tally) add(t *testing.T, doc, f, want, got string, eq bool) {
	if want == "" {
		return
	}
	ta.n[f]++
	if eq {
		ta.ok[f]++
	} else {
		t.Logf("%s: %s: want %q got %q", doc, f, want, got)
	}
}

// rate is the share of documents where field f agreed; 0 when none was
// checked, so that an empty corpus cannot pass a threshold.
func (ta *tally) rate(f string) float64 {
	if ta.n[f] == 0 {
		return 0
	}
	return float64(ta.ok[f]) / float64(ta.n[f])
}

func (ta *tally) report(t *testing.T, title string) {
	keys := make([]string, 0, len(ta.n))
	for k := range ta.n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s %-10s %3d/%3d = %5.1f%%", title, k, ta.ok[k], ta.n[k], 100*ta.rate(k))
	}
}

// firstText returns the <TEXT> body of the first document of a submission
// and the part before it (the header).
func firstText(sub string) (hdr, body string, ok bool) {
	i := strings.Index(sub, "<TEXT>")
	if i < 0 {
		return "", "", false
	}
	j := strings.Index(sub[i:], "</TEXT>")
	if j < 0 {
		j = len(sub) - i
	}
	return sub[:i], sub[i+len("<TEXT>") : i+j], true
}

// compareHeader scores one extraction against a submission header.
func compareHeader(t *testing.T, ta *tally, doc string, h header, c Cover) {
	ta.add(t, doc, "name", h.name, c.Name, normName(h.name) == normName(c.Name))
	if h.state != "" {
		ta.add(t, doc, "state", h.state, c.State, h.state == c.State)
	}
	if h.file != "" {
		ta.add(t, doc, "file", h.file, c.FileNumber, normFile(h.file) == normFile(c.FileNumber))
	}
	if digits(h.irs) != "" && strings.Trim(digits(h.irs), "0") != "" {
		ta.add(t, doc, "irs", h.irs, c.IRSNumber, digits(h.irs) == digits(c.IRSNumber))
	}
	if h.period != "" && strings.HasPrefix(h.form, "8-K") {
		ta.add(t, doc, "date", h.period, c.DateOfReport, codes.CompactDate(h.period) == c.DateOfReport)
	}
	ta.add(t, doc, "form", h.form, c.FormType, h.form == c.FormType)
	ta.add(t, doc, "city", h.city, c.City, strings.EqualFold(h.city, c.City))
	ta.add(t, doc, "addrstate", h.addrState, c.StateCode, h.addrState == c.StateCode)
	if h.zip != "" {
		ta.add(t, doc, "zip", h.zip, c.Zip, digits(h.zip)[:min(5, len(digits(h.zip)))] == digits(c.Zip)[:min(5, len(digits(c.Zip)))])
	}
}

// accRe finds an accession number in a file name.
var accRe = regexp.MustCompile(`\d{10}-\d{2}-\d{6}`)

// thresholds are the minimum agreement rates measured on the corpus; the
// test fails when a change makes a field worse.
var thresholds = map[string]float64{
	"name": 0.95, "state": 0.95, "file": 0.85, "irs": 0.90, "date": 0.90, "form": 0.98,
	"city": 0.85, "addrstate": 0.90, "zip": 0.85,
}

func TestCorpusSubmissions(t *testing.T) {
	shared := corpus.Dir(t)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "submissions", "*.txt"))
	primary, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	ta := newTally()
	headers := map[string]header{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		hdr, body, ok := firstText(string(b))
		if !ok {
			continue
		}
		h := parseHeader(hdr)
		if h.form != "8-K" && h.form != "10-K" && h.form != "10-Q" && h.form != "8-K/A" {
			continue
		}
		if acc := accRe.FindString(filepath.Base(f)); acc != "" {
			headers[acc] = h
		}
		c := Extract(docText([]byte(body)))
		compareHeader(t, ta, filepath.Base(f), h, c)
	}
	// Bare primary documents of the same filings.
	for _, f := range primary {
		acc := accRe.FindString(filepath.Base(f))
		h, ok := headers[acc]
		if acc == "" || !ok {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		compareHeader(t, ta, filepath.Base(f), h, Extract(docText(b)))
	}
	ta.report(t, "submissions")
	for f, min := range thresholds {
		if ta.n[f] > 0 && ta.rate(f) < min {
			t.Errorf("%s agreement %.1f%% below %.0f%%", f, 100*ta.rate(f), 100*min)
		}
	}
	if ta.n["name"] < 30 {
		t.Errorf("only %d documents compared", ta.n["name"])
	}
}

// label is a hand-read cover page.
type label struct {
	Name                 string `json:"name"`
	Address              string `json:"address"`
	City                 string `json:"city"`
	State                string `json:"state"`
	Zip                  string `json:"zip"`
	StateOfIncorporation string `json:"state_of_incorporation"`
	Date                 string `json:"date"`
	Form                 string `json:"form"`
	FileNumber           string `json:"commission_file_number"`
	IRS                  string `json:"irs_employer_id"`
}

func TestCorpusLabels(t *testing.T) {
	shared := corpus.Dir(t)
	labels, _ := filepath.Glob(filepath.Join(shared, "corpus", "labels", "*.cover.json"))
	primary, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	ta := newTally()
	for _, lf := range labels {
		acc := accRe.FindString(filepath.Base(lf))
		b, err := os.ReadFile(lf)
		if err != nil {
			t.Fatal(err)
		}
		var l label
		if err := json.Unmarshal(b, &l); err != nil {
			t.Fatalf("%s: %v", lf, err)
		}
		var docs []string
		for _, p := range primary {
			if strings.Contains(filepath.Base(p), acc) {
				docs = append(docs, p)
			}
		}
		if sub := filepath.Join(shared, "corpus", "submissions", acc+".txt"); fileExists(sub) {
			docs = append(docs, sub)
		}
		for _, d := range docs {
			raw, err := os.ReadFile(d)
			if err != nil {
				t.Fatal(err)
			}
			if _, body, ok := firstText(string(raw)); ok {
				raw = []byte(body)
			}
			c := Extract(docText(raw))
			doc := filepath.Base(d)
			date, _ := codes.FindDate(l.Date)
			ta.add(t, doc, "name", l.Name, c.Name, l.Name == c.Name)
			ta.add(t, doc, "form", l.Form, c.FormType, l.Form == c.FormType)
			ta.add(t, doc, "date", date, c.DateOfReport, date == c.DateOfReport)
			ta.add(t, doc, "state", l.StateOfIncorporation, c.State, codes.StateCode(l.StateOfIncorporation) == c.State)
			ta.add(t, doc, "file", l.FileNumber, c.FileNumber, normFile(l.FileNumber) == normFile(c.FileNumber))
			ta.add(t, doc, "irs", l.IRS, c.IRSNumber, l.IRS == c.IRSNumber)
			ta.add(t, doc, "street", l.Address, c.Street1, strings.HasPrefix(l.Address, c.Street1) && c.Street1 != "")
			ta.add(t, doc, "city", l.City, c.City, strings.EqualFold(l.City, c.City))
			ta.add(t, doc, "addrstate", l.State, c.StateCode, codes.StateCode(l.State) == c.StateCode)
			ta.add(t, doc, "zip", l.Zip, c.Zip, l.Zip == c.Zip)
		}
	}
	ta.report(t, "labels")
	if len(ta.n) == 0 {
		t.Fatal("labels: no labelled document was checked")
	}
	for f := range ta.n {
		if ta.rate(f) < labelThreshold {
			t.Errorf("labels: %s agreement %.1f%% below %.0f%%", f, 100*ta.rate(f), 100*labelThreshold)
		}
	}
}

// labelThreshold is the minimum per-field agreement with the hand labels.
const labelThreshold = 0.8

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// periodicDoc reports whether a primary document's file name marks an 8-K,
// 10-K or 10-Q.
var periodicDoc = regexp.MustCompile(`(?i)(^|[-_.])(8-?k|10-?k|10-?q)([-_.]|\d|$)`)

// TestCorpusCoverage measures how often each field is found at all on every
// 8-K / 10-K / 10-Q primary document of the corpus (no ground truth here:
// a found value is checked only for its shape).
func TestCorpusCoverage(t *testing.T) {
	shared := corpus.Dir(t)
	primary, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	ta := newTally()
	reShapeIRS := regexp.MustCompile(`^\d{2}-\d{6,7}$`)
	for _, f := range primary {
		base := filepath.Base(f)
		if !periodicDoc.MatchString(base) || strings.Contains(strings.ToLower(base), "10k405") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := Extract(docText(b))
		ta.add(t, base, "name", "?", c.Name, c.Name != "")
		ta.add(t, base, "form", "?", c.FormType, c.FormType != "")
		ta.add(t, base, "date", "?", c.DateOfReport, c.DateOfReport != "")
		ta.add(t, base, "state", "?", c.State, c.State != "")
		ta.add(t, base, "irs", "?", c.IRSNumber, reShapeIRS.MatchString(c.IRSNumber))
		ta.add(t, base, "file", "?", c.FileNumber, c.FileNumber != "")
		ta.add(t, base, "city", "?", c.City, c.City != "")
		ta.add(t, base, "zip", "?", c.Zip, c.Zip != "")
		ta.add(t, base, "phone", "?", c.Phone, c.Phone != "")
	}
	ta.report(t, "coverage")
	for f, min := range coverageThresholds {
		if ta.rate(f) < min {
			t.Errorf("coverage: %s found in %.1f%% of documents, below %.0f%%", f, 100*ta.rate(f), 100*min)
		}
	}
}

// coverageThresholds are the minimum shares of documents where a field is
// found, set from the measured figures.
var coverageThresholds = map[string]float64{
	"name": 0.98, "form": 0.98, "date": 0.95, "state": 0.95, "irs": 0.95, "file": 0.95,
	"city": 0.90, "zip": 0.90, "phone": 0.90,
}

var (
	reDei  = regexp.MustCompile(`(?s)<ix:nonNumeric[^>]*?name="dei:(\w+)"[^>]*>(.*?)</ix:nonNumeric>`)
	reTags = regexp.MustCompile(`<[^>]*>`)
)

// deiFacts returns the text of the inline XBRL dei cover facts of an HTML
// document (first value of each), decoded through textconv.
func deiFacts(b []byte) map[string]string {
	out := map[string]string{}
	for _, m := range reDei.FindAllSubmatch(b, -1) {
		k := string(m[1])
		if _, ok := out[k]; ok {
			continue
		}
		v := strings.TrimSpace(textconv.HTMLToText([]byte("<p>" + reTags.ReplaceAllString(string(m[2]), " ") + "</p>")))
		out[k] = strings.Join(strings.Fields(v), " ")
	}
	return out
}

// TestCorpusInlineXBRL compares the cover read from the text with the
// inline XBRL dei cover tags of the same document.
func TestCorpusInlineXBRL(t *testing.T) {
	shared := corpus.Dir(t)
	primary, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	ta := newTally()
	for _, f := range primary {
		base := filepath.Base(f)
		if !periodicDoc.MatchString(base) {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dei := deiFacts(b)
		if dei["EntityRegistrantName"] == "" {
			continue
		}
		c := Extract(docText(b))
		ta.add(t, base, "name", dei["EntityRegistrantName"], c.Name, normName(dei["EntityRegistrantName"]) == normName(c.Name))
		if v := dei["EntityTaxIdentificationNumber"]; v != "" {
			ta.add(t, base, "irs", v, c.IRSNumber, digits(v) == digits(c.IRSNumber))
		}
		if v := dei["EntityFileNumber"]; v != "" {
			ta.add(t, base, "file", v, c.FileNumber, normFile(v) == normFile(c.FileNumber))
		}
		if v := dei["EntityIncorporationStateCountryCode"]; v != "" {
			ta.add(t, base, "state", v, c.State, codes.StateCode(v) == c.State)
		}
		if v := dei["EntityAddressCityOrTown"]; v != "" {
			v = strings.TrimRight(v, ",. ")
			ta.add(t, base, "city", v, c.City, strings.EqualFold(v, c.City))
		}
		if v := dei["EntityAddressPostalZipCode"]; v != "" {
			ta.add(t, base, "zip", v, c.Zip, v == c.Zip)
		}
		if v := dei["DocumentPeriodEndDate"]; v != "" {
			// The year is often tagged apart ("December 31" + "2024").
			if d, ok := codes.FindDate(v); ok {
				ta.add(t, base, "date", v, c.DateOfReport, d == c.DateOfReport)
			}
		}
		if v := dei["LocalPhoneNumber"]; v != "" {
			ta.add(t, base, "phone", v, c.Phone, strings.Contains(digits(c.Phone), digits(v)))
		}
	}
	ta.report(t, "ixbrl")
	if ta.n["name"] < 10 {
		t.Errorf("only %d inline XBRL documents", ta.n["name"])
	}
	for f := range ta.n {
		if ta.rate(f) < 0.95 {
			t.Errorf("ixbrl: %s agreement %.1f%% below 95%%", f, 100*ta.rate(f))
		}
	}
}
