// Package exhibits reads the exhibit index of a report body (plain text)
// and relates exhibit numbers to EDGAR document types.
package exhibits

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// Entry is one row of an exhibit index: the exhibit number as printed
// ("99.1") and its description, wrapped lines joined with single spaces.
type Entry struct{ Number, Description string }

var (
	// triggers match a line that introduces an exhibit list: an exhibit
	// index heading, an "(c)/(d) Exhibits" paragraph, an item heading about
	// exhibits, or a table header "Exhibit No. | Description". A line is a
	// trigger when one of them matches. They are the alternatives of one
	// pattern kept apart: each alone is small enough for the regexp
	// package's faster matchers, where the whole alternation is not, and
	// the costly ones are skipped on lines without the words they need.
	triggers = []trigger{
		newTrigger(`.{0,40}\b(?:exhibit\s+index|index\s+(?:to|of)\s+exhibits|list\s+of\s+exhibits|exhibits?\s+list)\b`,
			"index", "li"),
		newTrigger(`\(?[a-d]\)[\s\x{a0}]*(?:exhibits?|exhibit\s+list)\b`),
		newTrigger(`.{0,60}\b(?:following\s+exhibits?|exhibits?\s+(?:are|is)\s+(?:being\s+)?(?:filed|furnished|included|incorporated|listed)|exhibits?\s+listed)\b`,
			"following", "filed", "furni", "included", "incorporated", "ted"),
		newTrigger(`[a-d]\.[\s\x{a0}]+exhibits?\b`),
		newTrigger(`items?[\s\x{a0}]*(?:7|9\.01|9\.1|15|14|13|6|19)\b.{0,120}\bexhibits?\b`, "item"),
		newTrigger(`exhibits?[\s\x{a0}]*[.:]?[\s\x{a0}]*$`),
		newTrigger(`exhibit[\s\x{a0}]*(?:no\.?|number|#)?[\s\x{a0}]*(?:\t|[\s\x{a0}]{2,})[\s\x{a0}]*(?:description|document|exhibit|title)`),
		newTrigger(`exhibit[\s\x{a0}]*(?:no\.?|number|#)?[\s\x{a0}]*$`),
	}
	// entryRe matches an index row: an optional "Exhibit"/"Ex." label, the
	// number with optional sub-parts and footnote marks, a separator and
	// the description.
	entryRe = regexp.MustCompile(`^[\s\x{a0}]*(?:[^\pL\pN\t]{0,3}\t[\s\x{a0}]*)?(?:\([a-d]\)[\s\x{a0}]*)?[*†‡#+^§¶]{0,3}(?:(?i:exhibit|ex\.?|ex-)[\s\x{a0}]*(?i:no\.?)?[\s\x{a0}]*)?` +
		`(\d{1,3}(?:\t\.\d{1,3})?(?:\.\d{1,3}|-(?:\d{1,3}|[A-Z]{1,2}\b)){0,3}(?:[a-z]\b)?(?:[\s\x{a0}]?\([A-Za-z0-9]{1,5}\)){0,3}(?:\.[A-Za-z]{1,4}\b)?)\.?(?:[*†‡#+^§¶]+(?:,[\s\x{a0}]*[*†‡#+^§¶]+)*)?` +
		`(?:[\s\x{a0}]*\t[\s\x{a0}\t]*|[\s\x{a0}]{2,}|[\s\x{a0}]*[-–—:][\s\x{a0}]+|[\s\x{a0}]+)(.*)$`)
	// listItemRe matches the enumerated parts of a 10-K Item 15(a) list
	// ("1. Financial Statements", "3. Exhibits"), which are not exhibits.
	listItemRe = regexp.MustCompile(`(?i)^(?:all\s+|index\s+to\s+|the\s+following\s+|the\s+|see\s+)*(?:consolidated\s+)?(?:financial\s+statements?|exhibits?|documents|schedules?|report\s+of\s+independent)\b`)
	// subRowRe matches a lettered sub-row of a group header: "(a)" and the
	// description.
	subRowRe = regexp.MustCompile(`^[\s\x{a0}]*\(([a-z]{1,4}|\d{1,2})\)(?:[*†‡#+^§¶]+(?:,[\s\x{a0}]*[*†‡#+^§¶]+)*)?(?:[\s\x{a0}]*\t[\s\x{a0}\t]*|[\s\x{a0}]{2,})(\S.*)$`)
	// stopRe matches lines that end an exhibit list: signatures and the
	// next item heading (reportsRe is the third kind).
	stopRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*(?:signatures?[\s\x{a0}:.]*$|items?[\s\x{a0}]*\d{1,2}(?:\.\d{1,2})?[A-Z]?[\s\x{a0}]*[.:\t\-–—])`)
	// reportsRe matches the "(b) Reports on Form 8-K" heading of a 10-K
	// or 10-Q (or "No reports on Form 8-K were filed ..."): the lettered
	// paragraph, a short heading line or a "No reports" sentence, never
	// a wrapped description ("... Report on Form 8-K filed by ...").
	reportsRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*(?:(?:\(?[a-d]\)|[a-d]\.)[\s\x{a0}]*(?:current[\s\x{a0}]+)?reports?[\s\x{a0}]+on[\s\x{a0}]+form[\s\x{a0}]+8-?k\b|no[\s\x{a0}]+(?:current[\s\x{a0}]+)?reports?[\s\x{a0}]+on[\s\x{a0}]+form[\s\x{a0}]+8-?k\b|(?:current[\s\x{a0}]+)?reports[\s\x{a0}]+on[\s\x{a0}]+form[\s\x{a0}]+8-?k[\s\x{a0}.:]*$)`)
	// reportLineRe matches the description of a numbered "Reports on
	// Form 8-K" line: a report filed in the quarter, not an exhibit.
	reportLineRe = regexp.MustCompile(`(?i)^(?:current[\s\x{a0}]+)?reports?[\s\x{a0}]+on[\s\x{a0}]+form[\s\x{a0}]+8-?k\b|^(?:a[\s\x{a0}]+)?form[\s\x{a0}]+8-?k[\s\x{a0},]+(?:dated|filed)\b`)
	// methodRe matches where the filing-method column of a three-column
	// text table starts after a narrow gap ("... Bylaws  Filed as Exhibit
	// 3.2 to ...", "Incorporated by reference", "Filed herewith").
	methodRe = regexp.MustCompile(`(?i)[ \x{a0}]{2,}(?:filed|furnished|incorporated|included)[ \x{a0}]+(?:as[ \x{a0}]+exhibit|herewith|hereto|with[ \x{a0}]+this|by[ \x{a0}]+reference|electronically)`)
	// tableTagRe matches a line of the SGML table markup of 1990s text
	// filings ("<TABLE>", "</TABLE>", "<S>   <C>"), which a list may run
	// across.
	tableTagRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*(?:</?(?:table|caption|s|c|fn)>[\s\x{a0}]*)+$`)
	// pageRe matches page markers and bare page numbers.
	pageRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*(?:<page>|-?[\s\x{a0}]*\d{1,3}[\s\x{a0}]*-?|page[\s\x{a0}]*\d*)?[\s\x{a0}]*$`)
)

