package textconv

import (
	"regexp"
	"strings"
)

// table is an open <table> and its current row.
type table struct {
	parent *sink      // where finished rows go
	inRow  bool       // a row is open
	cells  [][]string // finished cells of the open row
	cell   *sink      // the open cell, or nil
}

// closeCell ends the open cell of t, if any, and keeps its lines.
func (c *converter) closeCell(t *table) {
	if t.cell == nil {
		return
	}
	t.cell.breakLine()
	t.cells = append(t.cells, t.cell.lines)
	c.freeCells = append(c.freeCells, t.cell)
	t.cell = nil
}

// newCell returns an empty sink for a table cell, reusing one of a closed
// cell (nothing refers to it any more: its lines went to its row, and a
// table nested in it was closed before it) with its line buffer, and the
// lines slice of a written row.
func (c *converter) newCell() *sink {
	var lines []string
	if n := len(c.freeLines); n > 0 {
		lines = c.freeLines[n-1]
		c.freeLines = c.freeLines[:n-1]
	}
	n := len(c.freeCells)
	if n == 0 {
		return &sink{lines: lines}
	}
	s := c.freeCells[n-1]
	c.freeCells = c.freeCells[:n-1]
	*s = sink{line: s.line[:0], lines: lines}
	return s
}

// closeRow ends the open row of t and writes its lines to the parent.
// The lines slices of its cells are kept for new cells: the parent got
// their strings, not the slices.
func (c *converter) closeRow(t *table) {
	c.closeCell(t)
	if len(t.cells) > 0 {
		c.kept = keepCells(c.kept[:0], t.cells)
		c.writeRow(t.parent, c.kept)
		clear(c.kept)
		for i, cl := range t.cells {
			if cap(cl) > 0 {
				c.freeLines = append(c.freeLines, cl[:0])
			}
			t.cells[i] = nil
		}
	}
	t.cells = t.cells[:0]
	t.inRow = false
}

// closeTable ends the innermost open table.
func (c *converter) closeTable() {
	n := len(c.tables)
	if n == 0 {
		return
	}
	t := c.tables[n-1]
	c.closeRow(t)
	c.tables = c.tables[:n-1]
	t.parent.breakLine()
}

// writeRow lays the kept cells of a row (see keepCells) side by side and
// writes the lines to s: line k joins line k of every cell that has one
// with tabs. The lines are built in c.rowLine, which the document sink
// copies without making strings of them.
func (c *converter) writeRow(s *sink, kept [][]string) {
	if len(kept) == 1 {
		for _, l := range kept[0] {
			s.addLine(l)
		}
		return
	}
	n := 0
	for _, cl := range kept {
		n = max(n, len(cl))
	}
	for k := 0; k < n; k++ {
		l, sep := c.rowLine[:0], false
		for _, cl := range kept {
			if k < len(cl) {
				if sep {
					l = append(l, '\t')
				}
				l, sep = append(l, cl[k]...), true
			}
		}
		s.addLineBytes(l)
		c.rowLine = l
	}
}

// keepCells appends to kept the cells of a row that writeRow lays out:
// empty cells are dropped, a cell holding only a currency sign is glued to
// the next cell and one holding only ")" or "%" to the previous one, and
// a wrapped value is joined (see joinWrapped). It may replace entries of
// cells.
func keepCells(kept, cells [][]string) [][]string {
	for i := 0; i < len(cells); i++ {
		cl := cells[i]
		if len(cl) == 0 {
			continue
		}
		if len(cl) == 1 {
			switch cl[0] {
			case "$", "€", "£", "¥", "US$", "C$":
				if j := nextNonEmpty(cells, i+1); j > 0 {
					nc := append([]string{cl[0] + cells[j][0]}, cells[j][1:]...)
					cells[j] = nc
					continue
				}
			case ")", "%", ")%", "%)", "pts)", "bps)":
				if k := len(kept); k > 0 {
					p := append([]string(nil), kept[k-1]...)
					p[len(p)-1] += cl[0]
					kept[k-1] = p
					continue
				}
			}
		}
		kept = append(kept, cl)
	}
	if len(kept) > 1 {
		joinWrapped(kept)
	}
	return kept
}

// reFieldLabel matches a cell line that starts a labelled field of a
// signature or cover block ("By:", "Name:", "/s/ ..."), which must keep its
// own line.
var reFieldLabel = regexp.MustCompile(`^(?i:(?:by|name|title|its|date|dated|attest)\s*[:.]|/s/|by\s)`)

// Limits on a cell whose lines are taken as one wrapped value.
const (
	maxWrapLines = 6
	maxWrapBytes = 500
)

// joinWrapped joins the lines of the one multi-line cell of a row whose
// other cells hold a single line: such a cell is a value wrapped by the
// layout ("Series 2015A 6.25% Junior" / "Subordinated Notes due 2075"), not
// a block of separate lines. Labelled lines (By:, Name:, /s/) and long
// cells are left alone, as are rows with several multi-line cells (laid
// side by side instead).
func joinWrapped(cells [][]string) {
	multi := -1
	for i, cl := range cells {
		if len(cl) > 1 {
			if multi >= 0 {
				return
			}
			multi = i
		}
	}
	if multi < 0 || len(cells[multi]) > maxWrapLines {
		return
	}
	size := 0
	for i, l := range cells[multi] {
		size += len(l) + 1
		if i > 0 && reFieldLabel.MatchString(l) {
			return
		}
	}
	if size > maxWrapBytes {
		return
	}
	cells[multi] = []string{strings.Join(cells[multi], " ")}
}

// nextNonEmpty returns the index of the first non-empty cell at or after i,
// or -1.
func nextNonEmpty(cells [][]string, i int) int {
	for ; i < len(cells); i++ {
		if len(cells[i]) > 0 {
			return i
		}
	}
	return -1
}
