package etl

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/etl/internal/pgtest"
)

// Server faults in the middle of a load, on a throwaway cluster: the load
// retries its batch and ends with the same rows as a clean load.

const faultFilings = 300

// faultInputs writes the filings of the fault tests.
func faultInputs(t *testing.T) string {
	dir := t.TempDir()
	for i := range faultFilings {
		writeFiling(t, dir, fmt.Sprintf("f%03d.txt", i), northwind(i))
	}
	return dir
}

// cleanDump is the semantic dump of a clean load of dir on the main test server.
func cleanDump(t *testing.T, dir string) map[string]string {
	pool, _ := newDB(t)
	load(t, pool, Options{BatchSize: 5, Workers: 1}, dir)
	return semanticDump(t, pool)
}

// clusterPool creates and migrates database edgar on c.
func clusterPool(t *testing.T, c *pgtest.Cluster, opts Options) *pgxpool.Pool {
	opts.CreateDatabase = true
	pool, err := Connect(context.Background(), c.URL("edgar"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	if err := MigratePool(context.Background(), pool, "up", testWriter{t}); err != nil {
		t.Fatal(err)
	}
	return pool
}

// loadWithFault loads dir into pool and calls fault once the first batch
// is committed; it returns Load's result.
func loadWithFault(t *testing.T, pool *pgxpool.Pool, dir string, opts Options, fault func()) (Summary, error) {
	type result struct {
		sum Summary
		err error
	}
	done := make(chan result, 1)
	opts.Parse = jsonParse
	go func() {
		sum, err := Load(context.Background(), pool, []string{dir}, opts, testLogger(t))
		done <- result{sum, err}
	}()
	for {
		select {
		case r := <-done:
			t.Fatalf("load ended before the fault: %+v %v", r.sum, r.err)
		default:
		}
		var n int
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := pool.QueryRow(ctx, `SELECT count(*) FROM edgar.filings`).Scan(&n)
		cancel()
		if err == nil && n > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	fault()
	r := <-done
	return r.sum, r.err
}

func TestLoadSurvivesTerminatedBackends(t *testing.T) {
	dir := faultInputs(t)
	want := cleanDump(t, dir)
	c := pgtest.Start(t)
	pool := clusterPool(t, c, Options{})
	sum, err := loadWithFault(t, pool, dir, Options{BatchSize: 5, Workers: 1}, func() {
		killer, err := pgxpool.New(context.Background(), c.URL("postgres")+"&application_name=killer")
		if err != nil {
			t.Fatal(err)
		}
		defer killer.Close()
		for range 3 {
			var n int
			if err := killer.QueryRow(context.Background(), `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
				WHERE application_name = 'edgarload' AND pid <> pg_backend_pid()`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			t.Logf("terminated %d loader backends", n)
			time.Sleep(50 * time.Millisecond)
		}
	})
	if err != nil {
		t.Fatalf("load failed after terminated backends: %v", err)
	}
	if sum.Retries == 0 {
		t.Log("no batch needed a retry (the terminations hit idle connections only)")
	}
	compareDumps(t, "after terminated backends", want, semanticDump(t, pool))
	checkRunSucceeded(t, pool, sum)
}

func TestLoadSurvivesServerRestart(t *testing.T) {
	dir := faultInputs(t)
	want := cleanDump(t, dir)
	c := pgtest.Start(t)
	pool := clusterPool(t, c, Options{})
	sum, err := loadWithFault(t, pool, dir, Options{BatchSize: 5, Workers: 1}, c.Restart)
	if err != nil {
		t.Fatalf("load failed after a server restart: %v", err)
	}
	if sum.Retries == 0 {
		t.Error("a server restart mid-load caused no retry")
	}
	compareDumps(t, "after a server restart", want, semanticDump(t, pool))
	checkRunSucceeded(t, pool, sum)
}

// checkRunSucceeded: the run row says succeeded with the summary's counters.
func checkRunSucceeded(t *testing.T, pool *pgxpool.Pool, sum Summary) {
	t.Helper()
	var status string
	var loaded int
	if err := pool.QueryRow(context.Background(), `SELECT status, filings_loaded FROM edgar.load_runs WHERE run_id = $1`, sum.RunID).Scan(&status, &loaded); err != nil {
		t.Fatal(err)
	}
	if status != StatusSucceeded || loaded != faultFilings || sum.FilingsLoaded != faultFilings {
		t.Errorf("run %d: status %s, %d loaded (summary %d); want succeeded, %d", sum.RunID, status, loaded, sum.FilingsLoaded, faultFilings)
	}
}

// TestLoadGivesUpOnFrozenServer: a server that stops answering (SIGSTOP)
// makes the load fail within its timeouts instead of hanging.
func TestLoadGivesUpOnFrozenServer(t *testing.T) {
	dir := faultInputs(t)
	c := pgtest.Start(t)
	opts := Options{BatchSize: 5, Workers: 1, ConnectTimeout: time.Second, StatementTimeout: time.Second, LockTimeout: time.Second}
	pool := clusterPool(t, c, opts)
	var froze time.Time
	done := make(chan error, 1)
	go func() {
		_, err := loadWithFault(t, pool, dir, opts, func() { froze = time.Now(); c.Freeze() })
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("load on a frozen server succeeded")
		}
		t.Logf("gave up %s after the freeze: %v", time.Since(froze).Round(time.Millisecond), err)
	case <-time.After(3 * time.Minute):
		c.Thaw()
		t.Fatal("load still hanging 3 minutes after the server froze")
	}
	c.Thaw()
}

// TestConnectTimeoutIsTransient: a connection attempt that times out (a
// frozen server) is classified transient; a cancelled statement is not.
func TestConnectTimeoutIsTransient(t *testing.T) {
	c := pgtest.Start(t)
	c.Freeze()
	defer c.Thaw()
	_, err := Connect(context.Background(), c.URL("postgres"), Options{ConnectTimeout: 500 * time.Millisecond})
	if err == nil {
		t.Fatal("connected to a frozen server")
	}
	if !isTransient(err) {
		t.Errorf("connect timeout not transient: %v", err)
	}
	if isTransient(context.Canceled) || isTransient(fmt.Errorf("copy: %w", context.DeadlineExceeded)) {
		t.Error("a bare context error counted transient")
	}
}

// TestBinaryExitsOnFrozenServer: the real edgarload binary, its server
// frozen mid-load, exits non-zero within its (short) timeouts.
func TestBinaryExitsOnFrozenServer(t *testing.T) {
	c := pgtest.Start(t)
	bin := filepath.Join(t.TempDir(), "edgarload")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/edgarload/edgarload/cmd/edgarload").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src, err := os.ReadFile(filepath.Join("..", "testdata", "filings", "0000999001-24-000012.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range 300 {
		acc := fmt.Sprintf("0000999001-24-%06d", 100000+i)
		if err := os.WriteFile(filepath.Join(dir, acc+".txt"), []byte(strings.ReplaceAll(string(src), "0000999001-24-000012", acc)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pool := clusterPool(t, c, Options{})
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "load", "--batch-size", "2", "--workers", "1", dir)
	cmd.Env = append(os.Environ(), "EDGARLOAD_DATABASE_URL="+c.URL("edgar"),
		"EDGARLOAD_DATABASE_CONNECT_TIMEOUT=1s", "EDGARLOAD_DATABASE_STATEMENT_TIMEOUT=1s", "EDGARLOAD_DATABASE_LOCK_TIMEOUT=1s")
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	for {
		var n int
		if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM edgar.filings`).Scan(&n); err == nil && n > 0 {
			break
		}
		select {
		case <-exited:
			t.Fatalf("load ended before the freeze\n%s", stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
	c.Freeze()
	froze := time.Now()
	select {
	case <-exited:
	case <-time.After(3 * time.Minute):
		_ = cmd.Process.Kill()
		c.Thaw()
		t.Fatalf("edgarload still running 3 minutes after the server froze\n%s", stderr.String())
	}
	c.Thaw()
	t.Logf("exited %s after the freeze with code %d", time.Since(froze).Round(time.Millisecond), cmd.ProcessState.ExitCode())
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit code %d, want 1\n%s", code, stderr.String())
	}
}
