package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress reports downloads: a progress bar (files, bytes, rate, ETA)
// when stderr is a terminal and logs are text, log lines every 10 s
// otherwise.
type progress struct {
	total int
	files atomic.Int64
	bytes atomic.Int64

	bar  *mpb.Bar
	prog *mpb.Progress

	log      *slog.Logger
	start    time.Time
	mu       sync.Mutex
	lastLine time.Time
}

// progressLogEvery is how often progress is logged without a terminal.
const progressLogEvery = 10 * time.Second

func newProgress(stderr io.Writer, logFormat string, total int, log *slog.Logger) *progress {
	p := &progress{total: total, log: log, start: time.Now(), lastLine: time.Now()}
	if f, ok := stderr.(*os.File); ok && logFormat == "text" && isTerminal(f) && total > 0 {
		p.prog = mpb.New(mpb.WithOutput(f), mpb.WithWidth(40), mpb.WithRefreshRate(200*time.Millisecond))
		p.bar = p.prog.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name("fetch "), decor.CountersNoUnit("%d/%d filings")),
			mpb.AppendDecorators(
				decor.Percentage(decor.WCSyncSpace),
				decor.Any(func(decor.Statistics) string {
					return fmt.Sprintf("%.1f MB", float64(p.bytes.Load())/1e6)
				}, decor.WCSyncSpace),
				decor.AverageSpeed(nil, "%.1f filings/s", decor.WCSyncSpace),
				decor.Name(" ETA "),
				decor.AverageETA(decor.ET_STYLE_GO),
			))
	}
	return p
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// done counts one downloaded (or cached) filing of n bytes.
func (p *progress) done(n int64) {
	files := p.files.Add(1)
	p.bytes.Add(n)
	if p.bar != nil {
		p.bar.Increment()
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.lastLine) < progressLogEvery {
		return
	}
	p.lastLine = time.Now()
	elapsed := time.Since(p.start).Seconds()
	rate := float64(files) / elapsed
	eta := 0.0
	if rate > 0 {
		eta = float64(int64(p.total)-files) / rate
	}
	p.log.Info("fetch progress", "files", files, "total", p.total, "bytes", p.bytes.Load(),
		"filings_per_second", rate, "eta_seconds", eta)
}

// finish ends the bar.
func (p *progress) finish() {
	if p.bar != nil {
		if !p.bar.Completed() {
			p.bar.Abort(false)
		}
		p.prog.Wait()
	}
}
