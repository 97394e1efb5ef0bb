// Package ascii has the byte-level helpers the extractors use as cheap
// prefilters before running regular expressions.
package ascii

import (
	"bytes"
	"strings"
)

// ContainsFold reports whether s contains word, a lower-case ASCII string,
// comparing the ASCII letters of s case-insensitively. Callers use it to
// skip a (?i) regexp on lines that cannot match; it is exact for words
// without k or s, the only ASCII letters with non-ASCII case partners (K, ſ).
// It copies nothing: candidates are found with IndexByte on the first
// letter's two cases.
func ContainsFold[S, W string | []byte](s S, word W) bool {
	if len(word) == 0 {
		return true
	}
	lo, up := word[0], upper(word[0])
	for i := 0; i+len(word) <= len(s); {
		j := indexEither(s, i, lo, up)
		if j < 0 || j+len(word) > len(s) {
			return false
		}
		k := 1
		for k < len(word) && Lower(s[j+k]) == word[k] {
			k++
		}
		if k == len(word) {
			return true
		}
		i = j + 1
	}
	return false
}

// indexEither is the index of the first a or b in s at or after from, or -1.
func indexEither[S string | []byte](s S, from int, a, b byte) int {
	var ia, ib int
	switch v := any(s).(type) {
	case string:
		ia, ib = strings.IndexByte(v[from:], a), -1
		if b != a {
			ib = strings.IndexByte(v[from:], b)
		}
	case []byte:
		ia, ib = bytes.IndexByte(v[from:], a), -1
		if b != a {
			ib = bytes.IndexByte(v[from:], b)
		}
	}
	switch {
	case ia < 0 && ib < 0:
		return -1
	case ia < 0:
		return from + ib
	case ib < 0 || ia < ib:
		return from + ia
	default:
		return from + ib
	}
}

// upper upper-cases an ASCII letter and returns other bytes unchanged.
func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
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
