// Package etl loads EDGAR filings into PostgreSQL: it walks the inputs
// (files, directories, archives), parses them on a pool of goroutines and
// writes batches of filings, each in one transaction, into the edgar schema
// created by the migrations package.
//
// A batch, under a transaction-level advisory lock (so concurrent loaders
// serialize their batches):
//
//  1. dedupes its filings by key (accession number, else source SHA-256),
//     keeping the preferred source (shape rank, then smaller SHA-256);
//  2. reads the stored filings with the same keys in one query: same source
//     and parser version, or a preferred stored source, means unchanged
//     (nothing is written, loaded_at keeps its value);
//  3. deletes the child rows of filings it replaces, COPYs the filings into
//     a staging table and merges them (INSERT ... ON CONFLICT DO UPDATE
//     WHERE the new source wins), getting their ids back;
//  4. matches every party to a registrant (CIK; else IRS number, file
//     number, normalized name; a new CIK first adopts a CIK-less registrant
//     found that way), creating the missing ones with reserved ids;
//  5. COPYs the child rows into staging tables and inserts them in key
//     order, unions former names, and recomputes the attributes of every
//     touched registrant from all its filings (latest filing date wins).
//
// All SQL lives in the sql package as embedded .sql files.
package etl

import (
	"fmt"
	"io"
	"time"

	"github.com/edgarload/edgarload/etl/shard"
	"github.com/edgarload/edgarload/parser"
)

// ParseFunc turns the bytes of one input into a filing; parser.Parse has
// this signature.
type ParseFunc func(path string, data []byte) (*parser.Filing, error)

// Options tune a load.
type Options struct {
	// Workers is the number of goroutines reading and parsing inputs
	// (default: the number of CPUs).
	Workers int
	// BatchSize is the number of filings written per transaction (default 200).
	BatchSize int
	// Migrate runs pending migrations before loading.
	Migrate bool
	// CreateDatabase creates the database when missing; Connect honours it
	// (Load gets a pool, so the database already exists by then).
	CreateDatabase bool
	// Parse parses one input; nil means parser.Parse (tests inject others).
	Parse ParseFunc
	// MaxFileBytes rejects larger inputs at the read stage (default 1 GiB):
	// a file, an archive member or a decompressed file, enforced while
	// reading (never more than this is held per input).
	MaxFileBytes int64
	// Paths, when set, delivers more inputs while the load runs (edgarload
	// fetch sends each downloaded submission): they are walked after the
	// paths given to Load, until the channel is closed.
	Paths <-chan string
	// RunInputs, when set, is what edgar.load_runs.inputs records instead
	// of the paths given to Load (fetch records its selection).
	RunInputs []string
	// MaxArchiveBytes caps the bytes decompressed out of one path (a
	// compressed file or an archive, all layers together): past it, the
	// rest of the archive is one reject (default 256 GiB; < 0: no cap).
	MaxArchiveBytes int64
	// MaxExpansionRatio rejects a compressed stream (a .gz or .zst file, a
	// compressed archive, a compressed or zip member) that expands more
	// than this many times its compressed size plus 1 MiB: a decompression
	// bomb (default 200; < 0: no check).
	MaxExpansionRatio float64
	// MaxInflightBytes bounds the input bytes read but not yet taken by
	// the writer (walked, screened, parsed); an input larger than it
	// passes alone (default 32 MiB).
	MaxInflightBytes int64
	// Stdin is read for the path "-" (nil: os.Stdin).
	Stdin io.Reader
	// MaxBatchBytes writes a batch early once its filings' source bytes
	// reach this size, bounding memory on large filings (default 64 MiB).
	MaxBatchBytes int64
	// RetryRejects parses again the inputs that this parser version
	// already rejected with the same bytes (by default they are skipped,
	// counted in Summary.RejectedBefore).
	RetryRejects bool
	// Rehash hashes every input: by default a plain file recorded in
	// edgar.load_files with the same path, size and modification time as
	// a source this parser version has loaded is taken as unchanged
	// without being hashed (a file rewritten with other bytes of the same
	// size whose modification time was put back is then missed).
	Rehash bool
	// Heartbeat is how often a running load beats edgar.load_runs.heartbeat_at
	// (default 10 s); StaleAfter is how old a heartbeat makes another
	// "running" run abandoned (default 2 min).
	Heartbeat, StaleAfter time.Duration
	// ConnectTimeout bounds each connection attempt (Connect; 0: the URL's
	// connect_timeout, else none). StatementTimeout, LockTimeout and
	// IdleInTransactionTimeout set the session parameters of the same
	// names on every connection (0: the server's setting). A batch also
	// gives up client-side after twice StatementTimeout, so that a frozen
	// server cannot hang the loader.
	ConnectTimeout, StatementTimeout, LockTimeout, IdleInTransactionTimeout time.Duration
	// LimitRejects makes a run that rejects more than MaxRejects inputs
	// fail (recorded "failed", Load returns a *TooManyRejectsError) after
	// everything else is loaded; without it rejects never fail a run.
	LimitRejects bool
	MaxRejects   int
	// OnInput, when set, is called as each input's outcome reaches the
	// writer (parsed, unchanged, rejected or skipped — before its batch
	// commits) with the input's size in bytes; edgarload's progress bar
	// uses it. It is called from one goroutine.
	OnInput func(bytes int64)
	// Shard, when set (N > 1), loads only the inputs of shard K of N
	// (see package shard): N loaders given the same paths, each with its
	// own K, load every input exactly once between them. Files are
	// sharded by the accession number in their path relative to the
	// argument they were found under (else by that relative path), a
	// filing folder whole; members of a file named like an archive by
	// their own names (every shard reads such an archive); inputs on
	// Options.Paths are not sharded (fetch shards its plan instead).
	Shard shard.Spec
	// SkipDocumentText leaves edgar.documents.text NULL (a lean load:
	// config load.store_text=false); items and exhibits keep theirs.
	SkipDocumentText bool
}

