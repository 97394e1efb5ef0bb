// Package cover reads the cover page of an EDGAR report (8-K, 10-K, 10-Q,
// ...) from its plain text: form type, date of report, registrant name,
// state of incorporation, commission file number, IRS number, address and
// telephone number.
package cover

import (
	"regexp"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/ascii"
	"github.com/edgarload/edgarload/parser/internal/codes"
)

// Cover holds the fields printed on a report's cover page.
type Cover struct {
	FormType     string // "8-K", "8-K/A", "10-K", ... as printed on the cover
	DateOfReport string // ISO YYYY-MM-DD: date of report (8-K) or period end (10-K/10-Q)
	Name         string // exact name of registrant as specified in its charter
	State        string // state of incorporation as an EDGAR code ("DE")
	FileNumber   string // commission file number as printed ("000-30229")
	IRSNumber    string // IRS employer identification number as printed ("04-3387074")
	Street1      string // first street line of the principal executive offices
	Street2      string // second street line, if any
	City         string // city of the principal executive offices
	StateCode    string // EDGAR code of the address's state or country ("MA")
	Zip          string // ZIP or postal code
	Phone        string // telephone number as printed ("(978) 614-8100")

	// Others are the further registrants of a combined cover page (a
	// holding company and its subsidiaries), in printed order, each with
	// only the registrant fields (Name .. Phone) set.
	Others []Cover
}

// Registrants returns every registrant the cover names: the first (the
// cover's own registrant fields) then Others. It is empty when the cover
// names none.
func (c Cover) Registrants() []Cover {
	first := c.party()
	if first == (party{}) {
		return c.Others
	}
	return append([]Cover{first.cover()}, c.Others...)
}

// party is the comparable registrant part of a Cover.
type party struct {
	Name, State, FileNumber, IRSNumber, Street1, Street2, City, StateCode, Zip, Phone string
}

// party returns c's registrant fields.
func (c Cover) party() party {
	return party{c.Name, c.State, c.FileNumber, c.IRSNumber, c.Street1, c.Street2, c.City, c.StateCode, c.Zip, c.Phone}
}

// cover returns p as a Cover with only the registrant fields set.
func (p party) cover() Cover {
	return Cover{Name: p.Name, State: p.State, FileNumber: p.FileNumber, IRSNumber: p.IRSNumber, Street1: p.Street1,
		Street2: p.Street2, City: p.City, StateCode: p.StateCode, Zip: p.Zip, Phone: p.Phone}
}

// setParty copies p into c's registrant fields.
func (c *Cover) setParty(p party) {
	c.Name, c.State, c.FileNumber, c.IRSNumber = p.Name, p.State, p.FileNumber, p.IRSNumber
	c.Street1, c.Street2, c.City, c.StateCode, c.Zip, c.Phone = p.Street1, p.Street2, p.City, p.StateCode, p.Zip, p.Phone
}

// field identifies what a cover label describes.
type field int

const (
	fNone field = iota
	fName
	fState
	fFile
	fIRS
	fAddress
	fZip
	fPhone
	fDate
	fCity
	fAddrState
	fFormer
)

// maxCoverLines and maxCoverBytes bound the region read as the cover.
const (
	maxCoverLines = 250
	maxCoverBytes = 24000
)

