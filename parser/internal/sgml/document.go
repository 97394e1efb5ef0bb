package sgml

import (
	"bytes"
)

var (
	tagDocumentEnd = []byte("</DOCUMENT>")
	tagText        = []byte("<TEXT>")
	tagTextEnd     = []byte("</TEXT>")
)

// metaWindow bounds the search for <TEXT> after <DOCUMENT>: the TYPE,
// SEQUENCE, FILENAME and DESCRIPTION lines are short.
const metaWindow = 64 << 10

// finder finds the next occurrence of a needle, remembering its last
// answer so that searches from increasing offsets stay linear overall.
type finder struct {
	data     []byte
	needle   []byte
	from, at int
	valid    bool
}

// next returns the offset of the first occurrence at or after from, or -1.
func (f *finder) next(from int) int {
	if f.valid && from >= f.from && (f.at < 0 || f.at >= from) {
		return f.at
	}
	f.from, f.valid = from, true
	f.at = indexTag(f.data, from, f.needle)
	return f.at
}

// docScanner walks the <DOCUMENT> blocks of one input.
type docScanner struct {
	data                            []byte
	docs, docEnds, textEnds, uuEnds finder
}

func newDocScanner(data []byte) *docScanner {
	return &docScanner{
		data:     data,
		docs:     finder{data: data, needle: tagDocument},
		docEnds:  finder{data: data, needle: tagDocumentEnd},
		textEnds: finder{data: data, needle: tagTextEnd},
		uuEnds:   finder{data: data, needle: []byte("\nend")},
	}
}

// parseDocuments reads the <DOCUMENT> blocks from pos, which is the offset
// of the first "<DOCUMENT>".
func parseDocuments(data []byte, pos int) []Document {
	sc := newDocScanner(data)
	var docs []Document
	for pos >= 0 && pos < len(data) {
		d, next, ok := sc.parseDocument(pos + len(tagDocument))
		if ok {
			docs = append(docs, d)
		}
		if next <= pos {
			next = pos + len(tagDocument)
		}
		pos = sc.docs.next(next)
	}
	return docs
}

// parseDocument reads one document whose "<DOCUMENT>" ends at pos. It
// returns the document, the offset to continue from and whether the block
// held anything (a type or a body).
func (sc *docScanner) parseDocument(pos int) (Document, int, bool) {
	data := sc.data
	var d Document
	limit := min(len(data), pos+metaWindow)
	if nd := sc.docs.next(pos); nd >= 0 && nd < limit {
		limit = nd
	}
	win := data[pos:limit]
	metaEnd, textAt, endAt := len(win), -1, -1
	if i := bytes.Index(win, tagText); i >= 0 {
		metaEnd, textAt = i, pos+i
	}
	if i := bytes.Index(win[:metaEnd], tagDocumentEnd); i >= 0 {
		metaEnd, textAt, endAt = i, -1, pos+i
	}
	readMeta(&d, win[:metaEnd])

	if textAt < 0 {
		next := pos + metaEnd
		if endAt >= 0 {
			next = endAt + len(tagDocumentEnd)
		}
		return d, next, d.Type != ""
	}

	bodyStart := skipRestOfLine(data, textAt+len(tagText))
	bodyEnd, next, closed := sc.findTextEnd(bodyStart)
	body := trimLineEnd(data[bodyStart:bodyEnd])
	d.Unterminated = !closed
	d.Size, d.Raw = len(body), body
	setBody(&d, body)
	return d, next, true
}

// readMeta reads the <TYPE>, <SEQUENCE>, <FILENAME> and <DESCRIPTION> tags.
func readMeta(d *Document, meta []byte) {
	for pos := 0; pos < len(meta); {
		line, next := nextLine(meta, pos)
		pos = next
		line = bytes.TrimLeft(line, " \t")
		for len(line) > 0 && line[0] == '<' {
			name, closing, after, ok := readTag(line)
			if !ok {
				break
			}
			end := nextTagStart(after)
			value := bytes.TrimSpace(after[:end])
			line = after[end:]
			if closing {
				continue
			}
			var dst *string
			switch string(name) {
			case "TYPE":
				dst = &d.Type
			case "SEQUENCE":
				dst = &d.Sequence
			case "FILENAME":
				dst = &d.Filename
			case "DESCRIPTION":
				dst = &d.Description
			}
			if dst != nil && *dst == "" {
				*dst = string(value)
			}
		}
	}
}

// skipRestOfLine returns the offset after the line terminator that ends
// the line at pos when the rest of that line is blank, else pos.
func skipRestOfLine(data []byte, pos int) int {
	i := pos
	for i < len(data) && (data[i] == ' ' || data[i] == '\t') {
		i++
	}
	switch {
	case i >= len(data):
		return i
	case data[i] == '\r':
		if i+1 < len(data) && data[i+1] == '\n' {
			return i + 2
		}
		return i + 1
	case data[i] == '\n':
		return i + 1
	}
	return pos
}

