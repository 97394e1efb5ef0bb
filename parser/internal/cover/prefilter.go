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