// maxLeadIn is how many non-blank lines may separate a trigger line from
// the first row of its list.
const maxLeadIn = 12

// maxBase is the highest Item 601 exhibit number accepted in an index.
const maxBase = 110

// ParseIndex reads the exhibit list of a report body: the exhibit tables
// of "Item 7 / 9.01 (c)/(d) Exhibits" and "EXHIBIT INDEX" sections. Each
// exhibit appears once (numbers compared with Normalize), in the order of
// its first row, with the longest description found for it.
func ParseIndex(text string) []Entry {
	lines := strings.Split(text, "\n")
	ix := &index{pos: map[string][]int{}, headers: map[string]bool{}}
	// Every trigger and trailing header mentions "exhibit": the lines
	// before its next occurrence are passed over (off is where line i
	// starts in text).
	ex := newExhibitFinder(text)
	for i, off := 0, 0; i < len(lines); {
		line := lines[i]
		if ex.next(off) >= off+len(line) {
			off += len(line) + 1
			i++
			continue
		}
		trailing := isTrailingHeader(line)
		if !trailing && !isTrigger(line) {
			off += len(line) + 1
			i++
			continue
		}
		ix.list++
		if e, _, ok := parseEntry(line); ok {
			ix.add(e) // "(c) Exhibit 99.1 – Joint press release ..."
		}
		for end := readList(lines, i+1, ix, trailing); i < end; i++ {
			off += len(lines[i]) + 1
		}
	}
	return ix.entries()
}

