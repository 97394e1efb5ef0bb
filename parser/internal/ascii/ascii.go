// Package ascii has the byte-level helpers the extractors use as cheap
// prefilters before running regular expressions.
package ascii

import "strings"

// ContainsFold reports whether s contains word, a lower-case ASCII string,
// comparing the ASCII letters of s case-insensitively. Callers use it to
// skip a (?i) regexp on lines that cannot match; it is exact for words
// without k or s, the only ASCII letters with non-ASCII case partners (K, ſ).
func ContainsFold[S, W string | []byte](s S, word W) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && Lower(s[i+j]) == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// Lower lower-cases an ASCII letter and returns other bytes unchanged.
func Lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// ToLower returns s with its ASCII letters lower-cased and every other byte
// unchanged, so that byte offsets (and line breaks) stay aligned with s —
// unlike strings.ToLower, which may change the length of non-ASCII text.
func ToLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := 0 // s[start:i] is still to be copied
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[start:i])
			b.WriteByte(c + 'a' - 'A')
			start = i + 1
		}
	}
	b.WriteString(s[start:])
	return b.String()
}
