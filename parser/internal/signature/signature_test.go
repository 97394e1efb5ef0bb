package signature

import (
	"os"
	"path/filepath"
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

func TestExtractFixtures(t *testing.T) {
	cases := []struct {
		file string
		want []Signer
	}{
		{"acme-8k-multi.txt", []Signer{
			{Name: "Jane Q. Roe", Title: "Executive Vice President and Chief Financial Officer", Date: "2011-03-04", For: "ACME WIDGET HOLDINGS, INC.", Context: ContextRegistrant},
			{Name: "John P. Doe, Jr.", Title: "Treasurer", Date: "2011-03-04", For: "ACME WIDGET OPERATING COMPANY", Context: ContextRegistrant},
		}},
		{"globex-10k.txt", []Signer{
			{Name: "Hank Scorpio", Title: "Chief Executive Officer", Date: "2020-02-20", For: "GLOBEX TOOLING CORP.", Context: ContextRegistrant},
			{Name: "Hank Scorpio", Title: "Chief Executive Officer and Director (Principal Executive Officer)", Date: "2020-02-20", For: "GLOBEX TOOLING CORP.", Context: ContextCapacity},
			{Name: "Mindy Simmons", Title: "Chief Financial Officer (Principal Financial Officer)", Date: "2020-02-21", For: "GLOBEX TOOLING CORP.", Context: ContextCapacity},
			{Name: "Lenny Leonard", Title: "Director", Date: "2020-02-20", For: "GLOBEX TOOLING CORP.", Context: ContextCapacity},
		}},
	}
	for _, c := range cases {
		got := Extract(readFixture(t, c.file), "")
		if len(got) != len(c.want) {
			t.Errorf("%s: got %d signers %+v, want %d", c.file, len(got), got, len(c.want))
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%s signer %d:\n got %+v\nwant %+v", c.file, k, got[k], c.want[k])
			}
		}
	}
}

func TestExtractLayouts(t *testing.T) {
	cases := []struct {
		name, text string
		want       Signer
	}{
		{"name and title on one line", "SIGNATURE\nPursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.\nINITECH, INC.\nBy: /s/ Bill Lumbergh\nBill Lumbergh, Vice President\nDate: June 2, 2001\n",
			Signer{Name: "Bill Lumbergh", Title: "Vice President", Date: "2001-06-02", For: "INITECH, INC.", Context: ContextRegistrant}},
		{"labels in cells", "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf.\nINITECH, INC.\nDate:\tJune 2, 2001\tBy:\t/s/ Peter Gibbons\nName:\tPeter Gibbons\nTitle:\tChief Operating Officer\n",
			Signer{Name: "Peter Gibbons", Title: "Chief Operating Officer", Date: "2001-06-02", For: "INITECH, INC.", Context: ContextRegistrant}},
		{"signature after the date", "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.\nINITECH, INC.\nDate: June 2, 2001 /s/Michael Bolton\nMichael Bolton\nSecretary\n",
			Signer{Name: "Michael Bolton", Title: "Secretary", Date: "2001-06-02", For: "INITECH, INC.", Context: ContextRegistrant}},
		{"title naming an entity", "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.\nINITECH PARTNERS, L.P.\nDate: June 2, 2001\t/s/ Samir Nagheenanajar\n\tSamir Nagheenanajar\n\tPresident, Initech GP Holdings, Inc.\n",
			Signer{Name: "Samir Nagheenanajar", Title: "President, Initech GP Holdings, Inc.", Date: "2001-06-02", For: "INITECH PARTNERS, L.P.", Context: ContextRegistrant}},
		{"trustee signed through a second power of attorney", "Pursuant to the requirements of the Securities Act of 1933, this Registration Statement has been signed below by the following persons in the capacities and on the date indicated.\nJames Q. Lamb**\nTrustee\nDate:\tApril 18, 2024\n",
			Signer{Name: "James Q. Lamb", Title: "Trustee", Date: "2024-04-18", For: "INITECH", Context: ContextCapacity}},
		{"attorney-in-fact on one line", "Pursuant to the requirements of the Securities Exchange Act of 1934, this report has been signed below by the following persons on behalf of the registrant and in the capacities indicated.\n\n*By: /s/ Milton Waddams, Attorney-in-Fact\n",
			Signer{Name: "Milton Waddams", Title: "Attorney-in-Fact", Context: ContextCapacity, For: "INITECH"}},
	}
	for _, c := range cases {
		got := Extract(c.text, "INITECH")
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestExtractNone(t *testing.T) {
	for _, s := range []string{"", "no signatures here", "/s/ Ernst & Young LLP\nBoston, Massachusetts",
		"Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.\n\n/s/ Ernst & Young LLP\n"} {
		if got := Extract(s, ""); len(got) != 0 {
			t.Errorf("Extract(%q) = %+v, want none", s, got)
		}
	}
}

func TestSplitNameTitle(t *testing.T) {
	cases := []struct{ in, known, name, title string }{
		{"Jason Smart, Chief Executive Officer,", "", "Jason Smart", "Chief Executive Officer,"},
		{"Alex Hui President,", "Alex Hui", "Alex Hui", "President,"},
		{"William E. Ladin, Jr. William E. Ladin, Jr. President and Chief Executive Officer", "", "William E. Ladin, Jr.", "President and Chief Executive Officer"},
		{"JONAH SHACKNAI Jonah Shacknai", "", "Jonah Shacknai", ""},
		{"Thomas B. Pickens, III", "", "Thomas B. Pickens, III", ""},
	}
	for _, c := range cases {
		n, ti := splitNameTitle(c.in, c.known)
		if n != c.name || ti != c.title {
			t.Errorf("splitNameTitle(%q, %q) = %q, %q; want %q, %q", c.in, c.known, n, ti, c.name, c.title)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.\nX CORP.\nBy: /s/ A B\nName: A B\nTitle: CEO\nDate: May 1, 2001")
	f.Add("SIGNATURES\n/s/ A\t/s/ B\nA\tB\nDirector\tDirector\n")
	f.Add("Pursuant to the requirements of\nBy\nBy\n/s/\n/s/ /s/ /s/\n" + strings.Repeat("\t", 5))
	f.Add("SIGNATURES\nsigned below by the following persons\n*\t*\nA B*\tC D*\n*\tDirector\n\t\tAttorney-in-fact May 1, 2001\n")
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "*-*.txt"))
	for _, p := range fixtures {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sg := range Extract(s, "X CORP") {
			if sg.Name == "" {
				t.Fatalf("empty signer name from %q", s)
			}
		}
	})
}