// index collects the rows of the exhibit lists of one document.
type index struct {
	rows    []Entry
	from    []int            // the list each row was first read in
	pos     map[string][]int // rows by normalized number
	headers map[string]bool  // group headers whose sub-rows were read ("4  Instruments ...:")
	list    int              // the list being read
}

// add records a row. A number already seen is the same exhibit printed
// again (an index printed in Item 15 and after the signatures): the
// longest description is kept. Within one list a number printed twice
// with different descriptions is two exhibits (a numbering slip of the
// filer) and makes two rows.
func (ix *index) add(e Entry) {
	e.Description = collapseSpace(e.Description)
	e.Description = strings.TrimSpace(strings.Trim(e.Description, "*†‡"))
	if !hasLetter(e.Description) {
		return
	}
	key := Normalize(e.Number)
	if is := ix.pos[key]; len(is) == 1 && (ix.from[is[0]] != ix.list || ix.rows[is[0]].Description == e.Description) {
		ix.keepLonger(is[0], e) // the common case, without comparing words
		return
	}
	best, bestScore, sameList := -1, -1.0, false
	for _, i := range ix.pos[key] {
		sc := overlap(ix.rows[i].Description, e.Description)
		if sc > bestScore {
			best, bestScore = i, sc
		}
		sameList = sameList || ix.from[i] == ix.list
	}
	if best >= 0 && !(sameList && bestScore < sameExhibit) {
		ix.keepLonger(best, e)
		return
	}
	if i := ix.enumerated(e); i >= 0 {
		// "1.  Agreement and Plan of Merger ..." in Item 7 is "99.1" of
		// the exhibit index: one exhibit, with the index's number.
		old := Normalize(ix.rows[i].Number)
		ix.pos[old] = slices.DeleteFunc(ix.pos[old], func(j int) bool { return j == i })
		ix.rows[i].Number = e.Number
		ix.pos[key] = append(ix.pos[key], i)
		return
	}
	ix.pos[key] = append(ix.pos[key], len(ix.rows))
	ix.rows = append(ix.rows, e)
	ix.from = append(ix.from, ix.list)
}

// minEnumWords is the fewest words of a description that identifies a
// row of another list printed under an enumeration number.
const minEnumWords = 4

// enumerated returns the row of an earlier list that printed e's
// description under an enumeration number ("1", "2") where e, of a later
// list, has an exhibit number with a sub-part ("99.1"); -1 for none.
func (ix *index) enumerated(e Entry) int {
	if !strings.ContainsAny(e.Number, ".(") {
		return -1
	}
	want := "" // e's words, once a row to compare with is found
	for i, r := range ix.rows {
		if ix.from[i] == ix.list || len(r.Number) > 1 || r.Number < "1" || r.Number > "9" {
			continue
		}
		if want == "" {
			words := descWords(e.Description)
			if len(words) < minEnumWords {
				return -1
			}
			want = strings.Join(words, " ")
		}
		if strings.Join(descWords(r.Description), " ") == want {
			return i
		}
	}
	return -1
}

// keepLonger gives row i the description of e when it is longer.
func (ix *index) keepLonger(i int, e Entry) {
	if len(e.Description) > len(ix.rows[i].Description) {
		ix.rows[i].Description = e.Description
	}
}

// grouped records that the row numbered num heads a group of lettered
// sub-rows: the header is a caption, not an exhibit.
func (ix *index) grouped(num string) { ix.headers[Normalize(num)] = true }

