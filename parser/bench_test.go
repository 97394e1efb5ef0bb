package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseCorpus parses every filing of ../shared/corpus (all shapes,
// 245 files, ~80 MB) once per iteration on one goroutine; it reports
// filings/s and MB/s.
func BenchmarkParseCorpus(b *testing.B) {
	root := filepath.Join(sharedDir(b), "corpus")
	type file struct {
		path string
		data []byte
	}
	var files []file
	var total int64
	for _, dir := range []string{"submissions", "feed", "headers", "primary", "exhibits"} {
		paths, _ := filepath.Glob(filepath.Join(root, dir, "*"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, file{p, data})
			total += int64(len(data))
		}
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if _, err := Parse(f.path, f.data); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "filings/s")
}

// BenchmarkParseSeed parses the seed 8-K: the cost of one small plain-text
// filing.
func BenchmarkParseSeed(b *testing.B) {
	path := filepath.Join(sharedDir(b), "seed", "sonus-networks-8-K-2004-07-29.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(path, data); err != nil {
			b.Fatal(err)
		}
	}
}
