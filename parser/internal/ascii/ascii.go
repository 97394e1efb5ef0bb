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
// letter's two cases, each searched for once per occurrence (the next
// position of the other case is kept, not searched for again).
func ContainsFold[S, W string | []byte](s S, word W) bool {
	n := len(word)
	if n == 0 {
		return true
	}
	if n > len(s) {
		return false
	}
	// A match starts at or before last: candidates are searched for in
	// s[:last+1] only.
	last := len(s) - n
	lo, up := word[0], upper(word[0])
	na, nb := indexByteFrom(s, 0, last, lo), -1
	if up != lo {
		nb = indexByteFrom(s, 0, last, up)
	}
	for {
		j := na
		if j < 0 || nb >= 0 && nb < j {
			j = nb
		}
		if j < 0 {
			return false
		}
		k := 1
		for k < n && Lower(s[j+k]) == word[k] {
			k++
		}
		if k == n {
			return true
		}
		if j == na {
			na = indexByteFrom(s, j+1, last, lo)
		} else {
			nb = indexByteFrom(s, j+1, last, up)
		}
	}
}

// indexByteFrom is the index of the first c in s[from:last+1], or -1.
func indexByteFrom[S string | []byte](s S, from, last int, c byte) int {
	if from > last {
		return -1
	}
	var i int
	switch v := any(s).(type) {
	case string:
		i = strings.IndexByte(v[from:last+1], c)
	case []byte:
		i = bytes.IndexByte(v[from:last+1], c)
	}
	if i < 0 {
		return -1
	}
	return from + i
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

// HasPrefixFold reports whether s starts with word, a lower-case ASCII
// string, comparing the ASCII letters of s case-insensitively (exact for
// words without k or s, as ContainsFold).
func HasPrefixFold(s, word string) bool {
	if len(s) < len(word) {
		return false
	}
	for i := 0; i < len(word); i++ {
		if Lower(s[i]) != word[i] {
			return false
		}
	}
	return true
}

// SkipBlanks returns the offset after the run of blanks at s[i:], the
// runes of the regexp class [\s\x{a0}]: tab, line feed, form feed,
// carriage return, space and no-break space (a lone 0xc2 byte is not one).
func SkipBlanks(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\f', '\r':
			i++
		case 0xc2:
			if i+1 >= len(s) || s[i+1] != 0xa0 {
				return i
			}
			i += 2
		default:
			return i
		}
	}
	return i
}
