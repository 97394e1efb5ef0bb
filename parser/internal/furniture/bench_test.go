package furniture

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkStrip strips a 200-page synthetic report.
func BenchmarkStrip(b *testing.B) {
	var sb strings.Builder
	for p := 1; p <= 200; p++ {
		for i := 0; i < 30; i++ {
			fmt.Fprintf(&sb, "Revenue\t%d\t%d\nSome prose line of the report about the business, number %d.\n", p*i, p+i, i)
		}
		fmt.Fprintf(&sb, "\n%d\n\nTable of Contents\nAcme | 2024 Form 10-K | %d\n", p, p)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Strip(text)
	}
}
