package etl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A batch that fails is not simply the run's end:
//   - a transient fault (connection lost, server restart or failover, a
//     terminated backend, a serialization failure or deadlock) retries the
//     whole batch with exponential backoff and full jitter;
//   - a data error (a value PostgreSQL refuses: SQLSTATE classes 22, 23,
//     54) splits the batch in halves, recursively, until the filing that
//     causes it stands alone; that filing becomes a reject at stage "load"
//     naming its file and the SQLSTATE, and the rest is written — as
//     pgloader does with its bad rows;
//   - anything else fails the run, naming the batch's files.

// retryPolicy bounds the retries of transient faults.
type retryPolicy struct {
	attempts      int           // tries in all, the first included
	base, maxWait time.Duration // backoff: random in [0, min(maxWait, base·2^n)]
	// attemptTimeout bounds one attempt client-side (0: none); an attempt
	// that runs out of it counts as a transient fault (a frozen server).
	attemptTimeout time.Duration
}

var defaultRetry = retryPolicy{attempts: 6, base: 250 * time.Millisecond, maxWait: 15 * time.Second}

// isTransient reports whether err is a fault worth retrying the batch for.
func isTransient(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "40001", "40P01", // serialization failure, deadlock
			"57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now
			"53300", // too many connections
			"55P03": // lock not available (lock_timeout)
			return true
		}
		return pgErr.Code[:2] == "08" // connection exceptions
	}
	// A connection attempt that timed out (a server frozen, overloaded
	// or restarting) is worth another try; the caller stops retrying
	// when its own context ends.
	if isConnectError(err) {
		return true
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		pgconn.SafeToRetry(err) || pgconn.Timeout(err) || isConnectError(err)
}

func isConnectError(err error) bool {
	var ce *pgconn.ConnectError
	return errors.As(err, &ce)
}

// isDataError reports whether err is PostgreSQL refusing a value of the
// batch (so one filing, not the database, is at fault).
func isDataError(err error) (string, bool) {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return "", false
	}
	switch pgErr.Code[:2] {
	case "22", "23", "54": // data exception, integrity constraint violation, program limit exceeded
		return pgErr.Code, true
	}
	return pgErr.Code, false
}

// isolated is what writing a batch with isolation did.
type isolated struct {
	res     batchResult
	rejects []outcome
	retries int
}

// writeIsolated writes batch, retrying transient faults and isolating the
// filings PostgreSQL refuses.
// hook, when not nil, runs in each committing transaction with what the
// earlier parts of the batch committed (prior) and what this one adds.
func writeIsolated(ctx context.Context, pool *pgxpool.Pool, batch []*prepared, policy retryPolicy, hook isolatedHook, log *slog.Logger) (isolated, error) {
	out := isolated{res: batchResult{rows: map[string]int64{}}}
	err := out.write(ctx, pool, batch, policy, hook, log)
	return out, err
}

// isolatedHook is a commitHook that also knows what the earlier parts of
// a bisected batch committed.
type isolatedHook func(ctx context.Context, tx pgx.Tx, prior, res batchResult) error

func (o *isolated) write(ctx context.Context, pool *pgxpool.Pool, batch []*prepared, policy retryPolicy, hook isolatedHook, log *slog.Logger) error {
	var err error
	var h commitHook
	if hook != nil {
		h = func(ctx context.Context, tx pgx.Tx, res batchResult) error { return hook(ctx, tx, o.res, res) }
	}
	for attempt := 1; ; attempt++ {
		var res batchResult
		actx, cancel := inFlight(ctx, policy.attemptTimeout)
		res, err = writeBatch(actx, pool, batch, h)
		timedOut := actx.Err() != nil && ctx.Err() == nil
		cancel()
		if timedOut && err != nil {
			err = fmt.Errorf("batch attempt gave up after %s: %w", policy.attemptTimeout, err)
		}
		if err == nil {
			o.res.loaded += res.loaded
			o.res.unchanged += res.unchanged
			for k, v := range res.rows {
				o.res.rows[k] += v
			}
			for t, c := range res.tables {
				o.res.count(t, c)
			}
			o.res.files = append(o.res.files, res.files...)
			return nil
		}
		if !(timedOut || isTransient(err)) || attempt >= policy.attempts || ctx.Err() != nil {
			break
		}
		o.retries++
		wait := backoff(policy, attempt)
		log.Warn("batch failed on a transient fault; retrying", "filings", len(batch), "attempt", attempt,
			"wait_seconds", wait.Seconds(), "error", err.Error())
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	code, data := isDataError(err)
	if !data {
		return fmt.Errorf("load batch of %d filings (%s): %w", len(batch), batchNames(batch), err)
	}
	if len(batch) == 1 {
		r := batch[0]
		log.Warn("rejected input", "path", r.path, "stage", StageLoad, "sqlstate", code, "error", err.Error())
		o.rejects = append(o.rejects, outcome{path: r.path, sha: r.sha, stage: StageLoad,
			err: fmt.Errorf("load %s: PostgreSQL refused it (SQLSTATE %s): %w", r.path, code, err)})
		return nil
	}
	half := len(batch) / 2
	if err := o.write(ctx, pool, batch[:half], policy, hook, log); err != nil {
		return err
	}
	return o.write(ctx, pool, batch[half:], policy, hook, log)
}

// backoff is the wait before retry n (from 1): full jitter over an
// exponentially growing ceiling.
func backoff(p retryPolicy, n int) time.Duration {
	ceil := p.base << min(n-1, 20)
	if ceil > p.maxWait || ceil <= 0 {
		ceil = p.maxWait
	}
	return time.Duration(rand.Int64N(int64(ceil) + 1))
}

// inFlightGrace is how long a batch already being written may go on after
// the load is cancelled (the first SIGINT/SIGTERM): it commits or rolls
// back within this time, so that what the ledger says matches what was
// committed.
const inFlightGrace = 10 * time.Second

// inFlight is the context of one batch attempt: bounded by timeout (0:
// none), and ending inFlightGrace after ctx ends rather than at once — a
// cancelled COMMIT may still have committed on the server, and the loader
// would then not know it.
func inFlight(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	actx, cancel := withTimeout(context.WithoutCancel(ctx), timeout)
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(inFlightGrace, cancel) })
	return actx, func() { stop(); cancel() }
}
