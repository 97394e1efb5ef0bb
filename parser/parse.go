package parser

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/edgarload/edgarload/parser/internal/codes"
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
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%s: parser failure (please report): %v", path, r)
		}
	}()
	f, err = parse(path, data)
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

func parse(path string, data []byte) (*Filing, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrNotFiling)
	}
	if reason := notFilingReason(path, data); reason != "" {
		return nil, notFiling(reason)
	}
	sum := sha256.Sum256(data)
	f := &Filing{
		Source:          Source{Path: path, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(data))},
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
	if body.cover.FormType == "" && !body.hasIX {
		f.FormType = guessFormType(path, data, body.text)
	}
	applyBody(f, body)
	if f.FormType == "" {
		return fmt.Errorf("%w: no SGML header, no form type on a cover page and no exhibit heading", ErrNotFiling)
	}
	return nil
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
	b.text = plainText(raw, b.isHTML)
	if b.isHTML {
		b.ix, b.hasIX = ixbrl.Extract(raw)
	}
	b.cover = cover.Extract(b.text)
	return b
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
	fromBody := Registrant{
		Role:                 RoleFiler,
		Name:                 firstNonEmpty(ix.RegistrantName, c.Name),
		StateOfIncorporation: firstNonEmpty(ix.IncorporationState, c.State),
		FileNumber:           firstNonEmpty(ix.FileNumber, c.FileNumber),
		IRSNumber:            firstNonEmpty(codes.IRSNumber(ix.TaxID), codes.IRSNumber(c.IRSNumber)),
		FormerNames:          []FormerName{},
	}
	if cik, ok := parseCIK(ix.CIK); ok {
		fromBody.CIK = &cik
	}
	addr := Address{Street1: c.Street1, Street2: c.Street2, City: c.City, State: c.StateCode, Zip: c.Zip, Phone: c.Phone}
	if b.hasIX && ix.City != "" {
		phone := strings.TrimSpace(ix.CityAreaCode + " " + ix.LocalPhoneNumber)
		if ix.CityAreaCode != "" && !strings.HasPrefix(ix.CityAreaCode, "(") {
			phone = "(" + ix.CityAreaCode + ") " + ix.LocalPhoneNumber
		}
		addr = Address{Street1: ix.AddressLine1, Street2: strings.TrimSpace(ix.AddressLine2 + " " + ix.AddressLine3),
			City: ix.City, State: ix.StateOrProvince, Zip: ix.PostalCode, Phone: firstNonEmpty(phone, c.Phone)}
	}
	if addr != (Address{}) {
		fromBody.BusinessAddress = &addr
	}
	// A bare exhibit (a press release, a subsidiaries list) has no cover
	// page: a name read from its first lines is not the registrant.
	isExhibit := strings.HasPrefix(strings.ToUpper(f.FormType), "EX-")
	if len(f.Registrants) == 0 {
		if (!isExhibit || b.hasIX) && (fromBody.Name != "" || fromBody.CIK != nil || fromBody.FileNumber != "") {
			f.Registrants = append(f.Registrants, fromBody)
		}
	} else {
		fillGaps(&f.Registrants[0], fromBody)
	}

	filed := derefOr(f.FiledAt, derefOr(f.PeriodOfReport, ""))
	for _, it := range items.Extract(b.text, f.FormType, filed) {
		f.Items = append(f.Items, Item{Code: it.Code, NumberAsFiled: it.NumberAsFiled, Part: it.Part, Title: it.Title, Text: it.Text, Source: "body"})
	}
	for _, s := range signature.Extract(b.text) {
		f.Signers = append(f.Signers, Signer{Name: s.Name, Title: s.Title, Date: ptr(s.Date), For: s.For, Context: s.Context})
	}
	for _, e := range exhibits.ParseIndex(b.text) {
		f.Exhibits = append(f.Exhibits, Exhibit{Number: e.Number, Description: e.Description})
	}
}

// fillGaps copies body-derived values into a header registrant where the
// header left them empty.
func fillGaps(r *Registrant, b Registrant) {
	if r.Name == "" {
		r.Name = b.Name
	}
	if r.CIK == nil {
		r.CIK = b.CIK
	}
	if r.StateOfIncorporation == "" {
		r.StateOfIncorporation = b.StateOfIncorporation
	}
	if r.FileNumber == "" {
		r.FileNumber = b.FileNumber
	}
	if r.IRSNumber == "" {
		r.IRSNumber = b.IRSNumber
	}
	if r.BusinessAddress == nil {
		r.BusinessAddress = b.BusinessAddress
	} else if b.BusinessAddress != nil && r.BusinessAddress.Phone == "" {
		r.BusinessAddress.Phone = b.BusinessAddress.Phone
	}
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
