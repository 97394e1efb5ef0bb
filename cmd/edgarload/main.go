// Command edgarload loads SEC EDGAR filings into PostgreSQL.
//
// Usage:
//
//	edgarload parse [--text] PATH...     print each filing as one JSON line (no database)
//	edgarload load PATH...               parse and upsert into the edgar schema
//	edgarload fetch --form F --from D    download from EDGAR (fair access, cache) and load
//	edgarload index load FILE|DIR...     load EDGAR index files and SEC JSON (submissions, tickers)
//	edgarload migrate up|down|down-to N|redo|reset|status|version [--yes]
//	edgarload verify [--json]            consistency checks of the database
//	edgarload version
//
// The first SIGINT or SIGTERM stops a run gracefully: no new work starts,
// the batch in flight commits or rolls back, the run is recorded
// "interrupted" and edgarload exits with code 130. A second signal exits at
// once (code 130 too), leaving the run to be marked abandoned later.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// exitInterrupted is the exit code after a signal (128 + SIGINT).
const exitInterrupted = 130

func main() {
	ctx, stop := signalContext(os.Stderr, func() { os.Exit(exitInterrupted) })
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// signalContext returns a context cancelled (with the signal as its cause)
// by the first SIGINT or SIGTERM; the second calls exitNow.
func signalContext(stderr io.Writer, exitNow func()) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			fmt.Fprintf(stderr, "edgarload: received %v: stopping after the batch in flight (send it again to exit at once)\n", s)
			cancel(fmt.Errorf("received %v", s))
		case <-done:
			return
		}
		select {
		case s := <-sigs:
			fmt.Fprintf(stderr, "edgarload: received %v again: exiting now\n", s)
			exitNow()
		case <-done:
		}
	}()
	return ctx, func() { signal.Stop(sigs); close(done); cancel(nil) }
}
