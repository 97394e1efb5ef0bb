package etl

import (
	"context"
	"io/fs"
	"time"

	"github.com/edgarload/edgarload/parser"
)

// Input is one file found under the paths given to WalkInputs or Load: a
// plain file or an archive member.
type Input struct {
	// Name is the file's path ("-" for standard input); an archive
	// member is named "path/to/archive.tar.gz!member/path" (the member's
	// name as stored, compressed members keeping their .gz/.zst suffix); a
	// datamule bundle is named "path/to/bundle.tar!folder/ACCESSION".
	Name string
	data []byte
	// parts are the files of one filing folder (an accession-named
	// directory), parsed together by parser.ParseParts; data is nil then.
	parts  []parser.Part
	err    error  // read error: recorded as a reject at stage "read"
	skip   string // why the file is not read (a special file, a link loop): outcome "skipped"
	sha    string // hex SHA-256 of data, set by the screening stage
	weight int64  // bytes of the load's in-flight budget it holds
	stat   fileStat
}

// fileStat is the size and modification time of a plain file read whole
// (zero for archive members, standard input, decompressed files and
// filing folders): a reload takes a file with the same path, size and time
// as a file already loaded as unchanged without hashing it.
type fileStat struct {
	size  int64
	mtime time.Time // UTC, whole microseconds (as edgar.load_files stores it)
}

// statOf is st's size and modification time.
func statOf(st fs.FileInfo) fileStat {
	return fileStat{size: st.Size(), mtime: st.ModTime().UTC().Truncate(time.Microsecond)}
}

// ok reports whether the stat is known.
func (s fileStat) ok() bool { return !s.mtime.IsZero() }

// Read returns the input's bytes, or the error met while reading it; the
// error names the file.
// For a filing folder it returns nil: see Parts.
func (in Input) Read() ([]byte, error) { return in.data, in.err }

// Skipped returns why the walk did not read the file (a named pipe, socket
// or device; a directory met again through a symbolic link; an archive
// member that is a link, a device or a named pipe), or "" for an input
// that was read. Read returns an error naming the file then.
func (in Input) Skipped() string { return in.skip }

// Parts returns the files of a filing folder (an accession-named directory
// whose files are one filing), or nil for a single file.
func (in Input) Parts() []parser.Part { return in.parts }

// size is the input's bytes: its data, or its parts'.
func (in Input) size() int64 {
	n := int64(len(in.data))
	for _, p := range in.parts {
		n += int64(len(p.Data))
	}
	return n
}

// WalkInputs calls fn for every input under paths — files, directories
// walked recursively in sorted order (hidden entries skipped), "-" for
// standard input, single gzip and zstd files, the members of tar (plain,
// gzip or zstd), and zip archives, and datamule bundles assembled into one
// submission — exactly as Load sees them with the default limits, reading
// one at a time. An unreadable file is passed to fn too (its Read returns
// the error). It stops at the first error fn returns.
func WalkInputs(ctx context.Context, paths []string, fn func(Input) error) error {
	var fnErr error
	err := walkInputs(ctx, paths, defaultWalkConfig(), func(in Input) bool {
		if ctx.Err() != nil {
			return false
		}
		fnErr = fn(in)
		return fnErr == nil
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return err
	}
	return ctx.Err()
}

// TableNames lists the keys of Summary.Rows (tables of the edgar schema),
// parents first, in the order a summary reports them.
var TableNames = []string{
	"registrants", "registrant_former_names", "filings", "filing_registrants", "documents",
	"items", "exhibits", "signers", "securities",
}