var (
	reItem      = regexp.MustCompile(`(?i)^\s*item\s+\d{1,2}(\.\d{2})?\b[.:\s-]`)
	reFormType  = regexp.MustCompile(`(?i)\bFORM\s+(\d{1,2}-?[A-Z]{1,3}\d{0,3}(?:/A)?|[A-Z]{1,3}-\d{1,2}[A-Z]?(?:/A)?)\b`)
	reAmend     = regexp.MustCompile(`(?i)\bamendment\s+no\b|\(amendment\b`)
	rePeriod    = regexp.MustCompile(`(?i)\bfor\s+the\s+(?:fiscal\s+|transition\s+)?(?:year|quarter(?:ly)?(?:\s+period)?|period|quarter)\s+(?:ended|ending)\b`)
	reIRSLoose  = regexp.MustCompile(`\b\d{2}\s?-\s?\d{6,7}\b`)
	reIRS       = regexp.MustCompile(`\b\d{2}\s?-\s?\d{7}\b`)
	reFile      = regexp.MustCompile(`\b\d{1,3}-\d{3,6}(?:-\d{1,3})?\b`)
	rePhone     = regexp.MustCompile(`(?:\+?1[\s.-]?)?\(\s*\d{3}\s*\)\s*-?\s*\d{3}\s*[-.\s]\s*\d{4}|\b\d{3}[-.\s/]\d{3}[-.\s]\d{4}\b|\+\d{1,3}[\d\s().-]{6,18}\d`)
	reZipOnly   = regexp.MustCompile(`^(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)$`)
	reZip       = regexp.MustCompile(`\b(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\s*$`)
	reLabelWord = regexp.MustCompile(`(?i)registrant|charter|jurisdiction|incorporat|organi[sz]ation|commission|file\s*n|number|identification|employer|\bi\.?\s?r\.?\s?s\b|address|executive\s+office|zip|postal|telephone|area\s+code|state\s+or|of\s+report|earliest\s+event|former\s+name|since\s+last\s+report|^\(|\)$`)
	reDateLabel = regexp.MustCompile(`(?i)date\s+of\s+report|date\s+of\s+earliest|earliest\s+event\s+reported`)
	reBoiler    = regexp.MustCompile(`(?i)securities\s+and\s+exchange|washington|^form\b|current\s+report|annual\s+report|quarterly\s+report|pursuant\s+to|exchange\s+act|^united\s+states$|^\(?date\b|check\s+the|commission\s+file|^\(`)
)

// Extract reads the cover page at the start of a report's text.
func Extract(text string) Cover {
	ls := coverLines(text)
	var c Cover
	c.FormType = formType(ls)
	c.DateOfReport = reportDate(ls)
	multiRegistrant(ls, &c)
	fromLabels(ls, &c)
	fallbacks(ls, &c)
	return c
}

// coverLines splits the start of text into lines and stops at the first
// "Item" heading after some cover content.
func coverLines(text string) []line {
	if len(text) > maxCoverBytes {
		text = text[:maxCoverBytes]
	}
	var out []line
	i := -1
	for r := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		// The lines past maxCoverLines are not split off.
		if i++; i >= maxCoverLines {
			break
		}
		if i > 10 && startsWithItem(r) && reItem.MatchString(r) {
			break
		}
		l := splitLine(r)
		l.label = labelLine(l)
		out = append(out, l)
	}
	return out
}

// formType finds "FORM 8-K" and notes an amendment printed next to it.
func formType(ls []line) string {
	for i, l := range ls {
		if l.blank || l.rule {
			continue
		}
		t := l.text()
		if strings.EqualFold(t, "form") && i+1 < len(ls) {
			// "FORM" and "8-K" in separate cells or lines.
			t += " " + ls[i+1].text()
		}
		m := reFormType.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		ft := strings.ToUpper(m[1])
		if !strings.Contains(ft, "-") && !strings.HasSuffix(ft, "F") {
			continue
		}
		if strings.HasSuffix(ft, "/A") {
			return ft
		}
		near := t
		for j := i + 1; j < len(ls) && j <= i+2; j++ {
			near += " " + ls[j].text()
		}
		if reAmend.MatchString(near) {
			ft += "/A"
		}
		return ft
	}
	return ""
}

