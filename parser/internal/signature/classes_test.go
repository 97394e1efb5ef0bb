package signature

import (
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/textconv"
)

// sig builds an expected signer.
func sig(name, title, date, forEntity, context string) Signer {
	return Signer{Name: name, Title: title, Date: date, For: forEntity, Context: context}
}

// fixtureText reads a fixture and renders it as text the way the parser
// does (HTML fixtures through the HTML converter).
func fixtureText(t *testing.T, name string) string {
	t.Helper()
	s := readFixture(t, name)
	if strings.HasSuffix(name, ".html") {
		return textconv.HTMLToText([]byte(s))
	}
	return s
}

// TestExtractClasses checks one invented filing per layout class of issue 8:
// two-column capacity tables, directors signed by an attorney-in-fact,
// wrapped titles, titles that repeat the name, blocks without an entity,
// co-registrants and the anchors of applications and registration
// statements.
func TestExtractClasses(t *testing.T) {
	const (
		reg = ContextRegistrant
		cap = ContextCapacity
	)
	bluefin, coral, granite := "BLUEFIN MARINE SUPPLY CORPORATION", "CORAL RIDGE THERAPEUTICS, INC.", "GRANITE PEAK UTILITIES, INC."
	tide, silver, north := "TIDEWATER RAIL HOLDINGS CORPORATION", "SILVERLAKE HEALTH PARTNERS, INC.", "NORTHGATE DATA SYSTEMS CORPORATION"
	oak, prairie := "OAKHAVEN FOODS, INC.", "PRAIRIE WIND ETHANOL, LLC"
	cases := []struct {
		file, registrant string
		want             []Signer
	}{
		{"twocol-10k.txt", "BLUEFIN MARINE SUPPLY CORP", []Signer{
			sig("Harold T. Quimby", "President and Chief Executive Officer", "1998-03-27", bluefin, reg),
			sig("Harold T. Quimby", "President, Chief Executive Officer and Director (Principal Executive Officer)", "1998-03-27", bluefin, cap),
			sig("Loretta M. Banks", "Vice President - Finance and Treasurer (Principal Financial and Accounting Officer)", "1998-03-27", bluefin, cap),
			sig("Oscar P. Lindqvist", "Chairman of the Board", "1998-03-27", bluefin, cap),
			sig("Priya Raman", "Director", "1998-03-27", bluefin, cap),
			sig("Walter E. Hughes, Jr.", "Director", "1998-03-27", bluefin, cap),
			sig("Miriam Ostrowski", "Director", "1998-03-27", bluefin, cap),
			sig("Desmond K. Achebe", "Director", "1998-03-27", bluefin, cap),
		}},
		{"twocol-10k.html", "CORAL RIDGE THERAPEUTICS INC", []Signer{
			sig("Naomi F. Castellano", "Chief Executive Officer", "2021-02-26", coral, reg),
			sig("Naomi F. Castellano", "Chief Executive Officer and Director (Principal Executive Officer)", "2021-02-26", coral, cap),
			sig("Tobias Wren", "Chief Financial Officer (Principal Financial and Accounting Officer)", "2021-02-26", coral, cap),
			sig("Ingrid Solberg", "Chair of the Board", "2021-02-26", coral, cap),
			sig("Marcus J. Delacroix", "Director", "2021-02-26", coral, cap),
			sig("Yusuf Adeyemi", "Director", "2021-02-26", coral, cap),
			sig("Hélène Beaumont", "Director", "2021-02-26", coral, cap),
			sig("Gregory P. Nakamura", "Director", "2021-02-26", coral, cap),
		}},
		{"attorney-10k.txt", "GRANITE PEAK UTILITIES INC", []Signer{
			sig("Eleanor R. Whitcomb", "Vice President and Controller", "1996-03-15", granite, reg),
			sig("Franklin D. Osei", "Chairman of the Board, President and Chief Executive Officer (Principal Executive Officer)", "1996-03-15", granite, cap),
			sig("Eleanor R. Whitcomb", "Vice President and Controller (Principal Financial and Accounting Officer)", "1996-03-15", granite, cap),
			sig("Beatrice L. Fontaine", "Director", "1996-03-15", granite, cap),
			sig("Raymond J. Kowalczyk", "Director", "1996-03-15", granite, cap),
			sig("Samuel T. Oyelaran, III", "Director", "1996-03-15", granite, cap),
			sig("Eleanor R. Whitcomb", "Attorney-in-Fact", "1996-03-15", granite, cap),
		}},
		{"attorney-grid-10k.txt", "TIDEWATER RAIL HOLDINGS CORP", []Signer{
			sig("Louis K. Farragut", "Chief Executive Officer", "2024-02-12", tide, reg),
			sig("Louis K. Farragut", "Chief Executive Officer", "2024-02-12", tide, cap),
			sig("Dana R. Whitfield", "Executive Vice President and Chief Financial Officer", "2024-02-12", tide, cap),
			sig("Arturo M. Benavides", "Director", "2024-02-12", tide, cap),
			sig("Constance E. Yarrow", "Director", "2024-02-12", tide, cap),
			sig("Philippa J. Drummond", "Director", "2024-02-12", tide, cap),
			sig("Theodore Okonkwo", "Director", "2024-02-12", tide, cap),
			sig("Gunnar S. Eriksen", "Director", "2024-02-12", tide, cap),
			sig("Marjorie T. Lindgren", "Attorney-in-fact", "2024-02-12", tide, cap),
		}},
		{"star-rows-10k.txt", "SILVERLAKE HEALTH PARTNERS INC", []Signer{
			sig("Rosalind M. Hargrove", "Chief Executive Officer", "2025-02-20", silver, reg),
			sig("Rosalind M. Hargrove", "Director and Chief Executive Officer (principal executive officer)", "2025-02-20", silver, cap),
			sig("Vikram S. Desai", "Chief Financial Officer (principal financial officer)", "2025-02-20", silver, cap),
			sig("Cornelius Abernathy", "Director", "2025-02-20", silver, cap),
			sig("Elspeth Marlowe-Greene", "Chair of the Board", "2025-02-20", silver, cap),
			sig("Jerome T. Whitaker, M.D.", "Director", "2025-02-20", silver, cap),
			sig("Olivia P. Strand", "Attorney-in-Fact", "2025-02-20", silver, cap),
		}},
		{"attorney-column-10k.txt", "NORTHGATE DATA SYSTEMS CORP", []Signer{
			sig("Claudia V. Merriweather", "Vice President and Controller", "2025-02-24", north, reg),
			sig("Bernard O. Kimathi", "Chairman of the Board and Chief Executive Officer", "2025-02-24", north, cap),
			sig("Claudia V. Merriweather", "Vice President and Controller", "2025-02-24", north, cap),
			sig("Peter A. Volkov", "Attorney-in-fact", "2025-02-24", north, cap),
			sig("Annika L. Sorensen", "Director", "2025-02-24", north, cap),
			sig("Rafael D. Montoya", "Director", "2025-02-24", north, cap),
			sig("Evelyn C. Thibodeaux", "Director", "2025-02-24", north, cap),
		}},
		{"wrapped-10k.txt", "OAKHAVEN FOODS INC", []Signer{
			sig("Cecil W. Brandywine", "Chairman of the Board and Chief Executive Officer", "2001-03-30", oak, reg),
			sig("Cecil W. Brandywine", "Chairman of the Board and Chief Executive Officer (Principal Executive Officer)", "2001-03-30", oak, cap),
			sig("Marisol Etxeberria", "Senior Vice President, Finance and Chief Financial Officer (Principal Financial and Accounting Officer)", "2001-03-30", oak, cap),
			sig("Jonathan R. Pemberton", "Director", "2001-03-30", oak, cap),
			sig("Agnes H. Szabo", "Director and Chairman of the Audit Committee", "2001-03-30", oak, cap),
		}},
		{"wrapped-10k.html", "WILLOWBROOK INSTRUMENTS CORP", []Signer{
			sig("Fergus O. Lindqvist", "President and Chief Executive Officer", "2012-03-02", "WILLOWBROOK INSTRUMENTS CORP.", reg),
			sig("Fergus O. Lindqvist", "President, Chief Executive Officer and Director (Principal Executive Officer)", "2012-03-02", "WILLOWBROOK INSTRUMENTS CORP.", cap),
			sig("Renata Solis-Park", "Vice President, Finance and Chief Financial Officer (Principal Financial and Accounting Officer)", "2012-03-02", "WILLOWBROOK INSTRUMENTS CORP.", cap),
			sig("Desmond A. Whitlock", "Director", "2012-03-02", "WILLOWBROOK INSTRUMENTS CORP.", cap),
		}},
		{"accordance-10k.txt", "PRAIRIE WIND ETHANOL LLC", []Signer{
			sig("Bartholomew Ingle", "President and Chief Executive Officer", "2008-12-19", prairie, reg),
			sig("Rosalie Vandermeer", "Chairman of the Board", "2008-12-19", prairie, cap),
			sig("Thaddeus Kline", "Director", "2008-12-19", prairie, cap),
		}},
		{"names-8k.txt", "FENWICK LANE BANCORP INC", []Signer{
			sig("Theodora P. Vance", "Executive Vice President and Chief Financial Officer", "2009-07-09", "FENWICK LANE BANCORP, INC.", reg),
		}},
		{"its-8k.txt", "LANTERN BAY RESOURCES LP", []Signer{
			sig("Gideon R. Ashworth", "Chief Financial Officer", "2018-05-04", "LANTERN BAY RESOURCES, LP", reg),
		}},
		{"noentity-8k.txt", "MERIDIAN OPTICS CORP", []Signer{
			sig("Samira K. Haddad", "Senior Vice President and General Counsel", "2017-10-03", "MERIDIAN OPTICS CORP", reg),
		}},
		{"coreg-8k.txt", "KESTREL ENERGY HOLDINGS INC", []Signer{
			sig("Miles A. Thornbury", "Vice President and Treasurer", "2015-12-01", "KESTREL ENERGY HOLDINGS, INC.", reg),
			sig("Miles A. Thornbury", "Vice President and Treasurer", "2015-12-01", "KESTREL ELECTRIC COMPANY", reg),
			sig("Miles A. Thornbury", "Vice President and Treasurer", "2015-12-01", "KESTREL GAS TRANSMISSION, LLC", reg),
			sig("Miles A. Thornbury", "Vice President and Treasurer", "2015-12-01", "NORTHERN KESTREL POWER CORPORATION", reg),
		}},
		{"application-u1.txt", "HERON VALLEY GAS CO", []Signer{
			sig("Gwendolyn S. Abara", "Secretary", "1999-06-14", "HERON VALLEY GAS COMPANY", reg),
		}},
		{"regstmt-s8.txt", "PALISADE ROBOTICS INC", []Signer{
			sig("Imogen Castellanos", "Chief Executive Officer", "2022-06-03", "PALISADE ROBOTICS, INC.", reg),
		}},
	}
	for _, c := range cases {
		got := Extract(fixtureText(t, c.file), c.registrant)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %d signers, want %d:\n%s", c.file, len(got), len(c.want), dumpSigners(got))
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%s signer %d:\n got %+v\nwant %+v", c.file, k, got[k], c.want[k])
			}
		}
	}
}

