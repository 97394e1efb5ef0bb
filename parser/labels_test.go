package parser

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Thresholds of TestLabels, on all hand labels of testdata/labels taken
// together. They are set just under what the parser scores today, so the
// test guards against regressions; raise them as the parser improves.
// Targets (issue 8): items boundaries 100%, exhibits found >= 97%,
// no false exhibit rows, signers found >= 97%, title right >= 95%,
// "for" right >= 95%.
const (
	minItemsRightPct    = 99.5 // labelled items whose boundaries the parser gets right
	minExhibitsFoundPct = 99.5 // labelled exhibit rows found (number and description)
	maxFalseExhibitRows = 0
	minSignersFoundPct  = 99.0 // labelled signers found by name
	minSignerTitlePct   = 99.0 // labelled signers found with the title right
	minSignerForPct     = 99.0 // labelled signers found with "for" right
)

// label is one hand label: what a person read in the document (format in
// testdata/labels/README.md). A nil list means "not labelled"; an empty
// one means "the document prints none".
type label struct {
	File     string         `json:"file"`
	FormType string         `json:"form_type"`
	Filed    string         `json:"filed,omitempty"` // optional; else PROVENANCE.tsv, else the accession's year
	Notes    string         `json:"notes"`
	Items    []labelItem    `json:"items"`
	Exhibits []labelExhibit `json:"exhibits"`
	Signers  []labelSigner  `json:"signers"`
	name     string         // label file name
	filed    int            // filing year, 0 when unknown
}

// labelItem is one labelled item: its code and the first and last words
// of its text.
type labelItem struct {
	Code   string `json:"code"`
	Starts string `json:"starts"`
	Ends   string `json:"ends"`
}

// labelExhibit is one labelled exhibit row.
type labelExhibit struct {
	Number      string `json:"number"`
	Description string `json:"description"`
}

// labelSigner is one labelled signer.
type labelSigner struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	For   string `json:"for"`
}

// labelScore counts one group of labels (a family and era, or all).
type labelScore struct {
	docs                              int
	items, itemsRight, extraItems     int
	exhibits, exFound, falseRows, dup int
	signers, sFound, sTitle, sFor     int
}

// add adds o's counts to s.
func (s *labelScore) add(o labelScore) {
	s.docs += o.docs
	s.items += o.items
	s.itemsRight += o.itemsRight
	s.extraItems += o.extraItems
	s.exhibits += o.exhibits
	s.exFound += o.exFound
	s.falseRows += o.falseRows
	s.dup += o.dup
	s.signers += o.signers
	s.sFound += o.sFound
	s.sTitle += o.sTitle
	s.sFor += o.sFor
}

// TestLabels scores the parser against the hand labels of testdata/labels
// (run `go test -run TestLabels -v ./parser` for the table and every miss).
//
// Matching rules (texts compared by labelNormText: lower-case, only a-z0-9):
//   - item: RIGHT when a body item of the same code has a text that starts
//     with the label's "starts" and ends with its "ends". Body items whose
//     code no label item has are "extra" (only where items are labelled).
//   - exhibit: FOUND when an exhibit has the same number (labelNormExhibit)
//     and a matching description (labelDescMatch). Exhibits matching no
//     labelled row are "false rows"; a labelled row matched by several
//     exhibits counts once as "dup" (only where exhibits are labelled).
//     GRAPHIC and other non-EX documents are not labelled, never false.
//   - signer: FOUND when a signer has the same name (labelNormName); TITLE
//     right when its title equals the label's (labelNormText), FOR right
//     when its entity does (labelNormEntity). Percentages are of labelled
//     signers; several signers of one name are matched one to one
//     (labelScoreSigners: a parser row matches one label row at most).
func TestLabels(t *testing.T) {
	shared := sharedDir(t)
	labels := labelsRead(t)
	if len(labels) == 0 {
		t.Fatalf("no labels in testdata/labels")
	}
	filed := labelProvenanceFiled(t, filepath.Join(shared, "corpus", "PROVENANCE.tsv"))
	groups := map[string]*labelScore{}
	var total labelScore
	var misses []string
	for i := range labels {
		l := &labels[i]
		l.filed = labelYear(l, filed)
		data, err := os.ReadFile(filepath.Join(shared, "corpus", l.File))
		if err != nil {
			t.Errorf("%s: labelled file: %v", l.name, err)
			continue
		}
		f, err := Parse(filepath.Join(shared, "corpus", l.File), data)
		if err != nil {
			t.Errorf("%s: parse: %v", l.File, err)
			continue
		}
		s, m := labelScoreDoc(l, f)
		misses = append(misses, m...)
		key := labelFamily(l.FormType) + " " + labelEra(l.filed)
		if groups[key] == nil {
			groups[key] = &labelScore{}
		}
		groups[key].add(s)
		total.add(s)
	}
	labelLogScores(t, groups, total)
	for _, m := range misses {
		t.Log(m)
	}
	labelCheckThresholds(t, total)
}

