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
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/semaphore"

	"github.com/edgarload/edgarload/etl/indexload"
	"github.com/edgarload/edgarload/etl/shard"
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
	byStat     bool   // known from its path, size and modification time, unhashed
	superseded string // with byStat: superseded before, this detail
	stat       fileStat
}

// screenBatch is how many inputs the screening stage looks up at once (at
// most: it looks up whatever has arrived when the walker has nothing more
// ready, so that the parsers never wait on a batch).
const screenBatch = 256

// screenConfig is what the screening stage does.
type screenConfig struct {
	enabled     bool // look inputs up (false: hash them and parse them all)
	skipRejects bool // report bytes this parser version rejected before skipped
	rehash      bool // never take a plain file as unchanged from its size and time alone
	timeout     time.Duration
}

// screen looks the walked inputs up a batch at a time and sends on to the
// parsers only those that need parsing: a plain file recorded in
// edgar.load_files with the same path, size and modification time, as a
// source identity this parser version has loaded, is reported unchanged
// unhashed (unless cfg.rehash); every other input is hashed and looked up
// in edgar.filings: bytes already loaded by this parser version are
// reported unchanged without being parsed (a reload costs a hash, not a
// parse). If a lookup fails, the inputs are parsed and the writer decides,
// as without this stage. With cfg.skipRejects, bytes this parser version
// rejected before are reported skipped, not parsed again. Each lookup
// gives up after cfg.timeout (0: none).
func screen(ctx context.Context, pool *pgxpool.Pool, cfg screenConfig, walked <-chan Input, ins chan<- Input, outs chan<- outcome, log *slog.Logger) {
	pending := make([]Input, 0, screenBatch)
	send := func() bool {
		defer func() { pending = pending[:0] }()
		return screenPending(ctx, pool, cfg, pending, ins, outs, log)
	}
	for in := range walked {
		pending = append(pending, in)
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

// screenPending screens one batch of inputs; false when ctx ended.
func screenPending(ctx context.Context, pool *pgxpool.Pool, cfg screenConfig, pending []Input, ins chan<- Input, outs chan<- outcome, log *slog.Logger) bool {
	var byStat map[string]knownFile
	if cfg.enabled && !cfg.rehash {
		byStat = knownFiles(ctx, pool, pending, cfg.timeout, log)
	}
	var shas []string
	for i := range pending {
		in := &pending[i]
		if in.err != nil {
			continue
		}
		if _, ok := byStat[cleanPath(in.Name)]; ok && in.stat.ok() {
			continue
		}
		in.sha = inputSHA(*in)
		shas = append(shas, identityCandidates(*in)...)
	}
	var rejected map[string]bool
	if cfg.enabled && cfg.skipRejects && len(shas) > 0 {
		rejected = rejectedSources(ctx, pool, shas, cfg.timeout, log)
	}
	var known map[string]bool
	if cfg.enabled && len(shas) > 0 {
		known = knownSources(ctx, pool, shas, cfg.timeout, log)
	}
	for _, in := range pending {
		var ok bool
		if k, hit := byStat[cleanPath(in.Name)]; hit && in.err == nil && in.stat.ok() {
			o := outcome{path: in.Name, sha: k.sha, known: true, byStat: true, weight: in.weight, stat: in.stat}
			if k.outcome == OutcomeSuperseded {
				o.superseded = k.detail
			}
			ok = sendTo(ctx, outs, o)
		} else if sha, hit := knownIdentity(known, in); hit && in.err == nil {
			ok = sendTo(ctx, outs, outcome{path: in.Name, sha: sha, known: true, weight: in.weight, stat: in.stat})
		} else if in.err == nil && anyIn(rejected, identityCandidates(in)) {
			ok = sendTo(ctx, outs, outcome{path: in.Name, sha: in.sha, skipped: true, weight: in.weight, stat: in.stat})
		} else {
			ok = sendTo(ctx, ins, in)
		}
		if !ok {
			return false
		}
	}
	return true
}

// knownFile is what an earlier run recorded for a plain file with the same
// path, size and modification time.
type knownFile struct{ sha, outcome, detail string }

// knownFiles looks up the plain files among inputs in edgar.load_files by
// path, size and modification time, in one query: it returns the source
// record of each (cleaned) path found whose result still holds for this
// parser version. A failed lookup finds nothing.
func knownFiles(ctx context.Context, pool *pgxpool.Pool, inputs []Input, timeout time.Duration, log *slog.Logger) map[string]knownFile {
	var paths []string
	var sizes []int64
	var mtimes []time.Time
	for _, in := range inputs {
		if in.err == nil && in.stat.ok() {
			paths = append(paths, cleanPath(in.Name))
			sizes = append(sizes, in.stat.size)
			mtimes = append(mtimes, in.stat.mtime)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	ctx, cancel := withTimeout(ctx, timeout)
	defer cancel()
	rows, err := pool.Query(ctx, edgarsql.KnownFiles, paths, sizes, mtimes, parser.Version)
	if err != nil {
		log.Debug("known-file lookup failed; hashing every input", "error", err)
		return nil
	}
	defer rows.Close()
	out := map[string]knownFile{}
	for rows.Next() {
		var path string
		var k knownFile
		if err := rows.Scan(&path, &k.sha, &k.outcome, &k.detail); err != nil {
			log.Debug("known-file lookup failed; hashing every input", "error", err)
			return nil
		}
		out[path] = k
	}
	if err := rows.Err(); err != nil {
		log.Debug("known-file lookup failed; hashing every input", "error", err)
		return nil
	}
	return out
}

// knownSources looks up which of shas this parser version has loaded,
// and whether under an accession number; a failed lookup finds nothing.
func knownSources(ctx context.Context, pool *pgxpool.Pool, shas []string, timeout time.Duration, log *slog.Logger) map[string]bool {
	ctx, cancel := withTimeout(ctx, timeout)
	defer cancel()
	known := map[string]bool{}
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
		return nil
	}
	return known
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
	parse := opts.Parse // nil: parser.ParseWith, given the screening stage's hash
	if opts.Migrate {
		var out strings.Builder
		if err := MigratePool(ctx, pool, "up", &out); err != nil {
			return sum, err
		}
		logMigrationWarnings(log, out.String())
	}
	if err := CheckSchemaVersion(ctx, pool); err != nil {
		return sum, err
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
	log.Info("load started", "run_id", sum.RunID, "inputs", len(paths), "workers", opts.Workers, "batch_size", opts.BatchSize,
		"shard", opts.Shard.String())

	stopBeat := heartbeat(ctx, pool, sum.RunID, opts.Heartbeat, log)
	err := run(ctx, pool, paths, opts, parse, log, &sum)
	stopBeat()
	if err == nil && opts.LimitRejects && sum.FilingsRejected > opts.MaxRejects {
		err = &TooManyRejectsError{Rejected: sum.FilingsRejected, Max: opts.MaxRejects, RunID: sum.RunID}
	}
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
		"skipped", sum.Skipped, "other_shards", sum.OtherShards,
		"elapsed_seconds", math.Round(sum.Elapsed.Seconds()*1000)/1000, "filings_per_second", math.Round(sum.FilingsPerSecond()*10)/10,
		"writer_seconds", math.Round(sum.WriterTime.Seconds()*1000)/1000)
	return sum, err
}

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
	c.shard = o.Shard
	return c
}

// run is the pipeline: one walker, opts.Workers parsers, and this goroutine
// as the single writer. The bytes in flight are bounded by a budget of
// opts.MaxInflightBytes: the walker takes an input's size from it before
// passing the input on, and the writer gives it back once it has taken the
// outcome (into a batch, or as a reject or unchanged); an input larger than
// the whole budget waits until it can take all of it, and passes alone.
func run(parent context.Context, pool *pgxpool.Pool, paths []string, opts Options, parse ParseFunc, log *slog.Logger, sum *Summary) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	walked := make(chan Input, screenBatch)
	ins := make(chan Input, opts.Workers)
	outs := make(chan outcome, opts.Workers)
	budget := semaphore.NewWeighted(opts.MaxInflightBytes)
	var walkErr error
	var others atomic.Int64
	defer func() { sum.OtherShards = int(others.Load()) }()
	cfg := opts.walkConfig()
	cfg.others = &others
	more := opts.walkConfig()
	more.shard = shard.Spec{}       // fetch shards its plan, not its downloads
	walkDone := make(chan struct{}) // closed once walkErr is final
	go func() {
		defer close(walkDone)
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
		walkErr = walkInputs(ctx, paths, cfg, emit)
		if opts.Paths == nil {
			return
		}
		for p := range opts.Paths {
			if walkErr != nil || ctx.Err() != nil {
				continue // drain, so that the sender never blocks
			}
			walkErr = walkInputs(ctx, []string{p}, more, emit)
		}
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(ins)
		// Only the real parser's version is known before parsing: with
		// an injected Options.Parse every input is parsed.
		screen(ctx, pool, screenConfig{enabled: opts.Parse == nil, skipRejects: !opts.RetryRejects, rehash: opts.Rehash,
			timeout: attemptTimeout(opts)}, walked, ins, outs, log)
	}()
	byWeight := func(in Input) int64 { return in.weight }
	startWorkers(ctx, opts.Workers, &wg, largestFirst(ctx, opts.Workers, ins, byWeight), outs, func(in Input) outcome { return process(in, parse) })
	go func() { wg.Wait(); close(outs) }()

	w := &batchWriter{pool: pool, log: log, rejectPV: rejectParserVersion(opts), cancel: cancel,
		sum: Summary{Rows: map[string]int64{}}}
	w.policy = defaultRetry
	w.policy.attemptTimeout = attemptTimeout(opts)
	jobs, written := make(chan writeJob), make(chan struct{})
	go w.run(ctx, jobs, written)

	var job writeJob
	var batchBytes int64
	flush := func() {
		job.base = addSummaries(*sum, Summary{})
		jobs <- job // waits while the writer is busy with the previous job
		job, batchBytes = writeJob{}, 0
	}
	for o := range outs {
		budget.Release(o.weight) // the collector has the outcome: the input's bytes are free
		if w.failed.Load() {
			continue // drain after a failure
		}
		sum.FilesSeen++
		if opts.OnInput != nil {
			opts.OnInput(o.weight)
		}
		switch {
		case o.known:
			sum.FilingsUnchanged++
			job.files = append(job.files, knownRecord(o))
		case o.skipped:
			sum.RejectedBefore++
			job.files = append(job.files, fileRecord{o.path, o.sha, OutcomeSkipped, "rejected before with the same bytes by parser " + parser.Version + " (--retry-rejects parses it again)", o.stat})
		case o.index != nil:
			job.index = append(job.index, o)
		case o.skipReason != "":
			sum.Skipped++
			log.Warn("skipped input", "path", o.path, "reason", o.skipReason)
			job.files = append(job.files, fileRecord{path: o.path, outcome: OutcomeSkipped, detail: o.skipReason})
		case o.err != nil:
			log.Warn("rejected input", "path", o.path, "stage", o.stage, "error", o.err.Error())
			job.rejects = append(job.rejects, o)
		default:
			for _, w := range o.rec.warnings {
				log.Warn("input warning", "path", o.path, "warning", w)
			}
			if opts.SkipDocumentText {
				o.rec.dropDocumentText()
			}
			job.batch = append(job.batch, o.rec)
			batchBytes += o.rec.bytes
		}
		if len(job.batch) >= opts.BatchSize || batchBytes >= opts.MaxBatchBytes ||
			len(job.rejects)+len(job.files)+len(job.index) >= opts.BatchSize {
			flush()
		}
	}
	if !w.failed.Load() {
		flush()
	}
	close(jobs)
	<-written
	*sum = addSummaries(*sum, w.sum)
	if w.err != nil {
		return w.err
	}
	cancel() // the walker may still be emitting when screen stopped on a signal
	<-walkDone
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return walkErr
	}
	return parent.Err()
}

