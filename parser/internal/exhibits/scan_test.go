package exhibits

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The regexps the matchers of scan.go stand for.
var (
	// leadDashRe matches a dash or colon cell between number and description.
	leadDashRe = regexp.MustCompile(`^[\s\x{a0}\t]*[-–—:]+[\s\x{a0}\t]*`)
	// ruleRe matches leading rule characters of a continuation line.
	ruleRe = regexp.MustCompile(`^[\s\x{a0}]*[-=_]{3,}[\s\x{a0}]*`)
	// cellSepRe separates table cells: tabs, or runs of four or more spaces
	// in fixed-width text.
	cellSepRe = regexp.MustCompile(`\t|[ \x{a0}]{4,}`)
	// labelRe matches a leading "Exhibit", "Ex." or "EX-" label and "No.".
	labelRe = regexp.MustCompile(`^(?:EXHIBIT|EX\.?-?)?\s*(?:NO\.?|NUMBER|#)?\s*`)
	// gapRe matches a run of two or more spaces.
	gapRe = regexp.MustCompile(`[ \x{a0}]{2,}`)
)

// justifiedRe is justified as it was written with gapRe.
func justifiedRe(s string) bool {
	if strings.Contains(s, "\t") {
		return false
	}
	gaps := 0
	for _, g := range gapRe.FindAllString(strings.TrimSpace(s), -1) {
		if len(g) > maxJustifyGap {
			return false
		}
		gaps++
	}
	return gaps >= minJustifyGaps
}

