package dbtest

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot walks up from the test's directory to the one holding go.mod.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// SharedDir returns ../shared beside the checkout, where the real EDGAR
// filings live (never copied into the project): the test is skipped when
// it is absent and CI is unset, and fails when CI is set.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(RepoRoot(tb), "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "" {
			tb.Skipf("%s absent: %v", dir, err)
		}
		tb.Fatalf("%s absent in CI: %v", dir, err)
	}
	return dir
}
