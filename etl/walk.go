package etl

import "context"

// Input is one file found under the paths given to WalkInputs or Load: a
// plain file or an archive member.
type Input struct {
	// Name is the file's path ("-" for standard input); an archive
	// member is named "path/to/archive.tar.gz!member/path" (the member's
	// name as stored, compressed members keeping their .gz/.zst suffix); a
	// datamule bundle is named "path/to/bundle.tar!folder/ACCESSION".
	Name   string
	data   []byte
	err    error  // read error: recorded as a reject at stage "read"
	sha    string // hex SHA-256 of data, set by the screening stage
	weight int64  // bytes of the load's in-flight budget it holds
}

// Read returns the input's bytes, or the error met while reading it; the
// error names the file.
func (in Input) Read() ([]byte, error) { return in.data, in.err }

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
