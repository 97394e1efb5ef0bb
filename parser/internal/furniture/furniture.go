// Package furniture removes page furniture from the plain text of a
// document: the lines a printed page carries that are not part of the
// report — SGML <PAGE> tags, page numbers ("2", "-2-", "- 3 -", "Page 3 of
// 10", "F-3"), running footers repeated at every page break with the page
// number ("47 Acme Holdings Inc.", "Acme | 2024 Form 10-K | 47") and
// "Table of Contents" back-links. It works on whole documents, where the
// repetition that gives furniture away is visible, and is applied once to
// the text every extractor reads.
package furniture

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

var (
	// pageTagRe matches an SGML page tag line: "<PAGE>", "<PAGE>   1",
	// "</page>".
	pageTagRe = regexp.MustCompile(`(?i)^</?page>\s*\d{0,4}$`)
	// explicitRe matches a page number written as one: "-2-", "- 3 -",
	// "Page 3", "Page 3 of 10", "F-3", "A-12".
	explicitRe = regexp.MustCompile(`(?i)^(?:-\s*\d{1,3}\s*-|[-–—]\s*\d{1,3}|\d{1,3}\s+of\s+\d{1,3}|page\s+(?:[A-Z]{1,2}-)?\d{1,4}(?:\s+of\s+(?:[A-Z]{1,2}-)?\d{1,4})?|[A-H]\s?-\s?\d{1,3})$`)
	// bareRe matches a bare number that may be a page number.
	bareRe = regexp.MustCompile(`^\d{1,3}$`)
	// backLinkRe matches a link back to the table of contents or index.
	backLinkRe = regexp.MustCompile(`(?i)^(?:\[?\s*(?:back|return|go)\s+to\s+(?:the\s+)?)?(?:table\s+of\s+contents|contents|index)\s*\]?$`)
	// indexLinkRe matches a link back to the index of the financial
	// statements, printed at the top of every page of some annual reports.
	indexLinkRe = regexp.MustCompile(`(?i)^(?:\[?\s*(?:back|return|go)\s+to\s+(?:the\s+)?)?index\s+to\s+(?:consolidated\s+)?financial\s+statements\s*\]?$`)
	// partFooterRe matches a running footer naming the part of the report
	// and the page ("Part I\t23", "Part II 54").
	partFooterRe = regexp.MustCompile(`(?i)^part\s+(?:iv|iii|ii|i)[\s|\-–—]+(\d{1,3})$`)
	// dottedPageRe matches a page number with a full stop ("2."), centred
	// on the page of a text filing.
	dottedPageRe = regexp.MustCompile(`^[ \t]{10,}\d{1,3}\.[ \t]*$`)
	// tableTagRe matches a line of the SGML table markup of text filings
	// ("<TABLE>", "</TABLE>", "<S>   <C>   <C>", "<CAPTION>").
	tableTagRe = regexp.MustCompile(`(?i)^(?:</?(?:table|caption|s|c|fn)>\s*)+$`)
	// leadTagRe matches a <PAGE> tag in front of text on the same line.
	leadTagRe = regexp.MustCompile(`(?i)^\s*</?page>[ \t]*`)
	// headingWordRe matches the numbered headings a footer template must
	// not take for furniture ("Item 2", "Note 3", "Exhibit 4").
	headingWordRe = regexp.MustCompile(`(?i)^[\s\W]*(?:items?|parts?|notes?|sections?|articles?|exhibits?|schedules?|tables?|figures?|steps?|years?|quarters?|q|class|series|tranche|phase|annex|appendix|chapter|level|tier|stage|plan|proposal|rule)\b`)
)

// maxMarkerLen is the longest line taken for a page tag or number.
const maxMarkerLen = 24

// minFooter is how many times a footer template must occur.
const minFooter = 3

// maxFooterLen is the longest line taken for a running footer.
const maxFooterLen = 100

