// Byte-level matchers and prefilters standing in for small regexps of the
// index reader, each checked against its regexp in scan_test.go.

package exhibits

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// exhibitFinder finds the occurrences of "exhibit" (ASCII letters in any
// case) in a text, left to right, by its rare letter x: the next x and the
// next X are each searched for once, however many lines they skip.
type exhibitFinder struct {
	s      string
	lo, up int // next 'x' and 'X' at or after the last candidate, -1 before the first search
	at     int // the last occurrence found, -1 for none yet
}

// newExhibitFinder returns a finder over s.
func newExhibitFinder(s string) *exhibitFinder {
	return &exhibitFinder{s: s, lo: -1, up: -1, at: -1}
}

// next returns the offset of the first occurrence at or after from, or
// len(s) when there is none; from must not decrease from call to call.
func (f *exhibitFinder) next(from int) int {
	if f.at >= from {
		return f.at
	}
	const word = "exhibit"
	for {
		// The x of an occurrence at or after from is at from+1 or later.
		if f.lo < from+1 {
			f.lo = indexFrom(f.s, from+1, 'x')
		}
		if f.up < from+1 {
			f.up = indexFrom(f.s, from+1, 'X')
		}
		i := min(f.lo, f.up)
		if i+len(word)-1 > len(f.s) {
			f.at = len(f.s)
			return f.at
		}
		if equalFoldASCII(f.s[i-1:i-1+len(word)], word) {
			f.at = i - 1
			return f.at
		}
		from = i
	}
}

// indexFrom returns the offset of the first c in s[from:], len(s) for none.
func indexFrom(s string, from int, c byte) int {
	if from >= len(s) {
		return len(s)
	}
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return len(s)
}

// blankAt returns the length of the space or no-break space (the class
// [ \x{a0}]) at s[i], 0 when there is none.
func blankAt(s string, i int) int {
	switch {
	case s[i] == ' ':
		return 1
	case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0:
		return 2
	}
	return 0
}

// blankRun returns the end of the run of [ \x{a0}] at s[i:] and the
// number of runes in it.
func blankRun(s string, i int) (end, runes int) {
	for i < len(s) {
		n := blankAt(s, i)
		if n == 0 {
			break
		}
		i += n
		runes++
	}
	return i, runes
}

// nextCell returns the cell of s starting at i, up to the next separator
// (a tab, or a run of four or more [ \x{a0}]: cellSepRe in the tests),
// and the offset after that separator; next is -1 after the last cell.
func nextCell(s string, i int) (cell string, next int) {
	for j := i; j < len(s); {
		if s[j] == '\t' {
			return s[i:j], j + 1
		}
		if end, runes := blankRun(s, j); runes > 0 {
			if runes >= 4 {
				return s[i:j], end
			}
			j = end
			continue
		}
		j++
	}
	return s[i:], -1
}

// mayHaveMethod reports whether s can match methodRe: the regexp needs two
// blanks and one of its verbs (none of which holds a k or an s before its
// fifth letter).
func mayHaveMethod(s string) bool {
	return (strings.Contains(s, "  ") || strings.Contains(s, "\u00a0")) &&
		(ascii.ContainsFold(s, "filed") || ascii.ContainsFold(s, "furni") ||
			ascii.ContainsFold(s, "incorporated") || ascii.ContainsFold(s, "included"))
}

// mayBeReportLine reports whether s can match reportLineRe, whose
// alternatives start with "current", "report", "a" or "form".
func mayBeReportLine(s string) bool {
	if s == "" {
		return false
	}
	switch ascii.Lower(s[0]) {
	case 'c', 'r', 'a', 'f':
		return true
	}
	return false
}

// trimLeadDash returns s without the dash or colon cell at its start
// (leadDashRe in the tests): blanks (tabs included), one or more of
// - – — : and blanks.
func trimLeadDash(s string) string {
	i := ascii.SkipBlanks(s, 0)
	j := i
	for j < len(s) {
		if s[j] == '-' || s[j] == ':' {
			j++
		} else if strings.HasPrefix(s[j:], "–") || strings.HasPrefix(s[j:], "—") {
			j += len("–")
		} else {
			break
		}
	}
	if j == i {
		return s
	}
	return s[ascii.SkipBlanks(s, j):]
}

// ruleEnd returns the end of the rule at the start of s (ruleRe in the
// tests: blanks, three or more of - = _, blanks), -1 when there is none.
func ruleEnd(s string) int {
	i := ascii.SkipBlanks(s, 0)
	j := i
	for j < len(s) && (s[j] == '-' || s[j] == '=' || s[j] == '_') {
		j++
	}
	if j-i < 3 {
		return -1
	}
	return ascii.SkipBlanks(s, j)
}

