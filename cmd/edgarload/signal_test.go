package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// buildBinary builds edgarload once per test run into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "edgarload-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "edgarload")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// inventFilings writes n copies of a fixture submission with distinct
// accession numbers into a new directory.
func inventFilings(t *testing.T, n int) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(fixtures(t), "0000999001-24-000012.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range n {
		acc := fmt.Sprintf("0000999001-24-%06d", 100000+i)
		body := strings.ReplaceAll(string(src), "0000999001-24-000012", acc)
		if err := os.WriteFile(filepath.Join(dir, acc+".txt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSignalInterruptsLoad: SIGINT or SIGTERM in the middle of a load
// makes the real binary exit promptly with code 130, the run recorded
// interrupted, its counters matching the committed rows.
func TestSignalInterruptsLoad(t *testing.T) {
	bin := buildBinary(t)
	inputs := inventFilings(t, 1500) // enough that the load is still running when the signal comes, even on a busy machine
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dbURL, conn := freshDatabase(t)
			ctx := context.Background()
			if err := runMigrate(t, dbURL); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd := exec.Command(bin, "load", "--batch-size", "2", "--workers", "1", inputs)
			cmd.Env = append(os.Environ(), "EDGARLOAD_DATABASE_URL="+dbURL)
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitFor(t, conn, `SELECT count(*) > 0 FROM edgar.filings`)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			sent := time.Now()
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case <-exited:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("still running 10 s after %v\n%s", sig, stderr.String())
			}
			t.Logf("exited %s after the signal", time.Since(sent).Round(time.Millisecond))
			if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
				t.Errorf("exit code %d, want %d\n%s", code, exitInterrupted, stderr.String())
			}
			var status string
			var loaded, filings, files int
			if err := conn.QueryRow(ctx, `SELECT status, filings_loaded, (SELECT count(*) FROM edgar.filings),
				(SELECT count(*) FROM edgar.load_files WHERE outcome = 'loaded') FROM edgar.load_runs`).Scan(&status, &loaded, &filings, &files); err != nil {
				t.Fatal(err)
			}
			if status != "interrupted" || loaded != filings || files != filings || filings == 0 || filings >= 1500 {
				t.Errorf("run %s with %d loaded (%d file rows), edgar.filings holds %d; want interrupted, equal, between 1 and 1499\n%s",
					status, loaded, files, filings, stderr.String())
			}
		})
	}
}

// runMigrate migrates dbURL through run(), as `edgarload migrate up` does.
func runMigrate(t *testing.T, dbURL string) error {
	code, _, errOut := runCLI(t, map[string]string{"EDGARLOAD_DATABASE_URL": dbURL}, "migrate", "up")
	if code != 0 {
		return fmt.Errorf("migrate up: exit %d: %s", code, errOut)
	}
	return nil
}

// waitFor polls q (a boolean query) until it is true; fails after a minute.
func waitFor(t *testing.T, conn *pgx.Conn, q string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		var ok bool
		if err := conn.QueryRow(context.Background(), q).Scan(&ok); err == nil && ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", q)
}

// TestRetryRejectsFlag: a rerun over a junk file says it skipped it;
// --retry-rejects rejects it again.
func TestRetryRejectsFlag(t *testing.T) {
	dbURL, conn := freshDatabase(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "list.txt"), []byte("eggs\nmilk\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"EDGARLOAD_DATABASE_URL": dbURL}
	for i, want := range []string{"1 rejected", "1 inputs skipped", "1 rejected"} {
		args := []string{"load", dir}
		if i == 2 {
			args = []string{"load", "--retry-rejects", dir}
		}
		code, out, errOut := runCLI(t, env, args...)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("run %d: exit %d, stdout %q (want %q)\n%s", i+1, code, out, want, errOut)
		}
	}
	var n int
	if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM edgar.load_rejects`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d reject rows (%v), want 2", n, err)
	}
}
