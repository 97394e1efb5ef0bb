package etl

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser"
)

var accessionRe = regexp.MustCompile(`^[0-9]{10}-[0-9]{2}-[0-9]{6}$`)

var knownShapes = map[string]bool{
	parser.ShapeSubmission: true, parser.ShapeFeed: true, parser.ShapeHeader: true,
	parser.ShapeHTML: true, parser.ShapeText: true, parser.ShapeXML: true,
}

// roleFormat is the form of every role: the parser's Role* constants and
// the rarer header blocks it passes through in the same shape
// ("serial-company", "depositor", "issuing-entity"). The CHECK constraint on
// edgar.filing_registrants.role uses the same pattern.
var roleFormat = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// prepared is one parsed filing turned into database rows. Child rows leave
// their first column (filing_id) nil until the filing row is written.
type prepared struct {
	path          string
	sha           string
	key           string // accession number, else sha
	accession     *string
	shape         string
	form          string
	parserVersion string
	bytes         int64    // source size
	stat          fileStat // the plain file's size and time (zero otherwise)
	filing        []any    // stage_filings columns (filingColumns)
	parties       []party
	items         [][]any
	exhibits      [][]any
	signers       [][]any
	documents     [][]any
	securities    [][]any
	warnings      []string
}

// record is the edgar.load_files row of r with outcome and detail.
func (r *prepared) record(outcome, detail string) fileRecord {
	return fileRecord{path: r.path, sha: r.sha, outcome: outcome, detail: detail, stat: r.stat}
}

// party is one filing_registrants row before its registrant is resolved.
type party struct {
	row         []any // filingRegistrantColumns; [0] filing_id and [3] registrant_id filled later
	cik         *int64
	name        string // cleaned name as filed ("" when none)
	irs, file   string // normalized
	normName    string
	formerNames []formerName
}

type formerName struct {
	name string
	on   *time.Time
}

var (
	filingColumns = []string{"accession_number", "source_sha256", "form_type", "period_of_report", "filed_at",
		"accepted_local", "date_of_change", "effectiveness_date", "document_count", "item_information", "shape",
		"source_path", "source_bytes", "parser_version", "emerging_growth_company", "amendment_flag"}
	filingRegistrantColumns = []string{"filing_id", "role", "ordinal", "registrant_id", "cik", "name", "sic",
		"irs_number", "state_of_incorporation", "fiscal_year_end", "form_type", "sec_act", "file_number", "film_number",
		"business_street1", "business_street2", "business_city", "business_state", "business_zip", "business_phone",
		"mail_street1", "mail_street2", "mail_city", "mail_state", "mail_zip", "mail_phone",
		"cover_name", "cover_irs_number", "cover_state_of_incorporation", "cover_file_number",
		"cover_street1", "cover_street2", "cover_city", "cover_state", "cover_zip", "cover_phone"}
	itemColumns     = []string{"filing_id", "ordinal", "code", "number_as_filed", "part", "title", "text", "source"}
	exhibitColumns  = []string{"filing_id", "ordinal", "number", "type", "sequence", "filename", "description", "text"}
	signerColumns   = []string{"filing_id", "ordinal", "name", "title", "signed_on", "signed_for", "context"}
	documentColumns = []string{"filing_id", "ordinal", "sequence", "type", "filename", "description", "bytes", "text", "sha256", "searched_as"}
	securityColumns = []string{"filing_id", "ordinal", "title", "trading_symbol", "exchange"}
)

// sha256Hex is the hex SHA-256 of data.
func sha256Hex(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// clean makes s safe for PostgreSQL text (valid UTF-8, no NUL) and trims it.
// The parser sanitizes already; this is the loader's own guard.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return strings.TrimSpace(s)
}

