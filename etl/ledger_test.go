package etl

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/parser"
)

// writeJunk writes n distinct files that no parser takes for a filing.
func writeJunk(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		body := fmt.Sprintf("shopping list %d\n- eggs\n- milk (%d)\n", i, i*7)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("junk-%02d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRejectedBeforeAreSkipped: a rerun does not parse or record again the
// inputs this parser version rejected with the same bytes; RetryRejects does.
func TestRejectedBeforeAreSkipped(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	writeJunk(t, dir, 20)
	ctx := context.Background()
	first, err := Load(ctx, pool, []string{dir}, Options{}, testLogger(t))
	if err != nil || first.FilingsRejected != 20 {
		t.Fatalf("first run: %+v, %v", first, err)
	}
	second, err := Load(ctx, pool, []string{dir}, Options{}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if second.FilingsRejected != 0 || second.RejectedBefore != 20 {
		t.Errorf("second run: rejected %d, rejected before %d; want 0, 20", second.FilingsRejected, second.RejectedBefore)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_rejects`); n != 20 {
		t.Errorf("%d reject rows after two runs, want 20", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_rejects WHERE parser_version = $1`, parser.Version); n != 20 {
		t.Errorf("%d reject rows with the parser version, want 20", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_files WHERE run_id = $1 AND outcome = 'skipped'`, second.RunID); n != 20 {
		t.Errorf("%d skipped file rows in the second run, want 20", n)
	}
	third, err := Load(ctx, pool, []string{dir}, Options{RetryRejects: true}, testLogger(t))
	if err != nil || third.FilingsRejected != 20 || third.RejectedBefore != 0 {
		t.Fatalf("run with RetryRejects: %+v, %v", third, err)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_rejects`); n != 40 {
		t.Errorf("%d reject rows after a retry, want 40", n)
	}
}

// TestLedgerRecordsEveryFile: every input gets one edgar.load_files row
// with its outcome, the run row names its process and its counters match.
func TestLedgerRecordsEveryFile(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	for i := range 30 {
		writeFiling(t, dir, fmt.Sprintf("f%02d.txt", i), northwind(i))
	}
	// The same filing from a losing source: superseded by f00.
	dup := northwind(0)
	dup.Shape = parser.ShapeHTML
	writeFiling(t, dir, "zz-dup.htm", dup)
	if err := os.WriteFile(filepath.Join(dir, "junk.txt"), []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := load(t, pool, Options{BatchSize: 7}, dir)
	outcomes := map[string]int{}
	rows, err := pool.Query(context.Background(), `SELECT outcome, count(*) FROM edgar.load_files WHERE run_id = $1 GROUP BY 1`, sum.RunID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var o string
		var n int
		if err := rows.Scan(&o, &n); err != nil {
			t.Fatal(err)
		}
		outcomes[o] = n
	}
	if outcomes["loaded"] != 30 || outcomes["superseded"] != 1 || outcomes["rejected"] != 1 {
		t.Errorf("outcomes %v, want 30 loaded, 1 superseded, 1 rejected", outcomes)
	}
	var detail string
	if err := pool.QueryRow(context.Background(), `SELECT detail FROM edgar.load_files WHERE run_id = $1 AND outcome = 'superseded'`, sum.RunID).Scan(&detail); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(detail, "superseded by "+*northwind(0).AccessionNumber) || !strings.Contains(detail, "f00.txt") {
		t.Errorf("superseded detail %q does not name the winner", detail)
	}
	var pid, seen, loaded, rejected int
	var host, status string
	var beat bool
	if err := pool.QueryRow(context.Background(), `SELECT pid, host, status, files_seen, filings_loaded, filings_rejected, heartbeat_at IS NOT NULL
		FROM edgar.load_runs WHERE run_id = $1`, sum.RunID).Scan(&pid, &host, &status, &seen, &loaded, &rejected, &beat); err != nil {
		t.Fatal(err)
	}
	if pid != os.Getpid() || host != hostName() || status != "succeeded" || seen != 32 || loaded != 30 || rejected != 1 || !beat {
		t.Errorf("run row: pid %d host %q status %s seen %d loaded %d rejected %d heartbeat %v", pid, host, status, seen, loaded, rejected, beat)
	}
	again := load(t, pool, Options{BatchSize: 7}, dir)
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_files WHERE run_id = $1 AND outcome = 'unchanged'`, again.RunID); n != 30 {
		t.Errorf("%d unchanged file rows on a reload, want 30", n)
	}
	// The winner is named whether the loser met it stored ("… (stored)") or
	// in the same batch (the parsers hand the larger inputs out first).
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_files WHERE run_id = $1 AND outcome = 'superseded' AND detail LIKE '%f00.txt%'`, again.RunID); n != 1 {
		t.Errorf("%d superseded file rows naming the winner on a reload, want 1", n)
	}
}

// TestStaleRunsAreAbandoned: a run left running with an old heartbeat, or
// by a dead process on this host, is marked abandoned by the next run; a
// live one is left alone.
func TestStaleRunsAreAbandoned(t *testing.T) {
	pool, _ := newDB(t)
	ctx := context.Background()
	insert := func(pid int, host, age string) int64 {
		var id int64
		if err := pool.QueryRow(ctx, `INSERT INTO edgar.load_runs (inputs, parser_version, pid, host, heartbeat_at)
			VALUES ('{x}', 'v', $1, $2, now() - $3::interval) RETURNING run_id`, pid, host, age).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	old := insert(1, "elsewhere", "10 minutes")
	dead := insert(deadPID(t), hostName(), "1 second")
	live := insert(os.Getpid(), hostName(), "1 second")
	otherHost := insert(deadPID(t), "elsewhere", "1 second")
	load(t, pool, Options{}, t.TempDir())
	for id, want := range map[int64]string{old: "abandoned", dead: "abandoned", live: "running", otherHost: "running"} {
		var got string
		if err := pool.QueryRow(ctx, `SELECT status FROM edgar.load_runs WHERE run_id = $1`, id).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("run %d: status %s, want %s", id, got, want)
		}
	}
}

// deadPID is the id of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Wait(); err != nil {
		t.Fatal(err)
	}
	return p.Pid
}

// TestCancelledLoadIsInterrupted: a load whose context is cancelled mid-way
// is recorded interrupted (not failed with "context canceled"), with
// counters that match the committed rows.
func TestCancelledLoadIsInterrupted(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	for i := range 300 {
		writeFiling(t, dir, fmt.Sprintf("f%03d.txt", i), northwind(i))
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	var once sync.Once
	var parsed int64
	var mu sync.Mutex
	parse := func(path string, data []byte) (*parser.Filing, error) {
		mu.Lock()
		parsed++
		n := parsed
		mu.Unlock()
		if n == 120 {
			once.Do(func() { cancel(fmt.Errorf("test stop")) })
		}
		return jsonParse(path, data)
	}
	sum, err := Load(ctx, pool, []string{dir}, Options{Parse: parse, BatchSize: 10, Workers: 2}, testLogger(t))
	if err == nil {
		t.Fatal("cancelled load returned no error")
	}
	var status, errText string
	var loaded, seen int
	if err := pool.QueryRow(context.Background(), `SELECT status, error, filings_loaded, files_seen FROM edgar.load_runs WHERE run_id = $1`, sum.RunID).
		Scan(&status, &errText, &loaded, &seen); err != nil {
		t.Fatal(err)
	}
	filings := count(t, pool, `SELECT count(*) FROM edgar.filings`)
	if status != StatusInterrupted || !strings.Contains(errText, "test stop") {
		t.Errorf("status %s, error %q; want interrupted naming the cause", status, errText)
	}
	if loaded != filings || filings == 0 || filings >= 300 {
		t.Errorf("run says %d loaded, edgar.filings holds %d (want equal, between 1 and 299)", loaded, filings)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.load_files WHERE run_id = $1 AND outcome = 'loaded'`, sum.RunID); n != filings {
		t.Errorf("%d loaded file rows, %d filings", n, filings)
	}
}

// TestConcurrentCreateDatabase: loaders started together on a missing
// database all succeed (one creates it, the others tolerate 42P04/23505;
// goose's session lock serializes the migrations).
func TestConcurrentCreateDatabase(t *testing.T) {
	name := templateDB + "_race"
	u := dbURL(name)
	t.Cleanup(func() {
		a, err := pgx.Connect(context.Background(), testServerURL)
		if err == nil {
			_, _ = a.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			a.Close(context.Background())
		}
	})
	empty := t.TempDir()
	for round := range 2 {
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var pool *pgxpool.Pool
				pool, err := Connect(context.Background(), u, Options{CreateDatabase: true})
				if err != nil {
					errs[i] = err
					return
				}
				defer pool.Close()
				_, errs[i] = Load(context.Background(), pool, []string{empty}, Options{Migrate: true, Parse: jsonParse}, nil)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, loader %d: %v", round, i, err)
			}
		}
		a, err := pgx.Connect(context.Background(), testServerURL)
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)")
		a.Close(context.Background())
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestCreatedConcurrently: both error codes of a lost CREATE DATABASE race
// count as success.
func TestCreatedConcurrently(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testServerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "CREATE DATABASE "+templateDB)
	if !createdConcurrently(err) {
		t.Errorf("duplicate database error %v not tolerated", err)
	}
	_, err = conn.Exec(ctx, "SELECT 1/0")
	if createdConcurrently(err) {
		t.Error("division by zero taken for a concurrent creation")
	}
}

// TestConnectSetsSessionParameters: application_name and the timeouts of
// Options reach every connection; the URL's own settings win.
func TestConnectSetsSessionParameters(t *testing.T) {
	_, u := newDB(t)
	ctx := context.Background()
	pool, err := Connect(ctx, u, Options{StatementTimeout: 90e9, LockTimeout: 30e9, IdleInTransactionTimeout: 60e9})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var app, st, lt, it string
	if err := pool.QueryRow(ctx, `SELECT current_setting('application_name'), current_setting('statement_timeout'),
		current_setting('lock_timeout'), current_setting('idle_in_transaction_session_timeout')`).Scan(&app, &st, &lt, &it); err != nil {
		t.Fatal(err)
	}
	if app != "edgarload" || st != "90s" || lt != "30s" || it != "1min" {
		t.Errorf("session: application_name %q statement_timeout %q lock_timeout %q idle %q", app, st, lt, it)
	}
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	pool2, err := Connect(ctx, u+sep+"application_name=mine", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool2.Close()
	if err := pool2.QueryRow(ctx, `SELECT current_setting('application_name')`).Scan(&app); err != nil || app != "mine" {
		t.Errorf("URL application_name overridden: %q %v", app, err)
	}
}

// TestBatchLockNotForReaders: only the loader may take the batch lock.
func TestBatchLockNotForReaders(t *testing.T) {
	pool, _ := newDB(t)
	ctx := context.Background()
	var public, reader, definer bool
	if err := pool.QueryRow(ctx, `SELECT
		EXISTS (SELECT FROM information_schema.role_routine_grants WHERE routine_schema = 'edgar' AND routine_name = 'lock_batch' AND grantee = 'PUBLIC'),
		NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'edgar_reader') OR has_function_privilege('edgar_reader', 'edgar.lock_batch()', 'EXECUTE'),
		(SELECT prosecdef FROM pg_proc WHERE oid = 'edgar.lock_batch()'::regprocedure)`).Scan(&public, &reader, &definer); err != nil {
		t.Fatal(err)
	}
	if public || reader || !definer {
		t.Errorf("lock_batch: PUBLIC may execute %v, edgar_reader may execute (or is missing) %v, SECURITY DEFINER %v", public, reader, definer)
	}
	// The loader takes it.
	load(t, pool, Options{}, writeFiling(t, t.TempDir(), "a.txt", northwind(1)))
}

// TestHeartbeatBeats: while a load runs (here: blocked in its parser), its
// heartbeat moves on.
func TestHeartbeatBeats(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	writeFiling(t, dir, "a.txt", northwind(1))
	beaten := make(chan struct{})
	var pollErr error
	go func() {
		defer close(beaten)
		for {
			var ok bool
			pollErr = pool.QueryRow(context.Background(), `SELECT EXISTS (SELECT FROM edgar.load_runs
				WHERE status = 'running' AND heartbeat_at > started_at)`).Scan(&ok)
			if pollErr != nil || ok {
				return
			}
		}
	}()
	parse := func(path string, data []byte) (*parser.Filing, error) {
		<-beaten // the run must beat while no batch commits
		return jsonParse(path, data)
	}
	sum := load(t, pool, Options{Parse: parse, Heartbeat: 5e6}, dir)
	if pollErr != nil {
		t.Fatal(pollErr)
	}
	if sum.FilingsLoaded != 1 {
		t.Errorf("loaded %d", sum.FilingsLoaded)
	}
}
