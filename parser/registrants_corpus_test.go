package parser

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/cover"
	"github.com/edgarload/edgarload/parser/internal/items"
)

// corpusFilings parses every corpus file that is a filing and calls fn
// with its path, bytes and result.
func corpusFilings(t *testing.T, fn func(path string, data []byte, f *Filing)) {
	t.Helper()
	root := filepath.Join(sharedDir(t), "corpus")
	for _, dir := range []string{"submissions", "feed", "headers", "primary", "exhibits", "index"} {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*"))
		for _, path := range files {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(path, data)
			if err != nil {
				continue
			}
			fn(path, data, f)
		}
	}
}

// zeroEINRe matches a header's "no EIN" placeholder, in either dialect.
var zeroEINRe = regexp.MustCompile(`(?m)(?:IRS NUMBER:|<IRS-NUMBER>)[ \t]*0+[ \t]*$`)

// TestCorpusNoZeroIRSNumber checks that EDGAR's "no EIN" placeholder
// 000000000 never survives as an IRS number, wherever it was read.
func TestCorpusNoZeroIRSNumber(t *testing.T) {
	placeholders, zeros, registrants := 0, 0, 0
	corpusFilings(t, func(path string, data []byte, f *Filing) {
		placeholders += len(zeroEINRe.FindAll(data, -1))
		for _, r := range f.Registrants {
			registrants++
			for _, irs := range []string{r.IRSNumber, r.CoverIRSNumber} {
				if irs != "" && strings.Trim(digitsOnly(irs), "0") == "" {
					zeros++
					t.Errorf("%s: registrant %q keeps IRS number %q", filepath.Base(path), r.Name, irs)
				}
			}
		}
	})
	t.Logf("zero EIN placeholders in the files: %d; registrants with an all-zero IRS number: %d of %d", placeholders, zeros, registrants)
	if placeholders == 0 {
		t.Errorf("no 000000000 placeholder in the corpus: the test checks nothing")
	}
}

// TestCorpusHeaderItemsKept checks that every item the header's ITEM
// INFORMATION names is among the filing's items, once, the ones the body
// lacks with source "header" and in the order of the item codes.
func TestCorpusHeaderItemsKept(t *testing.T) {
	var kept, fromHeader ratio
	corpusFilings(t, func(path string, _ []byte, f *Filing) {
		if len(f.ItemInformation) == 0 {
			return
		}
		name := filepath.Base(path)
		seen := map[string]bool{}
		for i, it := range f.Items {
			if seen[it.Code] {
				t.Errorf("%s: item %s twice", name, it.Code)
			}
			seen[it.Code] = true
			if it.Source != "header" || len(f.Items) == 1 {
				continue
			}
			if (i > 0 && compareItemCodes(f.Items[i-1].Code, it.Code) > 0) || (i+1 < len(f.Items) && compareItemCodes(it.Code, f.Items[i+1].Code) > 0) {
				t.Errorf("%s: header item %s out of code order in %v", name, it.Code, itemCodes(f.Items))
			}
		}
		filed := derefOr(f.FiledAt, derefOr(f.PeriodOfReport, ""))
		for _, h := range items.FromHeader(f.ItemInformation, f.FormType, filed) {
			kept.add(seen[h.Code])
			if !seen[h.Code] {
				t.Errorf("%s: header item %s missing from %v", name, h.Code, itemCodes(f.Items))
			}
		}
		for _, it := range f.Items {
			fromHeader.add(it.Source == "header")
		}
	})
	t.Logf("header items present: %v; items with source header: %v", kept, fromHeader)
	if kept.all == 0 {
		t.Errorf("no header items in the corpus: the test checks nothing")
	}
}

func itemCodes(its []Item) []string {
	out := make([]string, len(its))
	for i, it := range its {
		out[i] = it.Code + "/" + it.Source
	}
	return out
}

func TestMergeHeaderItems(t *testing.T) {
	body := []Item{{Code: "2.02", Source: "body"}, {Code: "9.01", Source: "body"}}
	header := []Item{{Code: "9.01"}, {Code: "7.01"}, {Code: "1.01"}, {Code: "7.01"}, {Code: "9.01"}}
	got := itemCodes(mergeHeaderItems(body, header))
	want := "1.01/ 2.02/body 7.01/ 9.01/body"
	if strings.Join(got, " ") != want {
		t.Errorf("merge = %v, want %s", got, want)
	}
	for _, c := range [][2]string{{"1", "1A"}, {"1A", "2"}, {"2.02", "2.3"}, {"2.3", "9.01"}, {"I-4", "II-5"}, {"II-9B", "III-10"}, {"III-14", "IV-15"}} {
		if compareItemCodes(c[0], c[1]) >= 0 || compareItemCodes(c[1], c[0]) <= 0 {
			t.Errorf("compareItemCodes(%s, %s) out of order", c[0], c[1])
		}
	}
}

