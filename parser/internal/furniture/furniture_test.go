package furniture

import (
	"strings"
	"testing"
)

func TestStrip(t *testing.T) {
	prose := func(n int) string { return strings.Repeat("Some prose about the business.\n", n) }
	cases := []struct {
		name, in, want string
	}{
		{"page tags", "<PAGE>   1\nText one.\n</page>\n<Page>\nText two.", "Text one.\nText two."},
		{"tag before text", "<PAGE>EXHIBIT 99.1\nText.", "EXHIBIT 99.1\nText."},
		{"page numbers", "Text.\n\n2\n\nMore.\n\n-3-\n\n- 4 -\n\nPage 5 of 10\n\nEnd.", "Text.\n\nMore.\n\nEnd."},
		{"cell between table rows kept", "Revenue\t100\t200\n7\nCost\t50\t60", "Revenue\t100\t200\n7\nCost\t50\t60"},
		{"fixed-width cell kept", "Net income      1,234     1,100\n12\nTaxes           300       280", "Net income      1,234     1,100\n12\nTaxes           300       280"},
		{"page number after a table in sequence", prose(1) + "\n11\n\n" + "Low\t0.195\t0.18\n12\nB.\tPlan of Distribution\n" + prose(1) + "\n13\n", prose(1) + "\nLow\t0.195\t0.18\nB.\tPlan of Distribution\n" + prose(1)},
		{"running footer", prose(3) + "47 Acme Holdings Inc.\n" + prose(3) + "48 Acme Holdings Inc.\n" + prose(3) + "49 Acme Holdings Inc.\n", prose(9)},
		{"footer with a constant year", prose(3) + "Acme | 2024 Form 10-K | 5\n" + prose(3) + "Acme | 2024 Form 10-K | 6\n" + prose(3) + "Acme | 2024 Form 10-K | 8\n", prose(9)},
		{"numbered headings kept", "Item 1\nBusiness.\n" + prose(3) + "Item 2\nProperties.\n" + prose(3) + "Item 3\nLegal.\n", "Item 1\nBusiness.\n" + prose(3) + "Item 2\nProperties.\n" + prose(3) + "Item 3\nLegal.\n"},
		{"list rows kept", "4   Omitted - Inapplicable.\n5   Omitted - Inapplicable.\n6   Omitted - Inapplicable.", "4   Omitted - Inapplicable.\n5   Omitted - Inapplicable.\n6   Omitted - Inapplicable."},
		{"footnotes kept", "(1) Segment income includes:\n" + prose(3) + "(2) Segment income includes:\n" + prose(3) + "(3) Segment income includes:\n", "(1) Segment income includes:\n" + prose(3) + "(2) Segment income includes:\n" + prose(3) + "(3) Segment income includes:\n"},
		{"repeated footer values are content", prose(3) + "Year 2024 Acme 5\n" + prose(3) + "Year 2024 Acme 5\n" + prose(3) + "Year 2024 Acme 5\n", prose(3) + "Year 2024 Acme 5\n" + prose(3) + "Year 2024 Acme 5\n" + prose(3) + "Year 2024 Acme 5\n"},
		{"back-links", "Table of Contents\nItem 1. Business 3\n" + prose(2) + "\nTable of Contents\n" + prose(2), "Item 1. Business 3\n" + prose(2) + "\n" + prose(2)},
		{"one table of contents heading kept", "TABLE OF CONTENTS\nArticle I", "TABLE OF CONTENTS\nArticle I"},
		{"index back-links", "Index to Financial Statements\n" + prose(3) + "Index to Financial Statements\n" + prose(3) + "Index to Financial Statements\n" + prose(1), prose(7)},
		{"two index headings kept", "Index to Financial Statements\n" + prose(3) + "INDEX TO FINANCIAL STATEMENTS\n" + prose(1), "Index to Financial Statements\n" + prose(3) + "INDEX TO FINANCIAL STATEMENTS\n" + prose(1)},
		{"part footers", prose(3) + "Part I\t23\n" + prose(3) + "Part I\t24\n" + prose(3) + "Part II\t25\n" + prose(1), prose(10)},
		{"part headings kept", "PART I\n" + prose(3) + "PART II\n" + prose(3) + "PART III\n", "PART I\n" + prose(3) + "PART II\n" + prose(3) + "PART III\n"},
		{"dotted page numbers", prose(3) + "                                       2.\n" + prose(3) + "                                       3.\n" + prose(3) + "                                       4.\n", prose(9)},
		{"list numbers kept", "1.\nFinancial statements\n2.\nSchedules\n3.\nExhibits", "1.\nFinancial statements\n2.\nSchedules\n3.\nExhibits"},
		{"tabbed footers, arabic and roman", "Acme Form 10-Q\tii\n" + prose(3) + "Acme Form 10-Q\t1\n" + prose(3) + "Acme Form 10-Q\t2\n" + prose(3) + "Acme Form 10-Q\t3\n", prose(9)},
		{"table rows with a tab kept", "Revenue\t1\n" + prose(3) + "Revenue\t1\n" + prose(3) + "Revenue\t1\n", "Revenue\t1\n" + prose(3) + "Revenue\t1\n" + prose(3) + "Revenue\t1\n"},
		{"page N of M", prose(2) + "1 of 2\n" + prose(2) + "2 of 2\n", prose(4)},
		{"SGML table markup", "<TABLE>\n<CAPTION>\n<S>      <C>\nRevenue   100\n</TABLE>", "Revenue   100"},
	}
	for _, c := range cases {
		if got := Strip(c.in); got != strings.TrimSuffix(c.want, "\n") && got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestStripUnchangedText checks the shortcut for text without furniture:
// it comes back as it is, while text with a blank run, a page tag or a
// page number is still cleaned.
func TestStripUnchangedText(t *testing.T) {
	clean := "ACME CORP\n\nItem 2.02 Results of Operations\nRevenue rose.\n\n\tSigned\n"
	if got := Strip(clean); got != clean {
		t.Errorf("clean text changed: %q", got)
	}
	for in, want := range map[string]string{
		"a\n\n \nb":           "a\n\nb",
		"a\n<PAGE> 2 text\nb": "a\n2 text\nb",
		"a\n<PAGE>\nb":        "a\nb",
	} {
		if got := Strip(in); got != want {
			t.Errorf("Strip(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPrefiltersMatchRegexps checks mayBeMarker admits every page tag and
// page number, and onlySeparators agrees with strings.Trim.
func TestPrefiltersMatchRegexps(t *testing.T) {
	for _, s := range []string{"", "-2-", "- 3 -", "Page 3 of 10", "F-3", "a-12", "<PAGE>", "<page> 12", "</PAGE>\t", "12 of 40", "— 4",
		"page A-1", "Page", "x", "47 Acme", "| 47", "–—•·", "·x", "\u00a0|", "\xff", " - ", "iii"} {
		if (pageTagRe.MatchString(s) || explicitRe.MatchString(s)) && !mayBeMarker(s) {
			t.Errorf("mayBeMarker rejects %q", s)
		}
		if got, want := onlySeparators(s), strings.Trim(s, separators) == ""; got != want {
			t.Errorf("onlySeparators(%q) = %v, want %v", s, got, want)
		}
	}
}
