package etl

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// hostileLoad runs Load under a deadline, so that a walker that hangs (on a
// named pipe, in a link loop) fails the test instead of blocking it: the
// context is cancelled, and should Load still not return (a blocked open
// ignores it), the test fails.
func hostileLoad(t *testing.T, pool *pgxpool.Pool, opts Options, paths ...string) Summary {
	t.Helper()
	if opts.Parse == nil {
		opts.Parse = jsonParse
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	type result struct {
		sum Summary
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := Load(ctx, pool, paths, opts, testLogger(t))
		done <- result{sum, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("Load: %v", r.err)
		}
		return r.sum
	case <-time.After(3 * time.Minute):
		t.Fatal("Load hung: still running a minute after its context expired")
		return Summary{}
	}
}

// skippedFiles lists the run's skipped files: path → detail.
func skippedFiles(t *testing.T, pool *pgxpool.Pool, runID int64) map[string]string {
	t.Helper()
	rows, err := pool.Query(context.Background(), `SELECT source_path, coalesce(detail, '') FROM edgar.load_files WHERE run_id = $1 AND outcome = 'skipped'`, runID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var p, d string
		if err := rows.Scan(&p, &d); err != nil {
			t.Fatal(err)
		}
		out[p] = d
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// TestNamedPipeSkipped: a named pipe given as a path, and one inside a
// directory, are never opened (that would block): the load finishes and
// each is recorded as skipped, with the reason.
func TestNamedPipeSkipped(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	writeFiling(t, dir, "a.txt", northwind(1))
	inside := filepath.Join(dir, "b.fifo")
	mkfifo(t, inside)
	given := filepath.Join(t.TempDir(), "given.fifo")
	mkfifo(t, given)

	sum := hostileLoad(t, pool, Options{Workers: 2}, dir, given)
	if sum.FilesSeen != 3 || sum.FilingsLoaded != 1 || sum.FilingsRejected != 0 {
		t.Errorf("summary: %+v", sum)
	}
	skipped := skippedFiles(t, pool, sum.RunID)
	for _, p := range []string{inside, given} {
		if d, ok := skipped[p]; !ok || !strings.Contains(d, "not a regular file (named pipe)") {
			t.Errorf("%s: skipped %v, detail %q; want skipped as a named pipe", p, ok, d)
		}
	}
	if len(skipped) != 2 {
		t.Errorf("skipped: %v", skipped)
	}
}

// TestSymlinkedDirectoryFollowed: a symbolic link to a directory, given as
// the path, loads the directory's files.
func TestSymlinkedDirectoryFollowed(t *testing.T) {
	pool, _ := newDB(t)
	real := t.TempDir()
	writeFiling(t, real, "a.txt", northwind(1))
	writeFiling(t, real, "sub/b.txt", northwind(2))
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	sum := hostileLoad(t, pool, Options{Workers: 2}, link)
	if sum.FilesSeen != 2 || sum.FilingsLoaded != 2 {
		t.Errorf("summary: %+v", sum)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.filings WHERE source_path LIKE $1`, link+"/%"); n != 2 {
		t.Errorf("%d filings under %s, want 2", n, link)
	}
}

// TestSymlinkLoopWalkedOnce: a directory holding a link to its parent is
// walked once: each file loads once, the loop is one skipped entry, and
// the load ends.
func TestSymlinkLoopWalkedOnce(t *testing.T) {
	pool, _ := newDB(t)
	root := t.TempDir()
	writeFiling(t, root, "a.txt", northwind(1))
	writeFiling(t, root, "sub/b.txt", northwind(2))
	loop := filepath.Join(root, "sub", "up")
	if err := os.Symlink("..", loop); err != nil {
		t.Fatal(err)
	}
	sum := hostileLoad(t, pool, Options{Workers: 2}, root)
	if sum.FilesSeen != 3 || sum.FilingsLoaded != 2 || sum.FilingsRejected != 0 {
		t.Errorf("summary: %+v", sum)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_files WHERE run_id = $1`, sum.RunID); n != 3 {
		t.Errorf("%d load_files rows, want 3 (two files once each, one loop)", n)
	}
	skipped := skippedFiles(t, pool, sum.RunID)
	if d, ok := skipped[loop]; len(skipped) != 1 || !ok || !strings.Contains(d, "already walked") {
		t.Errorf("skipped %v; want only %s, as already walked", skipped, loop)
	}
}

// TestCleanPath: valid UTF-8 paths are kept as they are; invalid bytes
// become \xNN and backslashes \\ in the others.
func TestCleanPath(t *testing.T) {
	for in, want := range map[string]string{
		"/d/a b.txt":     "/d/a b.txt",
		"/d/é\\x.txt":    "/d/é\\x.txt",
		"/d/a\xffb.txt":  `/d/a\xffb.txt`,
		"/d/a\\\xfe\x00": `/d/a\\\xfe\x00`,
		" /d/x\xff ":     ` /d/x\xff `,
	} {
		if got := cleanPath(in); got != want {
			t.Errorf("cleanPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNonUTF8FileName: a file whose name holds byte 0xff loads, and a
// rejected one with 0xfe is recorded; the stored paths escape the bytes.
func TestNonUTF8FileName(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	good := writeFiling(t, dir, "a\xffb.txt", northwind(1))
	bad := filepath.Join(dir, "junk\xfe.txt")
	if err := os.WriteFile(bad, []byte("not a filing"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := hostileLoad(t, pool, Options{Workers: 2}, dir)
	if sum.FilesSeen != 2 || sum.FilingsLoaded != 1 || sum.FilingsRejected != 1 {
		t.Errorf("summary: %+v", sum)
	}
	wantGood, wantBad := filepath.Join(dir, `a\xffb.txt`), filepath.Join(dir, `junk\xfe.txt`)
	if cleanPath(good) != wantGood || cleanPath(bad) != wantBad {
		t.Fatalf("fixture paths: %q %q", cleanPath(good), cleanPath(bad))
	}
	for q, p := range map[string]string{
		`SELECT count(*) FROM edgar.filings WHERE source_path = $1`:                             wantGood,
		`SELECT count(*) FROM edgar.load_rejects WHERE source_path = $1 AND stage = 'parse'`:    wantBad,
		`SELECT count(*) FROM edgar.load_files WHERE source_path = $1 AND outcome = 'loaded'`:   wantGood,
		`SELECT count(*) FROM edgar.load_files WHERE source_path = $1 AND outcome = 'rejected'`: wantBad,
	} {
		if n := count(t, pool, q, p); n != 1 {
			t.Errorf("%s [%s]: %d rows, want 1", q, p, n)
		}
	}
}

// TestOversizedFileRejectedFromSize: a plain file above MaxFileBytes is
// rejected at stage "read" from its size, which the reason names (a file
// read up to the limit could not tell it); a sparse file keeps it cheap.
func TestOversizedFileRejectedFromSize(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	writeFiling(t, dir, "a.txt", northwind(1))
	const max = 1 << 20
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(max + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	sum := hostileLoad(t, pool, Options{Workers: 2, MaxFileBytes: max}, dir)
	if sum.FilesSeen != 2 || sum.FilingsLoaded != 1 || sum.FilingsRejected != 1 {
		t.Errorf("summary: %+v", sum)
	}
	var stage, msg string
	if err := pool.QueryRow(context.Background(), `SELECT stage, error FROM edgar.load_rejects WHERE source_path = $1`, big).Scan(&stage, &msg); err != nil {
		t.Fatal(err)
	}
	if stage != StageRead || !strings.Contains(msg, "1048577 bytes, larger than 1048576 bytes") || !strings.Contains(msg, big) {
		t.Errorf("reject: stage %q, error %q", stage, msg)
	}
}
