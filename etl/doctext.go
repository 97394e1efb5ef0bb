package etl

import (
	"strings"

	"github.com/edgarload/edgarload/parser"
)

// Positions of "text" and "searched_as" in documentColumns.
var (
	documentTextColumn       = columnIndex(documentColumns, "text")
	documentSearchedAsColumn = columnIndex(documentColumns, "searched_as")
)

// columnIndex is the position of name in columns (-1 when absent).
func columnIndex(columns []string, name string) int {
	for i, c := range columns {
		if c == name {
			return i
		}
	}
	return -1
}

// dropDocumentText clears the text of p's documents rows (a lean load,
// Options.SkipDocumentText); type, size and SHA-256 stay.
func (p *prepared) dropDocumentText() {
	for _, row := range p.documents {
		row[documentTextColumn], row[documentSearchedAsColumn] = nil, nil
	}
}

// documentSHA is a document's SHA-256 as a column value: NULL unless it is
// 64 lower-case hex digits (the CHECK of edgar.documents.sha256).
func documentSHA(s string) any {
	if len(s) != 64 {
		return nil
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return nil
		}
	}
	return s
}

// searchedAs is where full-text search finds document i's text, so that
// each text is indexed once (edgar.documents.searched_as): "exhibit" when
// an exhibit row holds it, "items" for the primary document of a report
// split into body items, else "document"; NULL without text.
func searchedAs(f *parser.Filing, i int) any {
	d := f.Documents[i]
	if clean(d.Text) == "" {
		return nil
	}
	for _, e := range f.Exhibits {
		sameSeq := e.Sequence != nil && d.Sequence != nil && *e.Sequence == *d.Sequence
		if clean(e.Text) != "" && (sameSeq || (e.Filename != "" && e.Filename == d.Filename)) {
			return "exhibit"
		}
	}
	if i == primaryIndex(f) {
		for _, it := range f.Items {
			if it.Source == "body" && clean(it.Text) != "" {
				return "items"
			}
		}
	}
	return "document"
}

// primaryIndex is the position of the report's own document: the first
// whose type is the form type, else the first with text (-1 for none).
func primaryIndex(f *parser.Filing) int {
	for i, d := range f.Documents {
		if strings.EqualFold(strings.TrimSpace(d.Type), strings.TrimSpace(f.FormType)) && d.Text != "" {
			return i
		}
	}
	for i, d := range f.Documents {
		if d.Text != "" {
			return i
		}
	}
	return -1
}
