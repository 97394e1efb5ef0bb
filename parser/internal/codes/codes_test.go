package codes

import "testing"

func TestStateCode(t *testing.T) {
	cases := map[string]string{
		"DELAWARE": "DE", "Delaware": "DE", "Del.": "DE", "DE": "DE", "State of New York": "NY",
		"  new  jersey ": "NJ", "Commonwealth of Massachusetts": "MA", "Cayman Islands": "E9",
		"Narnia": "", "": "", "British Columbia": "A1",
	}
	for in, want := range cases {
		if got := StateCode(in); got != want {
			t.Errorf("StateCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindDate(t *testing.T) {
	cases := map[string]string{
		"July 29, 2004":                   "2004-07-29",
		"Date: July 29,2004":              "2004-07-29",
		"Jul. 29, 2004":                   "2004-07-29",
		"29 July 2004":                    "2004-07-29",
		"Dated: 7/29/2004":                "2004-07-29",
		"7/29/04":                         "2004-07-29",
		"2004-07-29":                      "2004-07-29",
		"20040729":                        "2004-07-29",
		"September 31, 2004":              "",
		"no date here":                    "",
		"on July 1, 2004 and May 2, 2003": "2004-07-01",
		"February 1st, 2024":              "2024-02-01",
	}
	for in, want := range cases {
		got, ok := FindDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("FindDate(%q) = %q,%v, want %q", in, got, ok, want)
		}
	}
	if got := CompactDate("00000000"); got != "" {
		t.Errorf("CompactDate(00000000) = %q", got)
	}
	if got := CompactDate("19950315"); got != "1995-03-15" {
		t.Errorf("CompactDate = %q", got)
	}
}

func TestIRSNumber(t *testing.T) {
	for in, want := range map[string]string{
		"000000000": "", " 00-0000000 ": "", "0": "", "04-3387074": "04-3387074", " 942404110": "942404110",
		"": "", "N/A": "N/A", "000000001": "000000001",
	} {
		if got := IRSNumber(in); got != want {
			t.Errorf("IRSNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
