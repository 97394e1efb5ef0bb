package items

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fixture reads a file of testdata.
func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExtractModern8K(t *testing.T) {
	got := Extract(fixture(t, "8k-modern-2006.txt"), "8-K", "2006-03-14")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"2.02", "5.02", "9.01"}) {
		t.Fatalf("codes %v", c)
	}
	if got[0].NumberAsFiled != "2.02" || got[0].Title != "Results of Operations and Financial Condition" {
		t.Errorf("item 0: %+v", got[0])
	}
	if !strings.HasPrefix(got[0].Text, "On March 14, 2006") || !strings.HasSuffix(got[0].Text, "Item 9.01 below.") {
		t.Errorf("2.02 text %q", got[0].Text)
	}
	if got[1].Text != "On March 13, 2006, Jane Roe resigned as Chief Financial Officer." {
		t.Errorf("5.02 text %q", got[1].Text)
	}
	if !strings.Contains(got[2].Text, "99.1") || strings.Contains(got[2].Text, "Pursuant") {
		t.Errorf("9.01 text runs past the signature: %q", got[2].Text)
	}
	for _, it := range got {
		if it.Part != "" {
			t.Errorf("8-K item with part: %+v", it)
		}
	}
}

func TestExtractLegacy8K(t *testing.T) {
	text := fixture(t, "8k-legacy-2003.txt")
	for _, filed := range []string{"2003-05-02", "20030502", ""} {
		got := Extract(text, "8-K/A", filed)
		want := []Item{
			{Code: "8.01", NumberAsFiled: "5", Title: "Other Events"},
			{Code: "9.01", NumberAsFiled: "7", Title: "Financial Statements and Exhibits"},
			{Code: "2.02", NumberAsFiled: "12", Title: "Results of Operations and Financial Condition"},
		}
		if len(got) != len(want) {
			t.Fatalf("filed %q: got %+v", filed, got)
		}
		for i := range want {
			g := got[i]
			g.Text = ""
			if g != want[i] {
				t.Errorf("filed %q item %d: got %+v want %+v", filed, i, g, want[i])
			}
		}
		if got[2].Text != "See the press release attached as Exhibit 99." {
			t.Errorf("text %q", got[2].Text)
		}
	}
}

func TestExtract10QTOC(t *testing.T) {
	got := Extract(fixture(t, "10q-toc.txt"), "10-Q", "2007-05-10")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"I-1", "I-2", "I-3", "I-4", "II-1", "II-6"}) {
		t.Fatalf("codes %v", c)
	}
	if !strings.HasPrefix(got[0].Text, "CONDENSED CONSOLIDATED BALANCE SHEETS") {
		t.Errorf("I-1 text is not the body: %q", got[0].Text)
	}
	if !strings.HasPrefix(got[1].Text, "Revenue grew") { // wrapped title skipped
		t.Errorf("I-2 text %q", got[1].Text)
	}
	if got[4].Text != "None." || got[4].Part != "II" || got[4].Title != "Legal Proceedings" {
		t.Errorf("II-1: %+v", got[4])
	}
	if !strings.Contains(got[5].Text, "31.2") || strings.Contains(got[5].Text, "SIGNATURES") {
		t.Errorf("II-6 text %q", got[5].Text)
	}
}

func TestExtract10KTabbedTOC(t *testing.T) {
	got := Extract(fixture(t, "10k-html-toc.txt"), "10-K", "2025-02-01")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"I-1", "I-1A", "I-2", "II-7", "II-8", "IV-15"}) {
		t.Fatalf("codes %v", c)
	}
	wantText := map[string]string{
		"I-1":   "Kestrel Foods makes frozen pies.\nKestrel Foods Corp. | 2024 Form 10-K | 3\nPART I\nItem 1\nWe sell the pies in 12 states.",
		"I-1A":  "Pie demand is seasonal.",
		"II-7":  "Sales rose. See Item 1A, “Risk Factors.”\nItem 8 of this report contains the statements.",
		"IV-15": "See the exhibit index.",
	}
	for _, it := range got {
		if w, ok := wantText[it.Code]; ok && it.Text != w {
			t.Errorf("%s text %q, want %q", it.Code, it.Text, w)
		}
		if it.Title != Title("10-K", it.Code) || it.Title == "" {
			t.Errorf("%s title %q", it.Code, it.Title)
		}
	}
	if got[1].NumberAsFiled != "1A" || got[1].Part != "I" {
		t.Errorf("I-1A: %+v", got[1])
	}
}

