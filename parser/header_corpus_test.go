package parser

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/codes"
	"github.com/edgarload/edgarload/parser/internal/sgml"
)

// The envelope corpora every file of which must parse.
var envelopeDirs = []string{"submissions", "feed", "headers"}

var (
	reAccessionInName = regexp.MustCompile(`\d{10}-\d{2}-\d{6}`)
	reScanTagCIK      = regexp.MustCompile(`<CIK>\s*(\d+)`)
	reScanLabelCIK    = regexp.MustCompile(`^\s*CENTRAL INDEX KEY:\s*(\d+)`)
	reScanDocument    = regexp.MustCompile(`^\s*(<|&lt;)DOCUMENT(>|&gt;)`)
	reScanItemTitle   = regexp.MustCompile(`^ITEM INFORMATION:\s*\S`)
	reScanItemCode    = regexp.MustCompile(`<ITEMS>\s*\S`)
	reScanFormerTag   = regexp.MustCompile(`<FORMER-CONFORMED-NAME>\s*\S`)
	reScanFormerLabel = regexp.MustCompile(`^\s*FORMER CONFORMED NAME:\s*\S`)
)

// provenance is one row of corpus/PROVENANCE.tsv.
type provenance struct{ form, filed string }

func readProvenance(t *testing.T, corpus string) map[string]provenance {
	t.Helper()
	fh, err := os.Open(filepath.Join(corpus, "PROVENANCE.tsv"))
	if err != nil {
		t.Fatalf("provenance: %v", err)
	}
	defer fh.Close()
	out := map[string]provenance{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 6 {
			continue
		}
		out[cols[0]] = provenance{form: strings.TrimSpace(cols[4]), filed: strings.TrimSpace(cols[5])}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("provenance: %v", err)
	}
	return out
}

// headerScan is what a plain line scan of a raw file finds.
type headerScan struct {
	ciks            []string // CIK lines, in order
	docs            int      // <DOCUMENT> lines
	titles, codes   int      // non-empty ITEM INFORMATION lines, <ITEMS> values
	formerNames     int      // non-empty former-name lines
	tagged, labeled bool     // which dialect the CIK lines came from
}

// scanHeader is the independent evidence: a plain line scan of the raw
// file, up to the first <DOCUMENT> line, for CIK, item and former-name
// lines. Tag lines win when there are any (an -index-headers page repeats
// the header as escaped labels in its <PRE>).
func scanHeader(data []byte) headerScan {
	var sc headerScan
	var tagged, labelled []string
	var formerTag, formerLabel int
	inHeader := true
	for _, line := range bytes.FieldsFunc(data, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if reScanDocument.Match(line) {
			inHeader = false
			if bytes.HasPrefix(bytes.TrimSpace(line), []byte("<")) {
				sc.docs++
			}
			continue
		}
		if !inHeader {
			continue
		}
		if reScanItemTitle.Match(line) {
			sc.titles++
		}
		if reScanItemCode.Match(line) {
			sc.codes++
		}
		if reScanFormerTag.Match(line) {
			formerTag++
		}
		if reScanFormerLabel.Match(line) {
			formerLabel++
		}
		if m := reScanTagCIK.FindSubmatch(line); m != nil {
			tagged = append(tagged, string(m[1]))
		}
		if m := reScanLabelCIK.FindSubmatch(line); m != nil {
			labelled = append(labelled, string(m[1]))
		}
	}
	sc.ciks, sc.formerNames = labelled, formerLabel
	if len(tagged) > 0 || formerTag > 0 {
		sc.ciks, sc.formerNames = tagged, formerTag
	}
	return sc
}

