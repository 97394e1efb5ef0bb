package parser

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/cover"
	"github.com/edgarload/edgarload/parser/internal/exhibits"
	"github.com/edgarload/edgarload/parser/internal/furniture"
	"github.com/edgarload/edgarload/parser/internal/indexpage"
	"github.com/edgarload/edgarload/parser/internal/items"
	"github.com/edgarload/edgarload/parser/internal/ixbrl"
	"github.com/edgarload/edgarload/parser/internal/sgml"
	"github.com/edgarload/edgarload/parser/internal/signature"
	"github.com/edgarload/edgarload/parser/internal/textconv"
)

// Parse reads one source file: a complete submission (.txt), a
// dissemination feed file (.nc), a header-only file, or a bare primary
// document in plain text or HTML. path is used only to label the result
// and errors. Parse never panics; on failure the error names the file.
func Parse(path string, data []byte) (f *Filing, err error) {
	return ParseWith(path, data, Options{})
}

// Options are the optional inputs of ParseWith.
type Options struct {
	// SHA256 is the hex SHA-256 of the data when the caller has computed
	// it already (the loader hashes every input to screen it): it becomes
	// Source.SHA256 without hashing the data again. It must be the hash of
	// the data passed; "" means compute it.
	SHA256 string
}

// ParseWith is Parse with options.
func ParseWith(path string, data []byte, opts Options) (f *Filing, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%s: parser failure (please report): %v", path, r)
		}
	}()
	f, err = parse(path, data, opts.SHA256)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	identify(f, path)
	for i := range f.Registrants {
		if f.Registrants[i].FormerNames == nil {
			f.Registrants[i].FormerNames = []FormerName{}
		}
	}
	sanitize(f)
	if f.FormType == "" {
		return nil, fmt.Errorf("%s: %w", path, notFiling("no form type left after removing control characters"))
	}
	return f, nil
}

func parse(path string, data []byte, sha string) (*Filing, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrNotFiling)
	}
	if reason := notFilingReason(path, data); reason != "" {
		return nil, notFiling(reason)
	}
	if sha == "" {
		sha = sha256Hex(data)
	}
	f := &Filing{
		Source:          Source{Path: path, SHA256: sha, Bytes: int64(len(data))},
		ParserVersion:   Version,
		Registrants:     []Registrant{},
		Documents:       []Document{},
		Items:           []Item{},
		Exhibits:        []Exhibit{},
		Signers:         []Signer{},
		Securities:      []Security{},
		ItemInformation: []string{},
	}
	sub, err := sgml.Parse(data)
	switch {
	case err == nil:
		return f, fromSubmission(f, sub)
	case errors.Is(err, sgml.ErrNotSGML):
		return f, fromBareDocument(f, path, data)
	default:
		return nil, fmt.Errorf("read SGML envelope: %w", err)
	}
}

// fromSubmission fills f from an SGML envelope and its primary document.
func fromSubmission(f *Filing, sub *sgml.Submission) error {
	switch {
	case sub.HeaderOnly:
		f.Shape = ShapeHeader
	case sub.Dialect == "tags":
		f.Shape = ShapeFeed
	default:
		f.Shape = ShapeSubmission
	}
	applySubmissionHeader(f, &sub.Header)
	f.Documents = documentsOf(sub)
	if f.FormType == "" && len(sub.Documents) > 0 {
		f.FormType = strings.TrimSpace(sub.Documents[0].Type)
	}
	if f.FormType == "" {
		return fmt.Errorf("%w: SGML envelope without a submission type or documents", ErrNotFiling)
	}
	primary := primaryDocument(sub, f.FormType)
	primaryText := ""
	if primary != nil {
		body := bodyOf(primary.Text, primary.Filename)
		primaryText = body.text
		if sub.Dialect == "" {
			// A <DOCUMENT> block without a header is a bare document
			// in its SGML wrapper.
			f.Shape = ShapeText
			if body.isHTML {
				f.Shape = ShapeHTML
			}
		}
		applyBody(f, body)
	}
	f.Items = mergeHeaderItems(f.Items, headerItems(f))
	addDocumentExhibits(f, sub)
	addDocumentTexts(f, sub, primary, primaryText)
	return nil
}

