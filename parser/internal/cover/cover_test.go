package cover

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestExtractFixtures(t *testing.T) {
	cases := []struct {
		file string
		want Cover
	}{
		{"acme-8k-columns.txt", Cover{FormType: "8-K/A", DateOfReport: "2011-03-03", Name: "ACME WIDGET HOLDINGS, INC.", State: "DE",
			FileNumber: "0-99999", IRSNumber: "12-3456789", Street1: "100 Main Street", Street2: "Suite 200", City: "Springfield",
			StateCode: "IL", Zip: "62701", Phone: "(217) 555-0100"}},
		{"globex-8k-html.txt", Cover{FormType: "8-K", DateOfReport: "2021-06-02", Name: "GLOBEX TOOLING CORP.", State: "NV",
			FileNumber: "001-12345", IRSNumber: "98-7654321", Street1: "42 Cypress Creek Road", Street2: "Suite 9", City: "Cypress Creek",
			StateCode: "OR", Zip: "97001", Phone: "(503) 555-0199"}},
		{"initech-8k-multi.txt", Cover{FormType: "8-K", DateOfReport: "2015-05-05", Name: "Initech Energy Company", State: "TX",
			FileNumber: "1-11111", IRSNumber: "11-1111111", Street1: "1 Initech Plaza", City: "Austin",
			StateCode: "TX", Zip: "78701", Phone: "(512) 555-0111", Others: []Cover{{Name: "Initech Power Company", State: "AR",
				FileNumber: "1-22222", IRSNumber: "22-2222222", Street1: "2 Power Lane", City: "Little Rock", StateCode: "AR",
				Zip: "72201", Phone: "(501) 555-0122"}}}},
		{"vandelay-10k.txt", Cover{FormType: "10-K", DateOfReport: "2019-12-31", Name: "VANDELAY INDUSTRIES, INC.", State: "NY",
			FileNumber: "001-54321", IRSNumber: "13-5555555", Street1: "129 West 81st Street", City: "New York",
			StateCode: "NY", Zip: "10024", Phone: "(212) 555-0181"}},
	}
	for _, c := range cases {
		b, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		if got := Extract(string(b)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.file, got, c.want)
		}
	}
}

func TestParseAddress(t *testing.T) {
	cases := []struct {
		lines []string
		zip   string
		want  Cover
	}{
		{[]string{"250 APOLLO DRIVE, CHELMSFORD, MASSACHUSETTS 01824"}, "", Cover{Street1: "250 APOLLO DRIVE", City: "CHELMSFORD", StateCode: "MA", Zip: "01824"}},
		{[]string{"One New Orchard Road, 10504", "Armonk, New York"}, "", Cover{Street1: "One New Orchard Road", City: "Armonk", StateCode: "NY", Zip: "10504"}},
		{[]string{"170 West Tasman Drive, San Jose, California"}, "95134", Cover{Street1: "170 West Tasman Drive", City: "San Jose", StateCode: "CA", Zip: "95134"}},
		{[]string{"10 DORRANCE STREET, SUITE 400", "PROVIDENCE, RI 02903"}, "", Cover{Street1: "10 DORRANCE STREET", Street2: "SUITE 400", City: "PROVIDENCE", StateCode: "RI", Zip: "02903"}},
		{[]string{"30 Ivan Allen Jr. Boulevard, N.W. Atlanta, Georgia 30308"}, "", Cover{Street1: "30 Ivan Allen Jr. Boulevard, N.W.", City: "Atlanta", StateCode: "GA", Zip: "30308"}},
		{[]string{"12 Elm Street", "North Andover, MA 01845"}, "", Cover{Street1: "12 Elm Street", City: "North Andover", StateCode: "MA", Zip: "01845"}},
	}
	for _, c := range cases {
		var got Cover
		parseAddress(c.lines, c.zip, &got)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseAddress(%q, %q):\n got %+v\nwant %+v", c.lines, c.zip, got, c.want)
		}
	}
}