// cleanPath makes a file path safe for PostgreSQL text without losing it:
// a valid UTF-8 path is kept as it is; in one that is not, each invalid
// byte (and NUL) becomes \xNN and a backslash \\, so the bytes can be
// recovered. Paths are never trimmed.
func cleanPath(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1, r == 0:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// text is clean(s) as a column value: NULL when empty.
func text(s string) any {
	if s = clean(s); s == "" {
		return nil
	}
	return s
}

func boolPtr(p *bool) any {
	if p == nil {
		return nil
	}
	return *p
}

// prepare validates f (parsed from size bytes read at path, whose SHA-256
// is sha) and builds its rows. An error means the filing is rejected at the
// "load" stage.
func prepare(path, sha string, size int64, f *parser.Filing) (*prepared, error) {
	if f == nil {
		return nil, fmt.Errorf("load %s: parser returned no filing", path)
	}
	p := &prepared{path: path, sha: sha, shape: clean(f.Shape), parserVersion: clean(f.ParserVersion), bytes: size}
	if p.parserVersion == "" {
		p.parserVersion = parser.Version
	}
	formType := clean(f.FormType)
	if formType == "" {
		return nil, fmt.Errorf("load %s: no form type", path)
	}
	if len(formType) > 100 {
		return nil, fmt.Errorf("load %s: form type of %d bytes is not a form type", path, len(formType))
	}
	p.form = formType
	if !knownShapes[p.shape] {
		return nil, fmt.Errorf("load %s: unknown shape %q", path, p.shape)
	}
	p.key = p.sha
	if f.AccessionNumber != nil {
		if a := clean(*f.AccessionNumber); a != "" {
			if !accessionRe.MatchString(a) {
				return nil, fmt.Errorf("load %s: invalid accession number %q", path, a)
			}
			p.accession, p.key = &a, a
		}
	}
	date := func(field string, s *string) any {
		if s == nil || clean(*s) == "" {
			return nil
		}
		t, err := time.Parse(time.DateOnly, clean(*s))
		if err != nil {
			p.warnings = append(p.warnings, fmt.Sprintf("%s: ignored invalid %s %q", path, field, clean(*s)))
			return nil
		}
		return t
	}
	var accepted any
	if f.AcceptedAt != nil && clean(*f.AcceptedAt) != "" {
		t, err := time.Parse("2006-01-02T15:04:05", clean(*f.AcceptedAt))
		if err != nil {
			p.warnings = append(p.warnings, fmt.Sprintf("%s: ignored invalid accepted_at %q", path, clean(*f.AcceptedAt)))
		} else {
			accepted = t
		}
	}
	var itemInfo any
	if len(f.ItemInformation) > 0 {
		ii := make([]string, 0, len(f.ItemInformation))
		for _, s := range f.ItemInformation {
			if s = clean(s); s != "" {
				ii = append(ii, s)
			}
		}
		if len(ii) > 0 {
			itemInfo = ii
		}
	}
	docCount := p.int32Of("document count", f.DocumentCount)
	p.filing = []any{nil, p.sha, formType, date("period_of_report", f.PeriodOfReport), date("filed_at", f.FiledAt),
		accepted, date("date_of_change", f.DateOfChange), date("effectiveness_date", f.EffectivenessDate), docCount, itemInfo,
		p.shape, cleanPath(path), size, p.parserVersion, boolPtr(f.EmergingGrowthCompany), boolPtr(f.AmendmentFlag)}
	if p.accession != nil {
		p.filing[0] = *p.accession
	}

	perRole := map[string]int{}
	for _, r := range f.Registrants {
		role := clean(r.Role)
		if !roleFormat.MatchString(role) {
			return nil, fmt.Errorf("load %s: malformed registrant role %q", path, role)
		}
		pt := party{name: clean(r.Name), irs: normalizeIRS(clean(r.IRSNumber)), file: normalizeFileNumber(clean(r.FileNumber))}
		pt.normName = normalizeName(pt.name)
		if r.CIK != nil && *r.CIK > 0 {
			c := *r.CIK
			pt.cik = &c
		}
		if pt.cik == nil && pt.irs == "" && pt.file == "" && pt.normName == "" {
			p.warnings = append(p.warnings, fmt.Sprintf("%s: skipped a %s without CIK, IRS number, file number or name", path, role))
			continue
		}
		perRole[role]++
		sic := p.int32Of("SIC code", r.SIC)
		var cik any
		if pt.cik != nil {
			cik = *pt.cik
		}
		row := []any{nil, role, int32(perRole[role]), nil, cik, p.short("registrant name", r.Name), sic, p.short("IRS number", r.IRSNumber),
			p.short("state of incorporation", r.StateOfIncorporation), p.short("fiscal year end", r.FiscalYearEnd),
			p.short("registrant form type", r.FormType), p.short("SEC act", r.SECAct), p.short("file number", r.FileNumber),
			p.short("film number", r.FilmNumber)}
		row = p.appendAddress(row, r.BusinessAddress)
		row = p.appendAddress(row, r.MailAddress)
		row = append(row, p.short("cover name", r.CoverName), p.short("cover IRS number", r.CoverIRSNumber),
			p.short("cover state of incorporation", r.CoverStateOfIncorporation), p.short("cover file number", r.CoverFileNumber))
		row = p.appendAddress(row, r.CoverAddress)
		pt.row = row
		for _, fn := range r.FormerNames {
			if n := clean(fn.Name); n != "" {
				fnm := formerName{name: n}
				if t, ok := date("former name date", fn.ChangedOn).(time.Time); ok {
					fnm.on = &t
				}
				pt.formerNames = append(pt.formerNames, fnm)
			}
		}
		p.parties = append(p.parties, pt)
	}
	for _, it := range f.Items {
		code := clean(it.Code)
		if len(code) > 100 {
			p.warnings = append(p.warnings, fmt.Sprintf("%s: skipped an item with a %d-byte code", path, len(code)))
			continue
		}
		if code == "" {
			p.warnings = append(p.warnings, fmt.Sprintf("%s: skipped an item without code (number %q)", path, clean(it.NumberAsFiled)))
			continue
		}
		p.items = append(p.items, []any{nil, int32(len(p.items) + 1), code, p.short("item number", it.NumberAsFiled), p.short("item part", it.Part),
			text(it.Title), text(it.Text), p.short("item source", it.Source)})
	}
	for _, e := range f.Exhibits {
		p.exhibits = append(p.exhibits, []any{nil, int32(len(p.exhibits) + 1), p.short("exhibit number", e.Number), p.short("exhibit type", e.Type),
			p.int32Of("exhibit sequence", e.Sequence), p.short("exhibit filename", e.Filename), text(e.Description), text(e.Text)})
	}
	for _, s := range f.Signers {
		name := clean(s.Name)
		if name == "" {
			continue
		}
		p.signers = append(p.signers, []any{nil, int32(len(p.signers) + 1), p.short("signer name", name), text(s.Title),
			date("signer date", s.Date), text(s.For), p.short("signer context", s.Context)})
	}
	for i, d := range f.Documents {
		var size any
		if d.Bytes >= 0 {
			size = int64(d.Bytes)
		}
		p.documents = append(p.documents, []any{nil, int32(len(p.documents) + 1), p.int32Of("document sequence", d.Sequence), p.short("document type", d.Type),
			p.short("document filename", d.Filename), text(d.Description), size, text(d.Text), documentSHA(d.SHA256), searchedAs(f, i)})
	}
	for _, s := range f.Securities {
		p.securities = append(p.securities, []any{nil, int32(len(p.securities) + 1), text(s.Title),
			p.short("trading symbol", s.TradingSymbol), p.short("exchange", s.Exchange)})
	}
	return p, nil
}

func (p *prepared) source() source { return source{p.shape, p.form, p.sha} }

func (p *prepared) appendAddress(row []any, a *parser.Address) []any {
	if a == nil {
		return append(row, nil, nil, nil, nil, nil, nil)
	}
	return append(row, p.short("street", a.Street1), p.short("street", a.Street2), p.short("city", a.City),
		p.short("state", a.State), p.short("zip", a.Zip), p.short("phone", a.Phone))
}

// maxShortBytes bounds the values that identify or name things (names,
// numbers, codes, types, addresses): an index entry must stay below
// PostgreSQL's btree row limit (~2.7 kB), and no real header value comes
// near it.
const maxShortBytes = 1000

// short is text(s) for an identifying value: longer ones are cut (on a
// character boundary) to maxShortBytes, with a warning naming the field.
func (p *prepared) short(field, s string) any {
	v := text(s)
	str, ok := v.(string)
	if !ok || len(str) <= maxShortBytes {
		return v
	}
	cut := maxShortBytes
	for cut > 0 && !utf8.RuneStart(str[cut]) {
		cut--
	}
	p.warnings = append(p.warnings, fmt.Sprintf("%s: %s of %d bytes cut to %d", p.path, field, len(str), cut))
	return strings.TrimSpace(str[:cut])
}

// int32Of is a count or sequence number as an integer column value: NULL,
// with a warning, when it does not fit (EDGAR's are small; a corrupt header
// may say 4294967297).
func (p *prepared) int32Of(field string, n *int) any {
	if n == nil {
		return nil
	}
	if *n < 0 || *n > math.MaxInt32 {
		p.warnings = append(p.warnings, fmt.Sprintf("%s: ignored out-of-range %s %d", p.path, field, *n))
		return nil
	}
	return int32(*n)
}
