package etl

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgarload/edgarload/parser"
)

const derivedKeys = `SELECT DISTINCT fr.registrant_id, k.kind, k.key
FROM edgar.filing_registrants fr
CROSS JOIN LATERAL (VALUES ('irs', edgar.normalize_irs_number(fr.irs_number)),
                           ('file', edgar.normalize_file_number(fr.file_number)),
                           ('name', edgar.normalize_name(fr.name))) AS k(kind, key)
WHERE k.key IS NOT NULL`

// TestRegistrantKeysFollowFilings: the identifiers the loader matches
// against are exactly those of the stored filing_registrants rows, also
// after a filing is replaced by a source that files the company under
// other numbers (the old numbers must not match any more).
func TestRegistrantKeysFollowFilings(t *testing.T) {
	dir := t.TempDir()
	feed := sonusSubmission()
	feed.Shape = parser.ShapeFeed
	feed.Registrants[0].IRSNumber = "99-1234567"
	feed.Registrants[0].FileNumber = "000-99999"
	nc := writeFiling(t, dir, "0000950135-04-003612.nc", feed)
	sub := writeFiling(t, dir, "0000950135-04-003612.txt", sonusSubmission())
	pool, _ := newDB(t)
	mismatch := func(what string) {
		t.Helper()
		q := `SELECT count(*) FROM ((` + derivedKeys + ` EXCEPT SELECT registrant_id, kind, key FROM edgar.registrant_keys)
			UNION ALL (SELECT registrant_id, kind, key FROM edgar.registrant_keys EXCEPT ` + derivedKeys + `)) d`
		if n := count(t, pool, q); n != 0 {
			t.Errorf("%s: registrant_keys differs from filing_registrants in %d rows", what, n)
		}
	}
	load(t, pool, Options{}, nc)
	mismatch("feed loaded")
	if n := count(t, pool, `SELECT count(*) FROM edgar.registrant_keys WHERE kind = 'irs' AND key = '991234567'`); n != 1 {
		t.Errorf("feed's IRS number not kept: %d rows", n)
	}
	load(t, pool, Options{}, sub) // the submission replaces the feed
	mismatch("feed replaced by the submission")
	if n := count(t, pool, `SELECT count(*) FROM edgar.registrant_keys WHERE key IN ('991234567', '0-99999')`); n != 0 {
		t.Errorf("the replaced feed's numbers still match: %d rows", n)
	}
	// A bare document with the submission's IRS number joins the company.
	load(t, pool, Options{}, writeFiling(t, dir, "bare.txt", sonusBare()))
	mismatch("bare document added")
	if n := count(t, pool, "SELECT count(*) FROM edgar.registrants"); n != 1 {
		t.Errorf("%d registrants, want 1", n)
	}
}

// TestReloadByPathSizeTime: a reload takes a plain file with the path,
// size and modification time of a loaded one as unchanged without hashing
// it; a touched file is hashed (and found unchanged); --rehash hashes
// everything, and so catches a same-size rewrite whose time was put back —
// the accepted risk of the default, documented in the README.
func TestReloadByPathSizeTime(t *testing.T) {
	src := filepath.Join(sharedDir(t), "corpus", "submissions")
	names := []string{"0000018230-22-000107.txt", "0000084581-00-500009.txt"}
	dir := t.TempDir()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The header of the first submission: superseded by it, and again on
	// a reload without being parsed.
	hdr := "0000018230-22-000107.hdr.sgml"
	hdata, err := os.ReadFile(filepath.Join(sharedDir(t), "corpus", "headers", hdr))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, hdr), hdata, 0o644); err != nil {
		t.Fatal(err)
	}
	pool, _ := newDB(t)
	ctx := context.Background()
	run := func(opts Options) (Summary, map[string]string) {
		t.Helper()
		sum, err := Load(ctx, pool, []string{dir}, opts, testLogger(t))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := pool.Query(ctx, `SELECT source_path, outcome || ' ' || coalesce(detail, '') FROM edgar.load_files WHERE run_id = $1`, sum.RunID)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]string{}
		for rows.Next() {
			var p, d string
			if err := rows.Scan(&p, &d); err != nil {
				t.Fatal(err)
			}
			got[filepath.Base(p)] = d
		}
		return sum, got
	}
	byStat := func(d string) bool { return strings.Contains(d, "same path, size and modification time") }
	first, got := run(Options{})
	if first.FilingsLoaded != len(names) || !strings.HasPrefix(got[hdr], OutcomeSuperseded) {
		t.Fatalf("first load: %+v %v", first, got)
	}
	second, got := run(Options{})
	if !strings.HasPrefix(got[hdr], OutcomeSuperseded) || !byStat(got[hdr]) {
		t.Errorf("reload: header %q, want superseded again by path, size and time", got[hdr])
	}
	for _, n := range names {
		if !byStat(got[n]) {
			t.Errorf("reload: %s: %q, want unchanged by path, size and time", n, got[n])
		}
	}
	if second.FilingsUnchanged != len(names)+1 || second.FilingsLoaded != 0 {
		t.Errorf("reload: %+v", second)
	}

	// Touched: hashed, found unchanged, its new time recorded.
	touched := filepath.Join(dir, names[0])
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(touched, later, later); err != nil {
		t.Fatal(err)
	}
	if _, got := run(Options{}); byStat(got[names[0]]) || !strings.HasPrefix(got[names[0]], OutcomeUnchanged) || !byStat(got[names[1]]) {
		t.Errorf("after touch: %v", got)
	}
	if _, got := run(Options{}); !byStat(got[names[0]]) {
		t.Errorf("after touch, second reload: %v", got)
	}

	// Rewritten with other bytes of the same size, time put back.
	st, err := os.Stat(touched)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(touched)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.IndexAny(data[len(data)/2:], "abcdefghijklmnopqrstuvwxyz") + len(data)/2
	data[i] ^= 0x20 // one letter's case: other bytes, same size
	if err := os.WriteFile(touched, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(touched, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if _, got := run(Options{}); !byStat(got[names[0]]) {
		t.Errorf("same size and time: %q (the default takes it unchanged)", got[names[0]])
	}
	if _, got := run(Options{Rehash: true}); byStat(got[names[0]]) || strings.HasPrefix(got[names[0]], OutcomeUnchanged) {
		t.Errorf("--rehash: %q, want the new bytes loaded or superseded", got[names[0]])
	}
}

// TestReadSized reads files that kept, lost or gained bytes since their
// size was taken, within and beyond the limit.
func TestReadSized(t *testing.T) {
	for _, c := range []struct {
		data      string
		size, max int64
		want      string
		err       bool
	}{
		{"abcdef", 6, 10, "abcdef", false},
		{"abcdef", 3, 10, "abcdef", false}, // grew
		{"abc", 6, 10, "abc", false},       // shrank
		{"", 0, 10, "", false},
		{"abcdef", 3, 4, "", true}, // grew past the limit
		{"abcdef", 6, 4, "", true}, // known too large
		{"abcdef", -1, 10, "abcdef", false},
	} {
		got, err := readSized(strings.NewReader(c.data), c.size, c.max)
		if (err != nil) != c.err || string(got) != c.want {
			t.Errorf("readSized(%q, %d, %d) = %q, %v", c.data, c.size, c.max, got, err)
		}
		if err == nil && c.size >= int64(len(c.data)) && cap(got) != int(max(c.size, 0)) && c.size >= 0 {
			t.Errorf("readSized(%q, %d): buffer of %d bytes, want the size given", c.data, c.size, cap(got))
		}
	}
}