func TestExtractEmpty(t *testing.T) {
	for _, s := range []string{"", "\n\n\n", "Item 1. Business", "(Exact name of registrant as specified in its charter)"} {
		if got := Extract(s); !reflect.DeepEqual(got, Cover{}) {
			t.Errorf("Extract(%q) = %+v, want empty", s, got)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"acme-8k-columns.txt", "globex-8k-html.txt", "initech-8k-multi.txt", "vandelay-10k.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("(State)\t(City)\n\t\t\n(Zip Code)")
	f.Fuzz(func(t *testing.T, s string) {
		c := Extract(s)
		if c.State != "" && len(c.State) != 2 {
			t.Fatalf("state %q is not a code", c.State)
		}
	})
}

func TestPhoneAfterZip(t *testing.T) {
	if got := phoneOf("Springfield, Illinois 62701 (217) 555-0101"); got != "(217) 555-0101" {
		t.Errorf("phoneOf = %q", got)
	}
	if got := phoneOf("call 1 (217) 555-0101"); got != "1 (217) 555-0101" {
		t.Errorf("phoneOf = %q", got)
	}
}

func TestExtractCaptionAbove(t *testing.T) {
	got := Extract("FORM 8-K\nCURRENT REPORT\nDate of Report: July 1, 2020\n(Exact name of registrant as specified in its charter)\nKRUSTY BURGER HOLDINGS, INC.\nCommission File Number: 333-12345\n")
	if got.Name != "KRUSTY BURGER HOLDINGS, INC." || got.DateOfReport != "2020-07-01" || got.FileNumber != "333-12345" {
		t.Errorf("caption above value: got %+v", got)
	}
}

func TestExtractSideBySide(t *testing.T) {
	got := Extract("FORM 8-K\n\nDate of Report: July 1, 2020\n\nKRUSTY BURGER HOLDINGS, INC.    (Exact name of registrant as specified in its charter)\nOhio          (State or other jurisdiction of incorporation)\n1-2345        (Commission File Number)\n31-1234567    (I.R.S. Employer Identification No.)\n")
	want := Cover{FormType: "8-K", DateOfReport: "2020-07-01", Name: "KRUSTY BURGER HOLDINGS, INC.", State: "OH", FileNumber: "1-2345", IRSNumber: "31-1234567"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("side by side:\n got %+v\nwant %+v", got, want)
	}
}

func TestExtractStackedRegistrants(t *testing.T) {
	// A combined cover that repeats the caption block per registrant.
	text := "FORM 8-K\n\nDate of Report (Date of earliest event reported): March 3, 2022\n\n" +
		"DUFF ENERGY CORPORATION\n(Exact name of registrant as specified in its charter)\n" +
		"Delaware\t1-10001\t41-1000001\n(State or other jurisdiction of incorporation)\t(Commission File Number)\t(IRS Employer Identification No.)\n\n" +
		"DUFF ELECTRIC, LLC\n(Exact name of registrant as specified in its charter)\n" +
		"Texas\t1-10002\t41-1000002\n(State or other jurisdiction of incorporation)\t(Commission File Number)\t(IRS Employer Identification No.)\n\n" +
		"DUFF ENERGY CORPORATION\n(Exact name of registrant as specified in its charter)\n" +
		"Item 8.01 Other Events.\n"
	got := Extract(text)
	regs := got.Registrants()
	want := []Cover{
		{Name: "DUFF ENERGY CORPORATION", State: "DE", FileNumber: "1-10001", IRSNumber: "41-1000001"},
		{Name: "DUFF ELECTRIC, LLC", State: "TX", FileNumber: "1-10002", IRSNumber: "41-1000002"},
	}
	if !reflect.DeepEqual(regs, want) {
		t.Errorf("stacked registrants:\n got %+v\nwant %+v", regs, want)
	}
}

func TestExtractSponsorIsNoRegistrant(t *testing.T) {
	text := "FORM 10-D\n\nKRUSTY AUTO TRUST 2020-1\n(Exact name of issuing entity as specified in its charter)\n" +
		"Commission File Number: 333-11111-01\n\nKRUSTY AUTO RECEIVABLES LLC\n(Exact name of depositor as specified in its charter)\n"
	if got := Extract(text); len(got.Others) != 0 {
		t.Errorf("a depositor became a registrant: %+v", got.Others)
	}
}

func TestExtractContactLinesAreNoRegistrant(t *testing.T) {
	// A press release: no cover page, its contact block ends in company
	// names.
	for _, text := range []string{
		"Krusty Burger Reports Record Quarter\n\nAt the Company:\nKrusty Burger Holdings, Inc.\n(555) 555-0100\n",
		"FOR IMMEDIATE RELEASE\nContact: Investor Relations\nKrusty Burger Holdings, Inc.\n",
		"Investor Relations\nAcme Widget Company\n",
	} {
		if got := Extract(text); got.Name != "" {
			t.Errorf("Extract(%q).Name = %q, want none", text, got.Name)
		}
	}
	// The same names on a cover page are the registrant's.
	if got := Extract("SECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\nAcme Widget Company\n"); got.Name != "Acme Widget Company" {
		t.Errorf("cover name = %q", got.Name)
	}
	for _, v := range []string{"At the Company:", "At the Company", "Contact:", "Investor Relations", "Media Contacts", "About Acme Corp."} {
		if validName(v) {
			t.Errorf("validName(%q) = true", v)
		}
	}
	for _, v := range []string{"AT&T Inc.", "At Home Corporation", "Contango Oil & Gas Company"} {
		if !validName(v) {
			t.Errorf("validName(%q) = false", v)
		}
	}
}

func TestExtractRegistrantTableLayouts(t *testing.T) {
	head := "FORM 10-K\n\nCommission File Number\tExact name of registrant as specified in its charter\tState of Incorporation\tI.R.S. Employer Identification No.\n"
	// A state column between name and IRS number.
	got := Extract(head + "1-12345\tGizmo Energy Corporation\tCalifornia\t94-1111111\n1-23456\tGizmo Gas and Electric Company\tCalifornia\t94-2222222\n")
	want := []Cover{{Name: "Gizmo Energy Corporation", State: "CA", FileNumber: "1-12345", IRSNumber: "94-1111111"},
		{Name: "Gizmo Gas and Electric Company", State: "CA", FileNumber: "1-23456", IRSNumber: "94-2222222"}}
	if !reflect.DeepEqual(got.Registrants(), want) {
		t.Errorf("state column:\n got %+v\nwant %+v", got.Registrants(), want)
	}
	// Two registrants side by side, the IRS number ending each cell.
	got = Extract("FORM 8-K\n\nCommission File Number\tRegistrant, State of Incorporation, Address and Telephone Number, and IRS Employer Identification No.\tCommission File Number\tRegistrant, State of Incorporation, Address and Telephone Number, and IRS Employer Identification No.\n" +
		"1-11111\tWIDGETCO CORPORATION (a Delaware corporation) 639 Bayou Avenue New Orleans, Louisiana 70113 Telephone (504) 555-4000 72-1111111\t1-22222\tWIDGETCO TEXAS, LLC (a Texas limited liability company) 10 Bend Road The Woodlands, Texas 77380 Telephone (409) 555-0101 61-2222222\n")
	want = []Cover{
		{Name: "WIDGETCO CORPORATION", State: "DE", FileNumber: "1-11111", IRSNumber: "72-1111111", Street1: "639 Bayou Avenue", City: "New Orleans", StateCode: "LA", Zip: "70113", Phone: "(504) 555-4000"},
		{Name: "WIDGETCO TEXAS, LLC", State: "TX", FileNumber: "1-22222", IRSNumber: "61-2222222", Street1: "10 Bend Road", City: "The Woodlands", StateCode: "TX", Zip: "77380", Phone: "(409) 555-0101"},
	}
	if !reflect.DeepEqual(got.Registrants(), want) {
		t.Errorf("side by side:\n got %+v\nwant %+v", got.Registrants(), want)
	}
}
