package items

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

var (
	// headingRe matches a line that starts with an item heading, possibly
	// after a short non-letter table cell (bullet, blank cell): the number,
	// its decimal part and a letter suffix; the rest is checked by code.
	headingRe = regexp.MustCompile(`^[\s\x{a0}]*(?:[^\pL\t]{0,6}\t[\s\x{a0}]*)?(?i:items?)[\s\x{a0}]*(\d{1,2})(?:\.(\d{1,2}))?([A-Za-z])?(.*)$`)
	// subPartRe matches parenthesized sub-parts after an item number ("(d)").
	subPartRe = regexp.MustCompile(`^[\s\x{a0}]*(?:\([A-Za-z0-9]{1,4}\)[\s\x{a0}]*)+`)
	// combinedRe matches further numbers of a combined heading
	// ("and 2", ", 3 and 4", "through 4").
	combinedRe = regexp.MustCompile(`^(?:[\s\x{a0}]*(?:,|and|&|through|to)[\s\x{a0}]*(?i:items?[\s\x{a0}]*)?\d{1,2}(?:\.\d{1,2})?[A-Za-z]?\b)+`)
	// naTitleRe matches a heading remainder saying the items do not apply.
	naTitleRe = regexp.MustCompile(`(?i)^(?:are[\s\x{a0}]+)?(?:not[\s\x{a0}]+applicable|inapplicable|none|omitted)\b`)
	// partRe matches a PART heading line of a periodic report.
	// What follows the numeral must be the end of the line, a separator
	// or a capitalized word ("PART II — OTHER INFORMATION"), not prose
	// such as "Part II, Item 1A of our annual report".
	partRe = regexp.MustCompile(`^[\s\x{a0}]*(?:[^\pL\t]{0,6}\t[\s\x{a0}]*)?(?i:part)[\s\x{a0}]+(IV|III|II|I|iv|iii|ii|i)(?:[\s\x{a0}]*$|[\s\x{a0}]*[.:\t\-–—]|[\s\x{a0}]+[\p{Lu}"“])`)
	// signatureRe matches the SIGNATURE(S) heading that ends the last item.
	signatureRe = regexp.MustCompile(`^[\s\x{a0}]*(?i:signatures?)[\s\x{a0}:.]*$`)
	// signSentenceRe matches the sentence that opens the signature block,
	// which ends the last item even without a SIGNATURES heading:
	// "Pursuant to the requirements of the Securities Exchange Act ..."
	// (also "... of Section 13 or 15(d) of the Securities", wrapped).
	signSentenceRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*pursuant[\s\x{a0}]+to[\s\x{a0}]+the[\s\x{a0}]+requirements[\s\x{a0}]+of[\s\x{a0}]+(?:section[\s\x{a0}]+13[\s\x{a0}]+or[\s\x{a0}]+15[\s\x{a0}]*\(d\)[\s\x{a0}]+of[\s\x{a0}]+)?the[\s\x{a0}]+securities(?:[\s\x{a0}]+exchange|[\s\x{a0}]*$)`)
	// attorneyRe matches a POWER OF ATTORNEY heading, which opens the
	// signature pages of annual reports.
	attorneyRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*(?:special[\s\x{a0}]+)?powers?[\s\x{a0}]+of[\s\x{a0}]+attorney[\s\x{a0}:.]*$`)
	// bannerRe matches a section banner of a Form 8-K ("Section 8 — Other
	// Events", "SECTION 9. FINANCIAL STATEMENTS AND EXHIBITS"): it groups
	// the items that follow and is not the text of the item before it.
	bannerRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*section[\s\x{a0}]+\d{1,2}[\s\x{a0}]*(?:[.:\-–—]+[\s\x{a0}]*)?\p{Lu}[^.]{0,120}\.?$`)
	// pageRefRe matches a trailing page reference of a table-of-contents row.
	pageRefRe = regexp.MustCompile(`(?:\t|\.{3,}|…|[\s\x{a0}]{2,})[\s\x{a0}]*(?i:page[\s\x{a0}]*)?(?:\d{1,3}|[ivxl]{1,6}|[A-Z]-\d{1,3})(?:[\s\x{a0}]*-[\s\x{a0}]*\d{1,3})?[\s\x{a0}]*$`)
	// pageLineRe matches a line that is only a page number or page label.
	pageLineRe = regexp.MustCompile(`^[\s\x{a0}]*(?i:page)?[\s\x{a0}\t]*(?:\d{1,3}|[ivxl]{1,6}|[A-Z]-\d{1,3})?[\s\x{a0}]*$`)
)

// maxTitleLen is the longest heading remainder taken as a title; longer
// remainders are run-in headings whose text starts on the heading line.
const maxTitleLen = 200

// tocGap is the most letters between two headings for the first to count
// as a table-of-contents entry.
const tocGap = 80

// heading is one item heading found in the text.
type heading struct {
	code, asFiled, part string
	bodyStart           int      // byte offset where the item's text starts
	lineStart           int      // byte offset of the heading line
	pageRef             bool     // the heading line ends with a page number
	titleAt             int      // offset of the printed title in the heading line
	also                []string // further codes of a combined heading ("Items 1 and 2")
}

// titleItemRe matches a second item named inside a printed title
// ("Business and Item 2. Properties").
var titleItemRe = regexp.MustCompile(`(?i)\b(?:and|&)[\s\x{a0}]+item[\s\x{a0}]+(\d{1,2}[A-Z]?)\b`)

// maxCombinedTitle is the longest title searched for a second item.
const maxCombinedTitle = 80

// secondItem returns the submatches of titleItemRe in a title of at most
// maxCombinedTitle runes, nil when there is none; the regexp needs the
// word "item".
func secondItem(title string) []string {
	if utf8.RuneCountInString(title) > maxCombinedTitle || !ascii.ContainsFold(title, "item") {
		return nil
	}
	return titleItemRe.FindStringSubmatch(title)
}

// combinedNumRe matches an item number of a combined heading's tail.
var combinedNumRe = regexp.MustCompile(`\d{1,2}[A-Za-z]?\b`)

// combinedCodes returns the codes of the further items a combined heading
// of an annual report names ("and 2" after Item 1; "through 4" takes
// every item between), in table order; nil for none.
func combinedCodes(tbl []entry, first, tail string) []string {
	if tail == "" {
		return nil
	}
	nums := combinedNumRe.FindAllString(tail, -1)
	rng := strings.Contains(strings.ToLower(tail), "through") || strings.Contains(strings.ToLower(tail), " to ")
	want := map[string]bool{}
	for _, n := range nums {
		want[strings.ToUpper(strings.TrimLeft(n, "0"))] = true
	}
	var out []string
	in := false
	for _, e := range tbl {
		if e.Number == first {
			in = rng
			continue
		}
		if want[e.Number] || in {
			out = append(out, e.Part+"-"+e.Number)
		}
		if want[e.Number] {
			in = false
		}
	}
	return out
}

// boundary is a line that ends an item's text without starting one: a
// PART heading that changes the part, or a SIGNATURES heading.
type boundary struct {
	at int
}

// Extract splits a report's body text into its items. form is the
// submission type ("8-K", "8-K/A", "10-K405", "10-Q", ...); filed is the
// filing date (or the date of report) as YYYY-MM-DD, "" if unknown. Forms
// without an item structure (6-K, S-1, DEF 14A, ...) yield nil.
//
// A heading starts a line (possibly after a short bullet cell and a tab);
// mentions in prose ("pursuant to Item 12 of Form 8-K") are ignored. An
// item's text runs to the next item heading, a PART heading that changes
// the part, or a SIGNATURES heading. Table-of-contents entries are
// skipped, and a repeated heading yields one item with the text of its
// fullest occurrence: 8-K items keep the order of their first heading,
// periodic reports the order of their bodies. 8-K items whose text says
// "None." or "Not applicable." are dropped. A combined heading of an
// annual report ("Items 1 and 2. Business and Properties") gives each
// item it names the same text.
func Extract(text, form, filed string) []Item {
	fam := family(form)
	if fam == "" || text == "" {
		return nil
	}
	filed = normDate(filed)
	legacyEra := filed == "" || filed < switchDate
	var hs []heading
	var bs []boundary
	part, lastNum := "I", ""
	prev := "" // the line before the current one
	// Every line regexp is anchored at the start of the line: the lines
	// whose start cannot begin their word are not given to them (startsOf).
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += off
			next = end + 1
		}
		line := text[off:end]
		ls := startsOf(line)
		if fam != fam8K && ls.mayBe(line, "part") {
			if m := partRe.FindStringSubmatch(line); m != nil && utf8.RuneCountInString(line) < 150 {
				p := strings.ToUpper(m[1])
				if p != part {
					bs = append(bs, boundary{at: off})
				}
				part, lastNum = p, ""
				// A TOC row may hold the PART and the first item of it.
				if tab := strings.IndexByte(line, '\t'); tab >= 0 {
					if h, ok := parseHeading(line[tab+1:], fam, legacyEra, &part, &lastNum); ok {
						h.lineStart = off
						h.bodyStart += off + tab + 1
						hs = append(hs, h)
					}
				}
				prev = line
				off = next
				continue
			}
		}
		if endsItem(line, ls.first, fam) {
			bs = append(bs, boundary{at: off})
			prev = line
			off = next
			continue
		}
		if !ls.mayBe(line, "item") {
			prev = line
			off = next
			continue
		}
		if h, ok := parseHeading(line, fam, legacyEra, &part, &lastNum); ok && !inProse(prev, line, fam, h) {
			h.lineStart = off
			if h.bodyStart > len(line) {
				h.bodyStart = next + wrappedTitle(text[next:], line[h.titleAt:], knownTitles(fam, h))
			} else {
				h.bodyStart += off
			}
			hs = append(hs, h)
		}
		prev = line
		off = next
	}
	if len(hs) == 0 {
		return nil
	}
	return assemble(text, fam, filed, hs, bs)
}

// endsItem reports whether a line ends the item before it without
// starting one: a SIGNATURES heading, the sentence opening the signature
// block, a POWER OF ATTORNEY heading or an 8-K section banner. first is
// the offset after the line's leading blanks, where the word each regexp
// needs must start (in any (?i) case form: "ſ" is an "s"). "pursuant" and
// "section" hold an s and are also looked for ASCII case-insensitively in
// the line, as they were before the start was checked, so that a line
// printing the long s decides as it did.
func endsItem(line string, first int, fam string) bool {
	t := line[first:]
	switch {
	case startsS(t, "ignature") && signatureRe.MatchString(line):
		return true
	case ascii.HasPrefixFold(t, "pur") && ascii.ContainsFold(line, "pursuant") && signSentenceRe.MatchString(line):
		return true
	case (ascii.HasPrefixFold(t, "power") || startsS(t, "pecial")) && attorneyRe.MatchString(line):
		return true
	case fam == fam8K && startsS(t, "ection") && ascii.ContainsFold(line, "section") && utf8.RuneCountInString(line) < 140 && bannerRe.MatchString(line):
		return true
	}
	return false
}

// minProseLine is the least length of a line that a wrapped sentence
// continues on the next line.
const minProseLine = 40

// inProse reports whether a heading line is the continuation of a
// wrapped sentence ("... are listed under" / "Item 14. \"Exhibits ...\"
// and"): the line before is a long line of prose that stops mid-sentence
// (a lower-case letter or a comma last), and the heading line is not a
// heading alone (its printed title is not a known title, or text
// follows it).
func inProse(prev, line, fam string, h heading) bool {
	p := strings.TrimRight(prev, " \t\u00a0")
	if utf8.RuneCountInString(p) < minProseLine {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if !(unicode.IsLower(last) || last == ',') {
		return false
	}
	rest := line[min(h.titleAt, len(line)):]
	if !hasLetters(rest) {
		return false
	}
	for _, t := range knownTitles(fam, h) {
		if e := titleEnd(rest, words(t)); e >= 0 && !hasLetters(rest[e:]) {
			return false
		}
	}
	return true
}

// parseHeading recognizes an item heading line. part and lastNum carry the
// current part and the last item number of periodic reports whose part is
// given by PART headings; a number lower than the last one in Part I
// starts Part II when a PART heading is missing.
func parseHeading(line, fam string, legacyEra bool, part, lastNum *string) (heading, bool) {
	h, ok := parseHeadingLine(line, fam, legacyEra, part, lastNum)
	if !ok {
		return h, false
	}
	// Run-in heading: "Item 8.01 Other Events. On May 2 the Company ..."
	rest := line[h.titleAt:]
	if cut := runInCut(rest, knownTitles(fam, h)); cut >= 0 {
		h.bodyStart = h.titleAt + cut
	}
	return h, true
}

// parseHeadingLine recognizes the heading and its code; see parseHeading.
func parseHeadingLine(line, fam string, legacyEra bool, part, lastNum *string) (heading, bool) {
	m := headingRe.FindStringSubmatchIndex(line)
	if m == nil {
		return heading{}, false
	}
	major := line[m[2]:m[3]]
	minor := ""
	if m[4] >= 0 {
		minor = line[m[4]:m[5]]
	}
	restStart := m[8]
	letter := ""
	if m[6] >= 0 {
		l := line[m[6]:m[7]]
		nextIsLetter := false
		if r, _ := utf8.DecodeRuneInString(line[m[7]:]); unicode.IsLetter(r) {
			nextIsLetter = true
		}
		if fam != fam8K && minor == "" && !nextIsLetter {
			letter = strings.ToUpper(l)
		} else {
			restStart = m[6] // glued title ("Item 5Other"), not a suffix
		}
	}
	rest := line[restStart:]
	if sp := subPartRe.FindStringIndex(rest); sp != nil {
		rest = rest[sp[1]:]
		restStart += sp[1]
	}
	combined := ""
	if cp := combinedRe.FindStringIndex(rest); cp != nil {
		// "Items 1 and 2. Business and Properties": the first number names it.
		combined = rest[:cp[1]]
		rest = rest[cp[1]:]
		restStart += cp[1]
	}
	titleStart, ok := titleOffset(rest)
	if !ok {
		return heading{}, false
	}
	title := rest[titleStart:]
	if naTitleRe.MatchString(title) {
		return heading{}, false // "Items 1 through 4 Not Applicable."
	}
	h := heading{bodyStart: len(line) + 1, titleAt: restStart + titleStart}
	if utf8.RuneCountInString(title) > maxTitleLen {
		// Run-in heading: the title ends at the first sentence end.
		cut := strings.Index(title, ". ")
		if cut < 0 || cut > maxTitleLen {
			cut = 0
		} else {
			cut += 2
		}
		h.bodyStart = restStart + titleStart + cut
		title = title[:cut]
	}
	h.pageRef = mayEndInPageRef(title) && pageRefRe.MatchString(title)
	if fam == fam8K {
		h.code, h.asFiled = code8K(major, minor, strings.TrimSpace(title), legacyEra)
		return h, h.code != ""
	}
	if minor != "" {
		return heading{}, false
	}
	num := strings.TrimLeft(major, "0") + letter
	h.asFiled = num
	if fam == fam10K && num == "14" && (*part == "IV" || strings.Contains(strings.ToLower(title), "exhibit")) {
		// Before 2003 Item 14 was Part IV's exhibits item.
		h.part, h.code = "IV", "IV-14"
		return h, true
	}
	if fam == fam40F {
		h.code = num
		return h, num != ""
	}
	tbl := table(fam)
	if partByNumber(fam) {
		for _, e := range tbl {
			if e.Number == num {
				h.part, h.code = e.Part, e.Part+"-"+num
				if m := secondItem(title); m != nil {
					combined += " and " + m[1] // "Item 1. Business and Item 2. Properties"
				}
				h.also = combinedCodes(tbl, num, combined)
				return h, true
			}
		}
		return heading{}, false
	}
	if *lastNum != "" && *part == "I" && lessNum(num, *lastNum) {
		*part = "II"
	} else if *lastNum != "" && *part == "II" && lessNum(num, *lastNum) {
		*part = "I"
	}
	if p := partByTitle(tbl, num, title); p != "" && p != *part {
		// The printed title names the other part ("Item 1 - Financial
		// Statements" after a table of contents that ended in Part II).
		*part = p
	}
	for _, e := range tbl {
		if e.Number == num && e.Part == *part {
			*lastNum = num
			h.part, h.code = e.Part, e.Part+"-"+num
			return h, true
		}
	}
	return heading{}, false
}

// lessNum orders item numbers such as "1", "1A", "2".
func lessNum(a, b string) bool {
	na, la := splitNum(a)
	nb, lb := splitNum(b)
	if na != nb {
		return na < nb
	}
	return la < lb
}

// splitNum splits "1A" into 1 and "A".
func splitNum(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:]
}

// titleOffset checks what follows an item number and returns where the
// printed title starts. A heading has nothing, a separator (".", ":",
// dash, tab) or a capitalized word after its number; prose such as
// "Item 12 of Form 8-K" or "Item 5) which" does not qualify.
func titleOffset(rest string) (int, bool) {
	i := 0
	sep := false
	for i < len(rest) {
		r, n := utf8.DecodeRuneInString(rest[i:])
		switch {
		case r == '.' || r == ':' || r == '-' || r == '–' || r == '—' || r == '\t':
			sep = true
		case r == ' ' || r == '\u00a0':
		default:
			if sep || unicode.IsUpper(r) || r == '"' || r == '“' || r == '[' {
				return i, true
			}
			return 0, false
		}
		i += n
	}
	return i, true
}

// contentLetters counts the letters of s outside page-number lines.
func contentLetters(s string) int {
	return contentLettersUpTo(s, math.MaxInt)
}

// contentLettersUpTo is contentLetters, except that it stops counting (and
// returns a number above limit) once the count exceeds limit.
func contentLettersUpTo(s string, limit int) int {
	n := 0
	for l := range strings.SplitSeq(s, "\n") {
		if mayBePageLine(l) && pageLineRe.MatchString(l) || startsOf(l).mayBe(l, "part") && partRe.MatchString(l) {
			continue
		}
		for _, r := range l {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if n > limit {
			return n
		}
	}
	return n
}

// mayBePageLine reports whether l can match pageLineRe: besides white
// space ([\s\x{a0}]) a match holds at most ten characters ("page" and
// six roman digits, or "A-123").
func mayBePageLine(l string) bool {
	n := 0
	for _, r := range l {
		switch r {
		case ' ', '\t', '\n', '\f', '\r', 0xa0:
		default:
			if n++; n > 10 {
				return false
			}
		}
	}
	return true
}

// occurrence is one heading with the extent of its text.
type occurrence struct {
	heading
	end int
	toc bool
}

// assemble cuts the text between headings, drops table-of-contents
// entries and merges repeated headings into one item per code.
func assemble(text, fam, filed string, hs []heading, bs []boundary) []Item {
	var occ []occurrence
	bi := 0
	for i, h := range hs {
		if i > 0 && occ[len(occ)-1].code == h.code && !hs[i-1].pageRef && !boundaryBetween(bs, hs[i-1].lineStart, h.lineStart) {
			continue // a running page header repeating the open item
		}
		occ = append(occ, occurrence{heading: h})
	}
	for i := range occ {
		end := len(text)
		if i+1 < len(occ) {
			end = occ[i+1].lineStart
		}
		for bi < len(bs) && bs[bi].at < occ[i].bodyStart {
			bi++
		}
		if bi < len(bs) && bs[bi].at < end {
			end = bs[bi].at
		}
		if end < occ[i].bodyStart {
			end = occ[i].bodyStart
		}
		if occ[i].bodyStart > len(text) {
			occ[i].bodyStart = len(text)
		}
		if end > len(text) {
			end = len(text)
		}
		occ[i].end = end
	}
	// Table-of-contents entries: short gaps to the next heading, page
	// references, or following closely on such an entry — when the same
	// code occurs again later.
	small := make([]bool, len(occ))
	for i := range occ {
		if i+1 < len(occ) {
			small[i] = contentLettersUpTo(text[occ[i].bodyStart:occ[i+1].lineStart], tocGap) <= tocGap
		}
	}
	for i := range occ {
		cand := small[i] || occ[i].pageRef || (i > 0 && small[i-1])
		if !cand {
			continue
		}
		for j := i + 1; j < len(occ); j++ {
			if occ[j].code == occ[i].code {
				occ[i].toc = true
				break
			}
		}
	}
	if fam != fam8K {
		tocOnlyFallback(text, fam, occ, small)
	}
	best := map[string]int{}
	var order []string
	for i, o := range occ {
		b, seen := best[o.code]
		if !seen {
			order = append(order, o.code)
			best[o.code] = i
			continue
		}
		switch {
		case occ[b].toc && !o.toc:
			best[o.code] = i
		case occ[b].toc == o.toc && o.end-o.bodyStart > occ[b].end-occ[b].bodyStart:
			best[o.code] = i
		}
	}
	if fam != fam8K {
		// Periodic reports list items in the order of their bodies.
		sort.SliceStable(order, func(a, b int) bool { return best[order[a]] < best[order[b]] })
	}
	out := make([]Item, 0, len(order))
	for _, c := range order {
		o := occ[best[c]]
		txt := cleanText(text[o.bodyStart:o.end])
		if fam == fam8K && notReported(txt) {
			continue // "Item 6. Resignations of Registrant's Directors. None."
		}
		out = append(out, Item{
			Code:          c,
			NumberAsFiled: o.asFiled,
			Part:          o.part,
			Title:         titleAt(fam, c, filed),
			Text:          txt,
		})
		for _, a := range o.also {
			// "Items 1 and 2. Business and Properties": one text, two items.
			if _, own := best[a]; own {
				continue
			}
			part, num, _ := strings.Cut(a, "-")
			out = append(out, Item{Code: a, NumberAsFiled: num, Part: part, Title: titleAt(fam, a, filed), Text: txt})
		}
	}
	return out
}

// tocOnlyFallback gives a periodic report's item whose only heading is a
// table-of-contents row the text under its printed section title: the
// body omits the "Item 1" heading and prints "FINANCIAL STATEMENTS"
// between the table of contents and the next item's heading. The title
// line is looked for from the last row of the table of contents to the
// first heading of the body.
func tocOnlyFallback(text, fam string, occ []occurrence, small []bool) {
	count := map[string]int{}
	for _, o := range occ {
		count[o.code]++
	}
	// The body starts at the first heading that is not a TOC row.
	body := -1
	for j, o := range occ {
		if !o.toc && !small[j] && !o.pageRef {
			body = j
			break
		}
	}
	if body <= 0 {
		return
	}
	from := occ[body-1].bodyStart
	to := occ[body].lineStart
	if from >= to {
		return
	}
	for i := 0; i < body; i++ {
		o := &occ[i]
		if o.toc || count[o.code] != 1 {
			continue
		}
		at := titleLine(text[from:to], knownTitles(fam, o.heading))
		if at < 0 {
			continue
		}
		o.bodyStart, o.end, o.pageRef = from+at, to, false
		from = o.bodyStart
	}
}

// maxTitleExtra is how many words besides the title a printed section
// title line may hold ("CONDENSED CONSOLIDATED FINANCIAL STATEMENTS
// (UNAUDITED)").
const maxTitleExtra = 4

// titleLine returns the offset after the first short line of s that
// prints one of titles (all its words, few others), -1 when none does.
func titleLine(s string, titles []string) int {
	for off := 0; off < len(s); {
		line, _, found := strings.Cut(s[off:], "\n")
		next := off + len(line)
		if found {
			next++
		}
		if w := words(line); len(w) > 0 && utf8.RuneCountInString(line) <= maxOpenTitleLine {
			for _, t := range titles {
				tw := words(t)
				if len(tw) > 0 && len(w) <= len(tw)+maxTitleExtra && containsWords(w, tw) {
					return next
				}
			}
		}
		off = next
	}
	return -1
}

// containsWords reports whether every word of want is in got.
func containsWords(got, want []string) bool {
	for _, x := range want {
		found := false
		for _, g := range got {
			if sameWord(g, x) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// boundaryBetween reports whether a boundary lies in [from, to); bs is
// sorted by offset.
func boundaryBetween(bs []boundary, from, to int) bool {
	i := sort.Search(len(bs), func(i int) bool { return bs[i].at >= from })
	return i < len(bs) && bs[i].at < to
}

// ruleLine reports whether a line only underlines or rules: three or more
// of - = _ * (spaces between allowed, as in "- -----").
func ruleLine(l string) bool {
	n := 0
	for _, r := range l {
		switch r {
		case '-', '=', '_', '*':
			n++
		case ' ', '\t', '\u00a0':
		default:
			return false
		}
	}
	return n >= 3
}

// cleanText trims an item's text and drops rule lines that underlined
// the heading.
func cleanText(s string) string {
	s = strings.TrimSpace(s)
	for {
		line, rest, _ := strings.Cut(s, "\n")
		if !ruleLine(line) {
			return s
		}
		s = strings.TrimSpace(rest)
	}
}

// notReportedRe matches the whole text of an 8-K item that reports
// nothing.
var notReportedRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*(?:none|not[\s\x{a0}]+applicable|inapplicable|n/?a|omitted|not[\s\x{a0}]+required)[\s\x{a0}.;:]*$`)

// notReported reports whether an 8-K item's text says it reports nothing:
// its first paragraph is "None." or "Not applicable." (page numbers and
// running heads may follow).
func notReported(s string) bool {
	first, _, _ := strings.Cut(s, "\n\n")
	return notReportedRe.MatchString(first)
}
