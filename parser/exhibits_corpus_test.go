package parser

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/exhibits"
)

// reportsOn8KRe matches a "Reports on Form 8-K" line of a 10-K or 10-Q,
// which lists reports, not exhibits.
// ("(b) Reports on Form 8-K", "Form 8-K dated May 1, 1997, reporting ...").
var reportsOn8KRe = regexp.MustCompile(`(?i)^(?:\(?[a-d]\)\s*)?reports?\s+on\s+form\s+8-?k\b|^(?:current\s+report\s+on\s+)?form\s+8-?k\s+(?:dated|filed)\b`)

// TestCorpusExhibitDocuments checks on every corpus filing that each EX-*
// and GRAPHIC document makes exactly one exhibit row (typed, with its
// file name and size; no text for XBRL and graphics), and that no row
// comes from a "Reports on Form 8-K" line.
func TestCorpusExhibitDocuments(t *testing.T) {
	var docs, perDoc, xbrl, unmerged ratio
	rows := 0
	corpusFilings(t, func(path string, _ []byte, f *Filing) {
		name := filepath.Base(path)
		want := map[string]int{} // file name or sequence → documents
		nEX := 0
		for _, d := range f.Documents {
			u := strings.ToUpper(d.Type)
			if strings.HasPrefix(u, "EX-") || u == "GRAPHIC" {
				want[docID(d.Filename, d.Sequence)]++
				if strings.HasPrefix(u, "EX-") {
					nEX++
				}
			}
		}
		got := map[string]int{}
		typedEX := 0
		for _, e := range f.Exhibits {
			if reportsOn8KRe.MatchString(e.Description) && e.Type == "" {
				t.Errorf("%s: exhibit row %s from a Reports on Form 8-K line: %q", name, e.Number, e.Description)
			}
			if e.Type == "" {
				continue
			}
			got[docID(e.Filename, e.Sequence)]++
			u := strings.ToUpper(e.Type)
			if strings.HasPrefix(u, "EX-") {
				typedEX++
			}
			if strings.HasPrefix(u, "EX-101") || strings.HasPrefix(u, "EX-100") || u == "GRAPHIC" {
				ok := e.Text == "" && e.Filename != "" && e.Bytes > 0
				xbrl.add(ok)
				if !ok {
					t.Errorf("%s: %s document %s: filename %q, %d bytes, %d characters of text", name, e.Type, e.Number, e.Filename, e.Bytes, len(e.Text))
				}
			}
		}
		ok := typedEX == nEX
		for id, n := range want {
			ok = ok && got[id] == n
			for k := 0; k < n; k++ {
				perDoc.add(k < got[id])
			}
		}
		if len(want) > 0 {
			docs.add(ok)
		}
		if !ok {
			t.Errorf("%s: %d EX-* documents, %d typed EX-* exhibit rows (documents %v, rows %v)", name, nEX, typedEX, want, got)
		}
		// An index row and a document row of the same exhibit number,
		// written alike or differently ("99" and "99.1" when the
		// document is the only 99), should have been merged.
		typedKeys, perBase := map[string]bool{}, map[string]int{}
		for _, e := range f.Exhibits {
			if e.Type != "" && e.Number != "" {
				k := exhibits.Normalize(e.Number)
				typedKeys[k] = true
				perBase[exhibits.Base(k)]++
			}
		}
		for _, e := range f.Exhibits {
			rows++
			if e.Type != "" && e.Bytes == 0 {
				t.Errorf("%s: exhibit %s (%s) without its document size", name, e.Number, e.Type)
			}
			if e.Type != "" {
				continue
			}
			k := exhibits.Normalize(e.Number)
			b := exhibits.Base(k)
			dup := typedKeys[k] || (k == b && perBase[b] == 1) || (typedKeys[b] && perBase[b] == 1)
			unmerged.add(!dup)
			if dup {
				t.Errorf("%s: index row %s not merged with its document", name, e.Number)
			}
		}
	})
	t.Logf("EX-*/GRAPHIC documents that are an exhibit row: %v; filings whose every one is exactly one row: %v", perDoc, docs)
	t.Logf("XBRL/graphic rows typed, named, sized, no text: %v; index rows not left beside their document: %v; exhibit rows %d",
		xbrl, unmerged, rows)
	if docs.all == 0 || xbrl.all == 0 {
		t.Errorf("no exhibit documents in the corpus: the test checks nothing")
	}
}

// docID names a document by file name, else by sequence number.
func docID(filename string, seq *int) string {
	if filename != "" {
		return strings.ToLower(filename)
	}
	if seq != nil {
		return "#" + strconv.Itoa(*seq)
	}
	return "?"
}
