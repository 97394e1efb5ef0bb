package codes

import "testing"

// TestFindDatePrefilters checks that the cheap tests FindDate runs before
// its regexps never reject a string a regexp matches.
func TestFindDatePrefilters(t *testing.T) {
	samples := []string{
		"July 29, 2004", "JULY 29,2004", "29 july 2004", "ſept. 3, 2004", "a1ſept 3, 2004", "SEPT 3 2004", "dec\u00a01, 1999",
		"7/29/04", "07/29/2004", "2004-07-29", "20040729", " 20040729 ", "Act of 1934", "no date", "",
		"May 5, 12345", "1 Mar 2001", "MaR 1, 2001", "jUn 30 2020", "Aug.\t1, 2010",
	}
	for _, s := range samples {
		if (reMonthDayYear.MatchString(s) || reDayMonthYear.MatchString(s)) && !(hasDigitRun(s, 4) && mayHaveMonth(s)) {
			t.Errorf("month pattern matches %q but the prefilter rejects it", s)
		}
		if (reISO.MatchString(s) || reCompact.MatchString(s)) && !hasDigitRun(s, 4) {
			t.Errorf("numeric pattern matches %q but the prefilter rejects it", s)
		}
	}
	// (?i) matches "ſ" (U+017F) as "s"; \b needs a word character before
	// it, as ſ is not one.
	if got, _ := FindDate("a1ſept 3, 2004"); got != "2004-09-03" {
		t.Errorf("FindDate(a1ſept 3, 2004) = %q", got)
	}
	if got, _ := FindDate("on 7/29/04"); got != "2004-07-29" {
		t.Errorf("FindDate(on 7/29/04) = %q", got)
	}
}
