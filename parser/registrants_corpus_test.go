package parser

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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
			if r.IRSNumber != "" && strings.Trim(digitsOnly(r.IRSNumber), "0") == "" {
				zeros++
				t.Errorf("%s: registrant %q keeps IRS number %q", filepath.Base(path), r.Name, r.IRSNumber)
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
