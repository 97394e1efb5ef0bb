package items

import (
	"strings"
	"testing"
	"time"
)

// TestLargeInputIsLinear guards against quadratic behaviour on documents
// with very many headings and boundaries.
func TestLargeInputIsLinear(t *testing.T) {
	var sb strings.Builder
	for i := 0; i < 10000; i++ {
		sb.WriteString("Item 1. Business\nx\nSIGNATURES\nItem 2. Properties\nPART II\nPART I\n")
	}
	start := time.Now()
	Extract(sb.String(), "10-K", "")
	Extract(sb.String(), "10-Q", "")
	Extract(sb.String(), "8-K", "")
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}
