package signature

import (
	"strings"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// Cheap tests run before the section regexps: each is a necessary
// condition of its regexp matching (a byte the pattern requires, at the
// place it requires it), so a regexp is skipped only where it cannot
// match. Under (?i) the ASCII letters k and s also match the non-ASCII K
// (U+212A) and ſ (U+017F); the tests below allow for them where the
// pattern holds one of these letters.

// mayHeading reports whether l can match reHeading: after ASCII white
// space (\s) it starts with s, S or the first byte of ſ.
func mayHeading(l string) bool {
	t := strings.TrimLeft(l, " \t\n\f\r")
	return t != "" && (t[0] == 's' || t[0] == 'S' || t[0] == 0xC5)
}

// mayAnchor is a cheap test passed by every line that reAnchor or
// reCertify match: both hold "requirement", and "pur(suant)",
// "accordance" or "meet(s)", none with a letter that has a non-ASCII case
// variant under (?i).
func mayAnchor(l string) bool {
	return ascii.ContainsFold(l, "requirement") &&
		(ascii.ContainsFold(l, "pur") || ascii.ContainsFold(l, "accordance") || ascii.ContainsFold(l, "meet"))
}

// splitCellSep is reCellSep.Split(s, -1): s cut at each TAB and each run
// of two or more spaces.
func splitCellSep(s string) []string {
	if s == "" {
		return []string{""}
	}
	var out []string
	beg := 0
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\t':
			out = append(out, s[beg:i])
			i++
			beg = i
		case s[i] == ' ' && i+1 < len(s) && s[i+1] == ' ':
			out = append(out, s[beg:i])
			for i < len(s) && s[i] == ' ' {
				i++
			}
			beg = i
		default:
			i++
		}
	}
	// A separator ending s leaves an empty last piece, as in Split.
	return append(out, s[beg:])
}

// isNoise is reNoise.MatchString: every byte of p is ASCII white space or
// one of - _ = * . |.
func isNoise(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case ' ', '\t', '\n', '\f', '\r', '-', '_', '=', '*', '.', '|':
		default:
			return false
		}
	}
	return true
}

// labelMatch is reLabel.FindStringSubmatch(c); a label needs a colon.
func labelMatch(c string) []string {
	if !strings.Contains(c, ":") {
		return nil
	}
	return reLabel.FindStringSubmatch(c)
}

// isLabel is reLabel.MatchString(c); a label needs a colon.
func isLabel(c string) bool {
	return strings.Contains(c, ":") && reLabel.MatchString(c)
}

// starredMatch is reStarred.FindStringSubmatch(c), which needs c to end
// with "*".
func starredMatch(c string) []string {
	if !strings.HasSuffix(c, "*") {
		return nil
	}
	return reStarred.FindStringSubmatch(c)
}

// isPageNum is rePageNum.MatchString(c): a page number starts with "page",
// a hyphen, white space or a digit and holds a digit, or is a roman
// numeral (i, v, x, l in either case).
func isPageNum(c string) bool {
	if c == "" {
		return false
	}
	switch b := c[0]; {
	case b == 'p' || b == 'P' || b == '-' || b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r' || '0' <= b && b <= '9':
		if strings.ContainsAny(c, "0123456789") {
			return rePageNum.MatchString(c)
		}
	}
	return allRoman(c) && rePageNum.MatchString(c)
}

// allRoman reports whether every byte of c is one of i, v, x, l in either
// case.
func allRoman(c string) bool {
	for i := 0; i < len(c); i++ {
		switch ascii.Lower(c[i]) {
		case 'i', 'v', 'x', 'l':
		default:
			return false
		}
	}
	return true
}

// isTag is reTag.MatchString(c), which needs c to start with "<".
func isTag(c string) bool {
	return strings.HasPrefix(c, "<") && reTag.MatchString(c)
}

// maySlashS reports whether c can match reSlashS: "/s/" and "(signed)"
// need a slash or a parenthesis.
func maySlashS(c string) bool {
	return strings.ContainsAny(c, "/(")
}

// stripSlashS is reSlashS.ReplaceAllString(c, "").
func stripSlashS(c string) string {
	if !maySlashS(c) {
		return c
	}
	return reSlashS.ReplaceAllString(c, "")
}

// bareByMatch is reBareBy.FindStringSubmatch(c), which needs c to start
// with b or B.
func bareByMatch(c string) []string {
	if c == "" || c[0] != 'b' && c[0] != 'B' {
		return nil
	}
	return reBareBy.FindStringSubmatch(c)
}

// isIgnored is reIgnore.MatchString(c): every caption it matches starts
// with "(", s (or ſ), d, n, t or p.
func isIgnored(c string) bool {
	if c == "" {
		return false
	}
	switch b := ascii.Lower(c[0]); b {
	case '(', 's', 0xC5, 'd', 'n', 't', 'p':
		return reIgnore.MatchString(c)
	}
	return false
}

// isRegMark is reRegMark.MatchString(c), which needs c to start with "(".
func isRegMark(c string) bool {
	return strings.HasPrefix(c, "(") && reRegMark.MatchString(c)
}

// starBy is reStarBy.ReplaceAllString(p, "$1"), which needs p to start
// with "*".
func starBy(p string) string {
	if !strings.HasPrefix(p, "*") {
		return p
	}
	return reStarBy.ReplaceAllString(p, "$1")
}

// innerSlashS is reInnerSlashS.FindStringIndex(c), which needs a slash.
func innerSlashS(c string) []int {
	if !strings.Contains(c, "/") {
		return nil
	}
	return reInnerSlashS.FindStringIndex(c)
}

// isBareSlashS is reBareSlashS.MatchString(c), which needs c to end with
// a slash.
func isBareSlashS(c string) bool {
	return strings.HasSuffix(c, "/") && reBareSlashS.MatchString(c)
}

// entityWindow is the longest company word reEntity ends with
// ("incorporated." is 13 bytes, a few more with ſ or K), with room to
// spare.
const entityWindow = 32

// entityTail returns the end of t that can hold a match of reEntity: every
// match ends at the end of t and its company word ends where the trailing
// white space and comma do (`\s*,?\s*$`), so it starts within
// entityWindow bytes of there. One byte more is kept in front of the
// window so that \b sees the byte before the word as in t; a match of the
// window is a match of t and the other way round.
func entityTail(t string) string {
	e := len(strings.TrimRight(strings.TrimSuffix(strings.TrimRight(t, " \t\n\f\r"), ","), " \t\n\f\r"))
	if from := e - entityWindow - 1; from > 0 {
		return t[from:]
	}
	return t
}
