package textconv

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/edgarload/edgarload/parser/internal/ascii"
)

// elemKind says how an element affects line layout.
type elemKind uint8

const (
	kindInline elemKind = iota
	kindBreak           // starts and ends a line
	kindPara            // starts and ends a paragraph (blank line around)
	kindSkip            // content is not rendered
	kindPre             // preformatted: whitespace kept
)

// elemKinds classifies the elements that are not inline.
var elemKinds = map[string]elemKind{
	"address": kindBreak, "article": kindBreak, "aside": kindBreak, "body": kindBreak,
	"center": kindBreak, "dd": kindBreak, "dir": kindBreak, "div": kindBreak, "dl": kindBreak,
	"dt": kindBreak, "fieldset": kindBreak, "figcaption": kindBreak, "figure": kindBreak,
	"footer": kindBreak, "form": kindBreak, "header": kindBreak, "html": kindBreak,
	"li": kindBreak, "main": kindBreak, "menu": kindBreak, "nav": kindBreak, "section": kindBreak,
	"caption": kindBreak, "legend": kindBreak, "option": kindBreak,
	"p": kindPara, "h1": kindPara, "h2": kindPara, "h3": kindPara, "h4": kindPara,
	"h5": kindPara, "h6": kindPara, "blockquote": kindPara, "ul": kindPara, "ol": kindPara,
	"hr":  kindPara,
	"pre": kindPre, "xmp": kindPre, "listing": kindPre, "plaintext": kindPre,
	"script": kindSkip, "style": kindSkip, "head": kindSkip, "title": kindSkip,
	"ix:header": kindSkip, "noscript": kindSkip, "template": kindSkip, "xml": kindSkip,
	"object": kindSkip, "select": kindSkip, "svg": kindSkip, "math": kindSkip,
}

// headElems may appear inside <head> without ending it.
var headElems = map[string]bool{
	"title": true, "meta": true, "link": true, "style": true, "script": true,
	"base": true, "noscript": true, "object": true, "head": true, "html": true,
}

// HTMLToText renders an HTML document as plain text lines in reading order,
// the way the printed page reads. The bytes are decoded with Decode (UTF-8,
// else Windows-1252; a <meta> charset of UTF-8 or Latin-1/Windows-1252 is
// thereby honoured). Block elements end lines, paragraphs are separated by
// one blank line, each table row becomes one line with its non-empty cells
// joined by a tab (a cell holding several lines yields several lines, laid
// side by side with the other cells' lines), <pre> keeps its line breaks,
// and <head>, <script>, <style>, ix:header and display:none content is
// dropped. Entities are decoded, unicode spaces become plain spaces and runs
// of spaces collapse to one.
func HTMLToText(b []byte) string {
	text, _ := HTMLToTextTap(b, nil)
	return text
}

// sink accumulates rendered text: either straight into the output (the
// document) or into the lines of a table cell.
type sink struct {
	out     *strings.Builder // non-nil for the document sink
	lines   []string         // cell lines (out == nil)
	line    []byte           // the line being built (reused from line to line)
	space   bool             // a space is pending before the next glyph
	nbsp    bool             // the (empty) line held a non-breaking space
	blank   bool             // a blank line is pending before the next line
	started bool             // a non-blank line has been written
	box     bool             // the last glyph was a check box: a word after it gets a space
}

// addLine appends one finished line ("" asks for a blank line).
func (s *sink) addLine(l string) {
	if l == "" {
		s.blank = true
		return
	}
	if s.out == nil {
		s.lines = append(s.lines, l)
		return
	}
	if s.blank && s.started {
		s.out.WriteByte('\n')
	}
	s.out.WriteString(l)
	s.out.WriteByte('\n')
	s.blank = false
	s.started = true
}

// addLineBytes is addLine of a line being built: the document sink
// writes it without making a string of it.
func (s *sink) addLineBytes(l []byte) {
	if s.out == nil || len(l) == 0 {
		s.addLine(string(l))
		return
	}
	if s.blank && s.started {
		s.out.WriteByte('\n')
	}
	s.out.Write(l)
	s.out.WriteByte('\n')
	s.blank = false
	s.started = true
}

// breakLine ends the current line; an empty line that held only a
// non-breaking space counts as a blank line, as a browser shows it.
func (s *sink) breakLine() {
	if len(s.line) > 0 {
		s.addLineBytes(bytes.TrimRight(s.line, " "))
		s.line = s.line[:0]
	} else if s.nbsp {
		s.blank = true
	}
	s.space, s.nbsp, s.box = false, false, false
}

