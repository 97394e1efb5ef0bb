package cover

import (
	"strings"
	"testing"
	"time"
)

func TestTimingShapes(t *testing.T) {
	for name, s := range map[string]string{
		"a":      strings.Repeat("a", 30000),
		"tabs":   strings.Repeat("(\t", 15000),
		"dates":  strings.Repeat("July 4, 2001 ", 3000),
		"datesl": strings.Repeat("Date of Report July 4, 2001\n", 3000),
		"spaces": strings.Repeat("x  ", 10000),
		"nl":     strings.Repeat("\n", 30000),
		"labels": strings.Repeat("(Exact name of registrant)\n", 3000),
		"addr":   strings.Repeat("1 Main Street, Springfield, Illinois 62701\n(Address of principal executive offices)\n", 500),
		"tel":    strings.Repeat("telephone\n", 3000),
		"form":   strings.Repeat("form\n", 3000),
		"digits": strings.Repeat("1", 30000),
		"commas": strings.Repeat("1 a,", 8000) + "\n(Address)",
	} {
		st := time.Now()
		Extract(s)
		t.Log(name, time.Since(st))
	}
}
