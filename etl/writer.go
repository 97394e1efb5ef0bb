package etl

import (
	"context"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A load's writer runs on its own goroutine, so that the parsers and the
// collector assemble the next batch while one commits. Jobs are handed
// over one at a time on an unbuffered channel: at most one batch is being
// written and one assembled, the batches commit in the order they were
// assembled, and each takes the batch lock in its own transaction as
// before (one writer connection per load).

// writeJob is what the collector hands the writer: a batch of prepared
// filings, the outcomes decided outside a batch, the index files to load,
// and the collector's counters up to and including them.
type writeJob struct {
	batch   []*prepared
	rejects []outcome
	files   []fileRecord
	index   []outcome
	base    Summary // the collector's counters when the job was handed over
}

// batchWriter writes jobs in order; sum holds what its writes added.
type batchWriter struct {
	pool     *pgxpool.Pool
	log      *slog.Logger
	policy   retryPolicy
	rejectPV *string
	cancel   context.CancelFunc
	sum      Summary
	failed   atomic.Bool
	err      error
}

// run writes the jobs until jobs is closed; after a failure it cancels the
// load and drains the rest unwritten.
func (w *batchWriter) run(ctx context.Context, jobs <-chan writeJob, done chan<- struct{}) {
	defer close(done)
	for job := range jobs {
		if w.err != nil {
			continue
		}
		if err := w.write(ctx, job); err != nil {
			w.err = err
			w.failed.Store(true)
			w.cancel()
		}
	}
}

// total is what the ledger holds once the job's collector counters and
// everything the writer committed are counted.
func (w *batchWriter) total(job writeJob) Summary { return addSummaries(job.base, w.sum) }

// write loads the job's index files, records its outside outcomes and
// rejects, then writes its batch.
func (w *batchWriter) write(ctx context.Context, job writeJob) error {
	rejects, files := job.rejects, job.files
	for _, o := range job.index {
		rej, err := loadIndexFile(ctx, w.pool, o, &w.sum, w.log)
		if err != nil {
			return err
		}
		if rej != nil {
			rejects = append(rejects, *rej)
		} else {
			files = append(files, fileRecord{path: o.path, sha: o.sha, outcome: OutcomeLoaded, detail: "index or JSON file", stat: o.stat})
		}
	}
	if err := w.recordOutside(ctx, job, rejects, files); err != nil {
		return err
	}
	if len(job.batch) == 0 {
		return nil
	}
	return w.writeBatch(ctx, job)
}

// recordOutside records rejects and outcomes decided outside a batch.
func (w *batchWriter) recordOutside(ctx context.Context, job writeJob, rejects []outcome, files []fileRecord) error {
	if len(rejects) == 0 && len(files) == 0 {
		return nil
	}
	t := w.total(job)
	if err := recordOutside(ctx, w.pool, &t, rejects, files, w.rejectPV, w.policy, w.log); err != nil {
		return err
	}
	w.sum.FilingsRejected += len(rejects)
	w.sum.RejectSample = sampleRejects(w.sum.RejectSample, rejects)
	return nil
}

// writeBatch writes the job's batch (bisecting around poison pills), with
// the run's counters in the same transaction.
func (w *batchWriter) writeBatch(ctx context.Context, job writeJob) error {
	t := w.total(job)
	hook := func(ctx context.Context, tx pgx.Tx, prior, res batchResult) error {
		return recordProgress(ctx, tx, &t, mergeResults(prior, res), res.files)
	}
	start := time.Now()
	iso, err := writeIsolated(ctx, w.pool, job.batch, w.policy, hook, w.log)
	w.sum.WriterTime += time.Since(start)
	w.sum.Retries += iso.retries
	res := iso.res
	w.sum.FilingsLoaded += res.loaded
	w.sum.FilingsUnchanged += res.unchanged
	if w.sum.Rows == nil {
		w.sum.Rows = map[string]int64{}
	}
	for k, v := range res.rows {
		w.sum.Rows[k] += v
	}
	w.sum.Tables = addTables(w.sum.Tables, res.tables)
	if err != nil {
		return err
	}
	if len(iso.rejects) > 0 {
		if err := w.recordOutside(ctx, job, iso.rejects, nil); err != nil {
			return err
		}
	}
	w.log.Debug("batch written", "filings", len(job.batch), "loaded", res.loaded, "unchanged", res.unchanged)
	for _, f := range res.files {
		if f.outcome == OutcomeSuperseded {
			w.log.Debug("input lost to another source of the same filing", "path", f.path, "detail", f.detail)
		}
	}
	return nil
}

// addSummaries adds b's counters to a's (a's run id).
func addSummaries(a, b Summary) Summary {
	out := a
	out.FilesSeen += b.FilesSeen
	out.FilingsLoaded += b.FilingsLoaded
	out.FilingsUnchanged += b.FilingsUnchanged
	out.FilingsRejected += b.FilingsRejected
	out.RejectedBefore += b.RejectedBefore
	out.IndexFiles += b.IndexFiles
	out.IndexEntries += b.IndexEntries
	out.Retries += b.Retries
	out.WriterTime += b.WriterTime
	out.RejectSample = append(slices.Clone(a.RejectSample), b.RejectSample...)
	out.RejectSample = out.RejectSample[:min(len(out.RejectSample), maxRejectSample)]
	out.Rows = make(map[string]int64, len(a.Rows)+len(b.Rows))
	for k, v := range a.Rows {
		out.Rows[k] += v
	}
	for k, v := range b.Rows {
		out.Rows[k] += v
	}
	out.Tables = addTables(addTables(nil, a.Tables), b.Tables)
	return out
}

// addTables adds b's per-table counts to a (a new map when a is nil).
func addTables(a, b map[string]TableCounts) map[string]TableCounts {
	if a == nil {
		a = map[string]TableCounts{}
	}
	for t, c := range b {
		a[t] = a[t].plus(c)
	}
	return a
}