// para ends the current line and asks for a blank line before the next.
func (s *sink) para() {
	s.breakLine()
	s.blank = true
}

// isUnicodeSpace reports whether r is a space other than ASCII whitespace.
func isUnicodeSpace(r rune) bool {
	switch r {
	case 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x85:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// isInvisible reports whether r renders as nothing.
func isInvisible(r rune) bool {
	switch r {
	case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: // soft hyphen, zero-width characters
		return true
	}
	return r < 0x20 || (r >= 0x7F && r <= 0x9F)
}

// text adds flowing text, collapsing whitespace.
func (s *sink) text(t []byte) {
	for i := 0; i < len(t); {
		c := t[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRune(t[i:])
		}
		i += n
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f':
			s.space = true
		case isUnicodeSpace(r):
			s.space = true
			if len(s.line) == 0 {
				s.nbsp = true
			}
		case isInvisible(r):
		default:
			if (s.space || s.box && unicode.IsLetter(r)) && len(s.line) > 0 {
				s.line = append(s.line, ' ')
			}
			s.space = false
			s.box = r == '☐' || r == '☒' || r == '☑'
			if n == 1 {
				// The printable ASCII bytes that follow render as they are.
				j := i
				for j < len(t) && t[j] > ' ' && t[j] < 0x7F {
					j++
				}
				s.line = append(s.line, t[i-1:j]...)
				i = j
			} else {
				s.line = utf8.AppendRune(s.line, r)
			}
		}
	}
}

// tabWidth is the tab stop distance in preformatted text.
const tabWidth = 8

// preText adds preformatted text: spaces and line breaks are kept.
func (s *sink) preText(t []byte) {
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRune(t[i:])
		i += n
		switch {
		case r == '\n':
			if len(s.line) == 0 {
				s.addLine("")
			} else {
				s.breakLine()
			}
		case r == '\t':
			for n := tabWidth - len(s.line)%tabWidth; n > 0; n-- {
				s.line = append(s.line, ' ')
			}
		case r == '\r' || r == '\f' || isUnicodeSpace(r):
			s.line = append(s.line, ' ')
		case isInvisible(r):
		default:
			s.line = utf8.AppendRune(s.line, r)
		}
	}
}

// converter holds the state of one HTMLToText run.
type converter struct {
	out       strings.Builder
	top       sink
	tables    []*table
	pre       int        // depth of open preformatted elements
	preStart  bool       // just after <pre>: a leading newline is dropped
	skip      string     // element whose content is being skipped
	skipDepth int        // nesting of skip within itself
	headInner string     // element open inside a skipped <head> (title, script...)
	wing      []openElem // open elements set in the Wingdings font
	gapAfter  []openElem // open inline elements followed by a gap
	textMode  bool       // plain text wrapped in HTML: all text is preformatted
	lists     []list     // open <ul>/<ol> elements
	styles    styleCache // reads style attributes
	freeCells []*sink    // sinks of closed cells, reused for the next cells
	freeLines [][]string // lines slices of written rows, reused for new cells
	kept      [][]string // the kept cells of the row being written
	rowLine   []byte     // the row line being written
	attrs     []Attr     // attributes of the current tag
	tags      tagReader  // reads tag names and attributes
	tap       Tap        // sees every token first (nil: none)
}

// list is an open <ul> or <ol>; items are marked "• " or "N. ".
type list struct {
	ordered bool
	n       int // number of the last item
}

// openElem is an open element tracked by name and self-nesting depth.
type openElem struct {
	name  string
	depth int
}

// track notes the start of element name in stack: it nests in the tracked
// element on top when they share the name, or is pushed when flagged.
func track(stack []openElem, name string, flagged bool) []openElem {
	if n := len(stack); n > 0 && stack[n-1].name == name {
		stack[n-1].depth++
	} else if flagged {
		stack = append(stack, openElem{name: name, depth: 1})
	}
	return stack
}

// untrack notes the end of element name; closed reports that the tracked
// element on top ended.
func untrack(stack []openElem, name string) (_ []openElem, closed bool) {
	if n := len(stack); n > 0 && stack[n-1].name == name {
		if stack[n-1].depth--; stack[n-1].depth == 0 {
			return stack[:n-1], true
		}
	}
	return stack, false
}