// collapseSpace is strings.Join(strings.Fields(s), " "), returning s
// itself when it is already so spaced (no copy).
func collapseSpace(s string) string {
	prevSpace := true // at the start a space is one too many
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return strings.Join(strings.Fields(s), " ")
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return strings.Join(strings.Fields(s), " ")
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = false
		i += n
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// joinFields is strings.Join(strings.Fields(s), ""), returning s itself
// when it holds no white space.
func joinFields(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
			return strings.Join(strings.Fields(s), "")
		}
	}
	return s
}

// leadByte returns the first byte of line after its leading blanks
// ([\s\x{a0}]*), -1 when there is none. The line regexps anchored at the
// start are only run when it can begin their match.
func leadByte(line string) int {
	if i := ascii.SkipBlanks(line, 0); i < len(line) {
		return int(line[i])
	}
	return -1
}

// mayBePage reports whether a line with lead byte c can match pageRe: a
// page marker, a page number ("- 12 -") or "Page", or blanks only.
func mayBePage(c int) bool {
	return c < 0 || c == '<' || c == '-' || '0' <= c && c <= '9' || c == 'p' || c == 'P'
}

// mayStop reports whether a line with lead byte c can match stopRe
// ("signatures", s also as ſ, whose first byte is 0xc5; or "item").
func mayStop(c int) bool {
	return c == 's' || c == 'S' || c == 0xc5 || c == 'i' || c == 'I'
}

// mayBeReports reports whether a line with lead byte c can match
// reportsRe: "(b)", "b.", "No reports", "Current reports", "Reports".
func mayBeReports(c int) bool {
	if c < 0 {
		return false
	}
	switch ascii.Lower(byte(c)) {
	case '(', 'a', 'b', 'c', 'd', 'n', 'r':
		return true
	}
	return false
}

// mayBeEntry reports whether a line with lead byte c can match entryRe:
// the row starts with its number, a short non-letter cell, a lettered
// paragraph "(c)", a footnote mark or the label "Exhibit"/"Ex." — never
// with another ASCII letter.
func mayBeEntry(c int) bool {
	if c < 0 {
		return false
	}
	l := ascii.Lower(byte(c))
	return l == 'e' || l < 'a' || l > 'z'
}

// isFiller reports whether a line is blank, a page marker or number
// (pageRe) or SGML table markup (tableTagRe).
func isFiller(line string) bool {
	if strings.TrimSpace(line) == "" {
		return true
	}
	c := leadByte(line)
	return mayBePage(c) && pageRe.MatchString(line) || c == '<' && tableTagRe.MatchString(line)
}

// isStop reports whether a line ends an exhibit list (stopRe, reportsRe).
func isStop(line string) bool {
	c := leadByte(line)
	return mayStop(c) && stopRe.MatchString(line) || mayBeReports(c) && reportsRe.MatchString(line)
}

// subRow is subRowRe.FindStringSubmatch(line), run only on lines whose
// lead byte is the "(" the regexp starts with.
func subRow(line string) []string {
	if leadByte(line) != '(' {
		return nil
	}
	return subRowRe.FindStringSubmatch(line)
}

// trimLabel drops a leading "EXHIBIT", "EX", "EX.", "EX-" or "EX.-"
// label and a "NO", "NO.", "NUMBER" or "#" from an upper-cased number,
// with the white space ([\t\n\f\r ]) after each: the match of
// `^(?:EXHIBIT|EX\.?-?)?\s*(?:NO\.?|NUMBER|#)?\s*` (labelRe in the tests),
// whose every part is optional, so that the regexp takes each one that is
// there.
func trimLabel(s string) string {
	i := 0
	switch {
	case strings.HasPrefix(s, "EXHIBIT"):
		i = len("EXHIBIT")
	case strings.HasPrefix(s, "EX"):
		i = len("EX")
		if i < len(s) && s[i] == '.' {
			i++
		}
		if i < len(s) && s[i] == '-' {
			i++
		}
	}
	i = skipSpace(s, i)
	switch t := s[i:]; {
	case strings.HasPrefix(t, "NO"):
		i += len("NO")
		if i < len(s) && s[i] == '.' {
			i++
		}
	case strings.HasPrefix(t, "NUMBER"):
		i += len("NUMBER")
	case strings.HasPrefix(t, "#"):
		i++
	}
	return s[skipSpace(s, i):]
}

// skipSpace returns the offset after the run of [\t\n\f\r ] at s[i:].
func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// normalized reports whether Normalize leaves s (label dropped) as it is:
// ASCII digits and upper-case letters in parts joined by single dots,
// without a leading zero in a part of digits only ("0" aside).
func normalized(s string) bool {
	start := 0 // of the current part
	digits := true
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if i == start || digits && s[start] == '0' && i-start > 1 {
				return false
			}
			start, digits = i+1, true
			continue
		}
		switch c := s[i]; {
		case '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			digits = false
		default:
			return false
		}
	}
	return true
}