// reportDate finds the date of report of an 8-K or the period end of a
// periodic report.
func reportDate(ls []line) string {
	for i, l := range ls {
		t := l.text()
		if mayBeDateLabel(t) && reDateLabel.MatchString(t) {
			// Same line, then the lines above, then below.
			if d, ok := codes.FindDate(t); ok {
				return d
			}
			for _, j := range []int{i - 1, i - 2, i - 3, i + 1, i + 2, i + 3} {
				if j < 0 || j >= len(ls) || ls[j].blank || ls[j].rule {
					continue
				}
				if d, ok := codes.FindDate(ls[j].text()); ok {
					return d
				}
			}
		}
	}
	if d := standaloneDate(ls); d != "" {
		return d
	}
	for i, l := range ls {
		t := l.text()
		if !mayPeriod(t) {
			continue
		}
		if loc := rePeriod.FindStringIndex(t); loc != nil {
			rest := t[loc[1]:]
			if i+1 < len(ls) {
				rest += " " + ls[i+1].text()
			}
			if d, ok := codes.FindDate(rest); ok {
				return d
			}
		}
	}
	return ""
}

var (
	reIRSWord  = regexp.MustCompile(`\bi\.?\s?r\.?\s?s\b`)
	reFileWord = regexp.MustCompile(`\bfile\b|\bcommission\b`)
)

// classify tells which field a (joined) label text describes. The tests
// before reFileWord and reDateLabel only skip regexps that cannot match: u
// is lower-cased and their words have no other spelling under case folding.
func classify(s string) field {
	u := strings.ToLower(s)
	switch {
	case strings.Contains(u, "former name") || strings.Contains(u, "former address") || strings.Contains(u, "since last report"):
		return fFormer
	case strings.Contains(u, "exact name") || strings.Contains(u, "name of registrant") || strings.Contains(u, "name of issuer") || strings.Contains(u, "name of small business"):
		return fName
	case strings.Contains(u, "jurisdiction") || strings.Contains(u, "incorporation") || strings.Contains(u, "state or other"):
		return fState
	case strings.Contains(u, "identification") || strings.Contains(u, "employer") || hasIRSWord(u):
		return fIRS
	case (strings.Contains(u, "file") || strings.Contains(u, "commission")) && reFileWord.MatchString(u):
		return fFile
	case strings.Contains(u, "address") && strings.Contains(u, "telephone"):
		return fAddress
	case strings.Contains(u, "telephone") || strings.Contains(u, "area code"):
		return fPhone
	case strings.Contains(u, "address"):
		return fAddress
	case strings.Contains(u, "zip") || strings.Contains(u, "postal"):
		return fZip
	case mayBeDateLabel(u) && reDateLabel.MatchString(u):
		return fDate
	case strings.Trim(u, "() ") == "city":
		return fCity
	case strings.Trim(u, "() ") == "state":
		return fAddrState
	}
	return fNone
}

// isLabelCell reports whether a cell reads like a caption rather than a value.
func isLabelCell(c cell) bool {
	t := c.text
	// A caption looks like one and is neither a telephone or IRS number
	// nor a date. The tests are pure, so the cheap caption test runs first
	// and the costly number and date patterns only on the few cells that
	// pass it.
	if !captionLike(t) {
		return false
	}
	// rePhone needs three ASCII digits (\d) in a row or a "+", reIRS seven
	// digits in a row: cells without them are not run through the regexps.
	run := longestDigitRun(t)
	if (run >= 3 || strings.Contains(t, "+")) && rePhone.MatchString(t) || run >= 7 && reIRS.MatchString(t) {
		return false
	}
	if _, ok := codes.FindDate(t); ok && !reDateLabel.MatchString(t) {
		return false
	}
	return true
}

// captionLike reports whether t is worded like a caption: parenthesized,
// or naming a cover field, or the wrapped tail of a caption.
func captionLike(t string) bool {
	if strings.HasPrefix(t, "(") || strings.HasSuffix(t, ")") {
		return true
	}
	// classify is tested before reLabelWord: it is cheaper and rarely
	// true, and both are pure, so the result is the same.
	return classify(t) != fNone && reLabelWord.MatchString(t) || isContinuation(t)
}

