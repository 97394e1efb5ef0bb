package indexload

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
)

// LoadPaths loads every file under paths — files, and directories walked
// recursively in sorted order (hidden entries skipped) — with LoadFile,
// one at a time, calling report after each with its result and error (a
// file that cannot be read, or is not an index or JSON file, is reported
// and the others still load). It returns the number of files that failed,
// and stops early only when ctx is done.
func LoadPaths(ctx context.Context, pool *pgxpool.Pool, paths []string, report func(Result, error)) (failed int, err error) {
	for _, p := range paths {
		files, werr := listFiles(p)
		if werr != nil {
			failed++
			report(Result{Name: p}, werr)
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return failed, err
			}
			res, err := loadPath(ctx, pool, f)
			if err != nil {
				failed++
			}
			report(res, err)
		}
	}
	return failed, ctx.Err()
}

func loadPath(ctx context.Context, pool *pgxpool.Pool, path string) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{Name: path}, fmt.Errorf("open: %w", err)
	}
	defer f.Close()
	return LoadFile(ctx, pool, path, f)
}

// listFiles returns path itself, or the regular files under the directory
// path in sorted order.
func listFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("walk %s: %w", path, err)
	}
	sort.Strings(out)
	return out, nil
}