// entries returns the rows without the group headers that got sub-rows
// and without running footers read as rows.
func (ix *index) entries() []Entry {
	footer := footerRows(ix.rows)
	var out []Entry
	for i, e := range ix.rows {
		d := e.Description
		if ix.headers[Normalize(e.Number)] && (strings.HasSuffix(d, ":") || strings.HasSuffix(d, "-")) {
			continue
		}
		if footer[i] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// footerRows marks rows that are a running page footer ("47 Acme
// Holdings Inc." ... "48 Acme Holdings Inc."): whole numbers printed
// with the same description more than once, a page apart (minPageRows
// rows or more between them) and rising as page numbers do (by one to
// three). Rows such as "11 Omitted - Inapplicable." / "12 Omitted -
// Inapplicable." follow one another and stay.
func footerRows(rows []Entry) map[int]bool {
	byDesc := map[string][]int{}
	for i, e := range rows {
		if strings.IndexFunc(e.Number, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
			k := strings.ToLower(e.Description)
			byDesc[k] = append(byDesc[k], i)
		}
	}
	out := map[int]bool{}
	for _, is := range byDesc {
		if len(is) < 2 || !pageSequence(rows, is) {
			continue
		}
		for _, i := range is {
			out[i] = true
		}
	}
	return out
}

// minPageRows is the fewest rows between two footers of an index.
const minPageRows = 3

// pageSequence reports whether the rows at is (in order) are numbered
// like successive pages and lie a page apart.
func pageSequence(rows []Entry, is []int) bool {
	for k := 1; k < len(is); k++ {
		a, _ := strconv.Atoi(rows[is[k-1]].Number)
		b, _ := strconv.Atoi(rows[is[k]].Number)
		if b-a < 1 || b-a > 3 || is[k]-is[k-1] <= minPageRows {
			return false
		}
	}
	return true
}

// sameExhibit is the least word overlap for two descriptions printed
// under one number in one list to be the same exhibit.
const sameExhibit = 0.9

// overlap returns how much of the shorter description's words the other
// holds (1 when one contains the other).
func overlap(a, b string) float64 {
	wa, wb := descWords(a), descWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return 1
	}
	set := map[string]bool{}
	for _, w := range wb {
		set[w] = true
	}
	hit := 0
	for _, w := range wa {
		if set[w] {
			hit++
		}
	}
	return float64(hit) / float64(len(wa))
}

// descWords returns the lower-case words and numbers of a description.
func descWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// isTrigger reports whether line introduces an exhibit list (triggers).
// Every trigger pattern contains the word "exhibit", whose letters have no
// case variants outside ASCII in Go's case folding, so a line without it
// cannot match and the costly regexps are skipped.
func isTrigger(line string) bool {
	if !mentionsExhibit(line) {
		return false
	}
	for _, t := range triggers {
		if t.mayMatch(line) && t.re.MatchString(line) {
			return true
		}
	}
	return false
}

// trigger is one alternative of the trigger pattern and the words (lower
// case, without k or s, the ASCII letters with non-ASCII case variants)
// one of which every line it matches holds; none when words is empty.
type trigger struct {
	re    *regexp.Regexp
	words []string
}

// newTrigger compiles an alternative of the trigger pattern after the
// common lead: blanks and an optional short non-letter cell.
func newTrigger(alt string, words ...string) trigger {
	re := regexp.MustCompile(`(?i)^[\s\x{a0}]*(?:[^\pL\t]{0,6}\t[\s\x{a0}]*)?(?:` + alt + `)`)
	return trigger{re: re, words: words}
}

// mayMatch reports whether line holds one of t's words (ASCII
// case-insensitively), or t has none.
func (t trigger) mayMatch(line string) bool {
	if len(t.words) == 0 {
		return true
	}
	for _, w := range t.words {
		if ascii.ContainsFold(line, w) {
			return true
		}
	}
	return false
}

// mentionsExhibit reports whether s contains "exhibit" in any mix of ASCII
// upper and lower case. It looks for the rare letter x first.
func mentionsExhibit(s string) bool {
	f := exhibitFinder{s: s, lo: -1, up: -1, at: -1}
	return f.next(0) < len(s)
}

// equalFoldASCII reports whether s equals lower, a lower-case ASCII string,
// with the ASCII letters of s compared case-insensitively.
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// readList reads the rows following a trigger line from line i on and
// returns the index of the first line after the list. trailing says the
// table holds its numbers in the last column (trailingEntry).
func readList(lines []string, i int, ix *index, trailing bool) int {
	var cur *Entry
	flush := func() {
		if cur != nil {
			ix.add(*cur)
			cur = nil
		}
	}
	entries, leadIn, blank, descCol, group := 0, 0, false, 0, ""
	skipped := 0 // rows without a number in a table with its number in the last column
	for ; i < len(lines); i++ {
		line := lines[i]
		if isFiller(line) {
			if strings.TrimSpace(line) == "" {
				blank = true
				flush()
			}
			continue
		}
		if isStop(line) {
			break
		}
		if !trailing && entries == 0 && isTrailingHeader(line) {
			trailing = true // "Reference | Description of Exhibits | Exhibit Number"
			continue
		}
		if trailing {
			if e, ok := trailingEntry(line); ok {
				flush()
				ix.add(e)
				entries++
				skipped = 0
				continue
			}
		}
		if e, col, ok := parseEntry(line); ok {
			if g := lastGroup(group, cur); g != "" && strings.HasPrefix(Normalize(e.Number), Normalize(g)+".") {
				ix.grouped(g) // "3  Articles and Bylaws -" then "3(i)  ..."
			}
			flush()
			cur, descCol = &e, col
			entries++
			blank = false
			group = ""
			if strings.HasSuffix(e.Description, ":") || strings.HasSuffix(e.Description, "-") {
				group = e.Number // "4  Instruments defining the rights ...:"
			}
			continue
		}
		if m := subRow(line); m != nil && lastGroup(group, cur) != "" {
			g := lastGroup(group, cur)
			ix.grouped(g)
			flush()
			group = g
			d := strings.TrimSpace(cellText(m[2]))
			e := Entry{Number: g + "(" + m[1] + ")", Description: d}
			cur, descCol = &e, width(line)-width(m[2])
			blank = false
			continue
		}
		if entries == 0 {
			if isTrigger(line) {
				leadIn = 0 // a second heading or the table header
				continue
			}
			leadIn++
			if leadIn > maxLeadIn && !(trailing && leadIn <= maxUnnumbered) {
				break
			}
			continue
		}
		if cur != nil && !blank && continuation(line) {
			c := line
			if e := ruleEnd(line); e >= 0 {
				c = line[e:] // ruleRe.ReplaceAllString(line, "")
			}
			if indent(c) <= descCol+8 {
				cur.Description += " " + strings.TrimSpace(cellText(c))
			}
			continue
		}
		if e := ruleEnd(line); e >= 0 && strings.TrimSpace(line[e:]) == "" {
			continue
		}
		if j := resumes(lines, i); j > i {
			flush()
			i = j - 1 // page furniture ("Table of Contents") inside the list
			continue
		}
		if trailing && skipped < maxUnnumbered {
			// Rows of documents incorporated by reference carry no
			// number of this report's own.
			flush()
			skipped++
			continue
		}
		break
	}
	flush()
	return i
}

// trailingHeaderRe matches the header of an exhibit table whose last
// column holds the exhibit number ("Reference Number per Item 601 |
// Description of Exhibits | Exhibit Number in this Form 10-K").
var trailingHeaderRe = regexp.MustCompile(`(?i)description[^\t]*\t[\s\x{a0}]*exhibit[\s\x{a0}]+(?:number|no\.?)\b[^\t]*$`)

// isTrailingHeader reports whether line is the header of a table with
// the exhibit number in its last column (trailingHeaderRe).
func isTrailingHeader(line string) bool {
	return strings.Contains(line, "\t") && mentionsExhibit(line) && trailingHeaderRe.MatchString(line)
}

// trailingNumberRe matches an exhibit number alone in a cell ("10.1",
// "101", "23.1").
var trailingNumberRe = regexp.MustCompile(`^\d{1,3}(?:\.\d{1,3})?$`)

// groupCellRe matches the Item 601 reference cell of such a table: "(10)".
var groupCellRe = regexp.MustCompile(`^\((\d{1,3})\)$`)

// byReferenceRe matches a description saying the exhibit is filed
// elsewhere and incorporated.
var byReferenceRe = regexp.MustCompile(`(?i)\bfiled\s+as\s+exhibit\b|\bincorporated\s+by\s+reference\b`)

// maxUnnumbered is how many rows without a number of their own a table
// with a trailing number column may hold in a row.
const maxUnnumbered = 80

// trailingEntry reads a row of a table whose last column holds the
// exhibit number: "(21) | Subsidiaries of the registrant | 21" or
// "Form of Noncompetition Agreement. (1) | 10.1". A row with only the
// Item 601 reference number is an exhibit when it says where the
// document was filed ("(97) | ... Policy, filed as Exhibit 97 to Form
// 10-K ..."); otherwise it is the caption of the rows below.
func trailingEntry(line string) (Entry, bool) {
	var cells []string
	for _, c := range strings.Split(line, "\t") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	if len(cells) < 2 {
		return Entry{}, false
	}
	if _, _, ok := parseEntry(line); ok {
		return Entry{}, false // "101.PRE | ... | 101": numbered in front as usual
	}
	last := cells[len(cells)-1]
	if trailingNumberRe.MatchString(last) {
		desc := cells[len(cells)-2]
		if !hasLetter(desc) || !validBase(last) {
			return Entry{}, false
		}
		return Entry{Number: last, Description: desc}, true
	}
	if m := groupCellRe.FindStringSubmatch(cells[0]); m != nil && len(cells) == 2 && byReferenceRe.MatchString(cells[1]) && validBase(m[1]) {
		return Entry{Number: m[1], Description: cells[1]}, true
	}
	return Entry{}, false
}

// validBase reports whether an exhibit number's first part is an Item
// 601 number (1 to maxBase).
func validBase(num string) bool {
	b, _, _ := strings.Cut(num, ".")
	n, err := strconv.Atoi(b)
	return err == nil && n >= 1 && n <= maxBase
}

// maxFurniture is how many short non-row lines (running heads, page
// footers) may interrupt an exhibit list across a page break.
const maxFurniture = 6

// maxFurnitureLen is the longest line taken for page furniture.
const maxFurnitureLen = 80

// resumes reports where an exhibit list continues when line i starts a
// short run of page furniture followed by another row: the index of that
// row, or i when the list does not resume.
func resumes(lines []string, i int) int {
	n := 0
	for j := i; j < len(lines); j++ {
		l := lines[j]
		if isFiller(l) {
			continue
		}
		if _, _, ok := parseEntry(l); ok {
			return j
		}
		n++
		if n > maxFurniture || mayStop(leadByte(l)) && stopRe.MatchString(l) || utf8.RuneCountInString(l) > maxFurnitureLen {
			return i
		}
	}
	return i
}

// lastGroup returns the number sub-rows ("(a)  Indenture ...") belong to:
// the open group header, or "" when there is none.
func lastGroup(group string, cur *Entry) string {
	if group != "" {
		return group
	}
	if cur != nil && (strings.HasSuffix(cur.Description, ":") || strings.HasSuffix(cur.Description, "-")) {
		return cur.Number
	}
	return ""
}

// continuation reports whether a line can continue the description of
// the row above: wrapped lines are indented (or are table cells).
func continuation(line string) bool {
	return strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ") ||
		strings.HasPrefix(line, "\u00a0") || ruleEnd(line) >= 0
}

// indent returns the column of the first non-blank character of a line.
func indent(line string) int {
	i := strings.IndexFunc(line, func(r rune) bool { return r != ' ' && r != '\t' && r != '\u00a0' })
	if i < 0 {
		i = len(line)
	}
	return width(line[:i])
}

// width returns the number of columns s takes, tabs stopping every 8.
func width(s string) int {
	n := 0
	for _, r := range s {
		if r == '\t' {
			n += 8 - n%8
		} else {
			n++
		}
	}
	return n
}

// parseEntry recognizes an index row and returns the column where its
// description starts.
func parseEntry(line string) (Entry, int, bool) {
	if !mayBeEntry(leadByte(line)) {
		return Entry{}, 0, false
	}
	m := entryRe.FindStringSubmatchIndex(line)
	if m == nil {
		return Entry{}, 0, false
	}
	num, desc := joinFields(line[m[2]:m[3]]), line[m[4]:m[5]]
	col := width(line[:m[4]])
	base := num
	if i := strings.IndexAny(base, ".-( "); i >= 0 {
		base = base[:i]
	}
	n := 0
	for _, c := range base {
		n = n*10 + int(c-'0')
	}
	if n < 1 || n > maxBase {
		return Entry{}, 0, false
	}
	desc = strings.TrimLeft(cellText(trimLeadDash(desc)), "*†‡#^§¶ ")
	r := firstRune(desc)
	if r == 0 || !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“'‘([$`, r)) {
		return Entry{}, 0, false
	}
	if !hasLetter(desc) || (n <= 3 && !strings.ContainsAny(num, ".-(") && listItemRe.MatchString(desc)) {
		return Entry{}, 0, false
	}
	if n <= 4 && mayBeReportLine(desc) && reportLineRe.MatchString(desc) {
		return Entry{}, 0, false // "1. Current Report on Form 8-K dated May 1, 1997, ..."
	}
	return Entry{Number: num, Description: desc}, col, true
}

