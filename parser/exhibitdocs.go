package parser

import (
	"strings"

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
// document yet) a document merges into, -1 for none.
func matchIndexRow(rows []Exhibit, d exhibitDoc, perBase map[string]int) int {
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
