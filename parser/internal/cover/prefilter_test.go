package cover

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// prefilterSamples returns lines that exercise the prefilters: the fixtures'
// lines plus hand-made edge cases (odd spacing, case, non-ASCII).
func prefilterSamples(t *testing.T) []string {
	t.Helper()
	samples := []string{
		"", " ", "a", "a b", "a  b", " a b ", "a\tb c", "a \tb", "x \u00a0 y", "é  ü ö", "a\x80 b\xff",
		"a b  c d   e", "  lead", "trail  ", "a\fb c\rd", "a\vb  c",
		"Date of Report (Date of earliest event reported): July 29, 2004",
		"DATE OF REPORT", "EARLIEST EVENT REPORTED", "date  of\treport",
		"Commission File Number: 000-30229", "COMMISSION FILE NO. 1-1234", "commission file numbers 1-1234",
		"I.R.S. Employer Identification No. 04-3387074", "Employer Identification 12-3456789",
		"Registrant's telephone number, including area code: (978) 614-8100", "TELEPHONE NUMBER",
		"State of Incorporation: Delaware", "JURISDICTION OF INCORPORATION : Nevada",
		"ITEM 5. Other Events", "irs", "i.r.s.", "i. r. s", "xirs", "irsx", "i.r. s.", "i  rs", "iirs", "(i.r.s.", "i.r.ſ", "ir.s",
		"ſecurities and exchange commission", "For the fiscal year ended December 31, 2024", "FOR THE QUARTERLY PERIOD ENDING",
		"of incorporation)", "Number", "(I.R.S. Employer", "   item 2.01 Completion", "\titems 7:", "Itemize this",
	}
	for _, name := range []string{"acme-8k-columns.txt", "globex-8k-html.txt", "initech-8k-multi.txt", "vandelay-10k.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, strings.Split(string(b), "\n")...)
	}
	return samples
}

// TestSplitSpacesMatchesRegexp checks the hand-written splitSpaces against
// the regexp it replaces.
func TestSplitSpacesMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`\S+(?: \S+)*`)
	for _, s := range prefilterSamples(t) {
		var want [][2]int
		for _, m := range re.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := splitSpaces(s); !reflect.DeepEqual(got, want) {
			t.Errorf("splitSpaces(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPrefiltersAdmitEveryMatch checks that no prefilter rejects a line its
// regexp matches.
func TestPrefiltersAdmitEveryMatch(t *testing.T) {
	for _, s := range prefilterSamples(t) {
		checks := []struct {
			name     string
			admitted bool
			re       *regexp.Regexp
		}{
			{"reItem", startsWithItem(s), reItem},
			{"reDateLabel", mayBeDateLabel(s), reDateLabel},
			{"reInlineFile", strings.Contains(s, "-") && ascii.ContainsFold(s, "file"), reInlineFile},
			{"reInlineIRS", longestDigitRun(s) >= 7, reInlineIRS},
			{"reInlinePhone", ascii.ContainsFold(s, "telephone"), reInlinePhone},
			{"reInlineState", strings.Contains(s, ":") && ascii.ContainsFold(s, "incorporation"), reInlineState},
			{"rePhone", longestDigitRun(s) >= 3 || strings.Contains(s, "+"), rePhone},
			{"reIRS", longestDigitRun(s) >= 7, reIRS},
			{"reContinuation", mayContinue(strings.TrimSpace(s)), reContinuation},
			{"reCoverTitle", mayCoverTitle(s), reCoverTitle},
			{"rePeriod", mayPeriod(s), rePeriod},
		}
		if u := strings.ToLower(s); hasIRSWord(u) != reIRSWord.MatchString(u) {
			t.Errorf("hasIRSWord(%q) = %v, reIRSWord disagrees", u, hasIRSWord(u))
		}
		for _, c := range checks {
			if !c.admitted && c.re.MatchString(s) {
				t.Errorf("%s matches %q but its prefilter rejects it", c.name, s)
			}
		}
	}
}

// FuzzSplitSpaces compares splitSpaces with the regexp it replaces.
func FuzzSplitSpaces(f *testing.F) {
	f.Add("a b  c\td \u00a0e")
	re := regexp.MustCompile(`\S+(?: \S+)*`)
	f.Fuzz(func(t *testing.T, s string) {
		var want [][2]int
		for _, m := range re.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := splitSpaces(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitSpaces(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzIRSWord compares hasIRSWord with reIRSWord.
func FuzzIRSWord(f *testing.F) {
	f.Add("i.r.s. employer no.")
	f.Fuzz(func(t *testing.T, u string) {
		if hasIRSWord(u) != reIRSWord.MatchString(u) {
			t.Fatalf("hasIRSWord(%q) = %v, reIRSWord disagrees", u, hasIRSWord(u))
		}
	})
}

// TestPageFold checks that only the ASCII letters of "<PAGE>" upper-case
// to them, so that HasPrefixFold decides as strings.ToUpper did.
func TestPageFold(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if u := unicode.ToUpper(r); strings.ContainsRune("<PAGE>", u) && r != u && (r >= utf8.RuneSelf || !strings.ContainsRune("page", r)) {
			t.Errorf("%U upper-cases to %c", r, u)
		}
	}
	for _, s := range []string{"<PAGE>", "<page> 2", "<Page", "<PAGE", " <PAGE>", "<ſAGE>", "<PAGES>"} {
		if got, want := ascii.HasPrefixFold(s, "<page>"), strings.HasPrefix(strings.ToUpper(s), "<PAGE>"); got != want {
			t.Errorf("%q: HasPrefixFold = %v, ToUpper = %v", s, got, want)
		}
	}
}