// reContinuation matches the tails of captions wrapped onto a second line.
var reContinuation = regexp.MustCompile(`(?i)^(?:of\s+)?(?:incorporation|organi[sz]ation|jurisdiction|number|file\s+number|identification\s+no\.?|including\s+area\s+code|(?:of\s+)?incorporation\s+or\s+organi[sz]ation)\)?\.?$`)

// isContinuation reports whether t is the wrapped tail of a caption.
func isContinuation(t string) bool {
	t = strings.TrimSpace(t)
	return mayContinue(t) && reContinuation.MatchString(t)
}

// isLabelLine reports whether every cell of l is a caption (computed once
// by coverLines).
func isLabelLine(l line) bool { return l.label }

// labelLine reports whether every cell of l is a caption.
func labelLine(l line) bool {
	if l.blank || l.rule || len(l.cells) == 0 {
		return false
	}
	for _, c := range l.cells {
		if !isLabelCell(c) {
			return false
		}
	}
	return true
}

// column is one caption of a label block with the span it covers.
type column struct {
	cell
	kind field
}

// labelBlock gathers the consecutive caption lines starting at i into
// columns and returns them and the index after the block.
func labelBlock(ls []line, i int) ([]column, int) {
	cols := make([]column, 0, len(ls[i].cells))
	for _, c := range ls[i].cells {
		cols = append(cols, column{cell: c})
	}
	j := i + 1
	for ; j < len(ls) && j < i+4; j++ {
		if !isLabelLine(ls[j]) || startsNewLabel(ls[j]) {
			break
		}
		for _, c := range ls[j].cells {
			best, bestOv, bestDist := -1, -1, 1<<30
			for k := range cols {
				ov := overlap(cols[k].cell, c)
				d := abs(cols[k].center() - c.center())
				if ov > bestOv || ov == bestOv && d < bestDist {
					best, bestOv, bestDist = k, ov, d
				}
			}
			if best >= 0 {
				cols[best].text += " " + c.text
				cols[best].start = min(cols[best].start, c.start)
				cols[best].end = max(cols[best].end, c.end)
			}
		}
	}
	for k := range cols {
		// The caption's first line decides; wrapped tails may have been
		// attached to the wrong column.
		if cols[k].kind = classify(ls[i].cells[k].text); cols[k].kind == fNone {
			cols[k].kind = classify(cols[k].text)
		}
	}
	return cols, j
}

// startsNewLabel reports whether a caption line opens a new caption (it
// starts with a parenthesis) rather than continuing the previous one.
func startsNewLabel(l line) bool {
	for _, c := range l.cells {
		if !strings.HasPrefix(c.text, "(") {
			return false
		}
	}
	return true
}

// abs returns |x|.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// valueLinesAbove returns the indexes of up to n value lines directly above
// i: blank and rule lines right above the caption are skipped, then
// consecutive text lines are taken until a blank, rule or caption line.
func valueLinesAbove(ls []line, i, n int) []int {
	return valueLines(ls, i, n, false)
}

