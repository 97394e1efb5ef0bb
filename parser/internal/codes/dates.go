package codes

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

var months = map[string]time.Month{
	"JAN": 1, "JANUARY": 1, "FEB": 2, "FEBRUARY": 2, "MAR": 3, "MARCH": 3, "APR": 4, "APRIL": 4,
	"MAY": 5, "JUN": 6, "JUNE": 6, "JUL": 7, "JULY": 7, "AUG": 8, "AUGUST": 8, "SEP": 9, "SEPT": 9,
	"SEPTEMBER": 9, "OCT": 10, "OCTOBER": 10, "NOV": 11, "NOVEMBER": 11, "DEC": 12, "DECEMBER": 12,
}

var (
	reMonthDayYear = regexp.MustCompile(`(?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*[,.]?\s*,?\s*(\d{4})\b`)
	reDayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(\d{4})\b`)
	reSlashed      = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b`)
	reISO          = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reCompact      = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
)

// FindDate returns the first date written in s, as YYYY-MM-DD, and whether
// one was found. It understands "July 29, 2004", "Jul. 29,2004",
// "29 July 2004", "7/29/2004", "7/29/04", "2004-07-29" and "20040729".
func FindDate(s string) (string, bool) {
	// Every pattern needs ASCII digits: a four-digit year for all but
	// reSlashed, which needs a slash (and reISO a hyphen). Checking for
	// them first skips the regexps on the many strings that hold no date.
	hasYear, hasSlash := hasDigitRun(s, 4), strings.IndexByte(s, '/') >= 0
	if !hasYear && !hasSlash {
		return "", false
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	best, bestAt := "", -1
	consider := func(at int, y, m, d int) {
		if !valid(y, m, d) {
			return
		}
		if bestAt == -1 || at < bestAt {
			best, bestAt = iso(y, m, d), at
		}
	}
	if hasYear && mayHaveMonth(s) {
		if m := reMonthDayYear.FindStringSubmatchIndex(s); m != nil {
			mon := monthOf(s[m[2]:m[3]])
			d, _ := strconv.Atoi(s[m[4]:m[5]])
			y, _ := strconv.Atoi(s[m[6]:m[7]])
			consider(m[0], y, int(mon), d)
		}
		if m := reDayMonthYear.FindStringSubmatchIndex(s); m != nil {
			d, _ := strconv.Atoi(s[m[2]:m[3]])
			mon := monthOf(s[m[4]:m[5]])
			y, _ := strconv.Atoi(s[m[6]:m[7]])
			consider(m[0], y, int(mon), d)
		}
	}
	if hasSlash {
		if m := reSlashed.FindStringSubmatchIndex(s); m != nil {
			mo, _ := strconv.Atoi(s[m[2]:m[3]])
			d, _ := strconv.Atoi(s[m[4]:m[5]])
			y, _ := strconv.Atoi(s[m[6]:m[7]])
			if y < 100 {
				if y < 50 {
					y += 2000
				} else {
					y += 1900
				}
			}
			consider(m[0], y, mo, d)
		}
	}
	if hasYear && strings.IndexByte(s, '-') >= 0 {
		if m := reISO.FindStringSubmatchIndex(s); m != nil {
			y, _ := strconv.Atoi(s[m[2]:m[3]])
			mo, _ := strconv.Atoi(s[m[4]:m[5]])
			d, _ := strconv.Atoi(s[m[6]:m[7]])
			consider(m[0], y, mo, d)
		}
	}
	if hasYear {
		if m := reCompact.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			consider(0, y, mo, d)
		}
	}
	return best, bestAt >= 0
}

// mayHaveMonth reports whether s holds the first three letters of a month
// name, which both month patterns need, ASCII case-insensitively. The only
// such letter with a non-ASCII case variant under (?i) is the s of "sep"
// (ſ, U+017F), so "ſ" is read as "s" too.
func mayHaveMonth(s string) bool {
	s = strings.ReplaceAll(s, "ſ", "s")
	for i := 0; i+3 <= len(s); i++ {
		switch [3]byte{ascii.Lower(s[i]), ascii.Lower(s[i+1]), ascii.Lower(s[i+2])} {
		case [3]byte{'j', 'a', 'n'}, [3]byte{'f', 'e', 'b'}, [3]byte{'m', 'a', 'r'}, [3]byte{'a', 'p', 'r'},
			[3]byte{'m', 'a', 'y'}, [3]byte{'j', 'u', 'n'}, [3]byte{'j', 'u', 'l'}, [3]byte{'a', 'u', 'g'},
			[3]byte{'s', 'e', 'p'}, [3]byte{'o', 'c', 't'}, [3]byte{'n', 'o', 'v'}, [3]byte{'d', 'e', 'c'}:
			return true
		}
	}
	return false
}

// hasDigitRun reports whether s holds n ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// CompactDate converts EDGAR's YYYYMMDD to YYYY-MM-DD; it returns "" for
// anything that is not a valid date (EDGAR writes 00000000 for none).
func CompactDate(s string) string {
	m := reCompact.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if !valid(y, mo, d) {
		return ""
	}
	return iso(y, mo, d)
}

func monthOf(s string) time.Month {
	s = strings.ToUpper(strings.TrimSuffix(s, "."))
	if m, ok := months[s]; ok {
		return m
	}
	if len(s) >= 3 {
		return months[s[:3]]
	}
	return 0
}

func valid(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func iso(y, m, d int) string {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}
