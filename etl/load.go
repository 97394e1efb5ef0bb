package etl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/semaphore"

	"github.com/edgarload/edgarload/etl/indexload"
	"github.com/edgarload/edgarload/parser"
	"github.com/edgarload/edgarload/parser/submissions"
	edgarsql "github.com/edgarload/edgarload/sql"
)

// Reject stages recorded in edgar.load_rejects.
const (
	StageRead  = "read"
	StageParse = "parse"
	StageLoad  = "load"
)

// outcome is what a worker made of one input: a prepared filing or a reject
// — or, from the screening stage, an input already loaded (known).
type outcome struct {
	path  string
	sha   string // "" when unreadable
	rec   *prepared
	stage string
	err   error
	known bool // the same bytes are loaded by this parser version: unchanged, not parsed
	// skipped: this parser version rejected the same bytes before: not
	// parsed again (Options.RetryRejects forces it)
	skipped bool
	// skipReason: the walker did not read the file (a special file, a
	// directory met again): outcome "skipped" with this reason
	skipReason string
	index      []byte // an EDGAR index file or SEC JSON: loaded by indexload, not parsed
	weight     int64  // in-flight budget held by the input, released by the writer
}

// screenBatch is how many inputs the screening stage looks up at once.
const screenBatch = 64

// screen hashes the walked inputs and looks them up in edgar.filings a
// batch at a time: bytes already loaded by this parser version are reported
// unchanged without being parsed (a reload costs a hash, not a parse);
// everything else goes on to the parsers. If the lookup fails, every input
// is parsed and the writer decides, as without this stage. With
// skipRejects, bytes this parser version rejected before are reported
// skipped, not parsed again. Each lookup gives up after timeout (0: none).
func screen(ctx context.Context, pool *pgxpool.Pool, enabled, skipRejects bool, timeout time.Duration, walked <-chan Input, ins chan<- Input, outs chan<- outcome, log *slog.Logger) {
	pending := make([]Input, 0, screenBatch)
	send := func() bool {
		known := map[string]bool{}
		var shas []string
		for _, in := range pending {
			if in.err == nil {
				shas = append(shas, identityCandidates(in)...)
			}
		}
		var rejected map[string]bool
		if enabled && skipRejects && len(shas) > 0 {
			rejected = rejectedSources(ctx, pool, shas, timeout, log)
		}
		if enabled && len(shas) > 0 {
			ctx, cancel := withTimeout(ctx, timeout)
			defer cancel()
			rows, err := pool.Query(ctx, edgarsql.KnownSources, shas, parser.Version)
			if err == nil {
				for rows.Next() {
					var sha string
					var hasAccession bool
					if rows.Scan(&sha, &hasAccession) == nil {
						known[sha] = hasAccession
					}
				}
				rows.Close()
				err = rows.Err()
			}
			if err != nil {
				log.Debug("known-source lookup failed; parsing every input", "error", err)
				clear(known)
			}
		}
		for _, in := range pending {
			var ok bool
			if in.err == nil && isKnown(known, in) {
				ok = sendTo(ctx, outs, outcome{path: in.Name, sha: in.sha, known: true, weight: in.weight})
			} else if in.err == nil && anyIn(rejected, identityCandidates(in)) {
				ok = sendTo(ctx, outs, outcome{path: in.Name, sha: in.sha, skipped: true, weight: in.weight})
			} else {
				ok = sendTo(ctx, ins, in)
			}
			if !ok {
				return false
			}
		}
		pending = pending[:0]
		return true
	}
	for in := range walked {
		if in.err == nil {
			in.sha = inputSHA(in)
		}
		pending = append(pending, in)
		// Look up a full batch, or whatever has arrived when the walker
		// has nothing more ready, so the parsers never wait on a batch.
		if len(pending) < screenBatch && len(walked) > 0 {
			continue
		}
		if !send() {
			return
		}
	}
	if len(pending) > 0 {
		send()
	}
}

