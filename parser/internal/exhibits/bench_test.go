package exhibits

import (
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
)

// benchText returns the plain text of a shared file's first document:
// the seed 8-K (plain text) or a large HTML 10-K.
func benchText(b *testing.B, rel string) string {
	return toText(corpus.FirstDocument(b, rel))
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

// largeIndex is 10,000 repetitions of two exhibit lists.
var largeIndex = strings.Repeat("EXHIBIT INDEX\n99.1  Press release\n      dated today\n(d) Exhibits\nExhibit No.\n10.1\tPlan\n", 10000)

// TestLargeIndexDedupes checks that a huge, repetitive exhibit index still
// yields each exhibit once (BenchmarkLargeIndex measures its cost).
func TestLargeIndexDedupes(t *testing.T) {
	if got := ParseIndex(largeIndex); len(got) != 2 {
		t.Errorf("got %d entries, want 2 (99.1 and 10.1)", len(got))
	}
}

// BenchmarkLargeIndex measures ParseIndex on largeIndex: the cost must grow
// linearly with the number of index headings.
func BenchmarkLargeIndex(b *testing.B) {
	b.SetBytes(int64(len(largeIndex)))
	for b.Loop() {
		ParseIndex(largeIndex)
	}
}
