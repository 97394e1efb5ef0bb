package exhibits

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseIndex8K(t *testing.T) {
	got := ParseIndex(readFixture(t, "8k-index.txt"))
	want := []Entry{
		{"99.1", "Press release, dated as of August 15, 2006, announcing the appointment of Dr. Ann Smith to the Company's board of directors."},
		{"99.2", "Slides presented to investors on August 15, 2006."},
		{"104", "Cover Page Interactive Data File (embedded within the Inline XBRL document)"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

func TestParseIndex10K(t *testing.T) {
	got := ParseIndex(readFixture(t, "10k-item15.txt"))
	want := []Entry{
		{"3.1", "Restated Certificate of Incorporation."},
		{"3(ii)", "By-Laws as amended."},
		{"10.1", "Grebe Instruments 2020 Stock Plan."},
		{"10-A-1", "Amendment to Profit Agreement dated January 1, 2002."},
		{"4(a)", "Indenture, dated as of May 1, 2001, between Grebe Instruments and First Trust Company."},
		{"4(b)", "First Supplemental Indenture, dated June 2, 2003."},
		{"10.2", "Form of Indemnification Agreement."},
		{"31.1", "Certification of the Chief Executive Officer."},
		{"101.INS", "Inline XBRL Instance Document."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

func TestParseIndexProse(t *testing.T) {
	text := "Item 8.01 Other Events\n\nIn 2005 we sold 12 plants.\n10 days later we closed.\n"
	if got := ParseIndex(text); len(got) != 0 {
		t.Errorf("prose gave %+v", got)
	}
}

func TestNumberFromType(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"EX-99.1", "99.1", true},
		{"EX-99", "99", true},
		{" ex-3.(i) ", "3.(I)", true},
		{"EX-99.(A)(5)(C)", "99.(A)(5)(C)", true},
		{"EX-27", "27", true},
		{"EX-101.INS", "", false},
		{"EX-101.SCH", "", false},
		{"EX-100", "", false},
		{"EX-FILING FEES", "", false},
		{"GRAPHIC", "", false},
		{"XML", "", false},
		{"ZIP", "", false},
		{"EXCEL", "", false},
		{"JSON", "", false},
		{"COVER", "", false},
		{"CORRESP", "", false},
		{"8-K", "", false},
		{"EX-", "", false},
		{"", "", false},
	}
	for _, c := range cases {
		got, ok := NumberFromType(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NumberFromType(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"99.01":            "99.1",
		"99.1":             "99.1",
		"99.10":            "99.10",
		"99":               "99",
		"Exhibit 99.1":     "99.1",
		"EX-99.1":          "99.1",
		"Exhibit No. 10.2": "10.2",
		"3(i)":             "3.I",
		"3.(I)":            "3.I",
		"99-1":             "99.1",
		"10.1*":            "10.1",
		"010.01":           "10.1",
		"101.INS":          "101.INS",
		"":                 "",
	}
	for in, want := range cases {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseIndex(f *testing.F) {
	f.Add("EXHIBIT INDEX\n99.1  Press release\n      dated today\n")
	f.Add("Item 9.01 Financial Statements and Exhibits\n(d) Exhibits\n99.1\tPress\n104\tCover\n")
	f.Add("Exhibit No.\tDescription\nExhibit 3-A     Charter    Filed\n   ---   more\n")
	f.Fuzz(func(t *testing.T, text string) {
		for _, e := range ParseIndex(text) {
			if e.Number == "" || e.Description == "" {
				t.Fatalf("empty entry %+v", e)
			}
			Normalize(e.Number)
		}
		NumberFromType(text)
		Normalize(text)
	})
}

func TestParseIndexStopsAtReportsOnForm8K(t *testing.T) {
	text := "(c) Exhibits\n\n    3.1   Restated Articles of Incorporation\n    10.1  Credit Agreement dated May 1, 1996\n\n" +
		"(b) Reports on Form 8-K\n\n    1.    Form 8-K dated October 5, 1996, reporting Item 5.\n    2.    Form 8-K dated November 2, 1996, reporting Item 2.\n"
	got := ParseIndex(text)
	if len(got) != 2 || got[0].Number != "3.1" || got[1].Number != "10.1" {
		t.Errorf("ParseIndex = %+v, want 3.1 and 10.1 only", got)
	}
}

func TestReportsOnForm8KLines(t *testing.T) {
	for line, want := range map[string]bool{
		"(b) Reports on Form 8-K":                                        true,
		"(b)  Reports on Form 8-K.  None.":                               true,
		"b. Current Reports on Form 8-K":                                 true,
		"   REPORTS ON FORM 8-K:":                                        true,
		"No reports on Form 8-K were filed during the quarter.":          true,
		"    Report on Form 8-K filed by the Registrant on May 1, 2008)": false,
		"(b) Report of Independent Accountants":                          false,
		"Reports on Form 8-K filed by the Registrant (incorporated":      false,
	} {
		if got := reportsRe.MatchString(line); got != want {
			t.Errorf("reportsRe(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestParseIndexAcrossPageBreaks checks a 10-K index printed over three
// pages: the list goes on after running footers, "Table of Contents"
// links and repeated column headers (the rows after the first break,
// 21 to 104, are read), footers are never rows, group headers with
// sub-rows are captions, lettered sub-rows may carry footnote marks, and
// a number printed twice with different descriptions is two rows.
func TestParseIndexAcrossPageBreaks(t *testing.T) {
	got := ParseIndex(readFixture(t, "10k-pagebreaks.txt"))
	var nums []string
	for _, e := range got {
		nums = append(nums, e.Number)
	}
	want := []string{"3(i)", "3(ii)", "4.1", "4.1b", "10(a)", "10(b)", "10(aaaa)", "10.2", "10.3", "10.3",
		"21", "23", "31.1", "31.2", "32", "97", "101.INS", "101.SCH", "104"}
	if !reflect.DeepEqual(nums, want) {
		t.Fatalf("numbers %v\nwant    %v", nums, want)
	}
	for _, e := range got {
		if e.Description == "Fennimore Rail Corporation" {
			t.Errorf("footer row %+v", e)
		}
		if strings.Contains(e.Description, "Form 8-K") {
			t.Errorf("Reports on Form 8-K row %+v", e)
		}
	}
	if got[7].Description != "$300,000,000 Revolving Credit Agreement dated as of March 2, 2008 among Fennimore Rail Corporation and its lenders." {
		t.Errorf("10.2 description %q", got[7].Description)
	}
}

// TestParseIndexTextTable checks a 1990s three-column text table: the
// "Filed as Exhibit ... to ..." column is not the description (wide or
// narrow gap), the SGML table markup does not end the list, justified
// lines keep every word, and "Reports on Form 8-K" lines are no rows.
func TestParseIndexTextTable(t *testing.T) {
	got := ParseIndex(readFixture(t, "1990s-text-table.txt"))
	want := []Entry{
		{"3-A", "Restated Certificate of Incorporation of Ostrander Mills, Inc."},
		{"3-B", "By-Laws as amended"},
		{"10.1", "Term Revolving Note in favor of Cooperative Farm Credit Bank, dated June 1, 1996."},
		{"10.2", "Supply Agreement between Ostrander Mills, Inc. and Birchwood Flour Company, dated March 2, 1993."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

// TestReportLinesAreNotExhibits checks that numbered "Reports on Form
// 8-K" lines are never exhibit rows, even inside a list.
func TestReportLinesAreNotExhibits(t *testing.T) {
	for _, line := range []string{
		"1.    Form 8-K dated October 5, 1996, reporting Item 5.",
		"2     Current Report on Form 8-K filed May 1, 2001",
		"3.    Reports on Form 8-K: none",
	} {
		if e, _, ok := parseEntry(line); ok {
			t.Errorf("parseEntry(%q) = %+v", line, e)
		}
	}
}

// TestParseIndexTrailingNumbers checks an exhibit table that prints the
// exhibit number in its last column: numbered rows are read, rows of
// documents incorporated by reference without a number of this report
// are skipped (but a lone Item 601 row that says where it was filed is
// the exhibit), footnote cells are not descriptions, and rows numbered
// in front stay numbered in front.
func TestParseIndexTrailingNumbers(t *testing.T) {
	got := ParseIndex(readFixture(t, "10k-trailing-numbers.txt"))
	want := []Entry{
		{"10.1", "Form of Noncompetition Agreement. (1)"},
		{"10.2", "Form of Noncompetition Agreement. (1)"},
		{"21", "Subsidiaries of the registrant"},
		{"22", "Subsidiary Issuer of Guaranteed Securities, filed as Exhibit 22 to Form 10-Q for the quarter ended March 31, 2024, is hereby incorporated by reference."},
		{"23.1", "Consent of Independent Registered Public Accounting Firm"},
		{"101.SCH", "Inline XBRL Taxonomy Extension Schema Document"},
		{"101.PRE", "Inline XBRL Taxonomy Extension Presentation Linkbase Document"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

// TestParseIndexEnumeratedRows checks that an Item 7 list numbering its
// exhibits "1." and "2." and the exhibit index numbering the same
// documents "99.1" and "99.2" give two exhibits, with the index numbers.
func TestParseIndexEnumeratedRows(t *testing.T) {
	text := "ITEM 7.  FINANCIAL STATEMENTS AND EXHIBITS.\n\n(c) Exhibits.\n\n" +
		"     1.   Agreement and Plan of Merger among Dunmore Tools, Inc. and Pike Valley Corp.\n" +
		"     2.   Escrow Agreement among Dunmore Tools, Inc. and First Lake Bank.\n\n" +
		"SIGNATURES\n\nEXHIBIT INDEX\n\n" +
		"99.1      Agreement and Plan of Merger among Dunmore Tools, Inc. and Pike Valley Corp.\n" +
		"99.2      Escrow Agreement among Dunmore Tools, Inc. and First Lake Bank.\n"
	got := ParseIndex(text)
	if len(got) != 2 || got[0].Number != "99.1" || got[1].Number != "99.2" {
		t.Errorf("ParseIndex = %+v, want 99.1 and 99.2", got)
	}
}