// rejectedSources looks up which of shas this parser version rejected
// before; a failed lookup skips nothing.
func rejectedSources(ctx context.Context, pool *pgxpool.Pool, shas []string, timeout time.Duration, log *slog.Logger) map[string]bool {
	ctx, cancel := withTimeout(ctx, timeout)
	defer cancel()
	rows, err := pool.Query(ctx, edgarsql.RejectedSources, shas, parser.Version)
	if err != nil {
		log.Debug("rejected-source lookup failed; parsing every input", "error", err)
		return nil
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		log.Debug("rejected-source lookup failed; parsing every input", "error", err)
		return nil
	}
	out := make(map[string]bool, len(got))
	for _, s := range got {
		out[s] = true
	}
	return out
}

func anyIn(set map[string]bool, keys []string) bool {
	for _, k := range keys {
		if set[k] {
			return true
		}
	}
	return false
}

// withTimeout is context.WithTimeout, or no deadline when d is 0.
func withTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}

// sendTo sends v on ch unless ctx ends first.
func sendTo[T any](ctx context.Context, ch chan<- T, v T) bool {
	select {
	case ch <- v:
		return true
	case <-ctx.Done():
		return false
	}
}

// Load walks paths (files; directories recursively; "-" for standard
// input; .gz and .zst files; .tar, .tar.gz, .tgz, .tar.zst and .zip
// archives, whose members are inputs; datamule bundles, one input each —
// see WalkInputs), parses the inputs on
// opts.Workers goroutines, and writes the filings in batches of
// opts.BatchSize, each in one transaction, recording the run in
// edgar.load_runs (counters kept current at every batch commit, a
// heartbeat while running), every input's outcome in edgar.load_files and
// every bad input in edgar.load_rejects. A database error stops the load
// and is returned (naming the batch's files); batches committed before it
// stay. A cancelled ctx stops it too: the run is recorded "interrupted".
func Load(ctx context.Context, pool *pgxpool.Pool, paths []string, opts Options, log *slog.Logger) (Summary, error) {
	start := time.Now()
	sum := Summary{Rows: map[string]int64{}}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = defaultBatchSize
	}
	if opts.MaxFileBytes <= 0 {
		opts.MaxFileBytes = defaultMaxFileBytes
	}
	if opts.MaxBatchBytes <= 0 {
		opts.MaxBatchBytes = defaultMaxBatchSize
	}
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = defaultHeartbeat
	}
	if opts.StaleAfter <= 0 {
		opts.StaleAfter = defaultStaleAfter
	}
	if opts.MaxInflightBytes <= 0 {
		opts.MaxInflightBytes = defaultMaxInflightBytes
	}
	parse := opts.Parse
	if parse == nil {
		parse = parser.Parse
	}
	if opts.Migrate {
		if err := MigratePool(ctx, pool, "up", io.Discard); err != nil {
			return sum, err
		}
	}
	inputs := append([]string{}, paths...)
	if opts.RunInputs != nil {
		inputs = opts.RunInputs
	}
	host := hostName()
	octx, ocancel := withTimeout(ctx, attemptTimeout(opts))
	defer ocancel()
	if err := abandonStale(octx, pool, host, opts.StaleAfter, log); err != nil {
		log.Warn("could not check for abandoned runs", "error", err.Error())
	}
	if err := pool.QueryRow(octx, edgarsql.InsertRun, inputs, parser.Version, os.Getpid(), host).Scan(&sum.RunID); err != nil {
		return sum, fmt.Errorf("open load run: %w", err)
	}
	ocancel()
	log.Info("load started", "run_id", sum.RunID, "inputs", len(paths), "workers", opts.Workers, "batch_size", opts.BatchSize)

	stopBeat := heartbeat(ctx, pool, sum.RunID, opts.Heartbeat, log)
	err := run(ctx, pool, paths, opts, parse, log, &sum)
	stopBeat()
	sum.Elapsed = time.Since(start)
	status, errText := finishStatus(ctx, err), any(nil)
	switch status {
	case StatusFailed:
		errText = err.Error()
	case StatusInterrupted:
		errText = "interrupted: " + context.Cause(ctx).Error()
	}
	rowsJSON, jerr := json.Marshal(sum.Rows)
	if jerr != nil {
		rowsJSON = []byte("{}")
	}
	// A fresh, short deadline: the run's context may be cancelled, and a
	// dead database must not hang the exit.
	fctx, fcancel := context.WithTimeout(context.WithoutCancel(ctx), finishTimeout)
	defer fcancel()
	if _, ferr := pool.Exec(fctx, edgarsql.FinishRun, sum.RunID, status, sum.FilesSeen,
		sum.FilingsLoaded, sum.FilingsUnchanged, sum.FilingsRejected, string(rowsJSON), errText); ferr != nil {
		if err == nil {
			err = fmt.Errorf("close load run %d: %w", sum.RunID, ferr)
		} else {
			log.Error("could not record the end of the run", "run_id", sum.RunID, "status", status, "error", ferr.Error())
		}
	}
	log.Info("load finished", "run_id", sum.RunID, "status", status, "files", sum.FilesSeen,
		"loaded", sum.FilingsLoaded, "unchanged", sum.FilingsUnchanged, "rejected", sum.FilingsRejected, "rejected_before", sum.RejectedBefore,
		"elapsed", sum.Elapsed.Round(time.Millisecond), "filings_per_second", fmt.Sprintf("%.1f", sum.FilingsPerSecond()))
	return sum, err
}

