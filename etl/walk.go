package etl

import "context"

// Input is one file found under the paths given to WalkInputs: a plain
// file or an archive member (Name is then "archive!member").
type Input struct {
	Name string
	data []byte
	err  error
}

// Read returns the input's bytes, or the error met while reading it; the
// error names the file.
func (in Input) Read() ([]byte, error) { return in.data, in.err }

// WalkInputs calls fn for every input under paths — files, directories
// walked recursively in sorted order, and the members of .tar, .tar.gz,
// .tgz and .zip archives — exactly as Load sees them. It stops at the first
// error fn returns.
func WalkInputs(ctx context.Context, paths []string, fn func(Input) error) error {
	var fnErr error
	err := walkInputs(ctx, paths, defaultMaxFileBytes, func(in input) bool {
		if ctx.Err() != nil {
			return false
		}
		fnErr = fn(Input{Name: in.path, data: in.data, err: in.err})
		return fnErr == nil
	})
	if fnErr != nil {
		return fnErr
	}
	return err
}
