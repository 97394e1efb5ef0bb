package items

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/textconv"
)

// sharedDir returns /work/shared located from the module root, skipping
// (or failing under CI) when it is absent.
func sharedDir(t testing.TB) string {
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
			t.Fatalf("shared corpus missing under CI: %v", err)
		}
		t.Skipf("shared corpus absent: %v", err)
	}
	return shared
}

// toText renders a document body as plain text.
func toText(b []byte) string {
	if textconv.IsHTML(b) {
		return textconv.HTMLToText(b)
	}
	return textconv.Decode(b)
}

var (
	hdrTypeRe  = regexp.MustCompile(`(?m)^CONFORMED SUBMISSION TYPE:\s*(\S.*?)\s*$`)
	hdrFiledRe = regexp.MustCompile(`(?m)^FILED AS OF DATE:\s*(\d{8})\s*$`)
	hdrItemRe  = regexp.MustCompile(`(?m)^ITEM INFORMATION:[ \t]*(.*?)\s*$`)
	docTypeRe  = regexp.MustCompile(`(?m)^<TYPE>\s*(\S.*?)\s*$`)
)

// submission is the little the tests need from a complete submission file.
type submission struct {
	form, filed string
	itemInfo    []string
	docs        []doc
}

// doc is one <DOCUMENT> block.
type doc struct {
	typ  string
	body []byte
}

// readSubmission slices a complete submission file by hand.
func readSubmission(t *testing.T, path string) submission {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	head := b
	if i := strings.Index(string(b), "<DOCUMENT>"); i >= 0 {
		head = b[:i]
	}
	var s submission
	if m := hdrTypeRe.FindSubmatch(head); m != nil {
		s.form = string(m[1])
	}
	if m := hdrFiledRe.FindSubmatch(head); m != nil {
		d := string(m[1])
		s.filed = d[:4] + "-" + d[4:6] + "-" + d[6:]
	}
	for _, m := range hdrItemRe.FindAllSubmatch(head, -1) {
		s.itemInfo = append(s.itemInfo, string(m[1]))
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
		var d doc
		if m := docTypeRe.FindStringSubmatch(block); m != nil {
			d.typ = m[1]
		}
		if k := strings.Index(block, "<TEXT>"); k >= 0 {
			body := block[k+len("<TEXT>"):]
			if e := strings.LastIndex(body, "</TEXT>"); e >= 0 {
				body = body[:e]
			}
			d.body = []byte(body)
		}
		s.docs = append(s.docs, d)
	}
	return s
}
