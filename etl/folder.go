package etl

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/edgarload/edgarload/parser"
)

// isFilingFolder reports whether a directory name is an accession number
// (0000320193-24-000005, or EDGAR's 18-digit 000032019324000005): the
// folder then holds the files of one filing, as EDGAR's Archives and
// sec-edgar-downloader lay them out.
func isFilingFolder(name string) bool {
	a := parser.AccessionFromPath(name)
	return a != "" && (name == a || name == strings.ReplaceAll(a, "-", ""))
}

// emitFolder emits a filing folder: its files (hidden ones skipped,
// subfolders walked) as one Input whose parts are parsed together, or a
// lone file as itself; special files are skipped. An archive inside a filing folder is one of the
// filing's files (EDGAR's -xbrl.zip), not a bundle of filings. Files that
// cannot be read, and a folder above maxBytes in all, are one reject at
// stage "read".
func (w *walker) folder(dir string) bool {
	maxBytes, emit := w.cfg.maxFile, w.emit
	var files []string
	var skips [][2]string // special files: path, reason
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			st, err := os.Stat(path) // follows a link
			switch {
			case err != nil:
				skips = append(skips, [2]string{path, "symbolic link to nothing readable: " + err.Error()})
				return nil
			case st.IsDir():
				return nil // a link to a folder is not followed inside a filing folder
			case !st.Mode().IsRegular():
				skips = append(skips, [2]string{path, notRegular(st.Mode())})
				return nil
			}
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return emit(Input{Name: dir, err: fmt.Errorf("read filing folder %s: %w", dir, err)})
	}
	for _, sk := range skips {
		if !w.skip(sk[0], sk[1]) {
			return false
		}
	}
	sort.Strings(files)
	switch len(files) {
	case 0:
		return true
	case 1:
		return w.file(files[0])
	}
	parts := make([]parser.Part, 0, len(files))
	var total int64
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return emit(Input{Name: dir, err: fmt.Errorf("read %s: %w", f, err)})
		}
		data, err := readLimited(fh, maxBytes-total)
		fh.Close()
		if err != nil {
			return emit(Input{Name: dir, err: fmt.Errorf("read filing folder %s: %s: %w", dir, f, err)})
		}
		total += int64(len(data))
		parts = append(parts, parser.Part{Name: f, Data: data})
	}
	return emit(Input{Name: dir, parts: parts})
}

// ParseInput parses one input as Load does: a file with parser.Parse, a
// filing folder with parser.ParseParts. The error names the file.
func ParseInput(in Input) (*parser.Filing, error) {
	if in.err != nil {
		return nil, in.err
	}
	if in.parts != nil {
		return parser.ParseParts(in.Name, in.parts)
	}
	return parser.Parse(in.Name, in.data)
}