// progressEvery is how often a long load logs its progress (at info level).
const progressEvery = 10 * time.Second

// walkConfig is the walk's limits from the options (defaults applied).
func (o Options) walkConfig() walkConfig {
	c := defaultWalkConfig()
	c.maxFile = o.MaxFileBytes
	switch {
	case o.MaxArchiveBytes > 0:
		c.maxArchive = o.MaxArchiveBytes
	case o.MaxArchiveBytes < 0:
		c.maxArchive = 0
	}
	switch {
	case o.MaxExpansionRatio > 0:
		c.ratio = o.MaxExpansionRatio
	case o.MaxExpansionRatio < 0:
		c.ratio = 0
	}
	if o.Stdin != nil {
		c.stdin = o.Stdin
	}
	return c
}

// run is the pipeline: one walker, opts.Workers parsers, and this goroutine
// as the single writer. The bytes in flight are bounded by a budget of
// opts.MaxInflightBytes: the walker takes an input's size from it before
// passing the input on, and the writer gives it back once it has taken the
// outcome (into a batch, or as a reject or unchanged); an input larger than
// the whole budget waits until it can take all of it, and passes alone.
func run(ctx context.Context, pool *pgxpool.Pool, paths []string, opts Options, parse ParseFunc, log *slog.Logger, sum *Summary) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	walked := make(chan Input, screenBatch)
	ins := make(chan Input, opts.Workers)
	outs := make(chan outcome, opts.Workers)
	budget := semaphore.NewWeighted(opts.MaxInflightBytes)
	var walkErr error
	go func() {
		defer close(walked)
		emit := func(in Input) bool {
			in.weight = min(max(in.size(), 1), opts.MaxInflightBytes)
			if budget.Acquire(ctx, in.weight) != nil {
				return false
			}
			select {
			case walked <- in:
				return true
			case <-ctx.Done():
				return false
			}
		}
		walkErr = walkInputs(ctx, paths, opts.walkConfig(), emit)
		if opts.Paths == nil {
			return
		}
		for p := range opts.Paths {
			if walkErr != nil || ctx.Err() != nil {
				continue // drain, so that the sender never blocks
			}
			walkErr = walkInputs(ctx, []string{p}, opts.walkConfig(), emit)
		}
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(ins)
		// Only the real parser's version is known before parsing: with
		// an injected Options.Parse every input is parsed.
		screen(ctx, pool, opts.Parse == nil, !opts.RetryRejects, attemptTimeout(opts), walked, ins, outs, log)
	}()
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range ins {
				o := process(in, parse)
				select {
				case outs <- o:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(outs) }()

	started, lastProgress := time.Now(), time.Now()
	var batch []*prepared
	var batchBytes int64
	var rejects []outcome
	var files []fileRecord // outcomes decided outside a batch (unchanged, skipped, index files)
	rejectPV := rejectParserVersion(opts)
	policy := defaultRetry
	policy.attemptTimeout = attemptTimeout(opts)
	hook := func(ctx context.Context, tx pgx.Tx, prior, res batchResult) error {
		return recordProgress(ctx, tx, sum, mergeResults(prior, res), res.files)
	}
	flush := func() error {
		if len(rejects) > 0 || len(files) > 0 {
			if err := recordOutside(ctx, pool, sum, rejects, files, rejectPV, policy, log); err != nil {
				return err
			}
			rejects, files = rejects[:0], files[:0]
		}
		if len(batch) == 0 {
			return nil
		}
		iso, err := writeIsolated(ctx, pool, batch, policy, hook, log)
		sum.Retries += iso.retries
		res := iso.res
		sum.FilingsLoaded += res.loaded
		sum.FilingsUnchanged += res.unchanged
		for k, v := range res.rows {
			sum.Rows[k] += v
		}
		if err != nil {
			return err
		}
		if len(iso.rejects) > 0 {
			if err := recordOutside(ctx, pool, sum, iso.rejects, nil, rejectPV, policy, log); err != nil {
				return err
			}
		}
		log.Debug("batch written", "filings", len(batch), "loaded", res.loaded, "unchanged", res.unchanged)
		if time.Since(lastProgress) >= progressEvery {
			lastProgress = time.Now()
			done := sum.FilingsLoaded + sum.FilingsUnchanged + sum.FilingsRejected
			log.Info("progress", "files", sum.FilesSeen, "loaded", sum.FilingsLoaded, "unchanged", sum.FilingsUnchanged,
				"rejected", sum.FilingsRejected, "filings_per_second", math.Round(float64(done)/time.Since(started).Seconds()))
		}
		batch, batchBytes = batch[:0], 0
		return nil
	}
	var err error
	for o := range outs {
		budget.Release(o.weight) // the writer has the outcome: the input's bytes are free
		if err != nil {
			continue // drain after a failure
		}
		sum.FilesSeen++
		switch {
		case o.known:
			sum.FilingsUnchanged++
			files = append(files, fileRecord{o.path, o.sha, OutcomeUnchanged, "same bytes already loaded by parser " + parser.Version})
		case o.skipped:
			sum.RejectedBefore++
			files = append(files, fileRecord{o.path, o.sha, OutcomeSkipped, "rejected before with the same bytes by parser " + parser.Version + " (--retry-rejects parses it again)"})
		case o.index != nil:
			var rej *outcome
			if rej, err = loadIndexFile(ctx, pool, o, sum, log); err != nil {
				cancel()
			} else if rej != nil {
				rejects = append(rejects, *rej)
			} else {
				files = append(files, fileRecord{path: o.path, sha: o.sha, outcome: OutcomeLoaded, detail: "index or JSON file"})
			}
		case o.skipReason != "":
			log.Warn("skipped input", "path", o.path, "reason", o.skipReason)
			files = append(files, fileRecord{path: o.path, outcome: OutcomeSkipped, detail: o.skipReason})
		case o.err != nil:
			log.Warn("rejected input", "path", o.path, "stage", o.stage, "error", o.err.Error())
			rejects = append(rejects, o)
		default:
			for _, w := range o.rec.warnings {
				log.Warn("input warning", "path", o.path, "warning", w)
			}
			if opts.SkipDocumentText {
				o.rec.dropDocumentText()
			}
			batch = append(batch, o.rec)
			batchBytes += o.rec.bytes
		}
		if len(batch) >= opts.BatchSize || batchBytes >= opts.MaxBatchBytes || len(rejects)+len(files) >= opts.BatchSize {
			if err = flush(); err != nil {
				cancel()
			}
		}
	}
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	if walkErr != nil {
		return walkErr
	}
	return ctx.Err()
}

