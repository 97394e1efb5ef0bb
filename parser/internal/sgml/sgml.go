// Package sgml reads the SGML envelope EDGAR wraps around filings: the
// complete submission text file (`KEY: value` labels, PEM and 1990s
// IMS variants), the dissemination feed `.nc` file and the header-only
// `.hdr.sgml` / `-index-headers.html` forms (hyphenated `<TAG>value`
// style). Both header dialects are read into one Header; the <DOCUMENT>
// blocks are returned as slices of the input, binary payloads excluded.
package sgml

import (
	"bytes"
	"errors"
	"fmt"
	"html"
)

// ErrNotSGML reports input in which neither an EDGAR header nor a
// <DOCUMENT> block was found.
var ErrNotSGML = errors.New("sgml: not an EDGAR SGML submission")

// Dialect values of Submission.Dialect.
const (
	DialectLabels = "labels" // "ACCESSION NUMBER:  ..." text labels (.txt)
	DialectTags   = "tags"   // "<ACCESSION-NUMBER>..." hyphenated tags (.nc, .hdr.sgml, index-headers)
)

// Submission is one parsed EDGAR envelope.
type Submission struct {
	Dialect    string // DialectLabels, DialectTags, or "" when there is no header
	HeaderOnly bool   // a header with no <DOCUMENT> blocks (.hdr.sgml, index-headers page)
	Header     Header
	Documents  []Document
}

// Header holds the submission-level values of an SGML header, raw and
// trimmed, as EDGAR wrote them.
type Header struct {
	// AccessionNumber is NNNNNNNNNN-YY-NNNNNN as given.
	AccessionNumber string
	// SubmissionType is the conformed submission (form) type, e.g. "8-K".
	SubmissionType string
	// Period is the conformed period of report, YYYYMMDD.
	Period string
	// FilingDate is FILED AS OF DATE / FILING-DATE, YYYYMMDD.
	FilingDate string
	// DateOfChange is DATE AS OF CHANGE / DATE-OF-FILING-DATE-CHANGE, YYYYMMDD.
	DateOfChange string
	// EffectivenessDate is EFFECTIVENESS DATE, YYYYMMDD.
	EffectivenessDate string
	// AcceptanceDateTime is <ACCEPTANCE-DATETIME>, YYYYMMDDHHMMSS (US Eastern).
	AcceptanceDateTime string
	// DocumentCount is PUBLIC DOCUMENT COUNT as given.
	DocumentCount string
	// Items are the <ITEMS> codes, in order.
	Items []string
	// ItemInformation are the ITEM INFORMATION titles, in order, non-empty only.
	ItemInformation []string
	// GroupMembers are the GROUP MEMBERS names, in order.
	GroupMembers []string
	// Parties are the entity blocks (FILER, SUBJECT COMPANY, ...), in order.
	Parties []Party
}

// Party is one entity block of a header.
type Party struct {
	// Role is the block name in label form: "FILER", "SUBJECT COMPANY",
	// "FILED BY", "REPORTING-OWNER", "ISSUER", "FILED FOR", and also the
	// rarer "SERIAL COMPANY", "DEPOSITOR", "SECURITIZER", ...
	Role string
	// Name is the conformed name.
	Name string
	// CIK is the central index key as given (zero-padded).
	CIK string
	// SIC is the standard industrial classification as given:
	// "PETROLEUM REFINING [2911]", "[]" or "3571".
	SIC string
	// OrganizationName is the Corporation Finance office, e.g. "03 Life Sciences".
	OrganizationName string
	// IRSNumber is IRS NUMBER / EIN as given.
	IRSNumber string
	// StateOfIncorporation is the 2-character state or country code.
	StateOfIncorporation string
	// FiscalYearEnd is MMDD.
	FiscalYearEnd string
	// FormType is the per-entity form type of FILING VALUES.
	FormType string
	// Act is SEC ACT ("1934 Act", "34", ...).
	Act string
	// FileNumber is the SEC file number.
	FileNumber string
	// FilmNumber is the film number.
	FilmNumber string
	// Relationship is the 1990s <RELATIONSHIP> value of a reporting owner.
	Relationship string
	// Business is the business address (zero when absent).
	Business Address
	// Mail is the mail address (zero when absent).
	Mail Address
	// FormerNames are the FORMER COMPANY entries, newest first as given.
	FormerNames []FormerName
}

