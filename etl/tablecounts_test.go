package etl

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/edgarload/edgarload/parser"
)

// TestSummaryTableCounts: the summary counts rows inserted, updated and
// deleted per table, so that a reload that replaces filings (a new parser
// version) shows the child rows it deleted and inserted again instead of
// counting them as new rows; the counts match the tables.
func TestSummaryTableCounts(t *testing.T) {
	ctx := context.Background()
	pool, _ := newDB(t)
	dir := filepath.Join(repoRoot(t), "testdata", "filings")
	old := func(path string, data []byte) (*parser.Filing, error) {
		f, err := parser.Parse(path, data)
		if f != nil {
			f.ParserVersion = "0.0.1-test"
		}
		return f, err
	}
	first, err := Load(ctx, pool, []string{dir}, Options{Parse: old}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var items int64
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM edgar.items").Scan(&items); err != nil {
		t.Fatal(err)
	}
	if c := first.Tables["filings"]; c.Inserted != int64(first.FilingsLoaded) || c.Updated != 0 || c.Deleted != 0 {
		t.Errorf("first load filings %+v, %d loaded", c, first.FilingsLoaded)
	}
	if c := first.Tables["items"]; c.Inserted != items || c.Deleted != 0 || items == 0 {
		t.Errorf("first load items %+v, table has %d", c, items)
	}

	second, err := Load(ctx, pool, []string{dir}, Options{}, nil) // the real parser: every filing is replaced
	if err != nil {
		t.Fatal(err)
	}
	var after int64
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM edgar.items").Scan(&after); err != nil {
		t.Fatal(err)
	}
	f := second.Tables["filings"]
	if f.Updated != int64(first.FilingsLoaded) || f.Inserted != 0 {
		t.Errorf("reload filings %+v, want %d updated, none inserted", f, first.FilingsLoaded)
	}
	it := second.Tables["items"]
	if it.Deleted != items || it.Inserted-it.Deleted != after-items {
		t.Errorf("reload items %+v: table %d → %d rows", it, items, after)
	}
}
