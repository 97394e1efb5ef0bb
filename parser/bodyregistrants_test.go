package parser

import (
	"fmt"
	"strings"
	"testing"
)

// filerBlock is one FILER block of an invented submission header.
type filerBlock struct {
	name, cik, irs, state, file, street, city, addrState, zip, phone string
}

// submissionOf writes an invented complete submission: a header with the
// given FILER blocks and a primary document with text body.
func submissionOf(form string, filers []filerBlock, body string) []byte {
	var b strings.Builder
	b.WriteString("<SEC-DOCUMENT>0000999777-24-000001.txt : 20240301\n<SEC-HEADER>0000999777-24-000001.hdr.sgml : 20240301\n")
	fmt.Fprintf(&b, "ACCESSION NUMBER:\t\t0000999777-24-000001\nCONFORMED SUBMISSION TYPE:\t%s\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20240301\n\n", form)
	for _, f := range filers {
		fmt.Fprintf(&b, "FILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t%s\n\t\tCENTRAL INDEX KEY:\t\t\t%s\n\t\tIRS NUMBER:\t\t\t\t%s\n", f.name, f.cik, f.irs)
		if f.state != "" {
			fmt.Fprintf(&b, "\t\tSTATE OF INCORPORATION:\t\t\t%s\n", f.state)
		}
		fmt.Fprintf(&b, "\t\tFISCAL YEAR END:\t\t\t1231\n\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t%s\n\t\tSEC ACT:\t\t1934 Act\n\t\tSEC FILE NUMBER:\t%s\n\t\tFILM NUMBER:\t\t24000001\n\n", form, f.file)
		fmt.Fprintf(&b, "\tBUSINESS ADDRESS:\t\n\t\tSTREET 1:\t\t%s\n\t\tCITY:\t\t\t%s\n\t\tSTATE:\t\t\t%s\n\t\tZIP:\t\t\t%s\n\t\tBUSINESS PHONE:\t\t%s\n\n", f.street, f.city, f.addrState, f.zip, f.phone)
	}
	fmt.Fprintf(&b, "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>%s\n<SEQUENCE>1\n<FILENAME>report.txt\n<TEXT>\n%s\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n", form, body)
	return []byte(b.String())
}

// TestCoverFactsOfStaleHeader: an invented company whose header still
// carries its old name, number, state and address; the cover page prints
// the new ones. The header's values stay, the cover's are kept beside.
func TestCoverFactsOfStaleHeader(t *testing.T) {
	header := []filerBlock{{name: "ZORBLATT WIDGET CORP", cik: "0000999777", irs: "123456789", state: "DE", file: "000-11111",
		street: "9 OLD MILL ROAD", city: "CHICAGO", addrState: "IL", zip: "60601", phone: "3125550100"}}
	body := "SECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n\nFORM 8-K\n\nCURRENT REPORT\n\n" +
		"Date of Report (Date of earliest event reported): February 28, 2024\n\n" +
		"ZORBLATT GADGET HOLDINGS, INC.\n(Exact name of registrant as specified in its charter)\n\n" +
		"Nevada                      001-22222                 98-7654321\n" +
		"(State or other jurisdiction  (Commission File Number)  (IRS Employer\nof incorporation)                                     Identification No.)\n\n" +
		"500 New Harbor Drive, Suite 10, Reno, Nevada                 89501\n" +
		"(Address of principal executive offices)                  (Zip Code)\n\n" +
		"Registrant's telephone number, including area code: (775) 555-0199\n\n" +
		"Item 8.01 Other Events.\n\nThe company moved to Reno.\n"
	f, err := Parse("zorblatt.txt", submissionOf("8-K", header, body))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Registrants) != 1 {
		t.Fatalf("registrants = %+v", f.Registrants)
	}
	r := f.Registrants[0]
	if r.Name != "ZORBLATT WIDGET CORP" || r.IRSNumber != "123456789" || r.StateOfIncorporation != "DE" || r.FileNumber != "000-11111" ||
		r.BusinessAddress == nil || r.BusinessAddress.City != "CHICAGO" {
		t.Errorf("header values lost: %+v %+v", r, r.BusinessAddress)
	}
	if r.CoverName != "ZORBLATT GADGET HOLDINGS, INC." || r.CoverIRSNumber != "98-7654321" || r.CoverStateOfIncorporation != "NV" || r.CoverFileNumber != "001-22222" {
		t.Errorf("cover facts = %q %q %q %q", r.CoverName, r.CoverIRSNumber, r.CoverStateOfIncorporation, r.CoverFileNumber)
	}
	want := Address{Street1: "500 New Harbor Drive", Street2: "Suite 10", City: "Reno", State: "NV", Zip: "89501", Phone: "(775) 555-0199"}
	if r.CoverAddress == nil || *r.CoverAddress != want {
		t.Errorf("cover address = %+v, want %+v", r.CoverAddress, want)
	}

	// The same header with a cover that agrees (spelled the cover's way)
	// keeps no cover facts.
	agree := strings.NewReplacer("ZORBLATT GADGET HOLDINGS, INC.", "Zorblatt Widget Corporation", "Nevada", "Delaware", "001-22222", "0-11111",
		"98-7654321", "12-3456789", "500 New Harbor Drive, Suite 10, Reno, Nevada", "9 Old Mill Rd., Chicago, Illinois", "89501", "60601",
		"(775) 555-0199", "(312) 555-0100").Replace(body)
	f, err = Parse("zorblatt.txt", submissionOf("8-K", header, agree))
	if err != nil {
		t.Fatal(err)
	}
	r = f.Registrants[0]
	if r.CoverName != "" || r.CoverIRSNumber != "" || r.CoverStateOfIncorporation != "" || r.CoverFileNumber != "" || r.CoverAddress != nil {
		t.Errorf("agreeing cover kept facts: %q %q %q %q %+v", r.CoverName, r.CoverIRSNumber, r.CoverStateOfIncorporation, r.CoverFileNumber, r.CoverAddress)
	}
}

