// Package fetch picks filings from EDGAR's indexes and downloads their
// complete submissions through the fair-access client of etl/edgarhttp:
// Plan reads the quarterly full-index (and, for the current quarter, the
// daily-index) and selects entries by form, date, CIK, ticker and
// accession number; Download fetches the selected submissions
// concurrently into the client's cache and hands each finished file on,
// so that loading overlaps with downloading. Every file lands in the cache,
// so a killed fetch resumes where it stopped and a second fetch downloads
// nothing.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/edgarload/edgarload/etl/edgarhttp"
	"github.com/edgarload/edgarload/etl/shard"
	"github.com/edgarload/edgarload/parser/edgarindex"
	"github.com/edgarload/edgarload/parser/submissions"
)

// Selection says which filings to fetch; empty fields select everything
// (From defaults to the start of To's quarter, To to today).
type Selection struct {
	Forms      []string // form types as EDGAR writes them ("8-K", "10-K"); case-insensitive
	Amendments bool     // also the amendments of Forms ("8-K" selects "8-K/A" too)
	From, To   time.Time
	CIKs       []int64
	Tickers    []string // resolved to CIKs with SEC's company_tickers.json
	Accessions []string // NNNNNNNNNN-YY-NNNNNN or 18 digits
	// Shard, when set, keeps the filings of one shard of N, by accession
	// number (see package shard): N fetches of one selection with K from
	// 0 to N-1 download and load every filing exactly once between them,
	// on the same shards as a sharded load of their files.
	Shard shard.Spec
}

// Options tune Plan and Download.
type Options struct {
	// Now is today's date source (tests fix it); default time.Now.
	Now func() time.Time
	// Workers is the number of concurrent downloads (default 4); the
	// client's rate limit holds across all of them.
	Workers int
	// Log receives a line per index read; default discard.
	Log *slog.Logger
}

func (o *Options) defaults() {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

// currentIndexMaxAge is how long a cached index of the current quarter
// (or a daily index) stays good: EDGAR adds to them during the day.
const currentIndexMaxAge = time.Hour

// tickersMaxAge is how long a cached company_tickers.json stays good.
const tickersMaxAge = 24 * time.Hour

// Plan reads the indexes that cover sel and returns the selected entries,
// one per accession number (the first CIK listed for it), ordered by
// filing date and accession number.
func Plan(ctx context.Context, c *edgarhttp.Client, sel Selection, opts Options) ([]edgarindex.Entry, error) {
	opts.defaults()
	sel, err := normalize(ctx, c, sel, opts.Now())
	if err != nil {
		return nil, err
	}
	byAccession := map[string]edgarindex.Entry{}
	add := func(e edgarindex.Entry) error {
		if sel.match(e) {
			if _, dup := byAccession[e.Accession]; !dup {
				byAccession[e.Accession] = e
			}
		}
		return nil
	}
	today := day(opts.Now())
	current := edgarhttp.QuarterOf(today)
	for _, q := range edgarhttp.QuartersBetween(sel.From, sel.To) {
		if current.Before(q) {
			break
		}
		maxAge := time.Duration(0) // a past quarter's index never changes
		if q == current {
			maxAge = currentIndexMaxAge
		}
		if err := readIndex(ctx, c, edgarhttp.Request{Path: q.FullIndexPath("master"), MaxAge: maxAge}, add, opts.Log); err != nil {
			if errors.Is(err, edgarhttp.ErrNotFound) && q == current {
				opts.Log.Debug("no full-index yet for the current quarter", "quarter", q.String())
			} else {
				return nil, err
			}
		}
		if q == current {
			if err := readDailyIndexes(ctx, c, sel, today, add, opts.Log); err != nil {
				return nil, err
			}
		}
	}
	out := make([]edgarindex.Entry, 0, len(byAccession))
	for _, e := range byAccession {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].DateFiled.Equal(out[j].DateFiled) {
			return out[i].DateFiled.Before(out[j].DateFiled)
		}
		return out[i].Accession < out[j].Accession
	})
	return out, nil
}

