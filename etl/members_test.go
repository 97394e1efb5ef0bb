package etl

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpecialArchiveMembersRecorded: the links, named pipe and device of
// a tar are not read, and each is recorded as skipped in edgar.load_files
// with its reason and counted in the summary, while the tar's filings load
// and its directory entry passes silently.
func TestSpecialArchiveMembersRecorded(t *testing.T) {
	pool, _ := newDB(t)
	one, err := json.Marshal(northwind(1))
	if err != nil {
		t.Fatal(err)
	}
	two, err := json.Marshal(northwind(2))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "specials.tar")
	if err := os.WriteFile(path, tarWithSpecials(t, one, two), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := load(t, pool, Options{}, path)
	if sum.FilingsLoaded != 2 || sum.Skipped != 4 || sum.FilesSeen != 6 {
		t.Errorf("loaded %d, skipped %d, seen %d; want 2, 4, 6", sum.FilingsLoaded, sum.Skipped, sum.FilesSeen)
	}
	want := map[string]string{
		"filings/pipe":        "named pipe",
		"filings/latest.json": `symbolic link to "0000999008-24-000001.json"`,
		"filings/again.json":  `hard link to member "filings/0000999008-24-000001.json"`,
		"filings/tty":         "character device",
	}
	rows, err := pool.Query(context.Background(), `SELECT source_path, detail FROM edgar.load_files WHERE run_id = $1 AND outcome = 'skipped'`, sum.RunID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := 0
	for rows.Next() {
		var p, detail string
		if err := rows.Scan(&p, &detail); err != nil {
			t.Fatal(err)
		}
		member := strings.TrimPrefix(p, path+"!")
		reason, ok := want[member]
		if !ok || !strings.Contains(detail, reason) || !strings.HasPrefix(detail, "not a regular file") {
			t.Errorf("skipped %s: %q (want a reason naming %q)", p, detail, reason)
		}
		got++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if got != len(want) {
		t.Errorf("%d skipped rows, want %d", got, len(want))
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_files WHERE run_id = $1 AND source_path LIKE '%filings/'`, sum.RunID); n != 0 {
		t.Errorf("the directory entry was recorded (%d rows)", n)
	}
}
