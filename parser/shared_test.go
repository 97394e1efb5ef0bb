package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared beside the checkout, where the real EDGAR
// filings live. It skips the test when the folder is absent and CI is not
// set, and fails it when CI is set: CI must always run the corpus tests.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but the shared corpus is missing at %s: %v", dir, err)
		}
		t.Skipf("shared corpus not found at %s", dir)
	}
	return dir
}
