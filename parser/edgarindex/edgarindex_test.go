package edgarindex

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
)

func readAll(t *testing.T, data []byte) ([]Entry, Stats, error) {
	t.Helper()
	var out []Entry
	st, err := Read(bytes.NewReader(data), func(e Entry) error {
		out = append(out, e)
		return nil
	})
	return out, st, err
}

// dataLines counts the lines of an index file that point into
// edgar/data/, independently of the reader: every data line does.
func dataLines(t *testing.T, data []byte) int {
	t.Helper()
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if strings.Contains(sc.Text(), "edgar/data/") {
			n++
		}
	}
	return n
}

func TestSharedSamples(t *testing.T) {
	dir := filepath.Join(corpus.Dir(t), "corpus", "index")
	for _, c := range []struct {
		file      string
		format    Format
		realigned int
		first     Entry
	}{
		{"master.1993QTR4-sample.idx", Master, 0, Entry{CIK: 1095785, CompanyName: "SAGE CAPITAL LP", FormType: "REGDEX",
			FileName: "edgar/data/1095785/9999999997-02-056978.txt", Accession: "9999999997-02-056978", Line: 12}},
		{"form.20200318.idx", Form, 0, Entry{CIK: 1806014, CompanyName: "DLP Positive Note Fund LLC", FormType: "1-A",
			FileName: "edgar/data/1806014/0001140361-20-006155.txt", Accession: "0001140361-20-006155", Line: 11}},
		{"company.20221003.idx", Company, 0, Entry{CIK: 1700461, CompanyName: "1st stREIT Office Inc.", FormType: "1-A POS",
			FileName: "edgar/data/1700461/0001104659-22-105357.txt", Accession: "0001104659-22-105357", Line: 12}},
		{"badform.idx.txt", Form, 1, Entry{CIK: 1838675, CompanyName: "A-Game Beverages, Inc.", FormType: "1-A",
			FileName: "edgar/data/1838675/0001213900-21-007106.txt", Accession: "0001213900-21-007106", Line: 11}},
		{"empty-form.idx", Form, 0, Entry{}},
	} {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			got, st, err := readAll(t, data)
			if err != nil {
				t.Fatal(err)
			}
			if want := dataLines(t, data); st.Entries != want || len(got) != want {
				t.Errorf("%d entries (%d passed), want %d", st.Entries, len(got), want)
			}
			if st.Malformed != 0 || st.Format != c.format || st.Realigned != c.realigned {
				t.Errorf("stats %+v, want format %s, %d realigned, none malformed", st, c.format, c.realigned)
			}
			if !strings.HasPrefix(st.Description, "Master Index") && !strings.HasPrefix(st.Description, "Daily Index") {
				t.Errorf("description %q", st.Description)
			}
			if len(got) == 0 {
				return
			}
			f := got[0]
			f.DateFiled = f.DateFiled.UTC()
			want := c.first
			if f.CIK != want.CIK || f.CompanyName != want.CompanyName || f.FormType != want.FormType ||
				f.FileName != want.FileName || f.Accession != want.Accession || f.Line != want.Line {
				t.Errorf("first entry %+v, want %+v", f, want)
			}
			for _, e := range got {
				if e.DateFiled.IsZero() || e.CIK <= 0 || e.FormType == "" || e.CompanyName == "" {
					t.Errorf("incomplete entry %+v", e)
				}
				if !strings.Contains(e.FileName, "/"+e.Accession+".txt") {
					t.Errorf("accession %s not from %s", e.Accession, e.FileName)
				}
			}
		})
	}
}

