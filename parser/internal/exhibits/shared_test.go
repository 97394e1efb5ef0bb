package exhibits

import "github.com/edgarload/edgarload/parser/internal/textconv"

// toText renders a document body as plain text, the way the parser does.
func toText(b []byte) string {
	if textconv.IsHTML(b) {
		return textconv.HTMLToText(b)
	}
	return textconv.Decode(b)
}
