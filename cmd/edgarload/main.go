// Command edgarload loads SEC EDGAR filings into PostgreSQL.
//
// Usage:
//
//	edgarload parse [--text] PATH...     print each filing as one JSON line (no database)
//	edgarload load PATH...               parse and upsert into the edgar schema
//	edgarload index load FILE|DIR...     load EDGAR index files and SEC JSON (submissions, tickers)
//	edgarload migrate up|down|status|version
//	edgarload version
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