func TestHeaderCorpusAgreement(t *testing.T) {
	corpus := filepath.Join(sharedDir(t), "corpus")
	prov := readProvenance(t, corpus)

	type tally struct{ ok, all int }
	figures := map[string]*tally{}
	order := []string{}
	agree := func(measure string, ok bool, format string, args ...any) {
		f := figures[measure]
		if f == nil {
			f = &tally{}
			figures[measure] = f
			order = append(order, measure)
		}
		f.all++
		if ok {
			f.ok++
		} else {
			t.Errorf("%s: "+format, append([]any{measure}, args...)...)
		}
	}

	type parsed struct {
		rel, dialect string
		filing       Filing
	}
	byAccession := map[string][]parsed{}
	var files []string
	for _, dir := range envelopeDirs {
		matches, err := filepath.Glob(filepath.Join(corpus, dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	if len(files) == 0 {
		t.Fatalf("no corpus files under %s", corpus)
	}
	for _, path := range files {
		rel, _ := filepath.Rel(corpus, path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := sgml.Parse(data)
		agree("parse", err == nil, "%s: %v", rel, err)
		if err != nil {
			continue
		}
		h := &s.Header
		var f Filing
		applySubmissionHeader(&f, h)

		if acc := reAccessionInName.FindString(filepath.Base(path)); acc != "" {
			if s.Dialect == "" {
				// Documents only: the header was stripped, nothing to compare.
				agree("no-header files have no parties", len(h.Parties) == 0, "%s", rel)
			} else {
				agree("accession = file name", h.AccessionNumber == acc, "%s: %q", rel, h.AccessionNumber)
				agree("filing.accession_number = file name", f.AccessionNumber != nil && *f.AccessionNumber == acc, "%s", rel)
			}
		}

		if p, ok := prov[rel]; ok {
			if p.form != "" {
				got := h.SubmissionType
				if s.Dialect == "" && len(s.Documents) > 0 {
					got = s.Documents[0].Type // no header: the primary document's type
				}
				// PROVENANCE.tsv cut one form type at its first space
				// ("SC" for "SC TO-T/A"); accept that prefix and count it.
				exact := got == p.form
				prefix := !exact && strings.Fields(got + " x")[0] == p.form && strings.Contains(got, " ")
				agree("form type = PROVENANCE", exact || prefix, "%s: got %q want %q", rel, got, p.form)
				if prefix {
					t.Logf("%s: PROVENANCE form %q is the first word of %q", rel, p.form, got)
				}
			}
			switch len(p.filed) {
			case 8:
				agree("filing date = PROVENANCE", h.FilingDate == p.filed, "%s: got %q want %q", rel, h.FilingDate, p.filed)
				want := codes.CompactDate(p.filed)
				agree("filing.filed_at = PROVENANCE", f.FiledAt != nil && *f.FiledAt == want, "%s", rel)
			case 4:
				agree("filing year = PROVENANCE", strings.HasPrefix(h.FilingDate, p.filed), "%s: got %q want year %q", rel, h.FilingDate, p.filed)
			}
		}

		scan := scanHeader(data)
		ciks := scan.ciks
		var got []string
		formers := 0
		for _, p := range h.Parties {
			got = append(got, p.CIK)
			formers += len(p.FormerNames)
		}
		agree("parties = CIK lines", len(h.Parties) == len(ciks), "%s: %d parties, %d CIK lines", rel, len(h.Parties), len(ciks))
		agree("party CIKs = CIK lines", fmt.Sprint(got) == fmt.Sprint(ciks), "%s: got %v want %v", rel, got, ciks)
		agree("documents = <DOCUMENT> lines", len(s.Documents) == scan.docs, "%s: %d documents, %d lines", rel, len(s.Documents), scan.docs)
		agree("item codes = <ITEMS> lines", len(h.Items) == scan.codes, "%s: %d, scan %d", rel, len(h.Items), scan.codes)
		agree("item titles = ITEM INFORMATION lines", len(h.ItemInformation) == scan.titles, "%s: %d, scan %d", rel, len(h.ItemInformation), scan.titles)
		agree("former names = former-name lines", formers == scan.formerNames, "%s: %d, scan %d", rel, formers, scan.formerNames)
		for _, d := range s.Documents {
			clean := !bytes.Contains(d.Text, []byte("</TEXT>")) && !bytes.Contains(d.Text, []byte("</DOCUMENT>")) && !bytes.HasPrefix(d.Text, []byte("<TEXT>"))
			agree("document text holds no SGML wrapper", clean, "%s: document %s", rel, d.Sequence)
			agree("binary documents keep no text", !d.Binary || d.Text == nil, "%s: document %s", rel, d.Sequence)
		}

		// Registrants: the distinct CIKs of the scan, as integers.
		want := map[int64]bool{}
		for _, c := range ciks {
			n, _ := strconv.ParseInt(c, 10, 64)
			want[n] = true
		}
		have := map[int64]bool{}
		for _, r := range f.Registrants {
			if r.CIK != nil {
				have[*r.CIK] = true
			}
		}
		if acc := reAccessionInName.FindString(filepath.Base(path)); acc != "" && s.Dialect != "" {
			byAccession[acc] = append(byAccession[acc], parsed{rel, s.Dialect, f})
		}
		agree("registrant CIK set = CIK lines", fmt.Sprint(sortedKeys(have)) == fmt.Sprint(sortedKeys(want)), "%s: got %v want %v", rel, sortedKeys(have), sortedKeys(want))
	}
	// The same filing in both dialects (.txt labels and .nc / .hdr.sgml
	// tags) must give the same facts.
	for acc, group := range byAccession {
		for _, a := range group {
			for _, b := range group {
				if a.dialect != sgml.DialectLabels || b.dialect != sgml.DialectTags {
					continue
				}
				got, want := comparable(a.filing), comparable(b.filing)
				agree("labels = tags for the same filing", got == want, "%s (%s vs %s):\n%s\n%s", acc, a.rel, b.rel, got, want)
			}
		}
	}
	for _, m := range order {
		f := figures[m]
		t.Logf("%-40s %6.1f%% (%d/%d)", m, 100*float64(f.ok)/float64(f.all), f.ok, f.all)
	}
}

// comparable renders the header facts of f that both dialects carry. The
// SEC act is written "1934 Act" in labels and "34" in tags.
func comparable(f Filing) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%s|%s|%v|%d\n", derefOr(f.AccessionNumber, ""), f.FormType, derefOr(f.PeriodOfReport, ""),
		derefOr(f.FiledAt, ""), derefOr(f.DateOfChange, ""), derefOr(f.EffectivenessDate, ""), len(f.Registrants))
	for _, r := range f.Registrants {
		act := strings.TrimSuffix(r.SECAct, " Act")
		if len(act) == 4 {
			act = act[2:]
		}
		sic := 0
		if r.SIC != nil {
			sic = *r.SIC
		}
		fmt.Fprintf(&b, "%s|%d|%s|%d|%s|%s|%s|%s|%s|%s|%s|%s\n", r.Role, derefInt(r.CIK), r.Name, sic, r.IRSNumber,
			r.StateOfIncorporation, r.FiscalYearEnd, r.OrganizationName, r.FormType, act, r.FileNumber, r.FilmNumber)
		for _, a := range []*Address{r.BusinessAddress, r.MailAddress} {
			if a != nil {
				fmt.Fprintf(&b, "  %+v\n", *a)
			} else {
				b.WriteString("  -\n")
			}
		}
		for _, fn := range r.FormerNames {
			fmt.Fprintf(&b, "  former %s %s\n", fn.Name, derefOr(fn.ChangedOn, ""))
		}
	}
	return b.String()
}

func derefInt(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// TestBareDocumentsAreNotHeaders: primary documents and exhibits stored
// alone are either not SGML at all or headerless <DOCUMENT> blocks; none
// may be taken for a submission header.
func TestBareDocumentsAreNotHeaders(t *testing.T) {
	corpus := filepath.Join(sharedDir(t), "corpus")
	var files []string
	for _, dir := range []string{"primary", "exhibits"} {
		m, err := filepath.Glob(filepath.Join(corpus, dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	notSGML, blocks := 0, 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := sgml.Parse(data)
		switch {
		case errors.Is(err, sgml.ErrNotSGML):
			notSGML++
		case err != nil:
			t.Errorf("%s: %v", path, err)
		case s.Dialect != "" || len(s.Header.Parties) > 0 || len(s.Documents) == 0:
			t.Errorf("%s: taken for a submission (dialect %q, %d parties, %d documents)", path, s.Dialect, len(s.Header.Parties), len(s.Documents))
		default:
			blocks++
		}
	}
	t.Logf("%d bare files: %d not SGML, %d headerless <DOCUMENT> blocks", len(files), notSGML, blocks)
}

func sortedKeys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func TestApplySubmissionHeader(t *testing.T) {
	h := &sgml.Header{
		AccessionNumber:    "0000950123-24-000001",
		SubmissionType:     "8-K",
		Period:             "20240102",
		FilingDate:         "20240103",
		DateOfChange:       "00000000",
		AcceptanceDateTime: "20240103172530",
		DocumentCount:      "3",
		Items:              []string{"2.02", "9.01"},
		ItemInformation:    []string{"Results of Operations and Financial Condition"},
		Parties: []sgml.Party{
			{Role: "FILER", Name: "ACME WIDGETS INC", CIK: "0000123456", SIC: "PETROLEUM REFINING [2911]",
				IRSNumber: "000000000", StateOfIncorporation: "DE", FiscalYearEnd: "1231", Act: "1934 Act",
				Business:    sgml.Address{Street1: "1 MAIN ST", City: "DOVER", State: "DE", Zip: "19901"},
				FormerNames: []sgml.FormerName{{Name: "ACME CORP", DateChanged: "19990101"}, {Name: "ACME CORP", DateChanged: "19990101"}, {Name: "OLD ACME"}}},
			{Role: "FILER", Name: "ACME WIDGETS INC", CIK: "0000123456", SIC: "[]"},
			{Role: "SUBJECT COMPANY", Name: "TARGET CO", CIK: "77", SIC: "3571"},
			{Role: "SERIAL COMPANY", Name: "ACME TRUST 2024-1", CIK: "0000999999"},
			{Role: "REPORTING-OWNER", Name: "DOE JOHN", CIK: "bogus"},
		},
	}
	var f Filing
	applySubmissionHeader(&f, h)
	check := func(name string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("accession", derefOr(f.AccessionNumber, ""), "0000950123-24-000001")
	check("form", f.FormType, "8-K")
	check("period", derefOr(f.PeriodOfReport, ""), "2024-01-02")
	check("filed", derefOr(f.FiledAt, ""), "2024-01-03")
	check("change", f.DateOfChange == nil, true)
	check("accepted", derefOr(f.AcceptedAt, ""), "2024-01-03T17:25:30")
	check("count", *f.DocumentCount, 3)
	check("items", f.ItemInformation, []string{"2.02", "9.01"})
	if len(f.Registrants) != 4 {
		t.Fatalf("registrants = %d, want 4 (duplicate FILER dropped)", len(f.Registrants))
	}
	r := f.Registrants[0]
	check("role", r.Role, RoleFiler)
	check("cik", *r.CIK, 123456)
	check("sic", *r.SIC, 2911)
	check("business", r.BusinessAddress != nil && r.BusinessAddress.City == "DOVER", true)
	check("mail", r.MailAddress == nil, true)
	check("former", len(r.FormerNames), 2)
	check("former date", derefOr(r.FormerNames[0].ChangedOn, ""), "1999-01-01")
	check("former no date", r.FormerNames[1].ChangedOn == nil, true)
	check("subject role", f.Registrants[1].Role, RoleSubjectCompany)
	check("subject sic", *f.Registrants[1].SIC, 3571)
	check("subject cik", *f.Registrants[1].CIK, 77)
	check("serial role", f.Registrants[2].Role, "serial-company")
	check("owner cik", f.Registrants[3].CIK == nil, true)
	check("owner role", f.Registrants[3].Role, RoleReportingOwner)

	// Titles are used when there are no codes.
	var g Filing
	applySubmissionHeader(&g, &sgml.Header{ItemInformation: []string{"Other Events"}, AcceptanceDateTime: "2024010317253"})
	check("titles", g.ItemInformation, []string{"Other Events"})
	check("bad acceptance", g.AcceptedAt == nil, true)
	check("no sic", sicOf("[]") == nil, true)
}

func TestDocumentsOf(t *testing.T) {
	s := &sgml.Submission{Documents: []sgml.Document{
		{Type: "8-K", Sequence: "1", Filename: "a.htm", Description: "FORM 8-K", Text: []byte("hello")},
		{Type: "GRAPHIC", Sequence: "", Filename: "logo.jpg", Binary: true, Size: 900},
	}}
	docs := documentsOf(s)
	if len(docs) != 2 {
		t.Fatalf("documents = %d", len(docs))
	}
	if docs[0].Sequence == nil || *docs[0].Sequence != 1 || docs[0].Bytes != 5 || docs[0].Description != "FORM 8-K" {
		t.Errorf("doc 0 = %+v", docs[0])
	}
	if docs[1].Sequence != nil || docs[1].Bytes != 900 || docs[1].Type != "GRAPHIC" { // a binary payload: its raw size
		t.Errorf("doc 1 = %+v", docs[1])
	}
	if documentsOf(nil) != nil {
		t.Error("nil submission")
	}
	if _, err := sgml.Parse([]byte("just text")); !errors.Is(err, sgml.ErrNotSGML) {
		t.Errorf("plain text: err = %v", err)
	}
}
