package parser

import (
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
)

// sharedDir returns ../shared beside the checkout, where the real EDGAR
// filings live (see corpus.Dir for when it skips and when it fails).
func sharedDir(t testing.TB) string {
	t.Helper()
	return corpus.Dir(t)
}
