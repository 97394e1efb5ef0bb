// Package corpus gives the parser's tests the real EDGAR filings of
// ../shared beside the checkout, where they live (they are never copied
// into the project). It is imported by tests only.
package corpus

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Dir returns the shared folder (../shared beside the module root). It
// skips the test when the folder is absent and CI is not set, and fails it
// when CI is set: CI must always run the corpus tests.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("go.mod not found above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but the shared corpus is missing at %s: %v", shared, err)
		}
		t.Skipf("shared corpus not found at %s", shared)
	}
	return shared
}

var (
	hdrTypeRe  = regexp.MustCompile(`(?m)^CONFORMED SUBMISSION TYPE:\s*(\S.*?)\s*$`)
	hdrFiledRe = regexp.MustCompile(`(?m)^FILED AS OF DATE:\s*(\d{8})\s*$`)
	hdrItemRe  = regexp.MustCompile(`(?m)^ITEM INFORMATION:[ \t]*(.*?)\s*$`)
	docTypeRe  = regexp.MustCompile(`(?m)^<TYPE>\s*(\S.*?)\s*$`)
)

// Submission is the little the extractor tests need from a complete
// submission file, read by simple slicing — independent of the sgml
// package, so that the two can check each other.
type Submission struct {
	Form, Filed string   // CONFORMED SUBMISSION TYPE; FILED AS OF DATE as YYYY-MM-DD
	ItemInfo    []string // ITEM INFORMATION lines, as given
	Docs        []Doc
}

// Doc is one <DOCUMENT> block of a Submission.
type Doc struct {
	Type string
	Body []byte // between <TEXT> and </TEXT>
}

// ReadSubmission slices a complete submission file by hand.
func ReadSubmission(t testing.TB, path string) Submission {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	head := b
	if i := strings.Index(string(b), "<DOCUMENT>"); i >= 0 {
		head = b[:i]
	}
	var s Submission
	if m := hdrTypeRe.FindSubmatch(head); m != nil {
		s.Form = string(m[1])
	}
	if m := hdrFiledRe.FindSubmatch(head); m != nil {
		d := string(m[1])
		s.Filed = d[:4] + "-" + d[4:6] + "-" + d[6:]
	}
	for _, m := range hdrItemRe.FindAllSubmatch(head, -1) {
		s.ItemInfo = append(s.ItemInfo, string(m[1]))
	}
	rest := string(b)
	for {
		i := strings.Index(rest, "<DOCUMENT>")
		if i < 0 {
			break
		}
		rest = rest[i+len("<DOCUMENT>"):]
		j := strings.Index(rest, "</DOCUMENT>")
		block := rest
		if j >= 0 {
			block = rest[:j]
			rest = rest[j:]
		}
		var d Doc
		if m := docTypeRe.FindStringSubmatch(block); m != nil {
			d.Type = m[1]
		}
		if k := strings.Index(block, "<TEXT>"); k >= 0 {
			body := block[k+len("<TEXT>"):]
			if e := strings.LastIndex(body, "</TEXT>"); e >= 0 {
				body = body[:e]
			}
			d.Body = []byte(body)
		}
		s.Docs = append(s.Docs, d)
	}
	return s
}

// FirstDocument reads the shared file at rel (relative to Dir) and returns
// the body of its first <TEXT> block, or the whole file when it has none.
// It skips the benchmark or test when the file is absent.
func FirstDocument(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Dir(t), rel))
	if err != nil {
		t.Skipf("corpus file absent: %v", err)
	}
	s := string(data)
	if i := strings.Index(s, "<TEXT>"); i >= 0 {
		s = s[i+len("<TEXT>"):]
		if j := strings.Index(s, "</TEXT>"); j >= 0 {
			s = s[:j]
		}
	}
	return []byte(s)
}