// fromBareDocument fills f from a primary document without an envelope.
func fromBareDocument(f *Filing, path string, data []byte) error {
	if looksBinary(data) {
		return fmt.Errorf("%w: binary data with no SGML header or document text", ErrNotFiling)
	}
	if isOwnershipXML(data) {
		return fromOwnershipXML(f, data)
	}
	if indexpage.Is(data) {
		if p, ok := indexpage.Parse(data); ok {
			return fromIndexPage(f, p)
		}
	}
	body := bodyOf(data, path)
	if body.isHTML {
		f.Shape = ShapeHTML
	} else {
		f.Shape = ShapeText
	}
	switch {
	case body.hasIX:
	case bareExhibitType(path, body.text) != "":
		// An exhibit that mentions its report ("this Annual Report on
		// Form 10-K") is still the exhibit.
		f.FormType = bareExhibitType(path, body.text)
	case body.cover.FormType == "":
		f.FormType = guessFormType(path, data, body.text)
	}
	applyBody(f, body)
	if f.FormType == "" {
		return fmt.Errorf("%w: no SGML header, no form type on a cover page and no exhibit heading", ErrNotFiling)
	}
	addBareExhibit(f, path, data, body.text)
	return nil
}

// maxExhibitHeadingLines is how many non-blank lines at the top of a bare
// document are searched for its "Exhibit 99.1" heading.
const maxExhibitHeadingLines = 10

// bareExhibitType returns the exhibit type of a bare document that is an
// exhibit ("EX-99.1"): one whose first lines print an "Exhibit N" heading
// or whose file name numbers an exhibit ("ex991.htm"); "" otherwise.
func bareExhibitType(path, text string) string {
	n := 0
	for line := range strings.SplitSeq(text[:min(len(text), 8192)], "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if m := reExhibitHeading.FindStringSubmatch(line); m != nil {
			return "EX-" + strings.ToUpper(m[1])
		}
		if n++; n >= maxExhibitHeadingLines {
			break
		}
	}
	return exhibitTypeFromName(path)
}

// addBareExhibit makes a bare exhibit file its own exhibit row and
// document (as the same file in its SGML wrapper would be), unless the
// file already yielded a row of that number.
func addBareExhibit(f *Filing, path string, data []byte, text string) {
	num, _, ok := exhibits.DocumentNumber(f.FormType)
	if !ok || len(f.Documents) > 0 {
		return
	}
	name := filepath.Base(path)
	f.Documents = append(f.Documents, Document{Type: f.FormType, Filename: name, Bytes: len(data)})
	row := Exhibit{Number: printedNumber(text, num), Type: f.FormType, Filename: name, Text: strings.TrimSpace(text), Bytes: len(data)}
	key := exhibits.Normalize(row.Number)
	for i := range f.Exhibits {
		if f.Exhibits[i].Type == "" && exhibits.Normalize(f.Exhibits[i].Number) == key {
			f.Exhibits[i].Type, f.Exhibits[i].Filename, f.Exhibits[i].Text, f.Exhibits[i].Bytes = row.Type, row.Filename, row.Text, row.Bytes
			return
		}
	}
	f.Exhibits = append(f.Exhibits, row)
}

// identify records where f's accession number came from and, when the
// file itself names none, takes it from the path (file name, then parent
// folders), as EDGAR's Archives and the common downloaders lay filings out.
func identify(f *Filing, path string) {
	if f.AccessionNumber != nil {
		if f.AccessionSource == "" {
			f.AccessionSource = AccessionInHeader
		}
		return
	}
	if a := AccessionFromPath(path); a != "" {
		f.AccessionNumber, f.AccessionSource = &a, AccessionInPath
	}
}

// body is a document's text with the facts read from it.
type body struct {
	isHTML bool
	text   string
	cover  cover.Cover
	ix     ixbrl.Cover
	hasIX  bool
}

// bodyOf reads a document: its text, its cover page and, for HTML, its
// inline-XBRL cover facts.
func bodyOf(raw []byte, name string) body {
	b := body{isHTML: isHTMLDocument(raw, name)}
	if b.isHTML {
		b.text, b.ix, b.hasIX = renderHTML(raw)
	} else {
		b.text = plainText(raw, false)
	}
	b.cover = cover.Extract(b.text)
	return b
}

// renderHTML renders an HTML document and reads its inline-XBRL cover
// facts in one tokenisation.
func renderHTML(raw []byte) (text string, ix ixbrl.Cover, hasIX bool) {
	if !ixbrl.MayHaveFacts(raw) {
		return furniture.Strip(textconv.HTMLToText(raw)), ix, false
	}
	r := ixbrl.NewReader()
	t, tapped := textconv.HTMLToTextTap(raw, r)
	if tapped {
		ix, hasIX = r.Cover()
	} else {
		ix, hasIX = ixbrl.Extract(raw)
	}
	return furniture.Strip(t), ix, hasIX
}

// isHTMLDocument reports whether a document is HTML, by its content or by
// its file name.
func isHTMLDocument(raw []byte, name string) bool {
	lower := strings.ToLower(name)
	return textconv.IsHTML(raw) || strings.HasSuffix(lower, ".htm") || strings.HasSuffix(lower, ".html")
}

