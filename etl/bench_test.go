package etl

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"testing"
)

// BenchmarkLoad loads N synthetic 8-K filings (default 500, or
// EDGARLOAD_BENCH_FILINGS) per iteration into a fresh test database and
// reports filings/s. The inputs are JSON-encoded parser.Filing values read
// by a trivial parser, so the figure is the loader's and the database's
// throughput, not the parser's.
func BenchmarkLoad(b *testing.B) {
	n := 500
	if s := os.Getenv("EDGARLOAD_BENCH_FILINGS"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			n = v
		}
	}
	pool, _ := newDB(b)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	var total, loaded int
	var seconds float64
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		dir := b.TempDir()
		for j := 0; j < n; j++ {
			writeFiling(b, dir, fmt.Sprintf("%06d.txt", j), northwind(i*n+j))
		}
		b.StartTimer()
		sum, err := Load(context.Background(), pool, []string{dir}, Options{Parse: jsonParse}, quiet)
		if err != nil {
			b.Fatal(err)
		}
		total += n
		loaded += sum.FilingsLoaded
		seconds += sum.Elapsed.Seconds()
	}
	if loaded != total {
		b.Errorf("loaded %d of %d filings", loaded, total)
	}
	b.ReportMetric(float64(total)/seconds, "filings/s")
}