// cur returns the sink text currently goes to.
func (c *converter) cur() *sink {
	if n := len(c.tables); n > 0 {
		t := c.tables[n-1]
		if t.cell != nil {
			return t.cell
		}
		return t.parent
	}
	return &c.top
}

// curTable returns the innermost open table, opening one for stray cells.
func (c *converter) curTable() *table {
	if n := len(c.tables); n > 0 {
		return c.tables[n-1]
	}
	t := &table{parent: c.cur()}
	t.parent.breakLine()
	c.tables = append(c.tables, t)
	return t
}

// attrFlags are the rendering hints read from a tag's attributes.
type attrFlags struct {
	hidden    bool // display:none or the hidden attribute
	pageBreak bool // a CSS page break before or after
	gap       bool // left padding or margin: a space before inline content
	gapAfter  bool // right padding or margin: a space after inline content
	wingdings bool // Wingdings font: letters stand for check boxes
	start     int  // start attribute of an <ol>
}

// readAttrs reads the attributes that change rendering; styles reads the
// style attribute (and remembers what it read).
func readAttrs(attrs []Attr, styles *styleCache) attrFlags {
	var f attrFlags
	for _, a := range attrs {
		k, v := a.Key, a.Val
		switch string(k) {
		case "style":
			s := styles.flags(v)
			f.hidden = f.hidden || s.hidden
			f.pageBreak = f.pageBreak || s.pageBreak
			f.gap = f.gap || s.gap
			f.gapAfter = f.gapAfter || s.gapAfter
			f.wingdings = f.wingdings || s.wingdings
		case "face":
			f.wingdings = f.wingdings || containsWingdings(v)
		case "hidden":
			f.hidden = true
		case "start":
			if n, err := strconv.Atoi(string(bytes.TrimSpace(v))); err == nil && n > 0 && n < 1e6 {
				f.start = n
			}
		}
	}
	return f
}

// Bounds of a styleCache: how many styles it holds and how long each may be.
const (
	maxCachedStyles   = 4096
	maxCachedStyleLen = 512
)

// styleCache reads style attributes. Generated filings repeat a few
// styles on thousands of tags: each distinct (short) style is read once.
type styleCache struct {
	scratch []byte               // the compacted style (see compactLower)
	seen    map[string]attrFlags // flags by raw style value
}

// flags returns the rendering hints of the style value v.
func (sc *styleCache) flags(v []byte) attrFlags {
	if f, ok := sc.seen[string(v)]; ok {
		return f
	}
	sc.scratch = compactLower(sc.scratch[:0], v)
	f := styleFlags(sc.scratch)
	if len(v) <= maxCachedStyleLen && len(sc.seen) < maxCachedStyles {
		if sc.seen == nil {
			sc.seen = map[string]attrFlags{}
		}
		sc.seen[string(v)] = f
	}
	return f
}

// styleFlags reads the compacted style st.
func styleFlags(st []byte) attrFlags {
	var f attrFlags
	f.hidden = bytes.Contains(st, []byte("display:none"))
	// All four page-break properties contain "break-": most styles have
	// none and need only this one scan.
	f.pageBreak = bytes.Contains(st, []byte("break-")) && (bytes.Contains(st, []byte("page-break-before:always")) || bytes.Contains(st, []byte("page-break-after:always")) ||
		bytes.Contains(st, []byte("break-before:page")) || bytes.Contains(st, []byte("break-after:page")))
	inlineBlock := bytes.Contains(st, []byte("display:inline-block"))
	f.gap = nonZero(st, "padding-left:") || nonZero(st, "margin-left:") || inlineBlock
	f.gapAfter = nonZero(st, "padding-right:") || nonZero(st, "margin-right:") || inlineBlock
	f.wingdings = bytes.Contains(st, []byte("wingdings"))
	return f
}

