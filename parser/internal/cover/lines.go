package cover

import (
	"regexp"
	"strings"
	"unicode/utf8"
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
	reSpaceRun = regexp.MustCompile(`\S+(?: \S+)*`)
	reRule     = regexp.MustCompile(`^[\s\-=_*~.|]*$`)
	reWS       = regexp.MustCompile(`\s+`)
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
	if trimmed == "" || strings.EqualFold(trimmed, "<PAGE>") || strings.HasPrefix(strings.ToUpper(trimmed), "<PAGE>") {
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
// more spaces.
func splitSpaces(s string) [][2]int {
	var out [][2]int
	for _, m := range reSpaceRun.FindAllStringIndex(s, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// collapse trims s and folds inner whitespace runs to one space.
func collapse(s string) string {
	return strings.TrimSpace(reWS.ReplaceAllString(s, " "))
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
