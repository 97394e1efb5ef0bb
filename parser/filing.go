// Package parser turns the bytes of an EDGAR filing into a typed Filing.
//
// It is pure: bytes in, Filing out. It never touches a database, the network
// or global state, so it is safe to call from many goroutines at once.
package parser

// Version identifies the parser's extraction rules. It is stored with every
// loaded filing so that rows can be traced to the code that produced them;
// bump it whenever extraction results change.
const Version = "0.5.0"

// Shape names the physical layout a filing arrived in.
const (
	ShapeSubmission = "submission"    // complete submission file: <SEC-HEADER> + <DOCUMENT> blocks
	ShapeFeed       = "feed"          // dissemination feed: <SUBMISSION> with hyphenated tags
	ShapeHeader     = "header"        // header only: .hdr.sgml or -index-headers page
	ShapeText       = "document-text" // bare primary document in plain text
	ShapeHTML       = "document-html" // bare primary document in HTML
	ShapeXML        = "document-xml"  // bare ownership XML document (Forms 3, 4, 5)
)

// Role values of a registrant within a filing.
const (
	RoleFiler          = "filer"
	RoleSubjectCompany = "subject-company"
	RoleFiledBy        = "filed-by"
	RoleReportingOwner = "reporting-owner"
	RoleIssuer         = "issuer"
	RoleFiledFor       = "filed-for"
)

// Filing is everything the parser extracts from one source file. Its JSON
// encoding is the public contract of `edgarload parse`: field names never
// change, new fields may be added.
type Filing struct {
	AccessionNumber       *string      `json:"accession_number"`
	AccessionSource       string       `json:"accession_source"` // where the accession number was found: "header", "document", "path"; "" when none
	FormType              string       `json:"form_type"`
	PeriodOfReport        *string      `json:"period_of_report"`
	FiledAt               *string      `json:"filed_at"`
	AcceptedAt            *string      `json:"accepted_at"` // YYYY-MM-DDTHH:MM:SS, US Eastern wall clock as EDGAR gives it
	DateOfChange          *string      `json:"date_of_change"`
	EffectivenessDate     *string      `json:"effectiveness_date"`
	DocumentCount         *int         `json:"document_count"`
	ItemInformation       []string     `json:"item_information"` // header ITEM INFORMATION titles / <ITEMS> codes, as given
	Shape                 string       `json:"shape"`
	Source                Source       `json:"source"`
	ParserVersion         string       `json:"parser_version"`
	EmergingGrowthCompany *bool        `json:"emerging_growth_company"`
	AmendmentFlag         *bool        `json:"amendment_flag"`
	Registrants           []Registrant `json:"registrants"`
	Documents             []Document   `json:"documents"`
	Items                 []Item       `json:"items"`
	Exhibits              []Exhibit    `json:"exhibits"`
	Signers               []Signer     `json:"signers"`
	Securities            []Security   `json:"securities"`
	Warnings              []string     `json:"warnings,omitempty"`
}

// Source describes the file a filing was read from.
type Source struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// Registrant is one party to a filing (filer, subject company, ...), with
// the values as given in this filing.
type Registrant struct {
	Role                 string       `json:"role"`
	CIK                  *int64       `json:"cik"`
	Name                 string       `json:"name"`
	SIC                  *int         `json:"sic"`
	IRSNumber            string       `json:"irs_number"`
	StateOfIncorporation string       `json:"state_of_incorporation"`
	FiscalYearEnd        string       `json:"fiscal_year_end"`
	OrganizationName     string       `json:"organization_name,omitempty"`
	FormType             string       `json:"form_type,omitempty"`
	SECAct               string       `json:"sec_act,omitempty"`
	FileNumber           string       `json:"file_number"`
	FilmNumber           string       `json:"film_number"`
	BusinessAddress      *Address     `json:"business_address"`
	MailAddress          *Address     `json:"mail_address"`
	FormerNames          []FormerName `json:"former_names"`

	// The cover_* fields keep what the filing's cover page prints where it
	// differs from the header's value above (a stale header: an old
	// address or file number, a name changed by this filing). They are
	// set only for a registrant that came from a header and whose cover
	// page prints a different value; "" (cover_address: null) when the
	// cover agrees, prints none, or the filing has no header. Names are
	// compared by their significant words, numbers by their digits, and
	// the address by street number, city, state, ZIP and telephone.
	CoverName                 string   `json:"cover_name"`
	CoverIRSNumber            string   `json:"cover_irs_number"`
	CoverStateOfIncorporation string   `json:"cover_state_of_incorporation"`
	CoverFileNumber           string   `json:"cover_file_number"`
	CoverAddress              *Address `json:"cover_address"` // the cover's whole address block, with its telephone
}

// Address is a postal address with its telephone number.
type Address struct {
	Street1 string `json:"street1"`
	Street2 string `json:"street2"`
	City    string `json:"city"`
	State   string `json:"state"`
	Zip     string `json:"zip"`
	Phone   string `json:"phone"`
}

// FormerName is a name a registrant used before, and the date it changed.
type FormerName struct {
	Name      string  `json:"name"`
	ChangedOn *string `json:"changed_on"`
}

// Document is one <DOCUMENT> block of a submission. Text is its plain text
// (page furniture removed, as the extractors read it) for prose documents
// (HTML or plain text); binary payloads (graphics, PDF, ZIP, Excel) and
// data documents (XBRL, XML, JSON) have none. SHA256 identifies the file
// as EDGAR serves it: the decoded bytes of a uuencoded payload, else the
// body as filed.
type Document struct {
	Type        string `json:"type"`
	Sequence    *int   `json:"sequence"`
	Filename    string `json:"filename"`
	Description string `json:"description"`
	Bytes       int    `json:"bytes"`
	Text        string `json:"text,omitempty"`
	SHA256      string `json:"sha256,omitempty"`
}

// Item is one numbered section of a report's body.
type Item struct {
	Code          string `json:"code"`            // normalized: "2.02" (8-K), "I-1A" (10-K), "II-1" (10-Q)
	NumberAsFiled string `json:"number_as_filed"` // as printed: "12", "2.02", "1A"
	Part          string `json:"part,omitempty"`  // "I".."IV" for periodic reports
	Title         string `json:"title"`           // official title of Code
	Text          string `json:"text"`
	Source        string `json:"source"` // "body" or "header"
}

// Exhibit is an exhibit of a filing: an EX-* document, an exhibit-index
// row of the body, or both merged by number.
type Exhibit struct {
	Number      string `json:"number"`
	Type        string `json:"type"`
	Sequence    *int   `json:"sequence"`
	Filename    string `json:"filename"`
	Description string `json:"description"`
	Text        string `json:"text"`
	Bytes       int    `json:"bytes"` // size of the exhibit's document; 0 for an index row without one
}

// Signer is one person who signed the report.
type Signer struct {
	Name    string  `json:"name"`
	Title   string  `json:"title"`
	Date    *string `json:"date"`
	For     string  `json:"for"`
	Context string  `json:"context"` // "registrant" (signed for the registrant), "capacity" (10-K officers and directors table), "owner" (Forms 3-5)
}

// Security is one class of securities registered under Section 12(b), as
// tagged on an inline-XBRL cover page.
type Security struct {
	Title         string `json:"title"`
	TradingSymbol string `json:"trading_symbol"`
	Exchange      string `json:"exchange"`
}
