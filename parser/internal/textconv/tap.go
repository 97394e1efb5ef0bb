package textconv

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// Attr is one attribute of a tag: its lower-cased name and its unescaped
// value. Both alias the tokenizer's buffer: they are valid only until the
// tap method they are passed to returns.
type Attr struct {
	Key, Val []byte
}

// Tap reads the tokens of an HTML document while HTMLToTextTap renders it,
// so that one tokenisation serves both (the inline-XBRL reader is one).
// Every token is shown to the tap before the renderer acts on it, skipped
// content (<head>, ix:header, display:none) included. Names are lower-case;
// the slices passed are valid only during the call.
type Tap interface {
	// WantAttrs reports whether StartTag needs the attributes of the tag
	// name; when false, StartTag may get none.
	WantAttrs(name []byte) bool
	// StartTag sees a start or self-closing tag.
	StartTag(name []byte, attrs []Attr, selfClosing bool)
	// EndTag sees an end tag.
	EndTag(name []byte)
	// Text sees the unescaped text of a text token.
	Text(t []byte)
}

// HTMLToTextTap is HTMLToText that also feeds tap (if not nil) the
// document's tokens. tapped is false when tap was not fed because the
// document is in a legacy charset, which HTMLToText decodes from its
// <meta> declaration while Decode (and so a reader of Decode's text) does
// not: the caller then reads the tokens of Decode's text itself.
func HTMLToTextTap(b []byte, tap Tap) (text string, tapped bool) {
	src, textMode, ok := htmlSource(b)
	c := converter{textMode: textMode}
	if ok {
		c.tap = tap
	}
	c.top.out = &c.out
	c.out.Grow(textSizeHint(len(b), textMode))
	c.run(html.NewTokenizer(src))
	return c.out.String(), ok && tap != nil
}

// textSizeHint is the capacity the rendered text starts with: about the
// size of a plain-text document, a third of an HTML one (whose markup
// renders as nothing); a larger text grows the builder.
func textSizeHint(n int, textMode bool) int {
	if textMode {
		return n
	}
	return n / 3
}

// htmlSource is what the tokenizer reads for the HTML document b, and
// whether it is plain text wrapped in HTML (see plainTextInHTML). Valid
// UTF-8 that cleaning would change at most in its line ends is read in
// place: the tokenizer turns CR and CRLF into LF in every text and
// attribute value it returns, so it returns exactly what it returns for
// Decode's text, without a copy of the document. Anything else is decoded
// first (decodeHTML). ok is false when decoding used a <meta> charset
// (the tokens then differ from those of Decode's text).
func htmlSource(b []byte) (src io.Reader, textMode, ok bool) {
	b = bytes.TrimPrefix(b, utf8BOM)
	if cleanButCR(b) {
		return bytes.NewReader(b), plainTextInHTML(b, lineCount(b)), true
	}
	s, meta := decodeHTMLCharset(b)
	return strings.NewReader(s), plainTextInHTML(s, strings.Count(s, "\n")), !meta
}

// cleanButCR reports whether b is valid UTF-8 that Decode changes at most
// by turning CR and CRLF into LF.
func cleanButCR(b []byte) bool {
	for i, c := range b {
		if suspect[c] && c != '\r' && special(b, i) {
			return false
		}
	}
	return utf8.Valid(b)
}

// suspect marks the bytes special may be true at: controls, DEL and the
// lead byte of C1 controls.
var suspect = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n'
	}
	t[0x7F], t[0xC2] = true, true
	return t
}()

// lineCount is the number of LF in Decode's text of b, which cleanButCR
// accepts: LF, CRLF and lone CR each end one line.
func lineCount(b []byte) int {
	n := bytes.Count(b, []byte{'\n'})
	for i := 0; i < len(b); i++ {
		j := bytes.IndexByte(b[i:], '\r')
		if j < 0 {
			break
		}
		i += j
		if i+1 >= len(b) || b[i+1] != '\n' {
			n++
		}
	}
	return n
}

// collectAttrs appends the attributes of the current tag of z to dst.
func collectAttrs(z *html.Tokenizer, dst []Attr) []Attr {
	for {
		k, v, more := z.TagAttr()
		if k != nil || v != nil {
			dst = append(dst, Attr{Key: k, Val: v})
		}
		if !more {
			return dst
		}
	}
}

// containsWingdings reports whether a font face names Wingdings, in any
// letter case (Unicode case folding, as bytes.ToLower).
func containsWingdings(v []byte) bool {
	for _, c := range v {
		if c >= utf8.RuneSelf {
			return bytes.Contains(bytes.ToLower(v), []byte("wingdings"))
		}
	}
	return ascii.ContainsFold(v, []byte("wingdings"))
}