// cellText returns the first cell of a row that holds more than a marker
// (a management-contract symbol such as "u" or "*" gets a cell of its own
// in some tables); the first non-empty cell when none does.
func cellText(s string) string {
	if mayHaveMethod(s) {
		if loc := methodRe.FindStringIndex(s); loc != nil && hasLetter(s[:loc[0]]) {
			s = s[:loc[0]] // the filing-method column is not the description
		}
	}
	if justified(s) {
		return strings.Join(strings.Fields(s), " ")
	}
	first := ""
	for i := 0; i >= 0; {
		var c string
		c, i = nextCell(s, i) // tabs and runs of four or more spaces separate cells
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if utf8.RuneCountInString(c) > 2 && hasLetter(c) {
			return c // a footnote mark "(1)" has a cell of its own too
		}
		if first == "" {
			first = c
		}
	}
	return first
}

// justified reports whether the wide gaps of a line are the stretched
// spaces of justified fixed-width text ("Term    Revolving    Note   in")
// rather than column gaps: no tab, at least minJustifyGaps gaps of two or
// more spaces and none wider than maxJustifyGap.
func justified(s string) bool {
	if strings.Contains(s, "\t") {
		return false
	}
	// The gaps are the runs of two or more [ \x{a0}] (gapRe in the
	// tests); their length in bytes is compared.
	t := strings.TrimSpace(s)
	gaps := 0
	for i := 0; i < len(t); {
		end, runes := blankRun(t, i)
		switch {
		case runes == 0:
			i++
			continue
		case runes >= 2 && end-i > maxJustifyGap:
			return false
		case runes >= 2:
			gaps++
		}
		i = end
	}
	return gaps >= minJustifyGaps
}