// dumpSigners prints signers one a line for a failure message.
func dumpSigners(ss []Signer) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString("  " + s.Name + " | " + s.Title + " | " + s.Date + " | " + s.For + " | " + s.Context + "\n")
	}
	return b.String()
}

// TestExtractRegistrantsMark checks co-registrants marked "(Registrants)"
// whose names carry no legal-form word: one row per entity.
func TestExtractRegistrantsMark(t *testing.T) {
	text := "SIGNATURE\nPursuant to the requirements of the Securities Exchange Act of 1934, each registrant has duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.\n\n" +
		"\t\tHALCYON WATER WORKS COMPANY\n\t\tHALCYON INTERNATIONAL\n\t\t(Registrants)\n\nDate: April 2, 2019\t\tBy: /s/ Orla N. Pettersen\n\t\tOrla N. Pettersen\n\t\tVice President and Controller\n"
	got := Extract(text, "HALCYON WATER WORKS CO")
	want := []Signer{
		sig("Orla N. Pettersen", "Vice President and Controller", "2019-04-02", "HALCYON WATER WORKS COMPANY", ContextRegistrant),
		sig("Orla N. Pettersen", "Vice President and Controller", "2019-04-02", "HALCYON INTERNATIONAL", ContextRegistrant),
	}
	if len(got) != len(want) {
		t.Fatalf("got %d signers, want %d:\n%s", len(got), len(want), dumpSigners(got))
	}
	for k := range got {
		if got[k] != want[k] {
			t.Errorf("signer %d:\n got %+v\nwant %+v", k, got[k], want[k])
		}
	}
}

// TestCleanTitle checks the title tidying of finish: no copy of the name,
// no "Its", "By:", "Title:" or "As" in front.
func TestCleanTitle(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"Jane Doe", "Jane Q. Doe, President", "President"},
		{"Jane Q. Doe", "Jane Q. Doe President and Treasurer", "President and Treasurer"},
		{"Jane Q. Doe", "Its President", "President"},
		{"Jane Q. Doe", "Its: Managing Member", "Managing Member"},
		{"Jane Q. Doe", "Title: Chief Executive Officer,", "Chief Executive Officer"},
		{"Olivia P. Strand", "As Attorney-in-Fact", "Attorney-in-Fact"},
		{"Jane Q. Doe", "Assistant Secretary", "Assistant Secretary"},
		{"Jane Q. Doe", "Vice President, Finance", "Vice President, Finance"},
	}
	for _, c := range cases {
		if got := cleanTitle(c.name, c.in); got != c.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
