package items

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

func BenchmarkExtract(b *testing.B) {
	for _, bc := range []struct{ name, rel, form string }{
		{"Seed", "seed/sonus-networks-8-K-2004-07-29.txt", "8-K"},
		{"Amzn10K", "corpus/primary/amzn-10-k-2025-02-07.html", "10-K"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			text := benchText(b, bc.rel)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Extract(text, bc.form, "")
			}
		})
	}
}

// BenchmarkManyHeadings measures a document of 60,000 short lines, most of
// them item, part and signature headings: the cost must grow linearly with
// the number of headings (compare -benchtime runs after a change).
func BenchmarkManyHeadings(b *testing.B) {
	text := strings.Repeat("Item 1. Business\nx\nSIGNATURES\nItem 2. Properties\nPART II\nPART I\n", 10000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, form := range []string{"10-K", "10-Q", "8-K"} {
			Extract(text, form, "")
		}
	}
}

// BenchmarkFromHeader measures mapping header item titles to codes.
func BenchmarkFromHeader(b *testing.B) {
	vals := []string{"Results of Operations and Financial Condition", "Changes in control of registrant",
		"Other Events", "Financial Statements and Exhibits", "2.02 9.01", "Regulation FD Disclosure"}
	for b.Loop() {
		FromHeader(vals, "8-K", "2010-01-01")
		FromHeader(vals, "8-K", "2001-01-01")
	}
}
