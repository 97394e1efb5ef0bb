package etl

// documentTextColumn is the position of "text" in documentColumns.
var documentTextColumn = columnIndex(documentColumns, "text")

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
		row[documentTextColumn] = nil
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
