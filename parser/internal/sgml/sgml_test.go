package sgml

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func load(t *testing.T, name string) *Submission {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func eq(t *testing.T, what string, got, want any) {
	t.Helper()
	if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

func TestPEMLabels(t *testing.T) {
	for _, name := range []string{"pem_labels.txt", "crlf_labels.txt"} {
		t.Run(name, func(t *testing.T) {
			s := load(t, name)
			h := s.Header
			eq(t, "dialect", s.Dialect, DialectLabels)
			eq(t, "header only", s.HeaderOnly, false)
			eq(t, "accession", h.AccessionNumber, "0000950123-03-004321")
			eq(t, "type", h.SubmissionType, "8-K")
			eq(t, "count", h.DocumentCount, "3")
			eq(t, "period", h.Period, "20030410")
			eq(t, "filed", h.FilingDate, "20030414")
			eq(t, "change", h.DateOfChange, "20030415")
			eq(t, "accepted", h.AcceptanceDateTime, "20030414172501")
			eq(t, "titles", h.ItemInformation, []string{"Other events", "Financial statements and exhibits"})
			eq(t, "codes", len(h.Items), 0)
			if len(h.Parties) != 1 {
				t.Fatalf("parties = %d", len(h.Parties))
			}
			p := h.Parties[0]
			eq(t, "role", p.Role, "FILER")
			eq(t, "name", p.Name, "QUILLFEATHER ROBOTICS INC")
			eq(t, "cik", p.CIK, "0000987654")
			eq(t, "sic", p.SIC, "GENERAL INDUSTRIAL MACHINERY & EQUIPMENT [3560]")
			eq(t, "irs", p.IRSNumber, "943219876")
			eq(t, "state", p.StateOfIncorporation, "DE")
			eq(t, "fye", p.FiscalYearEnd, "0630")
			eq(t, "form", p.FormType, "8-K")
			eq(t, "act", p.Act, "1934 Act")
			eq(t, "file", p.FileNumber, "000-31337")
			eq(t, "film", p.FilmNumber, "03651234")
			eq(t, "business", p.Business, Address{Street1: "400 LANTERN WAY", Street2: "ATT: LEGAL DEPT", City: "MILLBROOK", State: "OR", Zip: "97001", Phone: "5035550100"})
			eq(t, "mail", p.Mail, Address{Street1: "PO BOX 77", City: "MILLBROOK", State: "OR", Zip: "97001"})
			eq(t, "former", p.FormerNames, []FormerName{{"QUILLFEATHER AUTOMATION CORP", "19990301"}, {"QUILL TOOLS INC", "19950712"}})

			if len(s.Documents) != 3 {
				t.Fatalf("documents = %d", len(s.Documents))
			}
			d := s.Documents[0]
			eq(t, "doc type", d.Type, "8-K")
			eq(t, "doc seq", d.Sequence, "1")
			eq(t, "doc file", d.Filename, "d8k.txt")
			eq(t, "doc desc", d.Description, "FORM 8-K")
			nl := "\n"
			if strings.HasPrefix(name, "crlf") {
				nl = "\r\n"
			}
			if !bytes.HasPrefix(d.Text, []byte("<PAGE>   1"+nl)) || !bytes.HasSuffix(d.Text, []byte("new widget line.")) {
				t.Errorf("doc 1 text = %q", d.Text)
			}
			ex := s.Documents[1]
			if !bytes.Contains(ex.Text, []byte("stray </TEXT> tag")) || !bytes.HasSuffix(ex.Text, []byte("</HTML>")) {
				t.Errorf("a stray </TEXT> cut the exhibit: %q", ex.Text)
			}
			g := s.Documents[2]
			eq(t, "graphic binary", g.Binary, true)
			eq(t, "graphic text", g.Text == nil, true)
			eq(t, "graphic size", g.Size > 0, true)
		})
	}
}

func TestIMS1990s(t *testing.T) {
	s := load(t, "ims_1990s.txt")
	h := s.Header
	eq(t, "dialect", s.Dialect, DialectLabels)
	eq(t, "accession", h.AccessionNumber, "0000912345-94-000012")
	eq(t, "titles", h.ItemInformation, []string{"5"})
	eq(t, "accepted", h.AcceptanceDateTime, "")
	if len(h.Parties) != 1 {
		t.Fatalf("parties = %d", len(h.Parties))
	}
	p := h.Parties[0]
	eq(t, "sic", p.SIC, "2421")
	eq(t, "act", p.Act, "34")
	eq(t, "film", p.FilmNumber, "00000000")
	eq(t, "mail", p.Mail.IsZero(), true)
	eq(t, "docs", len(s.Documents), 1)
	eq(t, "filename", s.Documents[0].Filename, "")
	eq(t, "description", s.Documents[0].Description, "BRISTLECONE MILLS 8-K")
}

func TestTwoFilers(t *testing.T) {
	s := load(t, "two_filers.txt")
	h := s.Header
	eq(t, "effective", h.EffectivenessDate, "20230610")
	eq(t, "group", h.GroupMembers, []string{"HERON FUNDING LLC", "HERON HOLDINGS LP"})
	if len(h.Parties) != 2 {
		t.Fatalf("parties = %d", len(h.Parties))
	}
	a, b := h.Parties[0], h.Parties[1]
	eq(t, "ciks", []string{a.CIK, b.CIK}, []string{"0001777003", "0001777001"})
	eq(t, "roles", []string{a.Role, b.Role}, []string{"FILER", "FILER"})
	eq(t, "ein", a.IRSNumber, "000000000")
	eq(t, "org", a.OrganizationName, "Office of Structured Finance")
	eq(t, "former", a.FormerNames, []FormerName{{"Heron Card Trust", "20110101"}, {"Heron Card Trust", "20090101"}})
	eq(t, "b former", len(b.FormerNames), 0)
	eq(t, "b sic", b.SIC, "[]")
	eq(t, "b business", b.Business.IsZero(), true)
	eq(t, "b mail zip", b.Mail.Zip, "68102")
	d := s.Documents[0]
	eq(t, "wrapper", d.Wrapper, "XBRL")
	eq(t, "text", string(d.Text), "<html><body>Heron distribution report</body></html>")
}

func TestForm4ExplicitReportingOwner(t *testing.T) {
	s := load(t, "form4_1990s.txt")
	h := s.Header
	if len(h.Parties) != 2 {
		t.Fatalf("parties = %d", len(h.Parties))
	}
	sc, ro := h.Parties[0], h.Parties[1]
	eq(t, "roles", []string{sc.Role, ro.Role}, []string{"SUBJECT COMPANY", "REPORTING-OWNER"})
	eq(t, "subject act", sc.Act, "")
	eq(t, "owner name", ro.Name, "LARKSPUR JANE Q")
	eq(t, "owner cik", ro.CIK, "0001098765")
	eq(t, "owner sic", ro.SIC, "[]")
	eq(t, "relationship", ro.Relationship, "DIRECTOR")
	eq(t, "owner form", ro.FormType, "4")
	eq(t, "owner city", ro.Business.City, "MUNCIE")
	eq(t, "subject address", sc.Business.IsZero(), true)
}

func TestFeedOneLineBareCR(t *testing.T) {
	s := load(t, "feed_oneline.nc")
	h := s.Header
	eq(t, "dialect", s.Dialect, DialectTags)
	eq(t, "accession", h.AccessionNumber, "0001555555-25-000101")
	eq(t, "type", h.SubmissionType, "8-K")
	eq(t, "items", h.Items, []string{"5.02", "9.01"})
	eq(t, "filed", h.FilingDate, "20250108")
	if len(h.Parties) != 2 {
		t.Fatalf("parties = %d: %+v", len(h.Parties), h.Parties)
	}
	p := h.Parties[0]
	eq(t, "name", p.Name, "OSPREY & KESTREL ENERGY, INC.")
	eq(t, "org", p.OrganizationName, "07 Trade & Services")
	eq(t, "sic", p.SIC, "8711")
	eq(t, "film", p.FilmNumber, "25516001")
	eq(t, "phone", p.Business.Phone, "302-555-0108")
	eq(t, "former", p.FormerNames, []FormerName{{"OSPREY FACTOR, INC.", "20060920"}})
	eq(t, "issuing entity", h.Parties[1].Role, "ISSUING ENTITY")
	eq(t, "issuing cik", h.Parties[1].CIK, "0002000001")

	if len(s.Documents) != 3 {
		t.Fatalf("documents = %d", len(s.Documents))
	}
	d := s.Documents[0]
	eq(t, "meta", []string{d.Type, d.Sequence, d.Filename}, []string{"8-K", "1", "form8-k.htm"})
	eq(t, "wrapper", d.Wrapper, "XBRL")
	eq(t, "text", string(d.Text), "<?xml version='1.0' encoding='ASCII'?>\r<html><body>Item 5.02 Departure of Directors</body></html>")
	pdf := s.Documents[1]
	eq(t, "pdf", []any{pdf.Binary, pdf.Wrapper, pdf.Text == nil, pdf.Description}, []any{true, "PDF", true, "PRESS RELEASE (PDF)"})
	x := s.Documents[2]
	eq(t, "xml", []any{x.Wrapper, string(x.Text)}, []any{"XML", `<?xml version="1.0"?><schema/>`})
}

func TestHeaderOnly(t *testing.T) {
	s := load(t, "header.hdr.sgml")
	h := s.Header
	eq(t, "dialect", s.Dialect, DialectTags)
	eq(t, "header only", s.HeaderOnly, true)
	eq(t, "type", h.SubmissionType, "SC 13G")
	eq(t, "accepted", h.AcceptanceDateTime, "20220428063203")
	eq(t, "group", h.GroupMembers, []string{"WREN PARTNERS LP"})
	if len(h.Parties) != 2 {
		t.Fatalf("parties = %d", len(h.Parties))
	}
	eq(t, "roles", []string{h.Parties[0].Role, h.Parties[1].Role}, []string{"SUBJECT COMPANY", "FILED BY"})
	eq(t, "street2", h.Parties[0].Business.Street2, "SUITE 100")
	eq(t, "former", h.Parties[0].FormerNames, []FormerName{{"STARLING TRACTOR CO", "19860623"}})
	eq(t, "filed-by org", h.Parties[1].OrganizationName, "")
	eq(t, "filed-by mail", h.Parties[1].Mail.City, "NEW YORK")
	eq(t, "filed-by business", h.Parties[1].Business.IsZero(), true)
}

func TestIndexHeadersPage(t *testing.T) {
	s := load(t, "index-headers.html")
	h := s.Header
	eq(t, "dialect", s.Dialect, DialectTags)
	eq(t, "header only", s.HeaderOnly, true)
	eq(t, "docs", len(s.Documents), 0)
	eq(t, "items", h.Items, []string{"5.07"})
	eq(t, "titles", h.ItemInformation, []string{"Submission of Matters to a Vote of Security Holders"})
	if len(h.Parties) != 1 {
		t.Fatalf("parties = %d", len(h.Parties))
	}
	eq(t, "name", h.Parties[0].Name, "MAGPIE FLAVORS & SCENTS INC")

	pre := load(t, "index-headers-pre-only.html")
	eq(t, "pre dialect", pre.Dialect, DialectLabels)
	eq(t, "pre accession", pre.Header.AccessionNumber, "0001555555-24-000002")
	if len(pre.Header.Parties) != 1 {
		t.Fatalf("pre parties = %d", len(pre.Header.Parties))
	}
	eq(t, "pre name (unescaped)", pre.Header.Parties[0].Name, "MAGPIE FLAVORS & SCENTS INC")
}

func TestDocumentsOnly(t *testing.T) {
	s := load(t, "documents_only.txt")
	eq(t, "dialect", s.Dialect, "")
	eq(t, "header only", s.HeaderOnly, false)
	eq(t, "parties", len(s.Header.Parties), 0)
	if len(s.Documents) != 2 {
		t.Fatalf("documents = %d", len(s.Documents))
	}
	eq(t, "types", []string{s.Documents[0].Type, s.Documents[1].Type}, []string{"S-3/A", "EX-5"})
	if !bytes.Contains(s.Documents[0].Text, []byte("SANDPIPER HOLDINGS CORP")) {
		t.Errorf("text = %q", s.Documents[0].Text)
	}
	eq(t, "ex text", string(s.Documents[1].Text), "Opinion of counsel.")
}

func TestDocumentFragment(t *testing.T) {
	s := load(t, "document_fragment.htm")
	eq(t, "dialect", s.Dialect, "")
	eq(t, "header", s.Header.SubmissionType, "")
	if len(s.Documents) != 1 {
		t.Fatalf("documents = %d", len(s.Documents))
	}
	d := s.Documents[0]
	eq(t, "meta", []string{d.Type, d.Sequence, d.Filename}, []string{"EX-99.1", "2", "ex99-1.htm"})
	if !bytes.HasPrefix(d.Text, []byte("<HTML>")) || !bytes.HasSuffix(d.Text, []byte("</HTML>")) {
		t.Errorf("text = %q", d.Text)
	}
}

func TestTruncatedDocument(t *testing.T) {
	s, err := Parse([]byte("<SUBMISSION>\n<ACCESSION-NUMBER>0000732715-99-000042\n<TYPE>10-Q\n<DOCUMENT>\n<TYPE>10-Q\n<SEQUENCE>1\n<TEXT>\nQuarterly report cut sh"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Documents) != 1 {
		t.Fatalf("documents = %d", len(s.Documents))
	}
	d := s.Documents[0]
	eq(t, "unterminated", d.Unterminated, true)
	eq(t, "text", string(d.Text), "Quarterly report cut sh")
}

func TestNotSGML(t *testing.T) {
	for name, in := range map[string]string{
		"empty":          "",
		"spaces":         " \r\n\t ",
		"text":           "UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\n",
		"html":           "<html><body><p>Item 2.02 Results</p></body></html>",
		"binary":         "\x00\x01\x02\xff\xfe<\x00>",
		"pdf":            "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
		"empty document": "<DOCUMENT>\n</DOCUMENT>\n",
	} {
		s, err := Parse([]byte(in))
		if !errors.Is(err, ErrNotSGML) || s != nil {
			t.Errorf("%s: got %v, %v; want ErrNotSGML", name, s, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<DOCUMENT><TEXT>begin 644 x\n</TEXT>"))
	f.Add([]byte("<SEC-HEADER>\nFILER:\n<FORMER-COMPANY><DATE-CHANGED>1</FILER>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data)
		if err != nil {
			if !errors.Is(err, ErrNotSGML) || s != nil {
				t.Fatalf("error %v with submission %v", err, s)
			}
			return
		}
		for _, d := range s.Documents {
			if d.Binary && d.Text != nil {
				t.Fatal("binary document with text")
			}
		}
		if s.HeaderOnly && len(s.Documents) > 0 {
			t.Fatal("header-only with documents")
		}
		if s.Dialect == "" && (len(s.Documents) == 0 || len(s.Header.Parties) > 0 || s.Header.AccessionNumber != "") {
			t.Fatalf("no header but %d documents, %d parties", len(s.Documents), len(s.Header.Parties))
		}
		for _, d := range s.Documents {
			if len(d.Text) > d.Size {
				t.Fatalf("text %d bytes longer than body %d", len(d.Text), d.Size)
			}
		}
	})
}

// TestIndexTagMatchesIndex checks indexTag against bytes.Index from every
// offset of inputs dense in near misses.
func TestIndexTagMatchesIndex(t *testing.T) {
	inputs := []string{
		"", "<", "<DOCUMENT", "<DOCUMENT>", "x<DOCUMENT><DOCUMENT>", "<DOCUMEN<DOCUMENT>UU>",
		"a</TEXT</TEXT>X</TEXT>", "begin 644 d.pdf\nM1\nen\nend\n", "\nen\ne\nend", "XXXX</TEXTX>",
	}
	tags := []string{"<DOCUMENT>", "</DOCUMENT>", "</TEXT>", "\nend", "<TEXT>", "X", ""}
	for _, in := range inputs {
		for _, tag := range tags {
			for from := -1; from <= len(in)+1; from++ {
				want := -1
				if from >= 0 && from <= len(in) {
					if i := strings.Index(in[from:], tag); i >= 0 {
						want = from + i
					}
				}
				if got := indexTag([]byte(in), from, []byte(tag)); got != want {
					t.Errorf("indexTag(%q, %d, %q) = %d, want %d", in, from, tag, got, want)
				}
			}
		}
	}
}
