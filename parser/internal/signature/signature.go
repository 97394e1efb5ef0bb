// Package signature finds the signature block(s) of an EDGAR report in its
// plain text and returns the people who signed it: the registrant block
// ("By: /s/ name", "Name:", "Title:", "Date:") and, for annual reports, the
// capacities table of officers and directors.
package signature

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/edgarload/edgarload/parser/internal/ascii"
	"github.com/edgarload/edgarload/parser/internal/codes"
)

// Signer is one person who signed a report.
type Signer struct {
	Name  string // person's name as typed, without "/s/", "By:" or underscores
	Title string // title or capacity, e.g. "President and Chief Operating Officer"
	Date  string // ISO date signed, "" if none
	For   string // entity signed for, e.g. "SONUS NETWORKS, INC."
	// Context is the block the signature stands in: ContextRegistrant
	// (signed on behalf of the registrant) or ContextCapacity (the 10-K
	// table of officers and directors signing in their capacities).
	Context string
}

// Signature contexts.
const (
	ContextRegistrant = "registrant"
	ContextCapacity   = "capacity"
)

// Limits that keep the scan bounded on any input.
const (
	maxSectionLines = 400 // lines read after an anchor
	maxTitleLen     = 160 // longer text is prose, not a title
	maxSigners      = 200
)

var (
	reAnchor = regexp.MustCompile(`(?i)(?:pursuant\s+to|in\s+accordance\s+with)\s+the\s+requirements\s+of`)
	reSigned = regexp.MustCompile(`(?i)duly\s+caused|caused\s+(?:and\s+authorized\s+)?this\s+(?:report|amendment|registration|statement|application|annual|quarterly|transition|current|form|post-effective|declaration|notice)|caused\s+and\s+authorized|signed\s+(?:on\s+its\s+behalf|below|by\s+the\s+following)|has\s+been\s+signed`)
	// reCertify is the anchor of annual reports of foreign issuers: "The
	// registrant hereby certifies that it meets all of the requirements
	// for filing on Form 20-F".
	reCertify = regexp.MustCompile(`(?i)meets\s+all\s+(?:of\s+)?the\s+requirements\s+for\s+filing`)
	// reCausedThis is the cheap first test for reCaused, ASCII letters
	// only so that the "caused" prefilter admits every match.
	reCausedThis = regexp.MustCompile(`\b[Cc][Aa][Uu][Ss][Ee][Dd]\s+(?:[Tt][Hh][Ii][Ss]|[Tt][Hh][Ee])\b`)
	// reCaused is a signing sentence without "pursuant to the
	// requirements": "has duly caused this Application to be duly signed".
	reCaused      = regexp.MustCompile(`(?i)\bcaused\s+(?:this|the)\s+(?:[a-z0-9()./\-–]+\s+){0,8}?(?:to\s+be\s+(?:duly\s+)?signed|signed)\b`)
	reHeading     = regexp.MustCompile(`(?i)^\s*signatures?\s*(?:\(s\))?\s*:?\s*$`)
	reStop        = regexp.MustCompile(`(?i)^\s*(?:schedule\s+ii\b|valuation\s+and\s+qualifying|exhibit\s+index|index\s+to\s+exhibits|exhibits?\s+index|exhibit\s+list|index\s+of\s+exhibits|certifications?\b|certification\s+pursuant|report\s+of\s+independent|consent\s+of\s+independent|index\s+to\s+(?:consolidated\s+)?financial\s+statements|(?:consolidated\s+)?financial\s+statements\s*$|<document>|</text>)`)
	reCapSentence = regexp.MustCompile(`(?i)signed\s+below|by\s+the\s+following\s+persons|in\s+the\s+capacities`)
	reExhibit     = regexp.MustCompile(`(?i)^\s*(?:exhibit|ex-)\s*\d{1,3}(?:\.\d{1,3})?\s*$`)
	reCellSep     = regexp.MustCompile(`\t| {2,}`)
	reSlashS      = regexp.MustCompile(`(?i)^\*?\s*(?:by:?\s*)?(?:/?s/|\(signed\))\s*`)
	reLabel       = regexp.MustCompile(`(?i)^(date[d]?|by|name|title|its|signature)\s*:\s*(.*)$`)
	reBareBy      = regexp.MustCompile(`(?i)^by\s+(.*)$`)
	reEntity      = regexp.MustCompile(`(?i)(?:\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.l\.c|lp|l\.p|llp|plc|n\.v|n\.a|s\.a|ag|se|trust|bancorp|bancshares|holdings?|group|partners|fund|bank)\.?|\(registrant\))\s*,?\s*$`)
	reRegMark     = regexp.MustCompile(`(?i)^\(\s*(?:registrants?|issuers?|company|companies)\s*\)$`)
	reNoise       = regexp.MustCompile(`^[\s\-_=*.|]*$`)
	rePageNum     = regexp.MustCompile(`(?i)^(?:page\s+)?-?\s*\d{1,3}\s*-?$|^[ivxl]+$`)
	reAttorny     = regexp.MustCompile(`(?i)attorney[\s-]+in[\s-]+fact`)
)

// Extract finds the signature block(s) of a report and returns its signers
// in order. registrant is the filer's name: the entity a block stands for
// when it prints none ("" when unknown).
func Extract(text, registrant string) []Signer {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	starts := anchors(lines)
	for _, st := range starts {
		if out := parseSection(lines, st, registrant); len(out) > 0 {
			return out
		}
	}
	return nil
}