// Strip returns text without its page furniture. Lines are removed whole;
// runs of blank lines left behind are collapsed to one.
func Strip(text string) string {
	lines := strings.Split(text, "\n")
	drop := Lines(lines)
	if unchanged(lines, drop) {
		return text // no copy of a document without furniture
	}
	var b strings.Builder
	b.Grow(len(text))
	blank, wrote := false, false
	for i, l := range lines {
		if drop[i] {
			continue
		}
		if strings.Contains(l, "<") {
			l = leadTagRe.ReplaceAllString(l, "")
		}
		if strings.TrimSpace(l) == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		if wrote {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		wrote = true
	}
	return b.String()
}

// unchanged reports whether Strip would return the text of lines as it
// is: no line dropped or cut, no run of blank lines to collapse.
func unchanged(lines []string, drop []bool) bool {
	blank := false
	for i, l := range lines {
		if drop[i] || strings.Contains(l, "<") && leadTagRe.MatchString(l) {
			return false
		}
		isBlank := strings.TrimSpace(l) == ""
		if isBlank && blank {
			return false
		}
		blank = isBlank
	}
	return true
}

// Lines reports which lines of a document are page furniture.
func Lines(lines []string) []bool {
	drop := make([]bool, len(lines))
	trimmed := make([]string, len(lines))
	for i, l := range lines {
		trimmed[i] = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " "))
	}
	for i, s := range trimmed {
		if len(s) <= maxMarkerLen && mayBeMarker(s) && (pageTagRe.MatchString(s) || explicitRe.MatchString(s)) {
			drop[i] = true
		}
		if strings.HasPrefix(s, "<") && tableTagRe.MatchString(s) {
			drop[i] = true
		}
	}
	markPageNumbers(lines, trimmed, drop)
	markDottedPages(lines, drop)
	markBackLinks(trimmed, drop)
	markIndexLinks(trimmed, drop)
	markFooters(trimmed, drop)
	markPartFooters(trimmed, drop)
	return drop
}

// markDottedPages marks centred page numbers written with a full stop
// ("2.", "3.") when the document prints at least minFooter of them in
// rising order.
func markDottedPages(lines []string, drop []bool) {
	var occ []occurrence
	for i, l := range lines {
		if len(l) < 64 && len(l)-len(strings.TrimLeft(l, " \t")) >= 10 && dottedPageRe.MatchString(l) {
			v, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(l), "."))
			occ = append(occ, occurrence{i, v})
		}
	}
	if len(occ) < minFooter || !increasing(occ) || !spread(occ) {
		return
	}
	for _, o := range occ {
		drop[o.line] = true
	}
}

// minIndexLinks is how many "Index to Financial Statements" lines make
// them back-links: the heading itself may be printed twice (table of
// contents and Item 8).
const minIndexLinks = 3

// markIndexLinks marks "Index to Financial Statements" lines when the
// document prints them at least minIndexLinks times.
func markIndexLinks(trimmed []string, drop []bool) {
	var at []int
	for i, s := range trimmed {
		if len(s) < 60 && ascii.ContainsFold(s, "financial") && indexLinkRe.MatchString(s) {
			at = append(at, i)
		}
	}
	if len(at) < minIndexLinks {
		return
	}
	for _, i := range at {
		drop[i] = true
	}
}

// markPartFooters marks "Part I 23" footers: lines naming a part and a
// page number, printed at least minFooter times with rising numbers.
func markPartFooters(trimmed []string, drop []bool) {
	var occ []occurrence
	for i, s := range trimmed {
		if len(s) < 24 && !drop[i] && (strings.HasPrefix(s, "P") || strings.HasPrefix(s, "p")) {
			if m := partFooterRe.FindStringSubmatch(s); m != nil {
				v, _ := strconv.Atoi(m[1])
				occ = append(occ, occurrence{i, v})
			}
		}
	}
	if len(occ) < minFooter || !increasing(occ) || !spread(occ) {
		return
	}
	for _, o := range occ {
		drop[o.line] = true
	}
}

