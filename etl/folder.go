package etl

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/edgarload/edgarload/etl/shard"
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

// folder emits a filing folder: its files (hidden ones skipped,
// subfolders walked) as one Input whose parts are parsed together, or a
// lone file as itself. Each file is read as the walker reads any file —
// gzip and zstd decompressed, size and bomb limits applied, archive
// members (EDGAR's -xbrl.zip) becoming parts of their own — and a file that
// cannot be read, or a special file, is its own reject or skip while the
// rest of the folder loads. A folder above load.max_file_bytes in all is
// one reject at stage "read".
func (w *walker) folder(dir string) bool {
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
		return w.emit(Input{Name: dir, err: fmt.Errorf("read filing folder %s: %w", dir, err)})
	}
	for _, sk := range skips {
		if !w.skip(sk[0], sk[1]) {
			return false
		}
	}
	sort.Strings(files)
	parts, ok := w.folderParts(dir, files)
	switch {
	case !ok:
		return false
	case parts == nil: // nothing readable, or over the limit (already emitted)
		return true
	case len(parts) == 1:
		return w.emit(Input{Name: parts[0].Name, data: parts[0].Data})
	}
	return w.emit(Input{Name: dir, parts: parts})
}

// folderParts reads the files of a filing folder through a walker of its
// own whose plain inputs become parts; rejects and skips go on as they
// are. ok is false when the walk must stop.
func (w *walker) folderParts(dir string, files []string) (parts []parser.Part, ok bool) {
	var total int64
	over := false
	sub := &walker{cfg: w.cfg}
	sub.cfg.shard = shard.Spec{} // the folder is one shard's whole
	defer sub.dec.Close()
	sub.emit = func(in Input) bool {
		if in.err != nil || in.skip != "" || in.parts != nil {
			return w.emit(in)
		}
		if total += int64(len(in.data)); total > w.cfg.maxFile {
			over = true
			return true
		}
		parts = append(parts, parser.Part{Name: in.Name, Data: in.data})
		return true
	}
	for _, f := range files {
		if !sub.file(f) {
			return nil, false
		}
		if over {
			return nil, w.emit(Input{Name: dir, err: fmt.Errorf("read filing folder %s: its files hold more than %d bytes (load.max_file_bytes)",
				dir, w.cfg.maxFile)})
		}
	}
	return parts, true
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