// labelCheckThresholds fails the test when a total falls under its threshold.
func labelCheckThresholds(t *testing.T, s labelScore) {
	t.Helper()
	check := func(what string, n, d int, min float64) {
		if d > 0 && labelPct(n, d) < min {
			t.Errorf("%s: %.1f%% (%d of %d), threshold %.1f%%", what, labelPct(n, d), n, d, min)
		}
	}
	check("items right", s.itemsRight, s.items, minItemsRightPct)
	check("exhibits found", s.exFound, s.exhibits, minExhibitsFoundPct)
	check("signers found", s.sFound, s.signers, minSignersFoundPct)
	check("signer title right", s.sTitle, s.signers, minSignerTitlePct)
	check("signer for right", s.sFor, s.signers, minSignerForPct)
	if s.falseRows > maxFalseExhibitRows {
		t.Errorf("false exhibit rows: %d, at most %d allowed", s.falseRows, maxFalseExhibitRows)
	}
}

// labelPct is n of d as a percentage (100 when d is 0).
func labelPct(n, d int) float64 {
	if d == 0 {
		return 100
	}
	return 100 * float64(n) / float64(d)
}

// labelLogScores prints one row per family and era and a total row.
func labelLogScores(t *testing.T, groups map[string]*labelScore, total labelScore) {
	t.Helper()
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-22s %4s  %-16s %5s  %-16s %5s %4s  %-16s %-16s %-16s\n",
		"family / era", "docs", "items right", "extra", "exhibits found", "false", "dup", "signers found", "title right", "for right")
	row := func(name string, s labelScore) {
		f := func(n, d int) string { return fmt.Sprintf("%d/%d %5.1f%%", n, d, labelPct(n, d)) }
		fmt.Fprintf(&b, "%-22s %4d  %-16s %5d  %-16s %5d %4d  %-16s %-16s %-16s\n", name, s.docs,
			f(s.itemsRight, s.items), s.extraItems, f(s.exFound, s.exhibits), s.falseRows, s.dup,
			f(s.sFound, s.signers), f(s.sTitle, s.signers), f(s.sFor, s.signers))
	}
	for _, k := range keys {
		row(k, *groups[k])
	}
	row("all", total)
	t.Log(b.String())
}

// labelScoreDoc scores one labelled document and describes every miss.
func labelScoreDoc(l *label, f *Filing) (labelScore, []string) {
	s := labelScore{docs: 1}
	var misses []string
	miss := func(kind, format string, args ...any) {
		misses = append(misses, fmt.Sprintf("MISS %-7s %s: %s", kind, l.File, fmt.Sprintf(format, args...)))
	}
	if l.Items != nil {
		labelScoreItems(l, f, &s, miss)
	}
	if l.Exhibits != nil {
		labelScoreExhibits(l, f, &s, miss)
	}
	if l.Signers != nil {
		labelScoreSigners(l, f, &s, miss)
	}
	return s, misses
}

// labelScoreItems scores a document's labelled items and counts extra
// body items.
func labelScoreItems(l *label, f *Filing, s *labelScore, miss func(kind, format string, args ...any)) {
	labelled := map[string]bool{}
	for _, li := range l.Items {
		code := labelItemCode(li.Code, l.FormType, l.filed)
		labelled[code] = true
		s.items++
		var got []string
		ok := false
		for _, it := range f.Items {
			if it.Source != "body" || it.Code != code {
				continue
			}
			if labelItemMatches(it.Text, li.Starts, li.Ends) {
				ok = true
			}
			got = append(got, labelClip(it.Text))
		}
		if ok {
			s.itemsRight++
			continue
		}
		if got == nil {
			got = []string{"no body item " + code}
		}
		miss("item", "%s want starts %q ends %q; got %s", code, li.Starts, li.Ends, strings.Join(got, " | "))
	}
	for _, it := range f.Items {
		if it.Source == "body" && !labelled[it.Code] {
			s.extraItems++
			miss("x-item", "extra body item %s (%q): %s", it.Code, it.NumberAsFiled, labelClip(it.Text))
		}
	}
}