// Address is a postal address block of a party.
type Address struct{ Street1, Street2, City, State, Zip, Phone string }

// IsZero reports whether no field of the address is set.
func (a Address) IsZero() bool { return a == Address{} }

// FormerName is one FORMER COMPANY entry.
type FormerName struct{ Name, DateChanged string }

// Document is one <DOCUMENT> block.
type Document struct {
	Type, Sequence, Filename, Description string
	// Text is the body between <TEXT> and </TEXT>, without those lines
	// and without an <XBRL>/<XML> wrapper; a sub-slice of the input. It
	// is nil when Binary.
	Text []byte
	// Binary marks a uuencoded or <PDF> payload; its bytes are not kept.
	Binary bool
	// Wrapper names the body wrapper that was removed: "XBRL", "XML", "PDF" or "".
	Wrapper string
	// Size is the length in bytes of the raw body (binary or not).
	Size int
	// Raw is the raw body as filed (a sub-slice of the input, wrapper
	// and uuencoding included), set for binary payloads too.
	Raw []byte
	// Unterminated is set when the body had no </TEXT> (truncated file).
	Unterminated bool
}

const pemBegin = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----"

// Parse reads an EDGAR SGML envelope. data is not copied: Document.Text
// slices alias it. It returns an error wrapping ErrNotSGML when neither a
// header nor a <DOCUMENT> block is present.
func Parse(data []byte) (*Submission, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("empty input: %w", ErrNotSGML)
	}
	start := skipPreamble(data)
	firstDoc := indexTag(data, start, tagDocument)
	hdrEnd := len(data)
	if firstDoc >= 0 {
		hdrEnd = firstDoc
	}
	region, tagged := headerRegion(data[start:hdrEnd])
	var esc []byte
	if firstDoc < 0 {
		// An -index-headers page repeats the header as escaped labels in
		// its <PRE>: the only place with the ITEM INFORMATION titles, and
		// the only header at all when the comment block is missing.
		esc = escapedHeader(data)
		if esc != nil && !tagged {
			region = esc
		}
	}

	s := &Submission{}
	hp := headerParser{h: &s.Header}
	if hasHeaderMarker(region) {
		hp.run(region)
	}
	found := hp.found()
	if found && esc != nil && tagged && len(s.Header.ItemInformation) == 0 {
		var pre Header
		(&headerParser{h: &pre}).run(esc)
		s.Header.ItemInformation = pre.ItemInformation
	}
	if found {
		s.Dialect = hp.dialect()
	} else {
		s.Header = Header{}
	}
	if firstDoc >= 0 {
		s.Documents = parseDocuments(data, firstDoc)
	} else if !found {
		// A lone document block without its <DOCUMENT> line ("<TYPE>EX-99.1
		// <SEQUENCE>2 ... <TEXT>"), as some extracted exhibits are stored.
		lead := len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
		if bytes.HasPrefix(data[lead:], []byte("<TYPE>")) {
			if d, _, ok := newDocScanner(data).parseDocument(lead); ok && d.Size > 0 {
				s.Documents = []Document{d}
			}
		}
	}
	if !found && len(s.Documents) == 0 {
		if firstDoc >= 0 {
			return nil, fmt.Errorf("<DOCUMENT> without <TYPE> or <TEXT> and no header: %w", ErrNotSGML)
		}
		if bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0 {
			return nil, fmt.Errorf("binary input (NUL bytes), no SEC header or <DOCUMENT> block: %w", ErrNotSGML)
		}
		return nil, fmt.Errorf("no SEC header and no <DOCUMENT> block: %w", ErrNotSGML)
	}
	s.HeaderOnly = found && len(s.Documents) == 0
	return s, nil
}

// headerMarkers are strings one of which every header holds (found()
// needs an accession number, a filing date or an entity block).
var headerMarkers = [][]byte{
	[]byte("ACCESSION"), []byte("FILED AS OF DATE"), []byte("<FILING-DATE>"),
	[]byte("CENTRAL INDEX KEY"), []byte("<CIK>"), []byte("CONFORMED"),
	[]byte("COMPANY DATA"), []byte("<COMPANY-DATA>"), []byte("OWNER DATA"), []byte("<OWNER-DATA>"),
}

