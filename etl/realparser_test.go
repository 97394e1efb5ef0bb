package etl

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/edgarload/edgarload/etl/internal/dbtest"
)

// repoRoot is the module root (where go.mod is).
func repoRoot(t *testing.T) string { t.Helper(); return dbtest.RepoRoot(t) }

// sharedDir returns ../shared beside the checkout (see dbtest.SharedDir).
func sharedDir(t *testing.T) string { t.Helper(); return dbtest.SharedDir(t) }

// TestLoadRealFilings loads the seed and the sample filings through the real
// parser, with the invented bad inputs, then reloads them.
func TestLoadRealFilings(t *testing.T) {
	seed := filepath.Join(sharedDir(t), "seed", "sonus-networks-8-K-2004-07-29.txt")
	root := repoRoot(t)
	inputs := []string{seed, filepath.Join(root, "testdata", "filings"), filepath.Join(root, "testdata", "bad")}
	pool, _ := newDB(t)
	ctx := context.Background()
	sum, err := Load(ctx, pool, inputs, Options{}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadDir(filepath.Join(root, "testdata", "filings"))
	bad, _ := os.ReadDir(filepath.Join(root, "testdata", "bad"))
	if sum.FilingsLoaded != len(good)+1 || sum.FilingsRejected != len(bad) {
		t.Errorf("first load: %+v; want %d loaded and %d rejected", sum, len(good)+1, len(bad))
	}
	var name string
	if err := pool.QueryRow(ctx, `SELECT r.name FROM edgar.registrants r JOIN edgar.filing_registrants fr USING (registrant_id)
		JOIN edgar.filings f USING (filing_id) WHERE f.source_path = $1`, seed).Scan(&name); err != nil {
		t.Fatalf("seed registrant: %v", err)
	}
	if normalizeName(name) != "SONUS NETWORKS" {
		t.Errorf("seed registrant name %q", name)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.items i JOIN edgar.filings f USING (filing_id) WHERE f.source_path = $1 AND i.code = '2.02'`, seed); n != 1 {
		t.Errorf("seed item 2.02 rows: %d", n)
	}
	before := rawDump(t, pool)
	again, err := Load(ctx, pool, inputs, Options{}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if again.FilingsLoaded != 0 || again.FilingsUnchanged != sum.FilingsLoaded {
		t.Errorf("reload: %+v", again)
	}
	compareDumps(t, "reload of real filings", before, rawDump(t, pool))
}

// TestLoadCorpus loads every complete submission, feed file and header of
// ../shared/corpus: none may be rejected, and a second load in reverse order
// must find every filing unchanged.
func TestLoadCorpus(t *testing.T) {
	corpus := filepath.Join(sharedDir(t), "corpus")
	var inputs []string
	for _, d := range []string{"submissions", "feed", "headers", "primary", "exhibits"} {
		inputs = append(inputs, filepath.Join(corpus, d))
	}
	pool, _ := newDB(t)
	ctx := context.Background()
	sum, err := Load(ctx, pool, inputs, Options{BatchSize: 50}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if sum.FilingsRejected != 0 {
		rows, _ := pool.Query(ctx, `SELECT source_path || ': ' || error FROM edgar.load_rejects WHERE run_id = $1`, sum.RunID)
		for rows.Next() {
			var msg string
			_ = rows.Scan(&msg)
			t.Errorf("reject: %s", msg)
		}
		rows.Close()
	}
	t.Logf("corpus load: %d files, %d loaded, %d unchanged (same accession in another shape), %d rejected, %.0f filings/s",
		sum.FilesSeen, sum.FilingsLoaded, sum.FilingsUnchanged, sum.FilingsRejected, sum.FilingsPerSecond())
	before := rawDump(t, pool)
	reversed := make([]string, len(inputs))
	for i, in := range inputs {
		reversed[len(inputs)-1-i] = in
	}
	again, err := Load(ctx, pool, reversed, Options{BatchSize: 7, Workers: 1}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if again.FilingsLoaded != 0 || again.FilingsRejected != 0 {
		t.Errorf("reload in reverse order changed filings: %+v", again)
	}
	if after := rawDump(t, pool); !maps.Equal(after, before) {
		t.Error("reload in reverse order changed the tables")
	}
}

// TestScreenSkipsLoadedSources checks the screening stage: bytes already
// loaded by this parser version are reported known (unchanged) without
// reaching the parsers; new bytes and unreadable inputs go on to them.
func TestScreenSkipsLoadedSources(t *testing.T) {
	seed := filepath.Join(sharedDir(t), "seed", "sonus-networks-8-K-2004-07-29.txt")
	pool, _ := newDB(t)
	ctx := context.Background()
	if _, err := Load(ctx, pool, []string{seed}, Options{}, testLogger(t)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	walked := make(chan Input, 3)
	walked <- Input{Name: "again.txt", data: data}
	walked <- Input{Name: "new.txt", data: append(append([]byte{}, data...), '\n')}
	walked <- Input{Name: "missing.txt", err: os.ErrNotExist}
	close(walked)
	ins, outs := make(chan Input, 3), make(chan outcome, 3)
	screen(ctx, pool, screenConfig{enabled: true}, walked, ins, outs, testLogger(t))
	close(ins)
	close(outs)
	var parsed []string
	for in := range ins {
		parsed = append(parsed, in.Name)
	}
	var known []string
	for o := range outs {
		if !o.known || o.sha != sha256Hex(data) {
			t.Errorf("unexpected outcome %+v", o)
		}
		known = append(known, o.path)
	}
	if len(known) != 1 || known[0] != "again.txt" {
		t.Errorf("known = %v, want [again.txt]", known)
	}
	if len(parsed) != 2 || parsed[0] != "new.txt" || parsed[1] != "missing.txt" {
		t.Errorf("sent to the parsers = %v, want [new.txt missing.txt]", parsed)
	}
}
