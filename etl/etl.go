// Package etl loads EDGAR filings into PostgreSQL: it walks the inputs
// (files, directories, archives), parses them on a pool of goroutines and
// writes batches of filings, each in one transaction, into the edgar schema
// created by the migrations package.
package etl

import (
	"time"

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
	// MaxFileBytes rejects larger inputs at the read stage (default 1 GiB).
	MaxFileBytes int64
}

// Summary reports what a load did.
type Summary struct {
	RunID            int64
	FilesSeen        int
	FilingsLoaded    int
	FilingsUnchanged int
	FilingsRejected  int
	// Rows counts rows inserted or updated per table (without the schema
	// name), e.g. "filings", "items".
	Rows    map[string]int64
	Elapsed time.Duration
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
)
