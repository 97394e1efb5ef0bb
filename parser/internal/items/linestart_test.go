package items

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lineChecks pairs each anchored line regexp with the start test run
// before it; the test must admit every line the regexp matches.
var lineChecks = []admitCheck{
	{"headingRe", headingRe, func(l string) bool { return startsOf(l).mayBe(l, "item") }},
	{"partRe", partRe, func(l string) bool { return startsOf(l).mayBe(l, "part") }},
	{"signatureRe", signatureRe, func(l string) bool { return startsS(l[startsOf(l).first:], "ignature") }},
	{"signSentenceRe", signSentenceRe, func(l string) bool { return strings.HasPrefix(strings.ToLower(l[startsOf(l).first:]), "pur") }},
	{"attorneyRe", attorneyRe, func(l string) bool {
		t := l[startsOf(l).first:]
		return strings.HasPrefix(strings.ToLower(t), "power") || startsS(t, "pecial")
	}},
	{"bannerRe", bannerRe, func(l string) bool { return startsS(l[startsOf(l).first:], "ection") }},
}

// admitCheck pairs a regexp with the cheap test run before it.
type admitCheck struct {
	name  string
	re    *regexp.Regexp
	admit func(line string) bool
}

// sampleLines returns extra lines, lines made up here and the lines of the
// test documents.
func sampleLines(t testing.TB, extra ...string) []string {
	lines := append([]string{
		"PART I", "\u2022\tPART\u00a0IV — OTHER", " \t\u00a0 Item 7", "-\t ITEM 2", "(a)\u00a0\tItem 1", "1234567\tItem 1",
		"123456\tItem 1", "\u00a0\u00a0SIGNATURES", "\u017fignature", "SECTION 8 — Other Events", "\u017fection 9. Exhibits",
		"Pursuant to the requirements of the Securities Exchange Act", "Special Power of Attorney", "POWERS OF ATTORNEY:",
		"\u017fpecial power of attorney", "\xc2\tItem 1", "\xff\xfe\tPart II", "\t\f\r Signatures.",
	}, extra...)
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
	return lines
}

// assertAdmitsEveryMatch fails for every line a check's regexp matches and
// its cheap test rejects, and for a check no line exercises.
func assertAdmitsEveryMatch(t *testing.T, lines []string, checks []admitCheck) {
	t.Helper()
	matched := map[string]int{}
	for _, l := range lines {
		for _, c := range checks {
			if c.re.MatchString(l) {
				matched[c.name]++
				if !c.admit(l) {
					t.Errorf("%s matches %q but its cheap test rejects it", c.name, l)
				}
			}
		}
	}
	for _, c := range checks {
		if matched[c.name] == 0 {
			t.Errorf("no sample line matches %s", c.name)
		}
	}
}

// TestLineStartAdmitsEveryMatch checks the start tests on sample lines.
func TestLineStartAdmitsEveryMatch(t *testing.T) {
	assertAdmitsEveryMatch(t, sampleLines(t), lineChecks)
}

// FuzzLineStart checks the start tests on arbitrary lines.
func FuzzLineStart(f *testing.F) {
	for _, l := range sampleLines(f)[:18] {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		l, _, _ = strings.Cut(l, "\n")
		for _, c := range lineChecks {
			if c.re.MatchString(l) && !c.admit(l) {
				t.Fatalf("%s matches %q but its start test rejects it", c.name, l)
			}
		}
	})
}

// TestFoldPartners checks the assumption of the start tests: of the ASCII
// letters only k and s have case forms outside ASCII, and s's is ſ.
func TestFoldPartners(t *testing.T) {
	for c := rune('a'); c <= 'z'; c++ {
		for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
			if r < utf8.RuneSelf {
				continue
			}
			if !(c == 'k' && r == '\u212a' || c == 's' && r == '\u017f') {
				t.Errorf("%c folds to %U", c, r)
			}
		}
	}
}