// contactLineRe matches what a press release's contact block prints where
// a registrant's name would stand (kept apart from the cover reader's own
// pattern, so that the test does not restate the rule it checks).
var contactLineRe = regexp.MustCompile(`(?i)^(?:at the company|contacts?\b|investor relations|media (?:contact|relations)|company contact|for (?:further|more) information|about\s|board of directors)|:\s*$`)

// TestCorpusRegistrants checks, in one walk over the corpus, that every
// registrant of a combined (multi-registrant) cover page is among the
// filing's registrants, that cover facts are kept only where they differ
// from a header's value, and that no registrant is named by a contact line.
// It prints how many filings gain registrants from combined covers and how
// many cover facts differ.
func TestCorpusRegistrants(t *testing.T) {
	var multi, gained, gainedRegs, present, contactDocs, contactNames int
	facts := map[string]int{}
	withFacts := 0
	corpusFilings(t, func(path string, data []byte, f *Filing) {
		name := filepath.Base(path)
		text, err := ExtractText(path, data)
		if err != nil {
			return
		}
		if strings.Contains(text, "Contact") || strings.Contains(text, "At the Company") || strings.Contains(text, "Investor Relations") {
			contactDocs++
		}
		for _, r := range f.Registrants {
			if contactLineRe.MatchString(strings.TrimSpace(r.Name)) {
				contactNames++
				t.Errorf("%s: registrant named by a contact line: %q", name, r.Name)
			}
		}
		checkCoverFacts(t, name, f, facts, &withFacts)
		regs := cover.Extract(text).Registrants()
		if len(regs) < 2 || strings.HasPrefix(strings.ToUpper(f.FormType), "EX-") {
			return
		}
		multi++
		all := true
		for _, c := range regs {
			r := Registrant{Name: c.Name, FileNumber: c.FileNumber, IRSNumber: c.IRSNumber}
			if !matchesAny(f.Registrants, r) {
				all = false
				t.Errorf("%s: cover registrant %q (%s, %s) missing from %v", name, c.Name, c.FileNumber, c.IRSNumber, registrantNames(f))
			}
		}
		if all {
			present++
		}
		if f.Shape == ShapeHTML || f.Shape == ShapeText {
			// Without a header only the cover names them: all but the
			// first were lost when the cover kept one registrant.
			gained++
			gainedRegs += len(f.Registrants) - 1
		}
	})
	t.Logf("filings with a combined multi-registrant cover: %d, every cover registrant present in %d; bare documents gaining registrants: %d (+%d registrants)", multi, present, gained, gainedRegs)
	t.Logf("registrants with cover facts (cover differs from a stale header): %d; facts by field: %v", withFacts, facts)
	t.Logf("documents with contact-block words: %d; registrants named like a contact line: %d", contactDocs, contactNames)
	if multi == 0 || gained == 0 {
		t.Errorf("no combined cover in the corpus (or none without a header): the test checks nothing")
	}
	if withFacts == 0 {
		t.Errorf("no cover facts in the corpus: the test checks nothing")
	}
	if contactDocs == 0 {
		t.Errorf("no document with a contact block in the corpus: the test checks nothing")
	}
}

// checkCoverFacts checks that f's cover facts stand only where a header
// gave the registrant and differ from its values, and counts them.
func checkCoverFacts(t *testing.T, name string, f *Filing, facts map[string]int, withFacts *int) {
	t.Helper()
	for _, r := range f.Registrants {
		got := map[string][2]string{
			"name": {r.Name, r.CoverName}, "irs_number": {r.IRSNumber, r.CoverIRSNumber},
			"state_of_incorporation": {r.StateOfIncorporation, r.CoverStateOfIncorporation}, "file_number": {r.FileNumber, r.CoverFileNumber},
		}
		has := r.CoverAddress != nil
		if r.CoverAddress != nil {
			facts["address"]++
			if r.BusinessAddress == nil || !addressesDiffer(*r.BusinessAddress, *r.CoverAddress) {
				t.Errorf("%s: cover address %+v kept beside the same business address %+v", name, r.CoverAddress, r.BusinessAddress)
			}
		}
		for field, v := range got {
			if v[1] == "" {
				continue
			}
			has = true
			facts[field]++
			if v[0] == "" || strings.EqualFold(v[0], v[1]) {
				t.Errorf("%s: cover %s %q kept beside header value %q", name, field, v[1], v[0])
			}
		}
		if has {
			*withFacts++
			if f.Shape == ShapeHTML || f.Shape == ShapeText {
				t.Errorf("%s: cover facts on a filing without a header", name)
			}
		}
	}
}

func registrantNames(f *Filing) []string {
	var out []string
	for _, r := range f.Registrants {
		out = append(out, r.Name)
	}
	return out
}
