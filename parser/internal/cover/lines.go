package cover

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// cell is one column of a line: its text and the character span it covers.
// For TAB-separated lines (HTML tables) the span is derived from the cell's
// index so that cells of rows of the same table line up.
type cell struct {
	text       string
	start, end int
}

// line is one line of the cover region split into cells.
type line struct {
	raw    string
	cells  []cell
	rule   bool // only dashes, underscores, equals signs
	blank  bool
	tabbed bool // cells were TAB-separated (an HTML table row)
	label  bool // every cell is a caption
}

var (
	reRule = regexp.MustCompile(`^[\s\-=_*~.|]*$`)
	reWS   = regexp.MustCompile(`\s+`)
)

// tabWidth is the synthetic width of one TAB-separated cell.
const tabWidth = 100

// maxCells bounds the cells read from one line; cover rows have a handful.
const maxCells = 32

// splitLine cuts a line into cells: at TABs when it has any, otherwise at
// runs of two or more spaces.
func splitLine(s string) line {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.TrimRight(s, " \r")
	l := line{raw: s}
	trimmed := strings.TrimSpace(s)
	if trimmed == "" || strings.EqualFold(trimmed, "<PAGE>") || ascii.HasPrefixFold(trimmed, "<page>") {
		l.blank = true
		return l
	}
	if reRule.MatchString(trimmed) {
		l.rule = true
		return l
	}
	if strings.Contains(s, "\t") {
		l.tabbed = true
		for i, part := range strings.Split(s, "\t") {
			t := collapse(part)
			if t == "" || reRule.MatchString(t) {
				continue
			}
			l.cells = append(l.cells, cell{text: t, start: i * tabWidth, end: i*tabWidth + tabWidth - 1})
			if len(l.cells) == maxCells {
				break
			}
		}
		if len(l.cells) == 0 {
			l.rule = true
		}
		return l
	}
	// Positions are counted in runes so that accented names keep columns.
	for _, m := range splitSpaces(s) {
		t := s[m[0]:m[1]]
		if reRule.MatchString(t) {
			continue
		}
		st := utf8.RuneCountInString(s[:m[0]])
		l.cells = append(l.cells, cell{text: collapse(t), start: st, end: st + utf8.RuneCountInString(t)})
		if len(l.cells) == maxCells {
			break
		}
	}
	if len(l.cells) == 0 {
		l.rule = true
	}
	return l
}

// splitSpaces returns the byte spans of the runs of text separated by two or
// more spaces: the matches of `\S+(?: \S+)*` (words joined by single
// spaces), found without the regexp. Bytes of multi-byte characters are
// never ASCII white space, so scanning bytes finds the same spans.
func splitSpaces(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if isSpace(s[i]) {
			i++
			continue
		}
		start := i
		for {
			for i < len(s) && !isSpace(s[i]) {
				i++
			}
			// One space followed by another word continues the run.
			if i+1 < len(s) && s[i] == ' ' && !isSpace(s[i+1]) {
				i++
				continue
			}
			break
		}
		out = append(out, [2]int{start, i})
	}
	return out
}

// isSpace reports whether c is ASCII white space as \s matches it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// collapse trims s and folds inner whitespace runs to one space.
func collapse(s string) string {
	if !hasWSRun(s) {
		return strings.TrimSpace(s) // the regexp would leave s unchanged
	}
	return strings.TrimSpace(reWS.ReplaceAllString(s, " "))
}

// hasWSRun reports whether reWS would change s: whether s holds an ASCII
// white space other than a single space, or two spaces in a row.
func hasWSRun(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r':
			return true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

// text returns the line's cells joined by one space.
func (l line) text() string {
	parts := make([]string, len(l.cells))
	for i, c := range l.cells {
		parts[i] = c.text
	}
	return strings.Join(parts, " ")
}

// overlap returns how many columns the spans a and b share.
func overlap(a, b cell) int {
	lo, hi := max(a.start, b.start), min(a.end, b.end)
	if hi < lo {
		return 0
	}
	return hi - lo
}

// center returns the middle column of a cell.
func (c cell) center() int { return (c.start + c.end) / 2 }