func TestExtractNoItems(t *testing.T) {
	text := "Item 1. Business\n\nWe sell things.\n"
	for _, form := range []string{"6-K", "S-1", "DEF 14A", "4", ""} {
		if got := Extract(text, form, ""); got != nil {
			t.Errorf("%s: got %+v", form, got)
		}
	}
	if got := Extract("", "8-K", ""); got != nil {
		t.Errorf("empty text: %+v", got)
	}
	if got := Extract(text, "10-K405", ""); len(got) != 1 || got[0].Code != "I-1" {
		t.Errorf("10-K405: %+v", got)
	}
}

func TestProseMentionsIgnored(t *testing.T) {
	text := "Item 2.02 Results of Operations\n\nWe report results. Pursuant to\nItem 12 of Form 8-K, as described in\nItem 7.01 above, nothing else.\nItem 5) which was old.\nItems 1 and 2 do not apply.\n"
	got := Extract(text, "8-K", "2005-01-10")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"2.02"}) {
		t.Fatalf("codes %v", c)
	}
}

func TestTitle(t *testing.T) {
	cases := []struct{ form, code, want string }{
		{"8-K", "2.02", "Results of Operations and Financial Condition"},
		{"8-K/A", "9.01", "Financial Statements and Exhibits"},
		{"8-K", "12", ""},
		{"10-K", "I-1A", "Risk Factors"},
		{"10-K405", "II-7A", "Quantitative and Qualitative Disclosures About Market Risk"},
		{"10-KSB", "II-6", "Management's Discussion and Analysis or Plan of Operation"},
		{"10-Q", "II-1A", "Risk Factors"},
		{"10-Q", "I-1A", ""},
		{"20-F", "I-4A", "Unresolved Staff Comments"},
		{"6-K", "I-1", ""},
	}
	for _, c := range cases {
		if got := Title(c.form, c.code); got != c.want {
			t.Errorf("Title(%q, %q) = %q, want %q", c.form, c.code, got, c.want)
		}
	}
}

func TestFromHeader(t *testing.T) {
	cases := []struct {
		values      []string
		filed, want string
	}{
		{[]string{"Results of Operations and Financial Condition", "Financial Statements and Exhibits"}, "2024-02-01", "2.02/2.02 9.01/9.01"},
		{[]string{"Changes in control of registrant", "", "Financial statements and exhibits"}, "1996-11-25", "5.01/1 9.01/7"},
		{[]string{"Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers: Compensatory Arrangements of Certain Officers"}, "2024-12-27", "5.02/5.02"},
		{[]string{"Departure of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers"}, "2006-08-15", "5.02/5.02"},
		{[]string{"Cost Associated with Exit or Disposal Activities"}, "2005-02-23", "2.05/2.05"},
		{[]string{"7"}, "1994-02-02", "9.01/7"},
		{[]string{"7"}, "19940202", "9.01/7"},
		{[]string{"Changes in control of registrant"}, "20240201", "5.01/5.01"},
		{[]string{"2.02", "9.01", "2.02"}, "", "2.02/2.02 9.01/9.01"},
		{[]string{"Shareholder Nominations Pursuant to Exchange Act Rule 14a-11"}, "2011-09-01", "5.08/5.08"},
		{[]string{"Something entirely different"}, "2011-09-01", ""},
		{[]string{"1.01 2.03, 9.01"}, "2012-07-30", "1.01/1.01 2.03/2.03 9.01/9.01"},
	}
	for _, c := range cases {
		var parts []string
		for _, it := range FromHeader(c.values, "8-K", c.filed) {
			parts = append(parts, it.Code+"/"+it.NumberAsFiled)
			if it.Title != Title("8-K", it.Code) {
				t.Errorf("%v: title %q", c.values, it.Title)
			}
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("FromHeader(%v, %s) = %q, want %q", c.values, c.filed, got, c.want)
		}
	}
	if got := FromHeader([]string{"2.02"}, "10-K", ""); got != nil {
		t.Errorf("10-K header items: %+v", got)
	}
}

