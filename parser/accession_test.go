package parser

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestAccessionFromPath(t *testing.T) {
	for path, want := range map[string]string{
		"sec-edgar-filings/AAPL/8-K/0000320193-24-000005/full-submission.txt":   "0000320193-24-000005",
		"sec-edgar-filings/AAPL/8-K/0000320193-24-000005/primary-document.html": "0000320193-24-000005",
		"edgar/data/320193/000032019324000005/aapl-20240201.htm":                "0000320193-24-000005",
		"edgar/data/320193/0000320193-24-000005.txt":                            "0000320193-24-000005",
		"RAW_FILINGS/8-K/320193_8K_2024_0000320193-24-000005.htm":               "0000320193-24-000005",
		"20240111.nc.tar.gz!0001398344-24-000491.nc":                            "0001398344-24-000491",
		"0000320193-24-000005-index.htm":                                        "0000320193-24-000005",
		// The file name wins over a folder.
		"0000000001-11-000001/0000000002-22-000002.txt": "0000000002-22-000002",
		// Not accessions: too few or too many digits, a CIK folder.
		"edgar/data/320193/d8k.htm":         "",
		"x/0000320193240000051/a.htm":       "",
		"x/00003201932400000/a.htm":         "",
		"x/10000320193-24-000005.txt":       "",
		"sonus-networks-8-K-2004-07-29.txt": "",
		"":                                  "",
	} {
		if got := AccessionFromPath(path); got != want {
			t.Errorf("AccessionFromPath(%q) = %q, want %q", path, got, want)
		}
	}
}

// A bare primary document takes the accession of its folder; a header's
// accession is never overridden by the path.
func TestParseTakesAccessionFromPath(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "filings", "quillfeather-instruments-8-K-2003-05-14.txt"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("sec-edgar-filings/QFI/8-K/0000999001-03-000042/primary-document.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if f.AccessionNumber == nil || *f.AccessionNumber != "0000999001-03-000042" || f.AccessionSource != AccessionInPath {
		t.Errorf("accession %v from %q", f.AccessionNumber, f.AccessionSource)
	}
	sub, err := os.ReadFile(filepath.Join("..", "testdata", "filings", "0000999001-24-000012.txt"))
	if err != nil {
		t.Fatal(err)
	}
	f, err = Parse("0000000001-11-000001/full-submission.txt", sub)
	if err != nil {
		t.Fatal(err)
	}
	if *f.AccessionNumber != "0000999001-24-000012" || f.AccessionSource != AccessionInHeader {
		t.Errorf("header accession lost: %v from %q", *f.AccessionNumber, f.AccessionSource)
	}
}

// Files that travel with filings are rejected as what they are.
func TestNotFilingReasons(t *testing.T) {
	dir := sharedDir(t)
	for pattern, want := range map[string]string{
		"corpus/json/CIK*.json":            "EDGAR JSON",
		"corpus/json/company_tickers.json": "EDGAR JSON",
		"corpus/json/*-index.json":         "directory listing",
		"corpus/meta/*.csv":                "CSV",
		"corpus/labels/*.json":             "JSON",
		"corpus/index/*.idx*":              "EDGAR index file",
	} {
		files, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(files) == 0 {
			t.Fatalf("no files match %s", pattern)
		}
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Parse(p, data)
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), p) {
				t.Errorf("%s: error %v, want one naming the file and saying %q", p, err, want)
			}
		}
	}
}

// Every EDGAR filing-index page of the corpus loads as header facts: the
// accession of its file name, and, where the corpus has the complete
// submission too, the same form, dates, document count and parties as its
// SGML header.
func TestIndexPagesAgreeWithSubmissions(t *testing.T) {
	dir := sharedDir(t)
	pages, _ := filepath.Glob(filepath.Join(dir, "corpus", "index", "filing-index_*"))
	if len(pages) < 10 {
		t.Fatalf("only %d index pages", len(pages))
	}
	accRe := regexp.MustCompile(`\d{10}-\d{2}-\d{6}`)
	compared := 0
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(p, data)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if f.Shape != ShapeHeader || f.AccessionSource != AccessionInDocument || len(f.Signers) != 0 {
			t.Errorf("%s: shape %s, accession from %q, %d signers", p, f.Shape, f.AccessionSource, len(f.Signers))
		}
		for _, it := range f.Items {
			if it.Source != "header" || it.Text != "" {
				t.Errorf("%s: item %s from %s with text", p, it.Code, it.Source)
			}
		}
		if m := accRe.FindString(filepath.Base(p)); m != "" && (f.AccessionNumber == nil || *f.AccessionNumber != m) {
			t.Errorf("%s: accession %v, file name says %s", p, f.AccessionNumber, m)
		}
		if len(f.Registrants) == 0 || f.Registrants[0].CIK == nil || f.FiledAt == nil || len(f.Documents) == 0 {
			t.Errorf("%s: registrants %d, filed %v, documents %d", p, len(f.Registrants), f.FiledAt, len(f.Documents))
		}
		subs, _ := filepath.Glob(filepath.Join(dir, "corpus", "submissions", "*"+*f.AccessionNumber+".txt"))
		if len(subs) == 0 {
			continue
		}
		raw, err := os.ReadFile(subs[0])
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse(subs[0], raw)
		if err != nil {
			t.Fatal(err)
		}
		compared++
		check := func(field string, got, want any) {
			if got != want {
				t.Errorf("%s: %s = %v, submission header says %v", filepath.Base(p), field, got, want)
			}
		}
		check("form", f.FormType, s.FormType)
		check("filed", derefOr(f.FiledAt, ""), derefOr(s.FiledAt, ""))
		check("period", derefOr(f.PeriodOfReport, ""), derefOr(s.PeriodOfReport, ""))
		if *f.AcceptedAt != "" && !strings.HasSuffix(*f.AcceptedAt, "T00:00:00") {
			check("accepted", derefOr(f.AcceptedAt, ""), derefOr(s.AcceptedAt, ""))
		}
		if s.DocumentCount != nil {
			check("document count", *f.DocumentCount, *s.DocumentCount)
		}
		ciks := func(f *Filing) string {
			var out []string
			for _, r := range f.Registrants {
				if r.CIK != nil {
					out = append(out, r.Role+":"+itoa64(*r.CIK))
				}
			}
			sort.Strings(out)
			return strings.Join(out, ",")
		}
		check("parties", ciks(f), ciks(s))
		var codes, scodes []string
		for _, it := range f.Items {
			codes = append(codes, it.Code)
		}
		for _, it := range headerItems(s) {
			scodes = append(scodes, it.Code)
		}
		// EDGAR's index lists items that old headers leave out: every
		// header item must be on the page.
		for _, c := range scodes {
			if !slices.Contains(codes, c) {
				t.Errorf("%s: header item %s missing from the page's %v", filepath.Base(p), c, codes)
			}
		}
	}
	t.Logf("%d index pages parsed, %d compared with their complete submissions", len(pages), compared)
	if compared < 8 {
		t.Errorf("only %d index pages compared with a submission", compared)
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
