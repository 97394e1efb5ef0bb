package etl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/parser"
	edgarsql "github.com/edgarload/edgarload/sql"
)

// The run ledger: edgar.load_runs keeps a run's counters current at every
// batch commit (in the batch's own transaction), a heartbeat shows the run
// alive, and edgar.load_files records what became of every input.

// Outcomes of an input, recorded in edgar.load_files.
const (
	OutcomeLoaded     = "loaded"
	OutcomeUnchanged  = "unchanged"
	OutcomeSuperseded = "superseded"
	OutcomeRejected   = "rejected"
	OutcomeSkipped    = "skipped"
)

// Final statuses of a run, recorded in edgar.load_runs.status.
const (
	StatusSucceeded   = "succeeded"
	StatusFailed      = "failed"
	StatusInterrupted = "interrupted"
	StatusAbandoned   = "abandoned"
)

const (
	defaultHeartbeat  = 10 * time.Second
	defaultStaleAfter = 2 * time.Minute
	// finishTimeout bounds the final ledger write, so that a dead
	// database cannot hang the loader's exit.
	finishTimeout = 10 * time.Second
)

// fileRecord is one edgar.load_files row.
type fileRecord struct {
	path, sha, outcome, detail string
	stat                       fileStat // a plain file's size and time (zero otherwise)
}

// insertFiles records files for run runID in one statement.
func insertFiles(ctx context.Context, tx pgx.Tx, runID int64, files []fileRecord) error {
	if len(files) == 0 {
		return nil
	}
	paths := make([]string, len(files))
	shas := make([]*string, len(files))
	outcomes := make([]string, len(files))
	details := make([]*string, len(files))
	sizes := make([]*int64, len(files))
	mtimes := make([]*time.Time, len(files))
	for i, f := range files {
		if f.stat.ok() {
			size, mtime := f.stat.size, f.stat.mtime
			sizes[i], mtimes[i] = &size, &mtime
		}
		paths[i], outcomes[i] = cleanPath(f.path), f.outcome
		if f.sha != "" {
			s := f.sha
			shas[i] = &s
		}
		if f.detail != "" {
			d := clean(f.detail)
			details[i] = &d
		}
	}
	if _, err := tx.Exec(ctx, edgarsql.InsertLoadFiles, runID, paths, shas, outcomes, details, sizes, mtimes); err != nil {
		return fmt.Errorf("record %d file outcomes: %w", len(files), err)
	}
	return nil
}

// recordProgress writes the run's counters — sum plus what the batch in
// this transaction adds — and its files' outcomes, inside tx, so that the
// ledger matches the committed rows whenever the loader stops.
func recordProgress(ctx context.Context, tx pgx.Tx, sum *Summary, add batchResult, files []fileRecord) error {
	if err := insertFiles(ctx, tx, sum.RunID, files); err != nil {
		return err
	}
	rows := make(map[string]int64, len(sum.Rows)+len(add.rows))
	for k, v := range sum.Rows {
		rows[k] = v
	}
	for k, v := range add.rows {
		rows[k] += v
	}
	rowsJSON, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("encode row counts: %w", err)
	}
	if _, err := tx.Exec(ctx, edgarsql.RunProgress, sum.RunID, sum.FilesSeen, sum.FilingsLoaded+add.loaded,
		sum.FilingsUnchanged+add.unchanged, sum.FilingsRejected, string(rowsJSON)); err != nil {
		return fmt.Errorf("update run %d counters: %w", sum.RunID, err)
	}
	return nil
}

