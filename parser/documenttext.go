package parser

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
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
// decoded bytes of a uuencoded payload, else the body as filed. A payload
// is hashed as it is decoded, without a decoded copy.
func documentSHA256(d *sgml.Document) string {
	raw := d.Raw
	if d.Binary {
		// A <PDF> wrapper line may precede the uuencoded payload.
		if at := bytes.Index(raw[:min(len(raw), 256)], []byte("begin ")); at >= 0 {
			h := sha256.New()
			if uudecodeTo(h, raw[at:]) {
				return hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// uudecode decodes a uuencoded body ("begin NNN name" ... "end"); ok is
// false when b is not one or a line is malformed.
func uudecode(b []byte) ([]byte, bool) {
	var out bytes.Buffer
	if !uudecodeTo(&out, b) {
		return nil, false
	}
	return out.Bytes(), true
}

// uuChunk is how many decoded bytes uudecodeTo gathers per write.
const uuChunk = 16 << 10

// uudecodeTo writes the decoded bytes of the uuencoded body b to w (in
// chunks, which a hash absorbs as one stream); false when b is not one or
// a line is malformed (w may then have had part of the data).
func uudecodeTo(w io.Writer, b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	if !bytes.HasPrefix(b, []byte("begin ")) {
		return false
	}
	buf := make([]byte, 0, uuChunk)
	i := bytes.IndexByte(b, '\n')
	for i >= 0 && i < len(b) {
		rest := b[i+1:]
		line := rest
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			line, i = rest[:j], i+1+j
		} else {
			i = -1
		}
		line = bytes.TrimRight(line, "\r")
		if bytes.Equal(line, []byte("end")) {
			break
		}
		if len(line) == 0 {
			continue
		}
		n := int((line[0] - ' ') & 63)
		if n == 0 {
			continue
		}
		if len(buf)+n > cap(buf) {
			w.Write(buf)
			buf = buf[:0]
		}
		var ok bool
		if buf, ok = appendUULine(buf, line[1:], n); !ok {
			return false
		}
	}
	w.Write(buf)
	return true // with or without an "end" line: what was decoded
}

// appendUULine appends the n bytes of one uuencoded line body to dst.
// Trailing spaces are often stripped: missing characters count as spaces.
func appendUULine(dst, body []byte, n int) ([]byte, bool) {
	need := (n + 2) / 3 * 4
	var q [4]byte
	for i := 0; i < need; i += 4 {
		for j := range q {
			ch := byte(' ')
			if i+j < len(body) {
				ch = body[i+j]
			}
			if ch < ' ' || ch > '`' {
				return dst, false
			}
			q[j] = (ch - ' ') & 63
		}
		dec := [3]byte{q[0]<<2 | q[1]>>4, q[1]<<4 | q[2]>>2, q[2]<<6 | q[3]}
		dst = append(dst, dec[:min(3, n-i/4*3)]...)
	}
	return dst, true
}
