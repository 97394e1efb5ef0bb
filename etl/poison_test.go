package etl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// poisonPills are malformed variants of an invented submission that once
// failed their whole batch: each must load (its bad value dropped or cut,
// with a warning) while the good filings beside it load too.
var poisonPills = map[string]func(string) string{
	"document count beyond int32": func(s string) string {
		return strings.Replace(s, "PUBLIC DOCUMENT COUNT:\t\t2", "PUBLIC DOCUMENT COUNT:\t\t3000000000", 1)
	},
	"sequence beyond int32": func(s string) string {
		return strings.Replace(s, "<SEQUENCE>2", "<SEQUENCE>4294967297", 1)
	},
	"9,000-character company name": func(s string) string {
		return strings.Replace(s, "NORTHWIND HARBOR HOLDINGS CORP", strings.Repeat("NORTHWIND HARBOR ", 530), 1)
	},
	"9,000-character file number": func(s string) string {
		return strings.Replace(s, "001-35501", "001-"+strings.Repeat("3", 9000), 1)
	},
	"SIC beyond int32": func(s string) string {
		return strings.Replace(s, "ELECTRIC SERVICES [4911]", "ELECTRIC SERVICES [99999999999]", 1)
	},
	"NUL bytes in values": func(s string) string {
		return strings.Replace(s, "MILWAUKEE", "MILW\x00AUKEE", 1)
	},
}

func TestPoisonPillsLoadBesideGoodFilings(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "filings", "0000999001-24-000012.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	i := 0
	for name, mutate := range poisonPills {
		i++
		acc := "0000999001-24-9000" + string(rune('0'+i/10)) + string(rune('0'+i%10))
		s := strings.ReplaceAll(mutate(string(src)), "0000999001-24-000012", acc)
		if s == strings.ReplaceAll(string(src), "0000999001-24-000012", acc) {
			t.Fatalf("%s: the mutation changed nothing", name)
		}
		writeFile(t, filepath.Join(dir, acc+".txt"), []byte(s))
	}
	good := filepath.Join(repoRoot(t), "testdata", "filings")
	pool, _ := newDB(t)
	sum, err := Load(t.Context(), pool, []string{dir, good}, Options{}, testLogger(t))
	if err != nil {
		t.Fatalf("a poison pill failed the load: %v", err)
	}
	goodFiles, _ := os.ReadDir(good)
	if sum.FilingsLoaded != len(poisonPills)+len(goodFiles) || sum.FilingsRejected != 0 {
		t.Errorf("%+v: want %d loaded", sum, len(poisonPills)+len(goodFiles))
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.filings WHERE document_count < 0`); n != 0 {
		t.Errorf("%d negative document counts", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.documents WHERE sequence = 1 AND filing_id IN
		(SELECT filing_id FROM edgar.filings WHERE accession_number LIKE '0000999001-24-9000%')`); n != len(poisonPills) {
		t.Errorf("%d documents with sequence 1 (a wrapped 4294967297 would make one more)", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.documents WHERE sequence IS NULL`); n != 1 {
		t.Errorf("%d documents without a sequence, want the one of 4294967297", n)
	}
	if n := count(t, pool, `SELECT max(octet_length(name)) FROM edgar.filing_registrants`); n > maxShortBytes {
		t.Errorf("a name of %d bytes was stored", n)
	}
}
