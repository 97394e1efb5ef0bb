package sgml

import (
	"bytes"
	"strings"
)

// Canonical names: every label is mapped to the hyphenated tag that
// carries the same value in the tag dialect.
var labelToTag = map[string]string{
	"ACCESSION NUMBER":                   "ACCESSION-NUMBER",
	"CONFORMED SUBMISSION TYPE":          "TYPE",
	"PUBLIC DOCUMENT COUNT":              "PUBLIC-DOCUMENT-COUNT",
	"CONFORMED PERIOD OF REPORT":         "PERIOD",
	"ITEM INFORMATION":                   "ITEM-INFORMATION",
	"FILED AS OF DATE":                   "FILING-DATE",
	"DATE AS OF CHANGE":                  "DATE-OF-FILING-DATE-CHANGE",
	"EFFECTIVENESS DATE":                 "EFFECTIVENESS-DATE",
	"GROUP MEMBERS":                      "GROUP-MEMBERS",
	"COMPANY DATA":                       "COMPANY-DATA",
	"OWNER DATA":                         "OWNER-DATA",
	"FILING VALUES":                      "FILING-VALUES",
	"BUSINESS ADDRESS":                   "BUSINESS-ADDRESS",
	"MAIL ADDRESS":                       "MAIL-ADDRESS",
	"FORMER COMPANY":                     "FORMER-COMPANY",
	"COMPANY CONFORMED NAME":             "CONFORMED-NAME",
	"CENTRAL INDEX KEY":                  "CIK",
	"STANDARD INDUSTRIAL CLASSIFICATION": "ASSIGNED-SIC",
	"ORGANIZATION NAME":                  "ORGANIZATION-NAME",
	"IRS NUMBER":                         "IRS-NUMBER",
	"EIN":                                "IRS-NUMBER",
	"STATE OF INCORPORATION":             "STATE-OF-INCORPORATION",
	"FISCAL YEAR END":                    "FISCAL-YEAR-END",
	"FORM TYPE":                          "FORM-TYPE",
	"SEC ACT":                            "ACT",
	"SEC FILE NUMBER":                    "FILE-NUMBER",
	"FILM NUMBER":                        "FILM-NUMBER",
	"STREET 1":                           "STREET1",
	"STREET 2":                           "STREET2",
	"CITY":                               "CITY",
	"STATE":                              "STATE",
	"ZIP":                                "ZIP",
	"BUSINESS PHONE":                     "PHONE",
	"PHONE":                              "PHONE",
	"FORMER CONFORMED NAME":              "FORMER-CONFORMED-NAME",
	"DATE OF NAME CHANGE":                "DATE-CHANGED",
	"SUBJECT COMPANY":                    "SUBJECT-COMPANY",
	"FILED BY":                           "FILED-BY",
	"FILED FOR":                          "FILED-FOR",
	"REPORTING OWNER":                    "REPORTING-OWNER",
	"REPORTING-OWNER":                    "REPORTING-OWNER",
	"SERIAL COMPANY":                     "SERIAL-COMPANY",
	"ISSUING ENTITY":                     "ISSUING-ENTITY",
	"FILER":                              "FILER",
	"ISSUER":                             "ISSUER",
	"DEPOSITOR":                          "DEPOSITOR",
	"SECURITIZER":                        "SECURITIZER",
	"SPONSOR":                            "SPONSOR",
}

// name kinds
const (
	kindOther    = iota
	kindTop      // submission-level value
	kindRole     // entity block
	kindSub      // sub-block of an entity
	kindField    // value of an entity
	kindEnvelope // <SEC-HEADER>, <SUBMISSION>, ...: no meaning for values
)