func TestLegacyNumberAfterSwitch(t *testing.T) {
	text := "Item 9: Regulation FD Disclosure\n\nWe furnish slides.\n\nItem 8. Other Events\n\nA plant opened.\n"
	got := Extract(text, "8-K", "2005-12-01")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"7.01", "8.01"}) {
		t.Fatalf("codes %v", c)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Item 2.02 Results\n\ntext\nItem 9.01(d) Exhibits\n99.1 Press", "8-K", "2005-01-01")
	f.Add("PART I\tItem 1.\tBusiness\t3\nItem 1A.\tRisk\t4\nPART II\nItem 7. MD&A\n\nx", "10-K", "")
	f.Add("PART I\nItem 1. F\nItem 2. M\nPART II\nItem 1. L\nItem 1. L\n", "10-Q", "2020-01-01")
	f.Add("Item 12.\nItem 1\n\titem 5.02(b)\nSIGNATURES\n", "8-K/A", "")
	f.Fuzz(func(t *testing.T, text, form, filed string) {
		for _, it := range Extract(text, form, filed) {
			if it.Code == "" {
				t.Fatalf("empty code: %+v", it)
			}
			if !strings.Contains(text, it.Text) {
				t.Fatalf("text not from input: %q", it.Text)
			}
		}
		FromHeader(strings.Split(text, "\n"), form, filed)
	})
}

func TestCombinedAndProseParts(t *testing.T) {
	text := "PART I\n\nItems 1 and 2. Business and Properties\n\nWe bake pies in Ohio.\n\nItem 3. Legal Proceedings\n\nNone pending.\n"
	got := Extract(text, "10-K", "")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"I-1", "I-2", "I-3"}) {
		t.Fatalf("codes %v", c)
	}
	if got[0].Text != "We bake pies in Ohio." || got[1].Text != got[0].Text {
		t.Errorf("I-1 text %q, I-2 text %q: a combined heading gives both items its text", got[0].Text, got[1].Text)
	}
	q := "PART II. OTHER INFORMATION\n\nItem 1. Legal Proceedings\n\nNone.\n\nItem 1A. Risk Factors\n\nSee the risks in\nPart I, Item 1A of our annual report and\nPart II of the prior quarter.\n\nItem 2. Unregistered Sales\n\nNone.\n"
	got = Extract(q, "10-Q", "")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"II-1", "II-1A", "II-2"}) {
		t.Fatalf("10-Q codes %v", c)
	}
	if !strings.HasSuffix(got[1].Text, "prior quarter.") {
		t.Errorf("II-1A text %q", got[1].Text)
	}
}

func TestRunInHeadings(t *testing.T) {
	text := "Item 8.01 Other Events. On May 2, 2006, the Company opened a plant in Ohio.\n\nMore text.\n\n" +
		"Item 9.01 Financial Statements and Exhibits: (d) Exhibit 99.1 Press release of the Company.\n"
	got := Extract(text, "8-K", "2006-05-02")
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	if got[0].Text != "On May 2, 2006, the Company opened a plant in Ohio.\n\nMore text." {
		t.Errorf("8.01 text %q", got[0].Text)
	}
	if got[1].Text != "(d) Exhibit 99.1 Press release of the Company." {
		t.Errorf("9.01 text %q", got[1].Text)
	}
	text = "Item 8.01 Other Events and Regulation FD Disclosure\n\nThe plant opened.\n"
	if got := Extract(text, "8-K", "2006-05-02"); len(got) != 1 || got[0].Text != "The plant opened." {
		t.Errorf("alias title: %+v", got)
	}
	text = "PART I\nItem 1. Business and Properties of the Company\n\nWe bake pies.\n"
	if got := Extract(text, "10-K", ""); len(got) != 1 || got[0].Text != "We bake pies." {
		t.Errorf("longer printed title: %+v", got)
	}
}

// itemText returns the text of the item of a code, "" when there is none.
func itemText(its []Item, code string) string {
	for _, it := range its {
		if it.Code == code {
			return it.Text
		}
	}
	return ""
}

// TestItemBoundaries checks where 8-K items end: before a section banner,
// at the signature sentence (no SIGNATURES heading) so that neither the
// signature nor the exhibit index after it is item text; and that a
// wrapped prose line starting with "Item 2.02" is not a heading.
func TestItemBoundaries(t *testing.T) {
	got := Extract(fixture(t, "boundaries-8k.txt"), "8-K", "2021-05-03")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"2.02", "8.01", "9.01"}) {
		t.Fatalf("codes %v", c)
	}
	if txt := itemText(got, "2.02"); !strings.HasSuffix(txt, "furnished as Exhibit 99.1.") {
		t.Errorf("2.02 runs into the section banner: %q", txt)
	}
	if txt := itemText(got, "8.01"); !strings.HasSuffix(txt, "The dividend is the first since 2019.") {
		t.Errorf("8.01 cut at a prose line or runs into the banner: %q", txt)
	}
	if txt := itemText(got, "9.01"); !strings.HasSuffix(txt, "dated May 3, 2021.") || strings.Contains(txt, "Pursuant") {
		t.Errorf("9.01 runs into the signature: %q", txt)
	}
}

