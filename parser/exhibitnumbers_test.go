package parser

import (
	"strings"
	"testing"
)

// TestPrintedNumber checks that an EX-99 document takes the full number
// its first line prints, and only one of its own base.
func TestPrintedNumber(t *testing.T) {
	cases := []struct{ text, num, want string }{
		{"EXHIBIT 99.1\n\nPelham Kilns Reports Record Sales", "99", "99.1"},
		{"\n  Exhibit 23(d)\nConsent of Harrow & Vane LLP", "23", "23(d)"},
		{"EXHIBIT 10.2\nLease", "99", "99"},
		{"Exhibit 99.2\nSlides", "99.1", "99.1"},
		{"Pelham Kilns Reports Record Sales\nline\nline\nline\nline\nEXHIBIT 99.3", "99", "99"},
	}
	for _, c := range cases {
		if got := printedNumber(c.text, c.num); got != c.want {
			t.Errorf("printedNumber(%q, %q) = %q, want %q", c.text, c.num, got, c.want)
		}
	}
}

// TestEX99DocumentsMergeByPrintedNumber checks a submission with two EX-99
// documents and an index listing 99.1 and 99.2: each document merges
// with the row its first line names, so every document is one row.
func TestEX99DocumentsMergeByPrintedNumber(t *testing.T) {
	sub := "<SEC-DOCUMENT>0000950123-09-000001.txt : 20090105\n<SEC-HEADER>0000950123-09-000001.hdr.sgml : 20090105\n" +
		"ACCESSION NUMBER:\t\t0000950123-09-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t3\nFILED AS OF DATE:\t\t20090105\n" +
		"FILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tPELHAM KILNS INC\n\t\tCENTRAL INDEX KEY:\t\t\t0000999001\n</SEC-HEADER>\n" +
		"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>k8.txt\n<TEXT>\nFORM 8-K\nPELHAM KILNS INC\n\nItem 9.01 Financial Statements and Exhibits.\n\n(d) Exhibits\n\n" +
		"99.1\tPress release of Pelham Kilns Inc. dated January 5, 2009.\n99.2\tInvestor presentation of Pelham Kilns Inc.\n\nSIGNATURES\n</TEXT>\n</DOCUMENT>\n" +
		"<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<FILENAME>ex99a.txt\n<TEXT>\nEXHIBIT 99.1\n\nPelham Kilns reports record sales.\n</TEXT>\n</DOCUMENT>\n" +
		"<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>3\n<FILENAME>ex99b.txt\n<TEXT>\nEXHIBIT 99.2\n\nInvestor presentation.\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
	f, err := Parse("pelham.txt", []byte(sub))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range f.Exhibits {
		got = append(got, e.Number+"="+e.Filename)
	}
	if want := "99.1=ex99a.txt 99.2=ex99b.txt"; strings.Join(got, " ") != want {
		t.Errorf("exhibits %v, want %s", got, want)
	}
}

// TestBareExhibitFile checks that a lone exhibit file is that exhibit,
// not the annual report its text mentions, and yields itself as one
// document and one exhibit row.
func TestBareExhibitFile(t *testing.T) {
	html := "<html><body><p>EXHIBIT 99.1</p><p>Pelham Kilns Inc. Reports Fourth Quarter Results</p>" +
		"<p>ANNUAL REPORT ON FORM 10-K</p><p>Pelham Kilns Inc. will file its Annual Report on Form 10-K for the fiscal year ended December 31, 2008 in March.</p></body></html>"
	f, err := Parse("pelham-ex991.htm", []byte(html))
	if err != nil {
		t.Fatal(err)
	}
	if f.FormType != "EX-99.1" {
		t.Errorf("form type %q, want EX-99.1", f.FormType)
	}
	if len(f.Documents) != 1 || f.Documents[0].Type != "EX-99.1" {
		t.Errorf("documents %+v", f.Documents)
	}
	if len(f.Exhibits) != 1 || f.Exhibits[0].Number != "99.1" || f.Exhibits[0].Type != "EX-99.1" ||
		!strings.Contains(f.Exhibits[0].Text, "Fourth Quarter Results") || f.Exhibits[0].Bytes != len(html) {
		t.Errorf("exhibits %+v", f.Exhibits)
	}
}

// TestMergeByDescription checks that an EX-* document whose number the
// index does not print merges with the one row its description begins:
// an agreement typed EX-99 that the index lists as 10.1.
func TestMergeByDescription(t *testing.T) {
	rows := []Exhibit{
		{Number: "10.1", Description: "Agreement and Plan of Merger, dated as of May 2, 1997, among Dunmore Tools, Inc. and Pike Valley Corp."},
		{Number: "99.1", Description: "Joint press release of Dunmore Tools, Inc. and Pike Valley Corp."},
	}
	docs := []exhibitDoc{
		{row: Exhibit{Number: "99.1", Type: "EX-99.1", Filename: "ex991.txt", Bytes: 5}, key: "99.1"},
		{row: Exhibit{Number: "99", Type: "EX-99", Filename: "ex99.txt", Description: "AGREEMENT AND PLAN OF MERGER", Bytes: 9}, key: "99"},
		{row: Exhibit{Number: "99", Type: "EX-99", Filename: "ex99b.txt", Description: "LETTER", Bytes: 3}, key: "99"},
	}
	got := mergeDocumentExhibits(rows, docs)
	var b []string
	for _, e := range got {
		b = append(b, e.Number+"="+e.Filename)
	}
	if want := "10.1=ex99.txt 99.1=ex991.txt 99=ex99b.txt"; strings.Join(b, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(b, " "), want)
	}
}