// hasHeaderMarker reports whether r can hold a header at all; it spares
// tokenizing large bare HTML documents line by line.
func hasHeaderMarker(r []byte) bool {
	for _, m := range headerMarkers {
		if bytes.Contains(r, m) {
			return true
		}
	}
	return false
}

// skipPreamble returns the offset after a PEM preamble (up to the first
// blank line), or 0 when there is none.
func skipPreamble(data []byte) int {
	t := bytes.TrimLeft(data, " \t\r\n")
	if !bytes.HasPrefix(t, []byte(pemBegin)) {
		return 0
	}
	pos := len(data) - len(t)
	for pos < len(data) {
		line, next := nextLine(data, pos)
		if len(bytes.TrimSpace(line)) == 0 {
			return next
		}
		// The preamble never holds tags; stop early on one.
		if bytes.HasPrefix(line, []byte("<")) {
			return pos
		}
		pos = next
	}
	return 0
}

var (
	tagDocument     = []byte("<DOCUMENT>")
	tagSecHeader    = []byte("<SEC-HEADER>")
	tagImsHeader    = []byte("<IMS-HEADER>")
	tagSecHeaderEnd = []byte("</SEC-HEADER>")
	tagImsHeaderEnd = []byte("</IMS-HEADER>")
)

// indexTag returns the offset of tag at or after from, or -1. It looks
// for the rarest byte of tag (see rarity) with IndexByte and compares tag
// around each one: the usual first byte, '<', is among the commonest of
// an HTML document.
func indexTag(data []byte, from int, tag []byte) int {
	if from < 0 || from > len(data) {
		return -1
	}
	k := rarestByte(tag)
	if k < 0 {
		return from // tag is empty
	}
	c := tag[k]
	for i := from + k; i < len(data); {
		j := bytes.IndexByte(data[i:], c)
		if j < 0 {
			return -1
		}
		if at := i + j - k; at+len(tag) <= len(data) && bytes.Equal(data[at:at+len(tag)], tag) {
			return at
		}
		i += j + 1
	}
	return -1
}

// rarity ranks the bytes of the tags indexTag looks for by how seldom
// they occur in filings (higher is rarer; unlisted bytes rank 0). A
// uuencoded body holds no lower-case letters.
var rarity = [256]uint8{'X': 8, 'U': 7, 'C': 6, 'M': 6, 'O': 5, 'E': 5, 'D': 5, 'N': 4, 'd': 3, 'e': 1, 'n': 2}

// rarestByte returns the index of the rarest byte of tag (the first of
// equals), or -1 when tag is empty.
func rarestByte(tag []byte) int {
	k := -1
	for i, c := range tag {
		if k < 0 || rarity[c] > rarity[tag[k]] {
			k = i
		}
	}
	return k
}

// headerRegion narrows the text before the first document to the
// <SEC-HEADER>/<IMS-HEADER> element when there is one (this also finds the
// header inside the HTML comment of an -index-headers page).
// It reports whether such an element was found.
func headerRegion(r []byte) ([]byte, bool) {
	for _, pair := range [][2][]byte{{tagSecHeader, tagSecHeaderEnd}, {tagImsHeader, tagImsHeaderEnd}} {
		i := bytes.Index(r, pair[0])
		if i < 0 {
			continue
		}
		sub := r[i:]
		if j := bytes.Index(sub, pair[1]); j >= 0 {
			sub = sub[:j]
		}
		return sub, true
	}
	return r, false
}

// escapedHeader returns the HTML-unescaped header of an -index-headers
// <PRE> block (&lt;SEC-HEADER&gt; ... &lt;/SEC-HEADER&gt;), or nil.
func escapedHeader(data []byte) []byte {
	open := []byte("&lt;SEC-HEADER&gt;")
	i := bytes.Index(data, open)
	if i < 0 {
		return nil
	}
	sub := data[i:]
	if j := bytes.Index(sub, []byte("&lt;/SEC-HEADER&gt;")); j >= 0 {
		sub = sub[:j]
	}
	return []byte(html.UnescapeString(string(sub)))
}

// nextLine returns the line starting at pos (without its terminator) and
// the offset of the next line. \n, \r\n and a bare \r all end a line.
func nextLine(data []byte, pos int) ([]byte, int) {
	rest := data[pos:]
	i := bytes.IndexAny(rest, "\r\n")
	if i < 0 {
		return rest, len(data)
	}
	next := pos + i + 1
	if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
		next++
	}
	return rest[:i], next
}