// combinedCover is an invented combined cover of a holding company and its
// subsidiary, laid out as EDGAR's utility filers print it.
const combinedCover = "FORM 8-K\n\nCURRENT REPORT\n\nDate of Report (Date of earliest event reported) March 1, 2024\n\n" +
	"Commission\tRegistrant, State of Incorporation,\tI.R.S. Employer\n" +
	"File Number\tAddress and Telephone Number\tIdentification No.\n" +
	"1-1111\tFlimflam Holdings, Inc. (A Delaware Corporation) 1 Flimflam Plaza Springfield, Illinois 62701 (217) 555-0101\t11-1111111\n" +
	"1-2222\tFlimflam Power Company (An Illinois Corporation) 2 Power Road Springfield, Illinois 62702 (217) 555-0202\t22-2222222\n\n" +
	"Item 8.01 Other Events.\n\nRates were set.\n"

// TestCombinedCoverRegistrants: every registrant of a combined cover is
// matched to its own header block (the header lists them in another
// order) and fills that block's gaps; without a header every one of them
// is a registrant.
func TestCombinedCoverRegistrants(t *testing.T) {
	header := []filerBlock{
		{name: "FLIMFLAM POWER CO", cik: "0000999702", irs: "222222222", file: "001-02222",
			street: "2 POWER RD", city: "SPRINGFIELD", addrState: "IL", zip: "62702", phone: "2175550202"},
		{name: "FLIMFLAM HOLDINGS INC", cik: "0000999701", irs: "000000000", state: "DE", file: "001-01111",
			street: "9 OLD ROAD", city: "CHICAGO", addrState: "IL", zip: "60601", phone: "3125550100"},
	}
	f, err := Parse("flimflam.txt", submissionOf("8-K", header, combinedCover))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Registrants) != 2 {
		t.Fatalf("registrants = %+v", f.Registrants)
	}
	power, holdings := f.Registrants[0], f.Registrants[1]
	if power.StateOfIncorporation != "IL" || power.CoverAddress != nil || power.CoverName != "" {
		t.Errorf("subsidiary: state %q (want IL from its cover row), cover address %+v, cover name %q", power.StateOfIncorporation, power.CoverAddress, power.CoverName)
	}
	if holdings.IRSNumber != "11-1111111" {
		t.Errorf("holding company IRS number = %q, want the cover's 11-1111111 (the header's is 000000000)", holdings.IRSNumber)
	}
	if holdings.CoverAddress == nil || holdings.CoverAddress.City != "Springfield" || holdings.CoverAddress.Phone != "(217) 555-0101" {
		t.Errorf("holding company cover address = %+v", holdings.CoverAddress)
	}

	bare, err := Parse("flimflam-8k.txt", []byte(combinedCover))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range bare.Registrants {
		names = append(names, r.Name+"/"+r.FileNumber+"/"+r.IRSNumber+"/"+r.StateOfIncorporation)
	}
	if got, want := strings.Join(names, " "), "Flimflam Holdings, Inc./1-1111/11-1111111/DE Flimflam Power Company/1-2222/22-2222222/IL"; got != want {
		t.Errorf("bare document registrants = %s, want %s", got, want)
	}
}

func TestRegistrantKeys(t *testing.T) {
	for _, c := range [][2]string{{"The Southern Company", "SOUTHERN CO"}, {"BANK OF AMERICA CORP /DE/", "Bank of America Corporation"},
		{"AT&T Inc.", "AT & T INC"}, {"1-800-FLOWERS.COM, Inc.", "1 800 FLOWERS COM INC"}} {
		if nameKey(c[0]) != nameKey(c[1]) {
			t.Errorf("nameKey(%q) = %q != nameKey(%q) = %q", c[0], nameKey(c[0]), c[1], nameKey(c[1]))
		}
	}
	if nameKey("Stockwalk Group, Inc.") == nameKey("STOCKWALK COM GROUP INC") {
		t.Error("a renamed company compares equal")
	}
	if fileNumberKey("001-03526") != fileNumberKey("1-3526") || fileNumberKey("0-22247") == fileNumberKey("001-16029") {
		t.Error("fileNumberKey")
	}
	if phonesDiffer("4045065000", "(404) 506-5000") || phonesDiffer("+1 214 934-4700", "934-4700") || !phonesDiffer("6125426000", "763.542.6000") {
		t.Error("phonesDiffer")
	}
	if addressesDiffer(Address{Street1: "30 IVAN ALLEN JR. BLVD., N.W.", City: "ATLANTA", State: "GA", Zip: "30308"},
		Address{Street1: "30 Ivan Allen Jr. Boulevard, N.W.", City: "Atlanta", State: "GA", Zip: "30308-3374"}) {
		t.Error("the same address spelled two ways differs")
	}
}
