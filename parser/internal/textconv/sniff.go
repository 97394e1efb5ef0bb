package textconv

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// htmlSniffLen is how much of a document IsHTML looks at.
const htmlSniffLen = 8 << 10

// htmlMarkers are tag openings that only occur in HTML. <TABLE> and <PAGE>
// are absent on purpose: plain-text EDGAR filings use them too.
var htmlMarkers = []string{
	"<html", "<body", "<head", "<!doctype", "<ix:header", "<div", "<p", "<font", "<br",
	"<td", "<tr", "<center", "<span", "<meta", "<title", "<h1", "<h2", "<h3",
	"<h4", "<h5", "<h6", "<hr", "<img", "<strong", "<ul", "<ol", "<li",
}

// IsHTML reports whether a document body is HTML (or XHTML). It looks at
// the first few kilobytes for tags that plain-text filings never use; the
// SGML-style <PAGE>, <TYPE>, <TABLE>, <S> and <C> tags of text filings do
// not count.
func IsHTML(b []byte) bool {
	if len(b) > htmlSniffLen {
		b = b[:htmlSniffLen]
	}
	low := bytes.ToLower(b)
	head := bytes.TrimLeft(bytes.TrimPrefix(low, utf8BOM), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("begin ")): // uuencoded binary
		return false
	case bytes.HasPrefix(head, []byte("<xml>")), bytes.HasPrefix(head, []byte("<?xml")):
		// EDGAR XML documents; XHTML (inline XBRL) declares its namespace.
		return bytes.Contains(low, []byte("xhtml")) || hasTag(low, "<html")
	}
	for _, m := range htmlMarkers {
		if hasTag(low, m) {
			return true
		}
	}
	return false
}

// hasTag reports whether the lower-cased text low holds the tag opening m
// ("<div") followed by a character that ends a tag name.
func hasTag(low []byte, m string) bool {
	for i := 0; i < len(low); {
		j := bytes.Index(low[i:], []byte(m))
		if j < 0 {
			return false
		}
		k := i + j + len(m)
		if k < len(low) {
			switch low[k] {
			case ' ', '>', '/', '\n', '\r', '\t':
				return true
			}
		}
		i = k
	}
	return false
}

// decodeHTML decodes an HTML document: like Decode, except that a document
// that is not valid UTF-8 and declares another charset than UTF-8 or
// Latin-1/Windows-1252 in a <meta> tag is decoded from that charset.
func decodeHTML(b []byte) string {
	s, _ := decodeHTMLCharset(b)
	return s
}

// decodeHTMLCharset is decodeHTML; meta reports that the <meta> charset
// was used (the text may then differ from Decode's).
func decodeHTMLCharset(b []byte) (s string, meta bool) {
	if utf8.Valid(b) {
		return Decode(b), false
	}
	label := metaCharset(b)
	if label == "" {
		return Decode(b), false
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return Decode(b), false
	}
	switch name, _ := htmlindex.Name(enc); name {
	case "utf-8", "windows-1252", "iso-8859-1", "":
		return Decode(b), false
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return Decode(b), false
	}
	return Decode(out), true
}

// metaCharset returns the charset label declared near the top of an HTML
// document (<meta charset=...> or a Content-Type with charset=), or "".
func metaCharset(b []byte) string {
	if len(b) > htmlSniffLen {
		b = b[:htmlSniffLen]
	}
	low := bytes.ToLower(b)
	i := bytes.Index(low, []byte("charset="))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(low[i+len("charset="):], "\"' ")
	j := 0
	for j < len(rest) && (rest[j] >= 'a' && rest[j] <= 'z' || rest[j] >= '0' && rest[j] <= '9' ||
		rest[j] == '-' || rest[j] == '_' || rest[j] == '.' || rest[j] == ':') {
		j++
	}
	return string(rest[:j])
}

// Thresholds of plainTextInHTML.
const (
	textModeMinLines    = 50 // documents shorter than this are rendered as HTML
	textModeLinesPerTag = 20 // more source lines than this per block tag: plain text
)

// plainTextInHTML reports whether src, a document of lines lines, is a
// plain-text filing merely wrapped in <html><body> (1990s conversions):
// many source lines, hardly any block tags and no <pre>. Such a document is
// rendered with its line breaks and spacing kept, and its SGML
// <TABLE>/<CAPTION>/<S>/<C> tags ignored.
func plainTextInHTML[T string | []byte](src T, lines int) bool {
	if lines < textModeMinLines {
		return false
	}
	blocks := 0
	var name [10]byte
	for i := 0; i < len(src); i++ {
		if src[i] != '<' || i+1 >= len(src) {
			continue
		}
		j := i + 1
		if src[j] == '/' {
			j++
		}
		k := j
		for k < len(src) && k-j < 10 && (src[k]|0x20 >= 'a' && src[k]|0x20 <= 'z' || src[k] >= '0' && src[k] <= '9') {
			name[k-j] = src[k] | 0x20
			k++
		}
		switch string(name[:k-j]) {
		case "pre", "xmp", "listing", "plaintext":
			return false
		case "p", "div", "br", "tr", "td", "li", "h1", "h2", "h3", "h4", "h5", "h6", "center", "hr":
			blocks++
			if blocks*textModeLinesPerTag >= lines {
				return false
			}
		}
	}
	return true
}