// anchors returns the candidate first lines of signature sections: each
// "Pursuant to the requirements of ... duly caused this report to be signed"
// sentence, then "SIGNATURES" headings as a fallback.
func anchors(lines []string) []int {
	cand := candidateLines(lines)
	var out, heads []int
	for _, i := range cand {
		l := lines[i]
		if mayHeading(l) && reHeading.MatchString(l) {
			heads = append(heads, i)
			continue
		}
		switch {
		case mayAnchor(l) && (reAnchor.MatchString(l) || reCertify.MatchString(l)):
			if reSigned.MatchString(window(lines, i)) {
				out = append(out, i)
			}
		case ascii.ContainsFold(l, "caused") && reCausedThis.MatchString(l) && !anchoredNear(out, i):
			if loc := reCaused.FindStringIndex(window(lines, i)); loc != nil && loc[0] < len(l) {
				out = append(out, i)
			}
		}
	}
	// Only the first anchor of a run: the parse of one section covers the
	// registrant block and the capacities table that follows it.
	return append(out, heads...)
}

// window returns line i and the four lines after it, joined by spaces.
func window(lines []string, i int) string {
	return strings.Join(lines[i:min(len(lines), i+5)], " ")
}

// anchoredNear reports whether an anchor was taken in the five lines above
// line i (the "caused this report" clause of a sentence already found).
func anchoredNear(out []int, i int) bool {
	return len(out) > 0 && i-out[len(out)-1] <= 5
}

// candidateLines are the lines holding "ignature" (a heading),
// "requirement" (an anchor) or "cau" (of "caused"), ASCII case ignored:
// only they can match reHeading, reAnchor or reCausedThis, since none of
// these words has a letter with a non-ASCII case variant under (?i).
// Nothing is copied (ascii.ContainsFold), so a large document costs no
// lower-cased copy here.
func candidateLines(lines []string) []int {
	var out []int
	for i, l := range lines {
		if ascii.ContainsFold(l, "ignature") || ascii.ContainsFold(l, "requirement") || ascii.ContainsFold(l, "cau") {
			out = append(out, i)
		}
	}
	return out
}

// block is the parser state while reading one signature section.
type block struct {
	out        []Signer
	rows       []int // line of each signer
	groups     []int // entity group of each signer
	ownDate    []bool
	dates      []datedLine
	cur        int // index of the open signer in out, -1 if none
	printed    bool
	lastTitle  bool
	entity     string
	group      int
	pendingCap string
	expectName bool
	capacity   bool  // inside the capacities table (second anchor seen)
	grid       []int // signers opened side by side on one line, by column
	gridCols   []int // byte offset of each grid column on its line
	gridLine   int
	heads      []string // capacity heading above each signer
	printedAt  int      // line where the open signer's printed name was read
	lines      []string
	registrant string // the filer's name, for blocks that print no entity
	// firstEntity is the first entity the section prints: the
	// registrant, whom the capacities table signs for.
	firstEntity string
	// entities lists the entities of each group: several names printed
	// one under the other before a signature (co-registrants).
	entities    map[int][]string
	entityLine  int  // last line that set an entity
	openedSince bool // a signer was opened since the last entity
	// heading is the capacity a heading line gives the signers under it
	// ("DIRECTORS:" gives "Director").
	heading string
	typed   bool // the open signer is a typed capacities row (no "/s/")
	// pendingTitle is the first line of a title wrapped above its
	// signature row, held for the signer opened on the next line.
	pendingTitle string
	pendingAt    int
}

// context names the block the next signer belongs to.
func (b *block) context() string {
	if b.capacity {
		return ContextCapacity
	}
	return ContextRegistrant
}

// anchorDate records a date written in an anchor sentence ("on this 18th
// day of February 2009") as a fallback for signers without one.
func (b *block) anchorDate(i int, s string) {
	if d, ok := findDate(s); ok {
		b.dates = append(b.dates, datedLine{line: i, group: -1, date: d})
	}
}