// valueLines is valueLinesAbove; with gaps it also steps over single blank
// lines between the value lines (HTML paragraphs).
func valueLines(ls []line, i, n int, gaps bool) []int {
	j := i - 1
	skipped := 0
	for j >= 0 && (ls[j].blank || ls[j].rule) && skipped < 6 {
		j--
		skipped++
	}
	var out []int
	for ; j >= 0 && len(out) < n; j-- {
		l := ls[j]
		if gaps && l.blank && !l.rule && j > 0 && !ls[j-1].blank && !ls[j-1].rule && !isLabelLine(ls[j-1]) {
			continue
		}
		if l.blank || l.rule || isLabelLine(l) {
			break
		}
		out = append(out, j)
	}
	// Return top to bottom.
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// assign maps each column to the value cells of line v.
func assign(cols []column, v line) [][]cell {
	out := make([][]cell, len(cols))
	if len(cols) == 1 {
		out[0] = v.cells
		return out
	}
	if len(v.cells) == len(cols) {
		for k := range cols {
			out[k] = []cell{v.cells[k]}
		}
		return out
	}
	if len(v.cells) > len(cols) && v.tabbed {
		// HTML row with more cells than captions: pair from the right, the
		// first caption takes the rest ("street,\tcity,\tstate\tzip").
		extra := len(v.cells) - len(cols)
		out[0] = v.cells[:extra+1]
		for k := 1; k < len(cols); k++ {
			out[k] = []cell{v.cells[extra+k]}
		}
		return out
	}
	for _, c := range v.cells {
		best, bestOv, bestDist := -1, -1, 1<<30
		for k := range cols {
			ov := overlap(cols[k].cell, c)
			d := abs(cols[k].center() - c.center())
			if ov > bestOv || ov == bestOv && d < bestDist {
				best, bestOv, bestDist = k, ov, d
			}
		}
		out[best] = append(out[best], c)
	}
	return out
}

// joinCells joins cell texts with one space.
func joinCells(cs []cell) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.text
	}
	return strings.Join(parts, " ")
}

// partyReader gathers one registrant's fields from the caption blocks:
// the single-valued fields go straight into c, the address parts wait for
// finish.
type partyReader struct {
	c                    *Cover
	addr                 []string
	zip, city, addrState string
	seenName             bool
}

// fromLabels walks the caption blocks of the cover and reads each field's
// value from the line(s) above its caption, or from the caption line itself.
// A further "Exact name of registrant" caption starts the next registrant
// of a combined cover (kept in c.Others); when the table reader already
// found the registrants it ends the walk instead.
func fromLabels(ls []line, c *Cover) {
	first := &partyReader{c: c}
	cur := first
	var extra []*partyReader
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if l.blank || l.rule {
			continue
		}
		inline(l, cur.c)
		if !isLabelLine(l) {
			sideBySide(l, cur.c)
			continue
		}
		cols, next := labelBlock(ls, i)
		if cur.seenName && hasKind(cols, fName) {
			if len(c.Others) > 0 || !namesRegistrant(cols) {
				break
			}
			cur = &partyReader{c: &Cover{}}
			extra = append(extra, cur)
		}
		cur.block(ls, i, next, cols)
		i = next - 1
	}
	first.finish()
	for _, r := range extra {
		r.finish()
		if r.seenName && !sameParty(c.Registrants(), *r.c) {
			c.Others = append(c.Others, *r.c)
		}
	}
}

// block reads the values of the caption block ls[i:next] (columns cols).
func (r *partyReader) block(ls []line, i, next int, cols []column) {
	c := r.c
	above := valueLinesAbove(ls, i, 5)
	var lastVals [][]cell
	if len(above) > 0 {
		lastVals = assign(cols, ls[above[len(above)-1]])
	}
	for k, col := range cols {
		if len(above) == 0 {
			break
		}
		v := joinCells(lastVals[k])
		if c.setField(col.kind, v) {
			r.seenName = r.seenName || col.kind == fName
			continue
		}
		switch col.kind {
		case fZip:
			if r.zip == "" {
				r.zip = zipOf(cols, k, ls, above)
			}
		case fCity:
			r.city = v
		case fAddrState:
			r.addrState = v
		case fAddress:
			if r.addr == nil {
				r.address(ls, i, k, cols)
			}
		}
	}
	if c.Name == "" && hasKind(cols, fName) && next < len(ls) {
		// Caption above its value.
		for j := next; j < len(ls) && j < next+3; j++ {
			if ls[j].blank || ls[j].rule {
				continue
			}
			if v := ls[j].text(); len(ls[j].cells) == 1 && !ls[j].label && validName(v) && !reFile.MatchString(v) {
				c.Name = v
				r.seenName = true
			}
			break
		}
	}
}