// labelScoreExhibits scores a document's labelled exhibit rows and counts
// false and duplicate rows.
func labelScoreExhibits(l *label, f *Filing, s *labelScore, miss func(kind, format string, args ...any)) {
	used := make([]int, len(f.Exhibits))
	for _, le := range l.Exhibits {
		s.exhibits++
		n := 0
		for j, e := range f.Exhibits {
			if labelExhibitMatches(e.Number, e.Description, le.Number, le.Description) {
				used[j]++
				n++
			}
		}
		if n > 0 {
			s.exFound++
			if n > 1 {
				s.dup++
				miss("ex-dup", "%s %q matched by %d exhibits", le.Number, le.Description, n)
			}
			continue
		}
		var same []string
		for _, e := range f.Exhibits {
			if labelNormExhibit(e.Number) == labelNormExhibit(le.Number) {
				same = append(same, fmt.Sprintf("%q", e.Description))
			}
		}
		if same == nil {
			same = []string{"no exhibit " + le.Number}
		}
		miss("exhibit", "%s want %q; got %s", le.Number, le.Description, strings.Join(same, ", "))
	}
	for j, e := range f.Exhibits {
		if used[j] == 0 && labelScoredExhibit(e) {
			s.falseRows++
			miss("ex-false", "row %q %q (type %q) matches no labelled row", e.Number, e.Description, e.Type)
		}
	}
}

// labelScoreSigners scores a document's labelled signers: found, title
// and "for" right.
func labelScoreSigners(l *label, f *Filing, s *labelScore, miss func(kind, format string, args ...any)) {
	used := make([]bool, len(f.Signers)) // each parser signer matches one label row at most
	for _, ls := range l.Signers {
		s.signers++
		best, bestScore := -1, -1
		for i, g := range f.Signers {
			if used[i] || labelNormName(g.Name) != labelNormName(ls.Name) {
				continue
			}
			score := 0
			if labelNormText(g.Title) == labelNormText(ls.Title) {
				score += 2
			}
			if labelNormEntity(g.For) == labelNormEntity(ls.For) {
				score++
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			var names []string
			for _, g := range f.Signers {
				names = append(names, fmt.Sprintf("%q", g.Name))
			}
			miss("signer", "%q (%q for %q) not found (or found fewer times than labelled); signers %s", ls.Name, ls.Title, ls.For, strings.Join(names, ", "))
			continue
		}
		used[best] = true
		g := f.Signers[best]
		s.sFound++
		if labelNormText(g.Title) == labelNormText(ls.Title) {
			s.sTitle++
		} else {
			miss("title", "%q want title %q; got %q", ls.Name, ls.Title, g.Title)
		}
		if labelNormEntity(g.For) == labelNormEntity(ls.For) {
			s.sFor++
		} else {
			miss("for", "%q want for %q; got %q", ls.Name, ls.For, g.For)
		}
	}
}

// labelScoredExhibit reports whether an unmatched parser exhibit counts
// as a false row: index rows and EX-* documents do; GRAPHIC, ZIP, XML and
// other non-EX documents, which labels do not list, do not.
func labelScoredExhibit(e Exhibit) bool {
	return e.Type == "" || strings.HasPrefix(strings.ToUpper(e.Type), "EX-")
}

// labelClip shortens an item text to its first and last words for a miss line.
func labelClip(s string) string {
	f := strings.Fields(s)
	if len(f) <= 24 {
		return fmt.Sprintf("%q", strings.Join(f, " "))
	}
	return fmt.Sprintf("%q … %q", strings.Join(f[:12], " "), strings.Join(f[len(f)-12:], " "))
}

// labelNormText keeps the lower-cased letters and digits of s, dropping
// everything else (spaces, punctuation, markup remnants).
func labelNormText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// labelItemMatches reports whether an item text starts with starts and ends
// with ends, compared as labelNormText.
func labelItemMatches(text, starts, ends string) bool {
	n := labelNormText(text)
	return strings.HasPrefix(n, labelNormText(starts)) && strings.HasSuffix(n, labelNormText(ends))
}

var (
	labelExPrefixRe = regexp.MustCompile(`^(?:exhibit|exh|ex)(?:\s*(?:no|number)\b)?[\s.:#-]*`)
	labelZerosRe    = regexp.MustCompile(`(^|\.)0+(\d)`)
)

// labelNormExhibit normalizes an exhibit number: lower-case; an
// "Exhibit", "Exh", "Ex-" or "Exhibit No." prefix dropped; only letters,
// digits, dots and parentheses kept; a trailing dot and a dot before "("
// dropped; leading zeros of each dotted part dropped ("EX-99.01" → "99.1",
// "EX-4.(F)" → "4(f)").
func labelNormExhibit(s string) string {
	s = labelExPrefixRe.ReplaceAllString(strings.ToLower(strings.TrimSpace(s)), "")
	var b strings.Builder
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '.' || r == '(' || r == ')' {
			b.WriteRune(r)
		}
	}
	s = strings.ReplaceAll(strings.TrimSuffix(b.String(), "."), ".(", "(")
	return labelZerosRe.ReplaceAllString(s, "$1$2")
}