// readDailyIndexes reads the daily master indexes of the current quarter's
// days within sel, from the last week on: the quarterly full-index of the
// current quarter lags behind by a day or so. Days without an index
// (weekends, holidays, today before EDGAR writes it) are skipped.
func readDailyIndexes(ctx context.Context, c *edgarhttp.Client, sel Selection, today time.Time, add func(edgarindex.Entry) error, log *slog.Logger) error {
	q := edgarhttp.QuarterOf(today)
	start := today.AddDate(0, 0, -7)
	if qs := time.Date(q.Year, time.Month(3*q.Q-2), 1, 0, 0, 0, 0, time.UTC); start.Before(qs) {
		start = qs
	}
	if start.Before(sel.From) {
		start = sel.From
	}
	end := today
	if sel.To.Before(end) {
		end = sel.To
	}
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		err := readIndex(ctx, c, edgarhttp.Request{Path: edgarhttp.DailyIndexPath(d), MaxAge: currentIndexMaxAge}, add, log)
		if errors.Is(err, edgarhttp.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readIndex fetches one index file into the cache and streams its entries.
func readIndex(ctx context.Context, c *edgarhttp.Client, req edgarhttp.Request, fn func(edgarindex.Entry) error, log *slog.Logger) error {
	res, err := c.Fetch(ctx, req)
	if err != nil {
		return fmt.Errorf("fetch index %s: %w", req.Path, err)
	}
	f, err := os.Open(res.Path)
	if err != nil {
		return fmt.Errorf("read index %s: %w", res.Path, err)
	}
	defer f.Close()
	st, err := edgarindex.Read(f, fn)
	if err != nil {
		return fmt.Errorf("read index %s: %w", req.Path, err)
	}
	log.Info("index read", "path", req.Path, "cached", res.Cached, "entries", st.Entries, "malformed", st.Malformed)
	return nil
}

// normalize resolves tickers, fills the date range and canonicalizes
// forms and accession numbers.
func normalize(ctx context.Context, c *edgarhttp.Client, sel Selection, now time.Time) (Selection, error) {
	for i, f := range sel.Forms {
		sel.Forms[i] = strings.ToUpper(strings.TrimSpace(f))
	}
	for i, a := range sel.Accessions {
		acc := edgarindex.AccessionFromPath(strings.TrimSpace(a))
		if acc == "" {
			return sel, fmt.Errorf("--accession %q is not an accession number (NNNNNNNNNN-YY-NNNNNN)", a)
		}
		sel.Accessions[i] = acc
	}
	if len(sel.Tickers) > 0 {
		ciks, err := resolveTickers(ctx, c, sel.Tickers)
		if err != nil {
			return sel, err
		}
		sel.CIKs = append(sel.CIKs, ciks...)
	}
	if sel.To.IsZero() {
		sel.To = day(now)
	}
	if sel.From.IsZero() {
		sel.From = accessionsStart(sel.Accessions)
	}
	if sel.From.IsZero() {
		q := edgarhttp.QuarterOf(sel.To)
		sel.From = time.Date(q.Year, time.Month(3*q.Q-2), 1, 0, 0, 0, 0, time.UTC)
	}
	sel.From, sel.To = day(sel.From), day(sel.To)
	if sel.To.Before(sel.From) {
		return sel, fmt.Errorf("--from %s is after --to %s", sel.From.Format(time.DateOnly), sel.To.Format(time.DateOnly))
	}
	return sel, nil
}

// accessionsStart is the first day of the earliest year the accession
// numbers were assigned in (their YY part), so that a fetch by accession
// alone reads only the indexes of those years onwards.
func accessionsStart(accs []string) time.Time {
	var first time.Time
	for _, a := range accs {
		yy, err := strconv.Atoi(a[11:13])
		if err != nil {
			continue
		}
		year := 2000 + yy
		if yy >= 93 {
			year = 1900 + yy
		}
		t := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		if first.IsZero() || t.Before(first) {
			first = t
		}
	}
	return first
}

// resolveTickers maps tickers to CIKs with company_tickers.json.
func resolveTickers(ctx context.Context, c *edgarhttp.Client, tickers []string) ([]int64, error) {
	res, err := c.Fetch(ctx, edgarhttp.Request{Path: edgarhttp.CompanyTickersPath, MaxAge: tickersMaxAge})
	if err != nil {
		return nil, fmt.Errorf("fetch company tickers: %w", err)
	}
	data, err := os.ReadFile(res.Path)
	if err != nil {
		return nil, fmt.Errorf("read company tickers: %w", err)
	}
	doc, err := submissions.Parse(res.Path, data)
	if err != nil {
		return nil, fmt.Errorf("read company tickers: %w", err)
	}
	byTicker := map[string]int64{}
	for _, t := range doc.Tickers {
		byTicker[strings.ToUpper(t.Ticker)] = t.CIK
	}
	var out []int64
	for _, t := range tickers {
		cik, ok := byTicker[strings.ToUpper(strings.TrimSpace(t))]
		if !ok {
			return nil, fmt.Errorf("--ticker %s: not in SEC's company_tickers.json", t)
		}
		out = append(out, cik)
	}
	return out, nil
}

// match reports whether an index entry is selected.
func (s Selection) match(e edgarindex.Entry) bool {
	if e.Accession == "" || e.DateFiled.Before(s.From) || e.DateFiled.After(s.To) || !s.Shard.Owns(e.Accession) {
		return false
	}
	if len(s.Forms) > 0 {
		form := strings.ToUpper(e.FormType)
		ok := slices.Contains(s.Forms, form)
		if !ok && s.Amendments {
			ok = slices.Contains(s.Forms, strings.TrimSuffix(form, "/A"))
		}
		if !ok {
			return false
		}
	}
	if len(s.CIKs) > 0 && !slices.Contains(s.CIKs, e.CIK) {
		return false
	}
	return len(s.Accessions) == 0 || slices.Contains(s.Accessions, e.Accession)
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Downloaded is one submission in the cache.
type Downloaded struct {
	Entry  edgarindex.Entry
	Result edgarhttp.Result
}

// Download fetches the complete submission of every entry into the cache,
// opts.Workers at a time, and calls done (from one goroutine at a time)
// for each, in order of completion. A filing EDGAR no longer serves (404)
// is reported to missing and skipped; any other error stops the download
// and is returned — the files already in the cache stay, so the next run
// resumes.
func Download(ctx context.Context, c *edgarhttp.Client, entries []edgarindex.Entry, opts Options,
	done func(Downloaded) error, missing func(edgarindex.Entry, error)) error {
	opts.defaults()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan edgarindex.Entry)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range jobs {
				res, err := c.Fetch(ctx, edgarhttp.Request{Path: edgarhttp.SubmissionPath(e.CIK, e.Accession)})
				mu.Lock()
				switch {
				case errors.Is(err, edgarhttp.ErrNotFound):
					if missing != nil {
						missing(e, err)
					}
				case err != nil:
					cancel(fmt.Errorf("fetch %s (%s): %w", e.Accession, e.CompanyName, err))
				default:
					if derr := done(Downloaded{Entry: e, Result: res}); derr != nil {
						cancel(derr)
					}
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, e := range entries {
		select {
		case jobs <- e:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	return context.Cause(ctx)
}