// checkTitleMatchers compares the title matchers with their regexps on s.
func checkTitleMatchers(t *testing.T, s string) {
	t.Helper()
	if got, want := endsInConnector(s), connectorRe.MatchString(s); got != want {
		t.Errorf("endsInConnector(%q) = %v, want %v", s, got, want)
	}
	if pageRefRe.MatchString(s) && !mayEndInPageRef(s) {
		t.Errorf("pageRefRe matches %q but mayEndInPageRef rejects it", s)
	}
	var want []string
	if m := titleItemRe.FindStringSubmatch(s); m != nil && utf8.RuneCountInString(s) <= maxCombinedTitle {
		want = m
	}
	if got := secondItem(s); strings.Join(got, "|") != strings.Join(want, "|") || (got == nil) != (want == nil) {
		t.Errorf("secondItem(%q) = %q, want %q", s, got, want)
	}
}

// titleSamples are titles the title matchers must get right.
var titleSamples = []string{
	"Business and", "Market for Registrant's Common Equity, ", "Controls and Procedures", "Security Ownership of",
	"Related Member Matters, and\u00a0 ", "Exhibits &", "Submission of Matters to a Vote of the", "Brand", "under",
	"é and", "\xe2\x80and", "Plan\xc2\xc2\xa0", "For", "in\t", "Properties\t\t12", "Risk Factors .... 14", "Legal  iv",
	"Business  A-1", "Controls  page 3 - 5", "Item 1 … 7\u00a0", "Business and Item 2. Properties", "Business & ITEM 2a",
	"Business and Item\u00a02 Properties", "x and item 15", "",
}

// TestTitleMatchers checks the title matchers on samples and fixture lines.
func TestTitleMatchers(t *testing.T) {
	for _, s := range append(append([]string{}, titleSamples...), sampleLines(t)...) {
		checkTitleMatchers(t, s)
	}
}

// FuzzTitleMatchers checks the title matchers on arbitrary titles.
func FuzzTitleMatchers(f *testing.F) {
	for _, s := range titleSamples {
		f.Add(s)
	}
	f.Fuzz(checkTitleMatchers)
}

// TestKnownWords checks that the words of a known title are those
// computed afresh, and isCode against building the code.
func TestKnownWords(t *testing.T) {
	for s, w := range knownWords {
		if got := splitWords(s); strings.Join(got, " ") != strings.Join(w, " ") {
			t.Errorf("knownWords[%q] = %q, want %q", s, w, got)
		}
	}
	for _, c := range [][3]string{{"I-1A", "I", "1A"}, {"II-1", "I", "1"}, {"I-1", "I", "1A"}, {"IV-14", "IV", "14"}, {"I1A", "I", "1A"}, {"", "", ""}} {
		if got, want := isCode(c[0], c[1], c[2]), c[0] == c[1]+"-"+c[2]; got != want {
			t.Errorf("isCode%q = %v, want %v", c, got, want)
		}
	}
}

// similarityMap is similarity as it was written, with a set.
func similarityMap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	set := map[string]int{}
	for _, w := range a {
		set[w] |= 1
	}
	for _, w := range b {
		set[w] |= 2
	}
	both := 0
	for _, v := range set {
		if v == 3 {
			both++
		}
	}
	return float64(both) / float64(len(set))
}

// FuzzSimilarity compares similarity with the set version.
func FuzzSimilarity(f *testing.F) {
	f.Add("results of operations and financial condition", "results operations financial financial")
	f.Fuzz(func(t *testing.T, a, b string) {
		wa, wb := strings.Fields(a), strings.Fields(b)
		if got, want := similarity(wa, wb), similarityMap(wa, wb); got != want {
			t.Fatalf("similarity(%q, %q) = %v, want %v", wa, wb, got, want)
		}
	})
}

// TestSimilarity compares similarity with the set version on the titles.
func TestSimilarity(t *testing.T) {
	var all [][]string
	for s := range knownWords {
		all = append(all, words(s))
	}
	all = append(all, []string{"a", "a", "b"}, []string{"b", "b"}, nil)
	for _, a := range all {
		for _, b := range all {
			if got, want := similarity(a, b), similarityMap(a, b); got != want {
				t.Fatalf("similarity(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