var labelWordRe = regexp.MustCompile(`[a-z0-9]+`)

// labelDescMatch reports whether a parser exhibit description got matches a
// labelled one want: their labelNormText contain one another (a non-empty got;
// an empty want matches anything), or at least 80% of want's words occur
// in got.
func labelDescMatch(got, want string) bool {
	g, w := labelNormText(got), labelNormText(want)
	if w == "" {
		return true
	}
	if g == "" {
		return false
	}
	if strings.Contains(g, w) || strings.Contains(w, g) {
		return true
	}
	gw := map[string]bool{}
	for _, x := range labelWordRe.FindAllString(strings.ToLower(got), -1) {
		gw[x] = true
	}
	ww := labelWordRe.FindAllString(strings.ToLower(want), -1)
	hit := 0
	for _, x := range ww {
		if gw[x] {
			hit++
		}
	}
	return len(ww) > 0 && float64(hit) >= 0.8*float64(len(ww))
}

// labelExhibitMatches reports whether a parser exhibit (number, description)
// is a labelled row.
func labelExhibitMatches(num, desc, wantNum, wantDesc string) bool {
	return labelNormExhibit(num) == labelNormExhibit(wantNum) && labelDescMatch(desc, wantDesc)
}

var labelSignedRe = regexp.MustCompile(`(?i)^\s*(?:/s/|\*|by:?\s)\s*`)

// labelNormName is labelNormText of a signer's name without a leading "/s/", "*" or
// "By:".
func labelNormName(s string) string {
	return labelNormText(labelSignedRe.ReplaceAllString(s, ""))
}

var (
	labelStateRe    = regexp.MustCompile(`/[a-z]{2,3}/?\s*$`)
	labelEntityStop = map[string]bool{"the": true, "inc": true, "incorporated": true, "corp": true, "corporation": true,
		"co": true, "company": true, "ltd": true, "limited": true, "llc": true, "lp": true, "l": true, "p": true, "plc": true}
)

// labelNormEntity normalizes an entity name for the "for" comparison: lower-
// case words, EDGAR's trailing "/DE/" state tag and legal-form words (Inc,
// Corp, Co, Ltd, LLC, L.P., PLC, The) dropped, so "ACME CORP /DE/" and
// "Acme Corporation" are the same entity.
func labelNormEntity(s string) string {
	s = labelStateRe.ReplaceAllString(strings.ToLower(strings.TrimSpace(s)), "")
	var b strings.Builder
	for _, w := range labelWordRe.FindAllString(s, -1) {
		if !labelEntityStop[w] {
			b.WriteString(w)
		}
	}
	return b.String()
}

// legacyLabelCodes maps a legacy 8-K item number (before 23 Aug 2004) to
// its modern code, so a label may give either; it is the SEC's table,
// written here independently of the parser's.
var legacyLabelCodes = map[string]string{"1": "5.01", "2": "2.01", "3": "1.03", "4": "4.01", "5": "8.01",
	"6": "5.02", "7": "9.01", "8": "5.03", "9": "7.01", "10": "5.05", "11": "5.04", "12": "2.02"}

// labelItemCode returns the parser code of a labelled item code: a legacy
// 8-K number of a filing of 2004 or before is mapped to its modern code.
func labelItemCode(code, form string, year int) string {
	code = strings.TrimSpace(code)
	if c, ok := legacyLabelCodes[code]; ok && labelFamily(form) != "10-K/10-Q" && year > 0 && year <= 2004 {
		return c
	}
	return code
}

// labelFamily is the family a label is reported under.
func labelFamily(form string) string {
	u := strings.ToUpper(form)
	if strings.HasPrefix(u, "10-K") || strings.HasPrefix(u, "10-Q") {
		return "10-K/10-Q"
	}
	return u
}

// labelEra is the era a filing year is reported under.
func labelEra(year int) string {
	switch {
	case year == 0:
		return "unknown"
	case year < 2001:
		return "before 2001"
	case year <= 2008:
		return "2001-2008"
	}
	return "2009+"
}

var labelAccYearRe = regexp.MustCompile(`\d{10}-(\d{2})-\d{6}`)

