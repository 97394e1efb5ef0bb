package items

import (
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// TestPrefiltersAdmitEveryMatch checks that the cheap tests run before the
// per-line regexps never reject a line a regexp matches.
func TestPrefiltersAdmitEveryMatch(t *testing.T) {
	lines := sampleLines(t,
		"PART I", "Part II.", "\tPART\u00a0IV — OTHER", "ITEM 1. BUSINESS", "  Items 1 and 2.", "\u2022\tItem 7.01",
		"SIGNATURES", "Signature:", "  signatures .", "Page 3", "  - 12 -", "iv", "A-12", "PAGE", "page\u00a0\u00a0 xviii",
		"42", "", " ", "Table of Contents", "Pagexviiii", "page 1234",
	)
	for _, l := range lines {
		if low := ascii.ToLower(l); len(low) != len(l) || strings.ToLower(l) != low && isASCII(l) {
			t.Errorf("ascii.ToLower(%q) = %q", l, low)
		}
	}
	assertAdmitsEveryMatch(t, lines, []admitCheck{
		{"partRe", partRe, func(l string) bool {
			return strings.Contains(ascii.ToLower(l), "part") && ascii.ContainsFold(l, "part")
		}},
		{"signatureRe", signatureRe, func(l string) bool { return strings.Contains(ascii.ToLower(l), "ignature") }},
		{"headingRe", headingRe, func(l string) bool { return strings.Contains(ascii.ToLower(l), "item") }},
		{"pageLineRe", pageLineRe, mayBePageLine},
	})
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestContentLettersUpTo checks that the early stop keeps the comparison
// with the limit.
func TestContentLettersUpTo(t *testing.T) {
	s := "Page 2\nSome words here\nPART II\nmore words\n"
	n := contentLetters(s)
	for limit := 0; limit <= n+2; limit++ {
		if got := contentLettersUpTo(s, limit); (got <= limit) != (n <= limit) {
			t.Errorf("limit %d: contentLettersUpTo = %d, contentLetters = %d", limit, got, n)
		}
	}
}