// plainText renders a document as the text the extractors read, page
// furniture removed.
func plainText(raw []byte, isHTML bool) string {
	if isHTML {
		return furniture.Strip(textconv.HTMLToText(raw))
	}
	return furniture.Strip(textconv.Decode(raw))
}

// primaryDocument picks the document that holds the report itself: the
// first whose type is the form type, else the first document.
func primaryDocument(sub *sgml.Submission, form string) *sgml.Document {
	for i := range sub.Documents {
		d := &sub.Documents[i]
		if !d.Binary && strings.EqualFold(strings.TrimSpace(d.Type), form) {
			return d
		}
	}
	for i := range sub.Documents {
		if !sub.Documents[i].Binary {
			return &sub.Documents[i]
		}
	}
	return nil
}

// applyBody merges the facts of the primary document into f: header facts
// (already in f) win, inline XBRL beats the cover-page heuristics.
func applyBody(f *Filing, b body) {
	c, ix := b.cover, b.ix
	if f.FormType == "" {
		f.FormType = firstNonEmpty(ix.DocumentType, c.FormType)
	}
	if f.PeriodOfReport == nil {
		f.PeriodOfReport = ptr(firstNonEmpty(ix.PeriodEndDate, c.DateOfReport))
	}
	if b.hasIX {
		f.EmergingGrowthCompany = ix.EmergingGrowthCompany
		f.AmendmentFlag = ix.AmendmentFlag
		for _, s := range ix.Securities {
			f.Securities = append(f.Securities, Security{Title: s.Title, TradingSymbol: s.TradingSymbol, Exchange: s.Exchange})
		}
	}
	// A bare exhibit (a press release, a subsidiaries list) has no cover
	// page: a name read from its first lines is not the registrant.
	isExhibit := strings.HasPrefix(strings.ToUpper(f.FormType), "EX-")
	applyBodyRegistrants(f, bodyRegistrants(b), !isExhibit || b.hasIX)

	filed := derefOr(f.FiledAt, derefOr(f.PeriodOfReport, ""))
	for _, it := range items.Extract(b.text, f.FormType, filed) {
		f.Items = append(f.Items, Item{Code: it.Code, NumberAsFiled: it.NumberAsFiled, Part: it.Part, Title: it.Title, Text: it.Text, Source: "body"})
	}
	for _, s := range signature.Extract(b.text, registrantName(f)) {
		f.Signers = append(f.Signers, Signer{Name: s.Name, Title: s.Title, Date: ptr(s.Date), For: s.For, Context: s.Context})
	}
	for _, e := range exhibits.ParseIndex(b.text) {
		f.Exhibits = append(f.Exhibits, Exhibit{Number: e.Number, Description: e.Description})
	}
}

// reStateTag matches EDGAR's trailing state tag on a conformed name
// ("FORD MOTOR CO /DE/", "HOME HEALTH CORP OF AMERICA INC \PA\").
var reStateTag = regexp.MustCompile(`\s*[/\\][A-Za-z]{2,3}[/\\]?\s*$`)

// registrantName is the name of the first registrant without EDGAR's state
// tag: the entity a signature block stands for when it prints none.
func registrantName(f *Filing) string {
	if len(f.Registrants) == 0 {
		return ""
	}
	return strings.TrimSpace(reStateTag.ReplaceAllString(f.Registrants[0].Name, ""))
}

// bodyText is the trimmed plain text of a document (exhibit texts and
// `parse --text`).
func bodyText(raw []byte, name string) string {
	return strings.TrimSpace(plainText(raw, isHTMLDocument(raw, name)))
}

// ExtractText returns the plain text of a file's primary document, as the
// extraction rules see it (for `edgarload parse --text`).
func ExtractText(path string, data []byte) (string, error) {
	sub, err := sgml.Parse(data)
	if err == nil {
		form := strings.TrimSpace(sub.Header.SubmissionType)
		if d := primaryDocument(sub, form); d != nil {
			return bodyText(d.Text, d.Filename), nil
		}
		return "", fmt.Errorf("%s: %w: no text document in the submission", path, ErrNotFiling)
	}
	if looksBinary(data) {
		return "", fmt.Errorf("%s: %w: binary data", path, ErrNotFiling)
	}
	return bodyText(data, path), nil
}

// looksBinary reports whether the start of data is mostly not text.
func looksBinary(data []byte) bool {
	n := min(len(data), 8192)
	bad := 0
	for _, c := range data[:n] {
		if c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
			bad++
		}
	}
	return bad*20 > n
}
