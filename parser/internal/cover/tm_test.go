package cover

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

func TestTimingRandom(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	alpha := []string{"(", ")", "\t", "  ", " ", "\n", "a", "Z", "1", "-", "State", "File", "Zip", "Address", "Exact name", "Delaware", "12-3456789", "0-1234", "(978) 555-1212", "July 4, 2001", "Item 1", ","}
	worst := time.Duration(0)
	for it := 0; it < 300; it++ {
		var sb strings.Builder
		n := r.Intn(20000)
		for sb.Len() < n {
			sb.WriteString(alpha[r.Intn(len(alpha))])
		}
		st := time.Now()
		Extract(sb.String())
		if d := time.Since(st); d > worst {
			worst = d
			t.Log(it, n, d)
		}
	}
}
