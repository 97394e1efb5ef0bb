package codes

import "strings"

// IRSNumber returns an IRS employer identification number as given,
// trimmed, or "" when it is a placeholder: EDGAR writes 000000000 (and
// filers 00-0000000) for "no EIN", which is no identifier and must never
// match two registrants.
func IRSNumber(s string) string {
	s = strings.TrimSpace(s)
	digits := 0
	for _, r := range s {
		switch {
		case r >= '1' && r <= '9':
			return s
		case r == '0':
			digits++
		}
	}
	if digits > 0 {
		return ""
	}
	return s
}