// address reads the address lines above the address caption of column k
// at ls[i].
func (r *partyReader) address(ls []line, i, k int, cols []column) {
	c := r.c
	addrAbove := valueLines(ls, i, 5, true)
	for n, a := range addrAbove {
		vs := assign(cols, ls[a])[k]
		s := joinAddress(vs)
		if p := phoneOf(s); p != "" && len(p) >= len(s)-4 {
			// "Address and telephone number" caption.
			if c.Phone == "" {
				c.Phone = p
			}
			continue
		}
		if s == "" {
			continue
		}
		// A second address (several offices) starts with a street
		// number after a city line: keep the first.
		if len(r.addr) >= 1 && startsDigit(s) && (len(r.addr) >= 2 && !startsDigit(r.addr[len(r.addr)-1]) || zipOf(cols, -1, ls, addrAbove[n-1:n]) != "" || reZip.MatchString(r.addr[len(r.addr)-1])) {
			r.zip = zipOf(cols, -1, ls, addrAbove[:n])
			break
		}
		r.addr = append(r.addr, s)
	}
}

// finish parses the gathered address into the registrant.
func (r *partyReader) finish() {
	c := r.c
	if c.Street1 == "" && len(r.addr) > 0 {
		parseAddress(r.addr, r.zip, c)
		if c.City == "" && r.city != "" {
			c.City = r.city
		}
		if c.StateCode == "" && r.addrState != "" {
			c.StateCode = codes.StateCode(r.addrState)
		}
	}
}

// namesRegistrant reports whether a name caption of cols names a
// registrant ("Exact name of registrant as specified in its charter"), not
// a depositor or sponsor of an asset-backed issuer.
func namesRegistrant(cols []column) bool {
	for _, c := range cols {
		if c.kind == fName && strings.Contains(strings.ToLower(c.text), "registrant") {
			return true
		}
	}
	return false
}

// hasKind reports whether one of cols describes f.
func hasKind(cols []column, f field) bool {
	for _, c := range cols {
		if c.kind == f {
			return true
		}
	}
	return false
}

var (
	reInlineFile  = regexp.MustCompile(`(?i)commission\s+file\s+(?:number|no\.?)s?\s*[:.]?\s*(\d{1,3}-\d{3,6}(?:-\d{1,3})?)`)
	reInlineIRS   = regexp.MustCompile(`(?i)(?:i\.?\s?r\.?\s?s\.?|employer\s+identification)[^0-9]{0,60}(\d{2}-\d{7})`)
	reInlinePhone = regexp.MustCompile(`(?i)telephone\s+number`)
	reInlineState = regexp.MustCompile(`(?i)(?:state|jurisdiction)\s+of\s+incorporation\s*:\s*(.+)$`)
)

// inline reads captions that carry their value on the same line
// ("Commission File Number: 1-1234", "telephone number ...: (408) 555-1212").
func inline(l line, c *Cover) {
	t := l.text()
	// Each pattern is tried only on lines holding what it needs: a word
	// (compared ASCII case-insensitively; these words have no letter with a
	// non-ASCII case variant under (?i)), a hyphen, a colon, or a run of
	// seven digits.
	if c.FileNumber == "" && strings.Contains(t, "-") && ascii.ContainsFold(t, "file") {
		if m := reInlineFile.FindStringSubmatch(t); m != nil {
			c.FileNumber = m[1]
		}
	}
	if c.IRSNumber == "" && longestDigitRun(t) >= 7 {
		if m := reInlineIRS.FindStringSubmatch(t); m != nil {
			c.IRSNumber = m[1]
		}
	}
	if c.Phone == "" && ascii.ContainsFold(t, "telephone") && reInlinePhone.MatchString(t) {
		c.Phone = phoneOf(t)
	}
	if c.State == "" && strings.Contains(t, ":") && ascii.ContainsFold(t, "incorporation") {
		if m := reInlineState.FindStringSubmatch(t); m != nil {
			c.State = stateOf(m[1])
		}
	}
}