// labelYear is a label's filing year: its own "filed", else the filed
// column of PROVENANCE.tsv, else the two-digit year of the accession
// number in the file name.
func labelYear(l *label, filed map[string]string) int {
	for _, d := range []string{l.Filed, filed[l.File]} {
		if len(d) >= 4 {
			if y, err := strconv.Atoi(d[:4]); err == nil {
				return y
			}
		}
	}
	if m := labelAccYearRe.FindStringSubmatch(filepath.Base(l.File)); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y < 50 {
			return 2000 + y
		}
		return 1900 + y
	}
	return 0
}

// labelProvenanceFiled reads the file → filed columns of PROVENANCE.tsv.
func labelProvenanceFiled(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatalf("provenance: %v", err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	col := -1
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if col < 0 {
			for i, h := range f {
				if h == "filed" {
					col = i
				}
			}
			if col < 0 {
				t.Fatalf("provenance: no filed column in %s", path)
			}
			continue
		}
		if len(f) > col {
			out[f[0]] = f[col]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("provenance: %v", err)
	}
	return out
}

// labelsRead reads every testdata/labels/*.json of the module.
func labelsRead(t *testing.T) []label {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(labelModuleRoot(t), "testdata", "labels", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []label
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var l label
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
			continue
		}
		l.name = filepath.Base(path)
		if want := filepath.Base(l.File) + ".json"; l.name != want {
			t.Errorf("%s: label of %s should be named %s", l.name, l.File, want)
		}
		out = append(out, l)
	}
	return out
}

// labelModuleRoot is the folder holding go.mod above the test's directory.
func labelModuleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// TestLabelMatchers pins the scorer's normalization and matching rules.
func TestLabelMatchers(t *testing.T) {
	if got := labelNormText("  The Company's <b>Q1</b>\n results - 2.02 "); got != "thecompanysbq1bresults202" {
		t.Errorf("labelNormText = %q", got)
	}
	if !labelItemMatches("On April 26, 2016, Acme\nissued a press release.  The information is furnished.",
		"On April 26, 2016, ACME issued", "information is furnished.") {
		t.Errorf("labelItemMatches: a matching text is rejected")
	}
	if labelItemMatches("On April 26 Acme issued a release. SIGNATURES Pursuant to", "On April 26", "issued a release.") {
		t.Errorf("labelItemMatches: a text running into the signature is accepted")
	}
	for in, want := range map[string]string{"EX-99.1": "99.1", "Exhibit 99.01": "99.1", "99.": "99", " 10.3 ": "10.3",
		"Exhibit No. 23": "23", "EX-23.(D)": "23(d)", "4(f)": "4(f)", "10(a)": "10(a)", "EXHIBIT 4": "4", "101.INS": "101.ins"} {
		if got := labelNormExhibit(in); got != want {
			t.Errorf("labelNormExhibit(%q) = %q, want %q", in, got, want)
		}
	}
	if !labelDescMatch("Press Release, dated April 26, 2016", "Press release dated April 26, 2016") ||
		!labelDescMatch("Press release of Acme Corp. dated April 26, 2016 announcing results", "Press release dated April 26, 2016") ||
		labelDescMatch("", "Press release") || !labelDescMatch("anything", "") ||
		labelDescMatch("Underwriting Agreement", "Press release dated April 26, 2016") {
		t.Errorf("labelDescMatch rules broken")
	}
	if !labelExhibitMatches("EX-99.1", "Press release", "99.1", "press release.") || labelExhibitMatches("99.2", "Press release", "99.1", "Press release") {
		t.Errorf("labelExhibitMatches rules broken")
	}
	if labelNormName("/s/ John Q. Smith") != labelNormName("JOHN Q. SMITH") {
		t.Errorf("labelNormName: /s/ prefix not dropped")
	}
	if labelNormEntity("ACME CORP /DE/") != labelNormEntity("Acme Corporation") || labelNormEntity("Acme Corp") == labelNormEntity("Acme Holdings Corp") {
		t.Errorf("labelNormEntity rules broken")
	}
	if labelItemCode("5", "8-K", 1997) != "8.01" || labelItemCode("5", "8-K", 2010) != "5" || labelItemCode("2.02", "8-K", 2010) != "2.02" || labelItemCode("5", "10-K", 1997) != "5" {
		t.Errorf("labelItemCode rules broken")
	}
	if labelEra(2000) != "before 2001" || labelEra(2001) != "2001-2008" || labelEra(2009) != "2009+" {
		t.Errorf("labelEra rules broken")
	}
	y := labelYear(&label{File: "primary/0001193125-14-242424-d740679d8k.htm"}, nil)
	if y != 2014 {
		t.Errorf("labelYear from the accession = %d", y)
	}
}