// process reads nothing (the walker did) and parses one input.
func process(in Input, parse ParseFunc) (o outcome) {
	o.path, o.weight = in.Name, in.weight
	if in.skip != "" {
		o.skipReason = in.skip
		return o
	}
	if in.err != nil {
		o.stage, o.err = StageRead, in.err
		return o
	}
	o.sha = in.sha
	if o.sha == "" {
		o.sha = inputSHA(in)
	}
	defer func() {
		if r := recover(); r != nil {
			o.rec, o.stage, o.err = nil, StageParse, fmt.Errorf("parse %s: parser panic: %v", in.Name, r)
		}
	}()
	if in.parts == nil && indexload.IsIndexOrJSON(in.Name, in.data[:min(len(in.data), 4096)]) {
		o.index = in.data
		return o
	}
	size := int64(len(in.data))
	var f *parser.Filing
	var err error
	if in.parts != nil {
		f, err = parser.ParseParts(in.Name, in.parts)
		if f != nil {
			size = f.Source.Bytes
		}
	} else {
		f, err = parse(in.Name, in.data)
	}
	if err != nil {
		o.stage, o.err = StageParse, err
		if !strings.Contains(err.Error(), in.Name) {
			o.err = fmt.Errorf("parse %s: %w", in.Name, err)
		}
		return o
	}
	rec, err := prepare(in.Name, identitySHA(o.sha, f), size, f)
	if err != nil {
		o.stage, o.err = StageLoad, err
		return o
	}
	o.rec = rec
	return o
}

