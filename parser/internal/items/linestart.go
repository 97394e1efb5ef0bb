// Line-start prefilters: every line regexp of the extractor is anchored
// at the start of the line, so its first word can only begin at one or
// two offsets of the line, found without looking at the rest of it.

package items

import (
	"strings"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// lineStart holds the offsets of a line where the first word of an
// anchored regexp may begin: first, after the leading blanks
// ([\s\x{a0}]*), and cell, after a short non-letter cell and a tab
// ("•\tItem 1."; the lead of headingRe and partRe), -1 when the line has
// no such cell.
type lineStart struct{ first, cell int }

// maxCellBytes is the most bytes of the short cell of the lead of
// headingRe and partRe ([^\pL\t]{0,6}: six runes of up to four bytes).
const maxCellBytes = 6 * utf8.UTFMax

// startsOf returns the offsets of line where a word following the lead
// `^[\s\x{a0}]*(?:[^\pL\t]{0,6}\t[\s\x{a0}]*)?` may start. The word of
// every regexp begins with a letter, which is not a blank, so after the
// greedy run of blanks it starts at first; or the optional cell is used,
// and then its tab is the first one after first, at most six runes on,
// and the word starts after the blanks that follow the tab.
func startsOf(line string) lineStart {
	ls := lineStart{first: ascii.SkipBlanks(line, 0), cell: -1}
	f := ls.first
	if f >= len(line) || ascii.Lower(line[f]) >= 'a' && ascii.Lower(line[f]) <= 'z' {
		return ls // a letter cannot be part of the cell
	}
	win := line[f:min(len(line), f+maxCellBytes+1)]
	if t := strings.IndexByte(win, '\t'); t >= 0 && utf8.RuneCountInString(win[:t]) <= 6 {
		ls.cell = ascii.SkipBlanks(line, f+t+1)
	}
	return ls
}

// mayBe reports whether word (lower-case ASCII without k or s) is at one
// of the start offsets of line, ASCII letters compared case-insensitively.
func (ls lineStart) mayBe(line, word string) bool {
	return ascii.HasPrefixFold(line[ls.first:], word) || ls.cell >= 0 && ascii.HasPrefixFold(line[ls.cell:], word)
}

// foldS returns the length of the letter s at the start of t in any of
// its (?i) case forms (s, S, ſ U+017F), 0 when t does not start with it.
func foldS(t string) int {
	switch {
	case t != "" && (t[0] == 's' || t[0] == 'S'):
		return 1
	case strings.HasPrefix(t, "\u017f"):
		return len("\u017f")
	}
	return 0
}

// startsS reports whether t starts with "s" then rest (lower-case ASCII
// without k or s), s in any (?i) case form and rest ASCII
// case-insensitively.
func startsS(t, rest string) bool {
	n := foldS(t)
	return n > 0 && ascii.HasPrefixFold(t[n:], rest)
}

// blankTail returns where the run of [\s\x{a0}] that ends s starts
// (len(s) when s does not end in a blank).
func blankTail(s string) int {
	e := len(s)
	for e > 0 {
		switch c := s[e-1]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r':
			e--
		case c == 0xa0 && e >= 2 && s[e-2] == 0xc2:
			e -= 2
		default:
			return e
		}
	}
	return e
}

// mayEndInPageRef reports whether title can match pageRefRe, whose match
// ends in a digit or a lower-case roman digit before the final blanks.
func mayEndInPageRef(title string) bool {
	e := blankTail(title)
	if e == 0 {
		return false
	}
	c := title[e-1]
	return '0' <= c && c <= '9' || c == 'i' || c == 'v' || c == 'x' || c == 'l'
}

// maxConnector is the length of the longest connector of connectorRe
// ("under").
const maxConnector = len("under")

// endsInConnector is connectorRe.MatchString(title), run on the end of
// title that can hold the match: the connector (ASCII, at most
// maxConnector bytes) ends where the final blanks start, and one more
// rune before it gives \b its context. The window starts at a byte that
// is not a UTF-8 continuation byte, so its runes decode as in title.
func endsInConnector(title string) bool {
	from := max(0, blankTail(title)-maxConnector-2)
	for from > 0 && title[from]&0xc0 == 0x80 {
		from--
	}
	return connectorRe.MatchString(title[from:])
}
