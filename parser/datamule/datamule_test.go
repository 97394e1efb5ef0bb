package datamule_test

import (
	"archive/tar"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/edgarload/edgarload/parser"
	"github.com/edgarload/edgarload/parser/datamule"
	"github.com/edgarload/edgarload/parser/internal/corpus"
)

// readBundle returns the metadata and the decompressed documents of the
// corpus bundle.
func readBundle(t *testing.T) ([]byte, []datamule.Document) {
	t.Helper()
	f, err := os.Open(filepath.Join(corpus.Dir(t), "corpus", "archives", "000143774924000106.tar"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec, err := zstd.NewReader(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	var meta []byte
	var docs []datamule.Document
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if h.Name == datamule.MetadataName {
			meta = raw
			continue
		}
		data, err := dec.DecodeAll(raw, nil)
		if err != nil {
			t.Fatalf("%s: %v", h.Name, err)
		}
		docs = append(docs, datamule.Document{Name: h.Name, Data: data})
	}
	return meta, docs
}

func TestAssembleCorpusBundle(t *testing.T) {
	meta, docs := readBundle(t)
	sub, err := datamule.Assemble(meta, docs)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.Parse("bundle", sub)
	if err != nil {
		t.Fatal(err)
	}
	if f.AccessionNumber == nil || *f.AccessionNumber != "0001437749-24-000106" || f.FormType != "8-K" ||
		f.FiledAt == nil || *f.FiledAt != "2024-01-02" || f.Shape != parser.ShapeSubmission {
		t.Errorf("filing: accession %v form %s filed %v shape %s", f.AccessionNumber, f.FormType, f.FiledAt, f.Shape)
	}
	if len(f.Registrants) == 0 || f.Registrants[0].CIK == nil || *f.Registrants[0].CIK != 1084869 {
		t.Errorf("registrants: %+v", f.Registrants)
	} else if r := f.Registrants[0]; r.Name != "1 800 FLOWERS COM INC" || r.BusinessAddress == nil || r.BusinessAddress.City != "JERICHO" {
		t.Errorf("registrant: %+v", r)
	}
	var codes []string
	for _, it := range f.Items {
		codes = append(codes, it.Code)
	}
	if !slices.Contains(codes, "5.02") || !slices.Contains(codes, "9.01") {
		t.Errorf("items %v, want 5.02 and 9.01", codes)
	}
	var exhibits []string
	for _, e := range f.Exhibits {
		exhibits = append(exhibits, e.Number)
	}
	if !slices.Contains(exhibits, "99.1") {
		t.Errorf("exhibits %v, want 99.1", exhibits)
	}
	if len(f.Documents) != 14 {
		t.Errorf("%d documents, want 14", len(f.Documents))
	}
	// The xlsx and the xbrl zip are uuencoded: no text of theirs reaches
	// the extractors.
	if bytes.Contains(sub, []byte("PK\x03\x04")) || !bytes.Contains(sub, []byte("begin 644 Financial_Report.xlsx\n")) {
		t.Error("binary documents not uuencoded")
	}
}

func TestAssembleOrderAndFallbacks(t *testing.T) {
	meta := []byte(`{"accession-number":"0000000001-24-000001","type":"8-K","filing-date":"20240105",
		"items":["8.01"],"filer":[{"company-data":{"conformed-name":"A CORP","cik":"0000000001"}},
		{"company-data":{"conformed-name":"B CORP","cik":"2"}}],
		"documents":[{"type":"EX-99.1","sequence":"2","filename":"ex.htm"},{"type":"8-K","sequence":"1","filename":"main.txt"},
		{"type":"EX-99.2","sequence":"3","filename":"missing.htm"}]}`)
	docs := []datamule.Document{{Name: "ex.htm", Data: []byte("<html>Exhibit</html>")}, {Name: "extra.bin", Data: []byte{0, 1, 2}},
		{Name: "main.txt", Data: []byte("ITEM 8.01 Other Events\nSomething happened.\n")}}
	sub, err := datamule.Assemble(meta, docs)
	if err != nil {
		t.Fatal(err)
	}
	s := string(sub)
	main, ex, extra := strings.Index(s, "<FILENAME>main.txt"), strings.Index(s, "<FILENAME>ex.htm"), strings.Index(s, "<FILENAME>extra.bin")
	if main < 0 || ex < main || extra < ex || strings.Contains(s, "missing.htm") {
		t.Errorf("document order wrong:\n%s", s)
	}
	if !strings.Contains(s, "<SEQUENCE>4\n<FILENAME>extra.bin") || !strings.Contains(s, "begin 644 extra.bin") {
		t.Errorf("unlisted binary document:\n%s", s)
	}
	f, err := parser.Parse("x", sub)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Registrants) != 2 {
		t.Errorf("%d registrants, want 2 (filer array)", len(f.Registrants))
	}
	for _, bad := range []string{`not json`, `{"type":"8-K"}`, `[1,2]`} {
		if _, err := datamule.Assemble([]byte(bad), docs); err == nil {
			t.Errorf("metadata %s accepted", bad)
		}
	}
}