// validName reports whether v can be a registrant name.
func validName(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) < 2 || len(v) > 200 {
		return false
	}
	if reBoiler.MatchString(v) || isContactLine(v) {
		return false
	}
	if _, ok := codes.FindDate(v); ok {
		return false
	}
	return strings.ContainsFunc(v, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' })
}

// reContactLine matches the lines of a press release's contact block or
// boilerplate headings that end in a company name ("At the Company:",
// "Contact: Investor Relations", "About Acme Corp.").
var reContactLine = regexp.MustCompile(`(?i)^(?:at\s+the\s+company\b|at\s+(?:the\s+)?(?:investor|financial|public)\s+relations\b|(?:company|media|investor|press|financial|analyst)s?\s+(?:contacts?|relations|inquiries)\b|contacts?\b|investor\s+relations\b|investors?\s*:|media\s*:|for\s+(?:further|more|additional)\s+information\b|for\s+immediate\s+release\b|news\s+release\b|press\s+release\b|about\s|source\s*:|(?:the\s+)?board\s+of\s+directors\b)|:\s*$`)

// isContactLine reports whether v reads like a contact-block line or a
// press-release heading rather than a registrant's name.
func isContactLine(v string) bool {
	return reContactLine.MatchString(strings.TrimSpace(v))
}

// reCoverTitle matches the titles that open a cover page (of a report or
// of a prospectus).
var reCoverTitle = regexp.MustCompile(`(?i)^(?:united\s+states\s+)?securities\s+and\s+exchange\s+commission\b|^washington,?\s+d\.?\s?c\.?|^form\s+\d{1,2}-?[a-z]{1,3}\b|^filed\s+pursuant\s+to\s+rule\b|^registration\s+(?:statement\s+)?no\b|^(?:preliminary\s+)?prospectus(?:\s+supplement)?$`)

// hasCoverMarker reports whether ls reads as a cover page: a cover title
// line ("SECURITIES AND EXCHANGE COMMISSION", "FORM 8-K") or a caption of
// the registrant's name, file number, IRS number or state.
func hasCoverMarker(ls []line) bool {
	for _, l := range ls {
		if l.blank || l.rule {
			continue
		}
		if l.label {
			for _, c := range l.cells {
				if len(c.text) > 120 {
					continue // prose that ends in a parenthesis
				}
				switch classify(c.text) {
				case fName, fFile, fIRS, fState:
					return true
				}
			}
		}
		if t := l.text(); len(t) < 80 && mayCoverTitle(t) && reCoverTitle.MatchString(t) {
			return true
		}
	}
	return false
}

// stateOf normalizes a printed jurisdiction to its code, trying the whole
// text, then its first and last words.
func stateOf(v string) string {
	v = strings.Trim(strings.TrimSpace(v), "()")
	if s := codes.StateCode(v); s != "" {
		return s
	}
	for _, sep := range []string{",", " "} {
		parts := strings.Split(v, sep)
		if len(parts) > 1 {
			if s := codes.StateCode(parts[0]); s != "" {
				return s
			}
			if s := codes.StateCode(parts[len(parts)-1]); s != "" {
				return s
			}
		}
	}
	return ""
}

// phoneOf returns the first telephone number printed in v.
func phoneOf(v string) string {
	loc := rePhone.FindStringIndex(v)
	if loc == nil {
		return ""
	}
	p := v[loc[0]:loc[1]]
	if loc[0] > 0 && v[loc[0]-1] >= '0' && v[loc[0]-1] <= '9' && p[0] == '1' {
		// "62701 (217) 555-0101": the 1 ends the ZIP code, it is no
		// country code.
		p = strings.TrimLeft(p[1:], " .-")
	}
	return strings.TrimSpace(p)
}

// reCorpSuffix matches the legal-form word that ends most company names.
var reCorpSuffix = regexp.MustCompile(`(?i)\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.l\.c|lp|l\.p|plc|n\.v|s\.a|ag|trust|bancorp|holdings?)\.?\)?$`)

