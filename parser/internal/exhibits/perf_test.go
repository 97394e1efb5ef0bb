package exhibits

import (
	"strings"
	"testing"
	"time"
)

// TestLargeInputIsLinear guards against quadratic behaviour on long
// exhibit lists and many index headings.
func TestLargeInputIsLinear(t *testing.T) {
	var sb strings.Builder
	for i := 0; i < 10000; i++ {
		sb.WriteString("EXHIBIT INDEX\n99.1  Press release\n      dated today\n(d) Exhibits\nExhibit No.\n10.1\tPlan\n")
	}
	start := time.Now()
	got := ParseIndex(sb.String())
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	if len(got) != 2 {
		t.Errorf("got %d entries", len(got))
	}
}