// heartbeat beats the run's heartbeat every interval until the returned
// stop function is called; a failed beat is logged, not fatal (the next
// batch commit beats too).
func heartbeat(ctx context.Context, pool *pgxpool.Pool, runID int64, every time.Duration, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				bctx, bcancel := context.WithTimeout(ctx, every)
				_, err := pool.Exec(bctx, edgarsql.HeartbeatRun, runID)
				bcancel()
				if err != nil && ctx.Err() == nil {
					log.Warn("heartbeat failed", "run_id", runID, "error", err.Error())
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}

// abandonStale marks as abandoned the runs left "running" by loaders that
// are gone: no heartbeat for staleAfter, or a dead process on this host.
func abandonStale(ctx context.Context, pool *pgxpool.Pool, host string, staleAfter time.Duration, log *slog.Logger) error {
	rows, err := pool.Query(ctx, edgarsql.RunningRunsOnHost, host)
	if err != nil {
		return fmt.Errorf("look up running runs: %w", err)
	}
	var dead []int64
	for rows.Next() {
		var id int64
		var pid int
		if err := rows.Scan(&id, &pid); err != nil {
			rows.Close()
			return fmt.Errorf("look up running runs: %w", err)
		}
		if !processAlive(pid) {
			dead = append(dead, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("look up running runs: %w", err)
	}
	ids, err := collectPoolIDs(ctx, pool, edgarsql.AbandonRuns, staleAfter.String(), dead)
	if err != nil {
		return fmt.Errorf("mark abandoned runs: %w", err)
	}
	for _, id := range ids {
		log.Warn("run found running without a live loader: marked abandoned", "run_id", id)
	}
	return nil
}

func collectPoolIDs(ctx context.Context, pool *pgxpool.Pool, q string, args ...any) ([]int64, error) {
	rows, err := pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// processAlive reports whether a process with this id exists on this host.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// hostName is this machine's name for edgar.load_runs.host.
func hostName() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "unknown"
	}
	return h
}

// finishStatus is the status a run ends with, given its error and the
// load's context: a cancelled context (SIGINT/SIGTERM) is an interruption.
func finishStatus(ctx context.Context, err error) string {
	switch {
	case err == nil:
		return StatusSucceeded
	case ctx.Err() != nil:
		return StatusInterrupted
	default:
		return StatusFailed
	}
}

// recordOutside records, in one transaction, rejects and the outcomes
// decided outside a batch (unchanged, skipped, index files), with the run's
// counters, retrying transient faults.
func recordOutside(ctx context.Context, pool *pgxpool.Pool, sum *Summary, rejects []outcome, files []fileRecord, pv *string, policy retryPolicy, log *slog.Logger) error {
	all := append([]fileRecord(nil), files...)
	for _, r := range rejects {
		all = append(all, fileRecord{r.path, r.sha, OutcomeRejected, r.stage + ": " + r.err.Error(), r.stat})
	}
	next := *sum
	next.FilingsRejected += len(rejects)
	err := retryTransient(ctx, policy, log, func(ctx context.Context) error {
		return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			if len(rejects) > 0 {
				if err := writeRejects(ctx, tx, sum.RunID, rejects, pv); err != nil {
					return err
				}
			}
			return recordProgress(ctx, tx, &next, batchResult{}, all)
		})
	})
	if err != nil {
		return fmt.Errorf("record %d rejects and %d file outcomes: %w", len(rejects), len(files), err)
	}
	sum.FilingsRejected = next.FilingsRejected
	return nil
}

// maxRejectSample is how many rejects a Summary lists.
const maxRejectSample = 20

// sampleRejects adds rejects to a summary's sample, up to maxRejectSample.
func sampleRejects(sample []Reject, rejects []outcome) []Reject {
	for _, r := range rejects {
		if len(sample) >= maxRejectSample {
			break
		}
		sample = append(sample, Reject{Path: r.path, Stage: r.stage, Error: r.err.Error()})
	}
	return sample
}

// retryTransient runs f until it succeeds, fails on a fault that is not
// transient, or policy's attempts are spent.
func retryTransient(ctx context.Context, policy retryPolicy, log *slog.Logger, f func(ctx context.Context) error) error {
	for attempt := 1; ; attempt++ {
		actx, cancel := withTimeout(ctx, policy.attemptTimeout)
		err := f(actx)
		timedOut := actx.Err() != nil && ctx.Err() == nil
		cancel()
		if err == nil || !(timedOut || isTransient(err)) || attempt >= policy.attempts || ctx.Err() != nil {
			return err
		}
		wait := backoff(policy, attempt)
		log.Warn("ledger write failed on a transient fault; retrying", "attempt", attempt, "wait_seconds", wait.Seconds(), "error", err.Error())
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// mergeResults adds b's counters to a's (files are not merged: each
// batch records its own).
func mergeResults(a, b batchResult) batchResult {
	out := batchResult{loaded: a.loaded + b.loaded, unchanged: a.unchanged + b.unchanged, rows: map[string]int64{}}
	for k, v := range a.rows {
		out.rows[k] += v
	}
	for k, v := range b.rows {
		out.rows[k] += v
	}
	for _, r := range []batchResult{a, b} {
		for t, c := range r.tables {
			out.count(t, c)
		}
	}
	return out
}

// rejectParserVersion is the parser version recorded with rejects: the
// real parser's, or nil for an injected Options.Parse (unknown version:
// such rejects are never skipped).
func rejectParserVersion(opts Options) *string {
	if opts.Parse != nil {
		return nil
	}
	v := parser.Version
	return &v
}

// attemptTimeout bounds one attempt of a batch (and one screening
// lookup) on the client side: twice the statement timeout, so that the
// server's own timeout normally fires first; 0 (none) without one.
func attemptTimeout(opts Options) time.Duration {
	return 2 * opts.StatementTimeout
}
