package parser

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// corpusFile is one file of ../shared/corpus, read into memory.
type corpusFile struct {
	path string
	data []byte
}

// readCorpus reads every file of the given ../shared/corpus folders.
func readCorpus(tb testing.TB, dirs ...string) (files []corpusFile, total int64) {
	tb.Helper()
	root := filepath.Join(sharedDir(tb), "corpus")
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(root, dir, "*"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			files = append(files, corpusFile{p, data})
			total += int64(len(data))
		}
	}
	return files, total
}

// cpuSeconds is the CPU time (user + system) the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// benchParse parses files once per iteration on one goroutine and reports
// filings/s, allocations and MB per CPU-second (the rate one goroutine
// reaches however loaded the machine is, as long as it gets a core).
func benchParse(b *testing.B, files []corpusFile, total int64) {
	b.SetBytes(total)
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			if _, err := Parse(f.path, f.data); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpu := cpuSeconds() - cpu0
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "filings/s")
	if cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
}

// BenchmarkParseCorpus parses every filing of ../shared/corpus (all shapes,
// 245 files, ~87 MB) once per iteration on one goroutine; it reports
// filings/s, MB/s, MB per CPU-second and allocations.
func BenchmarkParseCorpus(b *testing.B) {
	files, total := readCorpus(b, "submissions", "feed", "headers", "primary", "exhibits")
	benchParse(b, files, total)
}

// BenchmarkParseSubmissionsFeed parses the corpus's complete submissions
// and feed files (~17 MB), the set of issue 11's 150 MB/s target.
func BenchmarkParseSubmissionsFeed(b *testing.B) {
	files, total := readCorpus(b, "submissions", "feed")
	benchParse(b, files, total)
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
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(path, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseLarge parses the largest corpus files and a synthetic
// 60 MB submission, reporting the peak heap each takes (peak-MB, and
// peak-x: the peak as a multiple of the input's size).
func BenchmarkParseLarge(b *testing.B) {
	files, _ := readCorpus(b, "submissions", "feed", "primary")
	sort.Slice(files, func(i, j int) bool { return len(files[i].data) > len(files[j].data) })
	files = files[:3]
	files = append(files, corpusFile{"synthetic-60MB.txt", syntheticSubmission(b, 60<<20)})
	for _, f := range files {
		b.Run(filepath.Base(f.path), func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				p, err := peakHeap(func() error { _, err := Parse(f.path, f.data); return err })
				if err != nil {
					b.Fatal(err)
				}
				peak = max(peak, p)
			}
			b.ReportMetric(float64(peak)/1e6, "peak-MB")
			b.ReportMetric(float64(peak)/float64(len(f.data)), "peak-x")
		})
	}
}

// TestLargeSubmissionMemory parses a synthetic 60 MB submission (a 10-K
// of real HTML 10-K text with HTML exhibits) and checks that the heap it
// takes on top of its input stays under the input's size: the
// document is not held in several copies at once.
func TestLargeSubmissionMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 60 MB")
	}
	data := syntheticSubmission(t, 60<<20)
	peak, err := peakHeap(func() error {
		f, err := Parse("synthetic.txt", data)
		if err == nil && (len(f.Items) == 0 || len(f.Exhibits) == 0) {
			err = fmt.Errorf("parsed %d items and %d exhibits: the synthetic filing is not read as a 10-K", len(f.Items), len(f.Exhibits))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("input %.1f MB, peak heap over the input %.1f MB (%.2fx)", float64(len(data))/1e6, float64(peak)/1e6, float64(peak)/float64(len(data)))
	if limit := uint64(len(data)); peak > limit {
		t.Errorf("parsing a %d-byte submission took %d bytes of heap (over %d)", len(data), peak, limit)
	}
}

// peakHeap runs fn and returns the most heap (bytes in live and not yet
// swept objects) it held above what was held before it started, sampled
// every 200µs. The garbage collector runs at GOGC=10 meanwhile, so that
// the heap follows the live data closely instead of doubling it.
func peakHeap(fn func() error) (uint64, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		for {
			if h := read(); h > peak.Load() {
				peak.Store(h)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	err := fn()
	close(done)
	<-stopped
	if h := read(); h > peak.Load() {
		peak.Store(h)
	}
	if p := peak.Load(); p > base {
		return p - base, err
	}
	return 0, err
}

// syntheticSubmission builds a complete submission of about size bytes
// from the corpus: a 10-K whose primary document is the HTML of the
// corpus's large 10-K and 10-Q documents repeated, and two HTML EX-99
// exhibits. Nothing of it is stored.
func syntheticSubmission(tb testing.TB, size int) []byte {
	tb.Helper()
	root := filepath.Join(sharedDir(tb), "corpus", "primary")
	var docs [][]byte
	for _, name := range []string{"ibm-10-q-2025-07-24.html", "abbv-10-k-2025-02-14.html", "jnj-10-k-2025-02-13.html",
		"unh-10-k-2025-02-27.html", "nke-10-k-2025-07-17.html"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, b)
	}
	var sb bytes.Buffer
	sb.Grow(size + 1<<20)
	sb.WriteString("<SEC-DOCUMENT>0009999999-26-000001.txt : 20260102\n<SEC-HEADER>0009999999-26-000001.hdr.sgml : 20260102\n" +
		"ACCESSION NUMBER:\t\t0009999999-26-000001\nCONFORMED SUBMISSION TYPE:\t10-K\nPUBLIC DOCUMENT COUNT:\t\t3\n" +
		"CONFORMED PERIOD OF REPORT:\t20251231\nFILED AS OF DATE:\t\t20260102\n\nFILER:\n\n\tCOMPANY DATA:\t\n" +
		"\t\tCOMPANY CONFORMED NAME:\t\t\tSYNTHETIC HOLDINGS INC\n\t\tCENTRAL INDEX KEY:\t\t\t0009999999\n\n" +
		"\tFILING VALUES:\n\t\tFORM TYPE:\t\t10-K\n\t\tSEC FILE NUMBER:\t001-99999\n</SEC-HEADER>\n")
	document := func(typ string, seq int, target int) {
		fmt.Fprintf(&sb, "<DOCUMENT>\n<TYPE>%s\n<SEQUENCE>%d\n<FILENAME>doc%d.htm\n<TEXT>\n", typ, seq, seq)
		for i := 0; sb.Len() < target; i++ {
			sb.Write(docs[i%len(docs)])
		}
		sb.WriteString("\n</TEXT>\n</DOCUMENT>\n")
	}
	document("10-K", 1, size*3/4)
	document("EX-99.1", 2, size*7/8)
	document("EX-99.2", 3, size)
	sb.WriteString("</SEC-DOCUMENT>\n")
	return sb.Bytes()
}