// minJustifyGaps is the least number of widened gaps of a justified line;
// maxJustifyGap the widest gap justification makes (wider ones separate
// columns).
const (
	minJustifyGaps = 4
	maxJustifyGap  = 6
)

// firstRune returns the first rune of s, 0 if s is empty.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// nonExhibitBase lists the exhibit numbers of EX-* document types that are
// interactive data rather than Item 601 exhibits (EX-100, EX-101.*).
var nonExhibitBase = map[string]bool{"100": true, "101": true}

// NumberFromType returns the exhibit number of an EDGAR document type:
// "EX-99.1" → "99.1", "EX-99" → "99", "EX-3.(I)" → "3.(I)". ok is false
// for types that are not numbered exhibits (the primary document, GRAPHIC,
// XML, JSON, ZIP, EXCEL, COVER, CORRESP, EX-FILING FEES) and for the
// interactive-data exhibits EX-100 and EX-101.*.
func NumberFromType(docType string) (number string, ok bool) {
	t := strings.ToUpper(strings.TrimSpace(docType))
	if !strings.HasPrefix(t, "EX-") {
		return "", false
	}
	rest := strings.TrimSpace(t[3:])
	if rest == "" || rest[0] < '0' || rest[0] > '9' {
		return "", false
	}
	base := rest
	if i := strings.IndexFunc(base, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		base = base[:i]
	}
	if nonExhibitBase[strings.TrimLeft(base, "0")] {
		return "", false
	}
	return rest, true
}