var tagKind = map[string]int{
	"ACCESSION-NUMBER": kindTop, "TYPE": kindTop, "PUBLIC-DOCUMENT-COUNT": kindTop, "PERIOD": kindTop,
	"ITEMS": kindTop, "ITEM-INFORMATION": kindTop, "FILING-DATE": kindTop, "DATE-OF-FILING-DATE-CHANGE": kindTop,
	"EFFECTIVENESS-DATE": kindTop, "GROUP-MEMBERS": kindTop, "ACCEPTANCE-DATETIME": kindTop,

	"FILER": kindRole, "SUBJECT-COMPANY": kindRole, "FILED-BY": kindRole, "REPORTING-OWNER": kindRole,
	"ISSUER": kindRole, "FILED-FOR": kindRole, "SERIAL-COMPANY": kindRole, "DEPOSITOR": kindRole,
	"SECURITIZER": kindRole, "ISSUING-ENTITY": kindRole, "SPONSOR": kindRole,

	"COMPANY-DATA": kindSub, "OWNER-DATA": kindSub, "FILING-VALUES": kindSub, "BUSINESS-ADDRESS": kindSub,
	"MAIL-ADDRESS": kindSub, "FORMER-COMPANY": kindSub,

	"CONFORMED-NAME": kindField, "CIK": kindField, "ASSIGNED-SIC": kindField, "ORGANIZATION-NAME": kindField,
	"IRS-NUMBER": kindField, "EIN": kindField, "STATE-OF-INCORPORATION": kindField, "FISCAL-YEAR-END": kindField,
	"FORM-TYPE": kindField, "ACT": kindField, "FILE-NUMBER": kindField, "FILM-NUMBER": kindField,
	"STREET1": kindField, "STREET2": kindField, "CITY": kindField, "STATE": kindField, "ZIP": kindField,
	"PHONE": kindField, "FORMER-CONFORMED-NAME": kindField, "DATE-CHANGED": kindField, "RELATIONSHIP": kindField,

	"SEC-HEADER": kindEnvelope, "IMS-HEADER": kindEnvelope, "SEC-DOCUMENT": kindEnvelope,
	"IMS-DOCUMENT": kindEnvelope, "SUBMISSION": kindEnvelope, "PRIVATE-TO-PUBLIC": kindEnvelope,
}

// roleName turns a canonical role tag into the label form used in Party.Role.
func roleName(tag string) string {
	if tag == "REPORTING-OWNER" {
		return tag
	}
	return strings.ReplaceAll(tag, "-", " ")
}

// headerParser is the state machine shared by both dialects.
type headerParser struct {
	h           *Header
	cur         *Party // open entity block, nil outside one
	pendingRole string // canonical tag of the last role opened
	sub         string // open sub-block of cur
	labelHits   int    // recognised label lines
	tagHits     int    // recognised tag values
}

// found reports whether a header was read: an accession number, a filing
// date or an entity block (a lone <TYPE> is a document's, not a header's).
func (p *headerParser) found() bool {
	h := p.h
	return h.AccessionNumber != "" || h.FilingDate != "" || len(h.Parties) > 0
}

func (p *headerParser) dialect() string {
	if p.labelHits > p.tagHits {
		return DialectLabels
	}
	return DialectTags
}

// run tokenizes region line by line; a line is either a run of tags
// (<NAME>value<NAME2>value...) or one "LABEL:  value" pair.
func (p *headerParser) run(region []byte) {
	for pos := 0; pos < len(region); {
		line, next := nextLine(region, pos)
		pos = next
		trimmed := bytes.TrimLeft(line, " \t")
		if len(trimmed) == 0 {
			continue
		}
		indented := len(trimmed) < len(line)
		if trimmed[0] == '<' {
			p.tagLine(trimmed)
			continue
		}
		p.labelLine(trimmed, indented)
	}
	p.finish()
}

// tagLine handles one line of <TAG>value tokens.
func (p *headerParser) tagLine(line []byte) {
	for len(line) > 0 {
		name, closing, after, ok := readTag(line)
		if !ok {
			return
		}
		end := nextTagStart(after)
		value := bytes.TrimSpace(after[:end])
		line = after[end:]
		p.event(string(name), value, closing, false, false)
	}
}

// readTag reads "<NAME>" or "</NAME>" at the start of b.
func readTag(b []byte) (name []byte, closing bool, rest []byte, ok bool) {
	if len(b) < 3 || b[0] != '<' {
		return nil, false, nil, false
	}
	i := 1
	if b[1] == '/' {
		closing = true
		i = 2
	}
	j := i
	for j < len(b) && isTagChar(b[j]) {
		j++
	}
	if j == i || j >= len(b) || b[j] != '>' {
		return nil, false, nil, false
	}
	return b[i:j], closing, b[j+1:], true
}

func isTagChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c >= 'a' && c <= 'z'
}

// nextTagStart returns the offset of the next "<NAME>" or "</NAME>" in b,
// or len(b). A '<' that does not open such a tag belongs to the value.
func nextTagStart(b []byte) int {
	off := 0
	for {
		i := bytes.IndexByte(b[off:], '<')
		if i < 0 {
			return len(b)
		}
		at := off + i
		if _, _, _, ok := readTag(b[at:]); ok {
			return at
		}
		off = at + 1
	}
}

// labelLine handles one "LABEL:\tvalue" line.
func (p *headerParser) labelLine(line []byte, indented bool) {
	colon := bytes.IndexByte(line, ':')
	if colon <= 0 {
		return
	}
	label := line[:colon]
	for _, c := range label {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '/' || c == '(' || c == ')') {
			return
		}
	}
	if label[0] < 'A' || label[0] > 'Z' {
		return
	}
	value := bytes.TrimSpace(line[colon+1:])
	name, ok := labelToTag[string(label)]
	if !ok {
		if indented || len(value) > 0 {
			return // an unknown value or nested label: nothing we keep
		}
		// An unknown top-level block label, e.g. "SERIAL COMPANY:": a role
		// if company data follows.
		name = strings.ReplaceAll(string(bytes.TrimSpace(label)), " ", "-")
		p.openRole(name)
		return
	}
	p.event(name, value, false, true, indented)
}

// event applies one canonical name/value to the state.
func (p *headerParser) event(name string, value []byte, closing, label, indented bool) {
	if strings.IndexByte(name, '_') >= 0 {
		name = strings.ReplaceAll(name, "_", "-") // <ISSUING_ENTITY> is seen in ABS feeds
	}
	kind, known := tagKind[name]
	if closing {
		switch {
		case kind == kindSub:
			p.sub = ""
		case p.cur != nil && roleName(name) == p.cur.Role:
			p.closeRole()
		case kind == kindRole:
			p.closeRole()
		}
		return
	}
	if !known {
		// Unknown tag container outside an entity: remember it, it becomes a
		// role if company data follows (<DEPOSITOR>, <SECURITIZER>, ...).
		if !label && len(value) == 0 && p.cur == nil {
			p.pendingRole = name
		}
		return
	}
	hit := func() {
		if label {
			p.labelHits++
		} else {
			p.tagHits++
		}
	}
	switch kind {
	case kindTop:
		hit()
		p.top(name, string(value))
	case kindRole:
		if label && indented {
			return
		}
		hit()
		if len(value) == 0 || label {
			p.openRole(name)
		}
	case kindSub:
		hit()
		p.openSub(name)
	case kindField:
		hit()
		p.field(name, value)
	}
}

func (p *headerParser) top(name, v string) {
	h := p.h
	set := func(dst *string) {
		if *dst == "" {
			*dst = v
		}
	}
	switch name {
	case "ACCESSION-NUMBER":
		set(&h.AccessionNumber)
	case "TYPE":
		set(&h.SubmissionType)
	case "PUBLIC-DOCUMENT-COUNT":
		set(&h.DocumentCount)
	case "PERIOD":
		set(&h.Period)
	case "FILING-DATE":
		set(&h.FilingDate)
	case "DATE-OF-FILING-DATE-CHANGE":
		set(&h.DateOfChange)
	case "EFFECTIVENESS-DATE":
		set(&h.EffectivenessDate)
	case "ACCEPTANCE-DATETIME":
		set(&h.AcceptanceDateTime)
	case "ITEMS":
		if v != "" {
			h.Items = append(h.Items, v)
		}
	case "ITEM-INFORMATION":
		if v != "" {
			h.ItemInformation = append(h.ItemInformation, v)
		}
	case "GROUP-MEMBERS":
		if v != "" {
			h.GroupMembers = append(h.GroupMembers, v)
		}
	}
}

func (p *headerParser) openRole(name string) {
	p.closeRole()
	p.pendingRole = name
}

func (p *headerParser) closeRole() {
	p.finishParty()
	p.cur = nil
	p.sub = ""
	p.pendingRole = ""
}