// reTelWord matches a telephone caption word.
var reTelWord = regexp.MustCompile(`(?i)\b(?:tel|telephone|phone)\b`)

// fallbacks fills fields the captions did not give from patterns alone.
func fallbacks(ls []line, c *Cover) {
	for i := 0; i < len(ls) && c.Phone == ""; i++ {
		t := ls[i].text()
		if !reTelWord.MatchString(t) || strings.Contains(strings.ToLower(t), "former") {
			continue
		}
		if p := phoneOf(t); p != "" {
			c.Phone = p
			break
		}
		// Caption above its value.
		for j, seen := i+1, 0; j < len(ls) && seen < 2; j++ {
			if ls[j].blank || ls[j].rule {
				continue
			}
			seen++
			if u := ls[j].text(); phoneOf(u) != "" && len(phoneOf(u)) >= len(u)-4 {
				c.Phone = phoneOf(u)
				break
			}
		}
	}
	if c.Name == "" && hasCoverMarker(ls) {
		// No caption: a company-looking line among the first lines of
		// what reads as a cover page (never a press release's heading
		// or contact block).
		for i, l := range ls {
			if i > 40 {
				break
			}
			t := l.text()
			if len(l.cells) == 1 && validName(t) && reCorpSuffix.MatchString(t) {
				c.Name = t
				break
			}
		}
	}
	if c.IRSNumber == "" {
		for _, l := range ls {
			if m := reIRS.FindString(l.text()); m != "" {
				c.IRSNumber = strings.ReplaceAll(m, " ", "")
				break
			}
		}
	}
}

// fileOf returns the first commission file number in v that is not an IRS
// number.
func fileOf(v string) string {
	for _, m := range reFile.FindAllString(v, -1) {
		if !reIRS.MatchString(m) {
			return m
		}
	}
	return ""
}

// reDateOnlyRest matches what may surround a date alone on its line.
var reDateOnlyRest = regexp.MustCompile(`(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|[\d,./\s-]+`)

// standaloneDate returns a date printed alone on a line above the
// registrant's name caption (8-K covers that omit the "Date of Report"
// caption), or "".
func standaloneDate(ls []line) string {
	for _, l := range ls {
		if l.blank || l.rule {
			continue
		}
		t := l.text()
		if classify(t) == fName {
			break
		}
		if mayPeriod(t) && rePeriod.MatchString(t) {
			return ""
		}
		if d, ok := codes.FindDate(t); ok && strings.TrimSpace(reDateOnlyRest.ReplaceAllString(t, "")) == "" {
			return d
		}
	}
	return ""
}

// sideBySide reads a value printed left of its caption on the same line:
// "Delaware      (State or other jurisdiction of incorporation)".
func sideBySide(l line, c *Cover) {
	for k := 1; k < len(l.cells); k++ {
		lab, val := l.cells[k], l.cells[k-1]
		if !strings.HasPrefix(lab.text, "(") || !isLabelCell(lab) || isLabelCell(val) {
			continue
		}
		c.setField(classify(lab.text), val.text)
	}
}

// setField stores v as the value of a single-valued cover field (name,
// state, file number, IRS number, phone) unless that field already has one.
// It reports whether v was stored.
func (c *Cover) setField(kind field, v string) bool {
	switch kind {
	case fName:
		if c.Name == "" && validName(v) {
			c.Name = v
			return true
		}
	case fState:
		if c.State == "" {
			c.State = stateOf(v)
			return c.State != ""
		}
	case fFile:
		if c.FileNumber == "" {
			c.FileNumber = fileOf(v)
			return c.FileNumber != ""
		}
	case fIRS:
		if c.IRSNumber == "" {
			c.IRSNumber = strings.ReplaceAll(reIRSLoose.FindString(v), " ", "")
			return c.IRSNumber != ""
		}
	case fPhone:
		if c.Phone == "" {
			c.Phone = phoneOf(v)
			return c.Phone != ""
		}
	}
	return false
}
