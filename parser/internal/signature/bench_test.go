package signature

import (
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
)

// benchText returns the plain text of a shared file's first document:
// the seed 8-K (plain text) or a large HTML 10-K.
func benchText(b *testing.B, rel string) string {
	return docText(corpus.FirstDocument(b, rel))
}

func BenchmarkExtract(b *testing.B) {
	for _, bc := range []struct{ name, rel string }{
		{"Seed", "seed/sonus-networks-8-K-2004-07-29.txt"},
		{"Amzn10K", "corpus/primary/amzn-10-k-2025-02-07.html"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			text := benchText(b, bc.rel)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Extract(text, "")
			}
		})
	}
}