// ensureParty returns the open entity, starting one for the pending role
// when none is open. It returns nil outside any role.
func (p *headerParser) ensureParty() *Party {
	if p.cur != nil {
		return p.cur
	}
	if p.pendingRole == "" {
		return nil
	}
	p.h.Parties = append(p.h.Parties, Party{Role: roleName(p.pendingRole)})
	p.cur = &p.h.Parties[len(p.h.Parties)-1]
	return p.cur
}

func (p *headerParser) openSub(name string) {
	if (name == "COMPANY-DATA" || name == "OWNER-DATA") && p.cur != nil && (p.cur.CIK != "" || p.cur.Name != "") {
		// A second company in the same role block: a new party.
		role := p.cur.Role
		p.finishParty()
		p.h.Parties = append(p.h.Parties, Party{Role: role})
		p.cur = &p.h.Parties[len(p.h.Parties)-1]
	}
	cur := p.ensureParty()
	if cur == nil {
		p.sub = ""
		return
	}
	p.sub = name
	if name == "FORMER-COMPANY" {
		cur.FormerNames = append(cur.FormerNames, FormerName{})
	}
}

func (p *headerParser) field(name string, value []byte) {
	cur := p.cur
	if cur == nil {
		if name != "CIK" && name != "CONFORMED-NAME" {
			return
		}
		if cur = p.ensureParty(); cur == nil {
			return
		}
	}
	v := string(value)
	set := func(dst *string) {
		if *dst == "" {
			*dst = v
		}
	}
	var addr *Address
	switch p.sub {
	case "BUSINESS-ADDRESS":
		addr = &cur.Business
	case "MAIL-ADDRESS":
		addr = &cur.Mail
	}
	switch name {
	case "CONFORMED-NAME":
		set(&cur.Name)
	case "CIK":
		set(&cur.CIK)
	case "ASSIGNED-SIC":
		set(&cur.SIC)
	case "ORGANIZATION-NAME":
		set(&cur.OrganizationName)
	case "IRS-NUMBER", "EIN":
		set(&cur.IRSNumber)
	case "STATE-OF-INCORPORATION":
		set(&cur.StateOfIncorporation)
	case "FISCAL-YEAR-END":
		set(&cur.FiscalYearEnd)
	case "FORM-TYPE":
		set(&cur.FormType)
	case "ACT":
		set(&cur.Act)
	case "FILE-NUMBER":
		set(&cur.FileNumber)
	case "FILM-NUMBER":
		set(&cur.FilmNumber)
	case "RELATIONSHIP":
		set(&cur.Relationship)
	case "STREET1", "STREET2", "CITY", "STATE", "ZIP", "PHONE":
		if addr == nil {
			return
		}
		switch name {
		case "STREET1":
			set(&addr.Street1)
		case "STREET2":
			set(&addr.Street2)
		case "CITY":
			set(&addr.City)
		case "STATE":
			set(&addr.State)
		case "ZIP":
			set(&addr.Zip)
		case "PHONE":
			set(&addr.Phone)
		}
	case "FORMER-CONFORMED-NAME", "DATE-CHANGED":
		n := len(cur.FormerNames)
		if n == 0 || (name == "FORMER-CONFORMED-NAME" && cur.FormerNames[n-1].Name != "") ||
			(name == "DATE-CHANGED" && cur.FormerNames[n-1].DateChanged != "") {
			cur.FormerNames = append(cur.FormerNames, FormerName{})
			n++
		}
		if name == "FORMER-CONFORMED-NAME" {
			cur.FormerNames[n-1].Name = v
		} else {
			cur.FormerNames[n-1].DateChanged = v
		}
	}
}

// finishParty drops empty former-name entries of the open party.
func (p *headerParser) finishParty() {
	if p.cur == nil {
		return
	}
	fn := p.cur.FormerNames[:0]
	for _, f := range p.cur.FormerNames {
		if f != (FormerName{}) {
			fn = append(fn, f)
		}
	}
	if len(fn) == 0 {
		fn = nil
	}
	p.cur.FormerNames = fn
}

func (p *headerParser) finish() {
	p.finishParty()
	p.cur = nil
}
