package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// peakRSS runs the real binary and returns its exit code and peak RSS in
// bytes (getrusage of the child).
func peakRSS(t *testing.T, env []string, args ...string) (int, int64, string) {
	t.Helper()
	cmd := exec.Command(buildBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	_ = cmd.Run()
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Fatal("no rusage")
	}
	return cmd.ProcessState.ExitCode(), ru.Maxrss * 1024, out.String()
}

// TestHostileInputsBoundedMemory loads a hostile set with the real binary
// — a 1 GB file (sparse), a 100 MB single line, 20,000 tiny files, a
// submission with unknown header blocks before FILER:, and a 40 MB
// submission — with load.max_file_bytes at 128 MiB: every file is
// accounted for in edgar.load_files, the good filings load, and peak RSS
// stays under the ceiling the README documents for this set: 1 GB. That
// ceiling is not yet the goal: the parser holds a large document in
// several copies (a 60 MB submission peaks near 600 MB in `parse` alone;
// issue 7 leaves this open), so the test guards against regressions and
// lost files, and says the figure.
func TestHostileInputsBoundedMemory(t *testing.T) {
	dir := t.TempDir()
	big, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(1 << 30); err != nil { // 1 GiB, sparse: no disk
		t.Fatal(err)
	}
	big.Close()
	line := bytes.Repeat([]byte("x"), 100<<20)
	if err := os.WriteFile(filepath.Join(dir, "one-line.txt"), line, 0o644); err != nil {
		t.Fatal(err)
	}
	line = nil
	tiny := filepath.Join(dir, "tiny")
	if err := os.Mkdir(tiny, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 20000 {
		if err := os.WriteFile(filepath.Join(tiny, fmt.Sprintf("%05d.txt", i)), []byte("not a filing\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := os.ReadFile(filepath.Join(fixtures(t), "0000999001-24-000012.txt"))
	if err != nil {
		t.Fatal(err)
	}
	odd := strings.Replace(strings.ReplaceAll(string(src), "0000999001-24-000012", "0000999001-24-700001"),
		"\nFILER:", "\nGREMLIN BLOCK:\n\tWHATEVER:\t\tvalue\n<UNHEARD-OF-TAG>x\n\nFILER:", 1)
	if err := os.WriteFile(filepath.Join(dir, "0000999001-24-700001.txt"), []byte(odd), 0o644); err != nil {
		t.Fatal(err)
	}
	// A 40 MB submission: a press release padded with 40 MB of text.
	large := strings.ReplaceAll(string(src), "0000999001-24-000012", "0000999001-24-700002")
	pad := strings.Repeat("The company reported results in line with its guidance for the quarter.\n", 40<<20/73)
	large = strings.Replace(large, "</TEXT>", pad+"</TEXT>", 1)
	if err := os.WriteFile(filepath.Join(dir, "0000999001-24-700002.txt"), []byte(large), 0o644); err != nil {
		t.Fatal(err)
	}
	large, pad = "", ""

	dbURL, conn := freshDatabase(t)
	code, rss, out := peakRSS(t, []string{"EDGARLOAD_DATABASE_URL=" + dbURL, "EDGARLOAD_LOAD_MAX_FILE_BYTES=134217728"},
		"load", "--log-level", "error", dir)
	t.Logf("exit %d, peak RSS %.1f MB\n%s", code, float64(rss)/1e6, lastLines(out, 4))
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	if rss > 1000e6 {
		t.Errorf("peak RSS %.1f MB, ceiling 1 GB", float64(rss)/1e6)
	}
	ctx := context.Background()
	var files, filings int
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM edgar.load_files), (SELECT count(*) FROM edgar.filings)`).Scan(&files, &filings); err != nil {
		t.Fatal(err)
	}
	if want := 20000 + 4; files != want {
		t.Errorf("%d files accounted for in edgar.load_files, want %d", files, want)
	}
	if filings != 2 {
		t.Errorf("%d filings loaded, want the 2 good submissions", filings)
	}
	var reason string
	if err := conn.QueryRow(ctx, `SELECT error FROM edgar.load_rejects WHERE source_path LIKE '%huge.txt'`).Scan(&reason); err != nil || !strings.Contains(reason, "larger than") {
		t.Errorf("1 GB file: %q %v", reason, err)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