// TooManyRejectsError is Load's error when a run rejected more inputs than
// Options.MaxRejects allows; the good inputs are loaded all the same.
type TooManyRejectsError struct {
	Rejected, Max int
	RunID         int64
}

func (e *TooManyRejectsError) Error() string {
	return fmt.Sprintf("%d inputs rejected, more than the %d allowed (see edgar.load_rejects where run_id = %d)", e.Rejected, e.Max, e.RunID)
}

// Summary reports what a load did.
type Summary struct {
	RunID            int64
	FilesSeen        int
	FilingsLoaded    int
	FilingsUnchanged int
	FilingsRejected  int
	// RejectedBefore counts inputs skipped because this parser version
	// already rejected the same bytes (see Options.RetryRejects).
	RejectedBefore int
	// IndexFiles counts EDGAR index files and SEC JSON files met among
	// the inputs and loaded into edgar.index_entries (and the registrant
	// facts); IndexEntries the entries they held.
	IndexFiles, IndexEntries int
	// Retries counts batches written again after a transient database fault.
	Retries int
	// Skipped counts inputs not read (outcome "skipped" in
	// edgar.load_files): special files and link loops met while walking,
	// and archive members that are links, devices or named pipes.
	Skipped int
	// OtherShards counts the files and archive members left to the other
	// shards (Options.Shard); they are not in FilesSeen.
	OtherShards int
	// Rows counts rows inserted or updated per table (without the schema
	// name), e.g. "filings", "items".
	Rows    map[string]int64
	Elapsed time.Duration
	// RejectSample lists the run's first 20 rejects (all of them are in
	// edgar.load_rejects).
	RejectSample []Reject
	// WriterTime is the time spent writing batches (in their
	// transactions, retries included).
	WriterTime time.Duration
	// Tables counts rows inserted, updated and deleted per table (without
	// the schema name); Rows counts rows written (inserted or updated).
	Tables map[string]TableCounts
}

// TableCounts is what a run did to one table: rows inserted, updated
// (filings replaced by a richer source or a new parser version; registrants
// whose attributes were recomputed) and deleted (child rows of replaced
// filings, superseded filings, orphaned registrants). A replaced filing's
// child rows are deleted and inserted again, so a table's net growth is
// Inserted - Deleted.
type TableCounts struct {
	Inserted, Updated, Deleted int64
	// Time is spent in the statements that write the table (for filings
	// also deleting what replaced filings held; for filing_registrants
	// also matching and creating registrants).
	Time time.Duration
}

// plus is c with d's rows and time added.
func (c TableCounts) plus(d TableCounts) TableCounts {
	return TableCounts{Inserted: c.Inserted + d.Inserted, Updated: c.Updated + d.Updated, Deleted: c.Deleted + d.Deleted, Time: c.Time + d.Time}
}

// Reject is one rejected input of a run.
type Reject struct {
	Path, Stage, Error string
}

// FilingsPerSecond is the number of filings handled (loaded, unchanged or
// rejected) per second of elapsed time.
func (s Summary) FilingsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	n := s.FilingsLoaded + s.FilingsUnchanged + s.FilingsRejected
	return float64(n) / s.Elapsed.Seconds()
}

const (
	defaultBatchSize    = 200
	defaultMaxFileBytes = 1 << 30
	defaultMaxBatchSize = 64 << 20

	defaultMaxArchiveBytes   = 256 << 30
	defaultMaxExpansionRatio = 200
	defaultMaxInflightBytes  = 32 << 20
)