// reDayOf matches "18th day of February, 2009".
var reDayOf = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+([A-Za-z]+)\.?,?\s+(\d{4})\b`)

// findDate is codes.FindDate that also reads "18th day of February, 2009".
func findDate(s string) (string, bool) {
	// reDayOf needs the word "day" (no letter of it has a non-ASCII case
	// variant under (?i)): other strings skip the regexp.
	if !ascii.ContainsFold(s, "day") {
		return codes.FindDate(s)
	}
	if m := reDayOf.FindStringSubmatch(s); m != nil {
		if d, ok := codes.FindDate(m[2] + " " + m[1] + ", " + m[3]); ok {
			return d, true
		}
	}
	return codes.FindDate(s)
}

// datedLine is a date seen in the section with its position.
type datedLine struct {
	line, group int
	date        string
}

// parseSection reads signers from the section starting at line st.
func parseSection(lines []string, st int, registrant string) []Signer {
	b := &block{cur: -1, lines: lines, registrant: registrant, entities: map[int][]string{}, pendingAt: -2}
	end := min(len(lines), st+maxSectionLines)
	// Skip the anchor sentence itself (until its paragraph ends).
	i := st
	for i < end && strings.TrimSpace(lines[i]) != "" && !strings.HasSuffix(strings.TrimSpace(lines[i]), ".") && !strings.HasSuffix(strings.TrimSpace(lines[i]), ":") && i < st+6 {
		i++
	}
	if reAnchor.MatchString(lines[st]) {
		sentence := strings.Join(lines[st:min(i+1, len(lines))], " ")
		b.anchorDate(st, sentence)
		// A section that starts at the capacities sentence ("signed below
		// by the following persons") is the capacities table.
		b.capacity = reCapSentence.MatchString(sentence)
		i++
	}
	for ; i < end && len(b.out) < maxSigners; i++ {
		raw := lines[i]
		t := strings.TrimSpace(raw)
		if t == "" {
			b.lastTitle = false
			continue
		}
		if reStop.MatchString(t) || (len(b.out) > 0 && reExhibit.MatchString(t)) {
			break
		}
		if reAnchor.MatchString(t) {
			// A second anchor (capacities table) continues the section.
			b.closeSigner()
			b.lastTitle = false
			b.capacity = true
			b.grid = nil
			b.heading = ""
			b.anchorDate(i, t)
			continue
		}
		b.line(i, raw)
	}
	b.closeSigner()
	return b.finish()
}

// cells splits a line into its TAB- or space-separated cells and merges a
// bare label ("Date:", "By:") with the cell after it.
func cells(raw string) []string {
	var out []string
	for _, p := range splitCellSep(strings.TrimSpace(raw)) {
		p = strings.TrimSpace(strings.ReplaceAll(p, "\u00a0", " "))
		if p == "*" {
			// A director signed by an attorney-in-fact ("*   Director").
			out = append(out, p)
			continue
		}
		if p == "" || isNoise(p) {
			continue
		}
		out = append(out, starBy(p))
	}
	out = splitAtSlashS(out)
	merged := out[:0:0]
	for k := 0; k < len(out); k++ {
		c := out[k]
		m := labelMatch(c)
		bare := m != nil && strings.TrimSpace(m[2]) == ""
		if (bare || isBareSlashS(c)) && k+1 < len(out) && !isLabel(out[k+1]) {
			c = c + " " + out[k+1]
			k++
		}
		merged = append(merged, c)
	}
	return merged
}

// line feeds one line of the section to the state machine.
func (b *block) line(i int, raw string) {
	cs := cells(raw)
	if len(cs) == 0 || allStars(cs) {
		return
	}
	if b.holdTitle(i, raw, cs) || b.headingLine(cs) || b.gridRow(i, raw, cs) {
		return
	}
	title := false
	for k, c := range cs {
		title = b.cell(i, k, len(cs), c) || title
	}
	b.lastTitle = title
	b.applyPendingTitle(i)
}

// allStars reports whether every cell is a "*" ("*   *   *" separators).
func allStars(cs []string) bool {
	for _, c := range cs {
		if c != "*" {
			return false
		}
	}
	return len(cs) > 1
}

// holdTitle keeps the first line of a title wrapped above its signature row
// (plain-text tables centre a two-line title on the "/s/" row): an indented
// lone title-like line directly above a row that opens a signature.
func (b *block) holdTitle(i int, raw string, cs []string) bool {
	if len(cs) != 1 || b.expectName || indent(raw) < 8 && !openEnded(cs[0]) {
		// HTML text keeps no indentation: there only a line ending
		// mid-phrase ("Chairman of the Board and") is held.
		return false
	}
	c := cs[0]
	if len(c) > maxTitleLen || !titleLike(c) || isEntity(c) || plausibleName(c) || isLabel(c) ||
		strings.HasPrefix(c, "(") || strings.ContainsAny(c, "0123456789/|:") || reHeadingLike.MatchString(c) {
		return false
	}
	if b.lastTitle && !openEnded(c) {
		return false // the end of the title above
	}
	next := cells(b.lineAt(i + 1))
	if len(next) < 2 || !(isSlashS(next[0]) || next[0] == "*") {
		return false
	}
	b.pendingTitle, b.pendingAt = c, i
	return true
}

// applyPendingTitle puts a held title line in front of the title of the
// signer opened on line i.
func (b *block) applyPendingTitle(i int) {
	if b.pendingTitle == "" || b.pendingAt >= i {
		return
	}
	if b.pendingAt == i-1 && b.cur >= 0 && b.rows[b.cur] == i {
		s := &b.out[b.cur]
		s.Title = strings.TrimSpace(b.pendingTitle + " " + s.Title)
	}
	b.pendingTitle = ""
}

// indent returns the number of leading spaces of raw (a TAB counts eight).
func indent(raw string) int {
	n := 0
	for _, r := range raw {
		switch r {
		case ' ', '\u00a0':
			n++
		case '\t':
			n += 8
		default:
			return n
		}
	}
	return n
}

// reOpenEnd matches a title line that the next line continues.
var reOpenEnd = regexp.MustCompile(`(?i)(?:\b(?:and|of|the|for|&)|[,\-–—])\s*$`)

// openEnded reports whether title line c ends mid-phrase.
func openEnded(c string) bool {
	return reOpenEnd.MatchString(c)
}

// reCapHeading matches a capacity heading of the table ("DIRECTORS:",
// "A Majority of the Board of Directors:", "PRINCIPAL FINANCIAL OFFICER:").
var (
	reCapHeading  = regexp.MustCompile(`(?i)^(?:(?:a\s+)?majority\s+of\s+(?:the\s+)?)?(?:board\s+of\s+)?(?:directors\s*:?|directors?\s*:)$|^principal\s+[a-z ]*officers?\s*(?:and\s+directors?)?\s*:$|^and\s+directors?\s*:$`)
	reListHeading = regexp.MustCompile(`(?i)^(?:the\s+)?following\s+(?:directors|persons|trustees)\s*:?$`)
	reDirHeading  = regexp.MustCompile(`(?i)directors?\s*:?$`)
	reOfficerHead = regexp.MustCompile(`(?i)officers?`)
)

// headingLine reads a capacity heading of the capacities table: the
// directors listed under "DIRECTORS:" have the capacity "Director".
func (b *block) headingLine(cs []string) bool {
	if b.capacity && len(cs) == 2 && reListHeading.MatchString(cs[0]) && titleLike(cs[1]) {
		// "The following directors:<TAB>Director".
		b.closeSigner()
		b.heading = cs[1]
		return true
	}
	if !b.capacity || len(cs) != 1 || !reCapHeading.MatchString(cs[0]) {
		return false
	}
	b.closeSigner()
	b.heading = ""
	if reDirHeading.MatchString(cs[0]) && !reOfficerHead.MatchString(cs[0]) && !strings.HasPrefix(strings.ToLower(cs[0]), "and") {
		b.heading = "Director"
	}
	return true
}

// gridRow handles signers laid out side by side ("/s/ A<TAB>/s/ B" or
// "A*<TAB>B*", then "A<TAB>B", then "Director<TAB>Director"). It reports
// whether it used the line.
func (b *block) gridRow(i int, raw string, cs []string) bool {
	sigs := 0
	for _, c := range cs {
		if isSlashS(c) || starredName(c) != "" {
			sigs++
		}
	}
	if sigs >= 2 && sigs == len(cs) {
		b.closeSigner()
		b.grid = b.grid[:0]
		for _, c := range cs {
			name := starredName(c)
			if name == "" {
				name, _ = splitNameTitle(cleanName(c), "")
			}
			b.grid = append(b.grid, b.open(i, Signer{Name: name}))
		}
		b.gridCols = cellOffsets(raw, cs)
		b.gridLine = i
		return true
	}
	if len(b.grid) == 0 || sigs > 0 || len(cs) > len(b.grid) || i-b.gridLine > 4 {
		b.grid = nil
		return false
	}
	cols := b.columnsOf(raw, cs)
	for k, c := range cs {
		b.gridCell(b.grid[cols[k]], c)
	}
	b.gridLine = i
	return true
}

// gridCell adds cell c of a row under a side-by-side signature to signer j:
// the printed name (with a title after it), a date or a title line.
func (b *block) gridCell(j int, c string) {
	s := &b.out[j]
	switch {
	case sameName(c, s.Name):
		name, title := splitNameTitle(strings.TrimSpace(c), s.Name)
		name = cleanName(name)
		if strings.ToUpper(name) != name && plausibleName(name) {
			s.Name = name
		}
		if title != "" {
			s.Title = strings.TrimSpace(s.Title + " " + title)
		}
	case isLabel(c) || isPageNum(c) || strings.Contains(c, "|"):
	default:
		if d, ok := dateOnly(c); ok {
			s.Date = d
			b.ownDate[j] = true
		} else if titleLike(c) && len(c) <= maxTitleLen {
			s.Title = strings.TrimSpace(s.Title + " " + c)
		}
	}
}

// columnsOf maps the cells of a row under a grid to the grid's columns:
// by position when the text is aligned with spaces, else in order.
func (b *block) columnsOf(raw string, cs []string) []int {
	cols := fallbackCols(len(cs))
	offs := cellOffsets(raw, cs)
	if offs == nil || len(b.gridCols) != len(b.grid) || strings.Contains(raw, "\t") {
		return cols
	}
	for k, o := range offs {
		best := 0
		for g, start := range b.gridCols {
			if start <= o+2 {
				best = g
			}
		}
		cols[k] = best
	}
	for k := 1; k < len(cols); k++ {
		if cols[k] <= cols[k-1] {
			return fallbackCols(len(cs))
		}
	}
	return cols
}

// fallbackCols maps n cells to the first n columns.
func fallbackCols(n int) []int {
	cols := make([]int, n)
	for k := range cols {
		cols[k] = k
	}
	return cols
}

// cellOffsets returns the byte offset in raw of each cell (nil when a cell
// is not found as typed).
func cellOffsets(raw string, cs []string) []int {
	offs := make([]int, len(cs))
	pos := 0
	for k, c := range cs {
		j := strings.Index(raw[pos:], c)
		if j < 0 {
			return nil
		}
		offs[k] = pos + j
		pos += j + len(c)
	}
	return offs
}

// starredName returns the name of a "Jane Doe*" cell (a director signed by
// an attorney-in-fact), "" for any other cell.
func starredName(c string) string {
	if m := starredMatch(c); m != nil && plausibleName(m[1]) {
		return m[1]
	}
	return ""
}

// open appends a new signer read on line i and returns its index.
func (b *block) open(i int, s Signer) int {
	s.For, s.Context = b.entity, b.context()
	b.out = append(b.out, s)
	b.rows = append(b.rows, i)
	b.groups = append(b.groups, b.group)
	b.ownDate = append(b.ownDate, false)
	b.heads = append(b.heads, b.heading)
	b.openedSince = true
	return len(b.out) - 1
}

// isSlashS reports whether c is a conformed signature "/s/ Name".
func isSlashS(c string) bool {
	return maySlashS(c) && reSlashS.MatchString(c)
}

// cell handles one cell; it reports whether the cell extended a title.
func (b *block) cell(i, k, n int, c string) bool {
	if isPageNum(c) || isTag(c) {
		return false
	}
	if m := labelMatch(c); m != nil {
		return b.label(i, strings.ToLower(m[1]), strings.TrimSpace(m[2]))
	}
	if isSlashS(c) {
		name := cleanName(stripSlashS(c))
		return b.signature(i, name)
	}
	if m := bareByMatch(c); m != nil && k == 0 {
		if name, _ := splitNameTitle(cleanName(m[1]), ""); plausibleName(name) {
			return b.signature(i, cleanName(m[1]))
		}
	}
	if strings.EqualFold(strings.TrimSpace(c), "by") {
		b.closeSigner()
		b.cur = b.open(i, Signer{})
		b.expectName = true
		return false
	}
	if c == "*" {
		// "*<TAB>Director<TAB>date" with the name on the next line; a
		// "*" before "By: /s/ X" only marks the attorney's signature.
		if next := cells(b.lineAt(i)); k == 0 && !(len(next) > 1 && (isSlashS(next[1]) || isLabel(next[1]))) {
			b.signature(i, "")
		}
		return false
	}
	if isIgnored(c) {
		return false
	}
	if m := starredMatch(c); m != nil && plausibleName(m[1]) && b.capacity {
		// "Jane Doe*": signed through an attorney-in-fact.
		b.signature(i, m[1])
		return false
	}
	if b.capacity && k == 0 && n >= 2 && !b.expectName && plausibleName(c) && rowHasTitle(c, b.lineAt(i)) && (b.cur < 0 || b.printed || b.out[b.cur].Title != "") && !(b.cur >= 0 && sameName(c, b.curName())) {
		// Capacities row without a conformed signature: "Name<TAB>Title<TAB>Date".
		b.signature(i, c)
		b.printed = true
		b.typed = true
		return false
	}
	if b.capacity && n == 1 && b.typed && b.cur >= 0 && b.printed && plausibleName(c) && !sameName(c, b.curName()) {
		// The last of a list of typed names whose capacity cell spans
		// the rows ("Kathleen Wilson-Thompson" under "Name<TAB>Director").
		b.signature(i, c)
		b.printed = true
		b.typed = true
		return false
	}
	if d, ok := dateOnly(c); ok {
		b.date(i, d, b.cur >= 0 && k > 0)
		return false
	}
	if isRegMark(c) {
		if b.pendingCap != "" {
			b.setEntity(i, b.pendingCap)
		}
		return false
	}
	if b.cur >= 0 {
		s := &b.out[b.cur]
		switch {
		case b.expectName:
			if name, title := splitNameTitle(cleanName(c), ""); plausibleName(name) {
				s.Name = name
				b.expectName = false
				b.printed = true
				if title != "" && s.Title == "" {
					s.Title = title
					return true
				}
				return false
			}
			if k > 0 && b.rows[b.cur] == i && s.Title == "" && len(c) <= maxTitleLen && titleLike(c) && !isEntity(c) {
				// "*<TAB>Director": the capacity before the name.
				s.Title = c
				return true
			}
		case !b.printed && sameName(c, s.Name):
			b.printed = true
			b.printedAt = i
			name, title := splitNameTitle(strings.TrimSpace(c), s.Name)
			if title != "" && s.Title == "" {
				s.Title = title
			}
			if (strings.ToUpper(name) != name || s.Name == "") && plausibleName(name) {
				s.Name = name
			}
			return title != ""
		case s.Title == "" && len(c) <= maxTitleLen && (!isEntity(c) || reTitleStart.MatchString(c)) && titleLike(c):
			// "President, Acme Holdings Inc." is a title naming an entity.
			s.Title = c
			return true
		case s.Title != "" && b.lastTitle && k == 0 && n == 1 && continuesTitle(s.Title, c):
			s.Title += " " + c
			return true
		case k > 0 && reAttorny.MatchString(c) && b.attorneyCell(i, c):
			return false
		case s.Title != "" && k > 0 && len(c) <= maxTitleLen && titleLike(c) && (b.rows[b.cur] == i || b.printedAt == i) && !isCaps(c) && !isEntity(c):
			// Further title cell on the signer's row.
			s.Title += " " + c
			return true
		}
	}
	if isEntity(c) && len(c) <= maxTitleLen {
		if b.capacity || b.cur >= 0 && k > 0 && (b.rows[b.cur] == i || b.printedAt == i) {
			// An entity in the title column or in the capacities table
			// (which signs for the registrant) is not the entity signed for.
			return false
		}
		name := c
		if b.pendingCap != "" && isCaps(b.pendingCap) && isCaps(c) && len(strings.Fields(c)) <= 2 {
			name = b.pendingCap + " " + c
		}
		b.closeSigner()
		b.setEntity(i, name)
		return false
	}
	if isCaps(c) && len(c) <= maxTitleLen {
		b.pendingCap = c
	} else {
		b.pendingCap = ""
	}
	return false
}

// label handles a "Label: value" cell.
func (b *block) label(i int, lab, v string) bool {
	switch lab {
	case "date", "dated":
		if d, ok := codes.FindDate(v); ok {
			b.date(i, d, false)
			if m := reDateThenText.FindStringSubmatch(v); m != nil {
				// "Date: March 30, 2021 Brien M. Chase, Senior Vice President".
				return b.cell(i, 1, 2, m[1])
			}
		}
	case "by", "signature":
		name := cleanName(stripSlashS(v))
		if isEntity(name) && !plausibleName(name) {
			// "By: XYZ Capital LLC, its general partner": the general
			// partner signs for the entity printed above, if any.
			b.closeSigner()
			if b.entity == "" || b.openedSince {
				b.setEntity(i, name)
			}
			return false
		}
		return b.signature(i, name)
	case "name":
		name := cleanName(v)
		if b.cur >= 0 && sameName(name, b.out[b.cur].Name) {
			b.out[b.cur].Name = name
		} else if b.cur < 0 || b.out[b.cur].Name != "" && b.printed {
			b.signature(i, name)
		} else {
			b.out[b.cur].Name = name
		}
		b.printed = true
		b.expectName = false
	case "title", "its":
		if b.cur >= 0 && v != "" {
			if b.out[b.cur].Title != "" && !b.lastTitle {
				b.out[b.cur].Title = v
			} else if b.out[b.cur].Title != "" {
				b.out[b.cur].Title += " " + v
			} else {
				b.out[b.cur].Title = v
			}
			return true
		}
	}
	return false
}

// signature opens a new signer (closing the previous one); it reports
// whether a title was read along with the name.
func (b *block) signature(i int, name string) bool {
	if isEntity(name) && !plausibleName(name) {
		return false // "/s/ Ernst & Young LLP"
	}
	name, title := splitNameTitle(name, "")
	if b.cur >= 0 && b.out[b.cur].Title == "" && name != "" && foldName(name) == foldName(b.out[b.cur].Name) && i-b.rows[b.cur] <= 3 {
		// The same signer typed again ("/s/ X" then "By: X, President").
		b.printed = true
		b.out[b.cur].Title = title
		return title != ""
	}
	if b.cur >= 0 && b.rows[b.cur] == i-1 && b.out[b.cur].Name == "" {
		// "By:" alone on the line above.
		b.out[b.cur].Name, b.out[b.cur].Title = name, title
		b.expectName = name == ""
		return title != ""
	}
	b.closeSigner()
	b.cur = b.open(i, Signer{Name: name, Title: title})
	b.printed = false
	b.typed = false
	b.expectName = name == ""
	b.pendingCap = ""
	return title != ""
}

// date records a signature date; on a signer's own row it is that
// signer's date.
func (b *block) date(i int, d string, own bool) {
	if own && b.cur >= 0 && b.out[b.cur].Date == "" {
		b.out[b.cur].Date = d
		b.ownDate[b.cur] = true
		return
	}
	b.dates = append(b.dates, datedLine{line: i, group: b.group, date: d})
}

// setEntity starts a new entity group at line i; an entity printed right
// under another before any signature joins its group (co-registrants
// signed for by the same person).
func (b *block) setEntity(i int, name string) {
	name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(reRegMarkTail.ReplaceAllString(name, "")), ","))
	if name == "" {
		return
	}
	b.pendingCap = ""
	if b.entity != "" && !b.openedSince && i-b.entityLine <= 3 && !b.capacity {
		b.entities[b.group] = append(b.entities[b.group], name)
		b.entityLine = i
		return
	}
	b.entity = name
	b.group++
	b.entities[b.group] = []string{name}
	b.entityLine = i
	b.openedSince = false
	if b.firstEntity == "" && !b.capacity {
		b.firstEntity = name
	}
}

// attorneyCell gives an "Attorney-in-fact" cell printed on a director's row
// to the attorney: the nearest signer above without a title. It reports
// whether it found one.
func (b *block) attorneyCell(i int, c string) bool {
	for j := b.cur - 1; j >= 0 && j >= b.cur-3; j-- {
		if b.out[j].Title != "" || b.out[j].Context != b.context() {
			continue
		}
		title, d := titleAndDate(c)
		b.out[j].Title = title
		if d != "" {
			b.out[j].Date = d
			b.ownDate[j] = true
		}
		return true
	}
	return false
}

// reTrailingDate matches a date written after a title.
var reTrailingDate = regexp.MustCompile(`\s+((?:[A-Z][a-z]+\.?\s+\d{1,2}\s*,?\s*\d{4})|\d{1,2}/\d{1,2}/\d{2,4})\s*$`)

// titleAndDate splits "Attorney-in-fact February 24, 2025" into the title
// and the ISO date.
func titleAndDate(c string) (string, string) {
	if m := reTrailingDate.FindStringSubmatchIndex(c); m != nil {
		if d, ok := codes.FindDate(c[m[2]:m[3]]); ok {
			return strings.TrimSpace(c[:m[0]]), d
		}
	}
	return c, ""
}

// reRegMarkTail matches a trailing "(Registrant)" mark.
var reRegMarkTail = regexp.MustCompile(`(?i)\s*\(registrants?\)\s*$`)

// closeSigner ends the open signer; a signer without any name is dropped.
func (b *block) closeSigner() {
	if b.cur >= 0 && b.out[b.cur].Name == "" {
		b.out = b.out[:b.cur]
		b.rows = b.rows[:b.cur]
		b.groups = b.groups[:b.cur]
		b.ownDate = b.ownDate[:b.cur]
		b.heads = b.heads[:b.cur]
	}
	b.cur = -1
	b.printed = false
	b.expectName = false
	b.lastTitle = false
}

// curName returns the name of the open signer, "" if none.
func (b *block) curName() string {
	if b.cur < 0 {
		return ""
	}
	return b.out[b.cur].Name
}

// finish gives each signer without a date of its own the nearest date of
// its entity group (or of the section), a title from its heading, the
// entity it signs for, one row per co-registrant, and drops implausible
// names.
func (b *block) finish() []Signer {
	var out []Signer
	for k, s := range b.out {
		if s.Date == "" {
			s.Date = b.nearestDate(b.rows[k], b.groups[k])
		}
		s.Name = strings.TrimSpace(strings.TrimRight(s.Name, ",;"))
		if !plausibleName(s.Name) {
			continue
		}
		s.Title = cleanTitle(s.Name, s.Title)
		if s.Title == "" {
			s.Title = b.heads[k]
		}
		ents := []string{s.For}
		switch {
		case s.Context == ContextCapacity:
			ents = []string{firstNonEmpty(b.firstEntity, b.registrant, s.For)}
		case s.For == "":
			ents = []string{b.registrant}
		case len(b.entities[b.groups[k]]) > 1:
			ents = b.entities[b.groups[k]]
		}
		for _, e := range ents {
			s.For = e
			out = append(out, s)
		}
	}
	return out
}

// firstNonEmpty returns the first non-empty string.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// reTitleLead matches what a title keeps in front of it from its label:
// "Its", "By:", "Title:", "As" (before "Attorney-in-Fact").
var reTitleLead = regexp.MustCompile(`(?i)^(?:(?:its|by|title)\s*:?\s+|as\s+(?:an?\s+)?(?:attorney|agent))`)

// cleanTitle tidies a signer's title: no label words in front, no copy of
// the name ("Jane Q. Doe, President" is "President"), no trailing comma.
func cleanTitle(name, t string) string {
	t = strings.TrimSpace(t)
	for k := 0; k < 3; k++ {
		m := reTitleLead.FindStringSubmatchIndex(t)
		if m == nil {
			break
		}
		cut := m[1]
		if len(t) > 2 && strings.EqualFold(t[:2], "as") {
			cut = 2 // keep "Attorney-in-Fact"
		}
		t = strings.TrimSpace(t[cut:])
	}
	if head, rest, ok := strings.Cut(t, ","); ok && namesSamePerson(head, name) {
		t = strings.TrimSpace(rest)
	} else if kw := strings.Fields(name); len(kw) > 0 {
		if w := strings.Fields(t); len(w) > len(kw) && foldName(strings.Join(w[:len(kw)], " ")) == foldName(name) {
			t = strings.Join(w[len(kw):], " ")
		}
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), ",;"))
}

// namesSamePerson reports whether head is a plausible name of the person
// name: the same first and last words ("Jane Doe", "Jane Q. Doe").
func namesSamePerson(head, name string) bool {
	head = strings.TrimSpace(head)
	if !plausibleName(head) {
		return false
	}
	h, n := strings.Fields(head), strings.Fields(name)
	if len(n) == 0 {
		return false
	}
	return foldName(h[0]) == foldName(n[0]) && foldName(h[len(h)-1]) == foldName(n[len(n)-1])
}

// nearestDate returns the date closest to line i, preferring the same
// entity group.
func (b *block) nearestDate(i, group int) string {
	best, bestDist := "", 1<<30
	for pass := 0; pass < 2 && best == ""; pass++ {
		for _, d := range b.dates {
			if pass == 0 && d.group != group && !(d.group == group-1 && d.line < i) {
				continue
			}
			dist := d.line - i
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = d.date, dist
			}
		}
	}
	return best
}

// dateOnly reports whether c is nothing but a date.
func dateOnly(c string) (string, bool) {
	d, ok := codes.FindDate(c)
	if !ok {
		return "", false
	}
	rest := reDateWords.ReplaceAllString(c, "")
	if len(strings.TrimSpace(rest)) > 3 {
		return "", false
	}
	return d, true
}

// reDateWords matches the parts of a written date.
var reDateWords = regexp.MustCompile(`(?i)\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?|[\d,./\-\s]|(st|nd|rd|th)\b`)

// cleanName strips conformed-signature marks, labels and underscores.
func cleanName(s string) string {
	s = strings.TrimSpace(s)
	s = stripSlashS(s)
	s = strings.Trim(s, "_*-–—:, \t\"“”")
	s = strings.TrimSpace(strings.TrimSuffix(s, "(signature)"))
	return strings.Join(strings.Fields(s), " ")
}

// isEntity reports whether c names a company rather than a person.
func isEntity(c string) bool {
	return reEntity.MatchString(entityTail(strings.TrimSpace(c)))
}

// isCaps reports whether every letter of c is upper case.
func isCaps(c string) bool {
	has := false
	for _, r := range c {
		if unicode.IsLetter(r) {
			has = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return has
}

// titleLike reports whether c can be a title: mostly letters, not prose.
func titleLike(c string) bool {
	if strings.Count(c, " ") > 25 {
		return false
	}
	letters := 0
	for _, r := range c {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// continuesTitle reports whether line c wraps the title t.
func continuesTitle(t, c string) bool {
	if isEntity(c) || isLabel(c) || strings.HasSuffix(c, ":") || reHeadingLike.MatchString(c) {
		return false
	}
	if isCaps(c) && !isCaps(t) && !strings.HasPrefix(c, "(") || plausibleName(c) {
		return false
	}
	if len(t)+len(c) > 2*maxTitleLen || !titleLike(c) || strings.ContainsAny(c, "0123456789|") {
		return false
	}
	if reAttorny.MatchString(c) {
		return true
	}
	return len(c) <= 80
}

// sameName reports whether c is the printed form of the signed name n
// (same words ignoring case and punctuation), or n is empty and c is a
// plausible name.
func sameName(c, n string) bool {
	c = cleanName(c)
	if n == "" {
		return plausibleName(c)
	}
	if foldName(c) == foldName(n) || strings.Contains(foldName(c), foldName(n)) && len(foldName(n)) > 4 {
		return true
	}
	// "Theodora P. Vance, Executive Vice" under "/s/ Theodora Vance".
	head, _ := splitNameTitle(c, "")
	return namesSamePerson(head, n)
}

// foldName keeps the lower-case letters of s without their accents.
func foldName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, norm.NFD.String(s))
}

// plausibleName reports whether s looks like a person's name: 2 to 7
// words, letters, no digits, not a company.
func plausibleName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 60 || strings.ContainsAny(s, "0123456789@/:;") {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 7 {
		return false
	}
	if isEntity(s) && !reNameSuffix.MatchString(s) {
		return false
	}
	if reNotNameWord.MatchString(s) {
		return false
	}
	for _, w := range words {
		r := []rune(w)[0]
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && !reParticle.MatchString(w) {
			return false
		}
		if reNotName.MatchString(w) {
			return false
		}
	}
	return unicode.IsLetter([]rune(words[0])[0])
}

var (
	// reNotNameWord matches the words of titles and labels that no name has.
	reNotNameWord = regexp.MustCompile(`(?i)\b(?:president|officers?|directors?|secretary|treasurer|chairman|chairwoman|counsel|vice|chief|executive|controller|trustees?|attorney|pursuant|registrant|date[d]?|signatures?|title|name)\b`)
	reParticle    = regexp.MustCompile(`^(?:de|da|del|della|der|den|van|von|la|le|du|dos|das|di|y|e|bin|al|st\.?)$`)
	reNotName     = regexp.MustCompile(`(?i)^(?:part|table|contents|balance|total|item|page|exhibit|index|schedule|form|report|section|annual|the|and|of|for|by|inc\.?|corporation|company)$`)
)

// reNameSuffix matches personal suffixes that also look like company words.
var reNameSuffix = regexp.MustCompile(`(?i),?\s+(jr|sr|ii|iii|iv)\.?$`)

var (
	reTitleStart   = regexp.MustCompile(`(?i)^(?:president|chief|vice|senior|executive\s+vice|director|secretary|treasurer|chairman|chair|ceo|cfo|coo|controller|assistant|authorized|sole|managing\s+(?:director|member|partner)|general\s+(?:partner|counsel|manager))\b`)
	reStarBy       = regexp.MustCompile(`(?i)^\*\s*(by\b)`)
	reStarred      = regexp.MustCompile(`^\*?\s*([^*]+?)\s*\*+$`)
	reHeadingLike  = regexp.MustCompile(`(?i)power\s+of\s+attorney|know\s+all|^signatures?$|^directors?:?$`)
	reBareSlashS   = regexp.MustCompile(`(?i)^(?:by:?\s*)?/s/$`)
	reTag          = regexp.MustCompile(`^</?[A-Za-z][^>]*>$`)
	reDateThenText = regexp.MustCompile(`^(?:[A-Za-z]+\.?\s+\d{1,2}\s*,?\s*\d{4}|\d{1,2}/\d{1,2}/\d{2,4})\s+(\S.*)$`)
	reInnerSlashS  = regexp.MustCompile(`(?i)\s/s/`)
	reIgnore       = regexp.MustCompile(`(?i)^\(?(?:signature|date|name|title|name\s+and\s+title|principal\s+executive\s+officer\s+and\s+duly\s+authorized\s+officer)\)?:?$`)
	reTitleWord    = regexp.MustCompile(`(?i)^(?:president|chief|vice|executive|senior|chairman|chairperson|chair|director|secretary|treasurer|general|ceo|cfo|coo|cao|managing|assistant|controller|principal|evp|svp|corporate|attorney|authorized|manager|partner|trustee|member|sole|co-chief|interim|acting|deputy|associate|group|head)\b`)
	reNameTail     = regexp.MustCompile(`(?i)^(?:jr|sr|ii|iii|iv|esq|ph\.?d|m\.?d)\.?$`)
)

// splitAtSlashS cuts cells at a conformed signature that follows other text
// ("Date: March 29, 2006 /s/V. Lawrence Evans").
func splitAtSlashS(cs []string) []string {
	var out []string
	for _, c := range cs {
		if loc := innerSlashS(c); loc != nil && loc[0] > 0 {
			out = append(out, strings.TrimSpace(c[:loc[0]]), strings.TrimSpace(c[loc[0]:]))
			continue
		}
		out = append(out, c)
	}
	return out
}

// splitNameTitle separates a person's name from a title typed on the same
// line: "Jason Smart, Chief Executive Officer", "Alex Hui President",
// "William E. Ladin, Jr. William E. Ladin, Jr. President". known is the
// name already read from the "/s/" line, if any.
func splitNameTitle(s, known string) (name, title string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	words := strings.Fields(s)
	// The known name followed by the title.
	if kw := strings.Fields(known); len(kw) > 0 && len(words) > len(kw) {
		if foldName(strings.Join(words[:len(kw)], " ")) == foldName(known) {
			return strings.TrimSuffix(strings.Join(words[:len(kw)], " "), ","), trimTitle(strings.Join(words[len(kw):], " "))
		}
	}
	// The name typed twice: "/s/ X Y X Y Title".
	if name, title, ok := twice(words); ok {
		return name, title
	}
	if plausibleName(s) {
		return s, ""
	}
	return nameThenTitle(words, s)
}

// twice splits "X Y X Y Title" (the name typed twice) into the name and the
// title; it prefers the copy that is not all capitals.
func twice(words []string) (string, string, bool) {
	for k := 2; 2*k <= len(words); k++ {
		if foldName(strings.Join(words[:k], " ")) == foldName(strings.Join(words[k:2*k], " ")) {
			name := strings.Join(words[:k], " ")
			if second := strings.Join(words[k:2*k], " "); isCaps(name) && !isCaps(second) {
				name = second
			}
			return strings.TrimSuffix(name, ","), trimTitle(strings.Join(words[2*k:], " ")), true
		}
	}
	return "", "", false
}

// nameThenTitle splits "Name, Title" or "Name Title" at the comma or at the
// first title word.
func nameThenTitle(words []string, s string) (string, string) {
	// "Name, Title": the first comma not followed by Jr./III.
	parts := strings.Split(s, ",")
	for k := 1; k < len(parts); k++ {
		rest := strings.TrimSpace(strings.Join(parts[k:], ","))
		first := strings.Fields(rest)
		if len(first) == 0 || reNameTail.MatchString(first[0]) {
			continue
		}
		head := strings.TrimSpace(strings.Join(parts[:k], ","))
		if plausibleName(head) {
			return head, trimTitle(rest)
		}
		break
	}
	// "Name Title" with no comma: cut before the first title word.
	for k := 2; k < len(words); k++ {
		if reTitleWord.MatchString(words[k]) {
			head := strings.TrimSuffix(strings.Join(words[:k], " "), ",")
			if plausibleName(head) {
				return head, trimTitle(strings.Join(words[k:], " "))
			}
			break
		}
	}
	return s, ""
}

// trimTitle tidies a title cut from a longer line.
func trimTitle(t string) string {
	return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), ",;-–—"))
}

// lineAt returns the text of line i of the section being parsed.
func (b *block) lineAt(i int) string {
	if i >= 0 && i < len(b.lines) {
		return b.lines[i]
	}
	return ""
}

// rowHasTitle reports whether the line holding name cell c also holds a
// title ("Director", "Chief Financial Officer").
func rowHasTitle(c, line string) bool {
	rest := strings.Replace(line, c, "", 1)
	for _, w := range strings.Fields(rest) {
		if reTitleWord.MatchString(w) {
			return true
		}
	}
	return false
}
