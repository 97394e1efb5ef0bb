package edgarindex

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes to Read: it must never panic, and every
// entry it passes on must be complete and safe for PostgreSQL.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "index", "*"))
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("CIK|Company Name|Form Type|Date Filed|Filename\n----------\n1|A|8-K|2024-01-02|edgar/data/1/0000000001-24-000001.txt\n"))
	f.Add([]byte("Form Type   Company Name   CIK  Date Filed  File Name\n----------\n8-K  A  1  20240102  edgar/data/1/000000000124000001/\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries := 0
		st, err := Read(bytes.NewReader(data), func(e Entry) error {
			entries++
			if e.CIK <= 0 || e.FormType == "" || e.DateFiled.IsZero() || len(e.Accession) != 20 || e.Line <= 0 {
				t.Fatalf("incomplete entry %+v", e)
			}
			for _, s := range []string{e.CompanyName, e.FormType, e.FileName} {
				if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
					t.Fatalf("unsafe text %q", s)
				}
			}
			return nil
		})
		if err == nil && st.Entries != entries {
			t.Fatalf("Stats.Entries %d, %d passed", st.Entries, entries)
		}
		if len(st.MalformedLines) > MaxReported {
			t.Fatalf("%d malformed lines reported", len(st.MalformedLines))
		}
		_ = Detect("x", data)
	})
}