// The badform sample has a company name longer than its column: the CIK,
// date and file name are shifted right and must still be read.
func TestBadformLongName(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpus.Dir(t), "corpus", "index", "badform.idx.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := readAll(t, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 {
		t.Fatalf("%d entries, want 10", len(got))
	}
	e := got[6]
	if e.CompanyName != "UNITED PLANNERS' FINANCIAL SERVICES OF AMERICA A LIMITED PARTNER" || e.CIK != 820694 ||
		e.FormType != "X-17A-5" || e.DateFiled.Format("2006-01-02") != "2021-02-24" || e.Accession != "9999999997-21-003146" {
		t.Errorf("long-name line read as %+v", e)
	}
	if got[5].FormType != "1-A POS" || got[5].CompanyName != "ALFADAN INC." {
		t.Errorf("line 16 read as %+v", got[5])
	}
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "index", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestMasterFixtureMalformed(t *testing.T) {
	got, st, err := readAll(t, fixture(t, "master.2024QTR1.idx"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 8 || st.Malformed != 4 {
		t.Errorf("stats %+v, want 8 entries and 4 malformed", st)
	}
	if want := []int{19, 20, 21, 22}; !equalInts(st.MalformedLines, want) {
		t.Errorf("malformed lines %v, want %v (reasons %q)", st.MalformedLines, want, st.MalformedReasons)
	}
	for i, want := range []string{"CIK", "date", "fields", "accession"} {
		if i >= len(st.MalformedReasons) || !strings.Contains(st.MalformedReasons[i], want) {
			t.Errorf("reason %d %q does not mention %s", i, st.MalformedReasons, want)
		}
	}
	if got[6].CompanyName != "MARLOWE & PIKE | PARTNERS LP" || got[6].FormType != "D" {
		t.Errorf("name with a | read as %+v", got[6])
	}
	if got[4].Accession != "0000999501-24-000004" || got[4].FormType != "8-K/A" {
		t.Errorf("folder-form file name read as %+v", got[4])
	}
	if got[0].DateFiled.Format("2006-01-02") != "2024-02-15" {
		t.Errorf("date %v", got[0].DateFiled)
	}
}

// A gzip-compressed daily company.idx with its header wrapped on two
// lines, a long name pushing a spaced form type out of its column, and a
// bad date.
func TestCompanyFixtureGzip(t *testing.T) {
	data := fixture(t, "company.20240215.idx.gz")
	if !Detect("company.20240215.idx.gz", data) {
		t.Error("Detect: false on a gzipped company.idx")
	}
	got, st, err := readAll(t, data)
	if err != nil {
		t.Fatal(err)
	}
	if st.Format != Company || st.Entries != 4 || st.Malformed != 1 || st.Realigned != 1 || st.MalformedLines[0] != 16 {
		t.Fatalf("stats %+v", st)
	}
	if got[0].FormType != "SC 13D/A" || got[0].CompanyName != "LARKSPUR TIDEWATER MILLS INC" || got[0].DateFiled.Format("20060102") != "20240215" {
		t.Errorf("first %+v", got[0])
	}
	if e := got[3]; e.CompanyName != "OSPREY LANTERN BENEFICIAL INTEREST TRUST OF THE GREATER LAKES REGION" || e.FormType != "S-1 MEF" || e.CIK != 999601 {
		t.Errorf("overflowing line %+v", e)
	}
}

func TestCrawler(t *testing.T) {
	in := "Description:           Daily Index of EDGAR Dissemination Feed by Company Name\n\n" +
		"Company Name                                                  Form Type   CIK         Date Filed  URL\n" +
		"---------------------------------------------------------------------------------------------------------------------------------\n" +
		"LARKSPUR TIDEWATER MILLS INC                                  8-K         999501      2024-01-09  https://www.sec.gov/Archives/edgar/data/999501/0000999501-24-000001-index.htm\n"
	got, st, err := readAll(t, []byte(in))
	if err != nil || st.Format != Crawler || len(got) != 1 {
		t.Fatalf("%v %+v %v", got, st, err)
	}
	if got[0].Accession != "0000999501-24-000001" || got[0].FormType != "8-K" {
		t.Errorf("%+v", got[0])
	}
}

func TestNotIndex(t *testing.T) {
	inputs := map[string][]byte{
		"shopping-list.txt": mustRead(t, filepath.Join("..", "..", "testdata", "bad", "shopping-list.txt")),
		"empty":             nil,
		"rule only":         []byte("----------------------------------------\n"),
		"json":              []byte(`{"cik":"1"}`),
		"bad gzip":          {0x1f, 0x8b, 0, 0},
	}
	if dir := filepath.Join(corpus.Dir(t), "corpus", "index"); dir != "" {
		pages, _ := filepath.Glob(filepath.Join(dir, "filing-index_*"))
		if len(pages) == 0 {
			t.Fatal("no filing-index pages in the corpus")
		}
		for _, p := range pages {
			inputs[filepath.Base(p)] = mustRead(t, p)
		}
	}
	for name, data := range inputs {
		_, _, err := readAll(t, data)
		if err == nil {
			t.Errorf("%s: no error", name)
		} else if name != "bad gzip" && !errors.Is(err, ErrNotIndex) {
			t.Errorf("%s: error %v does not wrap ErrNotIndex", name, err)
		}
		if Detect(name, data) {
			t.Errorf("Detect(%s) = true", name)
		}
	}
}

func TestDetectSamples(t *testing.T) {
	dir := filepath.Join(corpus.Dir(t), "corpus", "index")
	for _, n := range []string{"master.1993QTR4-sample.idx", "form.20200318.idx", "company.20221003.idx", "badform.idx.txt", "empty-form.idx"} {
		data := mustRead(t, filepath.Join(dir, n))
		head := data[:min(len(data), 2048)]
		if !Detect(n, head) {
			t.Errorf("Detect(%s) = false", n)
		}
		var gz bytes.Buffer
		w := gzip.NewWriter(&gz)
		_, _ = w.Write(data)
		_ = w.Close()
		if !Detect(n+".gz", gz.Bytes()[:min(gz.Len(), 2048)]) {
			t.Errorf("Detect(%s.gz) = false", n)
		}
		if _, st, err := readAll(t, gz.Bytes()); err != nil || st.Entries != dataLines(t, data) {
			t.Errorf("%s.gz: %+v %v", n, st, err)
		}
	}
}

func TestAccessionFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"edgar/data/1095785/9999999997-02-056978.txt":                                   "9999999997-02-056978",
		"edgar/data/320193/000032019324000005/0000320193-24-000005-index.htm":           "0000320193-24-000005",
		"edgar/data/320193/000032019324000005/":                                         "0000320193-24-000005",
		"edgar/data/320193/000032019324000005/aapl-20231230.htm":                        "0000320193-24-000005",
		"000032019324000005.txt":                                                        "0000320193-24-000005",
		"https://www.sec.gov/Archives/edgar/data/999501/0000999501-24-000001-index.htm": "0000999501-24-000001",
		"edgar/data/999504/readme.txt":                                                  "",
		"edgar/data/1/12345678901-02-056978.txt":                                        "",
		"edgar/data/1/0000320193240000051.txt":                                          "",
		"":                                                                              "",
	} {
		if got := AccessionFromPath(in); got != want {
			t.Errorf("AccessionFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCallbackErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := Read(bytes.NewReader(fixture(t, "master.2024QTR1.idx")), func(Entry) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d calls", err, n)
	}
}

func TestLongAndDirtyLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("CIK|Company Name|Form Type|Date Filed|Filename\n--------------------------------\n")
	b.WriteString("999501|" + strings.Repeat("X", maxLineBytes) + "|8-K|2024-01-09|edgar/data/999501/0000999501-24-000001.txt\n")
	b.WriteString("999501|LARKSPUR\x00 \xffMILLS|8-K|2024-01-09|edgar/data/999501/0000999501-24-000001.txt\r\n")
	got, st, err := readAll(t, []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if st.Malformed != 1 || st.MalformedLines[0] != 3 || len(got) != 1 {
		t.Fatalf("stats %+v", st)
	}
	if got[0].CompanyName != "LARKSPUR \uFFFDMILLS" || got[0].FileName != "edgar/data/999501/0000999501-24-000001.txt" {
		t.Errorf("dirty line read as %+v", got[0])
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
