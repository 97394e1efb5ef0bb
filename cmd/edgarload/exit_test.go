package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodesUsage: bad flags, unknown commands, a missing input path and
// a bad configuration exit 2 before anything runs (no database needed).
func TestExitCodesUsage(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "edgarload.yaml")
	if err := os.WriteFile(cfg, []byte("load:\n  worker: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"load", "--bogus", "x"},
		{"load"},
		{"nosuch"},
		{"load", "--workers", "abc", "x"},
		{"load", "--database-url", "postgres://127.0.0.1:1/x", filepath.Join(t.TempDir(), "unmounted")},
		{"parse", filepath.Join(t.TempDir(), "missing.txt")},
		{"index", "load", filepath.Join(t.TempDir(), "missing.idx")},
		{"--config", cfg, "load", "x"},
		{"load", "--max-rejects", "-5", "x"},
		{"migrate", "sideways"},
		{"parse", "--log-level", "loud", "."},
	} {
		code, _, errOut := runCLI(t, nil, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, exitUsage, errOut)
		}
	}
	code, out, _ := runCLI(t, nil, "--version")
	if code != 0 || !strings.HasPrefix(out, "edgarload ") || !strings.Contains(out, "parser ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// TestMaxRejects: with --max-rejects 0 a run that rejects a file still
// loads the good ones, is recorded failed, and exits 3; without the flag
// the same run succeeds.
func TestMaxRejects(t *testing.T) {
	dbURL, conn := freshDatabase(t)
	dir := t.TempDir()
	for _, name := range []string{"quillfeather-instruments-8-K-2003-05-14.txt", "0000999001-24-000012.txt"} {
		data, err := os.ReadFile(filepath.Join(fixtures(t), name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "junk.txt"), []byte("not a filing at all\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, nil, "load", "--database-url", dbURL, "--max-rejects", "0", dir)
	if code != exitTooManyRejects || !strings.Contains(errOut, "1 inputs rejected, more than the 0 allowed") {
		t.Fatalf("exit %d, want %d: %s", code, exitTooManyRejects, errOut)
	}
	if !strings.Contains(out, "rejected:\n    "+filepath.Join(dir, "junk.txt")+" (parse): ") {
		t.Errorf("the summary does not list the reject:\n%s", out)
	}
	var filings int
	var status string
	ctx := context.Background()
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM edgar.filings").Scan(&filings); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, "SELECT status FROM edgar.load_runs ORDER BY run_id DESC LIMIT 1").Scan(&status); err != nil {
		t.Fatal(err)
	}
	if filings != 2 || status != "failed" {
		t.Errorf("%d filings, run %s; want 2 loaded and the run failed", filings, status)
	}
	if code, _, errOut := runCLI(t, nil, "load", "--database-url", dbURL, "--max-rejects", "1", "--retry-rejects", dir); code != 0 {
		t.Errorf("--max-rejects 1 with one reject: exit %d: %s", code, errOut)
	}
}

// TestHelpHasExamples: every command's help shows examples.
func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range [][]string{{"parse"}, {"load"}, {"fetch"}, {"index", "load"}, {"migrate"}, {"verify"}, {"version"}, {"stats"}, {"docs"}} {
		code, out, _ := runCLI(t, nil, append(cmd, "--help")...)
		if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "  edgarload "+cmd[0]) {
			t.Errorf("%v --help: exit %d, no examples:\n%s", cmd, code, out)
		}
	}
}
