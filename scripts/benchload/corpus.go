package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"github.com/edgarload/edgarload/parser"
)

// corpusDirs are the folders of ../shared/corpus that hold filings (the
// same set as make bench-corpus).
var corpusDirs = []string{"submissions", "feed", "headers", "primary", "exhibits"}

// source is one corpus file, read once.
type source struct {
	dir, name string
	acc       string   // accession number in its name or content ("" when none)
	ciks      []string // 10-digit CIKs its header gives
	data      []byte
}

var (
	accRe = regexp.MustCompile(`\b\d{10}-\d{2}-\d{6}\b`)
	cikRe = regexp.MustCompile(`(?:CENTRAL INDEX KEY:[ \t]*|<CIK>)(\d{10})\b`)
)

// readSources reads the corpus's filing files.
func readSources(corpus string) ([]source, error) {
	var out []source
	for _, d := range corpusDirs {
		files, err := filepath.Glob(filepath.Join(corpus, d, "*"))
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", d, err)
		}
		sort.Strings(files)
		for _, f := range files {
			st, err := os.Stat(f)
			if err != nil || !st.Mode().IsRegular() {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", f, err)
			}
			s := source{dir: d, name: filepath.Base(f), data: data}
			if s.acc = parser.AccessionFromPath(s.name); s.acc == "" {
				s.acc = string(accRe.Find(data))
			}
			seen := map[string]bool{}
			for _, m := range cikRe.FindAllSubmatch(data, -1) {
				if c := string(m[1]); !seen[c] && c != "0000000000" {
					seen[c] = true
					s.ciks = append(s.ciks, c)
				}
			}
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no filings under %s", corpus)
	}
	return out, nil
}

// rewriter gives every copy of a source its own accession number and CIKs.
type rewriter struct {
	cikIndex map[string]int // original CIK -> small index, stable across copies
}

// copyAccession is the accession number of copy n of source i: prefix 99
// and the copy number, the original's year and sequence (98, the copy and
// the source index for a source that has none).
func copyAccession(n, i int, orig string) string {
	if orig == "" {
		return fmt.Sprintf("98%08d-00-%06d", n, i)
	}
	return fmt.Sprintf("99%08d%s", n, orig[10:])
}

// copyCIK is the CIK of copy n of the original CIK with index idx.
func copyCIK(n, idx int) string {
	return fmt.Sprintf("%010d", 9_000_000_000+int64(n)*10_000+int64(idx))
}

func undash(s string) string { return string(bytes.ReplaceAll([]byte(s), []byte("-"), nil)) }

// rewrite returns the name and bytes of copy n of source i.
func (w *rewriter) rewrite(n, i int, s source) (string, []byte) {
	acc := copyAccession(n, i, s.acc)
	data, name := s.data, s.name
	if s.acc != "" {
		data = bytes.ReplaceAll(data, []byte(s.acc), []byte(acc))
		data = bytes.ReplaceAll(data, []byte(undash(s.acc)), []byte(undash(acc)))
		name = string(bytes.ReplaceAll([]byte(name), []byte(s.acc), []byte(acc)))
	}
	if parser.AccessionFromPath(name) == "" && s.acc == "" {
		name = acc + "-" + name // a bare document without any: the path gives it one
	}
	for _, c := range s.ciks {
		idx, ok := w.cikIndex[c]
		if !ok {
			idx = len(w.cikIndex)
			w.cikIndex[c] = idx
		}
		data = bytes.ReplaceAll(data, []byte(c), []byte(copyCIK(n, idx)))
	}
	return name, data
}

// buildCorpus writes copies of srcs under dir until it holds at least
// want files; it returns the file count and their bytes.
func buildCorpus(dir string, srcs []source, want int) (int, int64, error) {
	w := &rewriter{cikIndex: map[string]int{}}
	files, total := 0, int64(0)
	mtime := time.Date(2024, 1, 11, 0, 0, 0, 0, time.UTC)
	for n := 0; files < want; n++ {
		for i, s := range srcs {
			if files >= want {
				break
			}
			name, data := w.rewrite(n, i, s)
			sub := filepath.Join(dir, fmt.Sprintf("c%05d", n), s.dir)
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return 0, 0, fmt.Errorf("create %s: %w", sub, err)
			}
			p := filepath.Join(sub, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return 0, 0, fmt.Errorf("write %s: %w", p, err)
			}
			if err := os.Chtimes(p, mtime, mtime); err != nil {
				return 0, 0, fmt.Errorf("set times of %s: %w", p, err)
			}
			files++
			total += int64(len(data))
		}
	}
	return files, total, nil
}
