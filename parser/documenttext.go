package parser

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/sgml"
)

// addDocumentTexts gives every document of a submission its SHA-256 and,
// for prose documents, its plain text: the primary document's is the text
// the extractors read (primaryText), an exhibit's was set with its exhibit
// row; the others are converted here.
func addDocumentTexts(f *Filing, sub *sgml.Submission, primary *sgml.Document, primaryText string) {
	for i := range sub.Documents {
		if i >= len(f.Documents) {
			return
		}
		d, doc := &sub.Documents[i], &f.Documents[i]
		doc.SHA256 = documentSHA256(d)
		switch {
		case !isProseDocument(d, doc.Type):
			doc.Text = ""
		case d == primary:
			doc.Text = strings.TrimSpace(primaryText)
		case doc.Text == "":
			doc.Text = bodyText(d.Text, d.Filename)
		}
	}
}

// dataDocumentTypes are document types that hold data, not prose: their
// text is not kept (the XBRL facts, the ZIP and Excel payloads).
var dataDocumentTypes = map[string]bool{"XML": true, "ZIP": true, "EXCEL": true, "JSON": true, "GRAPHIC": true, "PDF": true}

// isProseDocument reports whether a document is HTML or plain text meant
// to be read: not a binary payload, not XBRL or XML data.
func isProseDocument(d *sgml.Document, typ string) bool {
	if d.Binary || d.Text == nil || d.Wrapper != "" {
		return false
	}
	upper := strings.ToUpper(strings.TrimSpace(typ))
	if dataDocumentTypes[upper] || strings.HasPrefix(upper, "EX-101") {
		return false
	}
	lead := bytes.TrimLeft(d.Text[:min(len(d.Text), 512)], " \t\r\n\ufeff")
	return !bytes.HasPrefix(lead, []byte("<?xml")) || isHTMLDocument(d.Text, d.Filename)
}

// documentSHA256 is the hex SHA-256 of a document as EDGAR serves it: the
// decoded bytes of a uuencoded payload, else the body as filed.
func documentSHA256(d *sgml.Document) string {
	raw := d.Raw
	if d.Binary {
		// A <PDF> wrapper line may precede the uuencoded payload.
		if at := bytes.Index(raw[:min(len(raw), 256)], []byte("begin ")); at >= 0 {
			if dec, ok := uudecode(raw[at:]); ok {
				raw = dec
			}
		}
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// uudecode decodes a uuencoded body ("begin NNN name" ... "end"); ok is
// false when b is not one or a line is malformed.
func uudecode(b []byte) ([]byte, bool) {
	b = bytes.TrimLeft(b, " \t\r\n")
	if !bytes.HasPrefix(b, []byte("begin ")) {
		return nil, false
	}
	lines := bytes.Split(b, []byte("\n"))
	out := make([]byte, 0, len(b)*3/4)
	for _, line := range lines[1:] {
		line = bytes.TrimRight(line, "\r")
		if bytes.Equal(line, []byte("end")) {
			return out, true
		}
		if len(line) == 0 {
			continue
		}
		n := int((line[0] - ' ') & 63)
		if n == 0 {
			continue
		}
		dec, ok := uuLine(line[1:], n)
		if !ok {
			return nil, false
		}
		out = append(out, dec...)
	}
	return out, true // no "end" line: what was decoded
}

// uuLine decodes the n bytes of one uuencoded line body.
func uuLine(body []byte, n int) ([]byte, bool) {
	need := (n + 2) / 3 * 4
	if len(body) < need {
		// Trailing spaces are often stripped: pad them back.
		body = append(append([]byte(nil), body...), bytes.Repeat([]byte{' '}, need-len(body))...)
	}
	out := make([]byte, 0, need/4*3)
	for i := 0; i+4 <= need; i += 4 {
		var c [4]byte
		for j := range c {
			ch := body[i+j]
			if ch < ' ' || ch > '`' {
				return nil, false
			}
			c[j] = (ch - ' ') & 63
		}
		out = append(out, c[0]<<2|c[1]>>4, c[1]<<4|c[2]>>2, c[2]<<6|c[3])
	}
	return out[:n], true
}
