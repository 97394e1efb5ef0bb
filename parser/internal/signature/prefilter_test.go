package signature

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// samples returns the fixtures' lines and a few hand-made ones.
func samples(t *testing.T) []string {
	t.Helper()
	lines := []string{
		"SIGNATURES", " Signature(s):", "signature", "Pursuant to the requirements of the Securities Exchange Act of 1934,",
		"PURSUANT  TO THE\tREQUIREMENTS OF", "on this 18th day of February, 2009", "In accordance with the requirements of the Exchange Act,",
		"it meets all of the requirements for filing on Form 20-F", "1ST DAY OF MARCH 2010", "", "x",
	}
	for _, name := range []string{"acme-8k-multi.txt", "globex-10k.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	return lines
}

// TestPrefiltersAdmitEveryMatch checks that the cheap tests run before
// reHeading, reAnchor and reDayOf never reject a line they match.
func TestPrefiltersAdmitEveryMatch(t *testing.T) {
	checks := []struct {
		name string
		re   *regexp.Regexp
		word string
	}{
		{"reHeading", reHeading, "ignature"},
		{"reAnchor", reAnchor, "requirement"},
		{"reDayOf", reDayOf, "day"},
	}
	for _, l := range samples(t) {
		if (reAnchor.MatchString(l) || reCertify.MatchString(l)) && !mayAnchor(l) {
			t.Errorf("reAnchor or reCertify matches %q, which mayAnchor rejects", l)
		}
		for _, c := range checks {
			if c.re.MatchString(l) && !ascii.ContainsFold(l, c.word) {
				t.Errorf("%s matches %q, which lacks %q", c.name, l, c.word)
			}
			if ascii.ContainsFold(l, c.word) != strings.Contains(ascii.ToLower(l), c.word) {
				t.Errorf("containsFoldASCII and lowerASCII disagree on %q", l)
			}
		}
	}
}

// TestCandidateLines: candidateLines keeps exactly the lines holding one
// of its words in any ASCII case, and every line reHeading, reAnchor or
// reCausedThis matches.
func TestCandidateLines(t *testing.T) {
	lines := append(samples(t), "BECAUSE", "Signature-", "the REQUIREMENTS", "duly CAUSED this report")
	got := map[int]bool{}
	for _, i := range candidateLines(lines) {
		got[i] = true
	}
	for i, l := range lines {
		low := ascii.ToLower(l)
		want := strings.Contains(low, "ignature") || strings.Contains(low, "requirement") || strings.Contains(low, "cau")
		if got[i] != want {
			t.Errorf("line %q: candidate %v, want %v", l, got[i], want)
		}
		if (reHeading.MatchString(l) || reAnchor.MatchString(l) || reCausedThis.MatchString(l)) && !got[i] {
			t.Errorf("line %q matches a section regexp but is no candidate", l)
		}
	}
}

// TestCellPrefiltersMatchRegexps checks each prefiltered helper against
// the regexp it stands for, on every line and every cell of the samples.
func TestCellPrefiltersMatchRegexps(t *testing.T) {
	extra := []string{
		"*", "* By", "*by: x", "/s/", "By: /s/", "by /s/", "(signed) Jane", "ſignatures", "  SIGNATURE:", "III", "ii.", "- 3 -", "page 4",
		"Page", "12", " 7", "<S>", "<page>", "(Registrant)", "(ſignature)", "Acme Holdingſ", "ACME BANK", "Acme Corp. ,  ", "x  ,", ",",
		"Jane Doe*", "**", "Date: /s/ X", "a\tb  c   d", "\ta", "a\t", "a  ", "", "BY", "by  x", "Dated:", "bancshareſ.",
		strings.Repeat("x", 40) + " Incorporated.", strings.Repeat("é", 30) + "Corp", "xcorporation",
	}
	for _, l := range append(samples(t), extra...) {
		if got, want := splitCellSep(l), reCellSep.Split(l, -1); strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Errorf("splitCellSep(%q) = %q, want %q", l, got, want)
		}
		if reHeading.MatchString(l) && !mayHeading(l) {
			t.Errorf("mayHeading rejects %q", l)
		}
		for _, c := range append(splitCellSep(strings.TrimSpace(l)), l, strings.TrimSpace(l)) {
			checks := []struct {
				name      string
				got, want bool
			}{
				{"isNoise", isNoise(c), reNoise.MatchString(c)},
				{"isLabel", isLabel(c), reLabel.MatchString(c)},
				{"labelMatch", labelMatch(c) != nil, reLabel.MatchString(c)},
				{"starredMatch", starredMatch(c) != nil, reStarred.MatchString(c)},
				{"isPageNum", isPageNum(c), rePageNum.MatchString(c)},
				{"isTag", isTag(c), reTag.MatchString(c)},
				{"isSlashS", isSlashS(c), reSlashS.MatchString(c)},
				{"stripSlashS", stripSlashS(c) == reSlashS.ReplaceAllString(c, ""), true},
				{"bareByMatch", bareByMatch(c) != nil, reBareBy.MatchString(c)},
				{"isIgnored", isIgnored(c), reIgnore.MatchString(c)},
				{"isRegMark", isRegMark(c), reRegMark.MatchString(c)},
				{"starBy", starBy(c) == reStarBy.ReplaceAllString(c, "$1"), true},
				{"innerSlashS", innerSlashS(c) != nil, reInnerSlashS.MatchString(c)},
				{"isBareSlashS", isBareSlashS(c), reBareSlashS.MatchString(c)},
				{"isEntity", isEntity(c), reEntity.MatchString(strings.TrimSpace(c))},
			}
			for _, ch := range checks {
				if ch.got != ch.want {
					t.Errorf("%s(%q) = %v, want %v", ch.name, c, ch.got, ch.want)
				}
			}
		}
	}
}