// markPageNumbers marks bare numbers that are page numbers: those not
// held between two table rows, and those continuing the sequence of the
// page numbers around them.
func markPageNumbers(lines, trimmed []string, drop []bool) {
	var cand []int
	for i, s := range trimmed {
		if len(s) <= 3 && bareRe.MatchString(s) {
			cand = append(cand, i)
		}
	}
	value := func(k int) int { v, _ := strconv.Atoi(trimmed[cand[k]]); return v }
	for k, i := range cand {
		inSeq := (k > 0 && follows(value(k-1), value(k))) || (k+1 < len(cand) && follows(value(k), value(k+1)))
		if inSeq || !(isRow(neighbour(lines, trimmed, i, -1)) && isRow(neighbour(lines, trimmed, i, +1))) {
			drop[i] = true
		}
	}
}

// follows reports whether page number b can be the next printed after a.
func follows(a, b int) bool { return b > a && b-a <= 3 }

// neighbour returns the nearest non-blank line before (dir -1) or after
// (dir +1) line i that is not itself a bare number, "" when there is none.
func neighbour(lines, trimmed []string, i, dir int) string {
	for j := i + dir; j >= 0 && j < len(lines); j += dir {
		if trimmed[j] != "" && !bareRe.MatchString(trimmed[j]) {
			return lines[j]
		}
	}
	return ""
}

// cellGapRe matches the gap between two cells of a fixed-width row.
var cellGapRe = regexp.MustCompile(`\S[ \x{a0}]{3,}\S`)

// isRow reports whether a line looks like a table row: cells separated by
// tabs or wide gaps, and a number among them.
func isRow(line string) bool {
	if !strings.ContainsAny(line, "0123456789") {
		return false
	}
	return strings.Contains(strings.TrimSpace(line), "\t") || cellGapRe.MatchString(line)
}

// markBackLinks marks "Table of Contents" lines when the document prints
// more than one: they are links back to it at the page breaks.
func markBackLinks(trimmed []string, drop []bool) {
	var at []int
	for i, s := range trimmed {
		if len(s) < 40 && (ascii.ContainsFold(s, "content") || ascii.ContainsFold(s, "index")) &&
			backLinkRe.MatchString(s) && !strings.EqualFold(s, "index") {
			at = append(at, i)
		}
	}
	if len(at) < 2 {
		return
	}
	for _, i := range at {
		drop[i] = true
	}
}

// occurrence is one line of a footer template and its page number.
type occurrence struct{ line, value int }

// markFooters marks running footers and headers: short lines printed
// at least minFooter times with the same text around a page number that
// increases from one to the next ("47 Acme Holdings Inc.").
func markFooters(trimmed []string, drop []bool) {
	groups := map[footerKey][]occurrence{}
	for i, s := range trimmed {
		if t, ok := footerCells(s); ok {
			s = t // "Fiscal Q2 2023 Form 10-Q<TAB>12"
		}
		if drop[i] || len(s) > maxFooterLen || !strings.ContainsAny(s, "0123456789") || strings.Contains(s, "\t") ||
			strings.Contains(s, "....") {
			continue
		}
		first, last, n := edgeDigitRuns(s)
		if n == 0 {
			continue
		}
		// The page number is the first or the last number of the line.
		for _, r := range [2][2]int{first, last} {
			if r[1]-r[0] > 3 || !atEdge(s, r) {
				continue
			}
			if !strings.ContainsFunc(s[:r[0]], isLetter) && !strings.ContainsFunc(s[r[1]:], isLetter) {
				continue
			}
			v, _ := strconv.Atoi(s[r[0]:r[1]])
			key := newFooterKey(s[:r[0]], s[r[1]:])
			groups[key] = append(groups[key], occurrence{i, v})
			if n == 1 {
				break
			}
		}
	}
	texts := map[string]bool{}
	for k, occ := range groups {
		key := k.a + "\x00" + k.b
		if len(occ) < minFooter || !increasing(occ) || !spread(occ) || headingWordRe.MatchString(trimmed[occ[0].line]) {
			continue
		}
		for _, o := range occ {
			drop[o.line] = true
		}
		texts[strings.TrimSpace(strings.ReplaceAll(key, "\x00", ""))] = true
	}
	// The same footer on the front pages, numbered in roman ("... 10-Q<TAB>ii").
	for i, s := range trimmed {
		if a, b, ok := strings.Cut(s, "\t"); ok && !drop[i] && !strings.Contains(b, "\t") {
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if (texts[a] && romanRe.MatchString(b)) || (texts[b] && romanRe.MatchString(a)) {
				drop[i] = true
			}
		}
	}
}