// mayHaveRenderingAttr reports whether the raw text of a tag can hold one
// of the attribute names readAttrs reads (style, face, hidden, start). The
// tokenizer lower-cases attribute names in ASCII only, so a name can equal
// one of them only if the tag holds it in some ASCII letter case; other
// tags skip reading their attributes, which copies every name and value.
// It is one pass over raw, trying the names that start at each s, f or h.
func mayHaveRenderingAttr(raw []byte) bool {
	for i, c := range raw {
		switch c | 0x20 {
		case 's':
			if hasPrefixFold(raw[i:], "style") || hasPrefixFold(raw[i:], "start") {
				return true
			}
		case 'f':
			if hasPrefixFold(raw[i:], "face") {
				return true
			}
		case 'h':
			if hasPrefixFold(raw[i:], "hidden") {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether b starts with word, a lower-case ASCII
// string, comparing ASCII letters case-insensitively.
func hasPrefixFold(b []byte, word string) bool {
	if len(b) < len(word) {
		return false
	}
	for k := 0; k < len(word); k++ {
		if ascii.Lower(b[k]) != word[k] {
			return false
		}
	}
	return true
}

// wingdingsGlyphs maps the letters that Wingdings renders as check boxes
// and bullets to the Unicode characters they show.
var wingdingsGlyphs = map[string]string{
	"o": "☐", "q": "☐", "¨": "☐", "p": "☐", "þ": "☒", "ý": "☒", "x": "☒", "ü": "✓",
	"n": "■", "l": "●", "§": "▪", "Ø": "➢", "ð": "➢",
}

// nonZero reports whether the CSS property prop (with its colon) is set in
// the compacted style st to a value with a non-zero digit.
func nonZero(st []byte, prop string) bool {
	i := bytes.Index(st, []byte(prop))
	if i < 0 || (i > 0 && st[i-1] != ';' && st[i-1] != '"') {
		return false
	}
	for _, c := range st[i+len(prop):] {
		switch {
		case c == ';':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}

// compactLower appends v to dst lower-cased and without its spaces.
func compactLower(dst, v []byte) []byte {
	for _, c := range v {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// tagInfo is the interned name of a frequent element and its kind.
type tagInfo struct {
	name string
	kind elemKind
}

// commonTags holds the frequent elements, so that tagName can return their
// names without allocating a new string for every tag, and their kinds
// without a second look-up.
var commonTags = func() map[string]tagInfo {
	m := map[string]tagInfo{}
	for _, n := range []string{"a", "b", "i", "u", "span", "font", "td", "tr", "th", "table", "tbody", "thead",
		"img", "sup", "sub", "strong", "em", "small", "ix:nonnumeric", "ix:nonfraction", "ix:continuation",
		"ix:exclude", "ix:footnote", "col", "colgroup", "meta", "link"} {
		m[n] = tagInfo{n, elemKinds[n]}
	}
	for n, k := range elemKinds {
		m[n] = tagInfo{n, k}
	}
	return m
}()

// tagName returns the tag name b as a string and the kind of its element.
func tagName(b []byte) (string, elemKind) {
	if t, ok := commonTags[string(b)]; ok {
		return t.name, t.kind
	}
	return string(b), kindInline // every element of elemKinds is common
}

// run consumes the token stream, showing each token to c.tap first.
func (c *converter) run(z *html.Tokenizer) {
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			for len(c.tables) > 0 {
				c.closeTable()
			}
			c.top.breakLine()
			return
		case html.TextToken:
			t := z.Text()
			if c.tap != nil {
				c.tap.Text(t)
			}
			c.onText(t)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, attrs := c.tags.tag(z, false, c.tap, c.attrs[:0])
			c.attrs = attrs
			f := readAttrs(attrs, &c.styles)
			if c.tap != nil {
				c.tap.StartTag(name, attrs, tt == html.SelfClosingTagToken)
			}
			n, kind := tagName(name)
			c.onStart(n, kind, f, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := c.tags.tag(z, true, nil, nil)
			if c.tap != nil {
				c.tap.EndTag(name)
			}
			c.onEnd(tagName(name))
		}
	}
}

// onText renders a text token.
func (c *converter) onText(t []byte) {
	if c.skip != "" {
		if c.skip != "head" || c.headInner != "" || len(bytes.TrimSpace(t)) == 0 {
			return
		}
		c.skip, c.skipDepth = "", 0 // text ends an unclosed <head>
	}
	s := c.cur()
	if c.textMode {
		s.preText(t)
		return
	}
	if c.pre > 0 {
		if c.preStart && len(t) > 0 && t[0] == '\n' {
			t = t[1:]
		}
		c.preStart = false
		s.preText(t)
		return
	}
	if len(c.wing) > 0 {
		if g, ok := wingdingsGlyphs[string(bytes.TrimSpace(t))]; ok {
			t = []byte(g)
		}
	}
	s.text(t)
}

// onStart handles a start (or self-closing) tag of an element of the
// given kind.
func (c *converter) onStart(name string, kind elemKind, f attrFlags, selfClosing bool) {
	if c.skip != "" {
		switch {
		case c.skip == "head" && !headElems[name]:
			c.skip, c.skipDepth, c.headInner = "", 0, "" // a body element ends an unclosed <head>
		case c.skip == "head" && !selfClosing && !isVoid(name) && name != "head" && name != "html":
			c.headInner = name
			return
		case c.skip == "p" && closesP(name):
			c.skip, c.skipDepth = "", 0 // a hidden <p> left open ends here
		case name == c.skip && !selfClosing:
			c.skipDepth++
			return
		default:
			return
		}
	}
	if (f.hidden || kind == kindSkip) && !selfClosing && !isVoid(name) {
		c.skip, c.skipDepth = name, 1
		return
	}
	if !selfClosing && !isVoid(name) {
		c.wing = track(c.wing, name, f.wingdings)
		c.gapAfter = track(c.gapAfter, name, f.gapAfter && kind == kindInline)
	}
	s := c.cur()
	if f.pageBreak {
		s.para()
	}
	if c.textMode {
		if name == "page" || name == "hr" {
			s.para()
		}
		return
	}
	switch name {
	case "br":
		if len(s.line) == 0 && c.pre == 0 {
			s.blank = true
		}
		s.breakLine()
		return
	case "table":
		s.breakLine()
		c.tables = append(c.tables, &table{parent: s})
		return
	case "tr":
		t := c.curTable()
		c.closeRow(t)
		t.inRow = true
		return
	case "td", "th":
		t := c.curTable()
		c.closeCell(t)
		t.inRow = true
		t.cell = c.newCell()
		return
	case "ul", "ol":
		if !selfClosing {
			l := list{ordered: name == "ol"}
			if f.start > 0 {
				l.n = f.start - 1
			}
			c.lists = append(c.lists, l)
		}
	case "li":
		s.breakLine()
		if n := len(c.lists); n > 0 {
			l := &c.lists[n-1]
			l.n++
			if l.ordered {
				s.text([]byte(strconv.Itoa(l.n) + ". "))
			} else {
				s.text([]byte("• "))
			}
		}
		return
	}
	switch kind {
	case kindInline:
		if f.gap {
			s.space = true
		}
	case kindBreak:
		s.breakLine()
	case kindPara:
		s.para()
	case kindPre:
		s.para()
		if !selfClosing {
			c.pre++
			c.preStart = true
		}
	}
}

// onEnd handles an end tag of an element of the given kind.
func (c *converter) onEnd(name string, kind elemKind) {
	if c.skip != "" {
		switch {
		case c.headInner != "":
			if name == c.headInner {
				c.headInner = ""
			}
		case name == c.skip:
			if c.skipDepth--; c.skipDepth == 0 {
				c.skip = ""
			}
			return
		case name == "body" || name == "html":
			c.skip, c.skipDepth, c.headInner = "", 0, ""
		case c.skip == "p" && (closesP(name) || name == "td" || name == "th" || name == "tr"):
			c.skip, c.skipDepth = "", 0 // the end of an enclosing block ends a hidden <p>
		default:
			return
		}
	}
	c.wing, _ = untrack(c.wing, name)
	var closed bool
	if c.gapAfter, closed = untrack(c.gapAfter, name); closed {
		c.cur().space = true
	}
	if c.textMode {
		return
	}
	if (name == "ul" || name == "ol") && len(c.lists) > 0 {
		c.lists = c.lists[:len(c.lists)-1]
	}
	switch name {
	case "table":
		c.closeTable()
		return
	case "tr":
		if n := len(c.tables); n > 0 {
			c.closeRow(c.tables[n-1])
		}
		return
	case "td", "th":
		if n := len(c.tables); n > 0 {
			c.closeCell(c.tables[n-1])
		}
		return
	}
	s := c.cur()
	switch kind {
	case kindBreak:
		s.breakLine()
	case kindPara:
		s.para()
	case kindPre:
		if c.pre > 0 {
			c.pre--
		}
		s.breakLine()
		s.para()
	}
}

// closesP reports whether the start (or end) of element name implicitly
// ends an open <p>.
func closesP(name string) bool {
	switch elemKinds[name] {
	case kindBreak, kindPara, kindPre:
		return name != "body" && name != "html"
	}
	return name == "table"
}

// isVoid reports whether an element never has content.
func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"param", "source", "track", "wbr":
		return true
	}
	return false
}
