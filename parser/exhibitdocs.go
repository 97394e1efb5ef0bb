package parser

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/edgarload/edgarload/parser/internal/exhibits"
	"github.com/edgarload/edgarload/parser/internal/sgml"
)

// exhibitDoc is one exhibit document of a submission (EX-* or GRAPHIC),
// as an exhibit row, with the key it is merged on.
type exhibitDoc struct {
	row Exhibit
	key string // normalized number; "" for graphics
}

// addDocumentExhibits merges the submission's EX-* and GRAPHIC documents
// into the exhibits read from the body's exhibit index.
func addDocumentExhibits(f *Filing, sub *sgml.Submission) {
	var docs []exhibitDoc
	for i := range sub.Documents {
		d := &sub.Documents[i]
		doc := f.Documents[i]
		e, ok := exhibitOfDocument(doc)
		if !ok {
			continue
		}
		_, interactive, _ := exhibits.DocumentNumber(doc.Type)
		if !d.Binary && !interactive && e.Number != "" {
			e.Text = bodyText(d.Text, d.Filename)
			e.Number = printedNumber(e.Text, e.Number)
			f.Documents[i].Text = e.Text // converted once (see addDocumentTexts)
		}
		docs = append(docs, exhibitDoc{row: e, key: exhibits.Normalize(e.Number)})
	}
	f.Exhibits = mergeDocumentExhibits(f.Exhibits, docs)
}

// exhibitOfDocument returns the exhibit row of a document: every EX-*
// document (XBRL ones included) and every GRAPHIC; ok is false for the
// others (the report itself, XML, ZIP, EXCEL, JSON, correspondence).
func exhibitOfDocument(d Document) (Exhibit, bool) {
	typ := strings.TrimSpace(d.Type)
	e := Exhibit{Type: typ, Sequence: d.Sequence, Filename: d.Filename, Description: strings.TrimSpace(d.Description), Bytes: d.Bytes}
	upper := strings.ToUpper(typ)
	switch {
	case upper == "GRAPHIC":
		return e, true
	case !strings.HasPrefix(upper, "EX-"):
		return Exhibit{}, false
	}
	num, _, ok := exhibits.DocumentNumber(typ)
	if ok && !strings.Contains(num, ".") {
		// EX-99 documents often carry their full number only in the
		// description.
		if n := exhibits.Normalize(e.Description); n != "" && strings.HasPrefix(n, num+".") {
			num = n
		}
	}
	e.Number = num
	return e, true
}

// printedNumberRe matches the "EXHIBIT 99.1" line an exhibit document
// opens with.
var printedNumberRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*exhibit[\s\x{a0}]+(?:no\.?[\s\x{a0}]*)?(\d{1,3}(?:\.\d{1,3})?(?:[\s\x{a0}]?\([a-z0-9]{1,4}\))*)(?:[\s\x{a0}.:]|$)`)

// maxOpeningLines is how many non-blank lines of an exhibit document are
// searched for its printed number.
const maxOpeningLines = 5

// printedNumber returns the number an exhibit document prints on its
// first lines ("EXHIBIT 99.1") when its type gives only the base number
// ("EX-99"); num otherwise.
func printedNumber(text, num string) string {
	key := exhibits.Normalize(num)
	if key == "" || key != exhibits.Base(key) {
		return num
	}
	n := 0
	for line := range strings.SplitSeq(text[:min(len(text), 4096)], "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if m := printedNumberRe.FindStringSubmatch(line); m != nil {
			if p := strings.Join(strings.Fields(m[1]), ""); exhibits.Base(exhibits.Normalize(p)) == key {
				return p
			}
			return num
		}
		if n++; n >= maxOpeningLines {
			break
		}
	}
	return num
}

// mergeDocumentExhibits merges each exhibit document into the index row
// of the same normalized number, else — when the document is the only
// one of its base number and one of the two numbers has no sub-part
// ("99" and "99.1", "EX-31" and "31.1") — into the first index row of
// that base; the others are added. Every document makes one row.
func mergeDocumentExhibits(rows []Exhibit, docs []exhibitDoc) []Exhibit {
	perBase := map[string]int{}
	for _, d := range docs {
		if d.key != "" {
			perBase[exhibits.Base(d.key)]++
		}
	}
	for _, d := range docs {
		j := matchIndexRow(rows, d, perBase)
		if j < 0 {
			rows = append(rows, d.row)
			continue
		}
		r := &rows[j]
		r.Type, r.Sequence, r.Filename, r.Text, r.Bytes = d.row.Type, d.row.Sequence, d.row.Filename, d.row.Text, d.row.Bytes
		if r.Description == "" {
			r.Description = d.row.Description
		}
	}
	return rows
}

// matchIndexRow returns the index of the index row (one without a
// document yet) a document merges into, -1 for none: by number (see
// matchByNumber), else by description.
func matchIndexRow(rows []Exhibit, d exhibitDoc, perBase map[string]int) int {
	if j := matchByNumber(rows, d, perBase); j >= 0 {
		return j
	}
	return matchByDescription(rows, d)
}

// minMatchWords is the fewest words a document's description must have
// to find its index row by description.
const minMatchWords = 3

// matchByDescription returns the one index row without a document whose
// description begins with the document's own (its <DESCRIPTION>, else
// its first line): an agreement filed as EX-99 that the index lists as
// 10.1 ("AGREEMENT AND PLAN OF MERGER" and "Agreement and Plan of
// Merger, dated as of ..."). -1 when none or several do.
func matchByDescription(rows []Exhibit, d exhibitDoc) int {
	found := -1
	for _, desc := range []string{d.row.Description, openingLine(d.row.Text)} {
		w := strings.Fields(normDesc(desc))
		if len(w) < minMatchWords {
			continue
		}
		want := strings.Join(w, " ")
		for i, r := range rows {
			if r.Type != "" {
				continue
			}
			if got := normDesc(r.Description); got == want || strings.HasPrefix(got, want+" ") {
				if found >= 0 && found != i {
					return -1
				}
				found = i
			}
		}
		if found >= 0 {
			return found
		}
	}
	return -1
}

// normDesc lower-cases a description and keeps its words and numbers,
// single-spaced.
func normDesc(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// openingLine returns the first non-blank line of s, trimmed.
func openingLine(s string) string {
	for line := range strings.SplitSeq(s[:min(len(s), 2048)], "\n") {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// matchByNumber returns the index row of the document's normalized
// number, else — when the document is the only one of its base number
// and one of the two numbers has no sub-part — the first row of that
// base; -1 for none.
func matchByNumber(rows []Exhibit, d exhibitDoc, perBase map[string]int) int {
	if d.key == "" {
		return -1
	}
	for i, r := range rows {
		if r.Type == "" && exhibits.Normalize(r.Number) == d.key {
			return i
		}
	}
	base := exhibits.Base(d.key)
	if perBase[base] != 1 {
		return -1
	}
	for i, r := range rows {
		k := exhibits.Normalize(r.Number)
		if r.Type == "" && exhibits.Base(k) == base && (k == base || d.key == base) {
			return i
		}
	}
	return -1
}
