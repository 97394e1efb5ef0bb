package etl

import (
	"io/fs"

	edgarsql "github.com/edgarload/edgarload/sql"
)

// fsGlob reads the embedded query files matching pattern.
func fsGlob(pattern string) (map[string]string, error) {
	names, err := fs.Glob(edgarsql.Queries, pattern)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, n := range names {
		b, err := fs.ReadFile(edgarsql.Queries, n)
		if err != nil {
			return nil, err
		}
		out[n] = string(b)
	}
	return out, nil
}