// knownRecord is the edgar.load_files row of an input the screen found
// already loaded (or, by path, size and time, superseded before).
func knownRecord(o outcome) fileRecord {
	switch {
	case o.byStat && o.superseded != "":
		const again = " (same path, size and modification time as then; --rehash checks again)"
		return fileRecord{o.path, o.sha, OutcomeSuperseded, strings.TrimSuffix(o.superseded, again) + again, o.stat}
	case o.byStat:
		return fileRecord{o.path, o.sha, OutcomeUnchanged, "same path, size and modification time as a file already loaded by parser " + parser.Version + " (--rehash hashes it)", o.stat}
	}
	return fileRecord{o.path, o.sha, OutcomeUnchanged, "same bytes already loaded by parser " + parser.Version, o.stat}
}

// process reads nothing (the walker did) and parses one input.
func process(in Input, parse ParseFunc) (o outcome) {
	o.path, o.weight, o.stat = in.Name, in.weight, in.stat
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
	} else if parse == nil {
		f, err = parser.ParseWith(in.Name, in.data, parser.Options{SHA256: o.sha})
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
	rec.stat = in.stat
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

// logMigrationWarnings logs the "warning: " lines of a migration's output
// (a missing reader role, say) once each.
func logMigrationWarnings(log *slog.Logger, out string) {
	for _, line := range strings.Split(out, "\n") {
		if w, ok := strings.CutPrefix(line, "warning: "); ok {
			log.Warn(w)
		}
	}
}
