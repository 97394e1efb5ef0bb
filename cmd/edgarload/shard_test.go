package main

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

// shardInputs builds one input set of every shape a shard must place, in
// a new directory: invented submissions named by accession (through a
// symbolic link, as a mount would be), the fixtures (named by accession or
// not), a tar whose members are named by accession or not and holds a
// named pipe and a symbolic link, and two filing folders.
func shardInputs(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Symlink(inventFilings(t, 60), filepath.Join(root, "invented")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(fixtures(t), filepath.Join(root, "fixtures")); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(fixtures(t), "0000999001-24-000012.txt"))
	if err != nil {
		t.Fatal(err)
	}
	filing := func(acc string) []byte { return []byte(strings.ReplaceAll(string(src), "0000999001-24-000012", acc)) }
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	add := func(h *tar.Header, data []byte) {
		h.Mode, h.Size = 0o644, int64(len(data))
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 30 {
		acc := fmt.Sprintf("0000999001-24-%06d", 300000+i)
		name := acc + ".txt"
		if i%3 == 0 {
			name = fmt.Sprintf("misc/filing-%d.txt", i) // sharded by archive and member name
		}
		add(&tar.Header{Name: name, Typeflag: tar.TypeReg}, filing(acc))
	}
	add(&tar.Header{Name: "misc/pipe", Typeflag: tar.TypeFifo}, nil)
	add(&tar.Header{Name: "misc/latest.txt", Typeflag: tar.TypeSymlink, Linkname: "filing-0.txt"}, nil)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("feed.tar", b.Bytes())
	write("0000999001-24-200000/0000999001-24-200000.txt", filing("0000999001-24-200000"))
	write("000099900124200001/full-submission.txt", filing("0000999001-24-200001"))
	write("000099900124200001/README.txt", []byte("notes that travel with the filing\n"))
	return root
}

// TestThreeShardsLoadLikeOne: three processes of the real binary, started
// at once on a database that does not exist yet with --shard 0/3, 1/3 and
// 2/3 (the third reaching the inputs through another path, as another
// machine's mount point), give exactly the tables of one full load; every
// input is recorded by exactly one shard's run.
func TestThreeShardsLoadLikeOne(t *testing.T) {
	bin := buildBinary(t)
	root := shardInputs(t)
	mnt := filepath.Join(t.TempDir(), "mnt")
	if err := os.Symlink(root, mnt); err != nil {
		t.Fatal(err)
	}
	load := func(dbURL, path string, extra ...string) *exec.Cmd {
		args := append([]string{"load", "--workers", "1", "--batch-size", "7", "--log-level", "error"}, extra...)
		cmd := exec.Command(bin, append(args, path)...)
		cmd.Env = append(os.Environ(), "EDGARLOAD_DATABASE_URL="+dbURL)
		return cmd
	}
	fullURL, fullConn := freshDatabase(t)
	if out, err := load(fullURL, root).CombinedOutput(); err != nil {
		t.Fatalf("full load: %v\n%s", err, out)
	}
	want := checksum(t, fullConn)
	if want == "" {
		t.Fatal("the full load wrote nothing")
	}

	shardURL, _ := newDatabaseURL(t)
	var wg sync.WaitGroup
	outs := make([][]byte, 3)
	errs := make([]error, 3)
	for k := range 3 {
		path := root
		if k == 2 {
			path = mnt
		}
		cmd := load(shardURL, path, "--shard", fmt.Sprintf("%d/3", k))
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[k], errs[k] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for k := range 3 {
		if errs[k] != nil {
			t.Fatalf("shard %d/3: %v\n%s", k, errs[k], outs[k])
		}
		t.Logf("shard %d/3: %s", k, strings.SplitN(string(outs[k]), "\n", 2)[0])
		if !strings.Contains(string(outs[k]), "left to the other shards") {
			t.Errorf("shard %d/3 does not say what it left to the others:\n%s", k, outs[k])
		}
	}
	shardConn := connectTo(t, shardURL)
	if got := checksum(t, shardConn); got != want {
		t.Errorf("three shards gave other tables than one full load")
		diffCounts(t, fullConn, shardConn)
	}
	ledger := func(conn *pgx.Conn, q string, args ...any) int {
		t.Helper()
		var n int
		if err := conn.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	const files = `SELECT count(DISTINCT replace(source_path, $1, $2)) FROM edgar.load_files`
	if a, b := ledger(fullConn, files, mnt, root), ledger(shardConn, files, mnt, root); a != b || a < 100 {
		t.Errorf("%d inputs recorded by the shards, %d by the full load", b, a)
	}
	if n := ledger(shardConn, `SELECT count(*) FROM (SELECT replace(source_path, $1, $2) FROM edgar.load_files GROUP BY 1 HAVING count(DISTINCT run_id) > 1) d`, mnt, root); n != 0 {
		t.Errorf("%d inputs recorded by more than one shard", n)
	}
	if n := ledger(shardConn, `SELECT count(*) FROM edgar.load_runs WHERE status = 'succeeded' AND filings_loaded > 0`); n != 3 {
		t.Errorf("%d shard runs succeeded with filings loaded, want 3", n)
	}
	if a, b := ledger(fullConn, `SELECT sum(files_seen)::int FROM edgar.load_runs`), ledger(shardConn, `SELECT sum(files_seen)::int FROM edgar.load_runs`); a != b {
		t.Errorf("the shards saw %d files between them, the full load %d", b, a)
	}
	if n := ledger(shardConn, `SELECT count(*) FROM edgar.load_files WHERE outcome = 'skipped' AND source_path LIKE '%feed.tar!misc/%'`); n != 2 {
		t.Errorf("%d skipped members of feed.tar recorded, want the named pipe and the link", n)
	}
}

// diffCounts logs the row counts of the data tables in two databases.
func diffCounts(t *testing.T, a, b *pgx.Conn) {
	t.Helper()
	for _, table := range []string{"filings", "registrants", "filing_registrants", "documents", "items", "exhibits", "signers"} {
		var na, nb int
		_ = a.QueryRow(context.Background(), "SELECT count(*) FROM edgar."+table).Scan(&na)
		_ = b.QueryRow(context.Background(), "SELECT count(*) FROM edgar."+table).Scan(&nb)
		t.Logf("edgar.%s: %d rows in the full load, %d from the shards", table, na, nb)
	}
}

// TestBadShardIsAUsageError: a --shard (or load.shard) that is not K/N
// with K from 0 to N-1 exits 2 before anything connects or downloads.
func TestBadShardIsAUsageError(t *testing.T) {
	env := map[string]string{"EDGARLOAD_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none?connect_timeout=1",
		"EDGARLOAD_EDGAR_USER_AGENT": "A a@example.com", "EDGARLOAD_EDGAR_CACHE_DIR": t.TempDir()}
	for _, args := range [][]string{
		{"load", "--shard", "3/3", fixtures(t)},
		{"load", "--shard", "1", fixtures(t)},
		{"load", "--shard", "-1/2", fixtures(t)},
		{"fetch", "--form", "8-K", "--shard", "0/0"},
	} {
		code, _, errOut := runCLI(t, env, args...)
		if code != 2 || !strings.Contains(errOut, "shard") {
			t.Errorf("%v: exit %d, want 2: %s", args, code, errOut)
		}
	}
	bad := map[string]string{"EDGARLOAD_LOAD_SHARD": "a/b"}
	for k, v := range env {
		bad[k] = v
	}
	if code, _, errOut := runCLI(t, bad, "load", fixtures(t)); code != 2 || !strings.Contains(errOut, "load.shard") {
		t.Errorf("EDGARLOAD_LOAD_SHARD=a/b: exit %d, want 2: %s", code, errOut)
	}
}