// normalizeRe is Normalize as it was written with labelRe.
func normalizeRe(number string) string {
	s := strings.ToUpper(strings.TrimSpace(number))
	s = labelRe.ReplaceAllString(s, "")
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

// cells returns the cells nextCell yields.
func cells(s string) []string {
	var out []string
	for i := 0; i >= 0; {
		var c string
		c, i = nextCell(s, i)
		out = append(out, c)
	}
	return out
}

// checkScan compares every matcher of scan.go with what it stands for on s.
func checkScan(t *testing.T, s string) {
	t.Helper()
	if got, want := trimLeadDash(s), leadDashRe.ReplaceAllString(s, ""); got != want {
		t.Errorf("trimLeadDash(%q) = %q, want %q", s, got, want)
	}
	want := -1
	if m := ruleRe.FindStringIndex(s); m != nil {
		want = m[1]
	}
	if got := ruleEnd(s); got != want {
		t.Errorf("ruleEnd(%q) = %d, want %d", s, got, want)
	}
	if got, want := cells(s), cellSepRe.Split(s, -1); !slices.Equal(got, want) {
		t.Errorf("cells(%q) = %q, want %q", s, got, want)
	}
	if got, want := justified(s), justifiedRe(s); got != want {
		t.Errorf("justified(%q) = %v, want %v", s, got, want)
	}
	if methodRe.MatchString(s) && !mayHaveMethod(s) {
		t.Errorf("methodRe matches %q but mayHaveMethod rejects it", s)
	}
	if reportLineRe.MatchString(s) && !mayBeReportLine(s) {
		t.Errorf("reportLineRe matches %q but mayBeReportLine rejects it", s)
	}
	c := leadByte(s)
	for _, p := range []struct {
		name  string
		re    *regexp.Regexp
		admit bool
	}{
		{"pageRe", pageRe, mayBePage(c)}, {"tableTagRe", tableTagRe, c == '<'}, {"stopRe", stopRe, mayStop(c)},
		{"reportsRe", reportsRe, mayBeReports(c)}, {"entryRe", entryRe, mayBeEntry(c)}, {"subRowRe", subRowRe, c == '('},
	} {
		if p.re.MatchString(s) && !p.admit {
			t.Errorf("%s matches %q but its lead byte %d is rejected", p.name, s, c)
		}
	}
	if got, want := Normalize(s), normalizeRe(s); got != want {
		t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
	}
	if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := joinFields(s), strings.Join(strings.Fields(s), ""); got != want {
		t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
	}
	if got, want := mentionsExhibit(s), strings.Contains(asciiLower(s), "exhibit"); got != want {
		t.Errorf("mentionsExhibit(%q) = %v, want %v", s, got, want)
	}
}

// asciiLower lower-cases the ASCII letters of s only.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// scanSamples are lines the matchers must get right, besides the fixtures.
var scanSamples = []string{
	"", " ", "-", " - Press release", "\t–\u00a0Agreement", "—:— x", "::", " \u00a0-\t", "x - y",
	"---", "  ===  Text", "__", " -_=-", "\u00a0\u00a0---\u00a0", "\xc2---", "-\xc2\xa0-",
	"a\tb", "a    b", "a   b", "a \u00a0  b", "a\u00a0\u00a0\u00a0\u00a0b", "a  \t  b", "\t", "    ", "a\t",
	"Term    Revolving    Note   in   the  amount", "a  b  c  d  e", "a       b  c  d  e", " a\u00a0\u00a0b  c  d  e ",
	"Bylaws  Filed as Exhibit 3.2 to Form 10-K", "Plan\u00a0 Incorporated by reference", "x  FURNISHED herewith",
	"Current Report on Form 8-K", "Form 8-K dated May 1", "A form 8-K filed", "reports on form 8k",
	"Press release", "  two  spaces ", "tab\there", "nbsp\u00a0here", "em\u2003space", "Ex\u0085x",
	"- 12 -", " 7", "<PAGE>", "Page 4", "page", "\u00a0<TABLE>", "</c>", "\u017fignatures", "SIGNATURE", "Item 9.",
	"(b) Reports on Form 8-K", "c. reports on form 8-k", "No reports on Form 8-K were filed", "Reports on Form 8-K:",
	"99.1  Press release", "Exhibit 10.1 - Plan", "ex-3.1\tBylaws", "*10.2  Plan", "\u2022\t4.1\tIndenture",
	"(c) 99.1 Press", "(a)  Indenture", "  (12)\tComputation", "†10.3  Plan",
	"99.1", "99.01", "099", "0", "00", "0.0", "3(i)", "EX-3.(I)", "Exhibit 99.1", "ex.-10", "EX. 10", "EXHIBIT NO. 4",
	"No 4", "NUMBER 7", "# 5", "Ex.\t#3", "10.1A", "10..1", ".5", "5.", "EXHIBITS", "EXNO", "ſ99", "ex\u00a01", "3.I",
	"EXHIBIT INDEX", "exhibi", "xhibit", "see eXhIbIt 10", "Exhibit", "ex\xffhibit",
}

// TestScanMatchers compares the matchers with their regexps.
func TestScanMatchers(t *testing.T) {
	lines := append([]string{}, scanSamples...)
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, l := range lines {
		checkScan(t, l)
	}
}

// FuzzScanMatchers compares the matchers with their regexps.
func FuzzScanMatchers(f *testing.F) {
	for _, s := range scanSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkScan(t, s) })
}

// TestExhibitFinder checks the finder over a text against a search of
// each line.
func TestExhibitFinder(t *testing.T) {
	checkFinder(t, "x\nEXHIBIT INDEX\nno\nexhibit 1 and Exhibit 2\nxx Xhibit eXHIBIT\nexhibi")
}

// FuzzExhibitFinder checks the finder over arbitrary texts.
func FuzzExhibitFinder(f *testing.F) {
	f.Add("x\nEXHIBIT INDEX\nno\nexhibit 1 and Exhibit 2\nxx Xhibit eXHIBIT\nexhibi")
	f.Fuzz(checkFinder)
}

// checkFinder compares the finder's decision for each line of text with
// mentionsExhibit.
func checkFinder(t *testing.T, text string) {
	ex := newExhibitFinder(text)
	off := 0
	for _, l := range strings.Split(text, "\n") {
		if got, want := ex.next(off) < off+len(l), mentionsExhibit(l); got != want {
			t.Errorf("line %q: finder says %v, want %v", l, got, want)
		}
		off += len(l) + 1
	}
}
