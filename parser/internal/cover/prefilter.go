package cover

import (
	"strings"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// Cheap tests that tell when a regexp cannot match, so that it need not
// run. Words are compared ASCII case-insensitively: that is exact for
// (?i) patterns as long as the word has no k or s, the only ASCII letters
// with a non-ASCII case variant (K, ſ) in Go's case folding.

// startsWithItem reports whether s starts with the word "item" after ASCII
// white space (\s), as every line matching reItem does.
func startsWithItem(s string) bool {
	s = strings.TrimLeft(s, " \t\n\f\r")
	return len(s) >= 4 && strings.EqualFold(s[:4], "item")
}

// mayBeDateLabel reports whether s can match reDateLabel: every
// alternative holds "date" or "earliest".
func mayBeDateLabel(s string) bool {
	return ascii.ContainsFold(s, "date") || ascii.ContainsFold(s, "earlie")
}

// longestDigitRun returns the length of the longest run of ASCII digits
// in s.
func longestDigitRun(s string) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// hasIRSWord is reIRSWord.MatchString(u) without the regexp: "irs" with
// an optional full stop and then an optional white space after the i and
// after the r ("i.r.s", "i. r. s"), a word boundary on both sides.
func hasIRSWord(u string) bool {
	for i := strings.IndexByte(u, 'i'); i >= 0; {
		if i == 0 || !isWordByte(u[i-1]) {
			j := i + 1
			j = skipDotSpace(u, j)
			if j < len(u) && u[j] == 'r' {
				j = skipDotSpace(u, j+1)
				if j < len(u) && u[j] == 's' && (j+1 == len(u) || !isWordByte(u[j+1])) {
					return true
				}
			}
		}
		k := strings.IndexByte(u[i+1:], 'i')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// skipDotSpace steps over an optional "." and then an optional ASCII
// white space (\s) at u[j:].
func skipDotSpace(u string, j int) int {
	if j < len(u) && u[j] == '.' {
		j++
	}
	if j < len(u) && isSpace(u[j]) {
		j++
	}
	return j
}

// isWordByte reports whether c is an ASCII word character (\w), as \b
// tests it; bytes of multi-byte characters are never word characters.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// mayContinue reports whether t (trimmed) can match reContinuation: every
// caption tail it matches starts with o, i, j, n or f in either case.
func mayContinue(t string) bool {
	if t == "" {
		return false
	}
	switch ascii.Lower(t[0]) {
	case 'o', 'i', 'j', 'n', 'f':
		return true
	}
	return false
}

// mayCoverTitle reports whether t can match reCoverTitle: every title it
// matches starts with u, s (or ſ), w, f, r or p in either case.
func mayCoverTitle(t string) bool {
	if t == "" {
		return false
	}
	switch ascii.Lower(t[0]) {
	case 'u', 's', 0xC5, 'w', 'f', 'r', 'p':
		return true
	}
	return false
}

// mayPeriod reports whether t can match rePeriod: it holds "for" and
// "end" ("ended", "ending"), letters with no non-ASCII case variant.
func mayPeriod(t string) bool {
	return ascii.ContainsFold(t, "for") && ascii.ContainsFold(t, "end")
}