// Normalize makes exhibit numbers comparable for merging: labels,
// footnote marks and leading zeros of each part are dropped and parts
// are joined with dots: "99.01" and "Exhibit 99.1" → "99.1", "99" stays
// "99", "3(i)" and "EX-3.(I)" → "3.I".
func Normalize(number string) string {
	s := trimLabel(strings.ToUpper(strings.TrimSpace(number)))
	if normalized(s) {
		return s // "99.1": nothing to drop (no copy)
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, p := range parts {
		if strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
			p = strings.TrimLeft(p, "0")
			if p == "" {
				p = "0"
			}
			parts[i] = p
		}
	}
	return strings.Join(parts, ".")
}

// DocumentNumber returns the exhibit number of any numbered EX-* document
// type, the interactive-data ones included ("EX-101.INS" → "101.INS"), and
// whether the type is interactive data (EX-100, EX-101.*), whose documents
// are XBRL rather than text.
func DocumentNumber(docType string) (number string, interactive, ok bool) {
	if n, ok := NumberFromType(docType); ok {
		return n, false, true
	}
	t := strings.ToUpper(strings.TrimSpace(docType))
	if !strings.HasPrefix(t, "EX-") {
		return "", false, false
	}
	rest := strings.TrimSpace(t[3:])
	if rest == "" || rest[0] < '0' || rest[0] > '9' {
		return "", false, false
	}
	return rest, true, true
}

// Base returns the first part of a normalized exhibit number: "99.1" →
// "99", "3.I" → "3".
func Base(key string) string {
	b, _, _ := strings.Cut(key, ".")
	return b
}