// trimLineEnd removes one trailing line terminator.
func trimLineEnd(b []byte) []byte {
	switch {
	case bytes.HasSuffix(b, []byte("\r\n")):
		return b[:len(b)-2]
	case bytes.HasSuffix(b, []byte("\n")), bytes.HasSuffix(b, []byte("\r")):
		return b[:len(b)-1]
	}
	return b
}

// findTextEnd finds the </TEXT> that closes the body starting at from. It
// prefers a </TEXT> followed by </DOCUMENT> (or the end of input), so a
// stray </TEXT> inside a body or uuencoded data does not cut it short. It
// returns the body end, the offset to continue from and whether a </TEXT>
// was found.
func (sc *docScanner) findTextEnd(from int) (end, next int, closed bool) {
	data := sc.data
	search := from
	if uu := sc.uuEnd(from); uu > 0 {
		search = uu
	}
	first := sc.textEnds.next(search)
	if first < 0 && search != from {
		first = sc.textEnds.next(from)
	}
	if first < 0 {
		// Truncated: the body runs to </DOCUMENT>, the next document or the end.
		end := len(data)
		if i := sc.docEnds.next(from); i >= 0 {
			end = i
		}
		if i := sc.docs.next(from); i >= 0 && i < end {
			end = i
		}
		return end, end, false
	}
	if n, ok := closesDocument(data, first); ok {
		return first, n, true
	}
	// A stray </TEXT>: look for one that closes the document, but not past
	// the next <DOCUMENT>.
	limit := len(data)
	if i := sc.docs.next(first); i >= 0 {
		limit = i
	}
	for at := first + len(tagTextEnd); at < limit; {
		i := bytes.Index(data[at:limit], tagTextEnd)
		if i < 0 {
			break
		}
		cand := at + i
		if n, ok := closesDocument(data, cand); ok {
			return cand, n, true
		}
		at = cand + len(tagTextEnd)
	}
	return first, first + len(tagTextEnd), true
}

// closesDocument reports whether the </TEXT> at i is followed, after white
// space, by </DOCUMENT> or the end of input, and the offset after that.
func closesDocument(data []byte, i int) (int, bool) {
	j := i + len(tagTextEnd)
	for j < len(data) && isSpace(data[j]) {
		j++
	}
	if j == len(data) {
		return j, true
	}
	if bytes.HasPrefix(data[j:], tagDocumentEnd) {
		return j + len(tagDocumentEnd), true
	}
	return 0, false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// uuEnd returns the offset after the "end" line of a uuencoded body that
// starts (after white space and an optional <PDF> line) at from, or 0.
func (sc *docScanner) uuEnd(from int) int {
	data := sc.data
	b := data[from:]
	b = b[len(b)-len(bytes.TrimLeft(b, " \t\r\n")):]
	if bytes.HasPrefix(b, []byte("<PDF>")) {
		b = b[5:]
		b = b[len(b)-len(bytes.TrimLeft(b, " \t\r\n")):]
	}
	if !isUUBegin(b) {
		return 0
	}
	for off := len(data) - len(b); ; {
		i := sc.uuEnds.next(off)
		if i < 0 {
			return 0
		}
		at := i + 4
		if at == len(data) || data[at] == '\r' || data[at] == '\n' {
			return at
		}
		off = at
	}
}

// isUUBegin reports whether b starts with a uuencode "begin NNN name" line.
func isUUBegin(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("begin ")) {
		return false
	}
	i := 6
	n := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '7' {
		i++
		n++
	}
	return n >= 3 && n <= 4 && i < len(b) && b[i] == ' '
}

// bodyWrappers are the elements EDGAR wraps some <TEXT> bodies in.
var bodyWrappers = []struct {
	name        string
	open, close []byte
}{
	{"XBRL", []byte("<XBRL>"), []byte("</XBRL>")},
	{"XML", []byte("<XML>"), []byte("</XML>")},
	{"PDF", []byte("<PDF>"), []byte("</PDF>")},
}

// setBody stores body on d, removing an <XBRL>/<XML>/<PDF> wrapper and
// marking binary payloads.
func setBody(d *Document, body []byte) {
	inner := body
	lead := bytes.TrimLeft(body, " \t\r\n")
	for _, w := range bodyWrappers {
		if !bytes.HasPrefix(lead, w.open) {
			continue
		}
		start := skipRestOfLine(body, len(body)-len(lead)+len(w.open))
		inner = body[start:]
		if trail := bytes.TrimRight(inner, " \t\r\n"); bytes.HasSuffix(trail, w.close) {
			inner = trimLineEnd(trail[:len(trail)-len(w.close)])
		}
		d.Wrapper = w.name
		break
	}
	if d.Wrapper == "PDF" || isUUBegin(bytes.TrimLeft(inner, " \t\r\n")) {
		d.Binary = true
		return
	}
	if inner == nil {
		inner = []byte{}
	}
	d.Text = inner
}
