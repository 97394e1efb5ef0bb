package exhibits

import (
	"github.com/edgarload/edgarload/parser/internal/corpus"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/textconv"
)

// benchText returns the plain text of a shared file's first document:
// the seed 8-K (plain text) or a large HTML 10-K.
func benchText(b *testing.B, rel string) string {
	data, err := os.ReadFile(filepath.Join(corpus.Dir(b), rel))
	if err != nil {
		b.Skipf("benchmark file absent: %v", err)
	}
	s := string(data)
	if i := strings.Index(s, "<TEXT>"); i >= 0 {
		s = s[i+len("<TEXT>"):]
		if j := strings.Index(s, "</TEXT>"); j >= 0 {
			s = s[:j]
		}
	}
	if textconv.IsHTML([]byte(s)) {
		return textconv.HTMLToText([]byte(s))
	}
	return textconv.Decode([]byte(s))
}

func BenchmarkParseIndex(b *testing.B) {
	for _, bc := range []struct{ name, rel string }{
		{"Seed", "seed/sonus-networks-8-K-2004-07-29.txt"},
		{"Amzn10K", "corpus/primary/amzn-10-k-2025-02-07.html"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			text := benchText(b, bc.rel)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				ParseIndex(text)
			}
		})
	}
}
