package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress reports downloads (fetch) or inputs (load): a progress bar
// (files, bytes, rate, ETA) when stderr is a terminal and logs are text,
// log lines every 10 s otherwise.
type progress struct {
	name  string       // "fetch" or "load"
	total atomic.Int64 // known or estimated number of files
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
	return newNamedProgress(stderr, logFormat, "fetch", total, log)
}

func newNamedProgress(stderr io.Writer, logFormat, name string, total int, log *slog.Logger) *progress {
	p := &progress{name: name, log: log, start: time.Now(), lastLine: time.Now()}
	p.total.Store(int64(total))
	if f, ok := stderr.(*os.File); ok && logFormat == "text" && isTerminal(f) && (total > 0 || name == "load") {
		p.prog = mpb.New(mpb.WithOutput(f), mpb.WithWidth(40), mpb.WithRefreshRate(200*time.Millisecond))
		p.bar = p.prog.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name(name+" "), decor.CountersNoUnit("%d/%d files")),
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

// setTotal updates the number of files expected (an estimate while the
// inputs are still being counted).
func (p *progress) setTotal(n int64) {
	p.total.Store(n)
	if p.bar != nil {
		p.bar.SetTotal(max(n, p.files.Load()), false)
	}
}

// done counts one downloaded (or cached) filing, or one loaded input, of n bytes.
func (p *progress) done(n int64) {
	files := p.files.Add(1)
	p.bytes.Add(n)
	if p.bar != nil {
		if files > p.total.Load() { // archives hold more inputs than files counted
			p.bar.SetTotal(files+1, false)
		}
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
	total := max(p.total.Load(), files)
	eta := 0.0
	if rate > 0 {
		eta = float64(total-files) / rate
	}
	p.log.Info(p.name+" progress", "files", files, "total", total, "bytes", p.bytes.Load(),
		"filings_per_second", round1(rate), "eta_seconds", round1(eta), "elapsed_seconds", round1(elapsed))
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// finish ends the bar: complete when every counted file is done.
func (p *progress) finish() {
	if p.bar != nil {
		if p.name == "load" {
			p.bar.SetTotal(p.files.Load(), true)
		}
		if !p.bar.Completed() {
			p.bar.Abort(false)
		}
		p.prog.Wait()
	}
}

// countInputs counts, in the background, the regular files under paths
// (each archive or "-" counts one; symlinked directories are not followed:
// an estimate), calling set as the count grows and when it is final.
func countInputs(ctx context.Context, paths []string, set func(int64)) {
	go func() {
		var n int64
		last := time.Now()
		for _, root := range paths {
			if root == "-" {
				n++
				continue
			}
			_ = filepath.WalkDir(root, func(_ string, d fs.DirEntry, err error) error {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if err == nil && d.Type().IsRegular() {
					n++
					if time.Since(last) > 200*time.Millisecond {
						last = time.Now()
						set(n)
					}
				}
				return nil
			})
		}
		set(n)
	}()
}
