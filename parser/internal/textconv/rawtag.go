package textconv

import (
	"bytes"

	"golang.org/x/net/html"
)

// The tokenizer's TagName and TagAttr copy every name, key and value they
// return (x/net/html replaces NUL in a copy even when there is none), and
// they are most of the allocations of rendering a document. tagReader
// reads the name and attributes of a tag from its raw bytes instead,
// replaying the tokenizer's own attribute scanner (WHATWG 13.2.5.32-38 as
// x/net/html implements it: first of duplicate keys wins, keys
// lower-cased in ASCII), for every tag whose raw text has no character
// the tokenizer would rewrite (&, CR, NUL); other tags go through TagName
// and TagAttr. TestTagReaderMatchesTokenizer and its fuzz target hold the
// two to the same result.

// tagReader reads tags without allocating; the slices it returns are
// valid until its next call.
type tagReader struct {
	lower []byte // lower-cased name and keys
	spans []span // attribute key and value spans of the raw tag
}

// span is a byte range [start, end) of a raw tag; key spans index lower.
type span struct{ start, end int }

// tag returns the lower-cased name of the current tag token of z and, for
// a start tag, its attributes appended to dst when they may change
// rendering (mayHaveRenderingAttr) or tap wants them; otherwise none.
func (r *tagReader) tag(z *html.Tokenizer, end bool, tap Tap, dst []Attr) (name []byte, _ []Attr) {
	raw := z.Raw()
	if end {
		return r.endTag(z, raw), dst
	}
	if len(raw) <= 1 || raw[0] != '<' || !isASCIILetter(raw[1]) ||
		bytes.IndexByte(raw, '&') >= 0 || bytes.IndexByte(raw, '\r') >= 0 || bytes.IndexByte(raw, 0) >= 0 {
		name, hasAttr := z.TagName()
		if hasAttr && (mayHaveRenderingAttr(raw) || tap != nil && tap.WantAttrs(name)) {
			dst = collectAttrs(z, dst)
		}
		return name, dst
	}
	i := nameEnd(raw, 1)
	r.lower = appendLower(r.lower[:0], raw[1:i])
	nameLen := len(r.lower)
	// The same attributes as the tokenizer path above: only those that
	// may change rendering or that tap wants.
	if !(mayHaveRenderingAttr(raw) || tap != nil && tap.WantAttrs(r.lower[:nameLen])) {
		return r.lower[:nameLen], dst
	}
	r.spans = r.spans[:0]
	r.scanAttrs(raw, i)
	for k := 0; k < len(r.spans); k += 2 {
		ks, vs := r.spans[k], r.spans[k+1]
		var val []byte
		if vs.end > vs.start {
			val = raw[vs.start:vs.end]
		}
		dst = append(dst, Attr{Key: r.lower[ks.start:ks.end], Val: val})
	}
	return r.lower[:nameLen], dst
}

// endTag returns the lower-cased name of the end tag raw, the current
// token of z. The tokenizer keeps no attributes of end tags and changes a
// name only by replacing NUL, so only the name is read.
func (r *tagReader) endTag(z *html.Tokenizer, raw []byte) []byte {
	if len(raw) <= 2 || raw[0] != '<' || raw[1] != '/' || !isASCIILetter(raw[2]) {
		name, _ := z.TagName()
		return name
	}
	i := nameEnd(raw, 2)
	if bytes.IndexByte(raw[2:i], 0) >= 0 {
		name, _ := z.TagName()
		return name
	}
	r.lower = appendLower(r.lower[:0], raw[2:i])
	return r.lower
}

// nameEnd returns the offset after the tag name that starts at i in raw.
func nameEnd(raw []byte, i int) int {
	for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	return i
}

// scanAttrs records the attributes of raw, a whole tag, from i (just after
// its name): pairs of spans, the key's in r.lower (lower-cased), the
// value's in raw. It is x/net/html's readTag loop over bytes in memory:
// the tokenizer read exactly raw, so the scan ends at its final '>'.
func (r *tagReader) scanAttrs(raw []byte, i int) {
	n := len(raw)
	skipSpace := func() {
		for i < n && isTagSpace(raw[i]) {
			i++
		}
	}
	skipSpace()
	for i < n && raw[i] != '>' {
		// readTagAttrKey
		ks := i
		for i < n {
			c := raw[i]
			if c == '=' && i == ks {
				i++
				continue
			}
			if c == '=' || isTagSpace(c) || c == '/' || c == '>' {
				break
			}
			i++
		}
		ke := i
		// readTagAttrVal
		vs, ve := i, i
		skipSpace()
		if i < n {
			c := raw[i]
			i++
			switch {
			case c == '/':
			case c != '=':
				i--
			default:
				skipSpace()
				if i < n {
					q := raw[i]
					i++
					switch q {
					case '>':
						i--
					case '\'', '"':
						vs = i
						for i < n && raw[i] != q {
							i++
						}
						ve = i
						if i < n {
							i++
						}
					default:
						vs = i - 1
						for i < n && !isTagSpace(raw[i]) && raw[i] != '>' {
							i++
						}
						ve = i
					}
				}
			}
		}
		if ke > ks {
			r.addAttr(raw[ks:ke], vs, ve)
		}
		skipSpace()
	}
}

// addAttr records a key and its value span unless an attribute with the
// same lower-cased key came first.
func (r *tagReader) addAttr(key []byte, vs, ve int) {
	start := len(r.lower)
	r.lower = appendLower(r.lower, key)
	k := r.lower[start:]
	for j := 0; j < len(r.spans); j += 2 {
		if bytes.Equal(r.lower[r.spans[j].start:r.spans[j].end], k) {
			r.lower = r.lower[:start]
			return
		}
	}
	r.spans = append(r.spans, span{start, len(r.lower)}, span{vs, ve})
}

// isTagSpace reports whether c is whitespace inside a tag.
func isTagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// appendLower appends b to dst with ASCII letters lower-cased.
func appendLower(dst, b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