// TestPrintedTitles checks titles printed below the ITEM line, titles of
// the filer's wording that wrap after a connector, combined headings,
// prose lines starting with "Item 15." and the POWER OF ATTORNEY heading
// that ends the last item of an annual report.
func TestPrintedTitles(t *testing.T) {
	got := Extract(fixture(t, "titles-10k.txt"), "10-K", "2009-02-18")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"I-1", "I-2", "I-1A", "II-5", "II-8", "IV-15"}) {
		t.Fatalf("codes %v", c)
	}
	want := map[string]string{
		"I-1":   "Tamarack Gravel Corporation quarries limestone at four sites in Vermont and sells crushed stone.",
		"I-2":   "Tamarack Gravel Corporation quarries limestone at four sites in Vermont and sells crushed stone.",
		"I-1A":  "Demand for crushed stone follows road building, which depends on public budgets we do not control.",
		"II-5":  "Our units are not traded on any exchange, and transfers require the consent of the board of managers.",
		"IV-15": "(a) The documents filed as part of this report are listed in the exhibit index.",
	}
	for code, w := range want {
		if txt := itemText(got, code); txt != w {
			t.Errorf("%s: got %q, want %q", code, txt, w)
		}
	}
	if txt := itemText(got, "II-8"); !strings.HasSuffix(txt, "pages F-1 through F-20 of this report.") {
		t.Errorf("II-8 cut at a prose line: %q", txt)
	}
}

// TestTOCOnlyItemFallsBackToPrintedTitle checks a 10-Q whose only "Item 1"
// heading is its table-of-contents row: the financial statements under
// the printed title are Item 1's text.
func TestTOCOnlyItemFallsBackToPrintedTitle(t *testing.T) {
	got := Extract(fixture(t, "toc-only-10q.txt"), "10-Q", "2019-08-01")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"I-1", "I-2", "I-4", "II-6"}) {
		t.Fatalf("codes %v", c)
	}
	txt := itemText(got, "I-1")
	if !strings.HasPrefix(txt, "Quillfeather Instruments, Inc. balance sheets") || !strings.HasSuffix(txt, "accounting policies in detail.") {
		t.Errorf("I-1 text %q", txt)
	}
}

// TestOpenTitleStopsAtHeading checks that a title ending in a connector
// does not swallow the next heading, and that odd heading orders never
// make the extractor fail.
func TestOpenTitleStopsAtHeading(t *testing.T) {
	text := "PART II\n\nItem 5. Market for Registrant's Common Equity and\nItem 6. Selected Financial Data\n\nFive years of figures for Birchwood Mills.\n"
	got := Extract(text, "10-K", "2005-03-01")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"II-5", "II-6"}) {
		t.Fatalf("codes %v", c)
	}
	if txt := itemText(got, "II-6"); txt != "Five years of figures for Birchwood Mills." {
		t.Errorf("II-6 text %q", txt)
	}
	for _, s := range []string{
		"Item 1. Financial Statements and\nItem 2. X\nItem 1. Financial Statements\t3\nItem 2. MD&A\t4\n",
		"Item 1\t3\nItem 1. and\nItem 2.\n",
	} {
		Extract(s, "10-Q", "")
	}
}

// TestHeadingAfterUnfinishedLine checks that a heading alone on its line
// stays a heading after a line that stops mid-sentence (a running head,
// an HTML line break), while the same words run on into prose are not.
func TestHeadingAfterUnfinishedLine(t *testing.T) {
	text := "PART I\n\nItem 1. Business\n\nOakhurst Pumps makes pumps for farms and sells them through dealers in\n" +
		"Item 1A. Risk Factors\n\nDemand for pumps depends on rainfall, which nobody at Oakhurst Pumps controls.\n"
	got := Extract(text, "10-K", "2010-03-01")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"I-1", "I-1A"}) {
		t.Fatalf("codes %v", c)
	}
	prose := strings.Replace(text, "Item 1A. Risk Factors\n", "Item 1A. Risk Factors of our prior report, and in Ohio.\n", 1)
	got = Extract(prose, "10-K", "2010-03-01")
	if c := codesOf(got); !reflect.DeepEqual(c, []string{"I-1"}) {
		t.Fatalf("prose codes %v", c)
	}
}