// romanRe matches a lower-case roman page number.
var romanRe = regexp.MustCompile(`^[ivxl]{1,6}$`)

// footerCells returns a line of two tab-separated cells, one of them a
// page number, with the tab as a space: the footer template is then
// found as for one-cell footers. ok is false for other lines.
func footerCells(s string) (string, bool) {
	a, b, ok := strings.Cut(s, "\t")
	if !ok || strings.Contains(b, "\t") {
		return "", false
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if isPageNumber(b) && strings.ContainsFunc(a, isLetter) || isPageNumber(a) && strings.ContainsFunc(b, isLetter) {
		return a + " " + b, true
	}
	return "", false
}

// isPageNumber reports whether s is one to three ASCII digits (bareRe).
func isPageNumber(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// minPageLines is the fewest lines between two occurrences of a running
// footer: one per page, never on consecutive rows of a list.
const minPageLines = 3

// spread reports whether a footer template's occurrences are a page
// apart at least.
func spread(occ []occurrence) bool {
	for k := 1; k < len(occ); k++ {
		if occ[k].line-occ[k-1].line < minPageLines {
			return false
		}
	}
	return true
}

// edgeDigitRuns returns the [start, end) byte offsets of the first and
// the last run of ASCII digits of s and how many runs there are, counted
// up to 2 (first and last are the same run when n is 1).
func edgeDigitRuns(s string) (first, last [2]int, n int) {
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if n == 0 {
			first = [2]int{i, j}
		}
		last = [2]int{i, j}
		n = min(n+1, 2)
		i = j
	}
	return first, last, n
}

// atEdge reports whether the digit run r of s starts or ends the line,
// but for blanks and separators ("| 47", "- 3").
func atEdge(s string, r [2]int) bool {
	return onlySeparators(s[:r[0]]) || onlySeparators(s[r[1]:])
}

// onlySeparators reports whether strings.Trim(x, separators) is empty:
// whether every character of x is one of separators.
func onlySeparators(x string) bool {
	for _, c := range x {
		if !strings.ContainsRune(separators, c) {
			return false
		}
	}
	return true
}

// footerKey is a footer template: the text before and after the page
// number, as the string a + "\x00" + b cut at its first NUL (so that two
// templates are the same key exactly when their joined strings are equal).
type footerKey struct{ a, b string }

// newFooterKey returns the key of the template before + NUL + after,
// copying nothing unless before holds a NUL itself.
func newFooterKey(before, after string) footerKey {
	if strings.IndexByte(before, 0) < 0 {
		return footerKey{before, after}
	}
	joined := before + "\x00" + after
	i := strings.IndexByte(joined, 0)
	return footerKey{joined[:i], joined[i+1:]}
}

// mayBeMarker reports whether s can match pageTagRe or explicitRe: a page
// tag starts with "<", and every page number explicitRe matches ends with
// a digit or a hyphen.
func mayBeMarker(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return s[0] == '<' || '0' <= c && c <= '9' || c == '-'
}

// separators may stand between a footer's page number and the line's end.
const separators = " \u00a0|-–—•·"

// increasing reports whether the numbers of a footer template rise from
// one occurrence to the next, as page numbers do.
func increasing(occ []occurrence) bool {
	for k := 1; k < len(occ); k++ {
		if occ[k].value <= occ[k-1].value {
			return false
		}
	}
	return true
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f
}
