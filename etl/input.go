package etl

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Input (walk.go) is one file to parse: a plain file or an archive member.

// archiveKind tells whether name is an archive loaded member by member.
func archiveKind(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".tar.gz"), strings.HasSuffix(n, ".tgz"):
		return "tgz"
	case strings.HasSuffix(n, ".tar"):
		return "tar"
	case strings.HasSuffix(n, ".zip"):
		return "zip"
	}
	return ""
}

// walkInputs sends every input under paths to emit, in a stable order
// (directories sorted, archives in member order), reading one file at a
// time so memory stays bounded. It stops when emit returns false (the
// context was cancelled).
func walkInputs(ctx context.Context, paths []string, maxBytes int64, emit func(Input) bool) error {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			if !emit(Input{Name: p, err: fmt.Errorf("read %s: %w", p, err)}) {
				return ctx.Err()
			}
			continue
		}
		if st.IsDir() && isFilingFolder(filepath.Base(p)) {
			if !emitFolder(p, maxBytes, emit) {
				return ctx.Err()
			}
			continue
		}
		if !st.IsDir() {
			if !emitFile(p, maxBytes, emit) {
				return ctx.Err()
			}
			continue
		}
		stop := errors.New("stop")
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if !emit(Input{Name: path, err: fmt.Errorf("read %s: %w", path, err)}) {
					return stop
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() && path != p && isFilingFolder(d.Name()) {
				if !emitFolder(path, maxBytes, emit) {
					return stop
				}
				return fs.SkipDir
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil // hidden files (.DS_Store, editor droppings)
			}
			if d.Type()&fs.ModeSymlink != 0 { // follow links to files, not to directories
				if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
					return nil
				}
			} else if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			if !emitFile(path, maxBytes, emit) {
				return stop
			}
			return nil
		})
		if errors.Is(err, stop) {
			return ctx.Err()
		}
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
	}
	return nil
}

// emitFile emits one file, or each member of an archive.
func emitFile(path string, maxBytes int64, emit func(Input) bool) bool {
	switch archiveKind(path) {
	case "tgz", "tar":
		return emitTar(path, maxBytes, emit)
	case "zip":
		return emitZip(path, maxBytes, emit)
	}
	f, err := os.Open(path)
	if err != nil {
		return emit(Input{Name: path, err: fmt.Errorf("read %s: %w", path, err)})
	}
	defer f.Close()
	data, err := readLimited(f, maxBytes)
	if err != nil {
		return emit(Input{Name: path, err: fmt.Errorf("read %s: %w", path, err)})
	}
	return emit(Input{Name: path, data: data})
}

func readLimited(r io.Reader, maxBytes int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("larger than %d bytes", maxBytes)
	}
	return data, nil
}

func emitTar(path string, maxBytes int64, emit func(Input) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return emit(Input{Name: path, err: fmt.Errorf("read archive %s: %w", path, err)})
	}
	defer f.Close()
	var r io.Reader = f
	if archiveKind(path) == "tgz" {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return emit(Input{Name: path, err: fmt.Errorf("read archive %s: %w", path, err)})
		}
		defer gz.Close()
		r = gz
	}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return emit(Input{Name: path, err: fmt.Errorf("read archive %s: %w", path, err)})
		}
		if h.Typeflag != tar.TypeReg || hiddenMember(h.Name) {
			continue
		}
		member := path + "!" + h.Name
		data, err := readLimited(tr, maxBytes)
		in := Input{Name: member, data: data}
		if err != nil {
			in = Input{Name: member, err: fmt.Errorf("read %s: %w", member, err)}
		}
		if !emit(in) {
			return false
		}
	}
}

func emitZip(path string, maxBytes int64, emit func(Input) bool) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return emit(Input{Name: path, err: fmt.Errorf("read archive %s: %w", path, err)})
	}
	defer zr.Close()
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for _, zf := range files {
		if zf.FileInfo().IsDir() || !zf.Mode().IsRegular() || hiddenMember(zf.Name) {
			continue
		}
		member := path + "!" + zf.Name
		in := Input{Name: member}
		rc, err := zf.Open()
		if err == nil {
			in.data, err = readLimited(rc, maxBytes)
			rc.Close()
		}
		if err != nil {
			in = Input{Name: member, err: fmt.Errorf("read %s: %w", member, err)}
		}
		if !emit(in) {
			return false
		}
	}
	return true
}

// hiddenMember skips macOS resource forks and dot files inside archives.
func hiddenMember(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." || part == "__MACOSX" {
			return true
		}
	}
	return false
}