// loadIndexFile loads an EDGAR index file or SEC JSON met among the inputs
// into edgar.index_entries and the registrant-fact tables. A file that
// turns out not to be one is returned as a reject at stage "parse"; a
// database error fails the run.
func loadIndexFile(ctx context.Context, pool *pgxpool.Pool, o outcome, sum *Summary, log *slog.Logger) (*outcome, error) {
	res, err := indexload.LoadFile(ctx, pool, o.path, bytes.NewReader(o.index))
	if errors.Is(err, indexload.ErrNotIndexOrJSON) || errors.Is(err, submissions.ErrDirectoryListing) || errors.Is(err, submissions.ErrNotSubmissions) {
		log.Warn("rejected input", "path", o.path, "stage", StageParse, "error", err.Error())
		return &outcome{path: o.path, sha: o.sha, stage: StageParse, err: err}, nil
	}
	if err != nil {
		return nil, err
	}
	sum.IndexFiles++
	sum.IndexEntries += res.Entries
	for k, v := range res.Rows {
		sum.Rows[k] += v
	}
	log.Info("index file loaded", "path", o.path, "kind", res.Kind, "entries", res.Entries, "inserted", res.Inserted,
		"updated", res.Updated, "unchanged", res.Unchanged, "malformed", res.Malformed)
	return nil, nil
}

// execer is a pool or a transaction.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// writeRejects records rejects of run runID, refused by parser version pv
// (nil when unknown).
func writeRejects(ctx context.Context, db execer, runID int64, rejects []outcome, pv *string) error {
	paths := make([]string, len(rejects))
	shas := make([]*string, len(rejects))
	stages := make([]string, len(rejects))
	errs := make([]string, len(rejects))
	for i, r := range rejects {
		paths[i], stages[i], errs[i] = cleanPath(r.path), r.stage, clean(r.err.Error())
		if r.sha != "" {
			s := r.sha
			shas[i] = &s
		}
	}
	if _, err := db.Exec(ctx, edgarsql.InsertRejects, runID, paths, shas, stages, errs, pv); err != nil {
		return fmt.Errorf("record %d rejected inputs: %w", len(rejects), err)
	}
	return nil
}

// batchNames lists the batch's files for an error message (at most 10).
func batchNames(batch []*prepared) string {
	names := make([]string, 0, len(batch))
	for _, r := range batch {
		names = append(names, r.path)
	}
	sort.Strings(names)
	if len(names) > 10 {
		names = append(names[:10], fmt.Sprintf("and %d more", len(names)-10))
	}
	return strings.Join(names, ", ")
}
